"""The public side of the annual reports: the index of every year and agency, the report's own
page, and the report as JSON, Word and PDF.

Every output reads the figures of the page object being served, ``page.figures``: for the
public, the published revision (the figures frozen when it was published, whatever the records
say now); in a preview, the previewed revision. Nothing here counts records again.

The tables follow the national layout (2021): Table 2 in the four parts of Article 20,
Table 3 with its applicant columns under 申请人情况 and the five kinds of organisation under
法人或其他组织, Table 4 as one row of fifteen numbers. The Word file and the PDF merge the cells
as the national template does; the web page keeps one column of row headings, so that it can
stay in view while a phone scrolls the figures sideways.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from django import forms
from django.db.models import F
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import expand_db_html

from gov_disclosure import office_files
from gov_disclosure.listing import ListingFilterForm, year_field
from gov_disclosure.models import Agency
from gov_disclosure.pagination import paginate

from . import layout

INDEX_PAGE_SIZE = 20
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
JSON_TYPE = "application/json; charset=utf-8"
JSON_FORMAT = "gov_disclosure.annual_report"
JSON_VERSION = 1
MISSING = "—"


# The sections (一 … 六) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str  # stable, in the JSON and the ids of the web page
    field: str  # the page's rich text field
    heading: object
    table: str | None = None


SECTIONS = (
    Section("overview", "overview", _("1. Overview")),
    Section(
        "proactive",
        "proactive_text",
        _("2. Proactive disclosure of government information"),
        "table2",
    ),
    Section(
        "requests",
        "requests_text",
        _("3. Requests for disclosure received and handled"),
        "table3",
    ),
    Section(
        "review",
        "review_text",
        _("4. Administrative review and litigation over disclosure"),
        "table4",
    ),
    Section("problems", "problems", _("5. Main problems and improvements")),
    Section("other", "other_matters", _("6. Other matters to report")),
)

TABLE_CAPTIONS = {
    "table2": _("Proactive disclosure of government information"),
    "table3": _("Requests for disclosure received and handled"),
    "table4": _("Administrative review and litigation over disclosure"),
}

# Table 2: the four parts of Article 20 of the Regulations that the national template names.
TABLE2_PARTS = (
    ("article20_1", _("Article 20 (1)"), ("regulation", "normative")),
    ("article20_5", _("Article 20 (5)"), ("licensing",)),
    ("article20_6", _("Article 20 (6)"), ("penalty", "enforcement")),
    ("article20_8", _("Article 20 (8)"), ("fees",)),
)
TABLE2_CONTENT = _("Information")
TABLE2_DECISIONS = _("Decisions made this year")
TABLE2_AMOUNT = _("Amount charged this year (10,000 yuan)")
TABLE2_ROWS = {
    row.key: row
    for row in (*layout.TABLE2_DOCUMENT_ROWS, *layout.TABLE2_DECISION_ROWS, layout.TABLE2_FEE_ROW)
}


def table2_columns(part: str) -> list[tuple[str, object]]:
    """The (key, heading) of the figure columns of a part of Table 2."""
    if part == "article20_1":
        return list(layout.TABLE2_DOCUMENT_COLUMNS)
    if part == "article20_8":
        return [("amount", TABLE2_AMOUNT)]
    return [("decisions", TABLE2_DECISIONS)]


# Table 3's header above the columns of layout.TABLE3_COLUMNS.
TABLE3_APPLICANTS = _("Applicants")
TABLE3_ORGANISATIONS = _("Legal persons and other organisations")
ORGANISATION_COLUMNS = tuple(c for c in layout.APPLICANT_COLUMNS if c != "person")

# Table 4: the two litigation groups sit under one heading.
TABLE4_LITIGATION = _("Administrative litigation")


def _figures(page) -> dict:
    return page.figures if isinstance(page.figures, dict) else {}


def _rows(figures: dict, table: str) -> dict:
    rows = figures.get(table)
    return rows if isinstance(rows, dict) else {}


def _value(figures: dict, table: str, row: str, column: str):
    cells = _rows(figures, table).get(row)
    return cells.get(column) if isinstance(cells, dict) else None


def _shown(value) -> str:
    """A cell as printed: the stored value, a dash when there is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return MISSING
    return str(value).strip()


