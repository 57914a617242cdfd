"""The public side of the annual reports: the report's page, its JSON, Word and PDF, and the
index of every year and agency.

Every output shows the figures stored on the served revision and nothing else: the tables are
checked cell by cell against ``figures`` on the page, in the JSON, the Word file and the PDF.
What the public never gets (drafts, restricted reports, reports not proactively disclosed) is
refused on every route, and the index and the report take a fixed number of queries.
"""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from docx import Document
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.reports import figures as figure_generation
from gov_disclosure.reports import layout, views
from gov_disclosure.reports.checks import check
from gov_disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage

from .factories import AgencyFactory
from .report_factories import (
    REALISTIC_FIGURES,
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    report_figures,
)
from .test_documents_public import count_queries

pytestmark = pytest.mark.django_db

ROUTES = ("", "as_json", "as_docx", "as_pdf")  # the page, then its routes by name
SECTION_HEADINGS = (
    "1. Overview",
    "2. Proactive disclosure of government information",
    "3. Requests for disclosure received and handled",
    "4. Administrative review and litigation over disclosure",
    "5. Main problems and improvements",
    "6. Other matters to report",
)


def url(page, route=""):
    """The address of ``page`` or of one of its routes (``as_json``, ``as_docx``, ``as_pdf``)."""
    return page.url + (page.reverse_subpage(route) if route else "")


