"""Annual reports on government information disclosure (政府信息公开工作年度报告) as open data
(see ``gov_disclosure.opendata``).

The detail's sections and tables are those of the report's own JSON download
(``views.report_data``), read from the figures stored on the published page: the API never
counts records, and says what the report page says.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django.utils.translation import pgettext_lazy
from ninja import Field, Schema

from gov_disclosure.listing import YEAR_RANGE
from gov_disclosure.opendata import DisclosureItem, OpenData, PageFilters, public_url

from .views import _download_links, report_data

# A cell of the tables: a count, an amount (a number or its text, "126.35"), or null.
Figure = int | float | str | None

# The rich text of the list is not read (the sections are the detail's).
TEXT_FIELDS = (
    "overview",
    "proactive_text",
    "requests_text",
    "review_text",
    "problems",
    "other_matters",
)


def _downloads(page, context) -> dict[str, str]:
    """``{"docx"|"pdf"|"json": absolute address}``: the files the report's page offers.

    The page's own list of them, asked without the request: with it, ``Page.get_url`` would
    look the request's site up (a query per response); the addresses are made absolute here.
    """
    cached = getattr(page, "_open_data_downloads", None)
    if cached is None:
        full = public_url(page, context)
        cached = {
            link["kind"]: urljoin(full, link["url"]) if full else link["url"]
            for link in _download_links(page, None)
        }
        page._open_data_downloads = cached
    return cached


def _data(page, context) -> dict:
    """The report's JSON download, built once per response."""
    cached = getattr(page, "_open_data_report", None)
    if cached is None:
        cached = page._open_data_report = report_data(page, (context or {}).get("request"))
    return cached


class AnnualReportItem(DisclosureItem):
    year: int = Field(description="The year the report is on (报告年度).")
    word_url: str | None = Field(description="The report as a Word file (.docx).")
    pdf_url: str | None = Field(description="The report laid out as the official document.")
    json_url: str | None = Field(
        description="The report's own JSON download: every figure, with the labels."
    )

    @staticmethod
    def resolve_word_url(page, context):
        return _downloads(page, context).get("docx")

    @staticmethod
    def resolve_pdf_url(page, context):
        return _downloads(page, context).get("pdf")

    @staticmethod
    def resolve_json_url(page, context):
        return _downloads(page, context).get("json")


class ReportSection(Schema):
    key: str = Field(description="overview, proactive, requests, review, problems or other.")
    number: int = Field(description="1 to 6, as 一 to 六 of the national layout.")
    heading: str
    text: str = Field(description="The editors' text, one line per paragraph.")
    html: str = Field(description="The editors' text as HTML.")
    table: str | None = Field(description="The key of the table the section ends with.")
    fees_statement: str | None = Field(
        None, description="Section 6 only: the sentence on information-processing fees."
    )


class Table2Part(Schema):
    key: str = Field(description="article20_1, article20_5, article20_6 or article20_8.")
    label: str
    rows: list[str] = Field(description="Keys of the part's rows, in order.")


class Table2Row(Schema):
    label: str
    values: dict[str, Figure] = Field(description="By column key.")


class Table2(Schema):
    caption: str
    columns: dict[str, str] = Field(description="The label of each column key.")
    parts: list[Table2Part]
    rows: dict[str, Table2Row] = Field(description="By row key (regulation, normative…).")


class Table3Column(Schema):
    key: str
    label: str
    group: str | None = Field(description="organisation for the kinds of organisation.")


class Table3Row(Schema):
    key: str
    label: str
    level: int = Field(description="0 for 一、二…, 1 for （一）…, 2 for 1. 2. … under a group.")
    heading: bool = Field(description="A row that only heads its sub-rows.")
    values: dict[str, Figure] | None = Field(description="By column key; null for a heading.")


class Table3(Schema):
    caption: str
    columns: list[Table3Column]
    column_groups: dict[str, str]
    rows: list[Table3Row]


class Table4Group(Schema):
    key: str = Field(description="review, litigation_direct or litigation_after_review.")
    label: str
    parent: str | None = Field(description="The heading above the group, if any.")
    values: dict[str, Figure] = Field(description="By column key (upheld, corrected…).")


class Table4(Schema):
    caption: str
    columns: dict[str, str]
    groups: list[Table4Group]


class ReportTables(Schema):
    table2: Table2 = Field(description="Proactive disclosure (主动公开政府信息情况).")
    table3: Table3 = Field(description="Requests received and handled (收到和处理申请情况).")
    table4: Table4 = Field(description="Administrative review and litigation (复议、诉讼情况).")


class AnnualReportDetail(AnnualReportItem):
    document_title: str = Field(description="The title of the official document.")
    sections: list[ReportSection] = Field(description="Sections 一 to 六, in order.")
    tables: ReportTables = Field(
        description="The figures as published (frozen with the published revision)."
    )
    fees_charged_yuan: Figure = Field(
        description="Information-processing fees charged in the year, in yuan."
    )

    @staticmethod
    def resolve_document_title(page, context):
        return _data(page, context)["document_title"]

    @staticmethod
    def resolve_sections(page, context):
        return _data(page, context)["sections"]

    @staticmethod
    def resolve_tables(page, context):
        return _data(page, context)["tables"]

    @staticmethod
    def resolve_fees_charged_yuan(page, context):
        return _data(page, context)["fees_charged_yuan"]


class AnnualReportFilters(PageFilters):
    year: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="The year the reports are on (报告年度), as the reports' index filters; "
        "not the year of publication.",
    )


class AnnualReports(OpenData):
    kind = "annual_report"
    path = "annual-reports"
    Item = AnnualReportItem
    Detail = AnnualReportDetail
    Filters = AnnualReportFilters
    column_labels = {
        "word_url": pgettext_lazy("export heading", "Word download"),
        "pdf_url": pgettext_lazy("export heading", "PDF download"),
        "json_url": pgettext_lazy("export heading", "JSON download"),
    }
    description = (
        "Annual reports on government information disclosure (政府信息公开工作年度报告), "
        "with their figures as published."
    )

    def items(self, queryset):
        return super().items(queryset).defer("figures", *TEXT_FIELDS)

    def filter(self, queryset, filters):
        if filters.year:
            queryset = queryset.filter(year=filters.year)
            filters = filters.model_copy(update={"year": None})
        return super().filter(queryset, filters)