def _cell(figures, table, row, column) -> dict:
    """A figure of the web page: its text and the id ``checks.Problem.cell`` names it by."""
    return {
        "id": f"{table}-{row}-{column}",
        "text": _shown(_value(figures, table, row, column)),
    }


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def yuan(value) -> str:
    """An amount in yuan: whole yuan without decimals, else two decimals."""
    number = _decimal(value)
    if number is None:
        return _shown(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:.2f}"


def fees_statement(page) -> str:
    """The sentence on information-processing fees that opens section 六."""
    value = _figures(page).get("fees_charged_yuan")
    if value is None or _decimal(value) == 0:
        return gettext("In %(year)s, this agency charged no information-processing fees.") % {
            "year": page.year
        }
    return gettext(
        "In %(year)s, this agency charged %(amount)s yuan in information-processing fees."
    ) % {"year": page.year, "amount": yuan(value)}


def document_title(page) -> str:
    """“<agency>2025年政府信息公开工作年度报告”."""
    agency = page.agency.name if page.agency_id and page.agency else ""
    title = gettext(
        "%(agency)s annual report on government information disclosure for %(year)s"
    ) % {"agency": agency, "year": page.year}
    return title.strip()


# Rich text as plain paragraphs ----------------------------------------------------------------

_BLOCK_TAGS = {"p", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li"}
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


@dataclass(frozen=True)
class TextBlock:
    kind: str  # "paragraph", "heading" or "item"
    text: str
    level: int = 0  # headings: 2 for <h2>, 3 for <h3> and below


class _PlainText(HTMLParser):
    """Rich text to blocks: a block element is a paragraph, a list item a line of its own
    (numbered in an ordered list), ``<br>`` a line break; images and embeds are dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[TextBlock] = []
        self.lists: list[list] = []  # [tag, items so far]
        self.kind, self.level, self.parts = "paragraph", 0, []

    def flush(self):
        lines = ["".join(_SPACE.sub(" ", part) for part in line) for line in self._lines()]
        text = "\n".join(line.strip() for line in lines).strip("\n")
        if text.strip():
            self.blocks.append(TextBlock(self.kind, text, self.level))
        self.kind, self.level, self.parts = "paragraph", 0, []

    def _lines(self):
        line = []
        for part in self.parts:
            if part == "\n":
                yield line
                line = []
            else:
                line.append(part)
        yield line

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self.flush()
            current = self.lists[-1] if self.lists else ["ul", 0]
            current[1] += 1
            self.kind = "item"
            self.parts.append(f"{current[1]}. " if current[0] == "ol" else "· ")
        elif tag in _BLOCK_TAGS:
            self.flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind, self.level = "heading", min(max(int(tag[1:]), 2), 3)
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "hr":
            self.flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.flush()
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()

    def handle_data(self, data):
        self.parts.append(data)


def text_blocks(html) -> list[TextBlock]:
    parser = _PlainText()
    parser.feed(str(html or ""))
    parser.close()
    parser.flush()
    return parser.blocks


def plain_text(html) -> str:
    """Rich text as text: a line per paragraph, heading or list item."""
    return "\n".join(block.text for block in text_blocks(html))


def _office_blocks(html) -> list:
    blocks = []
    for block in text_blocks(html):
        if block.kind == "heading":
            blocks.append(office_files.Heading(block.text, level=block.level))
        else:
            blocks.append(office_files.Paragraph(block.text))
    return blocks


# The tables for the web page ------------------------------------------------------------------


def table2_context(figures) -> list[dict]:
    """The parts of Table 2, each with its column headings and rows of cells."""
    parts = []
    for key, article, row_keys in TABLE2_PARTS:
        columns = table2_columns(key)
        parts.append(
            {
                "key": key,
                "article": article,
                "content": TABLE2_CONTENT,
                "headings": [heading for _column, heading in columns],
                "span": 3 // len(columns),
                "rows": [
                    {
                        "key": row_key,
                        "label": TABLE2_ROWS[row_key].label,
                        "cells": [_cell(figures, "table2", row_key, c) for c, _h in columns],
                    }
                    for row_key in row_keys
                ],
            }
        )
    return parts


def _table3_groups() -> dict:
    """The label of the group heading each reason row of Table 3 belongs to."""
    groups, current = {}, None
    for row in layout.TABLE3_ROWS:
        if row.level == 2:
            groups[row.key] = current
        else:
            current = row.label if row.heading and row.level == 1 else None
    return groups


def table3_context(figures) -> dict:
    columns = [key for key, _label in layout.TABLE3_COLUMNS]
    labels = dict(layout.TABLE3_COLUMNS)
    groups = _table3_groups()
    rows = []
    for row in layout.TABLE3_ROWS:
        rows.append(
            {
                "key": row.key,
                "label": row.label,
                "level": row.level,
                "heading": row.heading,
                "group": groups.get(row.key),
                "cells": []
                if row.heading
                else [_cell(figures, "table3", row.key, column) for column in columns],
            }
        )
    return {
        "applicants": TABLE3_APPLICANTS,
        "organisations_label": TABLE3_ORGANISATIONS,
        "person": labels["person"],
        "organisations": [labels[key] for key in ORGANISATION_COLUMNS],
        "total": labels["total"],
        "rows": rows,
        "width": len(columns),
    }


def table4_context(figures) -> dict:
    groups = dict(layout.TABLE4_GROUPS)
    width = len(layout.TABLE4_COLUMNS)
    return {
        "review": groups["review"],
        "litigation_label": TABLE4_LITIGATION,
        "litigation": [groups["litigation_direct"], groups["litigation_after_review"]],
        "columns": [label for _key, label in layout.TABLE4_COLUMNS],
        "width": width,
        "litigation_width": 2 * width,
        "cells": [
            {**_cell(figures, "table4", group, column), "total": column == "total"}
            for group, _label in layout.TABLE4_GROUPS
            for column, _column_label in layout.TABLE4_COLUMNS
        ],
    }


def _download_links(page, request) -> list[dict]:
    """The files of the report; none in a preview, whose files would be the published ones."""
    base = page.get_url(request)
    if not base or getattr(request, "is_preview", False):
        return []
    return [
        {
            "url": base + page.reverse_subpage(route),
            "label": label,
            "kind": kind,
            "description": description,
        }
        for route, kind, label, description in (
            ("as_docx", "docx", _("Word"), _("to print or edit (.docx)")),
            ("as_pdf", "pdf", _("PDF"), _("laid out as the official document (.pdf)")),
            ("as_json", "json", _("Data"), _("every figure, for reuse (.json)")),
        )
    ]


def report_context(page, request) -> dict:
    """The context of the report's page: its sections, tables and download links."""
    figures = _figures(page)
    sections = []
    for number, section in enumerate(SECTIONS, start=1):
        sections.append(
            {
                "key": section.key,
                "number": number,
                "heading": section.heading,
                "text": getattr(page, section.field),
                "table": section.table,
                "caption": TABLE_CAPTIONS.get(section.table),
                "fees": fees_statement(page) if section.key == "other" else "",
            }
        )
    return {
        "sections": sections,
        "table2": table2_context(figures),
        "table3": table3_context(figures),
        "table4": table4_context(figures),
        "downloads": _download_links(page, request),
    }


# JSON -----------------------------------------------------------------------------------------


def _json_values(figures, table, row, columns) -> dict:
    return {column: _value(figures, table, row, column) for column in columns}


def report_data(page, request=None) -> dict:
    """The report as data: stable keys from ``layout`` with the labels of the tables."""
    figures = _figures(page)
    sections = []
    for number, section in enumerate(SECTIONS, start=1):
        html = getattr(page, section.field) or ""
        entry = {
            "key": section.key,
            "number": number,
            "heading": str(section.heading),
            "text": plain_text(html),
            "html": expand_db_html(html) if html else "",
            "table": section.table,
        }
        if section.key == "other":
            entry["fees_statement"] = fees_statement(page)
        sections.append(entry)

    table2 = {
        "caption": str(TABLE_CAPTIONS["table2"]),
        "columns": {
            column: str(heading)
            for key, _article, _rows in TABLE2_PARTS
            for column, heading in table2_columns(key)
        },
        "parts": [
            {"key": key, "label": str(article), "rows": list(row_keys)}
            for key, article, row_keys in TABLE2_PARTS
        ],
        "rows": {
            row_key: {
                "label": str(TABLE2_ROWS[row_key].label),
                "values": _json_values(
                    figures, "table2", row_key, [c for c, _h in table2_columns(key)]
                ),
            }
            for key, _article, row_keys in TABLE2_PARTS
            for row_key in row_keys
        },
    }

    table3_columns = [column for column, _label in layout.TABLE3_COLUMNS]
    table3 = {
        "caption": str(TABLE_CAPTIONS["table3"]),
        "columns": [
            {
                "key": column,
                "label": str(label),
                "group": "organisation" if column in ORGANISATION_COLUMNS else None,
            }
            for column, label in layout.TABLE3_COLUMNS
        ],
        "column_groups": {
            "applicants": str(TABLE3_APPLICANTS),
            "organisation": str(TABLE3_ORGANISATIONS),
        },
        "rows": [
            {
                "key": row.key,
                "label": str(row.label),
                "level": row.level,
                "heading": row.heading,
                "values": None
                if row.heading
                else _json_values(figures, "table3", row.key, table3_columns),
            }
            for row in layout.TABLE3_ROWS
        ],
    }

    table4_columns = [column for column, _label in layout.TABLE4_COLUMNS]
    table4 = {
        "caption": str(TABLE_CAPTIONS["table4"]),
        "columns": {column: str(label) for column, label in layout.TABLE4_COLUMNS},
        "groups": [
            {
                "key": group,
                "label": str(label),
                "parent": str(TABLE4_LITIGATION) if group != "review" else None,
                "values": _json_values(figures, "table4", group, table4_columns),
            }
            for group, label in layout.TABLE4_GROUPS
        ],
    }

    agency = page.agency if page.agency_id else None
    url = page.get_full_url(request) if request is not None else page.get_full_url()
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "year": page.year,
        "agency": {
            "name": agency.name,
            "short_name": agency.short_name,
            "credit_code": agency.credit_code,
        }
        if agency
        else None,
        "title": page.title,
        "document_title": document_title(page),
        "publication_date": page.publication_date.isoformat() if page.publication_date else None,
        "url": url,
        "sections": sections,
        "tables": {"table2": table2, "table3": table3, "table4": table4},
        "fees_charged_yuan": _figures(page).get("fees_charged_yuan"),
    }


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value)


