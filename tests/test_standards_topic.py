"""The standardized-disclosure topic page: domains, a domain section, items and their content."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from gov_disclosure.standards.models import (
    Catalogue,
    CatalogueItemLink,
    CatalogueScope,
    PageCatalogueItem,
    StandardDomain,
)

from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import ArticlePageFactory, ThemeCategoryFactory
from .standards_factories import (
    CatalogueFactory,
    CatalogueItemFactory,
    StandardsTopicPageFactory,
    domain,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return CatalogueFactory(name="示范县基层政务公开标准目录")


@pytest.fixture
def topic(site, catalogue):
    return StandardsTopicPageFactory(parent=site.root_page, catalogue=catalogue)


def domain_url(topic, name):
    return topic.url + topic.reverse_subpage("domain_section", args=[domain(name).pk])


def fill(catalogue, count, site, *, with_content=True):
    """``count`` items of 社会救助, each with a hand-attached article and an outside link."""
    items = []
    for n in range(count):
        item = CatalogueItemFactory(catalogue=catalogue, level2=f"事项{n}")
        if with_content:
            article = ArticlePageFactory(parent=site.root_page, title=f"第{n}批救助名单公示")
            CatalogueItemLink.objects.create(item=item, page=article)
            CatalogueItemLink.objects.create(
                item=item, url=f"https://mzt.example.gov.cn/{n}", title=f"省平台公示{n}"
            )
            PageCatalogueItem.objects.create(
                page=ArticlePageFactory(parent=site.root_page, title=f"第{n}季度资金发放"),
                item=item,
            )
        items.append(item)
    return items


def test_overview_lists_every_visible_domain_with_counts(client, topic, catalogue, site):
    fill(catalogue, 2, site)
    CatalogueItemFactory(catalogue=catalogue, domain=domain("就业"))  # nothing attached
    StandardDomain.objects.filter(name="扶贫").update(hidden=True)

    html = client.get(topic.url).content.decode()

    assert html.count('<li class="gd-topic__domain') == 25
    assert "扶贫" not in html
    assert "社会救助" in html and "城乡规划" in html
    assert "《示范县基层政务公开标准目录》共有 3 个公开事项，其中 2 个已有公开信息。" in html


def test_domain_section_shows_every_column_and_the_content(client, topic, catalogue, site):
    fill(catalogue, 1, site)
    empty = CatalogueItemFactory(catalogue=catalogue, level2="临时救助对象")

    response = client.get(domain_url(topic, "社会救助"))

    html = response.content.decode()
    assert response.status_code == 200
    columns = (
        "最低生活保障",
        "《社会救助暂行办法》",
        "信息形成或变更之日起20个工作日内",
        "县民政局",
    )
    for text in columns:
        assert text in html
    assert "第0批救助名单公示" in html and "第0季度资金发放" in html
    assert 'href="https://mzt.example.gov.cn/0"' in html
    # The empty item says so plainly, in its own place.
    section = html[html.index(f'id="{empty.anchor}"') :]
    assert "本事项暂无公开信息" in section


def test_only_public_pages_are_listed(client, topic, catalogue, site):
    item = CatalogueItemFactory(catalogue=catalogue)
    draft = ArticlePageFactory(parent=site.root_page, title="尚未发布的名单", publish=False)
    private = ArticlePageFactory(parent=site.root_page, title="受限的名单")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    held = ArticlePageFactory(
        parent=site.root_page,
        title="依申请公开的名单",
        disclosure_attribute="on_application",
        disclosure_reason="第十五条",
    )
    for page in (draft, private, held):
        CatalogueItemLink.objects.create(item=item, page=page)
        PageCatalogueItem.objects.create(page=page, item=item)

    html = client.get(domain_url(topic, "社会救助")).content.decode()

    for title in ("尚未发布的名单", "受限的名单", "依申请公开的名单"):
        assert title not in html
    assert "本事项暂无公开信息" in html


def test_rule_attaches_documents_of_a_theme_category_and_subcategories(
    client, topic, catalogue, site
):
    parent = ThemeCategoryFactory(name="民政")
    child = ThemeCategoryFactory(name="社会救助", parent=parent)
    other = ThemeCategoryFactory(name="交通")
    library = DocumentLibraryPageFactory(parent=site.root_page)
    DocumentPageFactory(
        parent=library,
        title="关于调整城乡低保标准的通知",
        theme_category=child,
        publication_date=datetime.date(2026, 3, 1),
    )
    DocumentPageFactory(parent=library, title="公交线路调整的通告", theme_category=other)
    CatalogueItemFactory(catalogue=catalogue, rule_theme_category=parent)

    html = client.get(domain_url(topic, "社会救助")).content.decode()

    assert "关于调整城乡低保标准的通知" in html
    assert "2026-03-01" in html
    assert "公交线路调整的通告" not in html


def test_domain_section_query_count_does_not_grow_with_items(
    client, topic, catalogue, site, django_assert_num_queries
):
    category = ThemeCategoryFactory(name="民政")
    library = DocumentLibraryPageFactory(parent=site.root_page)
    DocumentPageFactory(parent=library, theme_category=category)
    fill(catalogue, 2, site)
    CatalogueItemFactory(catalogue=catalogue, rule_theme_category=category)
    url = domain_url(topic, "社会救助")
    client.get(url)  # warm the site-root cache, as a running site has

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    fill(catalogue, 8, site)
    for _ in range(3):
        CatalogueItemFactory(catalogue=catalogue, rule_theme_category=category)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
    # Serving the page takes 8, the items and their hand-attached content 7, the rules 2 plus
    # one per registered content type that has theme categories (7 in the example site).
    assert len(small) <= 26


def test_overview_query_count_does_not_grow_with_items(
    client, topic, catalogue, site, django_assert_num_queries
):
    fill(catalogue, 2, site)
    client.get(topic.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(topic.url)
    fill(catalogue, 6, site)
    for name in ("就业", "养老服务", "义务教育"):
        CatalogueItemFactory(catalogue=catalogue, domain=domain(name))
    with django_assert_num_queries(len(small)):
        client.get(topic.url)


def test_village_catalogue_links_to_the_matching_county_item(client, topic, catalogue, site):
    county_item = CatalogueItemFactory(catalogue=catalogue, level2="低保对象公示")
    village = Catalogue.objects.create(
        name="城关镇东关村村务公开目录", scope=CatalogueScope.VILLAGE, parent=catalogue
    )
    CatalogueItemFactory(catalogue=village, level2="本村低保户名单", county_item=county_item)

    overview = client.get(topic.url).content.decode()
    assert "城关镇东关村村务公开目录" in overview
    url = topic.url + topic.reverse_subpage("village_catalogue", args=[village.pk])
    html = client.get(url).content.decode()

    assert "本村低保户名单" in html
    assert f"{domain_url(topic, '社会救助')}#{county_item.anchor}" in html


def test_other_catalogues_and_hidden_domains_are_not_reachable(client, topic, catalogue):
    stranger = CatalogueFactory(name="另一个县的目录")
    village = Catalogue.objects.create(name="外县村", scope=CatalogueScope.VILLAGE, parent=stranger)
    item = CatalogueItemFactory(catalogue=stranger)
    StandardDomain.objects.filter(name="扶贫").update(hidden=True)

    assert client.get(domain_url(topic, "扶贫")).status_code == 404
    assert client.get(topic.url + "domain/999999/").status_code == 404
    village_url = topic.url + topic.reverse_subpage("village_catalogue", args=[village.pk])
    assert client.get(village_url).status_code == 404
    item_url = topic.url + topic.reverse_subpage("item_detail", args=[item.pk])
    assert client.get(item_url).status_code == 404


def test_item_page_lists_everything_beyond_the_topic_limit(client, topic, catalogue, settings):
    settings.GOV_DISCLOSURE_STANDARDS_ITEM_CONTENT_LIMIT = 2
    item = CatalogueItemFactory(catalogue=catalogue)
    for n in range(4):
        CatalogueItemLink.objects.create(
            item=item,
            url=f"https://example.gov.cn/{n}",
            title=f"公示第{n}期",
            date=datetime.date(2026, 1, n + 1),
        )

    html = client.get(domain_url(topic, "社会救助")).content.decode()
    assert "公示第3期" in html and "公示第2期" in html and "公示第0期" not in html
    item_url = topic.url + topic.reverse_subpage("item_detail", args=[item.pk])
    assert item_url in html
    full = client.get(item_url).content.decode()
    assert all(f"公示第{n}期" in full for n in range(4))


@pytest.mark.parametrize("kind", ["article", "project"])
def test_editor_chooses_the_item_on_the_page_edit_form(
    client, superuser, topic, catalogue, site, kind
):
    """The 标准目录 tab is on every gov_disclosure page type, whether it declares its own tabs
    (projects) or not (articles); what is chosen there shows on the topic once published."""
    from django.urls import reverse
    from wagtail.test.utils.form_data import querydict_from_html

    from .project_factories import ProjectIndexPageFactory, ProjectPageFactory

    item = CatalogueItemFactory(catalogue=catalogue, level2="救助政策")
    if kind == "article":
        page = ArticlePageFactory(parent=site.root_page, title="示范县临时救助实施细则")
    else:
        index = ProjectIndexPageFactory(parent=site.root_page)
        page = ProjectPageFactory(parent=index, title="示范县社会福利中心建设项目")
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    edit = client.get(url).content.decode()
    assert zh_standard_catalogue() in edit
    data = querydict_from_html(edit, form_id="page-edit-form")
    data.update(
        {
            "standard_catalogue_items-TOTAL_FORMS": "1",
            "standard_catalogue_items-0-item": str(item.pk),
            "standard_catalogue_items-0-id": "",
            "standard_catalogue_items-0-ORDER": "1",
            "standard_catalogue_items-0-DELETE": "",
            "action-publish": "publish",
        }
    )
    if kind == "article":
        data["body-count"] = "0"  # a StreamField's form is drawn by JavaScript: none here
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PageCatalogueItem.objects.filter(page=page, item=item).exists()

    client.logout()
    html = client.get(domain_url(topic, "社会救助")).content.decode()
    section = html[html.index(f'id="{item.anchor}"') :]
    assert page.title in section


def zh_standard_catalogue():
    from django.utils import translation

    with translation.override("zh-hans"):
        return translation.gettext("Standard catalogue")


def test_a_page_chosen_by_hand_is_dated_by_its_own_publication_date(client, topic, catalogue, site):
    """Not by the day it went live on the site: a 2024 document entered today reads 2024."""
    library = DocumentLibraryPageFactory(parent=site.root_page)
    document = DocumentPageFactory(
        parent=library,
        title="示范县最低生活保障实施办法",
        publication_date=datetime.date(2024, 5, 6),
    )
    item = CatalogueItemFactory(catalogue=catalogue)
    PageCatalogueItem.objects.create(page=document, item=item)

    html = client.get(domain_url(topic, "社会救助")).content.decode()

    section = html[html.index(f'id="{item.anchor}"') :]
    assert "示范县最低生活保障实施办法" in section
    assert '<time datetime="2024-05-06">' in section


def test_the_topic_lists_the_pages_of_its_own_language(client, topic, catalogue, site):
    """A translated page is not listed beside its original (by hand or by rule)."""
    from wagtail.models import Locale

    category = ThemeCategoryFactory(name="民政")
    item = CatalogueItemFactory(catalogue=catalogue, rule_theme_category=category)
    original = ArticlePageFactory(
        parent=site.root_page, title="低保标准调整公告", theme_category=category
    )
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = original.copy_for_translation(english, copy_parents=True)
    translation.title = "Notice on the new minimum living allowance"
    translation.save_revision().publish()
    CatalogueItemLink.objects.create(item=item, page=translation)

    html = client.get(domain_url(topic, "社会救助")).content.decode()

    section = html[html.index(f'id="{item.anchor}"') :]
    assert "低保标准调整公告" in section
    assert "Notice on the new minimum living allowance" not in section
