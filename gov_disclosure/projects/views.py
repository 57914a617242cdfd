"""Public context of a project page, and the admin screens: project types and two reports.

Registered in ``wagtail_hooks.py``; the rows of the reports come from ``reports``.
"""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import page_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from gov_disclosure.models import Agency
from gov_disclosure.views import SETTINGS_MENU_HOOK, PageReportMenuItem

from . import reports, services
from .app_settings import app_settings
from .lifecycle import Stage
from .models import LifecycleRecord, ProjectPage, ProjectType

NOWRAP = "w-whitespace-nowrap"


# The public project page ---------------------------------------------------------------------


def _attachment_ids(record):
    ids = []
    for item in record.attachments.raw_data:
        value = item.get("value") or {}
        if isinstance(value, dict) and isinstance(value.get("document"), int):
            ids.append(value["document"])
    return ids


def project_context(project):
    """Stages, records, their files and the photos in a fixed number of queries.

    Records: one query. Their attachments: one query for the files of all records (Wagtail would
    read them record by record). Photos: the images and their renditions, two queries.
    """
    records = list(project.records.all())
    wanted = {pk for record in records for pk in _attachment_ids(record)}
    documents = get_document_model().objects.in_bulk(wanted) if wanted else {}
    for record in records:
        record.files = []
        for item in record.attachments.raw_data:
            value = item.get("value") or {}
            document = documents.get(value.get("document")) if isinstance(value, dict) else None
            if document is not None:
                record.files.append((value.get("title") or document.title, document))
    photos = list(project.photos.all())
    if photos:
        images = (
            get_image_model()
            .objects.filter(pk__in=[photo.image_id for photo in photos])
            .prefetch_renditions("fill-640x400", "max-1200x900")
            .in_bulk()
        )
        for photo in photos:
            photo.loaded_image = images.get(photo.image_id)
        photos = [photo for photo in photos if photo.loaded_image is not None]
    stages = project.stages(records)
    latest = max((record.event_date for record in records), default=None)
    return {
        "stages": stages,
        "records": records,
        "photos": photos,
        "latest_record_date": latest,
        "current_stage_view": next(
            (stage for stage in stages if stage.stage.value == project.current_stage), None
        ),
    }


# Project types --------------------------------------------------------------------------


class ProjectTypeViewSet(SnippetViewSet):
    model = ProjectType
    icon = "tag"
    menu_label = _("Project types")
    list_display = ["name", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    menu_hook = SETTINGS_MENU_HOOK  # under 政务公开设置, after the core app's screens
    menu_order = 900


# Reports --------------------------------------------------------------------------------


def _edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row.project.pk])


def _stage_choices():
    return list(Stage.choices)


class AgencyFilter(django_filters.ModelChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Responsible agency"),
            queryset=lambda request: Agency.objects.order_by("sort_order", "name"),
            empty_label=_("All"),
            **kwargs,
        )


class TimelinessFilterSet(WagtailFilterSet):
    agency = AgencyFilter(field_name="page__agency")
    stage = django_filters.ChoiceFilter(
        label=_("Category"), choices=_stage_choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=reports.STATUS_CHOICES,
        empty_label=_("All"),
        method="keep_all",  # applied to the rows, see ProjectTimelinessReportView
    )

    class Meta:
        model = LifecycleRecord
        fields = ["stage"]

    def keep_all(self, queryset, name, value):
        return queryset


class CompletenessFilterSet(WagtailFilterSet):
    agency = AgencyFilter(field_name="agency")

    class Meta:
        model = ProjectPage
        fields = []


class RowsPaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s record", "%(count)s records", self.count) % {"count": self.count}


class ProjectRowsPaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s project", "%(count)s projects", self.count) % {
            "count": self.count
        }


class ProjectReportView(ReportView):
    any_permission_required = ["add", "change", "publish"]
    permission_policy = page_permission_policy
    paginate_by = 50
    header_icon = "site"

    def get_filename(self):
        return f"{self.export_filename}-{services.today():%Y-%m-%d}"


