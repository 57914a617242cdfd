from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES


class ApplicationPage(RoutablePageMixin, Page):
    """The public side of disclosure on application (依申请公开): how to apply, the application
    form, and the page where an applicant looks up a request with its number and secret."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("How to apply, what happens next, where to ask for help."),
    )
    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("agency that receives the requests"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    after_submission = RichTextField(
        _("text shown after a request is sent"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("E.g. when the office confirms receipt and how to reach it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("agency"),
        FieldPanel("intro"),
        FieldPanel("after_submission"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    template = "gov_disclosure_applications/application_page.html"

    class Meta:
        verbose_name = _("disclosure on application page")
        verbose_name_plural = _("disclosure on application pages")

    @path("")
    def application_form(self, request):
        from ..views.public import application_form

        return application_form(self, request)

    @path("received/")
    def received(self, request):
        from ..views.public import received

        return received(self, request)

    @path("status/")
    def status(self, request):
        from ..views.public import status

        return status(self, request)
