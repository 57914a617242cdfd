"""Admin screens of disclosure on application: the requests (a ModelViewSet, not pages), their
files, the dashboard panel of what falls due, and the Table 3 statistics.

Only users with permissions on ``InformationRequest`` see any of it: the product gives them to
the disclosure office's group alone (``apps.py``). Registered in ``wagtail_hooks.py``.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from gov_disclosure.models import Agency
from gov_disclosure.workdays import WorkdayCalendar

from .. import clock, statistics
from ..forms import ApplicationForm
from ..models import (
    RECEIPT_RULE,
    Channel,
    InformationRequest,
    RequestFile,
    Status,
)
from ..outcomes import GROUPS, Outcome, reason_label

REQUESTS_VIEWSET = "gov_disclosure_requests"
NOWRAP = "w-whitespace-nowrap"
POLICY = ModelPermissionPolicy(InformationRequest)


def can_see_requests(user) -> bool:
    return POLICY.user_has_any_permission(user, ["view", "change"])


# The list ---------------------------------------------------------------------------------------


def _year_choices():
    this_year = clock.today().year
    first = (
        InformationRequest.objects.exclude(received_on=None)
        .order_by("received_on")
        .values_list("received_on", flat=True)
        .first()
    )
    start = first.year if first else this_year
    return [(year, str(year)) for year in range(this_year, start - 1, -1)]


def _handlers(request):
    return get_user_model().objects.filter(
        pk__in=InformationRequest.objects.exclude(assigned_to=None).values("assigned_to")
    )


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("All")
    )
    due = django_filters.ChoiceFilter(
        label=_("Time limit"),
        choices=[("overdue", _("Overdue")), ("this_week", _("Due by the end of this week"))],
        method="filter_due",
        empty_label=_("All"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year of receipt"),
        choices=_year_choices,
        field_name="received_on__year",
        empty_label=_("All"),
    )
    channel = django_filters.ChoiceFilter(
        label=_("Received by"), choices=Channel.choices, empty_label=_("All")
    )
    applicant_type = django_filters.ChoiceFilter(
        label=_("Applicant"),
        choices=InformationRequest._meta.get_field("applicant_type").choices,
        empty_label=_("All"),
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), choices=Outcome.choices, empty_label=_("All")
    )
    assigned_to = django_filters.ModelChoiceFilter(
        label=_("Handled by"), queryset=_handlers, empty_label=_("All")
    )

    class Meta:
        model = InformationRequest
        fields = []

    def filter_due(self, queryset, name, value):
        today = clock.today()
        open_requests = queryset.exclude(status=Status.REPLIED)
        if value == "overdue":
            return open_requests.filter(due_on__lt=today)
        if value == "this_week":
            return open_requests.filter(
                due_on__lte=today + datetime.timedelta(days=6 - today.weekday())
            )
        return queryset


class DaysLeftColumn(Column):
    """Working days left until the reply is due; overdue requests stand out."""

    cell_template_name = "gov_disclosure_applications/admin/days_left_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        calendar = parent_context.setdefault("_gd_calendar", WorkdayCalendar())
        left = clock.days_left(instance, calendar=calendar)
        context.update(days_left=left, overdue=left is not None and left < 0)
        if left is not None and left < 0:
            context["days_late"] = -left
        return context


class RequestIndexView(generic.IndexView):
    default_ordering = "due_on"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assigned_to")

    def order_queryset(self, queryset):
        if self.ordering == "due_on":
            # What is most urgent first: open requests by due date, those awaiting
            # confirmation or clarification next, replied ones last.
            return queryset.order_by(
                Case(
                    When(status=Status.REPLIED, then=Value(2)),
                    When(due_on=None, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
                F("due_on").asc(nulls_last=True),
                "-submitted_at",
                "-pk",
            )
        return super().order_queryset(queryset)


class RequestCreateView(generic.CreateView):
    """The office records a request received in person, by post or by fax (or an online request
    that came some other way); it gets its tracking number and a status secret."""

    def get_initial(self):
        return {**super().get_initial(), "channel": Channel.IN_PERSON}

    def save_instance(self):
        instance = self.form.instance
        if instance.received_on:
            # Entered after the fact: the request was made on the day it was received.
            instance.submitted_at = min(
                instance.submitted_at,
                timezone.make_aware(
                    datetime.datetime.combine(instance.received_on, datetime.time(9))
                ),
            )
        self._secret = instance.set_secret()
        year = (instance.received_on or clock.today()).year
        for attempt in range(5):
            instance.tracking_number = InformationRequest.next_tracking_number(year)
            try:
                with transaction.atomic():
                    return super().save_instance()
            except IntegrityError:  # the number was drawn at the same moment elsewhere
                if attempt == 4:
                    raise
                instance.pk = None
        return instance

    def get_success_message(self, instance):
        return gettext(
            "Request %(number)s recorded. Give the applicant the tracking number and this "
            "status secret, which is shown only now: %(secret)s"
        ) % {"number": instance.tracking_number, "secret": self._secret}


class RequestInspectView(generic.InspectView):
    template_name = "gov_disclosure_applications/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request_obj = self.object
        calendar = WorkdayCalendar()
        state = clock.compute(request_obj, calendar=calendar)
        days_left = clock.days_left(request_obj, calendar=calendar)
        context.update(
            clock_state=state,
            days_left=days_left,
            days_late=-days_left if days_left is not None and days_left < 0 else 0,
            receipt_rule=RECEIPT_RULE.get(request_obj.channel),
            clarification_late=bool(
                request_obj.clarification_sent_on
                and state.clarification_due_on
                and request_obj.clarification_sent_on > state.clarification_due_on
            ),
            replied_late=bool(
                request_obj.reply_sent_on
                and request_obj.due_on
                and request_obj.reply_sent_on > request_obj.due_on
            ),
            files=list(request_obj.files.all()),
            consultations=list(request_obj.consultations.all()),
            changes=request_changes(request_obj),
            letter_urls={
                "docx": reverse(f"{REQUESTS_VIEWSET}:letter_docx", args=[request_obj.pk]),
                "pdf": reverse(f"{REQUESTS_VIEWSET}:letter_pdf", args=[request_obj.pk]),
            }
            if request_obj.outcome
            else None,
            new_secret_url=reverse(f"{REQUESTS_VIEWSET}:new_secret", args=[request_obj.pk]),
            can_change=POLICY.user_has_permission(self.request.user, "change"),
        )
        return context


# The reasons the product stores with a change (in English, as data), shown translated.
CHANGE_REASONS = {
    "submitted online": _("submitted online"),
    "new status secret": _("new status secret issued"),
    "working-day calendar changed": _("due date recomputed: the working-day calendar changed"),
}


def _change_display(change):
    """One changed field as {label, old, new}; the values of relations are not shown."""
    field = InformationRequest._meta.get_field(change.field)
    if field.is_relation:
        return {"label": field.verbose_name, "old": None, "new": None}
    choices = dict(field.flatchoices) if field.choices else {}

    def show(value):
        if value in (None, ""):
            return "—"
        return str(choices.get(value, value))

    return {"label": field.verbose_name, "old": show(change.old), "new": show(change.new)}


def request_changes(request_obj, limit=50):
    """The request's history, newest first: who changed what, when (django-simple-history)."""
    records = list(
        request_obj.history.select_related("history_user").order_by("-history_date", "-pk")[
            : limit + 1
        ]
    )
    hidden = {"status", "due_on", "clarification_due_on", "fee_yuan"}
    changes = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        if len(changes) == limit:
            break
        if older is None:
            fields = []
        else:
            delta = newer.diff_against(older)
            fields = [
                _change_display(change) for change in delta.changes if change.field not in hidden
            ]
        changes.append(
            {
                "when": newer.history_date,
                "who": newer.history_user,
                "kind": newer.get_history_type_display(),
                "fields": fields,
                "reason": CHANGE_REASONS.get(
                    newer.history_change_reason, newer.history_change_reason
                ),
            }
        )
    return changes


