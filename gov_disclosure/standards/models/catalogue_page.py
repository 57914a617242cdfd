from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES


class DisclosureCataloguePage(Page):
    """The disclosure catalogue (政府信息公开目录): every proactively disclosed page of the site.

    Grouped by theme category and by agency with counts, filterable by category (with its
    subcategories), agency, kind of content, year and keyword, in a fixed number of queries.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    template = "gov_disclosure_standards/disclosure_catalogue_page.html"

    class Meta:
        verbose_name = _("disclosure catalogue")
        verbose_name_plural = _("disclosure catalogues")

    def get_context(self, request, *args, **kwargs):
        from ..dcatalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context
