"""Policy documents and interpretations as open data (see ``gov_disclosure.opendata``)."""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

from gov_disclosure.opendata import (
    ID_MAX,
    Choice,
    DisclosureItem,
    FeedEvent,
    OpenData,
    PageFilters,
    PageRef,
    choice,
    public_reference,
)

from .models import DocumentPage, DocumentType, InterpretationPage, Validity, ValidityChange
from .models.interpretations import InterpretationType


def _absolute(context, url):
    request = (context or {}).get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


class Attachment(Schema):
    title: str
    pdf_url: str | None = Field(description="The attachment as PDF.")
    word_url: str | None = Field(description="The editable Word file, where there is one.")

    @staticmethod
    def resolve_pdf_url(attachment, context):
        return _absolute(context, attachment.pdf.url) if attachment.pdf_id else None

    @staticmethod
    def resolve_word_url(attachment, context):
        return _absolute(context, attachment.editable.url) if attachment.editable_id else None


class ValidityChangeItem(Schema):
    from_validity: Choice | None = Field(description="Validity before the change.")
    to_validity: Choice = Field(description="Validity from the date on.")
    changed_on: datetime.date = Field(description="Date from which the new validity holds.")
    reason: str

    @staticmethod
    def resolve_from_validity(change):
        return choice(change.from_validity, Validity)

    @staticmethod
    def resolve_to_validity(change):
        return choice(change.to_validity, Validity)


class DocumentItem(DisclosureItem):
    document_number: str = Field(
        description="Document number (发文字号), e.g. 某政办发〔2024〕3号."
    )
    index_number: str | None = Field(description="Index number (索引号), unique.")
    registration_number: str = Field(description="Unified registration number; may be empty.")
    document_type: Choice = Field(description="Kind of document.")
    validity: Choice = Field(description="Validity (有效性) today.")
    validity_changed_on: datetime.date | None
    date_written: datetime.date | None = Field(description="Date written (成文日期).")
    effective_date: datetime.date | None
    expiry_date: datetime.date | None
    caption: str

    @staticmethod
    def resolve_document_type(page):
        return choice(page.document_type, DocumentType)

    @staticmethod
    def resolve_validity(page):
        return choice(page.validity, Validity)


class DocumentDetail(DocumentItem):
    body_html: str = Field(description="The text of the document, as HTML.")
    attachments: list[Attachment]
    validity_history: list[ValidityChangeItem] = Field(description="Newest first.")
    supersedes: PageRef | None = Field(description="The older document this one revises.")
    replaced_by: PageRef | None = Field(description="The document that replaced this one.")
    interpretations: list[PageRef] = Field(description="Published interpretations of it.")

    @staticmethod
    def resolve_body_html(page):
        return str(page.body)

    @staticmethod
    def resolve_attachments(page):
        return list(page.attachments.all())

    @staticmethod
    def resolve_validity_history(page):
        return list(page.validity_changes.all())

    @staticmethod
    def resolve_supersedes(page, context):
        return public_reference(context, DocumentPage, page.supersedes)

    @staticmethod
    def resolve_replaced_by(page, context):
        return public_reference(context, DocumentPage, page.replaced_by)

    @staticmethod
    def resolve_interpretations(page):
        return list(page.public_interpretations)


class DocumentFilters(PageFilters):
    validity: Literal[tuple(Validity.values)] | None = Field(None, description="Validity today.")
    type: Literal[tuple(DocumentType.values)] | None = Field(None, description="Document type.")
    document_number: str | None = Field(
        None, max_length=100, description="The exact document number."
    )
    valid_on: datetime.date | None = Field(
        None,
        description="Only the documents in force on this date, as the catalogue of valid "
        "documents (现行有效目录) stood then: normative documents and regulations, with their "
        "validity rebuilt from the validity history.",
    )


