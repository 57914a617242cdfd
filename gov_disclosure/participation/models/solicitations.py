import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.panels import disclosure_tabs
from gov_disclosure.translations import facts

from ..app_settings import app_settings


class SolicitationState(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet open")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed")


def today() -> datetime.date:
    from .. import services

    return services.today()


class SolicitationIndexPage(Page):
    """The list of comment solicitations (意见征集)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["gov_disclosure_participation.SolicitationPage"]
    template = "gov_disclosure_participation/solicitation_index_page.html"

    class Meta:
        verbose_name = _("solicitation index")
        verbose_name_plural = _("solicitation indexes")

    def get_context(self, request, *args, **kwargs):
        from ..listing import solicitation_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(solicitation_index_context(self, request))
        return context


class SolicitationPage(DisclosurePageMixin, Page):
    """A public comment solicitation on a draft (意见征集), its comments and the feedback."""

    notice = RichTextField(_("notice"), features=RICH_TEXT_FEATURES)
    draft_text = RichTextField(_("draft text"), blank=True, features=RICH_TEXT_FEATURES)
    drafting_explanation = RichTextField(
        _("drafting explanation"), blank=True, features=RICH_TEXT_FEATURES
    )
    policy_basis = RichTextField(_("policy basis"), blank=True, features=RICH_TEXT_FEATURES)
    opens_on = models.DateField(_("open from"), db_index=True)
    closes_on = models.DateField(_("open until"), db_index=True)
    short_period_reason = models.TextField(
        _("reason for a shorter period"),
        blank=True,
        help_text=_("Required when comments are taken for fewer days than the minimum."),
    )
    accepts_online = models.BooleanField(_("comments through the online form"), default=True)
    email = models.EmailField(_("e-mail address for comments"), blank=True)
    postal_address = models.TextField(_("postal address for comments"), blank=True)
    feedback_published = models.BooleanField(
        _("publish the feedback report"),
        default=False,
        help_text=_(
            "Shows the feedback (意见反馈) on the page: how many comments, how many adopted, "
            "and the reasons. Only when the solicitation is closed."
        ),
    )
    feedback_summary = RichTextField(_("feedback summary"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("notice"),
        FieldPanel("draft_text"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        FieldPanel("drafting_explanation"),
        FieldPanel("policy_basis"),
    ]
    period_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("short_period_reason"),
            ],
            heading=_("Period"),
        ),
        MultiFieldPanel(
            [FieldPanel("accepts_online"), FieldPanel("email"), FieldPanel("postal_address")],
            heading=_("How to respond"),
        ),
        MultiFieldPanel(
            [FieldPanel("feedback_published"), FieldPanel("feedback_summary")],
            heading=_("Feedback"),
        ),
    ]
    edit_handler = disclosure_tabs(
        (content_panels, _("Draft")),
        (period_panels, _("Period and feedback")),
    )

    override_translatable_fields = DisclosurePageMixin.override_translatable_fields + facts(
        "opens_on", "closes_on", "accepts_online", "email", "feedback_published"
    )

    search_fields = (
        Page.search_fields
        + [
            index.SearchField("notice"),
            index.SearchField("draft_text"),
            index.SearchField("drafting_explanation"),
            index.FilterField("opens_on"),
            index.FilterField("closes_on"),
        ]
        + DisclosurePageMixin.disclosure_search_fields
    )

    parent_page_types = ["gov_disclosure_participation.SolicitationIndexPage"]
    subpage_types = []
    template = "gov_disclosure_participation/solicitation_page.html"

    class Meta:
        verbose_name = _("comment solicitation")
        verbose_name_plural = _("comment solicitations")

    @property
    def period_days(self) -> int | None:
        if self.opens_on and self.closes_on:
            return (self.closes_on - self.opens_on).days + 1
        return None

    def state_on(self, day: datetime.date) -> str:
        if day < self.opens_on:
            return SolicitationState.UPCOMING
        if day > self.closes_on:
            return SolicitationState.CLOSED
        return SolicitationState.OPEN

    @cached_property
    def state(self) -> str:
        return self.state_on(today())

    def get_state_display(self):
        return SolicitationState(self.state).label

    @property
    def is_open(self) -> bool:
        return self.state == SolicitationState.OPEN

    @property
    def shows_feedback(self) -> bool:
        return self.feedback_published and self.state == SolicitationState.CLOSED

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The closing date cannot be before the opening date.")
        elif self.period_days is not None:
            minimum = app_settings.SOLICITATION_MIN_DAYS
            self.short_period_reason = (self.short_period_reason or "").strip()
            if self.period_days < minimum and not self.short_period_reason:
                errors["short_period_reason"] = _(
                    "Comments are taken for %(days)s days, fewer than the minimum of %(minimum)s: "
                    "state the reason."
                ) % {"days": self.period_days, "minimum": minimum}
        if not (self.accepts_online or self.email or (self.postal_address or "").strip()):
            errors["accepts_online"] = _(
                "Offer at least one way to respond: the online form, e-mail or post."
            )
        if self.feedback_published and self.closes_on and self.closes_on >= today():
            errors["feedback_published"] = _(
                "The feedback report can be published only after the solicitation has closed."
            )
        elif self.feedback_published and self.pk:
            from .comments import CommentDecision

            pending = self.comments.filter(decision=CommentDecision.PENDING).count()
            if pending:
                errors["feedback_published"] = ngettext(
                    "%(count)s comment has not been decided yet: decide it under “Comments on "
                    "drafts” before publishing the feedback.",
                    "%(count)s comments have not been decided yet: decide them under “Comments "
                    "on drafts” before publishing the feedback.",
                    pending,
                ) % {"count": pending}
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and not getattr(request, "is_preview", False):
            if not self.is_proactively_disclosed:
                from django.http import Http404

                raise Http404
            from ..views import receive_comment

            return receive_comment(self, request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..views import solicitation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(solicitation_context(self, request, kwargs.get("form")))
        return context


class SolicitationAttachment(Orderable):
    page = ParentalKey(SolicitationPage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title
