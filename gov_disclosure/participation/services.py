"""Dates, the yearly count of meetings, and the feedback statistics of a solicitation."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


@dataclass
class FeedbackGroup:
    decision: str
    label: str
    count: int
    reasons: list = field(default_factory=list)  # (reason, how many comments gave it)


@dataclass
class Feedback:
    total: int
    groups: list

    def count(self, decision) -> int:
        return next((g.count for g in self.groups if g.decision == decision), 0)


def feedback(solicitation) -> Feedback:
    """How many comments, how many of each decision, and the reasons grouped (one query)."""
    from .models import CommentDecision

    rows = list(
        solicitation.comments.order_by().values("decision", "reason").annotate(n=Count("pk"))
    )
    total = sum(row["n"] for row in rows)
    groups = []
    for decision in (
        CommentDecision.ADOPTED,
        CommentDecision.PARTLY,
        CommentDecision.NOT_ADOPTED,
        CommentDecision.PENDING,
    ):
        reasons = Counter()
        count = 0
        for row in rows:
            if row["decision"] == decision.value:
                count += row["n"]
                reason = " ".join((row["reason"] or "").split())
                if reason:
                    reasons[reason] += row["n"]
        if count:
            groups.append(
                FeedbackGroup(decision.value, decision.label, count, reasons.most_common())
            )
    return Feedback(total, groups)


def meetings_in_year(year: int):
    """Per agency that holds such meetings: the published meetings of ``year`` that public
    representatives attended. An agency with meetings in other years only is listed with 0,
    so that the dashboard shows who has not yet met the target."""
    from django.db.models import Q

    from .models import MeetingPage

    this_year = Q(meeting_date__year=year) & Q(representatives__isnull=False)
    return list(
        MeetingPage.objects.live()
        .filter(disclosure_attribute="proactive")
        .values("agency_id", "agency__name")
        .annotate(count=Count("pk", filter=this_year, distinct=True))
        .order_by("agency__name")
    )
