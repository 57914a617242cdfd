"""The public pages of the documents app: library, document, interpretation, catalogue, clean-up.

What a citizen sees, what he never sees (drafts, information disclosed on application,
restricted pages), how bad input in the address is answered, and how many queries it takes.
"""

import csv
import datetime
import io
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from gov_disclosure.documents import services
from gov_disclosure.documents.models import (
    CleanupBatch,
    CleanupDecision,
    CleanupResultPage,
    DocumentLibraryPage,
    DocumentPage,
    DocumentType,
    InterpretationType,
    ValidDocumentsCataloguePage,
    Validity,
)
from gov_disclosure.models import DisclosureAttribute

from .document_factories import (
    CataloguePageFactory,
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    InterpretationPageFactory,
    add_attachment,
    build_catalogue_history,
)
from .factories import AgencyFactory, ThemeCategoryFactory

D = datetime.date
TODAY = D(2026, 1, 15)
pytestmark = pytest.mark.django_db


def t(message, **params):
    """``message`` as the public pages show it: translated, and escaped as in HTML."""
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return escape(text % params if params else text)


@pytest.fixture
def frozen_today(monkeypatch):
    """``services.today`` returns TODAY, or the day given to the returned function."""

    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(TODAY)
    return freeze


@pytest.fixture
def library(root_page, frozen_today):
    return DocumentLibraryPageFactory(parent=root_page, title="政策文件库", slug="zcwjk")


@pytest.fixture
def agency():
    return AgencyFactory(name="示范县人民政府办公室", short_name="县政府办")


def document(library, **fields):
    fields.setdefault("agency", AgencyFactory())
    return DocumentPageFactory(parent=library, **fields)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".gdd-result__title a")]


def count_queries(client, url, page_model, monkeypatch):
    """Serve ``url``; return the response, Wagtail's routing queries and the page's own.

    The page's own queries are those from ``serve()`` on: its context and its template,
    breadcrumbs included. Routing (site, locale, each level of the path, aliases, view
    restrictions) happens before and grows with the depth of the page in the tree.
    """
    marks = {}
    original = page_model.serve
    with CaptureQueriesContext(connection) as queries:

        def serve(self, request, *args, **kwargs):
            marks["routing"] = len(queries.captured_queries)
            return original(self, request, *args, **kwargs)

        monkeypatch.setattr(page_model, "serve", serve)
        response = client.get(url)
        monkeypatch.setattr(page_model, "serve", original)
    assert response.status_code == 200
    return response, marks["routing"], len(queries.captured_queries) - marks["routing"]


# The document library (政策文件库)


