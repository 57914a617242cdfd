"""Admin screens of the documents app: validity changes, clean-up batches and two reports.

Registered in ``wagtail_hooks.py``. The changes themselves are made by ``services`` and
``cleanup``; these views check permissions, show forms and report the outcome.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gov_disclosure.views import PageReportMenuItem

from . import reports, services
from .admin_forms import (
    ChangeValidityForm,
    ConfirmCleanupForm,
    DocumentReportFilterSet,
    ValidityChangeFilterSet,
    allowed_validities,
)
from .app_settings import app_settings
from .cleanup import CleanupError, confirm_batch, default_parent_page
from .models import CleanupBatch, CleanupDecision, DocumentPage, Validity, ValidityChange

TEMPLATES = "gov_disclosure_documents/admin/"
NOWRAP = "w-whitespace-nowrap"


def _user_name(user, blank="—"):
    if user is None:
        return blank
    return user.get_full_name().strip() or user.get_username()


def validity_history(document):
    """The document's validity changes, newest first, with who made them and what replaced it."""
    return (
        ValidityChange.objects.filter(document_id=document.pk)
        .select_related("replaced_by", "created_by")
        .order_by("-changed_on", "-pk")
    )


def user_can_change_validity(user, page) -> bool:
    """Changing a document's validity is for those who may publish it."""
    return page.permissions_for_user(user).can_publish()


# Changing the validity of one document ------------------------------------------------------


class ChangeValidityView(WagtailAdminTemplateMixin, FormView):
    """更改有效性: move a document to another validity, with the date, reason and replacement."""

    template_name = TEMPLATES + "change_validity.html"
    form_class = ChangeValidityForm
    header_icon = "calendar-check"
    page_title = _("Change validity")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(DocumentPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        if not user_can_change_validity(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.get_admin_display_title()

    def get_breadcrumbs_items(self):
        page_items = get_breadcrumbs_items_for_page(self.object, self.request.user)
        return page_items + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        ]

    @cached_property
    def never_published(self):
        # The lifecycle starts at first publication (services.record_first_publication).
        return self.object.first_published_at is None and not self.object.validity_changes.exists()

    @cached_property
    def can_change(self):
        return not self.never_published and bool(allowed_validities(self.object))

    def get_form(self, form_class=None):
        if not self.can_change:
            return None
        return super().get_form(form_class)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "document": self.object}

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            messages.error(request, self.final_message)
            return redirect(self.request.path)
        return super().post(request, *args, **kwargs)

    @property
    def final_message(self):
        if self.never_published:
            return gettext("A document gets its first validity when it is published.")
        return gettext("This document is “%(validity)s”; its validity can no longer change.") % {
            "validity": self.object.get_validity_display()
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.change_validity(
                self.object,
                data["to_validity"],
                changed_on=data["changed_on"],
                reason=data["reason"],
                replaced_by=data["replaced_by"],
                source=ValidityChange.Source.MANUAL,
                user=self.request.user,
            )
        except ValidationError as error:
            # Someone else changed it meanwhile, or the lifecycle refuses: nothing was saved.
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("“%(title)s” is now “%(validity)s”.")
            % {
                "title": self.object.get_admin_display_title(),
                "validity": Validity(data["to_validity"]).label,
            },
        )
        return redirect(self.request.path)

    def form_invalid(self, form):
        messages.validation_error(
            self.request, gettext("The validity was not changed because of errors."), form
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.object,
            history=list(validity_history(self.object)),
            final_message=None if self.can_change else self.final_message,
            action_url=self.request.path,
            submit_button_label=gettext("Change validity"),
            submit_button_active_label=gettext("Saving…"),
            media=context["form"].media if context.get("form") else None,
        )
        return context


class ChangeValidityButton(PageMenuItem):
    label = _("Change validity")
    icon_name = "calendar-check"
    url_name = "gov_disclosure_documents:change_validity"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, DocumentPage)
            and user_can_change_validity(user, self.page)
        )


