"""The national layout: its headings, keys and ticks, and how cells are normalised and read."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

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