class TestLibraryFilters:
    @pytest.fixture
    def docs(self, library, agency):
        education = AgencyFactory(name="示范县教育局", short_name="县教育局")
        economy = ThemeCategoryFactory(name="国民经济管理")
        prices = ThemeCategoryFactory(name="物价", parent=economy)
        health = ThemeCategoryFactory(name="卫生健康")
        return {
            "fees": document(
                library,
                title="示范县行政事业性收费管理办法",
                agency=agency,
                theme_category=prices,
                document_number="示政办发〔2024〕5号",
                publication_date=D(2024, 3, 1),
                date_written=D(2024, 2, 20),
                effective_date=D(2024, 4, 1),
            ),
            "schools": document(
                library,
                title="示范县中小学校舍安全管理规定",
                agency=education,
                theme_category=health,
                document_number="示教发〔2025〕12号",
                publication_date=D(2025, 5, 10),
                date_written=D(2025, 5, 1),
                effective_date=D(2025, 6, 1),
            ),
            "plan": document(
                library,
                title="示范县国民经济和社会发展规划纲要",
                agency=agency,
                theme_category=economy,
                document_type=DocumentType.OTHER,
                document_number="",
                publication_date=D(2025, 1, 20),
                date_written=D(2025, 1, 10),
                effective_date=D(2025, 1, 20),
            ),
            "future": document(
                library,
                title="示范县城市供水价格调整办法",
                agency=agency,
                theme_category=prices,
                document_number="示政办发〔2025〕30号",
                publication_date=D(2026, 1, 5),
                date_written=D(2025, 12, 30),
                effective_date=D(2026, 3, 1),
            ),
        }

    def get(self, client, library, **params):
        response = client.get(library.url, params)
        assert response.status_code == 200
        return response

    def test_lists_newest_first_by_default(self, client, library, docs):
        response = self.get(client, library)
        assert result_titles(response) == [
            docs["future"].title,
            docs["schools"].title,
            docs["plan"].title,
            docs["fees"].title,
        ]
        html = response.content.decode()
        assert "示政办发〔2024〕5号" in html
        assert "示范县教育局" in html
        assert "2025-05-10" in html

    def test_agency(self, client, library, docs, agency):
        response = self.get(client, library, agency=agency.pk)
        assert set(result_titles(response)) == {
            docs["fees"].title,
            docs["plan"].title,
            docs["future"].title,
        }

    def test_theme_category_includes_subcategories(self, client, library, docs):
        economy = docs["plan"].theme_category
        prices = docs["fees"].theme_category
        assert set(result_titles(self.get(client, library, category=economy.pk))) == {
            docs["plan"].title,
            docs["fees"].title,
            docs["future"].title,
        }
        assert set(result_titles(self.get(client, library, category=prices.pk))) == {
            docs["fees"].title,
            docs["future"].title,
        }

    def test_year(self, client, library, docs):
        assert set(result_titles(self.get(client, library, year=2025))) == {
            docs["schools"].title,
            docs["plan"].title,
        }
        # The year select offers the years that have documents, newest first.
        options = [o["value"] for o in soup(self.get(client, library)).select("#id_year option")]
        assert options == ["", "2026", "2025", "2024"]

    def test_a_year_without_documents_gives_none(self, client, library, docs):
        response = self.get(client, library, year=2019)
        assert result_titles(response) == []
        assert soup(response).select_one("#id_year option[selected]")["value"] == "2019"

    def test_validity(self, client, library, docs):
        assert result_titles(self.get(client, library, validity=Validity.NOT_YET_EFFECTIVE)) == [
            docs["future"].title
        ]
        services.change_validity(docs["fees"], Validity.REPEALED, reason="已不适应管理需要")
        assert result_titles(self.get(client, library, validity=Validity.REPEALED)) == [
            docs["fees"].title
        ]

    def test_document_type(self, client, library, docs):
        assert result_titles(self.get(client, library, type=DocumentType.OTHER)) == [
            docs["plan"].title
        ]

    @pytest.mark.parametrize(
        "keyword, expected",
        [
            ("校舍", ["schools"]),
            ("示教发〔2025〕12号", ["schools"]),
            ("  示范县   管理  ", ["schools", "fees"]),  # every term, anywhere
            ("收费 2024", ["fees"]),  # terms may match different fields
            ("常务会议", ["future", "schools", "plan", "fees"]),  # the caption
            ("没有这样的文件", []),
        ],
    )
    def test_keyword(self, client, library, docs, keyword, expected):
        response = self.get(client, library, q=keyword)
        assert result_titles(response) == [docs[name].title for name in expected]

    def test_keyword_finds_the_index_number(self, client, library, docs):
        number = docs["schools"].index_number
        assert number
        assert result_titles(self.get(client, library, q=number)) == [docs["schools"].title]

    def test_filters_combine(self, client, library, docs, agency):
        response = self.get(
            client,
            library,
            agency=agency.pk,
            category=docs["plan"].theme_category.pk,
            year=2024,
            validity=Validity.VALID,
            type=DocumentType.NORMATIVE,
            q="收费",
        )
        assert result_titles(response) == [docs["fees"].title]
        response = self.get(client, library, agency=agency.pk, year=2025, type="normative")
        assert result_titles(response) == []
        assert t(
            "No document matches these conditions. Try fewer conditions or another keyword."
        ) in (response.content.decode())

    def test_the_form_keeps_the_choices(self, client, library, docs, agency):
        page = soup(self.get(client, library, agency=agency.pk, q="收费", sort="oldest"))
        assert page.select_one("#id_q")["value"] == "收费"
        assert page.select_one("#id_agency option[selected]")["value"] == str(agency.pk)
        assert page.select_one("#id_sort option[selected]")["value"] == "oldest"
        assert page.select_one("details.gd-filter__more").has_attr("open")
        assert not soup(self.get(client, library)).select_one("details").has_attr("open")

    def test_only_agencies_with_documents_here_are_offered(self, client, library, docs):
        AgencyFactory(name="示范县林业局")
        names = [o.get_text() for o in soup(self.get(client, library)).select("#id_agency option")]
        assert "示范县教育局" in names
        assert "示范县林业局" not in names

    @pytest.mark.parametrize(
        "sort, expected",
        [
            ("newest", ["future", "schools", "plan", "fees"]),
            ("oldest", ["fees", "plan", "schools", "future"]),
            ("written", ["future", "schools", "plan", "fees"]),
            ("effective", ["future", "schools", "plan", "fees"]),
        ],
    )
    def test_sorting(self, client, library, docs, sort, expected):
        response = self.get(client, library, sort=sort)
        assert result_titles(response) == [docs[name].title for name in expected]

    def test_sorting_by_effective_date(self, client, library, docs):
        docs["plan"].effective_date = D(2027, 1, 1)
        docs["plan"].save_revision().publish()
        response = self.get(client, library, sort="effective")
        assert result_titles(response)[0] == docs["plan"].title


