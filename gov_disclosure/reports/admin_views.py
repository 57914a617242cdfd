"""Generating a report's figures again from the records (重新生成数据).

The new figures are saved as a new draft revision: the published report keeps its numbers (it
is frozen when published) until the draft is published. Cells editors enter are kept.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from . import figures, widgets
from .models import AnnualReportPage

MAX_LISTED = 30


def regenerate(page: AnnualReportPage, user=None):
    """Generate the figures of ``page``'s latest version again and save them as a new draft
    revision. Returns ``(revision or None, changes)``; nothing is saved when nothing changed
    (and the figures had been generated before)."""
    latest = page.get_latest_revision_as_object()
    before = latest.figures if isinstance(latest.figures, dict) else {}
    new = figures.generate(latest.year, latest.agency, previous=before)
    changes = widgets.in_layout_order(figures.differences(before, new))
    if not changes and latest.figures_generated_at is not None:
        return None, changes
    latest.figures = new
    latest.figures_generated_at = timezone.now()
    with transaction.atomic():
        if not page.live:
            # As the edit view does: the page row of a never-published page holds its draft.
            latest.save(clean=False)
        revision = latest.save_revision(user=user, log_action=True, clean=False)
    return revision, changes


class RegenerateFiguresView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what generating again would change, and the button. POST: do it, as a draft."""

    template_name = "gov_disclosure_reports/admin/regenerate.html"
    header_icon = "rotate"
    page_title = _("Regenerate the figures")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(AnnualReportPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        permissions = self.page.permissions_for_user(request.user)
        if not permissions.can_edit():
            # A plain 403: Wagtail would turn a PermissionDenied into a redirect.
            return defaults.permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return get_breadcrumbs_items_for_page(self.page, self.request.user) + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        ]

    def next_url(self):
        candidate = self.request.POST.get("next") or self.request.GET.get("next")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}, require_https=False
        ):
            return candidate
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def problem(self):
        """Why the figures cannot be generated now, or None."""
        lock = self.page.get_lock()
        if lock and lock.for_user(self.request.user):
            return gettext("The report is locked: it cannot be changed now.")
        latest = self.page.get_latest_revision_as_object()
        if not latest.year or latest.agency_id is None:
            return gettext("Give the year and the agency of the report, and save it, first.")
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = self.page.get_latest_revision_as_object()
        problem = self.problem()
        changes = []
        if problem is None:
            before = latest.figures if isinstance(latest.figures, dict) else {}
            fresh = figures.generate(latest.year, latest.agency, previous=before)
            changes = widgets.in_layout_order(figures.differences(before, fresh))
        context.update(
            page=self.page,
            problem=problem,
            generated_at=latest.figures_generated_at,
            changes=[widgets.describe_change(*change) for change in changes[:MAX_LISTED]],
            more_changes=max(0, len(changes) - MAX_LISTED),
            change_count=len(changes),
            live=self.page.live,
            next_url=self.next_url(),
            action_url=self.request.path,
        )
        return context

    def post(self, request, *args, **kwargs):
        problem = self.problem()
        if problem is not None:
            messages.error(request, problem)
            return redirect(self.next_url())
        revision, changes = regenerate(self.page, user=request.user)
        if revision is None:
            messages.info(
                request,
                gettext("The records give the same figures: nothing changed in “%(title)s”.")
                % {"title": self.page.get_admin_display_title()},
            )
            return redirect(self.next_url())
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        if changes:
            heading = ngettext(
                "The figures of “%(title)s” were generated again and saved as a draft; "
                "%(count)d cell changed:",
                "The figures of “%(title)s” were generated again and saved as a draft; "
                "%(count)d cells changed:",
                len(changes),
            ) % {"title": self.page.get_admin_display_title(), "count": len(changes)}
        else:
            heading = gettext(
                "The figures of “%(title)s” were generated and saved as a draft; no cell changed."
            ) % {"title": self.page.get_admin_display_title()}
        listed = [widgets.describe_change(*change) for change in changes[:MAX_LISTED]]
        more = len(changes) - len(listed)
        if more:
            listed.append(
                ngettext("and %(count)d more cell", "and %(count)d more cells", more)
                % {"count": more}
            )
        note = (
            gettext("The published report keeps its figures until this draft is published.")
            if self.page.live
            else ""
        )
        message = format_html(
            "{} {}{}",
            heading,
            note,
            format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((x,) for x in listed)))
            if listed
            else "",
        )
        next_url = self.next_url()
        buttons = (
            [messages.button(edit_url, gettext("Edit the report"))] if next_url != edit_url else []
        )
        messages.success(request, message, buttons=buttons)
        return redirect(next_url)


class RegenerateFiguresButton(PageMenuItem):
    label = _("Regenerate the figures")
    icon_name = "rotate"
    url_name = "gov_disclosure_reports:regenerate"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, AnnualReportPage)
            and self.page.permissions_for_user(user).can_edit()
        )


def page_header_buttons(page, user, view_name, next_url=None):
    yield RegenerateFiguresButton(page=page, priority=68)


def page_listing_more_buttons(page, user, next_url=None):
    yield RegenerateFiguresButton(page=page, next_url=next_url, priority=47)


def warn_about_failing_figures(request, page):
    """After a draft is saved: say that the report cannot be published as it is."""
    if not isinstance(page, AnnualReportPage) or not request.accepts("text/html"):
        return None
    from .forms import problems

    count = len(problems(page.figures))
    if count:
        messages.warning(
            request,
            ngettext(
                "Saved, but %(count)d cell of the tables fails the checks: the report cannot be "
                "published until it is corrected (see the Tables tab).",
                "Saved, but %(count)d cells of the tables fail the checks: the report cannot be "
                "published until they are corrected (see the Tables tab).",
                count,
            )
            % {"count": count},
        )
    return None


admin_urlpatterns = [
    path("<int:page_id>/regenerate/", RegenerateFiguresView.as_view(), name="regenerate"),
]