def zh(msgid, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(str(msgid))
    return text % params if params else text


def label(lazy):
    """A label of ``layout`` as the (Chinese) site shows it."""
    with translation.override("zh-hans"):
        return str(lazy)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def every_cell(figures):
    """(table, row, column, value) of every figure stored in ``figures``."""
    for table in ("table2", "table3", "table4"):
        for row, cells in figures[table].items():
            for column, value in cells.items():
                yield table, row, column, value


@pytest.fixture
def index(root_page):
    return AnnualReportIndexPageFactory(parent=root_page, title="政府信息公开年报", slug="ndbg")


@pytest.fixture
def county():
    return AgencyFactory(name="示范县人民政府", short_name="县政府", sort_order=0)


@pytest.fixture
def report(index, county):
    return AnnualReportPageFactory(
        parent=index,
        agency=county,
        year=2025,
        title="示范县人民政府2025年政府信息公开工作年度报告",
        overview=(
            "<p>2025年，示范县人民政府坚持以公开为常态、不公开为例外。</p>"
            "<h3>（一）主动公开</h3><ul><li>完善公开目录</li><li>规范公开平台</li></ul>"
            "<ol><li>第一项</li><li>第二项<br/>续行</li></ol><p>全年&nbsp;工作&amp;成效。</p>"
        ),
        problems="<p>政策解读形式较为单一。</p>",
        other_matters="<p>本机关无其他需要报告的事项。</p>",
    )


def test_realistic_figures_pass_the_checks():
    assert check(REALISTIC_FIGURES) == []
    table3 = REALISTIC_FIGURES["table3"]
    assert table3["new"]["total"] == 128
    assert table3["total_handled"]["total"] == 129
    assert table3["carried_forward"] == {
        "person": 5,
        "commercial": 1,
        "research": 0,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
        "total": 6,
    }


# The report's page


class TestReportPage:
    def test_sections_and_every_figure(self, client, report):
        response = client.get(report.url)
        assert response.status_code == 200
        page = soup(response)
        assert page.h1.get_text(strip=True) == report.title
        headings = [h.get_text(strip=True) for h in page.select(".gdr-section > h2")]
        assert headings == [zh(heading) for heading in SECTION_HEADINGS]
        assert "示范县人民政府坚持以公开为常态" in page.select_one("#section-overview").text
        assert "政策解读形式较为单一" in page.select_one("#section-problems").text
        for table, row, column, value in every_cell(REALISTIC_FIGURES):
            cell = page.find(id=f"{table}-{row}-{column}")
            assert cell is not None, (table, row, column)
            assert cell.name == "td"
            assert cell.get_text(strip=True) == str(value), (table, row, column)
        # A few by hand, totals included.
        assert page.find(id="table3-new-person").text == "112"
        assert page.find(id="table3-new-total").text == "128"
        assert page.find(id="table3-total_handled-total").text == "129"
        assert page.find(id="table3-carried_forward-total").text == "6"
        assert page.find(id="table2-normative-valid").text == "86"
        assert page.find(id="table2-fees-amount").text == "126.35"
        assert page.find(id="table4-review-total").text == "5"
        assert page.find(id="table4-litigation_direct-pending").text == "1"

    def test_tables_in_the_national_layout(self, client, report):
        page = soup(client.get(report.url))
        tables = page.select("table.gdr-table")
        assert [t.get("id") for t in tables] == ["table2", "table3", "table4"]
        for table in tables:
            assert table.caption and table.caption.get_text(strip=True)
            assert all(th.get("scope") for th in table.select("th")), table.get("id")
            # In a frame that scrolls sideways and that a keyboard can reach.
            frame = table.parent
            assert "gdr-scroll" in frame["class"] and frame["tabindex"] == "0"
            assert frame["aria-labelledby"] == table.caption["id"]
        table2, table3, table4 = tables
        articles = [th.get_text(strip=True) for th in table2.select(".gdr-part__article th")]
        assert articles == [
            zh("Article 20 (1)"),
            zh("Article 20 (5)"),
            zh("Article 20 (6)"),
            zh("Article 20 (8)"),
        ]
        # Table 3's header: 申请人情况 over all seven columns, 法人或其他组织 over five.
        head = table3.thead.find_all("tr")
        assert head[0].th["colspan"] == "7"
        assert head[0].th.get_text(strip=True) == zh("Applicants")
        spanning = [
            (th.get_text(strip=True), th.get("colspan"), th.get("rowspan")) for th in head[1]("th")
        ]
        assert spanning == [
            (label(dict(layout.TABLE3_COLUMNS)["person"]), None, "2"),
            (zh("Legal persons and other organisations"), "5", None),
            (label(dict(layout.TABLE3_COLUMNS)["total"]), None, "2"),
        ]
        assert [th.get_text(strip=True) for th in head[2]("th")] == [
            label(dict(layout.TABLE3_COLUMNS)[key])
            for key in ("commercial", "research", "nonprofit", "legal_service", "other")
        ]
        rows = [
            tr.th.get_text(" ", strip=True) for tr in table3.tbody.find_all("tr", recursive=False)
        ]
        assert len(rows) == len(layout.TABLE3_ROWS)
        assert rows[0] == label(layout.TABLE3_ROWS[0].label)
        # A reason names its group for screen readers (the group is a row above it).
        secret = table3.find(id="table3-withheld_state_secret-person").parent.th
        assert secret.select_one(".gd-visually-hidden").get_text(strip=True) == zh(
            "(3) Not disclosed"
        )
        # Table 4: 行政复议 over five columns, 行政诉讼 over ten, then one row of 15 numbers.
        first = table4.thead.tr("th")
        assert [(th.get_text(strip=True), th["colspan"]) for th in first] == [
            (label(dict(layout.TABLE4_GROUPS)["review"]), "5"),
            (zh("Administrative litigation"), "10"),
        ]
        assert len(table4.tbody.tr("td")) == 15

    def test_fees_open_section_six(self, client, index):
        charged = AnnualReportPageFactory(
            parent=index, figures=report_figures(fees_charged_yuan=300), year=2024
        )
        free = AnnualReportPageFactory(parent=index, figures=report_figures(), year=2024)
        section = soup(client.get(charged.url)).select_one("#section-other")
        paragraphs = [p.get_text(strip=True) for p in section.find_all("p")]
        assert paragraphs[0] == zh(
            "In %(year)s, this agency charged %(amount)s yuan in information-processing fees.",
            year=2024,
            amount="300",
        )
        assert paragraphs[1] == "无其他需要报告的事项。"
        section = soup(client.get(free.url)).select_one("#section-other")
        assert section.find("p").get_text(strip=True) == zh(
            "In %(year)s, this agency charged no information-processing fees.", year=2024
        )

    def test_download_links(self, client, report):
        links = {a["href"]: a for a in soup(client.get(report.url)).select(".gdr-downloads a")}
        assert set(links) == {url(report, route) for route in ROUTES[1:]}
        assert "download" in links[url(report, "as_docx")].attrs

    def test_an_empty_report_still_renders(self, rf, index):
        """Figures that fail the checks cannot be published; a preview of them still shows."""
        empty = AnnualReportPageFactory(
            parent=index, figures={}, overview="", problems="", other_matters="", publish=False
        )
        request = rf.get("/")
        request.user = AnonymousUser()
        request.is_preview = True
        response = empty.serve_preview(request, "")
        response.render()
        page = soup(response)
        assert page.find(id="table3-new-person").text == "—"
        assert page.select_one("#section-overview .gd-empty")
        # A preview offers no downloads: they would be the published report's.
        assert not page.select(".gdr-downloads")
        for view in (views.report_json, views.report_docx, views.report_pdf):
            assert view(empty, request).status_code == 200


# JSON


class TestJson:
    def test_keys_labels_and_values(self, client, report):
        response = client.get(url(report, "as_json"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert "示范县人民政府".encode() in response.content  # not \\u escapes
        data = json.loads(response.content)
        assert set(data) == {
            "format",
            "version",
            "year",
            "agency",
            "title",
            "document_title",
            "publication_date",
            "url",
            "sections",
            "tables",
            "fees_charged_yuan",
        }
        assert (data["format"], data["version"]) == ("gov_disclosure.annual_report", 1)
        assert data["year"] == 2025
        assert data["agency"]["name"] == "示范县人民政府"
        assert data["title"] == report.title
        assert data["publication_date"] == "2026-01-20"
        assert data["url"] == report.full_url
        assert data["fees_charged_yuan"] == 300

        sections = data["sections"]
        assert [s["key"] for s in sections] == [
            "overview",
            "proactive",
            "requests",
            "review",
            "problems",
            "other",
        ]
        assert [s["heading"] for s in sections] == [zh(h) for h in SECTION_HEADINGS]
        assert [s["table"] for s in sections] == [
            None,
            "table2",
            "table3",
            "table4",
            None,
            None,
        ]
        assert sections[0]["text"].splitlines() == [
            "2025年，示范县人民政府坚持以公开为常态、不公开为例外。",
            "（一）主动公开",
            "· 完善公开目录",
            "· 规范公开平台",
            "1. 第一项",
            "2. 第二项",
            "续行",
            "全年 工作&成效。",
        ]
        assert "<h3>（一）主动公开</h3>" in sections[0]["html"]
        assert sections[5]["fees_statement"] == zh(
            "In %(year)s, this agency charged %(amount)s yuan in information-processing fees.",
            year=2025,
            amount="300",
        )

        tables = data["tables"]
        table2 = tables["table2"]
        assert list(table2["rows"]) == [
            "regulation",
            "normative",
            "licensing",
            "penalty",
            "enforcement",
            "fees",
        ]
        assert table2["rows"]["normative"] == {
            "label": label(layout.TABLE2_DOCUMENT_ROWS[1].label),
            "values": {"issued": 14, "repealed": 3, "valid": 86},
        }
        assert table2["rows"]["fees"]["values"] == {"amount": "126.35"}
        assert [part["rows"] for part in table2["parts"]] == [
            ["regulation", "normative"],
            ["licensing"],
            ["penalty", "enforcement"],
            ["fees"],
        ]

        table3 = tables["table3"]
        assert [c["key"] for c in table3["columns"]] == [k for k, _l in layout.TABLE3_COLUMNS]
        assert [c["label"] for c in table3["columns"]] == [
            label(lazy) for _k, lazy in layout.TABLE3_COLUMNS
        ]
        assert [r["key"] for r in table3["rows"]] == [row.key for row in layout.TABLE3_ROWS]
        assert [r["label"] for r in table3["rows"]] == [
            label(row.label) for row in layout.TABLE3_ROWS
        ]
        for row in table3["rows"]:
            if row["heading"]:
                assert row["values"] is None
            else:
                assert row["values"] == REALISTIC_FIGURES["table3"][row["key"]]
        assert table3["column_groups"] == {
            "applicants": zh("Applicants"),
            "organisation": zh("Legal persons and other organisations"),
        }

        table4 = tables["table4"]
        assert [g["key"] for g in table4["groups"]] == [
            "review",
            "litigation_direct",
            "litigation_after_review",
        ]
        for group in table4["groups"]:
            assert group["values"] == REALISTIC_FIGURES["table4"][group["key"]]
        assert list(table4["columns"]) == ["upheld", "corrected", "other", "pending", "total"]


# Word and PDF


def docx_of(response):
    return Document(io.BytesIO(response.content))


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


class TestDownloads:
    @pytest.mark.parametrize(
        ("route", "content_type", "extension"),
        [
            ("as_docx", views.DOCX_TYPE, "docx"),
            ("as_pdf", "application/pdf", "pdf"),
        ],
    )
    def test_attachments(self, client, report, route, content_type, extension):
        response = client.get(url(report, route))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == (
            f'attachment; filename="annual-report-2025-{report.pk}.{extension}"'
        )

    def test_word_file(self, client, report):
        document = docx_of(client.get(url(report, "as_docx")))
        paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
        title = zh(
            "%(agency)s annual report on government information disclosure for %(year)s",
            agency="示范县人民政府",
            year=2025,
        )
        # On two lines when long, the agency on the first (never 年 | 度报告).
        assert squeeze(paragraphs[0]) == squeeze(title)
        if "\n" in paragraphs[0]:
            assert paragraphs[0].split("\n")[0] == "示范县人民政府"
        assert squeeze(document.core_properties.title) == squeeze(title)
        headings = [zh(h) for h in SECTION_HEADINGS]
        assert [p for p in paragraphs if p in headings] == headings
        # Section 六: the fees first, then the editors' text.
        six = paragraphs.index(headings[5])
        assert paragraphs[six + 1 : six + 3] == [
            zh(
                "In %(year)s, this agency charged %(amount)s yuan in information-processing fees.",
                year=2025,
                amount="300",
            ),
            "本机关无其他需要报告的事项。",
        ]
        # Rich text: a paragraph per block, a line per list item.
        assert "· 完善公开目录" in paragraphs
        assert "1. 第一项" in paragraphs
        assert "2. 第二项\n续行" in paragraphs

        table2, table3, table4 = document.tables
        cells2 = [[c.text for c in row.cells] for row in table2.rows]
        assert cells2[0] == [zh("Article 20 (1)")] * 4
        assert cells2[2] == [label(layout.TABLE2_DOCUMENT_ROWS[0].label), "0", "0", "0"]
        assert cells2[3] == [label(layout.TABLE2_DOCUMENT_ROWS[1].label), "14", "3", "86"]
        assert cells2[-1] == [label(layout.TABLE2_FEE_ROW.label)] + ["126.35"] * 3

        # Table 3: 3 header rows, 10 columns; 申请人情况 over the 7 figure columns.
        grid = [[c.text for c in row.cells] for row in table3.rows]
        assert len(grid[0]) == 10
        assert grid[0][3:] == [zh("Applicants")] * 7
        assert grid[1][3] == grid[2][3] == label(dict(layout.TABLE3_COLUMNS)["person"])
        assert grid[1][4:9] == [zh("Legal persons and other organisations")] * 5
        assert grid[2][4:9] == [
            label(dict(layout.TABLE3_COLUMNS)[key])
            for key in ("commercial", "research", "nonprofit", "legal_service", "other")
        ]
        body = {row[2]: row[3:] for row in grid[3:]}
        new_label = label(layout.TABLE3_ROWS[0].label)
        assert body[new_label] == ["112", "9", "1", "2", "3", "1", "128"]
        figure_rows = [row for row in layout.TABLE3_ROWS if not row.heading]
        assert len(grid) == 3 + len(figure_rows)
        for row, cells in zip(figure_rows, grid[3:], strict=True):
            assert cells[2] == label(row.label)
            assert cells[3:] == [
                str(REALISTIC_FIGURES["table3"][row.key][c]) for c, _l in layout.TABLE3_COLUMNS
            ]
        # 三、本年度办理结果 spans the rows of the results; （三）不予公开 those of its reasons.
        results = label(layout.TABLE3_ROWS[2].label)
        assert [row[0] for row in grid[3:]].count(results) == len(figure_rows) - 3
        withheld = zh("(3) Not disclosed")
        assert [row[1] for row in grid[3:]].count(withheld) == 8

        grid4 = [[c.text for c in row.cells] for row in table4.rows]
        assert grid4[0][:5] == [label(dict(layout.TABLE4_GROUPS)["review"])] * 5
        assert grid4[0][5:] == [zh("Administrative litigation")] * 10
        assert grid4[3] == [
            "3",
            "1",
            "1",
            "0",
            "5",
            "1",
            "0",
            "0",
            "1",
            "2",
            "1",
            "0",
            "0",
            "0",
            "1",
        ]

    def test_pdf(self, client, report):
        response = client.get(url(report, "as_pdf"))
        text = pdf_text(response.content)
        flat = squeeze(text)
        assert (
            squeeze(
                zh(
                    "%(agency)s annual report on government information disclosure for %(year)s",
                    agency="示范县人民政府",
                    year=2025,
                )
            )
            in flat
        )
        for heading in SECTION_HEADINGS:
            assert squeeze(zh(heading)) in flat
        assert squeeze(zh("Applicants")) in flat
        assert "126.35" in text
        fees = squeeze(
            zh(
                "In %(year)s, this agency charged %(amount)s yuan in information-processing fees.",
                year=2025,
                amount="300",
            )
        )
        assert flat.index(fees) < flat.index("本机关无其他需要报告的事项。")
        # The figures of Table 3, row by row, in the order of the columns.
        numbers = " ".join(re.findall(r"\d+(?:\.\d+)?", text))
        for key in ("new", "carried_over", "total_handled", "carried_forward"):
            row = " ".join(str(v) for v in REALISTIC_FIGURES["table3"][key].values())
            assert row in numbers, key
        review = " ".join(
            str(v)
            for group in ("review", "litigation_direct", "litigation_after_review")
            for v in REALISTIC_FIGURES["table4"][group].values()
        )
        assert review in numbers

    def test_pdf_without_merged_results_when_they_would_not_fit(self, client, report, monkeypatch):
        """reportlab cannot split a table inside merged cells: when the merged block of Table
        3's results is taller than a page, the PDF has the rows unmerged instead."""
        from reportlab.platypus.doctemplate import LayoutError

        from gov_disclosure import office_files

        original, tables = office_files.build_pdf, []

        def build_pdf(title, blocks, **kwargs):
            table3 = [b for b in blocks if isinstance(b, office_files.Table)][1]
            tables.append(table3)
            if len(tables) == 1:
                raise LayoutError("too tall")
            return original(title, blocks, **kwargs)

        monkeypatch.setattr(office_files, "build_pdf", build_pdf)
        response = client.get(url(report, "as_pdf"))
        assert response.status_code == 200
        merged, unmerged = tables
        assert any(isinstance(c, views.Cell) and c.rowspan > 1 for r in merged.rows for c in r)
        assert not any(
            isinstance(c, views.Cell) and c.rowspan > 1 for r in unmerged.rows for c in r
        )
        assert len(unmerged.rows) == len(layout.TABLE3_ROWS)
        assert "112" in pdf_text(response.content)


def test_the_title_of_the_files(index):
    from gov_disclosure import office_files

    short = AnnualReportPageFactory(parent=index, agency=AgencyFactory(name="某局"), year=2025)
    long = AnnualReportPageFactory(
        parent=index, agency=AgencyFactory(name="示范县人力资源和社会保障局"), year=2025
    )
    too_wide = office_files._width_in_chars(views.document_title(short)) > views.TITLE_LINE_CHARS
    assert ("\n" in views.office_title(short)) == too_wide
    assert views.office_title(long).split("\n") == [
        "示范县人力资源和社会保障局",
        views.document_title(long).removeprefix("示范县人力资源和社会保障局").strip(),
    ]


# What the public never gets


@pytest.fixture
def hidden_reports(index):
    draft = AnnualReportPageFactory(parent=index, title="草稿年报", publish=False)
    withdrawn = AnnualReportPageFactory(parent=index, title="撤回的年报")
    withdrawn.unpublish()
    on_application = AnnualReportPageFactory(
        parent=index,
        title="依申请公开的年报",
        disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
        disclosure_reason="涉及第三方合法权益",
    )
    password = AnnualReportPageFactory(parent=index, title="设密码的年报")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    login = AnnualReportPageFactory(parent=index, title="仅限登录的年报")
    PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    return {
        "draft": draft,
        "withdrawn": withdrawn,
        "on_application": on_application,
        "password": password,
        "login": login,
    }


@pytest.mark.parametrize("kind", ["draft", "withdrawn", "on_application", "password", "login"])
@pytest.mark.parametrize("route", ROUTES)
def test_hidden_reports_are_served_on_no_route(client, hidden_reports, kind, route):
    page = hidden_reports[kind]
    response = client.get(url(page, route))
    assert response.status_code in (200, 302, 404)
    if response.status_code == 200:
        # Only the password form: no figures, no file.
        assert kind == "password"
        assert response["Content-Type"].startswith("text/html")
        content = response.content.decode()
        assert page.title not in content
        assert 'id="table3-new-person"' not in content
        assert "本年度主动公开政府信息情况" not in content
    elif response.status_code == 302:
        assert kind == "login"
        assert "/login/" in response["Location"] or "login" in response["Location"]
    else:
        assert kind in ("draft", "withdrawn", "on_application")


def test_hidden_reports_are_not_in_the_index(client, index, report, hidden_reports):
    response = client.get(index.url)
    titles = [a.get_text(strip=True) for a in soup(response).select(".gdr-reports__link")]
    assert titles == [report.title]
    for page in hidden_reports.values():
        assert page.title not in response.content.decode()


# The freeze: the figures of the served revision, never the records


def test_outputs_never_count_the_records(client, report, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the public outputs must not count records")

    for name in ("generate", "document_figures", "request_figures", "fees_charged"):
        monkeypatch.setattr(figure_generation, name, refuse)
    for route in ROUTES:
        assert client.get(url(report, route)).status_code == 200


def test_a_draft_revision_changes_nothing_until_published(client, report):
    changed = report_figures(new={"person": 999})
    draft = AnnualReportPage.objects.get(pk=report.pk)
    draft.figures = changed
    revision = draft.save_revision()

    html = soup(client.get(report.url))
    assert html.find(id="table3-new-person").text == "112"
    data = json.loads(client.get(url(report, "as_json")).content)
    assert data["tables"]["table3"]["rows"][0]["values"]["person"] == 112
    docx_grid = docx_of(client.get(url(report, "as_docx"))).tables[1]
    assert docx_grid.rows[3].cells[3].text == "112"

    # The previewed revision shows its own figures.
    previewed = revision.as_object()
    request = RequestFactory().get("/")
    request.is_preview = True
    preview = json.loads(views.report_json(previewed, request).content)
    assert preview["tables"]["table3"]["rows"][0]["values"]["person"] == 999
    context = views.report_context(previewed, request)
    assert context["table3"]["rows"][0]["cells"][0] == {"id": "table3-new-person", "text": "999"}

    revision.publish()
    assert soup(client.get(report.url)).find(id="table3-new-person").text == "999"


# Rich text to plain paragraphs


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("", []),
        ("<p>一段</p><p>二段</p>", ["一段", "二段"]),
        ("<p>a<br/>b</p>", ["a\nb"]),
        ("<ul><li>甲</li><li>乙</li></ul>", ["· 甲", "· 乙"]),
        ("<ol><li>甲</li><li>乙</li></ol><ol><li>丙</li></ol>", ["1. 甲", "2. 乙", "1. 丙"]),
        ('<p>见<a linktype="page" id="3">链接</a>和<b>粗体</b></p>', ["见链接和粗体"]),
        (
            '<p>图</p><embed embedtype="image" id="1"/><hr/><p>  多个   空格 </p>',
            ["图", "多个 空格"],
        ),
        ("<h2>标题</h2><p>正文</p>", ["标题", "正文"]),
    ],
)
def test_plain_text(html, lines):
    assert [block.text for block in views.text_blocks(html)] == lines


def test_headings_of_rich_text_become_headings_of_the_files():
    blocks = views._office_blocks("<h2>（一）标题</h2><h3>1. 小标题</h3><p>正文</p>")
    assert [type(b).__name__ for b in blocks] == ["Heading", "Heading", "Paragraph"]
    assert [b.level for b in blocks[:2]] == [2, 3]


# The index


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".gdr-reports__link")]


