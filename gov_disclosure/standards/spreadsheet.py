"""Read and write a standard catalogue as an Excel workbook in the national layout.

The layout (docs/standards/import.md): a title row such as “示范县基层政务公开标准目录（社会救助
领域）”, then two heading rows::

    序号 | 公开事项: 一级事项, 二级事项 | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体
         | 公开渠道和载体 | 公开对象: 全社会, 特定群众 | 公开方式: 主动, 依申请
         | 公开层级: 县级, 乡级

Sub-columns are ticked with “√”. The domain of a row comes from a 领域 column when the sheet has
one, else from the title row or the sheet's name. Merged cells (a 一级事项 over several rows)
count for every row they cover.

Usage::

    report = CatalogueImporter(catalogue, user=user, dry_run=True).run(uploaded_file)
    data = export_catalogue(catalogue)  # the bytes of an .xlsx file

Every row is checked before anything is written; bad rows are reported and skipped, the good
ones are created or updated in one transaction. Items of the catalogue that are not in the file
are left alone, and an update changes only the columns of the layout.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from .app_settings import app_settings
from .models import (
    Audience,
    Catalogue,
    CatalogueItem,
    Method,
    StandardDomain,
    guess_update_interval,
)

# The header is looked for in the first rows of each sheet (below one or more title rows).
HEADER_SEARCH_ROWS = 15
# A workbook is a ZIP archive; one that unpacks to more than this is refused before reading.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
TICK = "√"

# The headings of the national layout. They identify the columns of the file, whatever the
# language of the admin, so they are data and are not translated.
HEADINGS = {
    "number": ("序号", "编号"),
    "domain": ("领域", "所属领域", "公开领域", "事项领域"),
    "level1": ("一级事项",),
    "level2": ("二级事项",),
    "content": ("公开内容（要素）", "公开内容", "公开内容要素"),
    "legal_basis": ("公开依据",),
    "time_limit": ("公开时限",),
    "responsible_body": ("公开主体",),
    "channels": ("公开渠道和载体", "公开渠道及载体", "公开渠道", "公开载体"),
    "everyone": ("全社会",),
    "specific": ("特定群众", "特定群体", "特定对象"),
    "proactive": ("主动", "主动公开"),
    "on_application": ("依申请", "依申请公开"),
    "county": ("县级", "县（区）级", "县（市、区）级"),
    "township": ("乡级", "乡（镇）级", "乡镇级", "乡镇（街道）级"),
}
GROUP_HEADINGS = {
    "公开事项": ("level1", "level2"),
    "公开对象": ("everyone", "specific"),
    "公开方式": ("proactive", "on_application"),
    "公开层级": ("county", "township"),
}
TEXT_KEYS = (
    "number",
    "level1",
    "level2",
    "content",
    "legal_basis",
    "time_limit",
    "responsible_body",
    "channels",
)
LAYOUT_HEADINGS = (
    "序号、公开事项（一级事项、二级事项）、公开内容（要素）、公开依据、公开时限、公开主体、"
    "公开渠道和载体、公开对象（全社会、特定群众）、公开方式（主动、依申请）、公开层级（县级、乡级）"
)
REQUIRED_KEYS = ("level1", "content", "legal_basis", "time_limit", "responsible_body", "channels")
TICK_KEYS = ("everyone", "specific", "proactive", "on_application", "county", "township")
SUB_KEYS = frozenset(("level1", "level2", *TICK_KEYS))
# Columns an update may change: those of the layout (the domain and the two item names are the
# key, compared loosely, so their spelling is updated too).
ITEM_FIELDS = (
    "number",
    "level1",
    "level2",
    "content",
    "legal_basis",
    "time_limit",
    "responsible_body",
    "channels",
    "audience",
    "method",
    "level_county",
    "level_township",
)
# Order of the columns in an exported sheet.
EXPORT_KEYS = (
    "number",
    "level1",
    "level2",
    "content",
    "legal_basis",
    "time_limit",
    "responsible_body",
    "channels",
    *TICK_KEYS,
)
EXPORT_WIDTHS = {
    "number": 6,
    "level1": 14,
    "level2": 18,
    "content": 38,
    "legal_basis": 36,
    "time_limit": 20,
    "responsible_body": 18,
    "channels": 22,
}
TICK_WIDTH = 7
TICKED = frozenset(("√", "✓", "✔", "☑", "是", "y", "x"))
NOT_TICKED = frozenset(("", "否", "n", "×", "✗", "✘", "-", "—", "/", "无"))
_NOTE = re.compile(r"^(注|备注|说明|附注)")
_PARENTHESES = re.compile(r"\((.*?)\)")
_DEFAULT_SHEET_NAME = re.compile(r"^(sheet|工作表|表)\s*\d*$", re.IGNORECASE)
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class SpreadsheetError(Exception):
    """Nothing can be imported: the file is not a catalogue workbook (the message says why)."""


def _normalize(text: Any) -> str:
    """``" 公开内容（要素）* "`` → ``"公开内容"``: width, spaces, brackets and case ignored."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = re.sub(r"\(.*?\)|【.*?】|\[.*?\]", "", text)
    return re.sub(r"[\s*:：]+", "", text).casefold()