def page_header_buttons(page, user, view_name, next_url=None):
    yield ChangeValidityButton(page=page, priority=66)


def page_listing_more_buttons(page, user, next_url=None):
    yield ChangeValidityButton(page=page, priority=45)


# All validity changes (read-only) -----------------------------------------------------------


class ValidityChangeViewSet(ModelViewSet):
    """Every recorded validity change, for review and export; rows are never edited here."""

    model = ValidityChange
    name = "gov_disclosure_validity_changes"
    icon = "history"
    menu_label = _("Validity changes")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "document",
        "from_validity",
        "to_validity",
        "changed_on",
        "reason",
        "replaced_by",
        "source",
        "created_at",
        "created_by",
    ]
    list_display = [
        "document",
        "from_validity",
        "to_validity",
        Column("changed_on", label=_("In force from"), sort_key="changed_on", classname=NOWRAP),
        Column("source", label=_("Source"), accessor="get_source_display", classname=NOWRAP),
        "replaced_by",
        Column(
            "created_by",
            label=_("Recorded by"),
            accessor=lambda change: _user_name(change.created_by, gettext("System")),
            classname=NOWRAP,
        ),
    ]
    filterset_class = ValidityChangeFilterSet
    search_fields = ["document__title", "document__document_number", "reason"]
    search_backend_name = None
    ordering = ["-changed_on", "-pk"]
    list_per_page = 50
    list_export = [
        "document",
        "document.document_number",
        "get_from_validity_display",
        "get_to_validity_display",
        "changed_on",
        "reason",
        "replaced_by",
        "get_source_display",
        "created_by",
        "created_at",
    ]
    export_headings = {
        "document": _("Policy document"),
        "document.document_number": _("Document number"),
        "get_from_validity_display": _("Previous validity"),
        "get_to_validity_display": _("New validity"),
        "changed_on": _("In force from"),
        "reason": _("Reason"),
        "replaced_by": _("Replaced by"),
        "get_source_display": _("Source"),
        "created_by": _("Recorded by"),
        "created_at": _("Recorded at"),
    }
    export_filename = "validity-changes"

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=ValidityChange.objects.select_related("document", "replaced_by", "created_by"),
            **kwargs,
        )

    def get_common_view_kwargs(self, **kwargs):
        # Read-only: no add, edit, delete, history or usage screens.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_validitychange")

    def register_admin_url_finder(self):
        pass  # nothing to edit


# Clean-up batches (清理) --------------------------------------------------------------------


def user_can_confirm(user) -> bool:
    """Whether to offer confirmation; the confirm view checks the pages themselves."""
    return ModelPermissionPolicy(CleanupBatch).user_has_permission(
        user, "change"
    ) and page_permission_policy.user_has_permission(user, "publish")


class CleanupBatchIndexView(SnippetIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("confirmed_by", "result_page")
            .annotate(decision_count=Count("decisions"))
        )

    def get_edit_url(self, instance):
        if instance.is_confirmed:
            return None  # the title links to the read-only view instead
        return super().get_edit_url(instance)

    def get_inspect_url(self, instance):
        return reverse(CleanupBatch.snippet_viewset.get_url_name("confirm"), args=[instance.pk])

    def get_delete_url(self, instance):
        if instance.is_confirmed:
            return None
        return super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_confirmed and user_can_confirm(self.request.user):
            buttons.append(
                Button(
                    _("Confirm and publish"),
                    url=self.get_inspect_url(instance),
                    icon_name="check",
                    priority=5,
                )
            )
        return buttons


class CleanupStatusColumn(StatusTagColumn):
    def __init__(self, **kwargs):
        super().__init__(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda batch: batch.is_confirmed,
            **kwargs,
        )


