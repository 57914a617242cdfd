import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gov_disclosure.blocks import BodyBlock
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.translations import NotShared, facts, original_of

from ..app_settings import app_settings
from ..forms import DocumentPageForm
from ..panels import ValidityHistoryPanel
from ..validators import (
    EDITABLE_EXTENSIONS,
    PDF_EXTENSIONS,
    normalize_document_number,
    validate_document_number,
    validate_registration_number,
)
from .validity import Validity


class DocumentType(models.TextChoices):
    NORMATIVE = "normative", _("Normative document")
    REGULATION = "regulation", _("Government regulation")
    OTHER = "other", _("Other policy document")


class IndexNumberSequence(models.Model):
    """The last serial handed out for one agency and year. Serials are never handed out twice."""

    agency_code = models.CharField(max_length=64)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency_code", "year"], name="gov_disclosure_documents_unique_sequence"
            )
        ]

    def __str__(self):
        return f"{self.agency_code}/{self.year}: {self.last_serial}"

    @classmethod
    def allocate(cls, agency_code: str, year: int, is_taken) -> str:
        """Return the next unused index number; ``is_taken(number)`` skips imported ones."""
        with transaction.atomic():
            sequence, _created = cls.objects.select_for_update().get_or_create(
                agency_code=agency_code, year=year
            )
            while True:
                sequence.last_serial += 1
                number = app_settings.INDEX_NUMBER_PATTERN.format(
                    agency_code=agency_code, year=year, serial=sequence.last_serial
                )
                if not is_taken(number):
                    break
            sequence.save(update_fields=["last_serial"])
        return number


class NormativeDocumentMixin(DisclosurePageMixin):
    """Every field of a normative document (行政规范性文件). Use before ``Page`` in the bases.

    ``validity``, ``validity_changed_on``, ``replaced_by`` and ``index_number`` belong to the
    document as a whole, not to a draft: they change only through
    :func:`gov_disclosure.documents.services.change_validity` (and numbering), and publishing an
    older revision never brings back an old value.
    """

    document_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.NORMATIVE,
        db_index=True,
    )
    index_number = models.CharField(
        _("index number"),
        max_length=80,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Given automatically when the document is first saved; never reused."),
    )
    document_number = models.CharField(
        _("document number"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 某政办发〔2022〕12号; other brackets around the year are corrected."),
    )
    registration_number = models.CharField(
        _("registration number"),
        max_length=60,
        blank=True,
        help_text=_("The unified registration number of normative documents, e.g. HFGS—2017—9."),
    )
    date_written = models.DateField(_("date written"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True, db_index=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True, db_index=True)
    validity = models.CharField(
        _("validity"),
        max_length=20,
        choices=Validity.choices,
        default=Validity.NOT_YET_EFFECTIVE,
        db_index=True,
    )
    validity_changed_on = models.DateField(_("validity changed on"), null=True, blank=True)
    caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_("One line under the title, e.g. 2026年3月5日县政府第12次常务会议审议通过."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    supersedes = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("revises"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The older document this one revises. Publishing this document marks the older one "
            "as amended and links the two."
        ),
    )
    replaced_by = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The same in every language; the index number is the original's alone (it is unique), a
    # translation shows it through ``display_index_number``.
    override_translatable_fields = [
        *DisclosurePageMixin.override_translatable_fields,
        *facts(
            "document_type",
            "document_number",
            "registration_number",
            "date_written",
            "effective_date",
            "expiry_date",
            "validity",
            "validity_changed_on",
        ),
        NotShared("index_number"),
    ]

    # Kept from the live page whatever a revision says (see the class docstring).
    document_state_fields = ("validity", "validity_changed_on", "replaced_by_id", "index_number")

    class Meta:
        abstract = True

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.document_state_fields:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def display_index_number(self):
        """The index number, or for a translation the number of the original document."""
        if self.index_number:
            return self.index_number
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key, index_number__isnull=False)
            .values_list("index_number", flat=True)
            .first()
        )

    @property
    def is_valid(self):
        return self.validity == Validity.VALID

    @property
    def validity_banner(self):
        """The notice shown above a document that is no longer (or not yet) in force."""
        return {
            Validity.NOT_YET_EFFECTIVE: _("This document is not yet in force"),
            Validity.EXPIRED: _("This document has expired"),
            Validity.REPEALED: _("This document has been repealed"),
            Validity.AMENDED: _("This document has been amended"),
        }.get(self.validity)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        self.document_number = normalize_document_number(self.document_number)
        self.registration_number = (self.registration_number or "").strip()
        if self.document_number:
            try:
                validate_document_number(self.document_number)
            except ValidationError as error:
                errors.setdefault("document_number", []).extend(error.messages)
        elif self.document_type == DocumentType.NORMATIVE:
            errors.setdefault("document_number", []).append(
                _("A normative document needs its document number.")
            )
        if self.registration_number:
            try:
                validate_registration_number(self.registration_number)
            except ValidationError as error:
                errors.setdefault("registration_number", []).extend(error.messages)
        if self.agency_id is None:
            errors.setdefault("agency", []).append(_("Choose the issuing agency."))
        if (
            self.date_written
            and self.publication_date
            and self.date_written > self.publication_date
        ):
            errors.setdefault("publication_date", []).append(
                _("A document cannot be published before the date it was written.")
            )
        term = app_settings.DOCUMENT_TERM_YEARS
        if (
            term
            and self.document_type == DocumentType.NORMATIVE
            and self.effective_date
            and not self.expiry_date
        ):
            self.expiry_date = _add_years(self.effective_date, term) - datetime.timedelta(days=1)
        if self.effective_date and self.expiry_date and self.expiry_date <= self.effective_date:
            errors.setdefault("expiry_date", []).append(
                _("The expiry date must come after the effective date.")
            )
        if self.supersedes_id and self.pk and self.supersedes_id == self.pk:
            errors.setdefault("supersedes", []).append(_("A document cannot revise itself."))
        if errors:
            raise ValidationError(errors)

    def attachment_problems(self):
        """Messages for attachments that may not be published as they are."""
        problems = []
        for attachment in self.attachments.all():
            problems.extend(attachment.problems())
        return problems

    def agency_code(self):
        agency = self.agency
        if agency is None:
            return None
        return agency.credit_code or f"AGENCY{agency.pk:06d}"

    def assign_index_number(self):
        if self.index_number or self.agency_id is None:
            return
        if self.translation_key and original_of(self) is not self:
            return  # a translation shares the original's number (see `display_index_number`)
        year = (self.publication_date or self.date_written or _today()).year
        model = type(self)
        self.index_number = IndexNumberSequence.allocate(
            self.agency_code(),
            year,
            is_taken=lambda number: model.objects.filter(index_number=number).exists(),
        )

    def save(self, *args, clean=True, **kwargs):
        self.assign_index_number()
        # The admin form refuses to publish with a clear message (forms.py); this stops every
        # other way of going live (workflow approval, scheduled publishing, scripts).
        if clean and self.live and self.pk:
            problems = self.attachment_problems()
            if problems:
                raise ValidationError(problems)
        return super().save(*args, clean=clean, **kwargs)


