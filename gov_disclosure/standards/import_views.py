"""Admin screens to import a catalogue from an Excel workbook and to export one (标准目录导入导出).

Both work with the national layout read and written by the ``spreadsheet`` package; the guide
for editors is docs/standards/import.md. ``wagtail_hooks.py`` includes ``urlpatterns`` under
the namespace ``gov_disclosure_standards``: ``import`` (the upload form) and ``export``
(``?catalogue=<id>`` downloads the workbook; without it, a list of catalogues to choose from).
"""

from __future__ import annotations

import logging
import re

from django import forms
from django.db import DatabaseError
from django.db.models import Count
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import Catalogue, CatalogueItem
from .spreadsheet import CatalogueImporter, SpreadsheetError, export_catalogue

logger = logging.getLogger(__name__)

APP = "gov_disclosure_standards"
IMPORT_PERMISSIONS = (f"{APP}.add_catalogueitem", f"{APP}.change_catalogueitem")
VIEW_PERMISSIONS = (f"{APP}.view_catalogueitem", f"{APP}.change_catalogueitem")
CREATE_DOMAIN_PERMISSION = f"{APP}.add_standarddomain"
ITEMS_LISTING = "wagtailsnippets_gov_disclosure_standards_catalogueitem:list"
# An upload larger than this is refused before it is read (a catalogue of 5,000 rows is ~1 MB).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Results listed on the report page; the counts always cover every row.
REPORT_ROWS_SHOWN = 500


def can_import(user) -> bool:
    return user.has_perms(IMPORT_PERMISSIONS)


def can_export(user) -> bool:
    return any(user.has_perm(permission) for permission in VIEW_PERMISSIONS)


class ImportForm(forms.Form):
    catalogue = forms.ModelChoiceField(
        label=_("Catalogue"),
        queryset=Catalogue.objects.all(),
        help_text=_("The items of the file are added to this catalogue or update its items."),
    )
    file = forms.FileField(
        label=_("Excel workbook (.xlsx)"),
        help_text=_(
            "In the national layout: a title row, the two heading rows, then one row per item; "
            "one sheet per domain, or a domain (领域) column."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    create_domains = forms.BooleanField(
        label=_("Create missing domains"),
        required=False,
        help_text=_(
            "Add the domains the file names but the list of domains does not have. Without "
            "this, their rows are reported as errors."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        initial=True,
        help_text=_("Check the file and show what would be created or updated; save nothing."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_create_domains = bool(user and user.has_perm(CREATE_DOMAIN_PERMISSION))
        if not self.may_create_domains:
            field = self.fields["create_domains"]
            field.disabled = True
            field.help_text = _(
                "Only users who may add domains can create them during an import; ask the "
                "disclosure office to add the missing domains."
            )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB; split the catalogue into several files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    """标准目录导入: upload a workbook, see the report of every row."""

    template_name = "gov_disclosure_standards/admin/import_form.html"
    form_class = ImportForm
    page_title = _("Import a catalogue")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(ITEMS_LISTING), "label": CatalogueItem._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        initial = super().get_initial()
        catalogue = self.request.GET.get("catalogue", "")
        if catalogue.isdigit():
            initial["catalogue"] = catalogue
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        options = form.cleaned_data
        importer = CatalogueImporter(
            options["catalogue"],
            user=self.request.user,
            create_domains=options["create_domains"] and form.may_create_domains,
            dry_run=options["dry_run"],
        )
        upload = options["file"]
        try:
            report = importer.run(upload, name=upload.name)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        except DatabaseError:
            # e.g. a lock held too long by another import: the transaction was rolled back.
            logger.exception(
                "Importing %s into catalogue %s failed", upload.name, importer.catalogue
            )
            form.add_error(
                None,
                gettext(
                    "The import could not be saved and nothing was changed. Try again in a "
                    "moment; if it fails again, tell the site administrator."
                ),
            )
            return self.form_invalid(form)
        if report.dry_run:
            messages.info(self.request, report.summary())
        elif report.ok:
            messages.success(self.request, report.summary())
        else:
            messages.warning(self.request, report.summary())
        # The same choices again, ready for the real import after a dry run (the browser
        # cannot keep the chosen file: it is chosen again).
        next_form = self.get_form_class()(
            initial={
                "catalogue": options["catalogue"].pk,
                "create_domains": options["create_domains"],
                "dry_run": not report.dry_run,
            },
            user=self.request.user,
        )
        return self.render_to_response(self.get_context_data(form=next_form, report=report))

    def form_invalid(self, form):
        messages.validation_error(
            self.request, gettext("The file was not imported because of errors."), form
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = kwargs.get("report")
        context.update(
            action_url=self.request.path,
            submit_button_label=gettext("Check or import"),
            submit_button_active_label=gettext("Reading the file…"),
            export_url=reverse(f"{APP}:export"),
            items_url=reverse(ITEMS_LISTING),
            report=report,
            changes=report.changes[:REPORT_ROWS_SHOWN] if report else [],
            errors=report.errors[:REPORT_ROWS_SHOWN] if report else [],
            rows_shown=REPORT_ROWS_SHOWN,
        )
        return context


def _file_name(catalogue: Catalogue) -> str:
    name = re.sub(r'[\\/:*?"<>|\r\n\t]+', " ", catalogue.name).strip() or "catalogue"
    return f"{name}.xlsx"


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    """标准目录导出: ``?catalogue=<id>`` downloads it, else the catalogues to choose from."""

    template_name = "gov_disclosure_standards/admin/import_export.html"
    page_title = _("Export a catalogue")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not can_export(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        value = request.GET.get("catalogue", "")
        catalogue = Catalogue.objects.filter(pk=value).first() if value.isdigit() else None
        if catalogue is not None:
            response = HttpResponse(export_catalogue(catalogue), content_type=XLSX_CONTENT_TYPE)
            response["Content-Disposition"] = content_disposition_header(
                True, _file_name(catalogue)
            )
            return response
        if value:
            messages.error(request, gettext("There is no such catalogue: choose one below."))
        return self.render_to_response(self.get_context_data(), status=404 if value else 200)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(ITEMS_LISTING), "label": CatalogueItem._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            catalogues=Catalogue.objects.annotate(item_count=Count("items")).order_by(
                "sort_order", "name"
            ),
            export_url=self.request.path,
            import_url=reverse(f"{APP}:import") if can_import(self.request.user) else "",
        )
        return context


urlpatterns = [
    path("import/", ImportView.as_view(), name="import"),
    path("export/", ExportView.as_view(), name="export"),
]