class Documents(OpenData):
    kind = "document"
    path = "documents"
    Item = DocumentItem
    Detail = DocumentDetail
    Filters = DocumentFilters
    keyword_fields = ("document_number", "index_number", "registration_number", "caption")
    description = "Policy and normative documents (政策文件, 行政规范性文件) with their validity."

    events_label = _("Validity changes of policy documents")

    def events(self, queryset, request, limit):
        """Validity changes in force by today (not the first publication: the documents feed
        has those), newest first."""
        changes = (
            ValidityChange.objects.filter(
                document__in=queryset.order_by().values("pk"), changed_on__lte=timezone.localdate()
            )
            .exclude(source=ValidityChange.Source.FIRST_PUBLICATION)
            .select_related("document")
            .defer("document__body")
            .order_by("-changed_on", "-pk")[:limit]
        )
        events = []
        for change in changes:
            link = change.document.get_full_url(request=request)
            title = gettext("%(title)s: %(validity)s from %(date)s") % {
                "title": change.document.title,
                "validity": change.get_to_validity_display(),
                "date": change.changed_on.isoformat(),
            }
            events.append(
                FeedEvent(
                    title=title,
                    link=link,
                    date=change.changed_on,
                    description=change.reason,
                    unique_id=f"{link}#validity-{change.pk}",
                )
            )
        return events

    def references(self, rows):
        return {
            DocumentPage: {row.supersedes_id for row in rows} | {row.replaced_by_id for row in rows}
        }

    def details(self, queryset):
        interpretations = (
            InterpretationPage.objects.public_disclosures()
            .defer_streamfields()
            .order_by("publication_date", "pk")
        )
        related = ("supersedes", "replaced_by")
        return (
            super()
            .details(queryset)
            .select_related(*related)
            .defer(*(f"{name}__body" for name in related))
            .prefetch_related(
                "attachments__pdf",
                "attachments__editable",
                "validity_changes",
                Prefetch("interpretations", interpretations, to_attr="public_interpretations"),
            )
        )

    def filter_own(self, queryset, values):
        if validity := values.pop("validity", None):
            queryset = queryset.filter(validity=validity)
        if document_type := values.pop("type", None):
            queryset = queryset.filter(document_type=document_type)
        if number := values.pop("document_number", None):
            queryset = queryset.filter(document_number=number.strip())
        if valid_on := values.pop("valid_on", None):
            from .services import valid_documents

            queryset = valid_documents(valid_on, queryset)
        return super().filter_own(queryset, values)


class InterpretationItem(DisclosureItem):
    interpretation_type: Choice
    summary: str
    document: PageRef | None = Field(description="The interpreted document.")

    @staticmethod
    def resolve_interpretation_type(page):
        return choice(page.interpretation_type, InterpretationType)

    @staticmethod
    def resolve_document(page, context):
        return public_reference(context, DocumentPage, page.document)


class InterpretationDetail(InterpretationItem):
    body_html: str = Field(description="The interpretation, as HTML.")

    @staticmethod
    def resolve_body_html(page):
        return str(page.body)


class InterpretationFilters(PageFilters):
    document: int | None = Field(
        None, ge=1, le=ID_MAX, description="Id of the interpreted document."
    )
    type: Literal[tuple(InterpretationType.values)] | None = Field(
        None, description="Kind of interpretation."
    )


class Interpretations(OpenData):
    kind = "interpretation"
    path = "interpretations"
    Item = InterpretationItem
    Detail = InterpretationDetail
    Filters = InterpretationFilters
    column_labels = {
        "document_id": pgettext_lazy("export heading", "ID of the interpreted document"),
        "document_title": pgettext_lazy("export heading", "Interpreted document"),
        "document_url": pgettext_lazy("export heading", "Web address of the interpreted document"),
    }
    keyword_fields = ("summary",)
    item_related = (*OpenData.item_related, "document")
    description = "Policy interpretations (政策解读), each of one document."

    def items(self, queryset):
        return super().items(queryset).defer("document__body")

    def references(self, rows):
        return {DocumentPage: {row.document_id for row in rows if row.document_id}}

    def filter_own(self, queryset, values):
        if document := values.pop("document", None):
            queryset = queryset.filter(document_id=document)
        if interpretation_type := values.pop("type", None):
            queryset = queryset.filter(interpretation_type=interpretation_type)
        return super().filter_own(queryset, values)
