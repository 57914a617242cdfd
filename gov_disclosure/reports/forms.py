"""The annual report's edit form, and the guard that keeps a report whose figures fail the
checks from going live by any other way (workflow approval, scheduled publishing, scripts).

- A new report gets its figures generated from the records when it is first saved.
- Publishing, or submitting for moderation (or approving in a workflow), is refused while a
  cell fails the checks; each wrong cell is named and marked in the tables. A draft may be
  saved with failing figures.
"""

from __future__ import annotations

import copy

from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import checks, figures, layout, widgets
from .models import AnnualReportPage

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")
WORKFLOW_PUBLISHING = ("approve",)  # the workflow action that may publish


def _fees_problems(report_figures: dict) -> list[checks.Problem]:
    value = (report_figures or {}).get(widgets.FEES_KEY, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return [checks.Problem(*widgets.FEES, _("Enter a whole number of yuan, 0 or more."))]
    return []


def problems(report_figures: dict) -> list[checks.Problem]:
    """What stops a report from being published: the national checks, and the fees of 六."""
    report_figures = report_figures if isinstance(report_figures, dict) else {}
    return checks.check(report_figures) + _fees_problems(report_figures)


class ReportNotPublishable(ValidationError):
    """Raised when a report whose figures fail the checks would go live."""


class AnnualReportPageForm(WagtailAdminPageForm):
    """Generates the figures of a new report; refuses to publish figures that fail the checks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.figures_generated = False
        self.figure_problems = []
        if "figures" in self.fields and not self.is_bound:
            # The cells that fail now are marked when the form opens.
            self.figure_problems = problems(self.instance.figures)
            self.fields["figures"].widget.problems = self.figure_problems

    @property
    def is_publishing(self) -> bool:
        """Whether what is saved is to be published: the button publishes, submits for
        moderation or approves; or the report awaits approval, which publishes the latest
        version (Wagtail publishes it when the workflow is approved from the dashboard)."""
        data = self.data
        if any(data.get(action) for action in PUBLISHING_ACTIONS):
            return True
        if data.get("action-workflow-action"):
            return data.get("workflow-action-name") in WORKFLOW_PUBLISHING
        if data.get("action-cancel-workflow"):
            return False
        return self.awaiting_approval

    @property
    def awaiting_approval(self) -> bool:
        return bool(self.instance.pk) and bool(
            getattr(self.instance, "workflow_in_progress", False)
        )

    def clean(self):
        cleaned_data = super().clean()
        if "figures" not in self.fields:
            return cleaned_data
        report_figures = self._submitted_figures(cleaned_data.get("figures"))
        year, agency = cleaned_data.get("year"), cleaned_data.get("agency")
        if self.instance.figures_generated_at is None and year and agency and not self.errors:
            # A new report: the numbers come from the records the first time it is saved;
            # what editors typed in the cells they enter is kept.
            report_figures = figures.generate(year, agency, previous=report_figures)
            self.figures_generated = True
        cleaned_data["figures"] = report_figures
        self.figure_problems = problems(report_figures)
        self.fields["figures"].widget.problems = self.figure_problems
        if self.figure_problems and self.is_publishing:
            self.add_error("figures", self._refusal(self.figure_problems, self.awaiting_approval))
        return cleaned_data

    def _submitted_figures(self, value) -> dict:
        """The submitted cells over the figures as they were: a cell the form did not send
        keeps its value."""
        before = self.instance.figures
        merged = copy.deepcopy(before) if isinstance(before, dict) else layout.empty_figures()
        if not isinstance(value, dict):
            return merged
        for key, item in value.items():
            if isinstance(item, dict) and isinstance(merged.get(key), dict):
                for row, cells in item.items():
                    if isinstance(cells, dict) and isinstance(merged[key].get(row), dict):
                        merged[key][row].update(cells)
                    else:
                        merged[key][row] = cells
            else:
                merged[key] = item
        return merged

    @staticmethod
    def _refusal(found, awaiting_approval=False) -> list[ValidationError]:
        count = len(found)
        if awaiting_approval:
            heading = ngettext(
                "The report awaits approval, and approving publishes what is saved now: "
                "%(count)d cell of the tables fails the checks. Correct it, or cancel the "
                "workflow first.",
                "The report awaits approval, and approving publishes what is saved now: "
                "%(count)d cells of the tables fail the checks. Correct them, or cancel the "
                "workflow first.",
                count,
            )
        else:
            heading = ngettext(
                "The report cannot be published: %(count)d cell of the tables fails the checks. "
                "Correct it, or save a draft.",
                "The report cannot be published: %(count)d cells of the tables fail the checks. "
                "Correct them, or save a draft.",
                count,
            )
        heading = heading % {"count": count}
        return [ValidationError(heading, code="figures_fail_checks")] + [
            ValidationError(widgets.describe_problem(problem), code="figures_cell")
            for problem in found
        ]

    def save(self, commit=True):
        if self.figures_generated:
            self.instance.figures_generated_at = timezone.now()
        return super().save(commit=commit)

    def get_field_updates_for_resave(self):
        """Wagtail 8 saves in the background: the figures generated by the first save go back
        into the open form, so that the next save does not send the old cells again."""
        parent = getattr(super(), "get_field_updates_for_resave", None)
        updates = list(parent()) if parent is not None else []
        if self.figures_generated:
            report_figures = self.cleaned_data.get("figures") or {}
            for cell in widgets.all_cells():
                value = cell.get(report_figures)
                updates.append((cell.name("figures"), "" if value is None else str(value)))
        return updates


# The guard of every other way to publish ------------------------------------------------------


def refuse_failing_figures(sender, instance, raw=False, update_fields=None, **kwargs):
    """Refuse to save a report live with figures that fail the checks, unless it was live with
    these very figures already (a move, a re-save of the live version).

    ``Revision.publish`` saves the page in full with ``live`` set: the admin's publish, workflow
    approval, scheduled publishing (``publish_scheduled``) and scripts all go through it. Saving
    a draft revision of a live page (``save_revision``) writes only the revision's bookkeeping
    (``update_fields``), so drafts are never refused.
    """
    if raw or not instance.live:
        return
    if update_fields is not None and not {"live", "live_revision", "figures"} & set(update_fields):
        return
    found = problems(instance.figures)
    if not found:
        return
    if instance.pk:
        stored = (
            AnnualReportPage.objects.filter(pk=instance.pk)
            .values("live", "live_revision_id", "figures")
            .first()
        )
        if (
            stored
            and stored["live"]
            and stored["live_revision_id"] == instance.live_revision_id
            and stored["figures"] == instance.figures
        ):
            return
    raise ReportNotPublishable(
        [
            gettext(
                "The annual report “%(title)s” cannot be published: its figures fail the checks."
            )
            % {"title": instance.title}
        ]
        + [widgets.describe_problem(problem) for problem in found],
        code="figures_fail_checks",
    )


pre_save.connect(
    refuse_failing_figures,
    sender=AnnualReportPage,
    dispatch_uid="gov_disclosure_reports_refuse_failing_figures",
)
