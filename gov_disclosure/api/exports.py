"""Bulk downloads of every list: CSV, XLSX and JSON Lines, with the list's filters.

Rows are read in keyset chunks (the API's cursor order) and written out as they come, so an
export of 100,000 documents holds one chunk in memory at a time: CSV and JSON Lines are streamed
to the client as they are written; XLSX is written by openpyxl's write-only mode to a temporary
file (a ZIP cannot be streamed before it is finished), then sent from the file.

Columns are the list item's fields, flattened: a record becomes one column per field
(``agency_id``, ``agency_name``…), a coded value two (``validity`` with the code,
``validity_label``), a list one (its entries' titles joined by "；"). CSV has the stable field
names as its header, for programs; XLSX the column labels in the reader's language, for people.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import types
import typing
from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import pgettext, pgettext_lazy
from pydantic import BaseModel

from gov_disclosure.opendata import Choice

from . import pagination
from .serialize import dumps, serialize

CHUNK = 500
LIST_SEPARATOR = "；"

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
}

# Labels of the columns that every kind shares; the kinds' own columns take the verbose name of
# the model field of the same name.
COMMON_LABELS = {
    "id": pgettext_lazy("export heading", "ID"),
    "title": pgettext_lazy("export heading", "Title"),
    "url": pgettext_lazy("export heading", "Web address"),
    "language": pgettext_lazy("export heading", "Language"),
    "last_published_at": pgettext_lazy("export heading", "Last published"),
    "agency_id": pgettext_lazy("export heading", "Issuing agency ID"),
    "agency_name": pgettext_lazy("export heading", "Issuing agency"),
    "agency_credit_code": pgettext_lazy("export heading", "Unified social credit code"),
    "theme_category_id": pgettext_lazy("export heading", "Theme category ID"),
    "theme_category_name": pgettext_lazy("export heading", "Theme category"),
    "theme_category_code": pgettext_lazy("export heading", "Theme category code"),
    "theme_category_parent_id": pgettext_lazy("export heading", "Parent category ID"),
    "publication_date": pgettext_lazy("export heading", "Publication date"),
}


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple[str, ...]  # keys into the item's dict
    list_of: bool = False
    coded: bool = False  # one of a coded value's two columns (its code, its label)


def _unwrap(annotation):
    """``X | None`` → ``X``."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return args[0] if len(args) == 1 else annotation
    return annotation


def columns(schema) -> list[Column]:
    found = []
    for name, field in schema.model_fields.items():
        annotation = _unwrap(field.annotation)
        if typing.get_origin(annotation) is list:
            found.append(Column(name, (name,), list_of=True))
        elif isinstance(annotation, type) and issubclass(annotation, Choice):
            found += [
                Column(name, (name, "code"), coded=True),
                Column(f"{name}_label", (name, "label"), coded=True),
            ]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found += [Column(f"{name}_{sub}", (name, sub)) for sub in annotation.model_fields]
        else:
            found.append(Column(name, (name,)))
    return found


def cell(item: dict, column: Column):
    value = item
    for key in column.path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    if column.list_of:
        entries = value or []
        return LIST_SEPARATOR.join(
            str(entry.get("title") or entry.get("name") or dumps(entry))
            if isinstance(entry, dict)
            else str(entry)
            for entry in entries
        )
    return value


def _heading(spec, name: str):
    """The heading of the value ``name`` of the item, or None when nothing names it."""
    if name in spec.column_labels:
        return str(spec.column_labels[name])
    if name in COMMON_LABELS:
        return str(COMMON_LABELS[name])
    model = spec.entry.model if spec.entry is not None else getattr(spec, "model", None)
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:  # not a model field (a computed column)
            return None
    return None


def label(spec, column: Column) -> str:
    """The column's heading in the reader's language: the kind's own label for the column
    (``OpenData.column_labels``), a common one, else the model field's verbose name. Of a
    coded value's two columns, the label's is headed by the field's name and the code's says
    it is the code; a column nothing names keeps its field name."""
    if column.coded and column.path[-1] == "code":
        heading, code = _heading(spec, column.path[0]), pgettext("export heading", "code")
        return f"{heading}（{code}）" if heading else column.name
    if column.coded:
        return _heading(spec, column.path[0]) or column.name
    return _heading(spec, column.name) or column.name


def chunks(spec, queryset, request, private_q, schema):
    """The serialized items, CHUNK rows per query."""
    cursor = None
    while True:
        rows, cursor = pagination.page(
            spec.items(queryset),
            kind=spec.kind,
            date_field=spec.date_field,
            cursor=cursor,
            size=CHUNK,
        )
        yield serialize(spec, schema, rows, request, private_q)
        if cursor is None:
            return


def filename(spec, extension: str) -> str:
    return f"{spec.path}-{timezone.localdate():%Y%m%d}.{extension}"


def _streaming(generator, extension, spec):
    response = StreamingHttpResponse(generator, content_type=FORMATS[extension])
    response["Content-Disposition"] = f'attachment; filename="{filename(spec, extension)}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_response(spec, queryset, request, private_q):
    language = translation.get_language()
    cols = columns(spec.Item)

    def generate():
        with translation.override(language):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            buffer.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
            writer.writerow([column.name for column in cols])
            for items in chunks(spec, queryset, request, private_q, spec.Item):
                for item in items:
                    writer.writerow(["" if (v := cell(item, c)) is None else v for c in cols])
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
            yield buffer.getvalue()

    return _streaming(generate(), "csv", spec)


def jsonl_response(spec, queryset, request, private_q):
    language = translation.get_language()

    def generate():
        with translation.override(language):
            for items in chunks(spec, queryset, request, private_q, spec.Item):
                yield "".join(
                    json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"
                    for item in items
                )

    return _streaming(generate(), "jsonl", spec)


def xlsx_response(spec, queryset, request, private_q):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cols = columns(spec.Item)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=spec.path[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in cols:
        heading = WriteOnlyCell(sheet, value=label(spec, column))
        heading.font = bold
        header.append(heading)
    sheet.append(header)
    for items in chunks(spec, queryset, request, private_q, spec.Item):
        for item in items:
            sheet.append([xlsx_value(sheet, cell(item, column)) for column in cols])
    output = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    workbook.save(output)
    output.seek(0)
    response = FileResponse(
        output,
        as_attachment=True,
        filename=filename(spec, "xlsx"),
        content_type=FORMATS["xlsx"],
    )
    response["Cache-Control"] = "no-store"
    return response


def xlsx_value(sheet, value):
    """Text stays text: a title that starts with "=" is never run as a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        written = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        written.data_type = "s"
        return written
    return value


WRITERS = {"csv": csv_response, "xlsx": xlsx_response, "jsonl": jsonl_response}
