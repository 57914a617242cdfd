from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES

from .catalogue import Catalogue, CatalogueScope


class StandardsTopicPage(RoutablePageMixin, Page):
    """The standardized-disclosure topic (基层政务公开标准化规范化专题).

    The page lists the domains of its catalogue; each domain has its own section (a sub-URL)
    with the items and, under each item, the published content that belongs to it. Village and
    community catalogues under the county catalogue are the second level.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    catalogue = models.ForeignKey(
        Catalogue,
        verbose_name=_("catalogue"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"parent__isnull": True},
    )

    content_panels = Page.content_panels + [FieldPanel("catalogue"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "gov_disclosure_standards/topic_page.html"

    class Meta:
        verbose_name = _("standardized disclosure topic")
        verbose_name_plural = _("standardized disclosure topics")

    @path("")
    def overview(self, request):
        from ..topic import overview_context

        return self.render(request, context_overrides=overview_context(self, request))

    @path("domain/<int:domain_id>/")
    def domain_section(self, request, domain_id):
        from ..topic import domain_context

        if self.catalogue_id is None:
            raise Http404
        context = domain_context(self, self.catalogue, domain_id, request)
        if context is None:
            raise Http404
        return self.render(
            request,
            template="gov_disclosure_standards/topic_domain.html",
            context_overrides=context,
        )

    @path("item/<int:item_id>/")
    def item_detail(self, request, item_id):
        from ..topic import item_context

        if self.catalogue_id is None:
            raise Http404
        context = item_context(self, item_id, request)
        if context is None:
            raise Http404
        return self.render(
            request,
            template="gov_disclosure_standards/topic_item.html",
            context_overrides=context,
        )

    @path("village/<int:catalogue_id>/")
    def village_catalogue(self, request, catalogue_id):
        from ..topic import village_context

        if self.catalogue_id is None:
            raise Http404
        catalogue = get_object_or_404(
            Catalogue.objects.exclude(scope=CatalogueScope.COUNTY),
            pk=catalogue_id,
            parent_id=self.catalogue_id,
        )
        return self.render(
            request,
            template="gov_disclosure_standards/topic_village.html",
            context_overrides=village_context(self, catalogue, request),
        )
