"""Rows of the admin reports on interpretations and timeliness, computed without N+1 queries.

Dates come from the database in one query (the first interpretation as a subquery). A first
cut in SQL keeps only documents whose gap is longer than the limit in *calendar* days, which
every late document has since working days never outnumber calendar days; the working days
are then counted in Python with one :class:`~gov_disclosure.workdays.WorkdayCalendar`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import DateField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext

from gov_disclosure.workdays import WorkdayCounter

from . import services
from .app_settings import app_settings
from .models import DocumentPage, InterpretationPage


def published_on():
    """A page's publication date, or the day it first went live when none was entered."""
    return Coalesce(
        F("publication_date"), TruncDate("first_published_at"), output_field=DateField()
    )


def _later_than(field: str, start: str, days: int):
    """``field`` falls more than ``days`` calendar days after ``start``."""
    limit = ExpressionWrapper(F(start) + datetime.timedelta(days=days), output_field=DateField())
    return Q(**{f"{field}__gt": limit})


def _agency_name(document) -> str:
    return document.agency.name if document.agency_id else ""


# Only what the reports show, so that long bodies are not read for thousands of rows.
REPORT_FIELDS = (
    "id",
    "title",
    "draft_title",
    "document_number",
    "date_written",
    "publication_date",
    "first_published_at",
    "agency__name",
)


def report_documents():
    """Public documents with their agency and publication date, for both reports."""
    return (
        DocumentPage.objects.public_disclosures()
        .select_related("agency")
        .only(*REPORT_FIELDS)
        .annotate(published_on=published_on())
        .filter(published_on__isnull=False)
    )


# Interpretations (政策解读) ------------------------------------------------------------------


@dataclass
class InterpretationRow:
    """A document whose interpretation is missing or came late."""

    document: DocumentPage
    published_on: datetime.date
    interpreted_on: datetime.date | None
    workdays: int  # from publication to the interpretation, or to today when it is missing
    limit: int

    @property
    def is_missing(self) -> bool:
        return self.interpreted_on is None

    @property
    def status_label(self) -> str:
        return gettext("No interpretation") if self.is_missing else gettext("Interpreted late")

    @property
    def agency_name(self) -> str:
        return _agency_name(self.document)

    @property
    def workdays_late(self) -> int:
        return max(self.workdays - self.limit, 0)


def with_first_interpretation(queryset):
    """Annotate ``first_interpretation``: the date of the earliest public interpretation."""
    interpretations = (
        InterpretationPage.objects.public_disclosures()
        .filter(document=OuterRef("pk"))
        .annotate(interpreted_on=published_on())
        .filter(interpreted_on__isnull=False)
        .order_by("interpreted_on", "pk")
        .values("interpreted_on")[:1]
    )
    return queryset.annotate(
        first_interpretation=Subquery(interpretations, output_field=DateField())
    )


def interpretation_candidates(queryset=None, limit: int | None = None):
    """Documents that may be in the report: no interpretation, or one too many days later."""
    limit = app_settings.INTERPRETATION_DAYS if limit is None else limit
    queryset = with_first_interpretation(report_documents() if queryset is None else queryset)
    return queryset.filter(
        Q(first_interpretation__isnull=True)
        | _later_than("first_interpretation", "published_on", limit)
    )


def interpretation_rows(documents, limit: int | None = None, on: datetime.date | None = None):
    """Rows for documents annotated as by :func:`interpretation_candidates`.

    A document is listed when it has no interpretation, or when its first interpretation came
    more than ``limit`` working days (``GOV_DISCLOSURE_INTERPRETATION_DAYS``) after it.
    """
    limit = app_settings.INTERPRETATION_DAYS if limit is None else limit
    on = on or services.today()
    documents = list(documents)
    count = WorkdayCounter(
        [on] + [d.published_on for d in documents] + [d.first_interpretation for d in documents]
    )
    rows = []
    for document in documents:
        interpreted_on = document.first_interpretation
        workdays = count(document.published_on, interpreted_on or on)
        if interpreted_on is not None and workdays <= limit:
            continue
        rows.append(
            InterpretationRow(
                document=document,
                published_on=document.published_on,
                interpreted_on=interpreted_on,
                workdays=max(workdays, 0),
                limit=limit,
            )
        )
    return rows


# Timeliness of publication (公开时效) ---------------------------------------------------------


@dataclass
class TimelinessRow:
    """A document published more than the allowed working days after it was written."""

    document: DocumentPage
    date_written: datetime.date
    published_on: datetime.date
    workdays: int
    limit: int

    @property
    def workdays_late(self) -> int:
        return max(self.workdays - self.limit, 0)

    @property
    def agency_name(self) -> str:
        return _agency_name(self.document)


def timeliness_candidates(queryset=None, limit: int | None = None):
    limit = app_settings.PUBLICATION_DAYS if limit is None else limit
    queryset = report_documents() if queryset is None else queryset
    return queryset.filter(date_written__isnull=False).filter(
        _later_than("published_on", "date_written", limit)
    )


def timeliness_rows(documents, limit: int | None = None):
    """Rows for documents from :func:`timeliness_candidates` published too late.

    Late means more than ``limit`` working days (``GOV_DISCLOSURE_PUBLICATION_DAYS``, 20 by
    the Regulations, Art. 26) after the date written.
    """
    limit = app_settings.PUBLICATION_DAYS if limit is None else limit
    documents = list(documents)
    count = WorkdayCounter(
        [d.date_written for d in documents] + [d.published_on for d in documents]
    )
    rows = []
    for document in documents:
        workdays = count(document.date_written, document.published_on)
        if workdays > limit:
            rows.append(
                TimelinessRow(
                    document=document,
                    date_written=document.date_written,
                    published_on=document.published_on,
                    workdays=workdays,
                    limit=limit,
                )
            )
    return rows
