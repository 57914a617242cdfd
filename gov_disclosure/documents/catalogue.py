"""The catalogue of valid documents (现行有效目录) as HTML, CSV and XLSX.

``?date=YYYY-MM-DD`` rebuilds the catalogue as it stood on that date from the recorded validity
history (:func:`~.services.valid_documents`), so a past catalogue comes out the same every time
it is asked for. A future date can only be answered with what is known today: the recorded
history plus the effective and expiry dates already set, and the page says so.
``?format=csv`` and ``?format=xlsx`` download the whole catalogue for that date.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import translations
from . import services
from .models import DocumentPage, Validity

PAGE_SIZE = 100
FORMATS = ("csv", "xlsx")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters that turn a spreadsheet cell into a formula (CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters that cannot appear in a downloaded file's name on common systems.
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')

ORDERING = (F("publication_date").desc(nulls_last=True), F("pk").desc())


class CatalogueRequestError(ValueError):
    """A parameter of the request cannot be used; the message says why, for the reader."""


def parse_date(value: str) -> datetime.date:
    value = (value or "").strip()
    if not _ISO_DATE.match(value):
        raise CatalogueRequestError(
            _("“%(value)s” is not a date. Write the date as year-month-day, e.g. 2025-06-30.")
            % {"value": value[:40]}
        )
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CatalogueRequestError(
            _("There is no such day as %(value)s. Check the month and the day.") % {"value": value}
        ) from None


def library_documents(page):
    """The public documents of the library the catalogue page belongs to, without a query."""
    parent_path = page.path[: -page.steplen]
    return DocumentPage.objects.public_disclosures().filter(
        path__startswith=parent_path, depth__gt=page.depth - 1
    )


def catalogue_documents(page, on: datetime.date, today: datetime.date):
    """Documents in force on ``on``, in catalogue order (the catalogue's document types only).

    Up to today the recorded history decides. After today it cannot yet hold the changes the
    daily job will record, so the documents' own effective and expiry dates are applied on top.
    """
    documents = library_documents(page)
    if on <= today:
        documents = services.valid_documents(on, queryset=documents)
    else:
        documents = (
            documents.filter(document_type__in=services.CATALOGUE_TYPES)
            .filter(Q(publication_date__lte=on) | Q(publication_date__isnull=True))
            .annotate(validity_then=services.validity_on(on, not translations.in_main_language()))
            .filter(
                Q(validity_then=Validity.VALID)
                | Q(validity_then=Validity.NOT_YET_EFFECTIVE, effective_date__lte=on)
            )
            .exclude(expiry_date__lt=on)
        )
    return documents.select_related("agency").defer_streamfields().order_by(*ORDERING)


COLUMNS = (
    (gettext_lazy("No."), lambda number, document, url: number),
    (gettext_lazy("Title"), lambda number, document, url: document.title),
    (gettext_lazy("Document number"), lambda number, document, url: document.document_number),
    (
        gettext_lazy("Registration number"),
        lambda number, document, url: document.registration_number,
    ),
    (gettext_lazy("Index number"), lambda number, document, url: document.index_number or ""),
    (
        gettext_lazy("Issuing agency"),
        lambda number, document, url: document.agency.name if document.agency else "",
    ),
    (gettext_lazy("Date written"), lambda number, document, url: document.date_written),
    (gettext_lazy("Publication date"), lambda number, document, url: document.publication_date),
    (gettext_lazy("Effective date"), lambda number, document, url: document.effective_date),
    (gettext_lazy("Expiry date"), lambda number, document, url: document.expiry_date),
    (gettext_lazy("Web address"), lambda number, document, url: url),
)


def _safe_text(value):
    """Text as a spreadsheet shows it, never as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_rows(documents, request):
    for number, document in enumerate(documents.iterator(chunk_size=2000), start=1):
        url = document.get_full_url(request) or ""
        yield [_safe_text(get(number, document, url)) for _label, get in COLUMNS]


def export_filename(page, on, extension):
    """``现行有效行政规范性文件目录-2025-06-30.csv``, and a plain ASCII name for old clients."""
    title = _UNSAFE_FILENAME.sub("", page.title).strip(" .") or "catalogue"
    name = f"{title[:80]}-{on:%Y-%m-%d}.{extension}"
    fallback = f"valid-documents-{on:%Y-%m-%d}.{extension}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def csv_response(page, request, documents, on):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # the byte-order mark tells Excel the file is UTF-8
    writer = csv.writer(buffer)
    writer.writerow([str(label) for label, _get in COLUMNS])
    for row in export_rows(documents, request):
        writer.writerow(
            [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
        )
    return HttpResponse(
        buffer.getvalue().encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": export_filename(page, on, "csv")},
    )


def xlsx_response(page, request, documents, on):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=f"{on:%Y-%m-%d}")
    widths = (6, 60, 24, 18, 32, 28, 12, 12, 12, 12, 60)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for label, _get in COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in export_rows(documents, request):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": export_filename(page, on, "xlsx")},
    )


def _query(**params):
    return "?" + urlencode({k: v for k, v in params.items() if v not in (None, "", 1)})


def serve_catalogue(page, request, serve, *args, **kwargs):
    """Serve the catalogue page, or its CSV or XLSX download."""
    today = services.today()
    raw_date = request.GET.get("date", "").strip()
    export = request.GET.get("format", "").strip().lower()
    errors = []
    on = today
    if raw_date:
        try:
            on = parse_date(raw_date)
        except CatalogueRequestError as error:
            errors.append(str(error))
    if export not in ("", "html", *FORMATS):
        errors.append(_("Downloads are offered as CSV or XLSX only."))

    if not errors:
        documents = catalogue_documents(page, on, today)
        if export == "csv":
            return csv_response(page, request, documents, on)
        if export == "xlsx":
            return xlsx_response(page, request, documents, on)

    response = serve(request, *args, **kwargs)
    date_param = on.isoformat() if raw_date and not errors else None
    context = {
        "catalogue_date": on,
        "catalogue_today": today,
        "catalogue_is_today": on == today and not errors,
        "catalogue_is_future": on > today,
        "catalogue_errors": errors,
        "date_value": raw_date if errors else on.isoformat(),
        "csv_url": _query(date=date_param, format="csv"),
        "xlsx_url": _query(date=date_param, format="xlsx"),
        "today_url": _query(),
    }
    if errors:
        response.status_code = 400
        context.update(documents=[], paginator=None, page_obj=None, page_links=[])
    else:
        paginator = Paginator(documents, PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            documents=page_obj.object_list,
            paginator=paginator,
            page_obj=page_obj,
            page_links=[
                (None, None, False)
                if number == paginator.ELLIPSIS
                else (number, _query(date=date_param, page=number), number == page_obj.number)
                for number in paginator.get_elided_page_range(page_obj.number)
            ]
            if paginator.num_pages > 1
            else [],
        )
    if getattr(response, "context_data", None) is not None:  # a TemplateResponse, not yet rendered
        response.context_data.update(context)
    return response
