from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES


class DocumentLibraryPage(Page):
    """The policy document library (政策文件库): documents and interpretations live below it."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "gov_disclosure_documents.DocumentPage",
        "gov_disclosure_documents.InterpretationPage",
        "gov_disclosure_documents.ValidDocumentsCataloguePage",
        "gov_disclosure_documents.CleanupResultPage",
    ]
    template = "gov_disclosure_documents/library_page.html"

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def get_context(self, request, *args, **kwargs):
        from ..listing import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context


class ValidDocumentsCataloguePage(Page):
    """The catalogue of valid documents (现行有效目录) as of today or any past date."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["gov_disclosure_documents.DocumentLibraryPage"]
    subpage_types = []
    template = "gov_disclosure_documents/catalogue_page.html"

    class Meta:
        verbose_name = _("catalogue of valid documents")
        verbose_name_plural = _("catalogues of valid documents")

    def serve(self, request, *args, **kwargs):
        from ..catalogue import serve_catalogue

        return serve_catalogue(self, request, super().serve, *args, **kwargs)