def report_json(page, request):
    body = json.dumps(
        report_data(page, request), ensure_ascii=False, indent=2, default=_json_default
    )
    return HttpResponse(body.encode("utf-8"), content_type=JSON_TYPE)


# Word and PDF ---------------------------------------------------------------------------------

Cell = office_files.Cell


def _figure(figures, table, row, column) -> Cell:
    return Cell(_shown(_value(figures, table, row, column)), align="center")


def office_table2(figures) -> office_files.Table:
    """Table 2 as the national template draws it: each part of Article 20 with its heading
    row, its column headings and its rows; one figure spans the three columns."""
    rows = []
    for key, article, row_keys in TABLE2_PARTS:
        columns = table2_columns(key)
        span = 3 // len(columns)
        rows.append([Cell(str(article), colspan=4, align="center")])
        rows.append(
            [
                Cell(str(TABLE2_CONTENT), align="center"),
                *(Cell(str(heading), colspan=span, align="center") for _c, heading in columns),
            ]
        )
        for row_key in row_keys:
            values = [_shown(_value(figures, "table2", row_key, c)) for c, _h in columns]
            rows.append(
                [
                    Cell(str(TABLE2_ROWS[row_key].label), align="center"),
                    *(Cell(value, colspan=span, align="center") for value in values),
                ]
            )
    return office_files.Table(rows=rows, widths=(3, 2, 2, 2))