def lookup_key(text: Any) -> str:
    """How domain and item names are compared: width, spaces and case ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))).casefold()


_HEADING_KEYS = {_normalize(alias): key for key, aliases in HEADINGS.items() for alias in aliases}
_GROUP_KEYS = {_normalize(heading): heading for heading in GROUP_HEADINGS}


def _standard_heading(key: str) -> str:
    return HEADINGS[key][0]


# Results


@dataclass
class RowError:
    """A problem with one row (or, with ``row`` None, with a whole sheet)."""

    sheet: str
    row: int | None
    message: str
    column: str = ""  # the column's heading, e.g. “公开内容（要素）” or “公开对象”
    cell: str = ""  # e.g. “D12”, or “I12:J12” for a pair of tick columns

    def __str__(self):
        params = {
            "sheet": self.sheet,
            "row": self.row,
            "column": f"{self.cell} {self.column}".strip(),
            "message": self.message,
        }
        if self.row is None:
            return _("Sheet “%(sheet)s”: %(message)s") % params
        if params["column"]:
            return _("Sheet “%(sheet)s”, row %(row)s, %(column)s: %(message)s") % params
        return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % params


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class RowResult:
    """What an import did (or, in a dry run, would do) with one good row."""

    sheet: str
    row: int
    domain: str
    level1: str
    level2: str
    action: str  # CREATED, UPDATED or UNCHANGED
    changed: list[str] = field(default_factory=list)  # headings of the changed columns
    item: CatalogueItem | None = None

    @property
    def title(self):
        return f"{self.level1} · {self.level2}" if self.level2 else self.level1


@dataclass
class ImportReport:
    catalogue: Catalogue
    dry_run: bool = False
    rows: int = 0  # data rows read (empty rows and notes not counted)
    results: list[RowResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_domains: list[str] = field(default_factory=list)

    def _count(self, action):
        return sum(1 for result in self.results if result.action == action)

    @property
    def created(self) -> int:
        return self._count(CREATED)

    @property
    def updated(self) -> int:
        return self._count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def failed(self) -> int:
        return len({(error.sheet, error.row) for error in self.errors})

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> list[RowResult]:
        return [result for result in self.results if result.action != UNCHANGED]

    def summary(self) -> str:
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "rows": self.rows,
        }
        if self.dry_run:
            return (
                _(
                    "Dry run, nothing was saved: %(created)s items would be created, "
                    "%(updated)s updated, %(unchanged)s unchanged; %(failed)s rows have errors "
                    "(%(rows)s rows read)."
                )
                % counts
            )
        return (
            _(
                "%(created)s items created, %(updated)s updated, %(unchanged)s unchanged; "
                "%(failed)s rows with errors were skipped (%(rows)s rows read)."
            )
            % counts
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


# Values


def cell_text(value: Any) -> str:
    """A cell as text: ``3`` and ``3.0`` → ``"3"``, dates as ISO dates, line ends unified."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TICK if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "date") and hasattr(value, "hour"):  # a datetime
        value = value.date() if not (value.hour or value.minute or value.second) else value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


class _NotATick(Exception):
    pass


def parse_tick(value: Any) -> bool:
    """True for a ticked cell (√ ✓ ✔ 是 Y X), False for an empty one (or 否, ×, N)."""
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", cell_text(value)).strip().casefold()
    if text in TICKED:
        return True
    if text in NOT_TICKED:
        return False
    raise _NotATick


def _column_letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column + 1)


# Importing


@dataclass
class _NewDomain:
    """A domain the import creates (in a dry run: would create)."""

    name: str
    domain: StandardDomain | None = None

    @property
    def pk(self):
        return self.domain.pk if self.domain else None


