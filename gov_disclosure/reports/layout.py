"""The national layout of the annual report (政府信息公开工作年度报告, 2021 template): the rows
and columns of Tables 2, 3 and 4, with the keys under which their figures are stored.

Figures are kept as ``{"table2": {row: {column: value}}, "table3": {...}, "table4": {...}}``;
every cell the printed table has, totals included, is stored, so that what editors correct
is checked the way the national rules check a report (``checks.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gov_disclosure.applications.outcomes import GROUPS, reason_label


@dataclass(frozen=True)
class Row:
    key: str
    label: object
    level: int = 0  # 0: a numbered item (一、二…); 1: （一）…; 2: 1. 2. … under a group
    heading: bool = False  # a row that only heads its sub-rows (no figures of its own)


# Table 2: proactive disclosure -------------------------------------------------------------------

TABLE2_DOCUMENT_ROWS = (
    Row("regulation", _("Rules (规章)")),
    Row("normative", _("Normative documents (行政规范性文件)")),
)
TABLE2_DOCUMENT_COLUMNS = (
    ("issued", _("Issued this year")),
    ("repealed", _("Repealed this year")),
    ("valid", _("Currently valid")),
)
TABLE2_DECISION_ROWS = (
    Row("licensing", _("Administrative licensing (行政许可)")),
    Row("penalty", _("Administrative penalties (行政处罚)")),
    Row("enforcement", _("Administrative enforcement (行政强制)")),
)
TABLE2_FEE_ROW = Row("fees", _("Administrative fees (行政事业性收费)"))
# Entered by editors; the rest of Table 2 comes from the documents.
TABLE2_ENTERED = ("licensing", "penalty", "enforcement", "fees")


# Table 3: requests -------------------------------------------------------------------------------

TABLE3_COLUMNS = (
    ("person", _("Natural persons")),
    ("commercial", _("Commercial enterprises")),
    ("research", _("Research institutions")),
    ("nonprofit", _("Public-interest organisations")),
    ("legal_service", _("Legal service institutions")),
    ("other", _("Others")),
    ("total", _("Total")),
)
APPLICANT_COLUMNS = tuple(key for key, _label in TABLE3_COLUMNS if key != "total")


def _table3_rows():
    rows = [
        Row("new", _("1. New requests this year")),
        Row("carried_over", _("2. Carried over from last year")),
        Row("results", _("3. Results of handling this year"), heading=True),
    ]
    for group in GROUPS:
        if len(group.outcomes) == 1:
            rows.append(Row(group.outcomes[0], group.label, level=1))
        else:
            rows.append(Row(f"group_{group.code}", group.label, level=1, heading=True))
            for number, outcome in enumerate(group.outcomes, start=1):
                rows.append(
                    Row(outcome, format_lazy("{}. {}", number, reason_label(outcome)), level=2)
                )
    rows.append(Row("total_handled", _("(7) Total handled"), level=1))
    rows.append(Row("carried_forward", _("4. Carried forward to next year")))
    return tuple(rows)


TABLE3_ROWS = _table3_rows()
TABLE3_OUTCOME_ROWS = tuple(
    row.key
    for row in TABLE3_ROWS
    if row.level >= 1 and not row.heading and row.key != "total_handled"
)
TABLE3_FIGURE_ROWS = tuple(row.key for row in TABLE3_ROWS if not row.heading)


# Table 4: administrative review and litigation ----------------------------------------------------

TABLE4_GROUPS = (
    ("review", _("Administrative review")),
    ("litigation_direct", _("Litigation without review first")),
    ("litigation_after_review", _("Litigation after review")),
)
TABLE4_COLUMNS = (
    ("upheld", _("Upheld")),
    ("corrected", _("Corrected")),
    ("other", _("Other result")),
    ("pending", _("Not concluded")),
    ("total", _("Total")),
)


def empty_figures() -> dict:
    return {
        "table2": {
            **{
                row.key: {column: 0 for column, _label in TABLE2_DOCUMENT_COLUMNS}
                for row in TABLE2_DOCUMENT_ROWS
            },
            **{row.key: {"decisions": 0} for row in TABLE2_DECISION_ROWS},
            "fees": {"amount": "0"},
        },
        "table3": {key: dict.fromkeys(dict(TABLE3_COLUMNS), 0) for key in TABLE3_FIGURE_ROWS},
        "table4": {group: dict.fromkeys(dict(TABLE4_COLUMNS), 0) for group, _l in TABLE4_GROUPS},
        "fees_charged_yuan": 0,
    }
