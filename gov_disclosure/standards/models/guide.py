from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES

from ..blocks import GuideBodyBlock, default_guide_body


class DisclosureGuidePage(Page):
    """The disclosure guide (政府信息公开指南) of one agency.

    Editable text around generated sections: the contacts of the agency and its units, the kinds
    of information published proactively, how to apply, fees and remedies. The generated parts
    are read from the agency records and the settings when the page is shown.
    """

    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("agency"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agency whose guide this is; its address, hours and telephone are shown."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(
        GuideBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        default=default_guide_body,
        help_text=_(
            "Sections marked as generated fill themselves in from the agency records; "
            "add text between them and put them in the order you want."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("agency"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = []
    template = "gov_disclosure_standards/guide_page.html"

    class Meta:
        verbose_name = _("disclosure guide")
        verbose_name_plural = _("disclosure guides")

    def get_context(self, request, *args, **kwargs):
        from ..guide import guide_context

        context = super().get_context(request, *args, **kwargs)
        context["guide"] = guide_context(self, request)
        return context
