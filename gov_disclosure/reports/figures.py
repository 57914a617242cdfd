"""The generated figures of an annual report, from the records of the year.

- Table 2's rows for rules and normative documents come from the documents app (when it is
  installed): issued in the year (publication date), repealed or declared invalid in the year
  (the validity history), valid at the end of the year (the catalogue rebuilt for 31 December).
  Licensing, penalty and enforcement decisions and administrative fees are entered by editors
  and kept when the figures are generated again.
- Table 3 comes from the requests for disclosure (``applications.statistics``), with every
  total filled in.
- Table 4 is entered by editors and kept.
- Section 六 states the information-processing fees paid in the year.
"""

from __future__ import annotations

import copy
import datetime

from django.apps import apps

from . import layout


def _documents_app():
    return apps.is_installed("gov_disclosure.documents")


def _applications_app():
    return apps.is_installed("gov_disclosure.applications")


def document_figures(year: int, agency) -> dict:
    """Table 2's document rows: {"regulation": {...}, "normative": {...}}."""
    result = {
        row.key: {column: 0 for column, _label in layout.TABLE2_DOCUMENT_COLUMNS}
        for row in layout.TABLE2_DOCUMENT_ROWS
    }
    if not _documents_app():
        return result
    from gov_disclosure.documents import services
    from gov_disclosure.documents.models import DocumentPage, DocumentType, Validity, ValidityChange

    public = DocumentPage.objects.public_disclosures()
    if agency is not None:
        public = public.filter(agency=agency)
    year_end = datetime.date(year, 12, 31)
    for key, document_type in (
        ("regulation", DocumentType.REGULATION),
        ("normative", DocumentType.NORMATIVE),
    ):
        of_type = public.filter(document_type=document_type)
        result[key]["issued"] = of_type.filter(publication_date__year=year).count()
        result[key]["repealed"] = (
            ValidityChange.objects.filter(
                document__in=of_type,
                to_validity__in=(Validity.REPEALED, Validity.EXPIRED),
                changed_on__year=year,
            )
            .values("document")
            .distinct()
            .count()
        )
        result[key]["valid"] = services.valid_documents(
            year_end, queryset=of_type, types=(document_type,)
        ).count()
    return result


def request_figures(year: int, agency) -> dict:
    """Table 3 with every total: {row: {column: count}}."""
    rows = {key: dict.fromkeys(dict(layout.TABLE3_COLUMNS), 0) for key in layout.TABLE3_FIGURE_ROWS}
    if not _applications_app():
        return rows
    from gov_disclosure.applications import statistics

    figures = statistics.request_statistics(year, agency=agency)
    for key, values in (
        ("new", figures.new),
        ("carried_over", figures.carried_over),
        ("carried_forward", figures.carried_forward),
    ):
        rows[key].update(values)
    for outcome in layout.TABLE3_OUTCOME_ROWS:
        rows[outcome].update(figures.outcome(outcome))
    rows["total_handled"].update(figures.handled)
    for values in rows.values():
        values["total"] = sum(values[column] for column in layout.APPLICANT_COLUMNS)
    return rows


def fees_charged(year: int, agency) -> int:
    if not _applications_app():
        return 0
    from gov_disclosure.applications import fees

    return fees.fees_charged(year, agency=agency)


def generate(year: int, agency, previous: dict | None = None) -> dict:
    """Figures for ``year`` from the records; cells editors enter are taken from ``previous``."""
    figures = layout.empty_figures()
    previous = previous or {}
    table2 = figures["table2"]
    table2.update(document_figures(year, agency))
    for key in layout.TABLE2_ENTERED:
        kept = (previous.get("table2") or {}).get(key)
        if isinstance(kept, dict):
            table2[key] = copy.deepcopy(kept)
    figures["table3"] = request_figures(year, agency)
    if isinstance(previous.get("table4"), dict):
        figures["table4"] = copy.deepcopy(previous["table4"])
    figures["fees_charged_yuan"] = fees_charged(year, agency)
    return figures


def differences(old: dict, new: dict) -> list[tuple[str, str, str, object, object]]:
    """Cells that differ: (table, row, column, old value, new value)."""
    changed = []
    for table in ("table2", "table3", "table4"):
        old_rows, new_rows = (old or {}).get(table) or {}, (new or {}).get(table) or {}
        for row in sorted(set(old_rows) | set(new_rows)):
            old_cells, new_cells = old_rows.get(row) or {}, new_rows.get(row) or {}
            for column in sorted(set(old_cells) | set(new_cells)):
                before, after = old_cells.get(column), new_cells.get(column)
                if str(before) != str(after):
                    changed.append((table, row, column, before, after))
    if (old or {}).get("fees_charged_yuan") != (new or {}).get("fees_charged_yuan"):
        changed.append(
            (
                "fees",
                "",
                "",
                (old or {}).get("fees_charged_yuan"),
                (new or {}).get("fees_charged_yuan"),
            )
        )
    return changed
