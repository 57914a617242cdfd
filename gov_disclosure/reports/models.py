"""The annual report (政府信息公开工作年度报告) as a page, and the index of all of them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.translations import facts

from . import layout


class AnnualReportIndexPage(Page):
    """All annual reports: every year, every agency (年度报告)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["gov_disclosure_reports.AnnualReportPage"]
    template = "gov_disclosure_reports/annual_report_index_page.html"

    class Meta:
        verbose_name = _("annual report index")
        verbose_name_plural = _("annual report indexes")

    def get_context(self, request, *args, **kwargs):
        from .views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


def _empty_figures():
    return layout.empty_figures()


class AnnualReportPage(DisclosurePageMixin, RoutablePageMixin, Page):
    """One agency's report for one year, in the national layout.

    The narrative sections are written by editors; the tables are generated from the records
    into ``figures`` (editors can correct a cell, and enter what the records do not hold). The
    figures are part of the page's revisions, so the published report keeps its numbers when
    records change later; generating them again makes a new draft revision.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    overview = RichTextField(_("1. Overview"), blank=True, features=RICH_TEXT_FEATURES)
    proactive_text = RichTextField(
        _("2. Proactive disclosure (text before the table)"),
        blank=True,
        features=RICH_TEXT_FEATURES,
    )
    requests_text = RichTextField(
        _("3. Requests received and handled (text before the table)"),
        blank=True,
        features=RICH_TEXT_FEATURES,
    )
    review_text = RichTextField(
        _("4. Administrative review and litigation (text before the table)"),
        blank=True,
        features=RICH_TEXT_FEATURES,
    )
    problems = RichTextField(
        _("5. Main problems and improvements"), blank=True, features=RICH_TEXT_FEATURES
    )
    other_matters = RichTextField(
        _("6. Other matters to report"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The fees charged for handling requests are stated before this text."),
    )
    figures = models.JSONField(_("figures"), default=_empty_figures, blank=True)
    figures_generated_at = models.DateTimeField(
        _("figures generated at"), null=True, blank=True, editable=False
    )

    parent_page_types = ["gov_disclosure_reports.AnnualReportIndexPage"]
    subpage_types = []
    template = "gov_disclosure_reports/annual_report_page.html"
    override_translatable_fields = DisclosurePageMixin.override_translatable_fields + facts(
        "year", "figures"
    )

    search_fields = (
        Page.search_fields
        + DisclosurePageMixin.disclosure_search_fields
        + [
            index.FilterField("year"),
            index.SearchField("overview"),
            index.SearchField("proactive_text"),
            index.SearchField("requests_text"),
            index.SearchField("review_text"),
            index.SearchField("problems"),
            index.SearchField("other_matters"),
        ]
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    # The edit form (``edit_handler``) is set in ``panels.py``: it needs the figures widget.

    def clean(self):
        super().clean()
        errors = {}
        if self.agency_id is None:
            errors["agency"] = _("Choose the agency whose report this is.")
        if self.year and not 2008 <= self.year <= 2100:
            errors["year"] = _("Enter a year from 2008, when the disclosure regulations began.")
        if self.agency_id and self.year:
            twins = AnnualReportPage.objects.filter(
                agency_id=self.agency_id, year=self.year, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if twins.exists():
                errors["year"] = _("%(agency)s already has a report for %(year)d: “%(title)s”.") % {
                    "agency": self.agency,
                    "year": self.year,
                    "title": twins.first().title,
                }
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .views import report_context

        context = super().get_context(request, *args, **kwargs)
        context.update(report_context(self, request))
        return context

    @property
    def problems_found(self):
        from .checks import check

        return check(self.figures or {})

    # Outputs -----------------------------------------------------------------------------------

    @path("json/")
    def as_json(self, request):
        from .views import report_json

        return report_json(self, request)

    @path("docx/")
    def as_docx(self, request):
        from .views import report_docx

        return report_docx(self, request)

    @path("pdf/")
    def as_pdf(self, request):
        from .views import report_pdf

        return report_pdf(self, request)
