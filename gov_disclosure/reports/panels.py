"""The edit form of the annual report page: 报告 (the text), 数据表 (the figures), then the
core tabs 公开 and 推荐."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel

from gov_disclosure.panels import disclosure_tabs

from . import figures, widgets
from .forms import AnnualReportPageForm, problems
from .models import AnnualReportPage

MAX_LISTED = 30  # changed cells listed in full; the rest are counted


class FiguresStatusPanel(Panel):
    """Read-only, above the tables: when the figures were generated, whether the records now
    give other numbers (cell by cell, with a button to generate them again), and the cells
    that fail the checks."""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Figures and records"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "figures_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "gov_disclosure_reports/admin/figures_status_panel.html"

        @property
        def media(self):
            return forms.Media(css={"all": ["gov_disclosure_reports/admin.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            saved = report is not None and report.pk is not None
            context.update(
                report=report,
                generated_at=getattr(report, "figures_generated_at", None),
                saved=saved,
                live=bool(saved and report.live),
                changes=None,
                regenerate_url=None,
            )
            if report is None:
                return context
            failing = getattr(self.form, "figure_problems", None)
            if failing is None:
                failing = problems(report.figures)
            context["problems"] = [
                {"id": f"figures-{problem.cell}", "text": widgets.describe_problem(problem)}
                if problem.table != widgets.FEES[0]
                else {
                    "id": f"figures-{widgets.FEES_KEY}",
                    "text": widgets.describe_problem(problem),
                }
                for problem in failing
            ]
            if saved and report.figures_generated_at and report.year and report.agency_id:
                fresh = figures.generate(report.year, report.agency, previous=report.figures)
                changes = widgets.in_layout_order(figures.differences(report.figures, fresh))
                context["changes"] = [widgets.describe_change(*c) for c in changes[:MAX_LISTED]]
                context["more_changes"] = max(0, len(changes) - MAX_LISTED)
                user = getattr(self.request, "user", None)
                if user is not None and report.permissions_for_user(user).can_edit():
                    context["regenerate_url"] = reverse(
                        "gov_disclosure_reports:regenerate", args=[report.pk]
                    )
            return context


AnnualReportPage.base_form_class = AnnualReportPageForm

AnnualReportPage.edit_handler = disclosure_tabs(
    (
        [
            FieldPanel("title"),
            FieldPanel("year"),
            FieldPanel("overview"),
            FieldPanel("proactive_text"),
            FieldPanel("requests_text"),
            FieldPanel("review_text"),
            FieldPanel("problems"),
            FieldPanel("other_matters"),
        ],
        _("Report"),
    ),
    (
        [
            FiguresStatusPanel(),
            FieldPanel(
                "figures",
                widget=widgets.FiguresWidget,
                heading=_("Tables 2 to 4, and the fees of section 6"),
            ),
        ],
        _("Tables"),
    ),
    agency_heading=_("Agency whose report this is"),
)
