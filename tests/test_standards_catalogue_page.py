"""The disclosure catalogue (公开目录): every public page of the site, grouped and filtered."""

import datetime

import factory
import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from gov_disclosure.listing import KEYWORD_MAX_LENGTH
from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.standards.dcatalogue import CatalogueFilterForm, catalogue_context
from gov_disclosure.standards.models import DisclosureCataloguePage

from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import AgencyFactory, ArticlePageFactory, PageFactory, ThemeCategoryFactory
from .project_factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db
D = datetime.date


class CataloguePageFactory(PageFactory):
    class Meta:
        model = DisclosureCataloguePage

    title = "政府信息公开目录"
    slug = factory.Sequence(lambda n: f"gkml-{n}")


class Content:
    """Five public pages of three kinds, and four pages the public must never see."""

    def __init__(self, root):
        self.general = ThemeCategoryFactory(name="综合政务")
        self.openness = ThemeCategoryFactory(name="政务公开", parent=self.general)
        self.guides = ThemeCategoryFactory(name="公开指南", parent=self.openness)
        self.building = ThemeCategoryFactory(name="城乡建设")
        self.office = AgencyFactory(name="示范县人民政府办公室")
        self.housing = AgencyFactory(name="示范县住房和城乡建设局")

        library = DocumentLibraryPageFactory(parent=root)
        self.rules = DocumentPageFactory(
            parent=library,
            title="示范县政务公开工作规则",
            document_number="示政办发〔2024〕7号",
            agency=self.office,
            theme_category=self.openness,
            publication_date=D(2024, 3, 1),
        )
        self.guide_rules = DocumentPageFactory(
            parent=library,
            title="示范县公开指南编制办法",
            document_number="示政办发〔2025〕3号",
            agency=self.housing,
            theme_category=self.guides,
            publication_date=D(2025, 2, 1),
        )
        self.roads = DocumentPageFactory(
            parent=library,
            title="示范县城市道路管理办法",
            document_number="示政发〔2023〕15号",
            agency=self.office,
            theme_category=self.building,
            date_written=D(2023, 5, 20),
            publication_date=D(2023, 6, 1),
            effective_date=D(2023, 7, 1),
        )
        self.notice = ArticlePageFactory(
            parent=root,
            title="关于调整政务公开专栏的通知",
            agency=self.office,
            theme_category=self.general,
            publication_date=D(2026, 1, 5),
        )
        self.project = ProjectPageFactory(
            parent=ProjectIndexPageFactory(parent=root),
            title="示范县第一中学改扩建工程",
            agency=self.housing,
            publication_date=D(2025, 7, 1),
        )
        self.public = [self.rules, self.guide_rules, self.roads, self.notice, self.project]

        # Never listed nor counted.
        leak = {"agency": self.office, "theme_category": self.openness}
        self.draft = DocumentPageFactory(
            parent=library, title="泄露：草稿文件", publish=False, **leak
        )
        self.withdrawn = DocumentPageFactory(parent=library, title="泄露：已撤回文件", **leak)
        self.withdrawn.unpublish()
        private_library = DocumentLibraryPageFactory(parent=root, title="内部文件库")
        PageViewRestriction.objects.create(
            page=private_library, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.restricted = DocumentPageFactory(
            parent=private_library, title="泄露：受限栏目下的文件", **leak
        )
        self.on_application = ArticlePageFactory(
            parent=root,
            title="泄露：依申请公开的信息",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="内部事务信息",
            publication_date=D(2024, 5, 5),
            **leak,
        )
        self.leaks = [self.draft, self.withdrawn, self.restricted, self.on_application]
        self.catalogue = CataloguePageFactory(parent=root)


@pytest.fixture
def content(root_page):
    return Content(root_page)


def get(client, content, **params):
    response = client.get(content.catalogue.url, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [row.title for row in response.context["results"]]


# Listing and grouping


def test_every_public_page_is_listed_newest_first_with_its_key_fields(client, content):
    response = get(client, content)
    rows = response.context["results"]

    assert [row.title for row in rows] == [
        "关于调整政务公开专栏的通知",
        "示范县第一中学改扩建工程",
        "示范县公开指南编制办法",
        "示范县政务公开工作规则",
        "示范县城市道路管理办法",
    ]
    rules = rows[3]
    assert rules.url == content.rules.url
    assert rules.number == "示政办发〔2024〕7号"
    assert rules.agency == content.office
    assert rules.category == content.openness
    assert rules.date == D(2024, 3, 1)
    assert rules.kind == "document"
    # Only documents have a document number.
    assert rows[0].number == "" and rows[1].number == ""

    text = response.content.decode()
    assert f'<a href="{content.rules.url}">示范县政务公开工作规则</a>' in text
    assert "示政办发〔2024〕7号" in text
    assert "示范县住房和城乡建设局" in text
    assert '<time datetime="2024-03-01">2024-03-01</time>' in text


def test_groups_count_each_category_with_its_subcategories(client, content):
    context = get(client, content).context
    by_category = {
        group.category.name: group.count for group, _url, _ in context["category_groups"]
    }

    assert by_category == {"综合政务": 3, "政务公开": 2, "公开指南": 1, "城乡建设": 1}
    assert context["uncategorised_count"] == 1  # the project
    assert context["total_count"] == 5
    # In tree order, so a category's subcategories follow it.
    assert list(by_category) == ["综合政务", "政务公开", "公开指南", "城乡建设"]


def test_groups_count_each_agency_and_kind(client, content):
    context = get(client, content).context
    by_agency = {agency.name: count for agency, count, _url, _ in context["agency_groups"]}
    by_kind = {entry.kind: count for entry, count, _url, _ in context["kind_groups"]}

    assert by_agency == {"示范县人民政府办公室": 3, "示范县住房和城乡建设局": 2}
    assert by_kind == {"document": 3, "article": 1, "project": 1}


def test_a_group_link_shows_exactly_the_pages_it_counts(client, content):
    context = get(client, content).context
    for group, url, _current in context["category_groups"]:
        response = client.get(content.catalogue.url + url)
        assert response.context["paginator"].count == group.count, group.category.name
        assert any(current for _g, _u, current in response.context["category_groups"])
    for _agency, count, url, _current in context["agency_groups"]:
        assert client.get(content.catalogue.url + url).context["paginator"].count == count


def test_categories_without_pages_are_left_out(client, content):
    ThemeCategoryFactory(name="空分类", parent=content.general)
    names = [
        group.category.name for group, _u, _c in get(client, content).context["category_groups"]
    ]
    assert "空分类" not in names


# Filters


def test_a_category_filter_includes_its_subcategories(client, content):
    assert set(titles(get(client, content, category=content.general.pk))) == {
        "关于调整政务公开专栏的通知",
        "示范县政务公开工作规则",
        "示范县公开指南编制办法",
    }
    assert set(titles(get(client, content, category=content.openness.pk))) == {
        "示范县政务公开工作规则",
        "示范县公开指南编制办法",
    }
    assert titles(get(client, content, category=content.guides.pk)) == ["示范县公开指南编制办法"]


def test_filter_by_agency_kind_and_year(client, content):
    assert set(titles(get(client, content, agency=content.housing.pk))) == {
        "示范县公开指南编制办法",
        "示范县第一中学改扩建工程",
    }
    assert titles(get(client, content, kind="article")) == ["关于调整政务公开专栏的通知"]
    assert len(titles(get(client, content, kind="document"))) == 3
    assert titles(get(client, content, year=2025)) == [
        "示范县第一中学改扩建工程",
        "示范县公开指南编制办法",
    ]
    assert titles(get(client, content, year=2025, kind="project", agency=content.housing.pk)) == [
        "示范县第一中学改扩建工程"
    ]


def test_keyword_searches_titles_and_document_numbers(client, content):
    assert set(titles(get(client, content, q="政务公开"))) == {
        "关于调整政务公开专栏的通知",
        "示范县政务公开工作规则",
    }
    assert titles(get(client, content, q="〔2023〕15号")) == ["示范县城市道路管理办法"]
    # Every word must match.
    assert titles(get(client, content, q="示范县  办法 指南")) == ["示范县公开指南编制办法"]
    assert titles(get(client, content, q="泄露")) == []


def test_a_year_with_nothing_in_it_is_a_fair_question(client, content):
    response = get(client, content, year=2019)
    assert titles(response) == []
    assert response.context["filter_problems"] == []


@pytest.mark.parametrize(
    "params, field",
    [
        ({"category": "abc"}, "category"),
        ({"category": "999999"}, "category"),
        ({"agency": "999999"}, "agency"),
        ({"agency": "1 OR 1=1"}, "agency"),
        ({"kind": "secret"}, "kind"),
        ({"year": "twenty"}, "year"),
        ({"year": "99999"}, "year"),
        ({"q": "字" * (KEYWORD_MAX_LENGTH + 1)}, "q"),
    ],
)
def test_a_bad_filter_is_dropped_with_the_forms_message(client, content, params, field):
    response = get(client, content, **params)

    form = CatalogueFilterForm(
        params,
        kinds=[],
        agencies=[],
        categories=list(content.general.__class__.objects.in_tree_order()),
        years=[],
    )
    form.is_valid()
    assert field in form.errors
    problems = response.context["filter_problems"]
    assert len(problems) == 1
    with translation.override("zh-hans"):
        expected = str(problems[0])
        assert " ".join(str(e) for e in form.errors[field]) in expected
        assert str(form.fields[field].label) in expected
    assert expected in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    # The other filters still apply, and every public page stays listed.
    assert response.context["paginator"].count == 5


def test_a_bad_filter_leaves_the_good_ones_working(client, content):
    response = get(client, content, kind="nope", agency=content.housing.pk)
    assert len(response.context["filter_problems"]) == 1
    assert len(titles(response)) == 2


# Leaks


def test_drafts_withdrawn_restricted_and_not_proactive_pages_are_never_listed(client, content):
    leaked = [page.title for page in content.leaks]
    assert all(title.startswith("泄露") for title in leaked)
    text = get(client, content).content.decode()
    assert "泄露" not in text
    for params in (
        {"agency": content.office.pk},
        {"category": content.openness.pk},
        {"year": 2024},
        {"kind": "document"},
        {"kind": "article"},
        {"q": "泄露"},
    ):
        text = get(client, content, **params).content.decode()
        assert not [title for title in leaked if title in text], params


def test_pages_the_public_cannot_see_are_not_counted(client, content):
    context = get(client, content, agency=content.office.pk).context
    assert context["paginator"].count == 3
    by_agency = {agency.pk: count for agency, count, _u, _c in context["agency_groups"]}
    assert by_agency[content.office.pk] == 3
    by_category = {g.category.pk: g.count for g, _u, _c in context["category_groups"]}
    assert by_category[content.openness.pk] == 2
    assert context["total_count"] == 5


def test_an_agency_with_only_hidden_pages_is_not_offered(client, content):
    hidden = AgencyFactory(name="只有草稿的局")
    DocumentPageFactory(
        parent=content.rules.get_parent(), agency=hidden, title="泄露：另一份草稿", publish=False
    )
    response = get(client, content, agency=hidden.pk)
    assert len(response.context["filter_problems"]) == 1
    assert "只有草稿的局" not in response.content.decode()


def test_pages_of_another_site_are_not_listed(client, content, tree_root):
    from wagtail.models import Page

    other_home = tree_root.add_child(instance=Page(title="另一站点", slug="other"))
    Site.objects.create(hostname="other.example", root_page=other_home)
    try:
        ArticlePageFactory(parent=other_home, title="别的站点的通知")
        assert "别的站点的通知" not in get(client, content).content.decode()
    finally:
        # The root paths are cached outside the database, which the test's rollback restores.
        Site.clear_site_root_paths_cache()


# Pagination


@override_settings(GOV_DISCLOSURE_DISCLOSURE_CATALOGUE_PAGE_SIZE=2)
def test_pages_of_rows_and_bad_page_numbers(client, content):
    first = get(client, content)
    assert titles(first) == ["关于调整政务公开专栏的通知", "示范县第一中学改扩建工程"]
    assert first.context["paginator"].num_pages == 3
    third = get(client, content, page=3)
    assert titles(third) == ["示范县城市道路管理办法"]
    assert '<td class="gd-dcat__number">5</td>' in third.content.decode()

    # Filters are kept in the pager's links.
    filtered = get(client, content, kind="document")
    assert filtered.context["next_url"] == "?kind=document&page=2"

    for bad in ("abc", "0", "99"):
        response = get(client, content, page=bad)
        assert len(response.context["filter_problems"]) == 1
        assert response.context["results"]


# Queries


def test_the_catalogue_context_takes_six_queries(content, django_assert_num_queries):
    request = RequestFactory().get(content.catalogue.url, {"category": content.general.pk})
    # What Wagtail's serving has read before the page's context: the site and its root paths.
    Site.find_for_request(request)
    Site.get_site_root_paths()
    # view restrictions, categories, counts, agencies, the number of rows, the rows
    with django_assert_num_queries(6):
        context = catalogue_context(content.catalogue, request)
        assert len(context["results"]) == 3


def test_the_query_count_is_the_same_for_3_and_30_pages(
    client, root_page, django_assert_max_num_queries
):
    category = ThemeCategoryFactory(name="综合政务")
    library = DocumentLibraryPageFactory(parent=root_page)
    projects = ProjectIndexPageFactory(parent=root_page)
    catalogue = CataloguePageFactory(parent=root_page)
    for _n in range(3):
        DocumentPageFactory(parent=library, theme_category=category)
    client.get(catalogue.url)  # warm the caches of the site

    with CaptureQueriesContext(connection) as few:
        response = client.get(catalogue.url, {"category": category.pk})
    assert response.context["paginator"].count == 3

    for _n in range(9):
        DocumentPageFactory(parent=library, theme_category=category)
        ArticlePageFactory(parent=root_page, theme_category=category, agency=AgencyFactory())
        ProjectPageFactory(parent=projects, theme_category=category)
    with django_assert_max_num_queries(15):
        response = client.get(catalogue.url, {"category": category.pk})
    assert response.context["paginator"].count == 30
    with CaptureQueriesContext(connection) as many:
        client.get(catalogue.url, {"category": category.pk})
    assert len(many) == len(few)


# In a browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_catalogue_reads_well_and_filters_on_a_phone(live_server, content, tab, viewport):
    from .browser_support import reads_well, screenshot

    response = tab.goto(live_server.url + content.catalogue.url)
    assert response.status == 200
    screenshot(tab, f"standards-disclosure-catalogue-{viewport}")
    reads_well(tab)
    assert tab.locator(".gd-dcat__row").count() == 5

    tab.locator(".gd-filter__summary").click()
    tab.select_option("#id_kind", "document")
    tab.locator(".gd-filter__actions button").click()
    tab.wait_for_load_state()
    assert tab.locator(".gd-dcat__row").count() == 3
    screenshot(tab, f"standards-disclosure-catalogue-filtered-{viewport}")

    tab.locator(".gd-dcat__group-item a", has_text="政务公开").first.click()
    tab.wait_for_load_state()
    assert tab.locator(".gd-dcat__row").count() == 2
    number = (
        tab.locator(".gd-dcat__row", has_text="示范县政务公开工作规则")
        .locator(".gd-dcat__cell")
        .first
    )
    assert number.is_visible()
    assert "示政办发〔2024〕7号" in number.inner_text()
