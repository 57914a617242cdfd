"""The figures of an annual report in the admin: Tables 2, 3 and 4 in the national layout with
one input per cell, and the words that name a cell in messages.

Each input is named (and has the id) ``figures-<table>-<row>-<column>``; the fees of section 六
are ``figures-fees_charged_yuan``. What an editor types is kept as typed when it is not a
number, so that the checks (``checks.py``) name the cell instead of the number being lost.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import layout

RECORDS = "records"  # generated from the records (documents, requests)
ENTERED = "entered"  # typed by editors, kept when the figures are generated again

TABLE_TITLES = {
    "table2": _("2. Proactive disclosure of government information"),
    "table3": _("3. Requests for disclosure received and handled"),
    "table4": _("4. Administrative review and litigation over disclosure"),
}
DECISIONS_COLUMN = ("decisions", _("Decisions made this year"))
AMOUNT_COLUMN = ("amount", _("Amount charged this year (10,000 yuan)"))
# The fees of section 六: not a table, stored as figures["fees_charged_yuan"]; ``differences``
# names it ("fees", "", "").
FEES = ("fees", "", "")
FEES_KEY = "fees_charged_yuan"
FEES_LABEL = _("6. Fees charged for handling requests this year (yuan)")

TABLE2_SECTIONS = (
    # (heading, columns, rows), as the national table groups them by article of the Regulations
    (_("Article 20 (1)"), layout.TABLE2_DOCUMENT_COLUMNS, layout.TABLE2_DOCUMENT_ROWS),
    (
        _("Article 20 (5)"),
        (DECISIONS_COLUMN,),
        tuple(r for r in layout.TABLE2_DECISION_ROWS if r.key == "licensing"),
    ),
    (
        _("Article 20 (6)"),
        (DECISIONS_COLUMN,),
        tuple(r for r in layout.TABLE2_DECISION_ROWS if r.key != "licensing"),
    ),
    (_("Article 20 (8)"), (AMOUNT_COLUMN,), (layout.TABLE2_FEE_ROW,)),
)


def _table3_row_labels():
    """Row labels of Table 3; a numbered reason carries its group (“（三）不予公开 1. …”)."""
    labels, group = {}, None
    for row in layout.TABLE3_ROWS:
        if row.level == 0:
            group = None
        elif row.level == 1:
            group = row.label if row.heading else None
        if row.heading:
            continue
        labels[str(row.key)] = (
            format_lazy("{} {}", group, row.label) if row.level == 2 and group else row.label
        )
    return labels


ROW_LABELS = {
    "table2": {
        row.key: row.label
        for row in (
            *layout.TABLE2_DOCUMENT_ROWS,
            *layout.TABLE2_DECISION_ROWS,
            layout.TABLE2_FEE_ROW,
        )
    },
    "table3": _table3_row_labels(),
    "table4": dict(layout.TABLE4_GROUPS),
}


def column_labels(table: str, row: str) -> dict:
    if table == "table2":
        if row in {r.key for r in layout.TABLE2_DOCUMENT_ROWS}:
            return dict(layout.TABLE2_DOCUMENT_COLUMNS)
        if row == layout.TABLE2_FEE_ROW.key:
            return dict((AMOUNT_COLUMN,))
        return dict((DECISIONS_COLUMN,))
    if table == "table3":
        return dict(layout.TABLE3_COLUMNS)
    if table == "table4":
        return dict(layout.TABLE4_COLUMNS)
    return {}


def describe_cell(table: str, row: str, column: str) -> str:
    """The cell in words: “3. Requests…, row “1. New requests this year”, column “Total””."""
    if (table, row, column) == FEES or table == FEES_KEY:
        return str(FEES_LABEL)
    return gettext("%(table)s, row “%(row)s”, column “%(column)s”") % {
        "table": TABLE_TITLES.get(table, table),
        "row": ROW_LABELS.get(table, {}).get(row, row),
        "column": column_labels(table, row).get(column, column),
    }


def describe_problem(problem) -> str:
    return gettext("%(cell)s: %(message)s") % {
        "cell": describe_cell(problem.table, problem.row, problem.column),
        "message": problem.message,
    }


def in_layout_order(changes):
    """``figures.differences`` in the order of the tables (it sorts by key)."""
    order = {cell.key: n for n, cell in enumerate(all_cells())}
    return sorted(changes, key=lambda change: order.get(tuple(change[:3]), len(order)))


def describe_change(table, row, column, before, after) -> str:
    """One line of ``figures.differences``: “<cell>: 3 → 4”."""
    blank = gettext("(empty)")
    return gettext("%(cell)s: %(old)s → %(new)s") % {
        "cell": describe_cell(table, row, column),
        "old": blank if before in (None, "") else before,
        "new": blank if after in (None, "") else after,
    }


# The cells ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    table: str
    row: str
    column: str
    source: str
    decimal: bool = False

    @property
    def key(self):
        return (self.table, self.row, self.column)

    def name(self, prefix: str) -> str:
        if self.key == FEES:
            return f"{prefix}-{FEES_KEY}"
        return f"{prefix}-{self.table}-{self.row}-{self.column}"

    def get(self, figures: dict):
        if self.key == FEES:
            return figures.get(FEES_KEY)
        return ((figures.get(self.table) or {}).get(self.row) or {}).get(self.column)

    def set(self, figures: dict, value) -> None:
        if self.key == FEES:
            figures[FEES_KEY] = value
            return
        table = figures.setdefault(self.table, {})
        if not isinstance(table, dict):
            table = figures[self.table] = {}
        row = table.setdefault(self.row, {})
        if not isinstance(row, dict):
            row = table[self.row] = {}
        row[self.column] = value


def table2_cells():
    for _heading, columns, rows in TABLE2_SECTIONS:
        for row in rows:
            source = ENTERED if row.key in layout.TABLE2_ENTERED else RECORDS
            for column, _label in columns:
                yield Cell("table2", row.key, column, source, decimal=column == "amount")


def table3_cells():
    for row in layout.TABLE3_FIGURE_ROWS:
        for column, _label in layout.TABLE3_COLUMNS:
            yield Cell("table3", str(row), column, RECORDS)


def table4_cells():
    for group, _label in layout.TABLE4_GROUPS:
        for column, _l in layout.TABLE4_COLUMNS:
            yield Cell("table4", group, column, ENTERED)


def all_cells():
    yield from table2_cells()
    yield from table3_cells()
    yield from table4_cells()
    yield Cell(*FEES, RECORDS)


_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def parse(text, decimal: bool = False):
    """A whole number as an int, a valid amount as its text (the checks read it as a decimal);
    anything else as it was typed. Full-width digits (１２，１２．５) are read as digits."""
    if not isinstance(text, str):
        return text
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if decimal:
        if _DECIMAL.fullmatch(cleaned):
            try:
                Decimal(cleaned)
            except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
                return text
            return cleaned
        return text
    if _WHOLE.fullmatch(cleaned):
        return int(cleaned)
    return text


def figures_from(value) -> dict:
    """The figures from a form value: a dict, its JSON text, or nothing."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


