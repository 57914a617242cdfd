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
    """Public meetings with at least one public representative, per agency, in ``year``."""
    from .models import MeetingPage

    return list(
        MeetingPage.objects.live()
        .filter(meeting_date__year=year, representatives__isnull=False)
        .values("agency_id", "agency__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("agency__name")
    )