def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _today():
    from django.utils import timezone

    return timezone.localdate()


class DocumentPage(NormativeDocumentMixin, Page):
    """A normative document (or other policy document) in the document library."""

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("caption"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("document_type"), FieldPanel("index_number", read_only=True)]
                    ),
                    FieldRowPanel(
                        [FieldPanel("document_number"), FieldPanel("registration_number")]
                    ),
                    FieldPanel("agency"),
                    FieldPanel("theme_category"),
                    FieldRowPanel([FieldPanel("date_written"), FieldPanel("publication_date")]),
                    FieldRowPanel([FieldPanel("effective_date"), FieldPanel("expiry_date")]),
                    FieldRowPanel(
                        [
                            FieldPanel("validity", read_only=True),
                            FieldPanel("replaced_by", read_only=True),
                        ]
                    ),
                    FieldPanel("supersedes"),
                ],
                heading=_("Document details"),
            ),
            FieldPanel("body"),
            InlinePanel(
                "attachments",
                heading=_("Attachments"),
                label=_("Attachment"),
                help_text=_("Each Word file is published together with its PDF version."),
            ),
            ValidityHistoryPanel(heading=_("Validity history")),
        ]
        + DisclosurePageMixin.disclosure_panels
    )

    search_fields = (
        Page.search_fields
        + DisclosurePageMixin.disclosure_search_fields
        + [
            index.SearchField("document_number"),
            index.SearchField("caption"),
            index.SearchField("body"),
            index.FilterField("index_number"),
            index.FilterField("validity"),
            index.FilterField("document_type"),
            index.FilterField("effective_date"),
        ]
    )

    exclude_fields_in_copy = ["index_number", "validity", "validity_changed_on", "replaced_by"]
    base_form_class = DocumentPageForm
    parent_page_types = ["gov_disclosure_documents.DocumentLibraryPage"]
    subpage_types = []
    template = "gov_disclosure_documents/document_page.html"

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def get_context(self, request, *args, **kwargs):
        from .interpretations import InterpretationPage

        context = super().get_context(request, *args, **kwargs)
        context["interpretations"] = list(
            InterpretationPage.objects.public_disclosures()
            .filter(document=self)
            .order_by("publication_date", "pk")
        )
        context["attachments"] = list(
            self.attachments.select_related("pdf", "editable").order_by("sort_order")
        )
        return context


class DocumentAttachment(Orderable):
    """An attachment, offered as PDF and, where there is one, as an editable Word file."""

    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    editable = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Word file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("pdf"), FieldPanel("editable")])]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def problems(self):
        problems = []
        if self.editable_id and not self.pdf_id:
            problems.append(
                _("Attachment “%(title)s” has a Word file but no PDF version: add the PDF.")
                % {"title": self.title}
            )
        if self.pdf_id and self.pdf.file_extension.lower() not in PDF_EXTENSIONS:
            problems.append(
                _("Attachment “%(title)s”: the PDF version must be a .pdf file.")
                % {"title": self.title}
            )
        if self.editable_id and self.editable.file_extension.lower() not in EDITABLE_EXTENSIONS:
            problems.append(
                _(
                    "Attachment “%(title)s”: the Word version must be a .doc, .docx, .wps, "
                    ".odt, .ofd or .rtf file."
                )
                % {"title": self.title}
            )
        if not self.pdf_id and not self.editable_id:
            problems.append(_("Attachment “%(title)s” has no file.") % {"title": self.title})
        return problems