@pytest.fixture
def reports(index, county):
    office = AgencyFactory(name="示范县教育和体育局", sort_order=5)
    made = {}
    for year in (2023, 2024, 2025):
        for agency in (county, office):
            made[(year, agency.name)] = AnnualReportPageFactory(
                parent=index, agency=agency, year=year
            )
    return made


class TestIndex:
    def test_years_newest_first_then_agencies(self, client, index, reports):
        response = client.get(index.url)
        page = soup(response)
        years = [h.get_text(strip=True) for h in page.select(".gdr-year__title")]
        assert years == [zh("Reports for %(year)s", year=y) for y in (2025, 2024, 2023)]
        assert titles(response) == [
            reports[(year, agency)].title
            for year in (2025, 2024, 2023)
            for agency in ("示范县人民政府", "示范县教育和体育局")
        ]

    def test_filters(self, client, index, reports, county):
        assert titles(client.get(index.url, {"year": 2024})) == [
            reports[(2024, "示范县人民政府")].title,
            reports[(2024, "示范县教育和体育局")].title,
        ]
        assert titles(client.get(index.url, {"agency": county.pk})) == [
            reports[(year, "示范县人民政府")].title for year in (2025, 2024, 2023)
        ]
        assert titles(client.get(index.url, {"agency": county.pk, "year": 2023})) == [
            reports[(2023, "示范县人民政府")].title
        ]
        # A sensible year with no report is a fair question: nothing, and no complaint.
        response = client.get(index.url, {"year": 2019})
        assert titles(response) == []
        assert not soup(response).select(".gd-notice--warning")

    @pytest.mark.parametrize(
        "params",
        [{"year": "abc"}, {"year": "99999"}, {"agency": "abc"}, {"agency": "999999"}],
    )
    def test_bad_values_are_ignored_with_a_message(self, client, index, reports, params):
        response = client.get(index.url, params)
        assert response.status_code == 200
        assert len(titles(response)) == 6
        notice = soup(response).select_one(".gd-notice--warning")
        (name,) = params
        template = zh("%(field)s: %(message)s — this filter was ignored.")
        prefix = template.split("%(message)s")[0] % {"field": zh(name.capitalize())}
        assert notice.li.get_text(strip=True).startswith(prefix.strip())

    def test_the_choices_are_the_years_and_agencies_with_reports(self, client, index, reports):
        AgencyFactory(name="没有年报的局")
        form = soup(client.get(index.url)).select_one("form.gd-filter")
        years = [o.get_text(strip=True) for o in form.select("#id_year option")][1:]
        agencies = [o.get_text(strip=True) for o in form.select("#id_agency option")][1:]
        assert years == ["2025", "2024", "2023"]
        assert agencies == ["示范县人民政府", "示范县教育和体育局"]

    def test_pagination(self, client, index, reports, monkeypatch):
        monkeypatch.setattr(views, "INDEX_PAGE_SIZE", 4)
        first = client.get(index.url)
        assert len(titles(first)) == 4
        second = client.get(index.url, {"page": 2})
        assert len(titles(second)) == 2
        assert set(titles(first)).isdisjoint(titles(second))
        last = client.get(index.url, {"page": 9})
        assert titles(last) == titles(second)
        assert soup(last).select_one(".gd-notice--warning")

    def test_reports_of_another_index_are_not_listed(self, client, root_page, index, report):
        other = AnnualReportIndexPageFactory(parent=root_page, slug="other-ndbg")
        AnnualReportPageFactory(parent=other, title="另一个栏目的年报")
        assert titles(client.get(index.url)) == [report.title]


