"""The example site's demo content: ``load_demo_content`` and ``create_demo_admin``."""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape
from home import demo_content as demo
from stdnum.cn import uscc
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosurePortalPage,
    ThemeCategory,
)
from gov_disclosure.validators import validate_credit_code

PUBLIC_ARTICLES = [a for a in demo.ARTICLES if "disclosure_attribute" not in a]
ON_APPLICATION = next(a for a in demo.ARTICLES if a.get("disclosure_attribute") == "on_application")


@pytest.fixture
def portal(db):
    call_command("load_demo_content", verbosity=0)
    return DisclosurePortalPage.objects.get(slug=demo.PORTAL["slug"])


def row_counts():
    models = (
        Page,
        Revision,
        PageLogEntry,
        Agency,
        ThemeCategory,
        Site,
        Locale,
        get_document_model(),
    )
    return {model._meta.label: model.objects.count() for model in models}


def test_portal_page_lists_the_public_articles(portal, client):
    assert portal.url == "/xxgk/"
    response = client.get(portal.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "政府信息公开" in html
    assert "《中华人民共和国政府信息公开条例》" in html
    assert "示范县政通路88号" in html  # the contact box of 示范县人民政府
    for article in PUBLIC_ARTICLES:
        assert escape(article["title"]) in html
    assert escape(ON_APPLICATION["title"]) not in html


def test_article_on_application_is_published_but_never_served(portal, client):
    article = DisclosureArticlePage.objects.get(slug=ON_APPLICATION["slug"])

    assert article.live
    assert article.disclosure_attribute == "on_application"
    assert "第十五条" in article.disclosure_reason
    assert client.get(article.url).status_code == 404
    assert not DisclosureArticlePage.objects.public_disclosures().filter(pk=article.pk).exists()


def test_article_page_shows_metadata_facts_and_attachment(portal, client):
    article = DisclosureArticlePage.objects.get(slug="2026-q3-air-quality")

    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "示范县2026年第三季度环境空气质量状况" in html
    assert "示范县生态环境局" in html
    assert "环境监测、保护与治理" in html
    assert "2026-10-15" in html
    assert "优良天数比例" in html and "84.8%" in html
    assert 'class="gd-attachment"' in html and ".csv" in html


def test_articles_carry_agencies_categories_and_2026_dates(portal):
    articles = DisclosureArticlePage.objects.child_of(portal).select_related(
        "agency", "theme_category"
    )

    assert articles.count() == len(demo.ARTICLES) == 9
    for article in articles:
        assert article.live and not article.has_unpublished_changes
        assert article.agency is not None and article.theme_category is not None
        assert article.theme_category.parent is not None
        assert article.publication_date.year == 2026
        assert article.summary and len(article.body) >= 1
    assert articles.filter(disclosure_attribute="proactive").count() == 8


def test_home_page_and_site(portal, client):
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == settings.WAGTAIL_SITE_NAME
    assert site.root_page.title == "示范县人民政府"

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "示范县人民政府" in html
    assert 'href="/xxgk/"' in html
    newest = sorted(PUBLIC_ARTICLES, key=lambda a: a["date"], reverse=True)
    for article in newest[:6]:
        assert escape(article["title"]) in html
    assert escape(newest[-1]["title"]) not in html
    assert escape(ON_APPLICATION["title"]) not in html


def test_agency_tree_with_valid_credit_codes(portal):
    agencies = list(Agency.objects.select_related("parent"))

    assert len(agencies) == len(demo.AGENCIES)
    codes = [agency.credit_code for agency in agencies]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert uscc.is_valid(code), code
        assert code.startswith("11" + demo.REGION_CODE)
        validate_credit_code(code)
    (county,) = [a for a in agencies if a.parent is None]
    assert county.name == "示范县人民政府"
    assert all(a.parent == county for a in agencies if a is not county)
    assert all(a.address and a.phone and a.office_hours for a in agencies)
    assert portal.agency == county


def test_organisation_code_check_character():
    # GB 11714 example: body D2143569 has the check character X.
    assert demo.organisation_code("D2143569") == "D2143569X"


def test_theme_category_tree(portal):
    category = ThemeCategory.objects.get(name="政务公开")

    assert category.full_name == "综合政务 › 政务公开"
    assert ThemeCategory.objects.filter(parent=None).count() == len(demo.THEME_CATEGORIES)
    assert ThemeCategory.objects.count() == sum(1 + len(c) for _, c in demo.THEME_CATEGORIES)


def test_demo_has_the_three_content_languages(portal):
    from wagtail.models import Locale

    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"zh-hans", "zh-hant", "en"}
    assert Locale.get_default().language_code == "zh-hans"


def test_running_again_changes_nothing(portal):
    before = row_counts()
    revisions_before = dict(Page.objects.values_list("pk", "latest_revision_id"))

    out = io.StringIO()
    call_command("load_demo_content", stdout=out)

    assert row_counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions_before
    assert "0 created, 0 updated" in out.getvalue() or "新建 0 项，更新 0 项" in out.getvalue()


def test_running_again_restores_only_what_differs(portal):
    article = DisclosureArticlePage.objects.get(slug="2026-flood-season-safety")
    article.title = "改过的标题"
    article.save_revision().publish()
    before = row_counts()

    call_command("load_demo_content", verbosity=0)

    article.refresh_from_db()
    assert article.title == "示范县人民政府办公室关于做好2026年汛期安全防范工作的通知"
    after = row_counts()
    assert after["wagtailcore.Revision"] == before["wagtailcore.Revision"] + 1
    assert after["wagtailcore.Page"] == before["wagtailcore.Page"]


def test_create_demo_admin_generates_the_password_once(db, tmp_path):
    password_file = tmp_path / ".demo_admin_password"
    out = io.StringIO()

    call_command("create_demo_admin", password_file=password_file, stdout=out)

    password = password_file.read_text().strip()
    assert len(password) >= 16
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.check_password(password)
    output = out.getvalue()
    for text in ("admin", password, "http://127.0.0.1:8000/admin/", "用户名", "User name", "密码"):
        assert text in output

    out = io.StringIO()
    call_command("create_demo_admin", password_file=password_file, stdout=out)

    assert password_file.read_text().strip() == password
    assert password in out.getvalue()
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_create_demo_admin_resets_a_changed_password(db, tmp_path):
    password_file = tmp_path / ".demo_admin_password"
    call_command("create_demo_admin", password_file=password_file, stdout=io.StringIO())
    user = get_user_model().objects.get(username="admin")
    user.set_password("something else entirely")
    user.is_superuser = False
    user.save()

    call_command("create_demo_admin", password_file=password_file, stdout=io.StringIO())

    user.refresh_from_db()
    assert user.is_superuser
    assert user.check_password(password_file.read_text().strip())