# The widget --------------------------------------------------------------------------------------


class FiguresWidget(forms.Widget):
    """Tables 2, 3 and 4 in the national layout, with the fees of section 六.

    ``problems`` (``checks.Problem``s, set by the form) mark their cells: ``aria-invalid`` and
    the message next to the input.
    """

    template_name = "gov_disclosure_reports/admin/figures_widget.html"

    class Media:
        css = {"all": ["gov_disclosure_reports/admin.css"]}

    def __init__(self, attrs=None, problems=()):
        super().__init__(attrs)
        self.problems = list(problems)

    # Reading the form data ---------------------------------------------------------------------

    def value_from_datadict(self, data, files, name):
        """The figures as JSON text (what Django's JSON form field expects), with every cell
        found in ``data``; None when the form had none of them."""
        figures, found = {}, False
        for cell in all_cells():
            key = cell.name(name)
            if key in data:
                found = True
                cell.set(figures, parse(data.get(key), decimal=cell.decimal))
        return json.dumps(figures, ensure_ascii=False) if found else None

    def value_omitted_from_data(self, data, files, name):
        prefix = f"{name}-"
        return not any(key.startswith(prefix) for key in data)

    def id_for_label(self, id_):
        return ""  # one label per cell; the panel's heading labels no single input

    # Rendering ---------------------------------------------------------------------------------

    def problems_by_cell(self):
        found = {}
        for problem in self.problems or ():
            key = (problem.table, problem.row, problem.column)
            found.setdefault(key, []).append(str(problem.message))
        return found

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.pop("aria-invalid", None)  # each wrong cell says so itself
        described_by = widget_attrs.pop("aria-describedby", "")
        wrapper_id = widget_attrs.get("id") or f"id_{name}"
        errors = self.problems_by_cell()
        tables = _Tables(name, figures_from(value), errors, wrapper_id)
        context["widget"].update(
            wrapper_id=wrapper_id,
            described_by=described_by,
            notes=tables.notes,
            tables=[tables.table2(), tables.table3(), tables.table4()],
            fees=tables.cell(Cell(*FEES, RECORDS), FEES_LABEL),
            error_count=sum(len(messages) for messages in errors.values()),
        )
        return context