def _panels():
    return TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("channel"), FieldPanel("received_on")]),
                            FieldPanel("agency"),
                        ],
                        heading=_("Receipt"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("applicant_type"), FieldPanel("organisation_category")]
                            ),
                            FieldPanel("name"),
                            FieldRowPanel([FieldPanel("id_type"), FieldPanel("id_number")]),
                            FieldRowPanel(
                                [
                                    FieldPanel("organisation_code"),
                                    FieldPanel("legal_representative"),
                                    FieldPanel("contact_person"),
                                ]
                            ),
                            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                            FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                        ],
                        heading=_("Applicant"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("description"),
                            FieldPanel("purpose"),
                            FieldRowPanel([FieldPanel("information_form"), FieldPanel("delivery")]),
                        ],
                        heading=_("Information requested"),
                    ),
                ],
                heading=_("Request"),
            ),
            ObjectList(
                [
                    FieldPanel("assigned_to"),
                    FieldPanel("notes"),
                    MultiFieldPanel(
                        [
                            FieldPanel("clarification_sent_on"),
                            FieldPanel("clarification_content"),
                            FieldPanel("clarified_on"),
                        ],
                        heading=_("Clarification (补正)"),
                    ),
                    InlinePanel(
                        "consultations",
                        heading=_("Consultations"),
                        label=_("Consultation"),
                        help_text=_(
                            "The time a third party or another agency takes to answer does not "
                            "count towards the time limit (at most 15 working days for a third "
                            "party)."
                        ),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("extension_days"),
                                    FieldPanel("extension_approved_on"),
                                    FieldPanel("extension_approved_by"),
                                ]
                            ),
                            FieldPanel("extension_reason"),
                        ],
                        heading=_("Extension"),
                    ),
                ],
                heading=_("Handling"),
            ),
            ObjectList(
                [
                    FieldPanel("outcome"),
                    FieldPanel("legal_basis"),
                    FieldPanel("reply_text"),
                    FieldPanel("reply_sent_on"),
                    FieldPanel("published_page"),
                    InlinePanel("files", heading=_("Files"), label=_("File")),
                ],
                heading=_("Reply"),
            ),
            ObjectList(
                [
                    FieldPanel("fee_yuan", read_only=True),
                    FieldRowPanel([FieldPanel("fee_waived"), FieldPanel("fee_waiver_reason")]),
                    FieldRowPanel([FieldPanel("fee_notice_sent_on"), FieldPanel("fee_paid_on")]),
                ],
                heading=_("Fee"),
            ),
        ]
    )


