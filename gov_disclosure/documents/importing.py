"""Import policy documents from CSV, XLSX, JSON or JSON Lines files.

Used by ``manage.py import_documents`` (see docs/documents/import.md) and usable on its own::

    source = open_source("/tmp/documents.xlsx")
    report = DocumentImporter(library_page, user=user).run(source)

Every row is checked in full before anything is written. A row is imported completely or not
at all, and a bad row does not stop the others: new documents are created in batches, each in
one transaction, and a batch that fails is done again row by row, each row in its own. Documents
are keyed by their index number: importing a file again updates them instead of adding copies.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import html
import json
import logging
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.signal_handlers import post_save_signal_handler as update_search_index
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from gov_disclosure.models import Agency, DisclosureAttribute, ThemeCategory
from gov_disclosure.signals import batched_changes
from gov_disclosure.validators import normalize_credit_code

from . import services
from .models import DocumentLibraryPage, DocumentPage, DocumentType, Validity, ValidityChange
from .models.validity import ALLOWED_TRANSITIONS
from .validators import normalize_document_number

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx", "json", "jsonl")
EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# A body or a long caption may be far longer than the csv module's default cell limit.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
# The header may sit below a title row such as “某县行政规范性文件目录”.
HEADER_SEARCH_ROWS = 10
_LOOKUP_CHUNK = 500


class ImportAborted(Exception):
    """Nothing can be imported: the file or the options are unusable (the message says why)."""


# Columns


@dataclass(frozen=True)
class Column:
    key: str
    aliases: tuple[str, ...]
    label: Any = None  # defaults to the model field's verbose name

    @property
    def verbose_name(self) -> str:
        if self.label is not None:
            return str(self.label)
        return str(DocumentPage._meta.get_field(self.key).verbose_name)


# The first alias is the Chinese header the documentation uses.
COLUMNS = (
    Column("title", ("标题", "文件标题", "文件名称", "名称", "title")),
    Column("index_number", ("索引号", "index_number", "index_no")),
    Column(
        "agency",
        ("发布机构", "发文机关", "发文单位", "发布单位", "agency", "issuing_agency"),
    ),
    Column("document_number", ("发文字号", "文号", "document_number")),
    Column("registration_number", ("统一登记号", "登记号", "registration_number")),
    Column("document_type", ("文件类型", "文件类别", "document_type", "type")),
    Column("theme_category", ("主题分类", "主题", "theme_category", "theme")),
    Column("date_written", ("成文日期", "date_written")),
    Column("publication_date", ("发布日期", "公开日期", "publication_date")),
    Column("effective_date", ("施行日期", "生效日期", "实施日期", "effective_date")),
    Column("expiry_date", ("失效日期", "有效期至", "expiry_date")),
    Column("validity", ("有效性", "validity")),
    Column(
        "validity_changed_on",
        ("有效性变更日期", "废止日期", "validity_changed_on", "validity_date"),
    ),
    Column(
        "validity_reason",
        ("有效性说明", "validity_reason"),
        label=gettext_lazy("reason for the validity"),
    ),
    Column("caption", ("题注", "caption")),
    Column(
        "disclosure_attribute",
        ("公开属性", "公开方式", "disclosure_attribute"),
    ),
    Column(
        "disclosure_reason",
        ("不公开理由", "不予公开理由", "不公开原因", "disclosure_reason"),
    ),
    Column("body", ("正文", "内容", "body", "text")),
    Column("supersedes", ("被修订文件索引号", "supersedes")),
    Column("replaced_by", ("修订后文件索引号", "replaced_by")),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
DATE_COLUMNS = ("date_written", "publication_date", "effective_date", "expiry_date")


def lookup_key(text: Any) -> str:
    """How names of agencies and categories are compared: width, case and spaces ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))).casefold()


def normalize_header(name: Any) -> str:
    """``" 成文日期（YYYY-MM-DD）* "`` → ``"成文日期"``; ``"Index number"`` → ``"index_number"``."""
    text = unicodedata.normalize("NFKC", str(name or "")).strip().lower()
    text = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", text)
    text = re.sub(r"[\s\-]+", "_", text.strip(" *:_"))
    return text.strip("_")


_ALIASES = {normalize_header(alias): column.key for column in COLUMNS for alias in column.aliases}


def column_for(name: Any) -> str | None:
    return _ALIASES.get(normalize_header(name))


# Values


def _choices(*pairs):
    """``{normalized spelling: value}`` from ``(value, spellings…)`` tuples."""
    table = {}
    for value, *spellings in pairs:
        for spelling in (value, *spellings):
            table[normalize_header(spelling)] = value
    return table


VALIDITY_VALUES = _choices(
    (Validity.VALID, "有效", "现行有效", "valid"),
    (Validity.EXPIRED, "失效", "已失效", "expired"),
    (Validity.REPEALED, "废止", "已废止", "repealed"),
    (Validity.AMENDED, "修订", "已修订", "已被修订", "amended"),
    (Validity.NOT_YET_EFFECTIVE, "尚未生效", "未生效", "not_yet_effective", "not yet in force"),
)
DOCUMENT_TYPE_VALUES = _choices(
    (DocumentType.NORMATIVE, "行政规范性文件", "规范性文件", "normative", "normative document"),
    (DocumentType.REGULATION, "规章", "政府规章", "regulation", "government regulation"),
    (DocumentType.OTHER, "其他", "其他文件", "其他政策文件", "other", "other policy document"),
)
DISCLOSURE_VALUES = _choices(
    (DisclosureAttribute.PROACTIVE, "主动公开", "proactive", "proactive disclosure"),
    (
        DisclosureAttribute.ON_APPLICATION,
        "依申请公开",
        "on_application",
        "disclosure on application",
    ),
    (DisclosureAttribute.NOT_DISCLOSED, "不予公开", "不公开", "not_disclosed", "not disclosed"),
)
CHOICE_COLUMNS = {
    "validity": (VALIDITY_VALUES, "有效 / 失效 / 废止 / 修订 / 尚未生效"),
    "document_type": (DOCUMENT_TYPE_VALUES, "行政规范性文件 / 规章 / 其他"),
    "disclosure_attribute": (DISCLOSURE_VALUES, "主动公开 / 依申请公开 / 不予公开"),
}

_DATE_RE = re.compile(
    r"^(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT_DATE_RE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")


class ValueProblem(Exception):
    """A cell that cannot be used; the message says why, for the person who fixes the file."""


class ExcelSerial(float):
    """A number from a spreadsheet cell, which in a date column is Excel's day count."""