@dataclass
class _Planned:
    result: RowResult
    domain: StandardDomain | _NewDomain
    values: dict[str, Any]
    item: CatalogueItem | None  # the existing item to update
    changed: list[str]  # its fields that change


class CatalogueImporter:
    """Import a workbook into ``catalogue``.

    Args:
        catalogue: the catalogue the items belong to.
        user: recorded on the revisions and the history.
        create_domains: create the domains the file names but the site does not have, instead
            of reporting their rows as errors.
        dry_run: check everything and report what would change, save nothing.
    """

    def __init__(self, catalogue, *, user=None, create_domains=False, dry_run=False):
        self.catalogue = catalogue
        self.user = user
        self.create_domains = create_domains
        self.dry_run = dry_run

    def run(self, source, *, name: str = "") -> ImportReport:
        """Import ``source`` (a path, bytes or a file object).

        Raises:
            SpreadsheetError: the file cannot be imported at all; nothing was saved.
        """
        data, file_name = _read_bytes(source)
        self.file_name = name or file_name
        _check_workbook(data, self.file_name)
        headers = _scan(data)
        report = ImportReport(catalogue=self.catalogue, dry_run=self.dry_run)
        self.report = report
        self._load_domains()
        with transaction.atomic():
            self._load_items()
            planned = self._plan(_rows(data, headers))
            if not self.dry_run:
                # Saving an item and its revision saves it twice: index its references once.
                with disable_reference_index_auto_update():
                    written = self._write(planned)
                for obj in written:
                    ReferenceIndex.create_or_update_for_object(obj)
        report.new_domains = [new.name for new in self._new_domains.values()]
        return report

    # Lookups

    def _load_domains(self):
        self._domains = {}
        for domain in StandardDomain.objects.all():
            self._domains[lookup_key(domain.name)] = domain
        self._new_domains: dict[str, _NewDomain] = {}
        self._sheet_domains = {}

    def _load_items(self):
        self._existing = defaultdict(list)
        self._next_sort_order = {}
        items = CatalogueItem.objects.filter(catalogue=self.catalogue).order_by("pk")
        if not self.dry_run:
            items = items.select_for_update()
        for item in items:
            self._existing[item.domain_id, lookup_key(item.level1), lookup_key(item.level2)].append(
                item
            )
        for row in (
            CatalogueItem.objects.filter(catalogue=self.catalogue)
            .values("domain_id")
            .annotate(last=Max("sort_order"))
        ):
            self._next_sort_order[row["domain_id"]] = row["last"] + 1

    def _find_domain(self, text: str) -> StandardDomain | None:
        key = lookup_key(text)
        candidates = [key]
        if key.endswith("领域") and len(key) > 2:
            candidates.append(key[:-2])
        else:
            candidates.append(key + "领域")
        for candidate in candidates:
            if candidate in self._domains:
                return self._domains[candidate]
        return None

    def _domain_from_sheet(self, sheet: str, header: _Header):
        """The domain a sheet without a 领域 column is about: ``(domain, name to create)``."""
        if sheet in self._sheet_domains:
            return self._sheet_domains[sheet]
        title = unicodedata.normalize("NFKC", header.title)
        in_brackets = [text.strip() for text in reversed(_PARENTHESES.findall(title))]
        found, create = None, None
        for text in [*in_brackets, sheet]:
            if text and (found := self._find_domain(text)):
                break
        if found is None:
            # A title such as “社会救助领域基层政务公开标准目录”: the longest domain named in it.
            compact = lookup_key(title)
            names = [key for key in self._domains if key and key in compact]
            if names:
                found = self._domains[max(names, key=len)]
        if found is None:
            named = [text for text in in_brackets if lookup_key(text).endswith("领域")]
            if named:
                create = re.sub(r"\s*领域$", "", named[0])
            elif sheet.strip() and not _DEFAULT_SHEET_NAME.match(sheet.strip()):
                create = re.sub(r"\s*领域$", "", sheet.strip())
        self._sheet_domains[sheet] = (found, create)
        return found, create

    def _resolve_domain(self, line: _SheetRow, errors: list, text: str | None):
        """The domain of a row (a StandardDomain or a _NewDomain), or None with an error added."""
        header = line.header
        column = header.columns.get("domain")
        heading = header.headings.get("domain", "")
        cell = f"{_column_letter(column)}{line.row}" if column is not None else ""

        def error(message):
            errors.append(RowError(line.sheet, line.row, message, heading, cell))

        if text:
            name, domain = text, self._find_domain(text)
        else:
            domain, name = self._domain_from_sheet(line.sheet, header)
            if domain is None and name is None:
                error(
                    _(
                        "No domain: name it in a domain (领域) column, in the title row "
                        "(e.g. “（社会救助领域）”) or as the sheet's name."
                    )
                )
                return None
            name = name or (domain.name if domain else "")
        if domain is not None:
            if domain.hidden:
                error(
                    _(
                        "The domain “%(domain)s” is hidden: show it again under Standard "
                        "catalogue › Domains before importing into it."
                    )
                    % {"domain": domain.name}
                )
                return None
            return domain
        name = re.sub(r"\s+", " ", name).strip()
        if not self.create_domains:
            error(
                _(
                    "Unknown domain “%(domain)s”: add it under Standard catalogue › Domains, "
                    "correct its name, or import with “Create missing domains”."
                )
                % {"domain": name}
            )
            return None
        limit = StandardDomain._meta.get_field("name").max_length
        if len(name) > limit:
            error(
                _("The domain name is too long: %(length)s characters, at most %(max)s.")
                % {"length": len(name), "max": limit}
            )
            return None
        key = lookup_key(name)
        if key not in self._new_domains:
            self._new_domains[key] = _NewDomain(name)
        return self._new_domains[key]

    # Checking

    def _parse(self, line: _SheetRow):
        """``(values, domain, errors)`` of a row; values are CatalogueItem fields."""
        header, errors = line.header, []

        def at(key):
            column = header.columns.get(key)
            return None if column is None else line.values[column]

        def cell(key):
            return f"{_column_letter(header.columns[key])}{line.row}"

        values = {}
        for key in TEXT_KEYS:
            text = cell_text(at(key))
            values[key] = text
            if key not in header.columns:
                continue
            if key in REQUIRED_KEYS and not text:
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("Required, but empty."),
                        header.headings[key],
                        cell(key),
                    )
                )
            limit = CatalogueItem._meta.get_field(key).max_length
            if limit and len(text) > limit:
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("Too long: %(length)s characters, at most %(max)s.")
                        % {"length": len(text), "max": limit},
                        header.headings[key],
                        cell(key),
                    )
                )
        ticks = {}
        for key in TICK_KEYS:
            try:
                ticks[key] = parse_tick(at(key))
            except _NotATick:
                ticks[key] = None
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("“%(value)s” is not a tick: mark the column with √ or leave it empty.")
                        % {"value": cell_text(at(key))[:20]},
                        header.headings[key],
                        cell(key),
                    )
                )

        def pair(first, second):
            group = header.groups.get(first) or header.groups.get(second) or ""
            names = {"first": header.headings[first], "second": header.headings[second]}
            return group, f"{cell(first)}:{cell(second)}", names

        for first, second in (("everyone", "specific"), ("proactive", "on_application")):
            if ticks[first] is None or ticks[second] is None:
                continue
            group, cells, names = pair(first, second)
            if ticks[first] and ticks[second]:
                message = _("Tick only one of %(first)s and %(second)s, not both.") % names
            elif not (ticks[first] or ticks[second]):
                message = _("Tick one of %(first)s and %(second)s.") % names
            else:
                continue
            errors.append(RowError(line.sheet, line.row, message, group, cells))
        if ticks["county"] is False and ticks["township"] is False:
            group, cells, names = pair("county", "township")
            errors.append(
                RowError(
                    line.sheet,
                    line.row,
                    _("Tick at least one level: %(first)s, %(second)s or both.") % names,
                    group,
                    cells,
                )
            )
        values["audience"] = Audience.SPECIFIC if ticks["specific"] else Audience.EVERYONE
        values["method"] = Method.ON_APPLICATION if ticks["on_application"] else Method.PROACTIVE
        values["level_county"] = bool(ticks["county"])
        values["level_township"] = bool(ticks["township"])

        domain_text = cell_text(at("domain")) if "domain" in header.columns else ""
        domain = self._resolve_domain(line, errors, domain_text)
        return values, domain, errors

    def _skip(self, line: _SheetRow) -> bool:
        """Empty rows, notes under the table (注：…) and repeated headers are not items."""
        texts = [cell_text(value) for value in line.values]
        filled = {text for text in texts if text}
        if not filled:
            return True
        if len(filled) == 1 and _NOTE.match(next(iter(filled))):
            self.report.warnings.append(
                _("Sheet “%(sheet)s”, row %(row)s was read as a note and skipped: %(text)s")
                % {"sheet": line.sheet, "row": line.row, "text": next(iter(filled))[:60]}
            )
            return True
        return _is_heading_row(line.values)

    def _plan(self, lines) -> list[_Planned]:
        planned, seen = [], {}
        for line in lines:
            if self._skip(line):
                continue
            self.report.rows += 1
            values, domain, errors = self._parse(line)
            if errors:
                self.report.errors.extend(errors)
                continue
            key = (
                id(domain) if isinstance(domain, _NewDomain) else domain.pk,
                lookup_key(values["level1"]),
                lookup_key(values["level2"]),
            )
            if key in seen:
                sheet, row = seen[key]
                self.report.errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _(
                            "The same item (domain, level-1 and level-2 item) is already on "
                            "row %(row)s of sheet “%(sheet)s”; this row was skipped."
                        )
                        % {"row": row, "sheet": sheet},
                        line.header.headings["level1"],
                        f"{_column_letter(line.header.columns['level1'])}{line.row}",
                    )
                )
                continue
            seen[key] = (line.sheet, line.row)
            matches = [] if isinstance(domain, _NewDomain) else self._existing.get(key, [])
            if len(matches) > 1:
                self.report.errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _(
                            "%(count)s items of the catalogue have this domain, level-1 and "
                            "level-2 item, so the row cannot tell which to update. Rename or "
                            "delete the extra items first."
                        )
                        % {"count": len(matches)},
                    )
                )
                continue
            item = matches[0] if matches else None
            changed = []
            if item is None:
                action = CREATED
            else:
                changed = _changed_fields(item, values)
                action = UPDATED if changed else UNCHANGED
            domain_name = domain.name
            result = RowResult(
                sheet=line.sheet,
                row=line.row,
                domain=domain_name,
                level1=values["level1"],
                level2=values["level2"],
                action=action,
                changed=[_field_heading(line.header, name) for name in changed],
                item=item,
            )
            self.report.results.append(result)
            if action != UNCHANGED:
                planned.append(_Planned(result, domain, values, item, changed))
        return planned

    # Writing

    def _write(self, planned: list[_Planned]) -> list:
        """Save the planned rows; returns every object written (domains and items)."""
        written = []
        for new in self._new_domains.values():
            last = StandardDomain.objects.aggregate(last=Max("sort_order"))["last"] or 0
            new.domain = StandardDomain.objects.create(name=new.name, sort_order=last + 1)
            new.domain.save_revision(user=self.user, log_action="wagtail.create", clean=False)
            written.append(new.domain)
        data = {"import": self.file_name} if self.file_name else None
        for plan in planned:
            domain = plan.domain.domain if isinstance(plan.domain, _NewDomain) else plan.domain
            if plan.item is None:
                item = CatalogueItem(
                    catalogue=self.catalogue,
                    domain=domain,
                    update_interval_days=guess_update_interval(plan.values["time_limit"]),
                    sort_order=self._next_sort_order.get(domain.pk, 0),
                    **plan.values,
                )
                self._next_sort_order[domain.pk] = item.sort_order + 1
                item.save()
                action = "wagtail.create"
            else:
                item = plan.item
                for name in plan.changed:
                    setattr(item, name, plan.values[name])
                item.save(update_fields=plan.changed)
                action = "wagtail.edit"
            revision = item.save_revision(user=self.user, clean=False)
            log(
                instance=item,
                action=action,
                user=self.user,
                revision=revision,
                content_changed=True,
                data=data,
            )
            plan.result.item = item
            written.append(item)
        return written


def _changed_fields(item: CatalogueItem, values: dict[str, Any]) -> list[str]:
    """The fields of ``item`` that ``values`` change (text compared as a cell reads it)."""
    changed = []
    for name in ITEM_FIELDS:
        current = getattr(item, name)
        if name in TEXT_KEYS:
            current = cell_text(current)
        if current != values[name]:
            changed.append(name)
    return changed


def _field_heading(header: _Header, name: str) -> str:
    key = {
        "audience": "everyone",
        "method": "proactive",
        "level_county": "county",
        "level_township": "township",
    }.get(name, name)
    if name in ("audience", "method") or key not in header.headings:
        return header.groups.get(key) or _standard_heading(key)
    return header.headings[key]


def import_catalogue(source, catalogue, **options) -> ImportReport:
    """Shortcut for ``CatalogueImporter(catalogue, **options).run(source)``."""
    return CatalogueImporter(catalogue, **options).run(source)


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
