"""The coverage report of the standard catalogue (标准目录覆盖检查).

One row per problem found on an item of a visible domain: nothing public under it, nothing
recent enough for an item renewed on a schedule, or a broken link (a deleted page, a page the
public cannot see, an outside address that failed its last check by
``manage.py gov_disclosure_check_links``). The rows are built in a fixed number of queries
whatever the number of items; ``wagtail_hooks.py`` registers the URLs and the menu item.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import django_filters
from django.contrib.admin.utils import quote
from django.db.models import BooleanField, Case, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from gov_disclosure.models import hidden_sections_q
from gov_disclosure.registry import registry

from .content import PROBLEM_LABELS, is_stale, item_contents
from .models import Catalogue, CatalogueItem, StandardDomain

NOWRAP = "w-whitespace-nowrap"

EMPTY, STALE = "empty", "stale"
PROBLEM_CHOICES = [
    (EMPTY, _("Empty item")),
    (STALE, _("Stale item")),
    ("deleted", PROBLEM_LABELS["deleted"]),
    ("not_public", PROBLEM_LABELS["not_public"]),
    ("unreachable", PROBLEM_LABELS["unreachable"]),
]
BROKEN = {"deleted", "not_public", "unreachable"}

item_permission_policy = ModelPermissionPolicy(CatalogueItem)


@dataclass
class Finding:
    """One row of the report: a problem of one item."""

    item: CatalogueItem
    problem: str
    problem_label: str
    detail: str
    latest: datetime.date | None

    @property
    def catalogue_name(self):
        return self.item.catalogue.name

    @property
    def domain_name(self):
        return self.item.domain.name

    @property
    def item_title(self):
        return str(self.item)


@dataclass
class Summary:
    items: int = 0
    empty: int = 0
    stale: int = 0
    broken: int = 0

    def __str__(self):
        return gettext(
            "%(items)s items checked: %(empty)s empty, %(stale)s stale, %(broken)s broken links."
        ) % {"items": self.items, "empty": self.empty, "stale": self.stale, "broken": self.broken}


def report_items():
    """The items the report looks at: those of visible domains, in catalogue order."""
    return CatalogueItem.objects.filter(domain__hidden=False).select_related("catalogue", "domain")


def _not_public_reasons(page_ids, private_q):
    """Why each of these existing pages is not public, in two queries."""
    if not page_ids:
        return {}
    pages = Page.objects.filter(pk__in=page_ids).annotate(
        restricted=Case(
            When(private_q, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )
    states = {
        pk: (live, restricted)
        for pk, live, restricted in pages.values_list("pk", "live", "restricted")
    }
    disclosed = set(
        registry.exclude_undisclosed(Page.objects.filter(pk__in=page_ids)).values_list(
            "pk", flat=True
        )
    )
    reasons = {}
    for pk, (live, restricted) in states.items():
        if not live:
            reasons[pk] = gettext("not published")
        elif restricted:
            reasons[pk] = gettext("private (password, login or group restriction)")
        elif pk not in disclosed:
            reasons[pk] = gettext("not proactively disclosed")
    return reasons


def coverage_findings(items, *, request=None, today=None):
    """``(findings, summary)`` for ``items`` (catalogue items with catalogue and domain loaded)."""
    items = list(items)
    today = today or timezone.localdate()
    private_q = hidden_sections_q()
    # One entry per item is enough: counts and latest dates cover all the content.
    contents = item_contents(
        items,
        request=request,
        limit=1,
        with_problems=True,
        private_q=private_q,
        with_urls=False,  # the report links to the items, not to their content
    )
    reasons = _not_public_reasons(
        {
            problem.page_id
            for content in contents.values()
            for problem in content.problems
            if problem.code == "not_public" and problem.page_id
        },
        private_q,
    )
    summary = Summary(items=len(items))
    findings = []
    for item in items:
        content = contents[item.pk]
        if content.is_empty:
            summary.empty += 1
            findings.append(
                Finding(
                    item,
                    EMPTY,
                    gettext("Empty item"),
                    gettext("Nothing public is attached to this item."),
                    None,
                )
            )
        elif is_stale(content, item, today):
            summary.stale += 1
            if content.latest:
                detail = gettext(
                    "Renewed every %(days)s days; the latest content is %(age)s days old."
                ) % {"days": item.update_interval_days, "age": (today - content.latest).days}
            else:
                detail = gettext("Renewed every %(days)s days; no content has a date.") % {
                    "days": item.update_interval_days
                }
            findings.append(Finding(item, STALE, gettext("Stale item"), detail, content.latest))
        for problem in content.problems:
            summary.broken += 1
            detail = problem.detail or gettext("(untitled)")
            reason = reasons.get(problem.page_id) if problem.code == "not_public" else None
            if reason:
                detail = gettext("%(title)s: %(reason)s") % {"title": detail, "reason": reason}
            findings.append(Finding(item, problem.code, str(problem.label), detail, content.latest))
    return findings, summary


# The admin view -----------------------------------------------------------------------------


class CoverageFilterSet(WagtailFilterSet):
    catalogue = django_filters.ModelChoiceFilter(
        label=_("Catalogue"),
        queryset=lambda request: Catalogue.objects.order_by("sort_order", "name"),
        empty_label=_("All"),
    )
    domain = django_filters.ModelChoiceFilter(
        label=_("Domain"),
        queryset=lambda request: StandardDomain.objects.filter(hidden=False),
        empty_label=_("All"),
    )
    problem = django_filters.ChoiceFilter(
        label=_("Problem"),
        choices=PROBLEM_CHOICES,
        empty_label=_("All"),
        method="keep_all",  # applied to the rows, see CoverageReportView
    )

    class Meta:
        model = CatalogueItem
        fields = ["catalogue", "domain"]

    def keep_all(self, queryset, name, value):
        return queryset


class FindingsPaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s problem", "%(count)s problems", self.count) % {
            "count": self.count
        }


def _edit_url(finding):
    return reverse(
        "wagtailsnippets_gov_disclosure_standards_catalogueitem:edit",
        args=[quote(finding.item.pk)],
    )


class CoverageReportView(ReportView):
    """标准目录覆盖检查: empty and stale items, broken links."""

    page_title = _("Coverage of the standard catalogue")
    header_icon = "list-ul"
    index_url_name = "gov_disclosure_standards:coverage_report"
    index_results_url_name = "gov_disclosure_standards:coverage_report_results"
    results_template_name = "gov_disclosure_standards/admin/coverage_report_results.html"
    export_filename = "catalogue-coverage-report"
    filterset_class = CoverageFilterSet
    paginator_class = FindingsPaginator
    paginate_by = 50
    permission_policy = item_permission_policy
    permission_required = "view"
    list_export = [
        "catalogue_name",
        "domain_name",
        "item_title",
        "problem_label",
        "detail",
        "latest",
    ]

    @cached_property
    def export_headings(self):
        return {
            "catalogue_name": gettext("Catalogue"),
            "domain_name": gettext("Domain"),
            "item_title": gettext("Catalogue item"),
            "problem_label": gettext("Problem"),
            "detail": gettext("Detail"),
            "latest": gettext("Latest content"),
        }

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return report_items()

    def get_filtered_queryset(self):
        findings, self.summary = coverage_findings(
            self.filter_queryset(self.get_queryset()), request=self.request
        )
        values = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        problem = values.get("problem")
        if problem:
            findings = [finding for finding in findings if finding.problem == problem]
        return findings

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary
        return context

    @cached_property
    def columns(self):
        return [
            Column("catalogue", label=_("Catalogue"), accessor="catalogue_name"),
            Column("domain", label=_("Domain"), accessor="domain_name", classname=NOWRAP),
            TitleColumn(
                "item", label=_("Catalogue item"), accessor="item_title", get_url=_edit_url
            ),
            Column("problem", label=_("Problem"), accessor="problem_label", classname=NOWRAP),
            Column("detail", label=_("Detail"), accessor="detail"),
            Column(
                "latest",
                label=_("Latest content"),
                accessor=lambda finding: finding.latest or "—",
                classname=NOWRAP,
            ),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("Every item has recent public content and no broken link.")


class CatalogueReportMenuItem(MenuItem):
    """A report in the Reports menu for those who may view catalogue items."""

    def is_shown(self, request):
        return item_permission_policy.user_has_permission(request.user, "view")


def coverage_report_menu_item():
    return CatalogueReportMenuItem(
        _("Coverage of the standard catalogue"),
        reverse("gov_disclosure_standards:coverage_report"),
        name="gov-disclosure-catalogue-coverage-report",
        icon_name="list-ul",
        order=1340,
    )


urlpatterns = [
    path("reports/coverage/", CoverageReportView.as_view(), name="coverage_report"),
    path(
        "reports/coverage/results/",
        CoverageReportView.as_view(results_only=True),
        name="coverage_report_results",
    ),
]
report_menu_items = [coverage_report_menu_item]