class ConfirmCleanupView(WagtailAdminTemplateMixin, FormView):
    """确认并发布: apply the batch's decisions at once and publish the result page.

    A confirmed batch is shown read-only, with who confirmed it and its result page.
    """

    template_name = TEMPLATES + "confirm_cleanup.html"
    form_class = ConfirmCleanupForm
    header_icon = "clipboard-list"
    page_title = _("Confirm clean-up")
    index_url_name = None
    edit_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            CleanupBatch.objects.select_related("confirmed_by", "result_page"), pk=kwargs["pk"]
        )
        self.permission_policy = ModelPermissionPolicy(CleanupBatch)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(
            request.user, ["add", "change", "delete", "view"]
        ):
            raise PermissionDenied
        if request.method == "POST" and not user_can_confirm(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.object.is_confirmed:
            return gettext("Confirmed clean-up")
        return super().get_page_title()

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": CleanupBatch._meta.verbose_name_plural,
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def decisions(self):
        return list(
            self.object.decisions.select_related("document", "document__agency").order_by(
                "sort_order", "pk"
            )
        )

    @cached_property
    def can_confirm(self):
        return not self.object.is_confirmed and user_can_confirm(self.request.user)

    def get_form(self, form_class=None):
        if not self.can_confirm:
            return None
        return super().get_form(form_class)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"library": default_parent_page(self.object)}

    def post(self, request, *args, **kwargs):
        if self.object.is_confirmed:
            messages.error(request, gettext("This clean-up batch has already been confirmed."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        library = form.cleaned_data["library"]
        problems = [
            gettext("You may not change the validity of “%(title)s”.")
            % {"title": decision.document.title}
            for decision in self.decisions
            if decision.decision != CleanupDecision.Decision.CONTINUE
            and not user_can_change_validity(self.request.user, decision.document)
        ]
        if not problems:
            try:
                page = confirm_batch(self.object, self.request.user, library)
            except CleanupError as error:
                problems = error.messages
        if problems:
            self.problems = problems
            messages.error(
                self.request,
                gettext("The clean-up was not confirmed; nothing has been changed."),
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("Clean-up “%(title)s” confirmed; its result has been published.")
            % {"title": self.object.title},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    gettext("Edit the result page"),
                )
            ],
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict.fromkeys(CleanupDecision.Decision.values, 0)
        for decision in self.decisions:
            counts[decision.decision] += 1
        context.update(
            batch=self.object,
            decisions=self.decisions,
            decision_counts=[
                (label, counts[value]) for value, label in CleanupDecision.Decision.choices
            ],
            problems=getattr(self, "problems", []),
            confirmed_by_name=_user_name(self.object.confirmed_by),
            can_confirm=self.can_confirm,
            cannot_confirm_message=(
                gettext(
                    "Confirming a clean-up needs permission to edit clean-up batches and to "
                    "publish pages."
                )
                if not self.object.is_confirmed and not self.can_confirm
                else None
            ),
            edit_url=(
                None
                if self.object.is_confirmed
                else reverse(
                    CleanupBatch.snippet_viewset.get_url_name("edit"), args=[self.object.pk]
                )
            ),
            action_url=self.request.path,
            submit_button_label=gettext("Confirm and publish"),
            submit_button_active_label=gettext("Confirming…"),
            media=context["form"].media if context.get("form") else None,
        )
        return context


class CleanupBatchViewSet(SnippetViewSet):
    model = CleanupBatch
    icon = "clipboard-list"
    menu_label = _("Clean-up batches")
    index_view_class = CleanupBatchIndexView
    copy_view_enabled = False
    list_display = [
        "title",
        "review_date",
        CleanupStatusColumn(),
        Column("decision_count", label=_("Decisions"), sort_key="decision_count"),
        Column(
            "confirmed_by",
            label=_("Confirmed by"),
            accessor=lambda batch: _user_name(batch.confirmed_by, ""),
        ),
        Column("confirmed_at", label=_("Confirmed at"), sort_key="confirmed_at", classname=NOWRAP),
    ]
    list_filter = ["status"]
    search_fields = ["title", "basis"]
    ordering = ["-review_date", "-pk"]

    def get_permissions_to_register(self):
        # "view" too (Wagtail registers it only with an inspect view): reviewers may follow
        # a clean-up without editing it, and administrators should see that in the group form.
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(self.model))

    @property
    def confirm_view(self):
        return self.construct_view(ConfirmCleanupView, index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("confirm/<int:pk>/", self.confirm_view, name="confirm")
        ]


