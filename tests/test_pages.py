"""The portal and article pages: what the public sees, and what it never sees."""

import pytest
from wagtail.models import PageViewRestriction

from gov_disclosure.models import DisclosureArticlePage, DisclosureAttribute
from gov_disclosure.registry import registry

from .factories import AgencyFactory, ArticlePageFactory, PortalPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(root_page):
    agency = AgencyFactory(
        name="示范县人民政府办公室", address="示范县人民路1号", phone="0531-12345678"
    )
    return PortalPageFactory(parent=root_page, agency=agency)


def test_article_page_renders_metadata(client, portal):
    agency = AgencyFactory(name="示范县教育局")
    page = ArticlePageFactory(
        parent=portal, title="关于做好2026年秋季开学工作的通知", agency=agency
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "关于做好2026年秋季开学工作的通知" in html
    assert "示范县教育局" in html
    assert "主动公开" in html  # the disclosure attribute, translated


@pytest.mark.parametrize(
    "attribute", [DisclosureAttribute.ON_APPLICATION, DisclosureAttribute.NOT_DISCLOSED]
)
def test_not_proactive_pages_are_never_served(client, portal, attribute):
    page = ArticlePageFactory(
        parent=portal, disclosure_attribute=attribute, disclosure_reason="涉及第三方合法权益"
    )
    assert page.live
    assert client.get(page.url).status_code == 404


def test_portal_lists_only_public_items(client, portal):
    public = ArticlePageFactory(parent=portal, title="公开的通知")
    ArticlePageFactory(
        parent=portal,
        title="依申请公开的材料",
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="依申请公开",
    )
    ArticlePageFactory(parent=portal, title="草稿中的通知", publish=False)
    restricted = ArticlePageFactory(parent=portal, title="内部传阅的通知")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get(portal.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert public.title in html
    assert "依申请公开的材料" not in html
    assert "草稿中的通知" not in html
    assert "内部传阅的通知" not in html
    assert "示范县人民路1号" in html


def test_portal_shows_newest_first_and_respects_the_limit(client, portal, settings):
    import datetime

    settings.GOV_DISCLOSURE_PORTAL_LATEST_COUNT = 2
    for day in (1, 3, 2):
        ArticlePageFactory(
            parent=portal, title=f"三月{day}日的通知", publication_date=datetime.date(2026, 3, day)
        )
    titles = [item.title for entry, items in portal.get_sections() for item in items]
    assert titles == ["三月3日的通知", "三月2日的通知"]


def test_portal_query_count_does_not_grow_with_items(client, portal, django_assert_max_num_queries):
    for _ in range(3):
        ArticlePageFactory(parent=portal, agency=AgencyFactory())
    client.get(portal.url)  # warm the site-root cache
    # Wagtail's routing, locale and view-restriction checks (7), breadcrumbs (1), the portal's
    # agency (1), the view restrictions for the lists (1), one query per registered page type.
    with django_assert_max_num_queries(10 + len(registry)) as few:
        client.get(portal.url)
    for _ in range(6):
        ArticlePageFactory(parent=portal, agency=AgencyFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(portal.url)


def test_empty_portal_says_so(client, portal):
    response = client.get(portal.url)
    assert "这里还没有发布任何内容" in response.content.decode()


def test_public_disclosures_queryset(portal):
    ArticlePageFactory(parent=portal, title="甲")
    ArticlePageFactory(
        parent=portal,
        title="乙",
        disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED,
        disclosure_reason="属于国家秘密",
    )
    assert [p.title for p in DisclosureArticlePage.objects.public_disclosures()] == ["甲"]


def test_editors_can_preview_a_page_the_public_cannot_see(client, superuser, portal):
    page = ArticlePageFactory(
        parent=portal,
        title="依申请公开的答复",
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="依申请公开",
    )
    assert client.get(page.url).status_code == 404
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "依申请公开的答复" in response.content.decode()


def test_plain_page_querysets_can_drop_undisclosed_pages(portal):
    from wagtail.models import Page

    ArticlePageFactory(parent=portal, title="公开")
    ArticlePageFactory(
        parent=portal,
        title="不公开",
        disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED,
        disclosure_reason="属于国家秘密",
    )
    titles = set(registry.exclude_undisclosed(Page.objects.live()).values_list("title", flat=True))
    assert "公开" in titles and "不公开" not in titles