def parse_date(value: Any) -> datetime.date | None:
    """2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301 or a spreadsheet date cell."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise ValueProblem(
            _("“%(value)s” is not a date; write it as 2024-03-01.") % {"value": value}
        )
    if isinstance(value, int | float):
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            value = str(int(value))
        elif isinstance(value, ExcelSerial) and 1 <= value < 100000:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        else:
            value = str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if match:
        try:
            return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            pass
    raise ValueProblem(_("“%(value)s” is not a date; write it as 2024-03-01.") % {"value": text})


def parse_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise ValueProblem(_("Write this as text, not as a list or an object."))


def parse_choice(key: str, value: Any) -> str | None:
    text = parse_text(value)
    if not text:
        return None
    table, accepted = CHOICE_COLUMNS[key]
    try:
        return table[normalize_header(text)]
    except KeyError:
        raise ValueProblem(
            _("“%(value)s” is not one of the accepted values: %(accepted)s.")
            % {"value": text, "accepted": accepted}
        ) from None


def parse_body(value: Any) -> list[tuple[str, RichText]]:
    """Plain text, one paragraph per line, to escaped paragraph blocks."""
    if isinstance(value, list):
        lines = []
        for item in value:
            lines.extend(parse_text(item).splitlines())
    else:
        lines = parse_text(value).splitlines()
    paragraphs = [line.strip(" \t\u3000") for line in lines]
    return [
        ("paragraph", RichText(f"<p>{html.escape(text, quote=False)}</p>"))
        for text in paragraphs
        if text
    ]


def parse_validity(value: Any) -> str | None:
    """The validity named in a cell, or None when it is empty or not understood."""
    try:
        return parse_choice("validity", value)
    except ValueProblem:
        return None


def normalize_index_number(value: Any) -> str:
    try:
        text = parse_text(value)
    except ValueProblem:
        return ""
    return unicodedata.normalize("NFKC", text).replace(" ", "")


# Reading files


class InvalidRecord:
    """A record that is not a set of columns (e.g. a number in a JSON list)."""

    def __init__(self, message):
        self.message = message


class Source:
    """Rows of a file, each ``(row number, {column key: raw value})``; may be read again."""

    format = ""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.ignored_columns: list[str] = []

    def rows(self) -> Iterator[tuple[int, dict[str, Any] | InvalidRecord]]:
        raise NotImplementedError

    def _ignore(self, name):
        name = str(name).strip()
        if name and name not in self.ignored_columns:
            self.ignored_columns.append(name)


class TabularSource(Source):
    """CSV or XLSX: a header row naming the columns, then one document per row."""

    def raw_rows(self) -> Iterator[list[Any]]:
        raise NotImplementedError

    def rows(self):
        mapping = None
        for number, cells in enumerate(self.raw_rows(), start=1):
            if mapping is None:
                if number > HEADER_SEARCH_ROWS:
                    break
                mapping = self._header(cells)
                continue
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue  # a blank line
            values = {}
            for position, key in enumerate(mapping):
                if key is not None:
                    values[key] = cells[position] if position < len(cells) else None
            yield number, values
        if mapping is None:
            raise ImportAborted(
                _(
                    "%(file)s has no header row: the first row must name the columns, "
                    "e.g. 标题 (title), 发布机构 (agency)."
                )
                % {"file": self.name}
            )

    def _header(self, cells):
        keys = [column_for(cell) if cell is not None else None for cell in cells]
        if "title" not in keys:
            return None
        seen = {}
        self.ignored_columns = []
        for cell, key in zip(cells, keys, strict=True):
            if key is None:
                self._ignore(cell or "")
            elif key in seen:
                raise ImportAborted(
                    _("The columns “%(first)s” and “%(second)s” both give the %(column)s.")
                    % {
                        "first": seen[key],
                        "second": cell,
                        "column": COLUMN_BY_KEY[key].verbose_name,
                    }
                )
            else:
                seen[key] = str(cell).strip()
        return keys


class CsvSource(TabularSource):
    format = "csv"

    def __init__(self, path, encoding=None):
        super().__init__(path)
        self.encoding = _check_encoding(path, encoding)
        with path.open(encoding=self.encoding, newline="") as handle:
            first_line = handle.readline()
        self.delimiter = "\t" if "\t" in first_line and "," not in first_line else ","

    def raw_rows(self):
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        with self.path.open(encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                yield from reader
            except csv.Error as error:
                raise ImportAborted(
                    _("%(file)s cannot be read as CSV (line %(line)s): %(error)s")
                    % {"file": self.name, "line": reader.line_num, "error": error}
                ) from None


class XlsxSource(TabularSource):
    """The first worksheet of an Excel workbook."""

    format = "xlsx"

    def __init__(self, path):
        super().__init__(path)
        with self._open():  # fail early on a file that is not a workbook
            pass

    @contextmanager
    def _open(self):
        from zipfile import BadZipFile

        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        # A file object, not the path: openpyxl would refuse a workbook saved as “.csv”.
        with self.path.open("rb") as handle:
            try:
                with warnings.catch_warnings():
                    # e.g. "Workbook contains no default style": harmless, noise for editors.
                    warnings.simplefilter("ignore", UserWarning)
                    workbook = load_workbook(handle, read_only=True, data_only=True)
            except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
                raise ImportAborted(
                    _("%(file)s cannot be opened as an Excel workbook (.xlsx): %(error)s")
                    % {"file": self.name, "error": error}
                ) from None
            try:
                yield workbook
            finally:
                workbook.close()

    def raw_rows(self):
        with self._open() as workbook:
            if not workbook.worksheets:
                return
            sheet = workbook.worksheets[0]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                for cells in sheet.iter_rows(values_only=True):
                    yield [
                        ExcelSerial(c)
                        if isinstance(c, int | float) and not isinstance(c, bool)
                        else c
                        for c in cells
                    ]


class JsonSource(Source):
    """A JSON list of objects (``[{"标题": …}, …]``)."""

    format = "json"

    def __init__(self, path, encoding=None):
        super().__init__(path)
        text = path.read_text(encoding=_check_encoding(path, encoding, fallback=()))
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportAborted(
                _("%(file)s is not valid JSON (line %(line)s, column %(column)s): %(error)s")
                % {
                    "file": self.name,
                    "line": error.lineno,
                    "column": error.colno,
                    "error": error.msg,
                }
            ) from None
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise ImportAborted(_json_shape_message() % {"file": self.name})
        self.items = data

    def rows(self):
        for number, item in enumerate(self.items, start=1):
            yield number, self._record(item)

    def _record(self, item):
        if not isinstance(item, dict):
            return InvalidRecord(_("Expected an object with the document's columns."))
        values = {}
        for name, value in item.items():
            key = column_for(name)
            if key is None:
                self._ignore(name)
            else:
                values[key] = value
        return values


class JsonLinesSource(JsonSource):
    """JSON Lines: one object per line."""

    format = "jsonl"

    def __init__(self, path, encoding=None):
        Source.__init__(self, path)
        self.encoding = _check_encoding(path, encoding, fallback=())

    def rows(self):
        with self.path.open(encoding=self.encoding) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as error:
                    yield (
                        number,
                        InvalidRecord(
                            _("This line is not valid JSON (column %(column)s): %(error)s")
                            % {"column": error.colno, "error": error.msg}
                        ),
                    )
                    continue
                yield number, self._record(item)


def _json_shape_message():
    return _("%(file)s must hold a list of objects, or one object per line (JSON Lines).")


def _check_encoding(path: Path, encoding: str | None, *, fallback=("gb18030",)) -> str:
    """The encoding the whole file decodes with: ``encoding`` if given, else UTF-8 (with or
    without BOM), else each of ``fallback`` in turn."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ImportAborted(
                _("Unknown encoding “%(encoding)s”.") % {"encoding": encoding}
            ) from None
        candidates = [encoding]
    else:
        with path.open("rb") as handle:
            head = handle.read(2)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            candidates = ["utf-16"]  # Excel's “Unicode text”
        else:
            candidates = ["utf-8-sig", *fallback]
    for candidate in candidates:
        decoder = codecs.getincrementaldecoder(candidate)()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return candidate
    if encoding:
        raise ImportAborted(
            _("%(file)s cannot be read as %(encoding)s text.")
            % {"file": path.name, "encoding": encoding}
        )
    if not fallback:
        raise ImportAborted(
            _("%(file)s is not in UTF-8: save it as UTF-8 and import it again.")
            % {"file": path.name}
        )
    raise ImportAborted(
        _("%(file)s is neither UTF-8 nor GB18030 text: save it as “CSV UTF-8” and import it again.")
        % {"file": path.name}
    )