def refuse_confirmed_batch_edit(request, instance):
    """``before_edit_snippet``: a confirmed batch is the record of a decision; keep it."""
    if isinstance(instance, CleanupBatch) and instance.is_confirmed:
        messages.error(request, gettext("A confirmed clean-up batch cannot be changed."))
        return redirect(CleanupBatch.snippet_viewset.get_url_name("confirm"), instance.pk)
    return None


def refuse_confirmed_batch_delete(request, instances):
    """``before_delete_snippet``, for single and bulk deletion."""
    if any(isinstance(i, CleanupBatch) and i.is_confirmed for i in instances):
        messages.error(request, gettext("A confirmed clean-up batch cannot be deleted."))
        return redirect(CleanupBatch.snippet_viewset.get_url_name("list"))
    return None


class PolicyDocumentsGroup(SnippetViewSetGroup):
    """The "Policy documents" (政策文件) admin menu."""

    items = (CleanupBatchViewSet, ValidityChangeViewSet)
    menu_icon = "doc-full"
    menu_label = _("Policy documents")
    menu_name = "gov_disclosure_documents"
    menu_order = 260


def register_log_actions(actions):
    from .cleanup import CONFIRM_ACTION

    actions.register_action(
        CONFIRM_ACTION, _("Confirm clean-up"), _("Clean-up confirmed and result published")
    )


# Reports ------------------------------------------------------------------------------------


def _edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row.document.pk])


class DocumentRowsPaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s document", "%(count)s documents", self.count) % {
            "count": self.count
        }


class DocumentReportView(ReportView):
    """Common ground of the two document reports: filters, permissions, rows from ``reports``."""

    paginator_class = DocumentRowsPaginator
    filterset_class = DocumentReportFilterSet
    any_permission_required = ["add", "change", "publish"]
    permission_policy = page_permission_policy
    paginate_by = 50
    header_icon = "doc-full"

    def get_queryset(self):
        return self.candidates(reports.report_documents()).order_by("-published_on", "-pk")

    def get_filtered_queryset(self):
        return self.rows(self.filter_queryset(self.get_queryset()))

    def get_filename(self):
        return f"{self.export_filename}-{services.today():%Y-%m-%d}"


def _document_columns():
    """The columns every document report starts with: title, document number, agency."""
    return [
        TitleColumn("title", label=_("Title"), accessor="document.title", get_url=_edit_url),
        Column(
            "document_number",
            label=_("Document number"),
            accessor="document.document_number",
            classname=NOWRAP,
        ),
        Column("agency", label=_("Issuing agency"), accessor="agency_name"),
    ]