class _Tables:
    """The rows of each table, as header cells (``th``) and input cells (``cell``)."""

    def __init__(self, name, figures, errors, wrapper_id):
        self.name, self.figures, self.errors = name, figures, errors
        self.notes = {
            RECORDS: f"{wrapper_id}-note-records",
            ENTERED: f"{wrapper_id}-note-entered",
        }

    def cell(self, cell: Cell, label, colspan=1):
        value = cell.get(self.figures)
        messages = self.errors.get(cell.key, [])
        input_id = cell.name(self.name)
        described_by = [self.notes[cell.source]]
        if messages:
            described_by.insert(0, f"{input_id}-error")
        return {
            "kind": "cell",
            "name": input_id,
            "id": input_id,
            "value": "" if value is None else str(value),
            "label": label,
            "source": cell.source,
            "inputmode": "decimal" if cell.decimal else "numeric",
            "errors": messages,
            "described_by": " ".join(described_by),
            "colspan": colspan,
        }

    @staticmethod
    def th(label, scope="col", colspan=1, rowspan=1, classname="", source=None):
        return {
            "kind": "th",
            "label": label,
            "scope": scope,
            "colspan": colspan,
            "rowspan": rowspan,
            "classname": classname,
            "source": source,
        }

    @staticmethod
    def label(row_label, column_label):
        return format_lazy(_("{row}, {column}"), row=row_label, column=column_label)

    def table2(self):
        width = 1 + len(layout.TABLE2_DOCUMENT_COLUMNS)
        body = []
        for heading, columns, rows in TABLE2_SECTIONS:
            span = (width - 1) // len(columns)
            body.append([self.th(heading, scope=None, colspan=width, classname="section")])
            body.append(
                [self.th(_("Information"))]
                + [self.th(label, colspan=span) for _key, label in columns]
            )
            for row in rows:
                source = ENTERED if row.key in layout.TABLE2_ENTERED else RECORDS
                cells = [
                    self.cell(
                        Cell("table2", row.key, column, source, decimal=column == "amount"),
                        self.label(row.label, label),
                        colspan=span,
                    )
                    for column, label in columns
                ]
                body.append([self.th(row.label, scope="row", source=source)] + cells)
        return {"key": "table2", "title": TABLE_TITLES["table2"], "head": [], "body": body}

    def table3(self):
        labels = dict(layout.TABLE3_COLUMNS)
        organisations = [
            (key, label) for key, label in layout.TABLE3_COLUMNS if key not in ("person", "total")
        ]
        head = [
            [
                self.th(
                    _("(In this column, item 1 plus item 2 equals item 3 plus item 4.)"),
                    scope=None,
                    rowspan=3,
                    classname="corner",
                ),
                self.th(_("Applicants"), scope="colgroup", colspan=len(layout.TABLE3_COLUMNS)),
            ],
            [
                self.th(labels["person"], rowspan=2),
                self.th(
                    _("Legal persons and other organisations"),
                    scope="colgroup",
                    colspan=len(organisations),
                ),
                self.th(labels["total"], rowspan=2),
            ],
            [self.th(label) for _key, label in organisations],
        ]
        row_labels = ROW_LABELS["table3"]
        width = 1 + len(layout.TABLE3_COLUMNS)
        body = []
        for row in layout.TABLE3_ROWS:
            level = f"level-{row.level}"
            if row.heading:
                body.append([self.th(row.label, scope=None, colspan=width, classname=level)])
                continue
            key = str(row.key)
            cells = [
                self.cell(Cell("table3", key, column, RECORDS), self.label(row_labels[key], label))
                for column, label in layout.TABLE3_COLUMNS
            ]
            body.append([self.th(row.label, scope="row", classname=level)] + cells)
        return {
            "key": "table3",
            "title": TABLE_TITLES["table3"],
            "source": RECORDS,
            "head": head,
            "body": body,
        }

    def table4(self):
        groups = dict(layout.TABLE4_GROUPS)
        columns = layout.TABLE4_COLUMNS
        review, *litigation = (key for key, _label in layout.TABLE4_GROUPS)
        head = [
            [
                self.th(groups[review], scope="colgroup", colspan=len(columns)),
                self.th(
                    _("Administrative litigation"),
                    scope="colgroup",
                    colspan=len(columns) * len(litigation),
                ),
            ],
            [self.th(label, rowspan=2) for _key, label in columns]
            + [self.th(groups[g], scope="colgroup", colspan=len(columns)) for g in litigation],
            [self.th(label) for _g in litigation for _key, label in columns],
        ]
        cells = [
            self.cell(Cell("table4", group, column, ENTERED), self.label(group_label, label))
            for group, group_label in layout.TABLE4_GROUPS
            for column, label in columns
        ]
        return {
            "key": "table4",
            "title": TABLE_TITLES["table4"],
            "source": ENTERED,
            "head": head,
            "body": [cells],
        }
