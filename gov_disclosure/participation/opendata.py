"""Public participation (公众参与) as open data (see ``gov_disclosure.opendata``).

Two kinds, each saying exactly what its public page says:

* ``meetings``: executive meetings attended by public representatives (列席), with the topics
  decided and, in the detail, what each representative said and whether it was adopted. A
  representative's contact details are for the office only: never read into the answer.
* ``solicitations``: comment solicitations on drafts (意见征集), with their period and state
  (computed as the page computes it, on today's date) and the draft's attachments; the detail
  adds the texts and, once the solicitation has closed and the office has published it, the
  feedback report (采纳情况反馈): how many comments, how many of each decision and the reasons,
  grouped, as the page shows them. Comments themselves (their text, the senders' names and
  contact details, receipt numbers) are never read into the answer, nor searched.
"""

from __future__ import annotations

import datetime
from functools import reduce
from operator import and_
from typing import Literal

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, pgettext_lazy
from ninja import Field, Schema
from wagtail.rich_text import expand_db_html

from gov_disclosure.opendata import (
    KEYWORD_MAX_TERMS,
    Choice,
    DisclosureItem,
    OpenData,
    PageFilters,
    choice,
)

from . import services
from .listing import solicitations_in
from .models import (
    Adoption,
    CommentDecision,
    MeetingTopic,
    Representative,
    RepresentativeCategory,
    SolicitationAttachment,
    SolicitationState,
)


def _absolute(context, url):
    request = (context or {}).get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


def _html(value) -> str:
    """Rich text as the public page renders it (internal links expanded)."""
    return expand_db_html(value) if value else ""


# Meetings with public representatives ----------------------------------------------------------


class MeetingTopicItem(Schema):
    title: str = Field(description="The topic put to the meeting (议题).")
    decision: str = Field(description="The decision taken on it; may be empty.")


class RepresentativeItem(Schema):
    """A public representative as the meeting's page shows them (never their contact details)."""

    name: str = Field(description="Full name, as the meeting's page shows it.")
    unit: str = Field(description="Their unit (work unit, community, company); may be empty.")
    position: str = Field(description="Their position; may be empty.")
    category: Choice = Field(description="Kind of representative (citizen, expert…).")
    opinion: str = Field(description="The opinion they expressed; may be empty.")
    adoption: Choice | None = Field(
        description="Whether the opinion was adopted; null when not recorded."
    )
    reason: str = Field(
        description="The reply: why the opinion was adopted in part, not adopted or is still "
        "under study; may be empty."
    )

    @staticmethod
    def resolve_category(person):
        return choice(person.category, RepresentativeCategory)

    @staticmethod
    def resolve_adoption(person):
        return choice(person.adoption, Adoption)


class MeetingItem(DisclosureItem):
    meeting_date: datetime.date = Field(description="Date of the meeting (会议日期).")
    meeting_number: str = Field(
        description="Session and number, e.g. 县政府第15次常务会议; may be empty."
    )
    topics: list[MeetingTopicItem] = Field(description="The topics decided, in order.")
    representative_count: int = Field(
        description="How many public representatives attended (列席)."
    )

    @staticmethod
    def resolve_topics(page):
        return list(page.topics.all())


class MeetingDetail(MeetingItem):
    summary_html: str = Field(description="The meeting summary, as HTML; may be empty.")
    representatives: list[RepresentativeItem] = Field(
        description="The public representatives who attended, what each said and the reply, "
        "in the page's order."
    )

    @staticmethod
    def resolve_summary_html(page):
        return _html(page.summary)

    @staticmethod
    def resolve_representatives(page):
        return list(page.representatives.all())


class MeetingFilters(PageFilters):
    adoption: Literal[tuple(Adoption.values)] | None = Field(
        None,
        description="Only meetings where at least one representative's opinion had this "
        "outcome (the “Opinions” filter of the meetings index, `state` there).",
    )


