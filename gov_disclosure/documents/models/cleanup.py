from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, RevisionMixin

from gov_disclosure.blocks import RICH_TEXT_FEATURES


class CleanupBatch(RevisionMixin, ClusterableModel):
    """A clean-up (清理) of normative documents: one decision per document, applied at once.

    Drafted by editors as a snippet with revisions (which carry the decisions), so the review is
    traceable; confirming it applies every decision through the validity lifecycle.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Under review")
        CONFIRMED = "confirmed", _("Confirmed")

    title = models.CharField(_("title"), max_length=255)
    review_date = models.DateField(_("date of the decision"))
    basis = models.TextField(
        _("basis"), blank=True, help_text=_("Why and under which rule the clean-up is done.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("published result"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="gov_disclosure_cleanup_batch"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("review_date"),
        FieldPanel("basis"),
        InlinePanel("decisions", heading=_("Decisions"), label=_("Decision")),
    ]

    class Meta:
        verbose_name = _("clean-up batch")
        verbose_name_plural = _("clean-up batches")
        ordering = ["-review_date", "-pk"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED


class CleanupDecision(Orderable):
    class Decision(models.TextChoices):
        CONTINUE = "continue", _("Remains valid")
        EXPIRE = "expire", _("Declared expired")
        REPEAL = "repeal", _("Repealed")

    batch = ParentalKey(CleanupBatch, on_delete=models.CASCADE, related_name="decisions")
    document = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason"))

    panels = [FieldPanel("document"), FieldPanel("decision"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("clean-up decision")
        verbose_name_plural = _("clean-up decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "document"], name="gov_disclosure_documents_one_decision_each"
            )
        ]

    def __str__(self):
        return f"{self.document_id}: {self.get_decision_display()}"


class CleanupResultPage(Page):
    """The published result of a clean-up batch: the three lists."""

    batch = models.OneToOneField(
        CleanupBatch,
        verbose_name=_("clean-up batch"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("batch"), FieldPanel("intro")]
    parent_page_types = ["gov_disclosure_documents.DocumentLibraryPage"]
    subpage_types = []
    template = "gov_disclosure_documents/cleanup_result_page.html"

    class Meta:
        verbose_name = _("clean-up result")
        verbose_name_plural = _("clean-up results")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lists = {choice: [] for choice in CleanupDecision.Decision.values}
        if self.batch_id:
            from .documents import DocumentPage

            # Only documents the public may see; a restricted or withdrawn one is left out.
            public = DocumentPage.objects.public_disclosures().values("pk")
            for decision in (
                self.batch.decisions.filter(document__in=public)
                .select_related("document")
                .order_by("sort_order", "pk")
            ):
                lists[decision.decision].append(decision)
        context["lists"] = [
            (label, lists[value]) for value, label in CleanupDecision.Decision.choices
        ]
        return context
