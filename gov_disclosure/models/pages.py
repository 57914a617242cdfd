from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..app_settings import app_settings
from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from .disclosure import DisclosurePageMixin


class DisclosureArticlePage(DisclosurePageMixin, Page):
    """A general piece of proactively disclosed information (通知公告, 工作动态, …)."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in listings.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("summary"), FieldPanel("body")]
        + DisclosurePageMixin.metadata_panels
        + DisclosurePageMixin.disclosure_panels
    )

    search_fields = (
        Page.search_fields
        + [index.SearchField("summary"), index.SearchField("body")]
        + DisclosurePageMixin.disclosure_search_fields
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    template = "gov_disclosure/pages/article_page.html"

    class Meta:
        verbose_name = _("disclosure article")
        verbose_name_plural = _("disclosure articles")


class DisclosurePortalPage(Page):
    """The landing page of an agency's disclosure portal (政府信息公开).

    Lists the newest public items of every content type in the registry that live below it,
    so each domain app appears here as soon as it is installed.
    """

    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("agency"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "gov_disclosure/pages/portal_page.html"

    class Meta:
        verbose_name = _("disclosure portal")
        verbose_name_plural = _("disclosure portals")

    def get_sections(self):
        """``(content type, items)`` for each registered type, with a fixed number of queries."""
        from ..registry import registry

        limit = app_settings.PORTAL_LATEST_COUNT
        from .disclosure import hidden_sections_q

        private_q = hidden_sections_q()  # one query for all sections
        sections = []
        for entry in registry:
            if not entry.is_page:
                continue
            queryset = (
                entry.public_queryset(private_q=private_q)
                .descendant_of(self)
                .filter(locale_id=self.locale_id)
            )
            if hasattr(queryset, "defer_streamfields"):
                queryset = queryset.defer_streamfields()
            items = list(queryset.select_related("agency")[:limit])
            if items:
                sections.append((entry, items))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections()
        return context
