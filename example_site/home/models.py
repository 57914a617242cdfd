from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from gov_disclosure.blocks import RICH_TEXT_FEATURES
from gov_disclosure.models import DisclosureArticlePage, DisclosurePortalPage

LATEST_COUNT = 6


class HomePage(Page):
    """The government's home page: a short introduction, the way in to the disclosure portal
    and its newest articles."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_portal(self):
        """The first public disclosure portal below this page, or None."""
        return (
            DisclosurePortalPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .select_related("agency")
            .order_by("path")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        portal = self.get_portal()
        latest = []
        if portal is not None:
            latest = list(
                DisclosureArticlePage.objects.public_disclosures()
                .descendant_of(portal)
                .filter(locale_id=self.locale_id)
                .defer_streamfields()
                .select_related("agency")
                .order_by("-publication_date", "-pk")[:LATEST_COUNT]
            )
        context["portal"] = portal
        context["latest_items"] = latest
        return context
