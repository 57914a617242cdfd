from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES


class ProjectIndexPage(Page):
    """The list of major construction projects (重大建设项目), with filters; projects live below."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["gov_disclosure_projects.ProjectPage"]
    template = "gov_disclosure_projects/project_index_page.html"

    class Meta:
        verbose_name = _("project index")
        verbose_name_plural = _("project indexes")

    def get_context(self, request, *args, **kwargs):
        from ..listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context