def office_table3(figures, merged: bool = True) -> office_files.Table:
    """Table 3 as the national template draws it: the corner over the three label columns,
    三、本年度办理结果 down the rows of the results, each group down the rows of its reasons.
    Unmerged, every row heading takes the three label columns (for a PDF whose merged block of
    results would not fit on one page)."""
    columns = [column for column, _label in layout.TABLE3_COLUMNS]
    labels = dict(layout.TABLE3_COLUMNS)
    header = [
        [Cell("", colspan=3, rowspan=3), Cell(str(TABLE3_APPLICANTS), colspan=len(columns))],
        [
            Cell(str(labels["person"]), rowspan=2),
            Cell(str(TABLE3_ORGANISATIONS), colspan=len(ORGANISATION_COLUMNS)),
            Cell(str(labels["total"]), rowspan=2),
        ],
        [str(labels[key]) for key in ORGANISATION_COLUMNS],
    ]

    def figures_of(key):
        return [_figure(figures, "table3", key, column) for column in columns]

    def lines_under(n, row):
        """The rows of the grid a heading row spans: its sub-rows that have figures."""
        count = 0
        for following in layout.TABLE3_ROWS[n + 1 :]:
            if following.level <= row.level:
                break
            count += not following.heading
        return max(count, 1)

    body, lead = [], []  # lead: the heading cells that open the next row of the grid
    for n, row in enumerate(layout.TABLE3_ROWS):
        label = str(row.label)
        if not merged:
            cells = [Cell("", colspan=len(columns))] if row.heading else figures_of(row.key)
            body.append([Cell(label, colspan=3), *cells])
        elif row.heading:
            lead.append(Cell(label, rowspan=lines_under(n, row), align="center"))
        else:
            body.append([*lead, Cell(label, colspan=3 - row.level), *figures_of(row.key)])
            lead = []
    return office_files.Table(
        header=header,
        rows=body,
        widths=(0.8, 1.3, 3.8, *([1.0] * len(columns))),
        font_size=9,
    )


