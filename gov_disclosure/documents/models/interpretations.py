from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.blocks import BodyBlock
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.translations import facts


class InterpretationType(models.TextChoices):
    TEXT = "text", _("Text")
    GRAPHIC = "graphic", _("Illustrated (图解)")
    VIDEO = "video", _("Video")
    QA = "qa", _("Questions and answers")


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "gov_disclosure_documents/blocks/question_answer.html"


class InterpretationBodyBlock(BodyBlock):
    question_answer = QuestionAnswerBlock()
    video = EmbedBlock(label=_("Video"), max_width=960)


class InterpretationPage(DisclosurePageMixin, Page):
    """A policy interpretation (政策解读) of one document: text, illustrated, video or Q&A."""

    document = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("interpreted document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
    )
    interpretation_type = models.CharField(
        _("kind of interpretation"),
        max_length=10,
        choices=InterpretationType.choices,
        default=InterpretationType.TEXT,
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(InterpretationBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("document"),
            FieldPanel("interpretation_type"),
            FieldPanel("summary"),
            FieldPanel("body"),
        ]
        + DisclosurePageMixin.metadata_panels
        + DisclosurePageMixin.disclosure_panels
    )
    override_translatable_fields = DisclosurePageMixin.override_translatable_fields + facts(
        "interpretation_type"
    )

    search_fields = (
        Page.search_fields
        + DisclosurePageMixin.disclosure_search_fields
        + [index.SearchField("summary"), index.SearchField("body"), index.FilterField("document")]
    )
    parent_page_types = ["gov_disclosure_documents.DocumentLibraryPage"]
    subpage_types = []
    template = "gov_disclosure_documents/interpretation_page.html"

    class Meta:
        verbose_name = _("policy interpretation")
        verbose_name_plural = _("policy interpretations")