class InterpretationReportView(DocumentReportView):
    """政策解读情况: documents with no interpretation, or one published too late."""

    page_title = _("Interpretation timeliness")
    index_url_name = "gov_disclosure_documents:interpretation_report"
    index_results_url_name = "gov_disclosure_documents:interpretation_report_results"
    export_filename = "interpretation-report"
    list_export = [
        "document.title",
        "document.document_number",
        "agency_name",
        "published_on",
        "interpreted_on",
        "workdays",
        "workdays_late",
        "status_label",
    ]

    @cached_property
    def export_headings(self):
        return {
            "document.title": gettext("Title"),
            "document.document_number": gettext("Document number"),
            "agency_name": gettext("Issuing agency"),
            "published_on": gettext("Publication date"),
            "interpreted_on": gettext("Interpretation date"),
            "workdays": gettext("Working days after publication"),
            "workdays_late": gettext("Working days late"),
            "status_label": gettext("Status"),
        }

    @cached_property
    def page_subtitle(self):
        return gettext("limit: %(days)s working days") % {"days": app_settings.INTERPRETATION_DAYS}

    def candidates(self, queryset):
        return reports.interpretation_candidates(queryset)

    def rows(self, documents):
        return reports.interpretation_rows(documents)

    @cached_property
    def columns(self):
        return _document_columns() + [
            Column(
                "published_on",
                label=_("Publication date"),
                accessor="published_on",
                classname=NOWRAP,
            ),
            Column(
                "interpreted_on",
                label=_("Interpretation date"),
                accessor=lambda row: row.interpreted_on or gettext("No interpretation"),
                classname=NOWRAP,
            ),
            Column(
                "workdays",
                label=_("Working days after publication"),
                accessor="workdays",
                classname=NOWRAP,
            ),
            Column(
                "workdays_late",
                label=_("Working days late"),
                accessor="workdays_late",
                classname=NOWRAP,
            ),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("Every public document has an interpretation published in time.")


class TimelinessReportView(DocumentReportView):
    """公开时效: documents published more working days after they were written than allowed."""

    page_title = _("Publication timeliness")
    index_url_name = "gov_disclosure_documents:timeliness_report"
    index_results_url_name = "gov_disclosure_documents:timeliness_report_results"
    export_filename = "timeliness-report"
    list_export = [
        "document.title",
        "document.document_number",
        "agency_name",
        "date_written",
        "published_on",
        "workdays",
        "workdays_late",
    ]

    @cached_property
    def export_headings(self):
        return {
            "document.title": gettext("Title"),
            "document.document_number": gettext("Document number"),
            "agency_name": gettext("Issuing agency"),
            "date_written": gettext("Date written"),
            "published_on": gettext("Publication date"),
            "workdays": gettext("Working days from writing to publication"),
            "workdays_late": gettext("Working days late"),
        }

    @cached_property
    def page_subtitle(self):
        return gettext("limit: %(days)s working days") % {"days": app_settings.PUBLICATION_DAYS}

    def candidates(self, queryset):
        return reports.timeliness_candidates(queryset)

    def rows(self, documents):
        return reports.timeliness_rows(documents)

    @cached_property
    def columns(self):
        return _document_columns() + [
            Column(
                "date_written", label=_("Date written"), accessor="date_written", classname=NOWRAP
            ),
            Column(
                "published_on",
                label=_("Publication date"),
                accessor="published_on",
                classname=NOWRAP,
            ),
            Column(
                "workdays",
                label=_("Working days from writing to publication"),
                accessor="workdays",
                classname=NOWRAP,
            ),
            Column(
                "workdays_late",
                label=_("Working days late"),
                accessor="workdays_late",
                classname=NOWRAP,
            ),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("Every public document was published in time.")


def interpretation_report_menu_item():
    return PageReportMenuItem(
        _("Interpretation timeliness"),
        reverse("gov_disclosure_documents:interpretation_report"),
        name="gov-disclosure-interpretation-report",
        icon_name="doc-full",
        order=1300,
    )


def timeliness_report_menu_item():
    return PageReportMenuItem(
        _("Publication timeliness"),
        reverse("gov_disclosure_documents:timeliness_report"),
        name="gov-disclosure-timeliness-report",
        icon_name="time",
        order=1310,
    )


# URLs ----------------------------------------------------------------------------

admin_urlpatterns = [
    path("<int:page_id>/validity/", ChangeValidityView.as_view(), name="change_validity"),
    path(
        "reports/interpretation/",
        InterpretationReportView.as_view(),
        name="interpretation_report",
    ),
    path(
        "reports/interpretation/results/",
        InterpretationReportView.as_view(results_only=True),
        name="interpretation_report_results",
    ),
    path("reports/timeliness/", TimelinessReportView.as_view(), name="timeliness_report"),
    path(
        "reports/timeliness/results/",
        TimelinessReportView.as_view(results_only=True),
        name="timeliness_report_results",
    ),
]