class TestPagination:
    @pytest.fixture
    def docs(self, library, agency, settings):
        settings.GOV_DISCLOSURE_LIBRARY_PAGE_SIZE = 2
        return [
            document(
                library, agency=agency, title=f"第{day}号办法", publication_date=D(2024, 3, day)
            )
            for day in range(1, 6)
        ]

    def test_pages(self, client, library, docs):
        first = client.get(library.url)
        assert result_titles(first) == ["第5号办法", "第4号办法"]
        second = client.get(library.url, {"page": 2})
        assert result_titles(second) == ["第3号办法", "第2号办法"]
        last = client.get(library.url, {"page": 3})
        assert result_titles(last) == ["第1号办法"]
        page = soup(second)
        assert page.select_one("ol.gdd-results")["start"] == "3"
        assert page.select_one(".gd-pager__current").get_text() == "2"
        assert page.select_one("a[rel=prev]")["href"] == "?"
        assert page.select_one("a[rel=next]")["href"] == "?page=3"

    def test_links_keep_the_filters_and_drop_bad_ones(self, client, library, docs, agency):
        response = client.get(library.url, {"agency": agency.pk, "q": "办法", "year": "abc"})
        next_url = soup(response).select_one("a[rel=next]")["href"]
        assert next_url == f"?q=%E5%8A%9E%E6%B3%95&agency={agency.pk}&page=2"
        assert result_titles(client.get(library.url + next_url)) == ["第3号办法", "第2号办法"]

    @pytest.mark.parametrize("number", ["999999", "4"])
    def test_a_page_past_the_end_shows_the_last(self, client, library, docs, number):
        response = client.get(library.url, {"page": number})
        assert response.status_code == 200
        assert result_titles(response) == ["第1号办法"]
        assert t("There is no page %(number)s; the last page is shown.", number=number) in (
            response.content.decode()
        )

    @pytest.mark.parametrize("number", ["abc", "-1", "0", "1.5", "１"])
    def test_a_bad_page_number_shows_the_first(self, client, library, docs, number):
        response = client.get(library.url, {"page": number})
        assert response.status_code == 200
        assert result_titles(response) == ["第5号办法", "第4号办法"]
        if number != "１":
            assert t("The page number must be a whole number; the first page is shown.") in (
                response.content.decode()
            )


