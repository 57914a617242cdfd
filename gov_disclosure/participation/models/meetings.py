from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES
from gov_disclosure.history import ChildHistoricalRecords
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.panels import disclosure_tabs
from gov_disclosure.translations import facts

from ..panels import RepresentativeHistoryPanel


class RepresentativeCategory(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    EXPERT = "expert", _("Expert or scholar")
    BUSINESS = "business", _("Business")
    MEDIA = "media", _("Media")
    STAKEHOLDER = "stakeholder", _("Stakeholder")
    DEPUTY = "deputy", _("People's congress deputy or CPPCC member")
    OTHER = "other", _("Other")


class Adoption(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    UNDER_STUDY = "under_study", _("Under study")


class MeetingIndexPage(Page):
    """The list of meetings attended by public representatives (公众参与会议)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["gov_disclosure_participation.MeetingPage"]
    template = "gov_disclosure_participation/meeting_index_page.html"

    class Meta:
        verbose_name = _("meeting index")
        verbose_name_plural = _("meeting indexes")

    def get_context(self, request, *args, **kwargs):
        from ..listing import meeting_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(meeting_index_context(self, request))
        return context


class MeetingPage(DisclosurePageMixin, Page):
    """A meeting (e.g. 常务会议) attended by public representatives, and what they said."""

    meeting_date = models.DateField(_("meeting date"), db_index=True)
    meeting_number = models.CharField(
        _("meeting number"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 县政府第15次常务会议."),
    )
    summary = RichTextField(_("meeting summary"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting_number")]),
        FieldPanel("summary"),
        InlinePanel("topics", heading=_("Topics decided"), label=_("Topic")),
    ]
    representative_panels = [
        InlinePanel(
            "representatives", heading=_("Public representatives"), label=_("Representative")
        ),
        RepresentativeHistoryPanel(),
    ]
    edit_handler = disclosure_tabs(
        (content_panels, _("Meeting")),
        (representative_panels, _("Public representatives")),
    )

    override_translatable_fields = DisclosurePageMixin.override_translatable_fields + facts(
        "meeting_date"
    )

    search_fields = (
        Page.search_fields
        + [
            index.SearchField("meeting_number"),
            index.SearchField("summary"),
            index.FilterField("meeting_date"),
            index.RelatedFields(
                "topics", [index.SearchField("title"), index.SearchField("decision")]
            ),
            index.RelatedFields(
                "representatives", [index.SearchField("opinion"), index.SearchField("reason")]
            ),
        ]
        + DisclosurePageMixin.disclosure_search_fields
    )

    parent_page_types = ["gov_disclosure_participation.MeetingIndexPage"]
    subpage_types = []
    template = "gov_disclosure_participation/meeting_page.html"

    class Meta:
        verbose_name = _("meeting with public representatives")
        verbose_name_plural = _("meetings with public representatives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.topics.all())
        context["representatives"] = list(self.representatives.all())
        return context


class MeetingTopic(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=255)
    decision = models.TextField(_("decision taken"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("decision")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title


class Representative(Orderable):
    """A public representative who attended (列席), the opinion expressed and its adoption.

    Every change is kept with who made it (django-simple-history); the contact details are for
    the office only and never shown to the public.
    """

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="representatives")
    name = models.CharField(_("full name"), max_length=100)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=100, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=RepresentativeCategory.choices
    )
    opinion = models.TextField(_("opinion expressed"), blank=True)
    adoption = models.CharField(_("adoption"), max_length=20, choices=Adoption.choices, blank=True)
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why the opinion was adopted in part, not adopted or is still under study."),
    )
    contact = models.CharField(
        _("contact details (never published)"),
        max_length=200,
        blank=True,
        help_text=_("Telephone or address, for the office only. It is never shown to the public."),
    )

    history = ChildHistoricalRecords(excluded_fields=["sort_order"])

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("position")]),
        FieldPanel("opinion"),
        FieldRowPanel([FieldPanel("adoption"), FieldPanel("reason")]),
        FieldPanel("contact"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("public representative")
        verbose_name_plural = _("public representatives")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.adoption and not (self.opinion or "").strip():
            errors["adoption"] = _("Record the opinion before its adoption.")
        if (
            self.adoption in (Adoption.PARTLY, Adoption.NOT_ADOPTED)
            and not (self.reason or "").strip()
        ):
            errors["reason"] = _("Give the reason why the opinion was not fully adopted.")
        if errors:
            raise ValidationError(errors)