class InformationRequestViewSet(ModelViewSet):
    model = InformationRequest
    icon = "mail"
    menu_label = _("Requests for disclosure")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = RequestIndexView
    add_view_class = RequestCreateView
    inspect_view_class = RequestInspectView
    inspect_view_enabled = True
    filterset_class = RequestFilterSet
    search_fields = ["tracking_number", "name", "description"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_fields = [
        "tracking_number",
        "channel",
        "submitted_at",
        "received_on",
        *ApplicationForm.Meta.fields,
        "assigned_to",
        "status",
        "notes",
        "outcome",
        "reply_text",
        "reply_sent_on",
        "published_page",
        "fee_yuan",
        "fee_waived",
        "fee_paid_on",
    ]
    list_export = [
        "tracking_number",
        "channel_label",
        "received_on",
        "report_column_label",
        "name",
        "status_label",
        "due_on",
        "outcome_label",
        "reply_sent_on",
        "fee_yuan",
    ]
    export_filename = "requests-for-disclosure"

    @cached_property
    def export_headings(self):
        return {
            "channel_label": gettext("Received by"),
            "report_column_label": gettext("Applicant"),
            "status_label": gettext("Status"),
            "outcome_label": gettext("Outcome"),
        }

    @cached_property
    def list_display(self):
        # Urgency right after the number, so that it shows first on a phone's narrow screen.
        return [
            "tracking_number",
            DaysLeftColumn("days_left", label=_("Working days left"), classname=NOWRAP),
            Column("status", label=_("Status"), accessor="get_status_display", classname=NOWRAP),
            "name",
            Column("received_on", label=_("Date of receipt"), classname=NOWRAP),
            Column("due_on", label=_("Reply due"), classname=NOWRAP, sort_key="due_on"),
            Column("assigned_to", label=_("Handled by")),
        ]

    def get_edit_handler(self):
        return _panels().bind_to_model(InformationRequest)

    def get_urlpatterns(self):
        from .letters import letter_docx, letter_pdf

        return super().get_urlpatterns() + [
            path("<int:pk>/letter.docx", letter_docx, name="letter_docx"),
            path("<int:pk>/letter.pdf", letter_pdf, name="letter_pdf"),
            path("<int:pk>/files/<int:file_pk>/", request_file, name="file"),
            path("<int:pk>/new-secret/", new_secret, name="new_secret"),
        ]


def request_file(request, pk, file_pk):
    """A file kept with a request, as a download (never shown inline)."""
    if not can_see_requests(request.user):
        return permission_denied(request)
    kept = get_object_or_404(RequestFile, pk=file_pk, request_id=pk)
    if not kept.file:
        raise Http404
    name = kept.file.name.rsplit("/", 1)[-1]
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    title = kept.title or name
    if suffix and not title.lower().endswith("." + suffix):
        title = f"{title}.{suffix}"
    response = FileResponse(kept.file.open("rb"), as_attachment=True, filename=title)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def new_secret(request, pk):
    """Give a request a new status secret (the applicant lost theirs); the old one stops working."""
    if not POLICY.user_has_permission(request.user, "change"):
        return permission_denied(request)
    request_obj = get_object_or_404(InformationRequest, pk=pk)
    inspect_url = reverse(f"{REQUESTS_VIEWSET}:inspect", args=[pk])
    if request.method != "POST":
        return redirect(inspect_url)
    secret = request_obj.set_secret()
    request_obj._change_reason = "new status secret"
    request_obj.save(update_fields=["secret_hash"])
    messages.success(
        request,
        gettext(
            "New status secret of %(number)s, shown only now: %(secret)s. The old one no longer "
            "works."
        )
        % {"number": request_obj.tracking_number, "secret": secret},
    )
    return redirect(inspect_url)


# Dashboard panel ---------------------------------------------------------------------------------


class DueThisWeekPanel(Component):
    """Requests overdue or due by the end of this week, and clarifications due."""

    name = "gov_disclosure_requests_due"
    order = 140
    template_name = "gov_disclosure_applications/admin/due_panel.html"

    def get_context_data(self, parent_context=None):
        today = clock.today()
        week_end = today + datetime.timedelta(days=6 - today.weekday())
        calendar = WorkdayCalendar()
        open_requests = InformationRequest.objects.exclude(status=Status.REPLIED)
        due = list(
            open_requests.filter(due_on__lte=week_end)
            .select_related("assigned_to")
            .order_by("due_on", "pk")[:50]
        )
        unconfirmed = open_requests.filter(status=Status.SUBMITTED).count()
        for item in due:
            item.days_left = clock.days_left(item, calendar=calendar, on=today)
            item.days_late = -item.days_left if item.days_left is not None else 0
        return {
            "due": due,
            "week_end": week_end,
            "unconfirmed": unconfirmed,
            "list_url": reverse(f"{REQUESTS_VIEWSET}:index"),
            "unconfirmed_url": reverse(f"{REQUESTS_VIEWSET}:index") + "?status=submitted",
            "edit_url_name": f"{REQUESTS_VIEWSET}:edit",
        }


def add_due_panel(request, panels):
    if can_see_requests(request.user):
        panels.append(DueThisWeekPanel())


# Table 3 statistics ------------------------------------------------------------------------------


class StatisticsForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()
        self.fields["agency"].queryset = Agency.objects.order_by("sort_order", "name")


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """申请办理情况统计: Table 3 of the annual report from the records, for a year."""

    template_name = "gov_disclosure_applications/admin/statistics.html"
    page_title = _("Requests for disclosure: statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_requests(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = StatisticsForm(self.request.GET or None)
        year, agency = clock.today().year, None
        if form.is_bound and form.is_valid():
            year, agency = form.cleaned_data["year"], form.cleaned_data["agency"]
        elif not form.is_bound:
            form = StatisticsForm(initial={"year": year})
        figures = statistics.request_statistics(year, agency=agency)
        context.update(form=form, year=year, agency=agency, table=statistics_table(figures))
        return context


def statistics_table(figures):
    """Rows of Table 3 as (label, [cells…], total, level) for the template."""
    columns = statistics.COLUMNS

    def row(label, values, level=0):
        cells = [values[c] for c in columns]
        return {"label": label, "cells": cells, "total": sum(cells), "level": level}

    rows = [
        row(_("1. New requests this year"), figures.new),
        row(_("2. Carried over from last year"), figures.carried_over),
        {"label": _("3. Results of handling this year"), "heading": True},
    ]
    for group in GROUPS:
        rows.append(row(group.label, figures.group(group), level=1))
        if len(group.outcomes) > 1:
            for number, code in enumerate(group.outcomes, start=1):
                label = f"{number}. {reason_label(code)}"
                rows.append(row(label, figures.outcome(code), level=2))
    rows.append(row(_("(7) Total handled"), figures.handled, level=1))
    rows.append(row(_("4. Carried forward to next year"), figures.carried_forward))
    return {
        "headers": [statistics.COLUMN_LABELS[c] for c in columns],
        "rows": rows,
    }


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_requests(request.user)


def statistics_menu_item():
    return StatisticsMenuItem(
        _("Requests for disclosure: statistics"),
        reverse("gov_disclosure_applications:statistics"),
        name="gov-disclosure-request-statistics",
        icon_name="table",
        order=1340,
    )


admin_urlpatterns = [
    path("statistics/", StatisticsView.as_view(), name="statistics"),
]