class TestBadInput:
    @pytest.mark.parametrize(
        "params, message",
        [
            ({"year": "abc"}, "The year must be a number such as 2024."),
            ({"year": "99999999999999999999999"}, "The year must be a number such as 2024."),
            ({"year": "²"}, "The year must be a number such as 2024."),
            ({"agency": "x"}, "There is no such issuing agency here."),
            ({"agency": "987654"}, "There is no such issuing agency here."),
            ({"category": "x"}, "There is no such theme category."),
            ({"validity": "forever"}, "There is no such validity."),
            ({"type": "<script>"}, "There is no such document type."),
            ({"sort": "title; drop table"}, "This sort order is not available."),
        ],
    )
    def test_each_bad_value_is_ignored_with_a_message(
        self, client, library, agency, params, message
    ):
        doc = document(library, agency=agency)
        response = client.get(library.url, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert t(message) in html
        assert soup(response).select_one(".gd-notice--warning")
        assert result_titles(response) == [doc.title]  # the filter is dropped, not the page
        assert "<script>" not in html.split("<main", 1)[1]

    def test_a_too_long_keyword(self, client, library, agency):
        document(library, agency=agency)
        response = client.get(library.url, {"q": "办法" * 200})
        assert response.status_code == 200
        assert soup(response).select_one(".gd-notice--warning")

    def test_good_filters_survive_a_bad_one(self, client, library, agency):
        wanted = document(library, agency=agency, publication_date=D(2025, 2, 1))
        document(library, publication_date=D(2025, 2, 1))
        response = client.get(library.url, {"agency": agency.pk, "year": "二〇二五"})
        assert result_titles(response) == [wanted.title]

    def test_empty_library(self, client, library):
        response = client.get(library.url, {"agency": "1", "page": "3"})
        assert response.status_code == 200
        assert result_titles(response) == []


class TestNothingPrivateIsListed:
    def test_drafts_documents_on_application_and_restricted_ones(self, client, library, agency):
        public = document(library, agency=agency, title="公开的实施办法")
        document(library, agency=agency, title="草稿中的实施办法", publish=False)
        document(
            library,
            agency=agency,
            title="依申请公开的实施办法",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="涉及第三方合法权益",
        )
        document(
            library,
            agency=agency,
            title="不予公开的实施办法",
            disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED,
            disclosure_reason="属于国家秘密",
        )
        restricted = document(library, agency=agency, title="内部传阅的实施办法")
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        unpublished = document(library, agency=agency, title="已撤下的实施办法")
        unpublished.unpublish()
        response = client.get(library.url)
        assert result_titles(response) == [public.title]
        # Not through the filters either.
        for params in ({"q": "实施办法"}, {"validity": "valid"}, {"year": 2024}):
            assert result_titles(client.get(library.url, params)) == [public.title]
        # Nor through the catalogue and its downloads.
        catalogue = CataloguePageFactory(parent=library)
        html = client.get(catalogue.url).content.decode()
        assert public.title in html
        csv_text = client.get(catalogue.url, {"format": "csv"}).content.decode("utf-8-sig")
        assert public.title in csv_text
        for secret in ("草稿中", "依申请公开的", "不予公开的", "内部传阅", "已撤下"):
            assert secret not in html
            assert secret not in csv_text

    def test_documents_of_another_library_are_not_listed(self, client, root_page, library):
        other = DocumentLibraryPageFactory(parent=root_page, title="另一个文件库")
        document(other, title="另一个文件库的文件")
        mine = document(library)
        assert result_titles(client.get(library.url)) == [mine.title]


class TestQueryCount:
    def test_fixed_whatever_the_number_of_documents(self, client, library, monkeypatch):
        category = ThemeCategoryFactory()
        for _ in range(3):
            document(library, theme_category=category)
        client.get(library.url)  # warm the site-root cache
        _response, routing, few = count_queries(
            client, library.url, DocumentLibraryPage, monkeypatch
        )
        for _ in range(27):
            document(library, theme_category=ThemeCategoryFactory())
        response, routing_after, many = count_queries(
            client, library.url, DocumentLibraryPage, monkeypatch
        )
        assert len(result_titles(response)) == 20
        assert (routing_after, many) == (routing, few)
        # Breadcrumbs, view restrictions, count, rows, agencies, categories, years.
        assert many <= 10, many

    def test_fixed_whatever_the_page_size_and_filters(self, client, library, settings, monkeypatch):
        agency = AgencyFactory()
        for _ in range(12):
            document(library, agency=agency)
        client.get(library.url)
        counts = set()
        for size in (5, 50):
            settings.GOV_DISCLOSURE_LIBRARY_PAGE_SIZE = size
            for params in ("", f"?agency={agency.pk}&year=2024&q=办法&sort=oldest&page=2"):
                _response, routing, own = count_queries(
                    client, library.url + params, DocumentLibraryPage, monkeypatch
                )
                counts.add(own)
        assert len(counts) == 1 and counts.pop() <= 10


# A document


@pytest.fixture
def full_document(library, agency):
    category = ThemeCategoryFactory(name="城乡建设、环境保护")
    doc = document(
        library,
        agency=agency,
        title="示范县城市园林绿化管理办法",
        theme_category=category,
        document_number="示政办发〔2024〕3号",
        registration_number="SFGS—2024—3",
        date_written=D(2024, 1, 2),
        publication_date=D(2024, 1, 5),
        effective_date=D(2024, 2, 1),
        expiry_date=D(2029, 1, 31),
        caption="2024年1月2日县政府第3次常务会议审议通过",
        body=[("paragraph", "<p>第一条 为了加强城市园林绿化管理，制定本办法。</p>")],
    )
    add_attachment(doc, "附件1：绿化管理责任清单", word=True)
    add_attachment(doc, "附件2：古树名木名录")
    return doc


class TestDocumentPage:
    def test_metadata_title_caption_body(self, client, full_document, agency):
        response = client.get(full_document.url)
        assert response.status_code == 200
        page = soup(response)
        meta = {
            th.get_text(strip=True): th.find_next_sibling("td").get_text(strip=True)
            for th in page.select("table.gdd-meta th")
        }
        with translation.override("zh-hans"):
            labels = {
                key: translation.gettext(key)
                for key in (
                    "Index number",
                    "Issuing agency",
                    "Document number",
                    "Registration number",
                    "Theme category",
                    "Date written",
                    "Publication date",
                    "Effective date",
                    "Expiry date",
                    "Validity",
                    "Disclosure attribute",
                )
            }
            valid = str(Validity.VALID.label)
            proactive = str(DisclosureAttribute.PROACTIVE.label)
        assert meta[labels["Index number"]] == full_document.index_number
        assert meta[labels["Issuing agency"]] == agency.name
        assert meta[labels["Document number"]] == "示政办发〔2024〕3号"
        assert meta[labels["Registration number"]] == "SFGS—2024—3"
        assert meta[labels["Theme category"]] == "城乡建设、环境保护"
        assert meta[labels["Date written"]] == "2024-01-02"
        assert meta[labels["Publication date"]] == "2024-01-05"
        assert meta[labels["Effective date"]] == "2024-02-01"
        assert meta[labels["Expiry date"]] == "2029-01-31"
        assert meta[labels["Validity"]] == valid
        assert meta[labels["Disclosure attribute"]] == proactive == "主动公开"
        assert page.select_one("h1").get_text(strip=True) == "示范县城市园林绿化管理办法"
        assert "县政府第3次常务会议审议通过" in page.select_one(".gdd-doc__caption").get_text()
        assert "第一条 为了加强城市园林绿化管理" in page.select_one(".gdd-doc__body").get_text()
        assert not page.select(".gdd-banner")

    def test_attachments_as_pdf_and_word(self, client, full_document):
        page = soup(client.get(full_document.url))
        items = page.select(".gdd-attachments__item")
        assert [i.select_one(".gdd-attachments__title").get_text() for i in items] == [
            "附件1：绿化管理责任清单",
            "附件2：古树名木名录",
        ]
        first, second = [[a["href"] for a in i.select("a.gdd-file")] for i in items]
        assert len(first) == 2 and first[0].endswith(".pdf") and first[1].endswith(".docx")
        assert len(second) == 1 and second[0].endswith(".pdf")

    def test_interpretations_listed_public_only(self, client, library, full_document):
        shown = InterpretationPageFactory(
            parent=library,
            document=full_document,
            title="一图读懂《示范县城市园林绿化管理办法》",
            interpretation_type=InterpretationType.GRAPHIC,
        )
        InterpretationPageFactory(
            parent=library, document=full_document, title="尚未发布的解读", publish=False
        )
        InterpretationPageFactory(
            parent=library,
            document=full_document,
            title="依申请公开的解读",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="过程性信息",
        )
        page = soup(client.get(full_document.url))
        section = page.select_one(".gdd-interpretations")
        assert [a.get_text() for a in section.select("a")] == [shown.title]
        assert section.select_one("a")["href"] == shown.url
        with translation.override("zh-hans"):
            assert str(InterpretationType.GRAPHIC.label) in section.get_text()

    def test_repealed_banner_links_to_what_replaced_it(self, client, library, full_document):
        new = document(
            library, title="示范县城市绿化条例实施办法", document_number="示政发〔2025〕8号"
        )
        services.change_validity(
            full_document,
            Validity.REPEALED,
            changed_on=D(2025, 6, 1),
            reason="由新办法取代",
            replaced_by=new,
        )
        page = soup(client.get(full_document.url))
        banner = page.select_one(".gdd-banner")
        assert banner is not None
        assert banner.select_one(".gdd-banner__title").get_text() == t(
            "This document has been repealed"
        )
        with translation.override("zh-hans"):
            since = translation.gettext("Repealed with effect from %(date)s.")
        link = banner.select_one("a")
        assert link["href"] == new.url and link.get_text() == new.title
        assert "示政发〔2025〕8号" in banner.get_text()
        assert since.split("%(date)s")[0] in banner.get_text()
        assert page.select_one(".gdd-validity--repealed")

    def test_amended_banner(self, client, library, full_document, frozen_today):
        revised = document(
            library,
            title="示范县城市园林绿化管理办法（2025年修订）",
            supersedes=full_document,
            publication_date=D(2025, 8, 20),
            date_written=D(2025, 8, 10),
            effective_date=D(2025, 9, 1),
        )
        old = soup(client.get(full_document.url))
        assert old.select_one(".gdd-banner__title").get_text() == t(
            "This document has been amended"
        )
        assert old.select_one(".gdd-banner a")["href"] == revised.url
        new = soup(client.get(revised.url))
        assert not new.select(".gdd-banner")
        assert new.select_one(".gdd-relations a")["href"] == full_document.url

    def test_no_link_to_a_replacement_the_public_cannot_see(self, client, library, full_document):
        hidden = document(library, title="尚在审核的新办法", publish=False)
        services.change_validity(
            full_document, Validity.REPEALED, reason="废止", replaced_by=hidden
        )
        page = soup(client.get(full_document.url))
        assert page.select_one(".gdd-banner")
        assert not page.select(".gdd-banner a")
        assert "尚在审核的新办法" not in str(page)

    def test_not_yet_in_force(self, client, library):
        doc = document(
            library,
            publication_date=D(2026, 1, 5),
            date_written=D(2025, 12, 30),
            effective_date=D(2026, 3, 1),
        )
        assert doc.validity == Validity.NOT_YET_EFFECTIVE
        banner = soup(client.get(doc.url)).select_one(".gdd-banner--not_yet_effective")
        assert banner.select_one(".gdd-banner__title").get_text() == t(
            "This document is not yet in force"
        )
        with translation.override("zh-hans"):
            from django.utils.formats import date_format

            assert date_format(D(2026, 3, 1)) in banner.get_text()

    def test_expired(self, client, library):
        doc = document(library, expiry_date=D(2025, 1, 31))
        assert doc.validity == Validity.EXPIRED
        banner = soup(client.get(doc.url)).select_one(".gdd-banner--expired")
        assert banner.select_one(".gdd-banner__title").get_text() == t("This document has expired")

    def test_not_served_when_not_public(self, client, library):
        doc = document(
            library,
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="涉及商业秘密",
        )
        assert client.get(doc.url).status_code == 404

    def test_query_count(self, client, library, full_document, monkeypatch):
        # The most a document shows: the one it revises, the one that replaced it, a theme
        # category, an agency, interpretations and attachments.
        older = document(library, title="旧办法")
        full_document.supersedes = older
        full_document.save_revision().publish()
        replacement = document(library)
        services.change_validity(
            full_document, Validity.REPEALED, reason="废止", replaced_by=replacement
        )
        InterpretationPageFactory(parent=library, document=full_document)
        client.get(full_document.url)
        _response, routing, own = count_queries(
            client, full_document.url, DocumentPage, monkeypatch
        )
        for _ in range(3):
            InterpretationPageFactory(parent=library, document=full_document)
            add_attachment(full_document, "附件", word=True)
        response, _routing, more = count_queries(
            client, full_document.url, DocumentPage, monkeypatch
        )
        page = soup(response)
        assert len(page.select(".gdd-interpretations li")) == 4
        assert page.select_one(".gdd-relations a")["href"] == older.url
        assert page.select_one(".gdd-banner a")["href"] == replacement.url
        assert more == own
        assert own <= 12, own


# Interpretations

EMBED_URL = "https://www.example.gov.cn/embed/lvhua"


class TestInterpretationPage:
    def test_renders_type_document_link_and_blocks(self, client, library, full_document):
        page = InterpretationPageFactory(
            parent=library,
            document=full_document,
            title="《示范县城市园林绿化管理办法》问答",
            interpretation_type=InterpretationType.QA,
            summary="就办法出台的背景和主要内容答记者问。",
            body=[
                (
                    "question_answer",
                    {"question": "办法适用于哪些区域？", "answer": "<p>适用于县城规划区。</p>"},
                ),
                ("paragraph", "<p>以上为主要内容。</p>"),
            ],
        )
        response = client.get(page.url)
        assert response.status_code == 200
        html = soup(response)
        assert html.select_one("h1").get_text(strip=True) == page.title
        qa = html.select_one(".gdd-qa")
        assert "办法适用于哪些区域？" in qa.select_one(".gdd-qa__question").get_text()
        assert "适用于县城规划区。" in qa.select_one(".gdd-qa__answer").get_text()
        link = html.select_one(".gdd-interprets a")
        assert link["href"] == full_document.url
        with translation.override("zh-hans"):
            assert (
                str(InterpretationType.QA.label) in html.select_one(".gdd-doc__kicker").get_text()
            )

    def test_video_block(self, client, library, full_document, monkeypatch):
        from wagtail.embeds import embeds

        def fake_get_embed(url, max_width=None, max_height=None, finder=None):
            from wagtail.embeds.models import Embed

            return Embed(
                url=url,
                type="video",
                html=f'<iframe src="{EMBED_URL}" title="解读视频"></iframe>',
            )

        monkeypatch.setattr(embeds, "get_embed", fake_get_embed)
        page = InterpretationPageFactory(
            parent=library,
            document=full_document,
            interpretation_type=InterpretationType.VIDEO,
            body=[("video", "https://www.example.gov.cn/video/lvhua")],
        )
        html = soup(client.get(page.url))
        assert html.select_one(".gdd-video iframe")["src"] == EMBED_URL

    def test_no_link_to_a_document_the_public_cannot_see(self, client, library):
        hidden = document(library, title="尚未发布的办法", publish=False)
        page = InterpretationPageFactory(parent=library, document=hidden)
        response = client.get(page.url)
        assert response.status_code == 200
        assert "尚未发布的办法" not in response.content.decode()


# Clean-up results


class TestCleanupResultPage:
    def test_three_lists(self, client, library):
        kept = document(library, title="继续有效的办法")
        expired = document(library, title="宣布失效的办法")
        repealed = document(library, title="予以废止的办法")
        hidden = document(
            library,
            title="依申请公开的办法",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="涉及第三方",
        )
        batch = CleanupBatch.objects.create(
            title="2025年度规范性文件清理", review_date=D(2025, 12, 1), basis="按照上级部署开展清理"
        )
        for doc, decision, reason in (
            (kept, CleanupDecision.Decision.CONTINUE, "仍然适用"),
            (expired, CleanupDecision.Decision.EXPIRE, "调整对象已消失"),
            (repealed, CleanupDecision.Decision.REPEAL, "与上位法不一致"),
            (hidden, CleanupDecision.Decision.REPEAL, "另行处理"),
        ):
            CleanupDecision.objects.create(
                batch=batch, document=doc, decision=decision, reason=reason
            )
        result = CleanupResultPage(
            title="2025年度规范性文件清理结果", slug="qingli-2025", batch=batch
        )
        library.add_child(instance=result)
        result.save_revision().publish()
        response = client.get(result.url)
        assert response.status_code == 200
        page = soup(response)
        sections = page.select("section.gdd-section")
        assert len(sections) == 3
        with translation.override("zh-hans"):
            labels = [str(label) for _value, label in CleanupDecision.Decision.choices]
        assert [s.select_one("h2").get_text(strip=True) for s in sections] == labels
        titles = [[a.get_text() for a in s.select("td a")] for s in sections]
        assert titles == [["继续有效的办法"], ["宣布失效的办法"], ["予以废止的办法"]]
        assert "与上位法不一致" in sections[2].get_text()
        assert "依申请公开的办法" not in response.content.decode()
        assert "按照上级部署开展清理" in page.select_one(".gdd-meta").get_text()


# The catalogue of valid documents (现行有效目录)


@pytest.fixture
def history(library, frozen_today):
    docs = build_catalogue_history(library, frozen_today)
    frozen_today(TODAY)
    assert [docs[name].validity for name in "abcdegh"] == [
        Validity.REPEALED,
        Validity.VALID,
        Validity.AMENDED,
        Validity.VALID,
        Validity.EXPIRED,
        Validity.NOT_YET_EFFECTIVE,
        Validity.VALID,
    ]
    return docs


@pytest.fixture
def catalogue(library):
    return CataloguePageFactory(parent=library)


def catalogue_rows(response):
    """(No., title, document number, agency, publication date, effective date) per row."""
    return [
        tuple(td.get_text(strip=True) for td in tr.select("td"))
        for tr in soup(response).select("table.gdd-table tbody tr")
    ]


def catalogue_titles(response):
    return [row[1].split("：")[0] for row in catalogue_rows(response)]


class TestCatalogue:
    @pytest.mark.parametrize(
        "on, expected",
        [
            ("2023-12-31", []),
            ("2024-01-01", ["甲"]),
            ("2025-02-28", ["戊", "丙", "甲"]),
            ("2025-03-01", ["乙", "戊", "丙", "甲"]),
            ("2025-05-31", ["乙", "戊", "丙", "甲"]),
            ("2025-06-01", ["乙", "戊", "丙"]),
            ("2025-08-31", ["乙", "戊", "丙"]),
            ("2025-09-01", ["丁", "乙", "戊"]),
            ("2025-10-31", ["丁", "乙", "戊"]),
            ("2025-11-01", ["丁", "乙"]),
            ("2025-12-31", ["辛", "丁", "乙"]),
        ],
    )
    def test_as_it_stood_on_a_past_date(self, client, history, catalogue, on, expected):
        response = client.get(catalogue.url, {"date": on})
        assert response.status_code == 200
        assert catalogue_titles(response) == expected

    def test_today_by_default(self, client, history, catalogue):
        response = client.get(catalogue.url)
        assert catalogue_titles(response) == ["辛", "丁", "乙"]
        assert catalogue_titles(client.get(catalogue.url, {"date": "2026-01-15"})) == [
            "辛",
            "丁",
            "乙",
        ]
        assert not soup(response).select(".gd-notice")

    def test_the_same_answer_every_time(self, client, history, catalogue, frozen_today):
        before = client.get(catalogue.url, {"date": "2025-05-31"}).content
        frozen_today(D(2027, 5, 1))
        services.apply_scheduled_validity_changes(D(2027, 5, 1))
        services.change_validity(
            history["b"], Validity.REPEALED, changed_on=D(2027, 4, 1), reason="废止"
        )
        after = client.get(catalogue.url, {"date": "2025-05-31"}).content
        assert catalogue_rows_from(before) == catalogue_rows_from(after)

    def test_row_contents(self, client, history, catalogue):
        rows = catalogue_rows(client.get(catalogue.url, {"date": "2025-05-31"}))
        assert rows[0] == (
            "1",
            "乙：示范县养老服务补贴办法",
            "示政发〔2024〕30号",
            "示范县人民政府",
            "2024-12-01",
            "2025-03-01",
        )
        assert [row[0] for row in rows] == ["1", "2", "3", "4"]

    def test_a_future_date_uses_todays_knowledge_and_says_so(self, client, history, catalogue):
        response = client.get(catalogue.url, {"date": "2026-12-31"})
        assert response.status_code == 200
        # G comes into force on 2026-03-01; H expires on 2026-06-30.
        assert catalogue_titles(response) == ["庚", "丁", "乙"]
        assert catalogue_titles(client.get(catalogue.url, {"date": "2026-05-01"})) == [
            "庚",
            "辛",
            "丁",
            "乙",
        ]
        notice = soup(response).select_one(".gd-notice--info")
        assert notice is not None

    @pytest.mark.parametrize(
        "value",
        ["abc", "2025-02-30", "2025-13-01", "20250101", "2025/01/01", "'; drop table", "9" * 300],
    )
    def test_a_bad_date_is_a_clear_error(self, client, history, catalogue, value):
        response = client.get(catalogue.url, {"date": value})
        assert response.status_code == 400
        page = soup(response)
        assert page.select_one(".gd-notice--error")
        assert page.select_one("h1").get_text(strip=True) == catalogue.title
        assert catalogue_rows(response) == []
        for export in ("csv", "xlsx"):
            download = client.get(catalogue.url, {"date": value, "format": export})
            assert download.status_code == 400
            assert download["Content-Type"].startswith("text/html")

    def test_bad_date_message_is_translated(self, client, history, catalogue):
        response = client.get(catalogue.url, {"date": "2025-02-30"})
        message = t(
            "There is no such day as %(value)s. Check the month and the day.", value="2025-02-30"
        )
        assert message in response.content.decode()

    def test_an_unknown_format(self, client, history, catalogue):
        response = client.get(catalogue.url, {"format": "pdf"})
        assert response.status_code == 400
        assert t("Downloads are offered as CSV or XLSX only.") in response.content.decode()

    def test_a_bad_page_number(self, client, history, catalogue):
        for number in ("abc", "999999", "-3"):
            response = client.get(catalogue.url, {"page": number})
            assert response.status_code == 200
            assert catalogue_titles(response) == ["辛", "丁", "乙"]

    def test_other_policy_documents_are_not_catalogued(self, client, history, catalogue, library):
        document(library, title="示范县2025年重点工作安排", document_type=DocumentType.OTHER)
        for on in ("2025-12-31", "2026-01-15", "2026-12-31"):
            assert "重点工作安排" not in client.get(catalogue.url, {"date": on}).content.decode()

    def test_empty(self, client, library, catalogue):
        response = client.get(catalogue.url)
        assert response.status_code == 200
        assert t("No document of this library was in force on this date.") in (
            response.content.decode()
        )

    def test_query_count(self, client, history, catalogue, library, monkeypatch):
        client.get(catalogue.url)
        _response, routing, few = count_queries(
            client, catalogue.url + "?date=2025-05-31", ValidDocumentsCataloguePage, monkeypatch
        )
        for _ in range(20):
            document(library)
        response, _routing, many = count_queries(
            client, catalogue.url + "?date=2025-05-31", ValidDocumentsCataloguePage, monkeypatch
        )
        assert len(catalogue_rows(response)) == 24
        assert many == few
        assert many <= 10, many


def catalogue_rows_from(content):
    return [
        tuple(td.get_text(strip=True) for td in tr.select("td"))
        for tr in BeautifulSoup(content.decode(), "html.parser").select("table.gdd-table tbody tr")
    ]


class TestCatalogueDownloads:
    @pytest.fixture
    def html_rows(self, client, history, catalogue):
        return catalogue_rows(client.get(catalogue.url, {"date": "2025-05-31"}))

    def test_csv_matches_the_page(self, client, history, catalogue, html_rows):
        response = client.get(catalogue.url, {"date": "2025-05-31", "format": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response.content.startswith(b"\xef\xbb\xbf")  # for Excel
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert 'filename="valid-documents-2025-05-31.csv"' in disposition
        assert unquote(disposition.split("filename*=UTF-8''")[1]) == (
            f"{catalogue.title}-2025-05-31.csv"
        )
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        header, body = rows[0], rows[1:]
        with translation.override("zh-hans"):
            expected_header = [
                translation.gettext(label)
                for label in ("No.", "Title", "Document number", "Issuing agency")
            ]
        assert [header[i] for i in (0, 1, 2, 5)] == expected_header
        assert [(r[0], r[1], r[2], r[5], r[7], r[8]) for r in body] == html_rows
        b = history["b"]
        assert body[0][4] == b.index_number
        assert body[0][10] == b.full_url

    def test_xlsx_matches_the_page(self, client, history, catalogue, html_rows):
        response = client.get(catalogue.url, {"date": "2025-05-31", "format": "xlsx"})
        assert response.status_code == 200
        assert "spreadsheetml" in response["Content-Type"]
        assert 'filename="valid-documents-2025-05-31.xlsx"' in response["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        body = rows[1:]

        def text(value):
            if isinstance(value, datetime.datetime):
                return value.date().isoformat()
            return "" if value is None else str(value)

        assert [tuple(text(r[i]) for i in (0, 1, 2, 5, 7, 8)) for r in body] == html_rows
        assert isinstance(body[0][0], int)
        assert isinstance(body[0][7], datetime.datetime)  # a real date cell

    def test_today_download(self, client, history, catalogue):
        response = client.get(catalogue.url, {"format": "csv"})
        assert f"valid-documents-{TODAY:%Y-%m-%d}.csv" in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
        assert [r[1].split("：")[0] for r in rows] == ["辛", "丁", "乙"]

    def test_the_page_links_to_the_downloads_for_its_date(self, client, history, catalogue):
        page = soup(client.get(catalogue.url, {"date": "2025-05-31"}))
        links = [a["href"] for a in page.select(".gdd-downloads a")]
        assert links == ["?date=2025-05-31&format=csv", "?date=2025-05-31&format=xlsx"]

    def test_formula_like_titles_are_not_formulas(self, client, library, catalogue):
        document(library, title='=HYPERLINK("http://evil")示范办法')
        response = client.get(catalogue.url, {"format": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][1].startswith("'=")
        sheet = load_workbook(io.BytesIO(client.get(catalogue.url, {"format": "xlsx"}).content))
        assert sheet.active["B2"].data_type == "s"