def office_table4(figures) -> office_files.Table:
    groups = dict(layout.TABLE4_GROUPS)
    columns = [(key, str(label)) for key, label in layout.TABLE4_COLUMNS]
    width = len(columns)
    header = [
        [
            Cell(str(groups["review"]), colspan=width),
            Cell(str(TABLE4_LITIGATION), colspan=2 * width),
        ],
        [
            *(Cell(label, rowspan=2) for _key, label in columns),
            Cell(str(groups["litigation_direct"]), colspan=width),
            Cell(str(groups["litigation_after_review"]), colspan=width),
        ],
        [label for _key, label in columns] * 2,
    ]
    values = [
        _figure(figures, "table4", group, column)
        for group, _label in layout.TABLE4_GROUPS
        for column, _label in layout.TABLE4_COLUMNS
    ]
    return office_files.Table(header=header, rows=[values], font_size=9)


def report_blocks(page, merged: bool = True) -> list:
    """The report for ``office_files``: sections 一…六 as headings, each with its text and
    table; section 六 opens with the fees."""
    figures = _figures(page)
    tables = {
        "table2": office_table2,
        "table3": lambda figures: office_table3(figures, merged=merged),
        "table4": office_table4,
    }
    blocks = []
    for section in SECTIONS:
        blocks.append(office_files.Heading(str(section.heading), level=1))
        if section.key == "other":
            blocks.append(office_files.Paragraph(fees_statement(page)))
        blocks.extend(_office_blocks(getattr(page, section.field)))
        if section.table:
            blocks.append(tables[section.table](figures))
    return blocks


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def filename(page, extension: str) -> str:
    """``annual-report-2025-42.pdf``: ASCII only, for every browser and mail client."""
    return f"annual-report-{_UNSAFE.sub('', str(page.year))}-{page.pk}.{extension}"