# Queries


def test_index_queries_are_fixed(client, index, county, monkeypatch):
    AnnualReportPageFactory(parent=index, agency=county, year=2025)
    client.get(index.url)  # warm the site-root cache
    _response, routing, few = count_queries(client, index.url, AnnualReportIndexPage, monkeypatch)
    for year in range(2015, 2025):
        AnnualReportPageFactory(parent=index, agency=AgencyFactory(), year=year)
    response, routing_after, many = count_queries(
        client, index.url, AnnualReportIndexPage, monkeypatch
    )
    assert len(titles(response)) == 11
    assert (routing_after, many) == (routing, few)
    filtered, _routing, with_filters = count_queries(
        client,
        index.url + f"?year=2025&agency={county.pk}&page=1",
        AnnualReportIndexPage,
        monkeypatch,
    )
    assert len(titles(filtered)) == 1
    assert with_filters == few
    # View restrictions, years, agencies, count, rows, breadcrumbs.
    assert few <= 8, few


def test_report_queries_are_fixed(client, index, county, monkeypatch):
    small = AnnualReportPageFactory(
        parent=index, agency=county, year=2024, figures=report_figures(), overview=""
    )
    big = AnnualReportPageFactory(parent=index, agency=AgencyFactory(), year=2025)
    client.get(small.url)
    _response, routing, few = count_queries(client, small.url, AnnualReportPage, monkeypatch)
    _response, _routing, many = count_queries(client, big.url, AnnualReportPage, monkeypatch)
    assert many == few
    assert few <= 4, few
