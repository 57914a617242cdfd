"""Rows of the two admin reports on projects: timeliness of each record, completeness by stage.

Both read a fixed number of queries whatever the number of projects and records. Timeliness:
a first cut in SQL keeps the records whose disclosure came (or is still missing) more calendar
days after the event than the shorter limit allows, which every late record satisfies since
working days never outnumber calendar days; the working days are then counted in Python with
one :class:`~gov_disclosure.workdays.WorkdayCounter`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.workdays import WorkdayCounter

from . import services
from .app_settings import app_settings
from .lifecycle import Stage, stage_states
from .models import LifecycleRecord, ProjectPage

LATE = "late"
MISSING = "missing"
STATUS_CHOICES = [(LATE, _("Disclosed late")), (MISSING, _("Not disclosed, overdue"))]


@dataclass
class TimelinessRow:
    record: LifecycleRecord
    disclosed_on: datetime.date | None
    workdays: int  # from the event to the disclosure, or to today when it is missing
    limit: int

    @property
    def status(self) -> str:
        return MISSING if self.disclosed_on is None else LATE

    @property
    def status_label(self) -> str:
        return dict(STATUS_CHOICES)[self.status]

    @property
    def workdays_late(self) -> int:
        return max(self.workdays - self.limit, 0)

    @property
    def project(self) -> ProjectPage:
        return self.record.page

    @property
    def agency_name(self) -> str:
        return self.project.agency.name if self.project.agency_id else ""

    @property
    def stage_label(self) -> str:
        return self.record.get_stage_display()


def timeliness_records(on: datetime.date | None = None):
    """Records that may be late or overdue, with their project and its agency.

    Only projects that are proactively disclosed owe a disclosure; a record of a project that is
    not live has not been disclosed, whatever date it carries.
    """
    on = on or services.today()
    shortest = min(
        app_settings.PROJECT_DISCLOSURE_DAYS, app_settings.PROJECT_DECISION_DISCLOSURE_DAYS
    )
    cutoff = on - datetime.timedelta(days=shortest)
    public = Q(page__live=True) & Q(disclosure_date__isnull=False)
    return (
        LifecycleRecord.objects.filter(
            page__disclosure_attribute=DisclosureAttribute.PROACTIVE, event_date__lte=on
        )
        .filter(~public & Q(event_date__lt=cutoff) | public)
        .select_related("page", "page__agency")
        .defer("content", "attachments", "page__summary")
        .order_by("event_date", "pk")
    )


def draft_records(on: datetime.date | None = None, *, agency=None, stage=None):
    """Records that exist only in the unpublished draft of a live project.

    An editor who adds a record to a published project and never publishes the draft has not
    disclosed it; the saved records do not show it, so it is read from the latest revision of
    each live project with unpublished changes (one query). Returned unsaved, marked
    ``in_draft_only``.
    """
    on = on or services.today()
    projects = (
        ProjectPage.objects.filter(
            live=True,
            has_unpublished_changes=True,
            disclosure_attribute=DisclosureAttribute.PROACTIVE,
        )
        .select_related("agency", "latest_revision")
        .defer_streamfields()
        .defer("summary")
    )
    if agency:
        projects = projects.filter(agency=agency)
    saved = set(
        LifecycleRecord.objects.filter(page__in=projects.order_by().values("pk")).values_list(
            "pk", flat=True
        )
    )
    records = []
    for project in projects:
        content = project.latest_revision.content if project.latest_revision else {}
        for data in content.get("records") or []:
            if data.get("pk") in saved or (stage and data.get("stage") != stage):
                continue
            event_date = parse_date(str(data.get("event_date") or ""))
            if event_date is None or event_date > on:
                continue
            record = LifecycleRecord(
                page=project,
                stage=data.get("stage") or "",
                event_date=event_date,
                title=data.get("title") or "",
                decision_type=data.get("decision_type") or "",
            )
            record.in_draft_only = True
            records.append(record)
    return records


def timeliness_rows(records, on: datetime.date | None = None) -> list[TimelinessRow]:
    on = on or services.today()
    records = list(records)
    dates = [on]
    for record in records:
        dates += [record.event_date, record.disclosure_date]
    count = WorkdayCounter(dates)
    rows = []
    for record in records:
        public = record.page.live and not getattr(record, "in_draft_only", False)
        disclosed_on = record.disclosure_date if public else None
        limit = record.due_within()
        end = disclosed_on or on
        if end < record.event_date:
            continue
        workdays = count(record.event_date, end)
        if workdays > limit:
            rows.append(TimelinessRow(record, disclosed_on, workdays, limit))
    return rows


@dataclass
class CompletenessRow:
    project: ProjectPage
    missing: list  # StageView

    @property
    def missing_labels(self) -> str:
        return gettext(", ").join(str(stage.label) for stage in self.missing)

    @property
    def agency_name(self) -> str:
        return self.project.agency.name if self.project.agency_id else ""

    @property
    def current_stage_label(self) -> str:
        if self.project.is_completed:
            return gettext("Completed")
        return self.project.get_current_stage_display()


class _StageOnly:
    __slots__ = ("stage",)

    def __init__(self, stage):
        self.stage = stage


def completeness_projects():
    return (
        ProjectPage.objects.filter(disclosure_attribute=DisclosureAttribute.PROACTIVE)
        .select_related("agency")
        .defer_streamfields()
        .defer("summary")
        .order_by("title", "pk")
    )


def completeness_rows(projects) -> list[CompletenessRow]:
    """Projects that have passed a stage with no record in it (stages not applicable aside).

    Counts the records saved on the project (those of a live project are public).
    """
    stages_with_records: dict[int, set] = {}
    pairs = (
        LifecycleRecord.objects.filter(page__in=projects.order_by().values("pk"))
        .order_by()
        .values_list("page_id", "stage")
        .distinct()
    )
    for page_id, stage in pairs:
        stages_with_records.setdefault(page_id, set()).add(stage)
    rows = []
    for project in list(projects):
        present = stages_with_records.get(project.pk, set())
        stages = stage_states(
            project.current_stage,
            completed=project.is_completed,
            not_applicable=project.not_applicable_stages,
            records=[_StageOnly(stage) for stage in present],
        )
        missing = [stage for stage in stages if stage.is_missing]
        if missing:
            rows.append(CompletenessRow(project, missing))
    return rows


__all__ = ["Stage", "completeness_rows", "timeliness_rows"]