TITLE_LINE_CHARS = 20  # characters of the title's size (二号) on a line of A4 text


def office_title(page) -> str:
    """The title of the Word file and the PDF: on two lines when it would not fit on one, the
    agency on the first, so that no line ends half-way through a word such as 年度."""
    title = document_title(page)
    agency = page.agency.name if page.agency_id and page.agency else ""
    if (
        agency
        and title.startswith(agency)
        and office_files._width_in_chars(title) > TITLE_LINE_CHARS
    ):
        return agency + "\n" + title[len(agency) :].strip()
    return title


def _author(page) -> str:
    return page.agency.name if page.agency_id and page.agency else ""


def _download(page, content: bytes, extension: str, content_type: str):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename(page, extension))
    return response


def report_docx(page, request):
    content = office_files.build_docx(office_title(page), report_blocks(page), author=_author(page))
    return _download(page, content, "docx", DOCX_TYPE)


def report_pdf(page, request):
    from reportlab.platypus.doctemplate import LayoutError

    title, author = office_title(page), _author(page)
    try:
        content = office_files.build_pdf(title, report_blocks(page), author=author)
    except LayoutError:
        # The merged block of Table 3's results is taller than a page (very long labels):
        # reportlab cannot split a table within merged cells, so the rows go unmerged.
        content = office_files.build_pdf(title, report_blocks(page, merged=False), author=author)
    return _download(page, content, "pdf", PDF_TYPE)


# The index ------------------------------------------------------------------------------------


class ReportFilterForm(ListingFilterForm):
    year = year_field(_("Year"))
    agency = forms.TypedChoiceField(
        label=_("Agency"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("There is no such agency here.")},
    )

    def __init__(self, data, *, years, agencies):
        super().__init__(data)
        self.set_year_choices("year", years)
        self.fields["agency"].choices = [("", _("All"))] + [(a.pk, a.name) for a in agencies]


def public_reports(page):
    from .models import AnnualReportPage

    return AnnualReportPage.objects.public_disclosures().descendant_of(page)


def index_context(page, request) -> dict:
    """The reports under ``page`` by year (newest first) and agency, filtered and paginated;
    a fixed number of queries whatever the number of reports."""
    reports = public_reports(page)
    unordered = reports.order_by()
    years = sorted(set(unordered.values_list("year", flat=True).distinct()), reverse=True)
    agencies = list(
        Agency.objects.filter(pk__in=unordered.values("agency_id")).order_by("sort_order", "name")
    )
    form = ReportFilterForm(request.GET, years=years, agencies=agencies)
    filters = form.filters()
    problems = form.problems()
    if year := filters.get("year"):
        reports = reports.filter(year=year)
    if agency := filters.get("agency"):
        reports = reports.filter(agency_id=agency)
    reports = reports.select_related("agency").order_by(
        F("year").desc(),
        F("agency__sort_order").asc(nulls_last=True),
        F("agency__name").asc(nulls_last=True),
        "title",
        "pk",
    )
    pages, page_problems = paginate(reports, INDEX_PAGE_SIZE, request.GET.get("page"), filters)
    problems.extend(page_problems)
    return {
        "filter_form": form,
        "filter_problems": problems,
        "reports": pages["page_obj"].object_list,
        **pages,
        "is_filtered": bool(filters),
    }


__all__ = [
    "index_context",
    "report_context",
    "report_data",
    "report_docx",
    "report_json",
    "report_pdf",
]
