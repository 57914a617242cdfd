"""The figures of Table 3 of the annual report (收到和处理政府信息公开申请情况) from the records.

A request counts from its legal day of receipt (an online request not yet confirmed does not
count) and is handled on the day its reply was sent. For a year:

- 本年新收 (new): received in the year;
- 上年结转 (carried over): received before the year, not replied to before it;
- 本年度办理结果 (handled): replied to in the year, by outcome;
- 结转下年度 (carried forward): received by the end of the year, not replied to in it.

so that, per column, new + carried over = handled + carried forward, by construction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import ApplicantType, InformationRequest, OrganisationCategory
from .outcomes import GROUPS

COLUMNS = (ApplicantType.PERSON.value, *OrganisationCategory.values)
COLUMN_LABELS = {
    ApplicantType.PERSON.value: _("Natural persons"),
    **dict(OrganisationCategory.choices),
}


def _zero():
    return dict.fromkeys(COLUMNS, 0)


@dataclass
class RequestStatistics:
    year: int
    new: dict = field(default_factory=_zero)
    carried_over: dict = field(default_factory=_zero)
    outcomes: dict = field(default_factory=dict)  # outcome code -> column -> count
    carried_forward: dict = field(default_factory=_zero)

    def outcome(self, code) -> dict:
        return self.outcomes.setdefault(code, _zero())

    def group(self, group) -> dict:
        totals = _zero()
        for code in group.outcomes:
            for column, count in self.outcome(code).items():
                totals[column] += count
        return totals

    @property
    def handled(self) -> dict:
        totals = _zero()
        for group in GROUPS:
            for column, count in self.group(group).items():
                totals[column] += count
        return totals

    @staticmethod
    def total(row: dict) -> int:
        return sum(row.values())


def _column_expression():
    from django.db.models import Case, CharField, Value, When
    from django.db.models.functions import Coalesce, NullIf

    return Case(
        When(applicant_type=ApplicantType.PERSON, then=Value(ApplicantType.PERSON)),
        default=Coalesce(
            NullIf("organisation_category", Value("")), Value(OrganisationCategory.OTHER)
        ),
        output_field=CharField(),
    )


def request_statistics(year: int, agency=None) -> RequestStatistics:
    """Table 3 for ``year`` (and one agency, or all), in two queries."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    queryset = InformationRequest.objects.exclude(received_on=None).filter(received_on__lte=end)
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    queryset = queryset.annotate(column=_column_expression())
    result = RequestStatistics(year)

    not_replied_before_start = Q(reply_sent_on=None) | Q(reply_sent_on__gte=start)
    not_replied_by_end = Q(reply_sent_on=None) | Q(reply_sent_on__gt=end)
    rows = queryset.values("column").annotate(
        new=Count("pk", filter=Q(received_on__gte=start)),
        carried_over=Count("pk", filter=Q(received_on__lt=start) & not_replied_before_start),
        carried_forward=Count("pk", filter=not_replied_by_end),
    )
    for row in rows:
        column = row["column"]
        result.new[column] += row["new"]
        result.carried_over[column] += row["carried_over"]
        result.carried_forward[column] += row["carried_forward"]

    handled = (
        queryset.filter(reply_sent_on__gte=start, reply_sent_on__lte=end)
        .values("column", "outcome")
        .annotate(count=Count("pk"))
    )
    for row in handled:
        result.outcome(row["outcome"])[row["column"]] += row["count"]
    return result
