"""The arithmetic the national rules imply for a report's tables. A report that fails any of
them cannot be published; each problem names the cell to correct."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from . import layout


@dataclass(frozen=True)
class Problem:
    table: str
    row: str
    column: str
    message: object

    @property
    def cell(self) -> str:
        """The id of the cell's input in the admin and the cell of the public table."""
        return f"{self.table}-{self.row}-{self.column}"


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal():
        return int(value.strip())
    return None


def check(figures: dict) -> list[Problem]:
    problems: list[Problem] = []
    table2, table3, table4 = (figures.get(t) or {} for t in ("table2", "table3", "table4"))

    # Every cell a whole number of 0 or more (the fee amount a decimal of 0 or more) --------
    def cell(table_name, rows, row, column):
        value = _number((rows.get(row) or {}).get(column))
        if value is None:
            problems.append(
                Problem(
                    table_name,
                    row,
                    column,
                    _("Enter a whole number of 0 or more."),
                )
            )
            return 0
        return value

    for row in layout.TABLE2_DOCUMENT_ROWS:
        for column, _label in layout.TABLE2_DOCUMENT_COLUMNS:
            cell("table2", table2, row.key, column)
    for row in layout.TABLE2_DECISION_ROWS:
        cell("table2", table2, row.key, "decisions")
    try:
        text = str((table2.get("fees") or {}).get("amount", "")).strip()
        if not re.fullmatch(r"\d{1,9}(\.\d{1,4})?", text):
            raise InvalidOperation
        Decimal(text)
    except (InvalidOperation, ValueError):
        problems.append(
            Problem("table2", "fees", "amount", _("Enter the amount in 10,000 yuan, e.g. 12.35."))
        )

    values3 = {
        row: {column: cell("table3", table3, row, column) for column, _l in layout.TABLE3_COLUMNS}
        for row in layout.TABLE3_FIGURE_ROWS
    }
    values4 = {
        group: {
            column: cell("table4", table4, group, column) for column, _l in layout.TABLE4_COLUMNS
        }
        for group, _label in layout.TABLE4_GROUPS
    }
    if problems:
        return problems  # sums of cells that are not numbers say nothing

    # Table 3 ------------------------------------------------------------------------------------
    for row, values in values3.items():
        expected = sum(values[column] for column in layout.APPLICANT_COLUMNS)
        if values["total"] != expected:
            problems.append(
                Problem(
                    "table3",
                    row,
                    "total",
                    _("The total column must be the sum of the applicant columns: %(expected)d.")
                    % {"expected": expected},
                )
            )
    for column, _label in layout.TABLE3_COLUMNS:
        handled = sum(values3[row][column] for row in layout.TABLE3_OUTCOME_ROWS)
        if values3["total_handled"][column] != handled:
            problems.append(
                Problem(
                    "table3",
                    "total_handled",
                    column,
                    _("(7) Total must be the sum of the results (1) to (6): %(expected)d.")
                    % {"expected": handled},
                )
            )
        received = values3["new"][column] + values3["carried_over"][column]
        closed = values3["total_handled"][column] + values3["carried_forward"][column]
        if received != closed:
            problems.append(
                Problem(
                    "table3",
                    "carried_forward",
                    column,
                    _(
                        "New (1) plus carried over (2) must equal the total handled (3.7) plus "
                        "carried forward (4): %(received)d ≠ %(closed)d."
                    )
                    % {"received": received, "closed": closed},
                )
            )

    # Table 4 ------------------------------------------------------------------------------------
    for group, values in values4.items():
        expected = sum(values[c] for c, _l in layout.TABLE4_COLUMNS if c != "total")
        if values["total"] != expected:
            problems.append(
                Problem(
                    "table4",
                    group,
                    "total",
                    _("The total must be the sum of the four results: %(expected)d.")
                    % {"expected": expected},
                )
            )
    return problems