def _sniff(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "text"
    if not stripped:
        return "empty"
    if b"\x00" in head or head.startswith(b"%PDF"):
        return "binary"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"


def open_source(path, *, format: str | None = None, encoding: str | None = None) -> Source:
    """Open ``path`` as CSV, XLSX, JSON or JSON Lines, by ``format``, extension and content.

    Raises:
        ImportAborted: the file cannot be read or is not one of these formats.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as error:
        raise ImportAborted(
            _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror}
        ) from None
    sniffed = _sniff(head)
    name = path.name
    if sniffed == "empty":
        raise ImportAborted(_("%(file)s is empty.") % {"file": name})
    if sniffed == "xls":
        raise ImportAborted(
            _(
                "%(file)s is an old Excel 97–2003 workbook (.xls): save it as .xlsx or as "
                "“CSV UTF-8” and import that."
            )
            % {"file": name}
        )
    suffix = path.suffix.lower()
    if format is None:
        if suffix and suffix not in EXTENSIONS:
            raise ImportAborted(
                _(
                    "%(file)s: files ending in %(extension)s cannot be imported; use a .csv, "
                    ".xlsx, .json or .jsonl file."
                )
                % {"file": name, "extension": suffix}
            )
        format = EXTENSIONS.get(suffix)
        if sniffed == "zip":
            format = "xlsx"  # whatever the name says: a workbook saved under another name
        elif format is None:
            format = {"json": "json", "jsonl": "jsonl"}.get(sniffed, "csv")
    elif format not in FORMATS:
        raise ImportAborted(
            _("Unknown format “%(format)s”: use csv, xlsx, json or jsonl.") % {"format": format}
        )
    if sniffed == "binary" or (format != "xlsx" and sniffed == "zip"):
        raise ImportAborted(_("%(file)s is not a CSV, XLSX or JSON file.") % {"file": name})
    if format == "xlsx" and sniffed != "zip":
        raise ImportAborted(
            _("%(file)s is not an Excel workbook (.xlsx), although its name says so.")
            % {"file": name}
        )
    if format == "json" and sniffed not in ("json", "jsonl"):
        raise ImportAborted(_json_shape_message() % {"file": name})
    if format == "csv":
        return CsvSource(path, encoding)
    if format == "xlsx":
        return XlsxSource(path)
    if format == "json" and sniffed == "jsonl":
        try:
            return JsonSource(path, encoding)  # one object, perhaps over several lines
        except ImportAborted:
            return JsonLinesSource(path, encoding)
    if format == "json":
        return JsonSource(path, encoding)
    return JsonLinesSource(path, encoding)


# Results


@dataclass
class RowError:
    row: int
    message: str
    column: str | None = None  # the column's name in the reader's language

    def __str__(self):
        if self.column:
            return _("Row %(row)s, %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    dry_run: bool = False
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def failed_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors})


# Importing

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


class _RowFailed(Exception):
    def __init__(self, row, errors):
        super().__init__(row)
        self.row = row
        self.errors = errors


@dataclass
class _Known:
    """A document in the database (or, in a dry run, one the run would create)."""

    pk: int | None
    validity: str = ""
    replaced_by_id: int | None = None
    has_history: bool = False
    effective_date: datetime.date | None = None
    publication_date: datetime.date | None = None
    validity_changed_on: datetime.date | None = None


_KNOWN_FIELDS = (
    "pk",
    "validity",
    "replaced_by_id",
    "has_history",
    "effective_date",
    "publication_date",
    "validity_changed_on",
)


@dataclass
class _Step:
    """One validity change to record for a row."""

    validity: str
    changed_on: datetime.date
    before_publish: bool = False
    reason: str = ""
    replaced_by: int | None = None


@dataclass
class _Prepared:
    number: int
    page: DocumentPage
    is_new: bool
    changed: bool
    publish: bool
    steps: list[_Step]
    index: str
    number_key: tuple | None
    values: dict | None = None  # the row, kept while the document waits in a batch
    remembered: list = field(default_factory=list)

    @property
    def outcome(self):
        if self.is_new:
            return CREATED
        if self.changed or self.steps or self.publish:
            return UPDATED
        return UNCHANGED


@dataclass
class _Plan:
    """What the first reading of the file tells: index numbers, references and their order."""

    rows: dict = field(default_factory=dict)  # row → (index, supersedes, replaced_by)
    first_row: dict = field(default_factory=dict)  # index number → the row that gives it
    errors: dict = field(default_factory=dict)  # row → [RowError] found already
    implied_supersedes: dict = field(default_factory=dict)  # row → index number it revises
    amended_by: dict = field(default_factory=dict)  # row stated 修订 → the row revising it
    unit_of: dict = field(default_factory=dict)  # row → unit, for rows linked to others
    unit_rows: dict = field(default_factory=dict)  # unit → its rows, in the order to import
    unit_deps: dict = field(default_factory=dict)  # unit → units to import first
    dependents: dict = field(default_factory=dict)  # unit → units waiting for it


class DocumentImporter:
    """Creates or updates :class:`DocumentPage` pages from a :class:`Source`.

    New documents go under ``library``; a row whose index number (or, without one, whose
    agency and document number) matches an existing document updates it where it is.

    Args:
        library: the :class:`DocumentLibraryPage` new documents are added under.
        user: recorded on revisions, the audit log and validity changes.
        publish: publish each imported document (a revision, then publish); otherwise
            save drafts.
        dry_run: check every row as for a real import, and write nothing.
        on_progress: called with ``(rows done, rows in the file)`` after each row.
        on_error: called with each :class:`RowError` as soon as it is found.
        batch_size: how many new documents are created together when publishing (1: one at
            a time, through Wagtail's own add_child, save_revision and publish).
    """

    def __init__(
        self,
        library: DocumentLibraryPage,
        *,
        user=None,
        publish: bool = True,
        dry_run: bool = False,
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[RowError], None] | None = None,
        batch_size: int = 100,
    ):
        self.library = library
        self.batch_size = batch_size
        self.locale_id = library.locale_id
        self.user = user
        self.publish = publish
        self.dry_run = dry_run
        self.on_progress = on_progress
        self.on_error = on_error

    def run(self, source: Source) -> ImportReport:
        """Import every row of ``source``.

        Raises:
            ImportAborted: the file cannot be read, or has no rows.
        """
        self.source = source
        self.today = services.today()
        self.report = ImportReport(dry_run=self.dry_run)
        plan = self.plan = self._read_plan(source)
        self.report.total = len(plan.rows)
        self.report.ignored_columns = list(source.ignored_columns)
        if not plan.rows:
            raise ImportAborted(_("%(file)s has no rows to import.") % {"file": source.name})
        self._load_lookups()
        self.status = {}  # row → outcome
        self.created_by_number = {}  # (agency pk, document number) → row, rows without index
        self.done = 0
        self.batch = []  # new documents checked and waiting to be created together
        self.pending_slugs = set()
        self.pending_indexes = set()

        held = {}  # unit → {row: values}, until the whole unit and what it needs are there
        pending = {unit: set(deps) for unit, deps in plan.unit_deps.items()}

        def ready(unit):
            return len(held.get(unit, ())) == len(plan.unit_rows[unit]) and not pending[unit]

        def process(unit):
            ready_units = [unit]
            while ready_units:
                unit = ready_units.pop(0)
                values = held.pop(unit)
                self._import_unit([(row, values[row]) for row in plan.unit_rows[unit]])
                for waiting in sorted(plan.dependents.get(unit, ())):
                    pending[waiting].discard(unit)
                    if ready(waiting):
                        ready_units.append(waiting)

        with batched_changes(), self._indexed_once():
            for row, values in source.rows():
                unit = plan.unit_of.get(row)
                if unit is None:
                    self._import_unit([(row, values)])
                    continue
                held.setdefault(unit, {})[row] = values
                if ready(unit):
                    process(unit)
            for unit in sorted(held):  # defensive: every unit is processed above
                values = held.pop(unit)
                self._import_unit([(row, values[row]) for row in sorted(values)])
            self._flush()
        return self.report

    @contextmanager
    def _indexed_once(self):
        """Index each written document once, not at each of the saves that make it.

        Creating and publishing a page saves it three times, and the search and reference
        indexes would be updated at each. While the import runs, the search index's handler
        is disconnected for documents (process-wide: do not run an import inside a busy web
        process) and the reference index's is switched off; each document is indexed once
        when it is written.
        """
        self.search_handler_suspended = False
        if self.dry_run:
            yield
            return
        self.search_handler_suspended = post_save.disconnect(
            update_search_index, sender=DocumentPage
        )
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            if self.search_handler_suspended:
                post_save.connect(update_search_index, sender=DocumentPage)

    # The first reading

    def _read_plan(self, source) -> _Plan:
        plan = _Plan()
        stated_amended = set()
        for row, values in source.rows():
            if isinstance(values, InvalidRecord):
                plan.rows[row] = ("", "", "")
                continue
            index = normalize_index_number(values.get("index_number"))
            supersedes = normalize_index_number(values.get("supersedes"))
            replaced_by = normalize_index_number(values.get("replaced_by"))
            plan.rows[row] = (index, supersedes, replaced_by)
            validity = parse_validity(values.get("validity"))
            if validity == Validity.AMENDED or (replaced_by and validity is None):
                stated_amended.add(row)
            if not index:
                continue
            if index in plan.first_row:
                self._plan_error(
                    plan,
                    row,
                    _("The index number %(number)s is already used in row %(row)s.")
                    % {"number": index, "row": plan.first_row[index]},
                    "index_number",
                )
            else:
                plan.first_row[index] = row

        before = {}  # row → rows to import before it
        linked = []  # pairs of rows to import in one transaction
        for row, (index, supersedes, replaced_by) in plan.rows.items():
            if row in plan.errors:
                continue
            older = plan.first_row.get(supersedes) if supersedes else None
            if supersedes and supersedes == index:
                self._plan_error(plan, row, _("A document cannot revise itself."), "supersedes")
            elif older:
                before.setdefault(row, set()).add(older)
                if older in stated_amended:
                    plan.amended_by[older] = row
                    linked.append((older, row))
            newer = plan.first_row.get(replaced_by) if replaced_by else None
            if replaced_by and replaced_by == index:
                self._plan_error(plan, row, _("A document cannot replace itself."), "replaced_by")
            elif newer:
                newer_revises = plan.rows[newer][1]
                if newer_revises and newer_revises != index:
                    self._plan_error(
                        plan,
                        row,
                        _("Row %(row)s, named here, revises another document (%(number)s).")
                        % {"row": newer, "number": newer_revises},
                        "replaced_by",
                    )
                elif not index:
                    self._plan_error(
                        plan,
                        row,
                        _("Give this document its index number, so that row %(row)s can revise it.")
                        % {"row": newer},
                        "index_number",
                    )
                else:
                    if not newer_revises:
                        plan.implied_supersedes[newer] = index
                    before.setdefault(newer, set()).add(row)
                    plan.amended_by[row] = newer
                    linked.append((row, newer))

        # An amended row and the row revising it are imported in one transaction.
        parent = {}

        def find(row):
            while parent.get(row, row) != row:
                row = parent[row]
            return row

        for first, second in linked:
            parent[find(second)] = find(first)
        involved = set(before) | {r for rows in before.values() for r in rows}
        for row in sorted(involved):
            plan.unit_of[row] = find(row)
            plan.unit_rows.setdefault(plan.unit_of[row], []).append(row)
        for unit, rows in plan.unit_rows.items():
            ordered = _topological(rows, before)
            if ordered is None:
                for row in rows:
                    self._circle_error(plan, row, rows)
            else:
                plan.unit_rows[unit] = ordered
            deps = {plan.unit_of[r] for row in rows for r in before.get(row, ())} - {unit}
            plan.unit_deps[unit] = deps
            for dep in deps:
                plan.dependents.setdefault(dep, set()).add(unit)
        circle = _in_cycles(list(plan.unit_rows), plan.unit_deps)
        rows_in_circle = [r for unit in circle for r in plan.unit_rows[unit]]
        for unit in circle:
            for row in plan.unit_rows[unit]:
                self._circle_error(plan, row, rows_in_circle)
            for dep in plan.unit_deps[unit]:
                plan.dependents[dep].discard(unit)
            plan.unit_deps[unit] = set()
        return plan

    def _plan_error(self, plan, row, message, key=None):
        plan.errors.setdefault(row, []).append(RowError(row, message, _column_name(key)))

    def _circle_error(self, plan, row, rows):
        self._plan_error(
            plan,
            row,
            _("Rows %(rows)s revise each other in a circle.")
            % {"rows": ", ".join(str(r) for r in sorted(set(rows)))},
            "supersedes",
        )

    def _load_lookups(self):
        """Agencies, theme categories and the documents the file names, each read once."""
        self.agencies = {}
        for agency in Agency.objects.order_by("pk"):
            keys = {agency.name, agency.short_name, agency.credit_code}
            for key in {lookup_key(k) for k in keys if k and k.strip()}:
                self.agencies.setdefault(key, []).append(agency)

        categories = list(ThemeCategory.objects.order_by("tree_path"))
        by_pk = {category.pk: category for category in categories}
        self.categories = {}  # tuple of names from the root, or a tail of it → candidates
        for category in categories:
            names, node, seen = [], category, set()
            while node is not None and node.pk not in seen:
                names.insert(0, lookup_key(node.name))
                seen.add(node.pk)
                node = by_pk.get(node.parent_id)
            for start in range(len(names)):
                self.categories.setdefault(tuple(names[start:]), []).append((start == 0, category))

        wanted = sorted({n for numbers in self.plan.rows.values() for n in numbers if n})
        self.known = {}  # index number → _Known; None: made in this run, not looked up yet
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            for values in (
                _known_queryset()
                .filter(index_number__in=chunk)
                .values("index_number", *_KNOWN_FIELDS)
            ):
                index = values.pop("index_number")
                self.known[index] = _Known(**values)

    def _known(self, index) -> _Known | None:
        if index not in self.known:
            return None
        if self.known[index] is None:
            values = _known_queryset().filter(index_number=index).values(*_KNOWN_FIELDS).first()
            self.known[index] = _Known(**values) if values else None
        return self.known[index]

    # A unit: one row, or rows that reference each other, in one transaction

    def _import_unit(self, rows):
        if self.dry_run:
            self._check_unit(rows)
        elif (
            len(rows) == 1
            and self.publish
            and self.batch_size > 1
            and rows[0][0] not in self.plan.unit_of
        ):
            # A row no other row names, and that names no row of the file.
            self._import_or_queue(*rows[0])
        else:
            # Rows that name one another are never in the batch, so it can wait.
            self._write_unit(rows)

    def _check_unit(self, rows):
        """A dry run: check the rows, as if each were written before the next is checked."""
        prepared_rows, remembered = [], []
        current = rows[0][0]
        try:
            for current, values in rows:
                prepared_rows.append(self._prepare(current, values))
                remembered += self._remember(prepared_rows[-1])
        except Exception as error:
            self._forget(remembered)
            self._fail_unit(rows, *self._failure(current, error))
            return
        self._count(prepared_rows)

    def _write_unit(self, rows, index_hints=None):
        """Write the rows in one transaction: all of them, or (when one fails) none."""
        prepared_rows, remembered = [], []
        current = rows[0][0]
        try:
            with transaction.atomic():
                for current, values in rows:
                    prepared = self._prepare(
                        current, values, index_hint=(index_hints or {}).get(current)
                    )
                    self._write_or_fail(prepared)
                    prepared_rows.append(prepared)
                    remembered += self._remember(prepared)
                self._check_amendments(prepared_rows)
        except Exception as error:
            self._forget(remembered)
            self._fail_unit(rows, *self._failure(current, error))
            return
        self._count(prepared_rows)

    def _import_or_queue(self, row, values):
        """A row on its own: a new document waits in the batch; others are written now."""
        if self.plan.rows[row][0] in self.pending_indexes:
            self._flush()
        try:
            with transaction.atomic():  # undoes a number handed out to a row that fails
                prepared = self._prepare(row, values)
        except Exception as error:
            self._fail_unit([(row, values)], *self._failure(row, error))
            return
        if prepared.is_new:
            prepared.values = values
            prepared.remembered = self._remember(prepared)
            self.batch.append(prepared)
            self.pending_slugs.add(prepared.page.slug)
            self.pending_indexes.add(prepared.index)
            if len(self.batch) >= self.batch_size:
                self._flush()
            return
        if prepared.outcome != UNCHANGED:
            try:
                with transaction.atomic():
                    self._write_or_fail(prepared)
            except Exception as error:
                self._fail_unit([(row, values)], *self._failure(row, error))
                return
        self._remember(prepared)
        self._count([prepared])

    def _flush(self):
        """Create the waiting new documents; if that fails, each one on its own."""
        batch, self.batch = self.batch, []
        self.pending_slugs.clear()
        self.pending_indexes.clear()
        if not batch:
            return
        try:
            with transaction.atomic():
                self._create_published(batch)
        except Exception:
            # Find the row at fault: the others are then created one at a time.
            logger.info(
                "Creating %s documents together failed; trying one by one",
                len(batch),
                exc_info=True,
            )
            for prepared in batch:
                self._forget(prepared.remembered)
            for prepared in batch:
                self._write_unit(
                    [(prepared.number, prepared.values)],
                    index_hints={prepared.number: prepared.index},
                )
            return
        self._count(batch)

    def _failure(self, row, error):
        if isinstance(error, _RowFailed):
            return error.row, error.errors
        if isinstance(error, ValidationError):
            return row, self._model_errors(row, error)
        logger.exception("Importing row %s failed", row)
        return row, [RowError(row, _("Unexpected error: %(error)s") % {"error": repr(error)})]

    def _write_or_fail(self, prepared):
        try:
            if prepared.is_new and self.publish and self.batch_size > 1:
                self._create_published([prepared])
            else:
                self._write(prepared)
        except ValidationError as error:
            raise _RowFailed(prepared.number, self._model_errors(prepared.number, error)) from None

    def _count(self, prepared_rows):
        for prepared in prepared_rows:
            outcome = prepared.outcome
            self.status[prepared.number] = outcome
            setattr(self.report, outcome, getattr(self.report, outcome) + 1)
            self._advance()

    def _remember(self, prepared):
        """Later rows may name this document, or repeat its document number."""
        remembered = []
        if prepared.index and prepared.index not in self.known:
            # A real run looks it up when it is named; a dry run only knows it would exist.
            self.known[prepared.index] = _Known(pk=None) if self.dry_run else None
            remembered.append((self.known, prepared.index))
        if prepared.number_key and prepared.number_key not in self.created_by_number:
            self.created_by_number[prepared.number_key] = prepared.number
            remembered.append((self.created_by_number, prepared.number_key))
        return remembered

    def _forget(self, remembered):
        for table, key in remembered:
            table.pop(key, None)

    def _fail_unit(self, rows, failed_row, errors):
        for row, _values in rows:
            if row == failed_row:
                errors_of_row = errors
            else:
                errors_of_row = [
                    RowError(
                        row,
                        _("Not imported, because row %(row)s, linked with it, failed.")
                        % {"row": failed_row},
                    )
                ]
            self.status[row] = FAILED
            self.report.failed += 1
            for error in errors_of_row:
                self.report.errors.append(error)
                if self.on_error:
                    self.on_error(error)
            self._advance()

    def _advance(self):
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, self.report.total)

    # Checking a row

    def _prepare(self, row, values, index_hint=None) -> _Prepared:
        """The page for one row, checked in full; raises _RowFailed with every problem."""
        if isinstance(values, InvalidRecord):
            raise _RowFailed(row, [RowError(row, values.message)])
        errors = list(self.plan.errors.get(row, ()))

        def add(message, key=None):
            errors.append(RowError(row, message, _column_name(key)))

        parsed = {}
        for key, raw in values.items():
            try:
                if key in DATE_COLUMNS or key == "validity_changed_on":
                    parsed[key] = parse_date(raw)
                elif key in CHOICE_COLUMNS:
                    parsed[key] = parse_choice(key, raw)
                elif key == "body":
                    parsed[key] = parse_body(raw)
                elif key in ("index_number", "supersedes", "replaced_by"):
                    parsed[key] = normalize_index_number(raw)
                else:
                    parsed[key] = parse_text(raw)
            except ValueProblem as problem:
                add(str(problem), key)
        # A number handed out before, to a row retried on its own, is used again.
        index = parsed.get("index_number") or index_hint or ""
        if len(index) > 80:
            add(_("An index number has at most 80 characters."), "index_number")
        agency = self._agency(parsed["agency"], add) if parsed.get("agency") else None

        # The document: by index number; without one, by agency and document number.
        page, number_key = None, None
        known = self._known(index) if index else None
        if known is not None and known.pk is not None:
            page = self._existing_page(known.pk)
        elif known is None and not index and agency and parsed.get("document_number"):
            number_key = (agency.pk, normalize_document_number(parsed["document_number"]))
            if number_key in self.created_by_number:
                add(
                    _(
                        "Row %(row)s has the same agency and document number; give each "
                        "document its index number."
                    )
                    % {"row": self.created_by_number[number_key]},
                    "document_number",
                )
            else:
                matches = list(
                    DocumentPage.objects.filter(agency=agency, document_number=number_key[1])
                    .order_by("pk")
                    .values_list("pk", flat=True)[:2]
                )
                if len(matches) > 1:
                    add(
                        _(
                            "Several documents of this agency have this document number: give "
                            "the index number of the one to update."
                        ),
                        "document_number",
                    )
                elif matches:
                    page = self._existing_page(matches[0])
        is_new = page is None
        current = None  # (validity, since) of a document with a validity history
        if is_new:
            page = DocumentPage(locale_id=self.locale_id, live=False, index_number=index or None)
        else:
            if page.has_history:
                current = (page.validity, page.validity_changed_on or self.today)
            if page.has_unpublished_changes and (not self.publish or not page.live):
                page = page.get_latest_revision_as_object()
            elif page.has_unpublished_changes:
                self.report.warnings.append(
                    _(
                        "Row %(row)s: “%(title)s” had unpublished changes; they stay in its "
                        "history, and the imported version is published."
                    )
                    % {"row": row, "title": page.title}
                )
        before = _snapshot(page)

        # What the file gives. A column the file lacks leaves the field as it is.
        for key in ("title", "caption", "registration_number", "disclosure_reason"):
            if key in parsed:
                setattr(page, key, parsed[key])
        for key in DATE_COLUMNS:
            if key in parsed:
                setattr(page, key, parsed[key])
        if "document_number" in parsed:
            page.document_number = parsed["document_number"]
        if "document_type" in parsed:
            page.document_type = parsed["document_type"] or DocumentType.NORMATIVE
        if "disclosure_attribute" in parsed:
            page.disclosure_attribute = (
                parsed["disclosure_attribute"] or DisclosureAttribute.PROACTIVE
            )
        if "body" in parsed:
            page.body = parsed["body"]
        if "agency" in values:
            page.agency = agency
        if "theme_category" in parsed:
            page.theme_category = self._category(parsed["theme_category"], add)
        revises = parsed.get("supersedes") or self.plan.implied_supersedes.get(row)
        if revises and row not in self.plan.errors:
            page.supersedes_id = self._reference(row, revises, "supersedes", add).pk
        elif "supersedes" in values:
            page.supersedes_id = None
        if is_new:
            page.draft_title = page.title

        # The validity the file states needs what it refers to.
        stated = parsed.get("validity")
        replaced_by = parsed.get("replaced_by")
        if replaced_by and stated is None:
            stated = Validity.AMENDED
        elif replaced_by and stated != Validity.AMENDED:
            add(_("Only an amended (修订) document is replaced by another one."), "replaced_by")
        amended_by_row = self.plan.amended_by.get(row) if stated == Validity.AMENDED else None
        replacement = None
        if stated == Validity.AMENDED and amended_by_row is None:
            if replaced_by:
                replacement = self._reference(row, replaced_by, "replaced_by", add)
            elif not (current and current[0] == Validity.AMENDED):
                add(
                    _(
                        "An amended (修订) document needs the document that revises it: give "
                        "that document's index number in 修订后文件索引号 (replaced_by), or "
                        "this document's index number in that document's 被修订文件索引号 "
                        "(supersedes)."
                    ),
                    "validity",
                )

        # The model's own checks, as the admin makes them.
        if is_new:
            if not self.dry_run and not errors and not page.index_number:
                # The model hands out the next number; one that a row of the file gives, or a
                # document waiting in the batch has, is skipped (the model sees neither yet).
                while True:
                    page.assign_index_number()
                    taken = page.index_number in self.plan.first_row or (
                        page.index_number in self.pending_indexes
                    )
                    if not (page.index_number and taken):
                        break
                    page.index_number = None
                index = page.index_number or ""
            if page.index_number:
                page.slug = self._free_slug(
                    slugify(page.index_number.replace("/", "-"), allow_unicode=True)
                )
            # Its place in the tree, so that Wagtail checks the slug among its siblings.
            page.depth = self.library.depth + 1
            page.path = self.library.path + "0" * DocumentPage.steplen
            page._cached_parent_obj = self.library
        # The slug of a new page is free (_free_slug), and an import never changes the slug or
        # place of a page: Wagtail's check among its siblings, a query that may visit every one
        # of them, has nothing to find.
        page._check_slug_is_unique = _nothing_to_check
        try:
            page.full_clean(exclude=_CHECKED_ELSEWHERE)
        except ValidationError as error:
            columns_with_errors = {e.column for e in errors}
            errors.extend(
                e
                for e in self._model_errors(row, error)
                if e.column is None or e.column not in columns_with_errors
            )
        finally:
            page.__dict__.pop("_check_slug_is_unique", None)
        if errors:
            raise _RowFailed(row, errors)

        steps = []
        if stated:
            steps = self._validity_steps(
                row, page, current, stated, parsed, replacement, amended_by_row, add
            )
            if errors:
                raise _RowFailed(row, errors)
        changed = is_new or _snapshot(page) != before
        return _Prepared(
            number=row,
            page=page,
            is_new=is_new,
            changed=changed,
            publish=self.publish and (changed or not page.live),
            steps=steps,
            index=index,
            number_key=number_key if is_new else None,
        )

    def _validity_steps(self, row, page, current, stated, parsed, replacement, amended_by, add):
        """The validity changes that give the document the validity the file states.

        Publishing records the first validity from the dates (documents/signals.py); a stated
        validity that differs is recorded after it, with the reason given in the file.
        """
        if current is None and not self.publish:
            self.report.warnings.append(
                _(
                    "Row %(row)s: the validity “%(validity)s” is not recorded for a draft; "
                    "publishing records the validity the dates give."
                )
                % {"row": row, "validity": Validity(stated).label}
            )
            return []
        if current is None:
            validity, since = services.validity_from_dates(page, self.today)
        else:
            validity, since = current
        start = page.effective_date or page.publication_date or self.today
        # Recorded before publishing, so that the dates do not expire the document first.
        first = _Step(Validity.VALID, start, before_publish=True)
        if amended_by is not None:
            # Publishing the row that revises it (in the same transaction) marks it amended.
            if validity == Validity.AMENDED:
                return []
            if current is None and validity == Validity.EXPIRED:
                return [first]
            if Validity.AMENDED not in ALLOWED_TRANSITIONS[validity]:
                add(_transition_message(validity, Validity.AMENDED), "validity")
            return []
        if stated == validity:
            return []
        changed_on = parsed.get("validity_changed_on")
        if changed_on is None and replacement is not None:
            changed_on = replacement.effective_date or replacement.publication_date
        step = _Step(
            stated,
            changed_on or self.today,
            reason=parsed.get("validity_reason")
            or _("Validity stated in the imported file %(file)s.") % {"file": self.source.name},
            replaced_by=replacement.pk if replacement is not None else None,
        )
        if current is None and validity == Validity.EXPIRED and stated in Validity.final_states():
            # The dates say it has expired; the file says it ended otherwise, before that.
            if changed_on is None:
                add(
                    _(
                        "The expiry date %(date)s has passed: give the date from which the "
                        "document is “%(validity)s” in 有效性变更日期 (validity_changed_on)."
                    )
                    % {"date": page.expiry_date, "validity": Validity(stated).label},
                    "validity_changed_on",
                )
                return []
            if changed_on > page.expiry_date:
                add(
                    _(
                        "The document expired on %(expiry)s, so it cannot become "
                        "“%(validity)s” on %(date)s."
                    )
                    % {
                        "expiry": page.expiry_date,
                        "validity": Validity(stated).label,
                        "date": changed_on,
                    },
                    "validity_changed_on",
                )
                return []
            steps, validity, since = [first, step], Validity.VALID, start
        elif stated not in ALLOWED_TRANSITIONS[validity]:
            add(_transition_message(validity, stated), "validity")
            return []
        else:
            steps = [step]
        if step.changed_on < since:
            add(
                _(
                    "The validity cannot change on %(date)s: the document is “%(validity)s” "
                    "only from %(since)s."
                )
                % {"date": step.changed_on, "validity": Validity(validity).label, "since": since},
                "validity_changed_on",
            )
        elif step.changed_on > self.today:
            # As services.apply_amendment: a validity is recorded once it holds, not before.
            add(
                _(
                    "The document becomes “%(validity)s” only on %(date)s: import this row "
                    "again on or after that day."
                )
                % {"date": step.changed_on, "validity": Validity(stated).label},
                "validity_changed_on",
            )
        return steps

    def _free_slug(self, slug):
        """``slug``, or ``slug-2``, ``slug-3``… if a page of the library or of the batch has it."""

        def taken(**lookup):
            siblings = len(self.library.path) + Page.steplen
            return {
                candidate
                for candidate, path in Page.objects.filter(**lookup).values_list("slug", "path")
                if len(path) == siblings and path.startswith(self.library.path)
            }

        # By the slug's own index: a filter on the parent's path may visit every sibling.
        if slug not in self.pending_slugs and not taken(slug=slug):
            return slug
        used = taken(slug__startswith=f"{slug}-") | self.pending_slugs
        suffix = 2
        while f"{slug}-{suffix}" in used:
            suffix += 1
        return f"{slug}-{suffix}"

    def _agency(self, text, add):
        candidates = self.agencies.get(lookup_key(text)) or self.agencies.get(
            lookup_key(normalize_credit_code(text))
        )
        if not candidates:
            add(
                _(
                    "No agency “%(value)s”: write the name, short name or unified social credit "
                    "code of an agency set up under Agencies."
                )
                % {"value": text},
                "agency",
            )
            return None
        # An agency in the library's language wins over its translations.
        preferred = [a for a in candidates if a.locale_id == self.locale_id] or candidates
        if len({a.pk for a in preferred}) > 1:
            add(
                _(
                    "“%(value)s” names several agencies (%(agencies)s): write the unified social "
                    "credit code instead."
                )
                % {"value": text, "agencies": "、".join(a.name for a in preferred)},
                "agency",
            )
            return None
        return preferred[0]

    def _category(self, text, add):
        if not text:
            return None
        path = tuple(lookup_key(part) for part in _CATEGORY_SEPARATORS.split(text) if part.strip())
        candidates = self.categories.get(path, [])
        if not candidates:
            add(
                _(
                    "No theme category “%(value)s”: write its name, or its path such as "
                    "综合政务/政务公开."
                )
                % {"value": text},
                "theme_category",
            )
            return None

        # A full path from the root wins over a tail; the library's language over others.
        def rank(candidate):
            return (candidate[0], candidate[1].locale_id == self.locale_id)

        best = max(rank(c) for c in candidates)
        matches = [category for full, category in candidates if rank((full, category)) == best]
        if len(matches) > 1:
            add(
                _(
                    "Several theme categories are called “%(value)s”: write the path, such as "
                    "%(example)s."
                )
                % {"value": text, "example": matches[0].full_name.replace(" › ", "/")},
                "theme_category",
            )
            return None
        return matches[0]

    def _reference(self, row, index, key, add) -> _Known:
        """The document an index number in column ``key`` names (``pk`` None if unknown)."""
        other_row = self.plan.first_row.get(index)
        if other_row is not None and self.status.get(other_row) == FAILED:
            add(
                _("The document it names, in row %(row)s, was not imported.") % {"row": other_row},
                key,
            )
            return _Known(pk=None)
        known = self._known(index)
        if known is None:
            add(_("No document has the index number %(number)s.") % {"number": index}, key)
            return _Known(pk=None)
        return known

    def _existing_page(self, pk):
        return DocumentPage.objects.annotate(has_history=_has_history()).get(pk=pk)

    def _model_errors(self, row, error):
        errors = []
        for name, messages in error.update_error_dict({}).items():
            column = None
            if name != NON_FIELD_ERRORS:
                try:
                    column = str(DocumentPage._meta.get_field(name).verbose_name)
                except FieldDoesNotExist:
                    column = name
            for message in messages:
                texts = message.messages if isinstance(message, ValidationError) else [message]
                errors.extend(RowError(row, str(text), column) for text in texts)
        return errors

    # Writing a row

    def _write(self, prepared: _Prepared):
        """Write one row the way the admin would: save, a revision, publish."""
        page = prepared.page
        if prepared.outcome == UNCHANGED:
            return
        if prepared.is_new:
            if self.user is not None:
                page.owner = self.user
            self.library.add_child(instance=page)
        revision = None
        if prepared.changed or prepared.publish:
            revision = page.save_revision(
                user=self.user,
                # add_child has logged the creation of a new page.
                log_action=not prepared.is_new,
                clean=False,
                changed=prepared.changed,
            )
        self._record_validity(page, prepared.steps, before_publish=True)
        if prepared.publish:
            revision.publish(user=self.user, skip_permission_checks=True)
        self._record_validity(page, prepared.steps, before_publish=False)
        # Indexed as stored: a draft revision of a live page is not what the public sees.
        self._index([DocumentPage.objects.get(pk=page.pk)])

    def _create_published(self, batch):
        """Create and publish new documents together, as ``_write`` would one by one.

        The pages, their first revisions, the audit log, ``page_published`` (which records
        the first validity) and the indexes end up as after add_child, save_revision and
        publish, with a few statements for the whole batch instead of some hundred per page.
        """
        parent = Page.objects.select_for_update().get(pk=self.library.pk)
        depth = parent.depth + 1
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=depth)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page._str2int(last[-Page.steplen :]) if last else 0
        now = timezone.now()
        pages = [prepared.page for prepared in batch]
        contents = []
        for page in pages:
            step += 1
            page.depth = depth
            page.path = Page._get_path(parent.path, depth, step)
            if len(page.path) != len(parent.path) + Page.steplen:
                raise PathOverflow(parent.path)
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
            page.latest_revision_created_at = now
            page.draft_title = page.title
            if self.user is not None:
                page.owner = self.user
            page._cached_parent_obj = parent
            # Before it has a primary key, so its (empty) child relations are not queried.
            contents.append(page.serializable_data())
        Page.objects.bulk_create(pages)
        for page in pages:
            page.page_ptr_id = page.id
        # Django cannot bulk-create rows of a multi-table model; this is its own insert,
        # for the documents' table, done once for the batch.
        DocumentPage._base_manager._insert(
            pages, fields=DocumentPage._meta.local_concrete_fields, using=parent._state.db
        )
        revisions = []
        for page, content in zip(pages, contents, strict=True):
            page._state.adding = False
            page._state.db = parent._state.db
            content["pk"] = page.pk
            revisions.append(
                Revision(
                    content_object=page,
                    base_content_type=page.get_base_content_type(),
                    user=self.user,
                    created_at=now,
                    content=content,
                    object_str=str(page),
                )
            )
        Revision.objects.bulk_create(revisions)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        self.library.numchild = parent.numchild + len(pages)
        self._log_created_and_published(pages, revisions, now)
        for prepared, revision in zip(batch, revisions, strict=True):
            page = prepared.page
            self._record_validity(page, prepared.steps, before_publish=True)
            page_published.send(sender=DocumentPage, instance=page, revision=revision)
            self._record_validity(page, prepared.steps, before_publish=False)
        self._index(pages)

    def _log_created_and_published(self, pages, revisions, now):
        """The audit log entries that ``wagtail.log_actions.log`` would write, in one insert."""
        entry_model = log_registry.get_log_model_for_model(DocumentPage)
        actions = ("wagtail.create", "wagtail.publish")
        if entry_model is not PageLogEntry:  # a site's own log model: let Wagtail write it
            for page, revision in zip(pages, revisions, strict=True):
                log(instance=page, action=actions[0], user=self.user, content_changed=True)
                log(instance=page, action=actions[1], user=self.user, revision=revision)
            return
        context = get_active_log_context()
        content_type = ContentType.objects.get_for_model(DocumentPage, for_concrete_model=False)
        entry_model.objects.bulk_create(
            entry_model(
                content_type=content_type,
                label=entry_model.objects.get_instance_title(page),
                action=action,
                timestamp=now,
                data={},
                user=self.user or context.user,
                uuid=context.uuid,
                # As add_child logs a creation: before there is a revision.
                revision=revision if action != "wagtail.create" else None,
                page=page,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action in actions
        )

    def _record_validity(self, page, steps, *, before_publish):
        for step in steps:
            if step.before_publish != before_publish:
                continue
            services.change_validity(
                page,
                step.validity,
                changed_on=step.changed_on,
                reason=step.reason,
                replaced_by=(
                    DocumentPage.objects.get(pk=step.replaced_by) if step.replaced_by else None
                ),
                source=(
                    ValidityChange.Source.FIRST_PUBLICATION
                    if before_publish
                    else ValidityChange.Source.IMPORT
                ),
                user=self.user,
            )

    def _index(self, pages):
        """The search and reference indexes, once per document (see ``_indexed_once``)."""
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        if not self.search_handler_suspended:
            return
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(DocumentPage, pages)
            except Exception:
                logger.exception("Adding documents to the '%s' search backend failed", name)
                # As Wagtail does: an external service may fail, a database backend may not.
                if not backend.catch_indexing_errors:
                    raise

    def _check_amendments(self, prepared_rows):
        """Rows stated 修订 are now amended by the row of the unit that revises them."""
        pages = {prepared.number: prepared.page for prepared in prepared_rows}
        for row, page in pages.items():
            newer = self.plan.amended_by.get(row)
            if not self.publish or newer not in pages:
                continue
            revision = pages[newer]
            takes_effect = revision.effective_date or revision.publication_date or self.today
            if takes_effect > self.today:
                # Amended from that day, by the daily job (services.apply_amendment).
                self.report.warnings.append(
                    _(
                        "Row %(row)s: amended only from %(date)s, when the document of row "
                        "%(newer)s takes effect; in force until then."
                    )
                    % {"row": row, "date": takes_effect, "newer": newer}
                )
                continue
            validity, replaced_by_id = DocumentPage.objects.values_list(
                "validity", "replaced_by_id"
            ).get(pk=page.pk)
            if validity != Validity.AMENDED or replaced_by_id != revision.pk:
                raise _RowFailed(
                    row,
                    [
                        RowError(
                            row,
                            _(
                                "Row %(row)s revises this document, but it could not be marked "
                                "as amended: it is “%(validity)s”."
                            )
                            % {"row": newer, "validity": Validity(validity).label},
                            _column_name("validity"),
                        )
                    ],
                )


# Fields a row does not set, or that are checked more cheaply above: references come from the
# look-ups, index numbers are unique by construction, the tree is Wagtail's.
_CHECKED_ELSEWHERE = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "translation_key",
    "locale",
    "content_type",
    "owner",
    "locked_by",
    "latest_revision",
    "live_revision",
    "alias_of",
    "index_number",
    "agency",
    "theme_category",
    "supersedes",
    "replaced_by",
]

_SNAPSHOT_FIELDS = (
    "title",
    "caption",
    "document_type",
    "document_number",
    "registration_number",
    "agency_id",
    "theme_category_id",
    "date_written",
    "publication_date",
    "effective_date",
    "expiry_date",
    "disclosure_attribute",
    "disclosure_reason",
    "supersedes_id",
)

_CATEGORY_SEPARATORS = re.compile(r"\s*[/／>＞›»\\]\s*")


def _nothing_to_check():
    pass


def _snapshot(page):
    values = tuple(getattr(page, name) for name in _SNAPSHOT_FIELDS)
    body = tuple((block["type"], block["value"]) for block in page.body.raw_data)
    return values, body


def _has_history():
    return Exists(ValidityChange.objects.filter(document_id=OuterRef("pk")))


def _known_queryset():
    return DocumentPage.objects.annotate(has_history=_has_history())


def _column_name(key):
    return COLUMN_BY_KEY[key].verbose_name if key else None


def _transition_message(current, stated):
    # The words of services.change_validity, which would refuse the same change.
    return _("A document that is “%(from)s” cannot become “%(to)s”.") % {
        "from": Validity(current).label,
        "to": Validity(stated).label,
    }


def _topological(nodes, before):
    """``nodes`` with each after those ``before`` names; None when they form a circle."""
    nodes_set = set(nodes)
    waiting = {n: {d for d in before.get(n, ()) if d in nodes_set} for n in nodes}
    order = []
    while waiting:
        free = sorted(n for n, deps in waiting.items() if not deps)
        if not free:
            return None
        node = free[0]
        order.append(node)
        del waiting[node]
        for deps in waiting.values():
            deps.discard(node)
    return order


def _in_cycles(nodes, before):
    """The nodes that cannot be ordered: those on, or waiting for, a circle."""
    waiting = {n: set(before.get(n, ())) & set(nodes) for n in nodes}
    while True:
        free = [n for n, deps in waiting.items() if not deps]
        if not free:
            return set(waiting)
        for node in free:
            del waiting[node]
            for deps in waiting.values():
                deps.discard(node)


def find_library(value: str) -> DocumentLibraryPage:
    """The document library named by a page id or a URL path such as ``/xxgk/zcwj/``.

    Raises:
        ImportAborted: no such page, several, or not a document library.
    """
    from wagtail.models import Page, Site

    value = str(value or "").strip()
    if value.isdigit():
        pages = list(Page.objects.filter(pk=int(value)))
    else:
        path = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        candidates = {
            site.root_page.url_path + path.lstrip("/")
            for site in Site.objects.select_related("root_page")
        }
        pages = list(Page.objects.filter(url_path__in=candidates)) or list(
            Page.objects.filter(url_path=path)
        )
    if not pages:
        raise ImportAborted(_("There is no page %(parent)s.") % {"parent": value})
    if len(pages) > 1:
        raise ImportAborted(
            _("%(parent)s names several pages (ids %(ids)s): give the page id instead.")
            % {"parent": value, "ids": ", ".join(str(p.pk) for p in pages)}
        )
    page = pages[0].specific
    if not isinstance(page, DocumentLibraryPage):
        raise ImportAborted(
            _(
                "“%(title)s” (%(parent)s) is a %(type)s page, not a document library: documents "
                "are imported into a document library."
            )
            % {"title": page.title, "parent": value, "type": page._meta.verbose_name}
        )
    return page
