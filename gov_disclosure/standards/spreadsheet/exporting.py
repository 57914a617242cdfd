"""Exporting a catalogue as a workbook in the national layout, one sheet per domain."""

from __future__ import annotations

import io
from pathlib import Path

from ..models import Audience, Catalogue, CatalogueItem, Method, StandardDomain
from .layout import (
    _SHEET_NAME_FORBIDDEN,
    EXPORT_KEYS,
    EXPORT_WIDTHS,
    GROUP_HEADINGS,
    TICK,
    TICK_KEYS,
    TICK_WIDTH,
    _standard_heading,
)

# Exporting


def _sheet_title(name: str, taken: set) -> str:
    base = _SHEET_NAME_FORBIDDEN.sub("", name).strip("' ")[:31] or "Sheet"
    title, number = base, 2
    while title.casefold() in taken:
        suffix = f"({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.casefold())
    return title


def _title_text(catalogue: Catalogue, domain: StandardDomain | None) -> str:
    if domain is None:
        return catalogue.name
    label = domain.name if domain.name.endswith("领域") else f"{domain.name}领域"
    return f"{catalogue.name}（{label}）"


def export_catalogue(catalogue: Catalogue, output=None) -> bytes | None:
    """Write ``catalogue`` as an .xlsx workbook, one sheet per domain that has items.

    Items of hidden domains are left out, as the import leaves them out. Returns the bytes, or
    writes them to ``output`` (a path or a binary file object) and returns None.
    """
    from openpyxl import Workbook

    items = (
        CatalogueItem.objects.filter(catalogue=catalogue, domain__hidden=False)
        .select_related("domain")
        .order_by("domain__sort_order", "domain__name", "sort_order", "pk")
    )
    by_domain: dict[int, list[CatalogueItem]] = {}
    domains = {}
    for item in items:
        by_domain.setdefault(item.domain_id, []).append(item)
        domains[item.domain_id] = item.domain

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    if not by_domain:  # an empty catalogue: a blank form to fill in
        _write_sheet(workbook.create_sheet(_sheet_title("标准目录", taken)), catalogue, None, [])
    for domain_id, domain_items in by_domain.items():
        domain = domains[domain_id]
        sheet = workbook.create_sheet(_sheet_title(domain.name, taken))
        _write_sheet(sheet, catalogue, domain, domain_items)

    if output is None:
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    if isinstance(output, str | Path):
        with open(output, "wb") as handle:
            workbook.save(handle)
    else:
        workbook.save(output)
    return None


def _write_sheet(sheet, catalogue, domain, items):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    column_of = {key: index + 1 for index, key in enumerate(EXPORT_KEYS)}
    last = len(EXPORT_KEYS)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    heading_font = Font(bold=True)
    heading_fill = PatternFill("solid", fgColor="EDEDED")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrapped = Alignment(horizontal="left", vertical="center", wrap_text=True)

    # Title, then the two heading rows.
    sheet.cell(1, 1, _title_text(catalogue, domain))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.row_dimensions[1].height = 30
    for key in ("number", "content", "legal_basis", "time_limit", "responsible_body", "channels"):
        column = column_of[key]
        sheet.cell(2, column, _standard_heading(key))
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    for group, (first, second) in GROUP_HEADINGS.items():
        sheet.cell(2, column_of[first], group)
        sheet.merge_cells(
            start_row=2, start_column=column_of[first], end_row=2, end_column=column_of[second]
        )
        sheet.cell(3, column_of[first], _standard_heading(first))
        sheet.cell(3, column_of[second], _standard_heading(second))
    for row in (2, 3):
        for column in range(1, last + 1):
            cell = sheet.cell(row, column)
            cell.font, cell.fill, cell.alignment, cell.border = (
                heading_font,
                heading_fill,
                centred,
                border,
            )

    def text(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value or "")

    row = 4
    for item in items:
        values = {
            "number": int(item.number)
            if item.number.isdigit() and not item.number.startswith("0") and len(item.number) < 15
            else text(item.number),
            "level1": text(item.level1),
            "level2": text(item.level2),
            "content": text(item.content),
            "legal_basis": text(item.legal_basis),
            "time_limit": text(item.time_limit),
            "responsible_body": text(item.responsible_body),
            "channels": text(item.channels),
            "everyone": item.audience == Audience.EVERYONE,
            "specific": item.audience == Audience.SPECIFIC,
            "proactive": item.method == Method.PROACTIVE,
            "on_application": item.method == Method.ON_APPLICATION,
            "county": item.level_county,
            "township": item.level_township,
        }
        for key, value in values.items():
            cell = sheet.cell(row, column_of[key])
            if key in TICK_KEYS:
                cell.value = TICK if value else None
                cell.alignment = centred
            else:
                cell.value = value if value != "" else None
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                cell.alignment = centred if key == "number" else wrapped
            cell.border = border
        row += 1

    # One 一级事项 cell over the consecutive items that share it.
    column = column_of["level1"]
    start = 4
    for index in range(len(items) + 1):
        ends = index == len(items) or (index > 0 and items[index].level1 != items[index - 1].level1)
        if ends and index > 0:
            end = 4 + index - 1
            if end > start:
                sheet.merge_cells(
                    start_row=start, start_column=column, end_row=end, end_column=column
                )
            start = 4 + index

    for key, column in column_of.items():
        sheet.column_dimensions[get_column_letter(column)].width = EXPORT_WIDTHS.get(
            key, TICK_WIDTH
        )
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "2:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
