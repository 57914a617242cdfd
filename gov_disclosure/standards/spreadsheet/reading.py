"""Reading a workbook: checked before it is opened, then its headers found and its rows read."""

from __future__ import annotations

import io
import itertools
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ..app_settings import app_settings
from .layout import (
    _GROUP_KEYS,
    _HEADING_KEYS,
    _MERGE_REF,
    HEADER_SEARCH_ROWS,
    LAYOUT_HEADINGS,
    MAX_UNPACKED_BYTES,
    REQUIRED_KEYS,
    SUB_KEYS,
    TICK_KEYS,
    SpreadsheetError,
    _normalize,
    _standard_heading,
)

# Reading the workbook


def _read_bytes(source) -> tuple[bytes, str]:
    """The content and the name of ``source``: a path, bytes or a file object (an upload)."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), ""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.read_bytes(), path.name
        except OSError as error:
            raise SpreadsheetError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": path, "error": error.strerror or error}
            ) from None
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read()
    return data, Path(str(getattr(source, "name", "") or "")).name


def _check_workbook(data: bytes, name: str) -> None:
    """Refuse, by content and whatever the file is called, anything but an .xlsx workbook."""
    file = name or _("The file")
    if not data:
        raise SpreadsheetError(_("%(file)s is empty.") % {"file": file})
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _(
                "%(file)s is an old Excel 97–2003 workbook (.xls) or a workbook protected by a "
                "password: open it in Excel or WPS, remove any password and save it as .xlsx."
            )
            % {"file": file}
        )
    not_a_workbook = _(
        "%(file)s is not an Excel workbook (.xlsx), whatever its name says. Save the catalogue "
        "from Excel or WPS as “Excel workbook (*.xlsx)” and import that file."
    ) % {"file": file}
    if not data.startswith(b"PK\x03\x04"):
        raise SpreadsheetError(not_a_workbook)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "xl/workbook.xml" not in names:
                raise SpreadsheetError(not_a_workbook)
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise SpreadsheetError(
                    _("%(file)s is too large once unpacked to be imported.") % {"file": file}
                )
            _check_merged_ranges(archive, names, file)
    except zipfile.BadZipFile:
        raise SpreadsheetError(not_a_workbook) from None


def _check_merged_ranges(archive, names, file):
    """Refuse merged ranges larger than any catalogue (openpyxl makes a cell of each cell)."""
    from openpyxl.utils import column_index_from_string

    limit = app_settings.STANDARDS_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS
    for name in names:
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        for match in _MERGE_REF.finditer(archive.read(name)):
            first_column, first_row, last_column, last_row = match.groups()
            if last_column is None:
                continue
            rows = int(last_row) - int(first_row) + 1
            columns = (
                column_index_from_string(last_column.decode())
                - column_index_from_string(first_column.decode())
                + 1
            )
            if rows > limit or columns > 200:
                raise SpreadsheetError(
                    _("%(file)s has a merged cell over more rows than a catalogue can have.")
                    % {"file": file}
                )


def _load_workbook(data: bytes, *, read_only: bool):
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # e.g. "Workbook contains no default style": harmless, noise for editors.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise SpreadsheetError(
            _("The workbook cannot be read (%(error)s). Open it in Excel or WPS and save it again.")
            % {"error": error.__class__.__name__}
        ) from None


@dataclass
class _Header:
    row: int  # Excel row of the (first) heading row
    data_start: int  # Excel row of the first data row
    columns: dict[str, int]  # key → 0-based column
    headings: dict[str, str]  # key → the heading as written in the file
    groups: dict[str, str]  # key → the heading of its group, e.g. “公开对象”
    title: str  # the text of the rows above the header
    width: int = 0


def _heading_key(value) -> str | None:
    return _HEADING_KEYS.get(_normalize(value)) if isinstance(value, str) else None


def _is_heading_row(cells) -> bool:
    keys = {_heading_key(cell) for cell in cells} - {None} - SUB_KEYS - {"number"}
    groups = {_GROUP_KEYS.get(_normalize(cell)) for cell in cells if isinstance(cell, str)}
    return len(keys) + len(groups - {None}) >= 3


def _find_header(sheet_name: str, rows: list[list]) -> _Header | None:
    """The header among the first rows of a sheet, or None when the sheet has none."""
    for index, cells in enumerate(rows):
        if not _is_heading_row(cells):
            continue
        below = rows[index + 1] if index + 1 < len(rows) else []
        two_rows = any(_heading_key(cell) in SUB_KEYS for cell in below)
        columns, headings, groups = {}, {}, {}
        group_of_column = {}
        current_group = None
        width = max(len(cells), len(below))
        for column in range(width):
            top = cells[column] if column < len(cells) else None
            if isinstance(top, str) and top.strip():
                current_group = _GROUP_KEYS.get(_normalize(top))
            group_of_column[column] = current_group
            sub = below[column] if two_rows and column < len(below) else None
            key, heading = _heading_key(sub), sub
            if key is None:
                key, heading = _heading_key(top), top
            if key is None:
                continue
            if key in columns:
                raise SpreadsheetError(
                    _("Sheet “%(sheet)s”: the column “%(column)s” appears twice in the header.")
                    % {"sheet": sheet_name, "column": str(heading).strip()}
                )
            columns[key] = column
            headings[key] = re.sub(r"\s+", "", str(heading))
            if group_of_column[column]:
                groups[key] = group_of_column[column]
        missing = [
            _standard_heading(key) for key in (*REQUIRED_KEYS, *TICK_KEYS) if key not in columns
        ]
        if missing:
            raise SpreadsheetError(
                _(
                    "Sheet “%(sheet)s”: the header on row %(row)s has no column %(columns)s. "
                    "Use the headings of the national layout (see the import guide)."
                )
                % {"sheet": sheet_name, "row": index + 1, "columns": "、".join(missing)}
            )
        title = " ".join(
            str(cell).strip()
            for line in rows[:index]
            for cell in line
            if cell is not None and str(cell).strip()
        )
        return _Header(
            row=index + 1,
            data_start=index + (3 if two_rows else 2),
            columns=columns,
            headings=headings,
            groups=groups,
            title=title,
            width=width,
        )
    return None


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _scan(data: bytes) -> dict[str, _Header]:
    """First pass, streaming: the header of each sheet, and the row limit enforced."""
    workbook = _load_workbook(data, read_only=True)
    headers, total = {}, 0
    limit = app_settings.STANDARDS_IMPORT_MAX_ROWS
    too_many = _(
        "The file has more than %(max)s rows of items, the most one import accepts. Split it "
        "into several files (for example one per domain)."
    ) % {"max": limit}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for sheet in workbook.worksheets:
                rows = sheet.iter_rows(values_only=True)
                head = [list(cells) for cells in itertools.islice(rows, HEADER_SEARCH_ROWS)]
                header = _find_header(sheet.title, head)
                if header is None:
                    continue
                headers[sheet.title] = header
                for cells in itertools.chain(head[header.data_start - 1 :], rows):
                    if not all(_is_blank(cell) for cell in cells):
                        total += 1
                        if total > limit:
                            raise SpreadsheetError(too_many)
    finally:
        workbook.close()
    if not headers:
        raise SpreadsheetError(
            _(
                "No sheet of the workbook has the header of a catalogue in its first %(rows)s "
                "rows. The header names the columns %(headings)s; see the import guide."
            )
            % {"rows": HEADER_SEARCH_ROWS, "headings": LAYOUT_HEADINGS}
        )
    return headers


@dataclass
class _SheetRow:
    sheet: str
    row: int
    values: list  # cell values, merged cells filled in
    header: _Header


def _rows(data: bytes, headers: dict[str, _Header]):
    """Second pass, with merged cells: every data row of every sheet that has a header."""
    workbook = _load_workbook(data, read_only=False)
    try:
        for sheet in workbook.worksheets:
            header = headers.get(sheet.title)
            if header is None:
                continue
            fill = {}
            for merged in sheet.merged_cells.ranges:
                if merged.min_row < header.data_start:
                    continue
                value = sheet.cell(merged.min_row, merged.min_col).value
                for row in range(merged.min_row, merged.max_row + 1):
                    for column in range(merged.min_col, merged.max_col + 1):
                        fill[row, column - 1] = value
            width = max(header.width, max(header.columns.values()) + 1)
            for number, cells in enumerate(
                sheet.iter_rows(min_row=header.data_start, max_col=width, values_only=True),
                start=header.data_start,
            ):
                values = list(cells) + [None] * (width - len(cells))
                for column in range(width):
                    if (number, column) in fill:
                        values[column] = fill[number, column]
                yield _SheetRow(sheet.title, number, values, header)
    finally:
        workbook.close()