def _meeting_term_q(term: str) -> Q:
    """A word in the title, the meeting number, a topic or decision, or an opinion or reply:
    what the site's search reads too. Never the representatives' names or contact details."""
    topics = MeetingTopic.objects.filter(Q(title__icontains=term) | Q(decision__icontains=term))
    opinions = Representative.objects.filter(Q(opinion__icontains=term) | Q(reason__icontains=term))
    return (
        Q(title__icontains=term)
        | Q(meeting_number__icontains=term)
        | Q(pk__in=topics.values("page_id"))
        | Q(pk__in=opinions.values("page_id"))
    )


class Meetings(OpenData):
    kind = "meeting"
    path = "meetings"
    Item = MeetingItem
    Detail = MeetingDetail
    Filters = MeetingFilters
    column_labels = {
        "topics": pgettext_lazy("export heading", "Topics"),
        "representative_count": pgettext_lazy("export heading", "Public representatives"),
    }
    item_prefetch = ("topics",)
    detail_prefetch = ("representatives",)
    description = (
        "Meetings attended by public representatives (公众代表列席政府常务会议): the topics, and "
        "in the detail what each representative said and whether it was adopted."
    )

    @staticmethod
    def _with_count(queryset):
        count = (
            Representative.objects.filter(page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return queryset.annotate(
            representative_count=Coalesce(Subquery(count, output_field=IntegerField()), 0)
        )

    def items(self, queryset):
        return self._with_count(super().items(queryset).defer("summary"))

    def details(self, queryset):
        return self._with_count(super().details(queryset))

    def keyword_q(self, keyword):
        terms = keyword.split()[:KEYWORD_MAX_TERMS]
        return reduce(and_, (_meeting_term_q(term) for term in terms), Q())

    def filter_own(self, queryset, values):
        if adoption := values.pop("adoption", None):
            queryset = queryset.filter(
                Exists(Representative.objects.filter(page=OuterRef("pk"), adoption=adoption))
            )
        return super().filter_own(queryset, values)

    def feed_description(self, row):
        topics = "；".join(topic.title for topic in row.topics.all())
        return " ".join(part for part in (row.meeting_number, topics) if part)


# Comment solicitations -----------------------------------------------------------------------


class SolicitationAttachmentItem(Schema):
    title: str
    url: str | None = Field(description="The file (the draft, an explanation…).")
    file_type: str = Field(description="The file's extension, e.g. pdf or docx.")
    file_size: int | None = Field(description="Size in bytes, when known.")

    @staticmethod
    def resolve_url(attachment, context):
        return _absolute(context, attachment.document.url)

    @staticmethod
    def resolve_file_type(attachment):
        return attachment.document.file_extension.lower()

    @staticmethod
    def resolve_file_size(attachment):
        return attachment.document.file_size


class FeedbackReasonItem(Schema):
    reason: str = Field(description="A reason given, as the feedback report words it.")
    count: int = Field(description="How many comments it was given for.")


class FeedbackGroupItem(Schema):
    decision: Choice = Field(description="adopted, partly, not_adopted or pending.")
    count: int = Field(description="How many comments had this decision.")
    reasons: list[FeedbackReasonItem] = Field(description="The reasons, most given first.")

    @staticmethod
    def resolve_decision(group):
        return choice(group.decision, CommentDecision)

    @staticmethod
    def resolve_reasons(group):
        return [{"reason": reason, "count": count} for reason, count in group.reasons]


class FeedbackReport(Schema):
    total: int = Field(description="How many comments were received (every channel).")
    summary_html: str = Field(description="The office's summary of the feedback, as HTML.")
    groups: list[FeedbackGroupItem] = Field(
        description="The comments by decision, in the report's order."
    )


class SolicitationItem(DisclosureItem):
    opens_on: datetime.date = Field(description="First day comments are taken (征集开始).")
    closes_on: datetime.date = Field(description="Last day comments are taken (征集截止).")
    period_days: int = Field(description="Days comments are taken, both ends included.")
    state: Choice = Field(
        description="upcoming, open or closed, on today's date in the site's time zone, "
        "as the page shows it."
    )
    accepts_online: bool = Field(
        description="Whether the page takes comments through its online form while open."
    )
    feedback_published: bool = Field(
        description="Whether the feedback report (采纳情况反馈) is published: the detail's "
        "`feedback`. Only ever true once the solicitation has closed."
    )
    attachments: list[SolicitationAttachmentItem] = Field(
        description="The files of the draft, in the page's order."
    )

    @staticmethod
    def resolve_state(page):
        return choice(page.state, SolicitationState)

    @staticmethod
    def resolve_feedback_published(page):
        return page.shows_feedback

    @staticmethod
    def resolve_attachments(page):
        return list(page.attachments.all())


class SolicitationDetail(SolicitationItem):
    notice_html: str = Field(description="The notice (征求意见公告), as HTML.")
    draft_html: str = Field(description="The draft's text (征求意见稿), as HTML; may be empty.")
    drafting_explanation_html: str = Field(
        description="The drafting explanation (起草说明), as HTML; may be empty."
    )
    policy_basis_html: str = Field(description="The policy basis, as HTML; may be empty.")
    short_period_reason: str = Field(
        description="Why comments are taken for fewer days than the minimum; may be empty."
    )
    email: str = Field(description="The office's e-mail address for comments; may be empty.")
    postal_address: str = Field(
        description="The office's postal address for comments; may be empty."
    )
    feedback: FeedbackReport | None = Field(
        description="The feedback report; null until it is published after the closing date."
    )

    @staticmethod
    def resolve_notice_html(page):
        return _html(page.notice)

    @staticmethod
    def resolve_draft_html(page):
        return _html(page.draft_text)

    @staticmethod
    def resolve_drafting_explanation_html(page):
        return _html(page.drafting_explanation)

    @staticmethod
    def resolve_policy_basis_html(page):
        return _html(page.policy_basis)

    @staticmethod
    def resolve_feedback(page):
        if not page.shows_feedback:
            return None
        report = services.feedback(page)  # counts and grouped reasons, never who sent what
        return {
            "total": report.total,
            "summary_html": _html(page.feedback_summary),
            "groups": report.groups,
        }


class SolicitationFilters(PageFilters):
    state: Literal[tuple(SolicitationState.values)] | None = Field(
        None,
        description="upcoming, open or closed on today's date, as the solicitations index filters.",
    )


TEXT_FIELDS = ("notice", "draft_text", "drafting_explanation", "policy_basis", "feedback_summary")


class Solicitations(OpenData):
    kind = "solicitation"
    path = "solicitations"
    Item = SolicitationItem
    Detail = SolicitationDetail
    Filters = SolicitationFilters
    column_labels = {
        "period_days": pgettext_lazy("export heading", "Period (days)"),
        "state": pgettext_lazy("export heading", "State"),
        "attachments": pgettext_lazy("export heading", "Attachments"),
    }
    description = (
        "Comment solicitations on drafts (意见征集): period, state and files; the detail adds "
        "the texts and the published feedback report (采纳情况反馈)."
    )

    @staticmethod
    def _attachments():
        return Prefetch(
            "attachments",
            SolicitationAttachment.objects.select_related("document").order_by("sort_order", "pk"),
        )

    def items(self, queryset):
        return super().items(queryset).defer(*TEXT_FIELDS).prefetch_related(self._attachments())

    def details(self, queryset):
        return super().details(queryset).prefetch_related(self._attachments())

    def filter_own(self, queryset, values):
        if state := values.pop("state", None):
            queryset = solicitations_in(queryset, state)  # the index's own rule
        return super().filter_own(queryset, values)

    def feed_description(self, row):
        return gettext("%(start)s to %(end)s") % {
            "start": row.opens_on.isoformat(),
            "end": row.closes_on.isoformat(),
        }