class ProjectTimelinessReportView(ProjectReportView):
    """项目信息公开时效: records disclosed late, or overdue and not disclosed yet."""

    page_title = _("Project disclosure timeliness")
    index_url_name = "gov_disclosure_projects:timeliness_report"
    index_results_url_name = "gov_disclosure_projects:timeliness_report_results"
    export_filename = "project-timeliness-report"
    filterset_class = TimelinessFilterSet
    paginator_class = RowsPaginator
    list_export = [
        "project.title",
        "project.project_code",
        "agency_name",
        "stage_label",
        "record.title",
        "record.event_date",
        "disclosed_on",
        "workdays",
        "limit",
        "workdays_late",
        "status_label",
    ]

    @cached_property
    def export_headings(self):
        return {
            "project.title": gettext("Project"),
            "project.project_code": gettext("Unified project code"),
            "agency_name": gettext("Responsible agency"),
            "stage_label": gettext("Category"),
            "record.title": gettext("Record"),
            "record.event_date": gettext("Date of the event"),
            "disclosed_on": gettext("Disclosure date"),
            "workdays": gettext("Working days after the event"),
            "limit": gettext("Working days allowed"),
            "workdays_late": gettext("Working days late"),
            "status_label": gettext("Status"),
        }

    @cached_property
    def page_subtitle(self):
        return gettext(
            "limits: %(days)s working days; %(decision_days)s for licensing and penalty decisions"
        ) % {
            "days": app_settings.PROJECT_DISCLOSURE_DAYS,
            "decision_days": app_settings.PROJECT_DECISION_DISCLOSURE_DAYS,
        }

    def get_queryset(self):
        return reports.timeliness_records()

    def get_filtered_queryset(self):
        values = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        drafts = reports.draft_records(agency=values.get("agency"), stage=values.get("stage"))
        records = list(self.filter_queryset(self.get_queryset())) + drafts
        rows = reports.timeliness_rows(sorted(records, key=lambda r: (r.event_date, r.pk or 0)))
        status = values.get("status")
        if status:
            rows = [row for row in rows if row.status == status]
        return rows

    @cached_property
    def columns(self):
        return [
            TitleColumn("project", label=_("Project"), accessor="project.title", get_url=_edit_url),
            Column("record", label=_("Record"), accessor="record.title"),
            Column("stage", label=_("Category"), accessor="stage_label", classname=NOWRAP),
            Column(
                "event_date",
                label=_("Date of the event"),
                accessor="record.event_date",
                classname=NOWRAP,
            ),
            Column(
                "disclosed_on",
                label=_("Disclosure date"),
                accessor=lambda row: row.disclosed_on or gettext("Not disclosed"),
                classname=NOWRAP,
            ),
            Column(
                "workdays",
                label=_("Working days after the event"),
                accessor="workdays",
                classname=NOWRAP,
            ),
            Column("limit", label=_("Allowed"), accessor="limit", classname=NOWRAP),
            Column("status", label=_("Status"), accessor="status_label", classname=NOWRAP),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("Every record of every project was disclosed in time.")


class ProjectCompletenessReportView(ProjectReportView):
    """全生命周期公开完整性: projects that passed a stage with nothing disclosed in it."""

    page_title = _("Project lifecycle completeness")
    index_url_name = "gov_disclosure_projects:completeness_report"
    index_results_url_name = "gov_disclosure_projects:completeness_report_results"
    export_filename = "project-completeness-report"
    filterset_class = CompletenessFilterSet
    paginator_class = ProjectRowsPaginator
    list_export = [
        "project.title",
        "project.project_code",
        "agency_name",
        "current_stage_label",
        "missing_labels",
    ]

    @cached_property
    def export_headings(self):
        return {
            "project.title": gettext("Project"),
            "project.project_code": gettext("Unified project code"),
            "agency_name": gettext("Responsible agency"),
            "current_stage_label": gettext("Current stage"),
            "missing_labels": gettext("Stages passed with nothing disclosed"),
        }

    def get_queryset(self):
        return reports.completeness_projects()

    def get_filtered_queryset(self):
        return reports.completeness_rows(self.filter_queryset(self.get_queryset()))

    @cached_property
    def columns(self):
        return [
            TitleColumn("project", label=_("Project"), accessor="project.title", get_url=_edit_url),
            Column("agency", label=_("Responsible agency"), accessor="agency_name"),
            Column(
                "current_stage",
                label=_("Current stage"),
                accessor="current_stage_label",
                classname=NOWRAP,
            ),
            Column(
                "missing",
                label=_("Stages passed with nothing disclosed"),
                accessor="missing_labels",
            ),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("Every project has disclosed something for each stage it has passed.")


def timeliness_report_menu_item():
    return PageReportMenuItem(
        _("Project disclosure timeliness"),
        reverse("gov_disclosure_projects:timeliness_report"),
        name="gov-disclosure-project-timeliness-report",
        icon_name="time",
        order=1320,
    )


def completeness_report_menu_item():
    return PageReportMenuItem(
        _("Project lifecycle completeness"),
        reverse("gov_disclosure_projects:completeness_report"),
        name="gov-disclosure-project-completeness-report",
        icon_name="tasks",
        order=1330,
    )


admin_urlpatterns = [
    path(
        "reports/timeliness/",
        ProjectTimelinessReportView.as_view(),
        name="timeliness_report",
    ),
    path(
        "reports/timeliness/results/",
        ProjectTimelinessReportView.as_view(results_only=True),
        name="timeliness_report_results",
    ),
    path(
        "reports/completeness/",
        ProjectCompletenessReportView.as_view(),
        name="completeness_report",
    ),
    path(
        "reports/completeness/results/",
        ProjectCompletenessReportView.as_view(results_only=True),
        name="completeness_report_results",
    ),
]
