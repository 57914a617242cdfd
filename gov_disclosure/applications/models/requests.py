"""A request for disclosure on application (依申请公开申请) and what the office records on it.

Not a page: requests hold applicants' personal data and are seen only by the disclosure office's
group, in the admin. Every change is kept by django-simple-history with the acting user.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords

from gov_disclosure.history import ChildHistoricalRecords
from gov_disclosure.validators import normalize_credit_code, validate_credit_code

from ..app_settings import app_settings
from ..outcomes import LEGAL_BASIS, Outcome


class ApplicantType(models.TextChoices):
    PERSON = "person", _("Natural person")
    ORGANISATION = "organisation", _("Legal person or other organisation")


class OrganisationCategory(models.TextChoices):
    """The five columns of organisations in Table 3 of the annual report."""

    COMMERCIAL = "commercial", _("Commercial enterprise")
    RESEARCH = "research", _("Research institution")
    NONPROFIT = "nonprofit", _("Public-interest organisation")
    LEGAL_SERVICE = "legal_service", _("Legal service institution")
    OTHER = "other", _("Other organisation")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("Resident identity card")
    HK_MACAO = "hk_macao", _("Mainland travel permit for Hong Kong and Macao residents")
    TAIWAN = "taiwan", _("Mainland travel permit for Taiwan residents")
    PASSPORT = "passport", _("Passport")
    OTHER = "other", _("Other identity document")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    POST = "post", _("Post")
    FAX = "fax", _("Fax")


# Art. 31: the day of receipt is the day of the visit in person, the day the letter was signed
# for, and the day both sides confirmed an online or fax request.
RECEIPT_RULE = {
    Channel.ONLINE: _("the day the office confirmed the online request"),
    Channel.IN_PERSON: _("the day the applicant handed in the request"),
    Channel.POST: _("the day the letter was signed for"),
    Channel.FAX: _("the day the office confirmed the fax with the applicant"),
}


class InformationForm(models.TextChoices):
    PAPER = "paper", _("On paper")
    ELECTRONIC = "electronic", _("Electronic")


class Delivery(models.TextChoices):
    POST = "post", _("By post")
    EMAIL = "email", _("By e-mail")
    PICKUP = "pickup", _("Collect in person")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting confirmation of receipt")
    CLARIFICATION = "clarification", _("Waiting for the applicant's clarification")
    PROCESSING = "processing", _("Being processed")
    REPLIED = "replied", _("Replied")


def resident_id_error(number: str):
    """Why an 18-digit resident identity number is wrong (None when it is right)."""
    from stdnum import exceptions
    from stdnum.cn import ric

    if len(number) != 18:
        return _("A resident identity card number has 18 characters.")
    try:
        ric.validate(number)
    except exceptions.InvalidChecksum:
        return _(
            "The last character of this identity card number does not match; check for a typo."
        )
    except exceptions.ValidationError:
        return _(
            "This is not a valid identity card number: 17 digits followed by a digit or X, "
            "with a real date of birth."
        )
    return None


def hash_secret(secret: str) -> str:
    """A keyed hash of a status secret; the secret itself is shown once and never stored."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, secret.strip().upper().encode(), hashlib.sha256).hexdigest()


# No 0/O, 1/I/L: the secret is read off paper and typed by people of every age.
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _i in range(10))


class InformationRequest(ClusterableModel):
    tracking_number = models.CharField(_("tracking number"), max_length=32, unique=True)
    secret_hash = models.CharField(max_length=64, editable=False, blank=True)
    submission_token = models.CharField(
        max_length=64, editable=False, unique=True, null=True, blank=True
    )
    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("agency applied to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    channel = models.CharField(
        _("received by"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    received_on = models.DateField(
        _("date of receipt"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "The legal date of receipt: the day of the visit, the day a letter was signed for, "
            "or the day an online or fax request was confirmed. The clock starts from it."
        ),
    )

    # The applicant (only the disclosure office's group sees these) -------------------------------
    applicant_type = models.CharField(
        _("applicant"), max_length=20, choices=ApplicantType.choices, default=ApplicantType.PERSON
    )
    organisation_category = models.CharField(
        _("kind of organisation"), max_length=20, choices=OrganisationCategory.choices, blank=True
    )
    name = models.CharField(_("name of the applicant"), max_length=200)
    id_type = models.CharField(
        _("identity document"), max_length=20, choices=IdType.choices, blank=True
    )
    id_number = models.CharField(_("document number"), max_length=40, blank=True)
    organisation_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=100, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=40)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)

    # What is asked for ---------------------------------------------------------------------------
    description = models.TextField(_("information requested"))
    purpose = models.TextField(_("purpose"), blank=True)
    information_form = models.CharField(
        _("form of the information"),
        max_length=20,
        choices=InformationForm.choices,
        default=InformationForm.ELECTRONIC,
    )
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=Delivery.choices, default=Delivery.EMAIL
    )

    # Handling ------------------------------------------------------------------------------------
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
        editable=False,
    )
    notes = models.TextField(_("internal notes"), blank=True)

    clarification_sent_on = models.DateField(
        _("clarification requested on"),
        null=True,
        blank=True,
        help_text=_("The day the request for clarification (补正) went out."),
    )
    clarification_content = models.TextField(_("what must be clarified"), blank=True)
    clarified_on = models.DateField(
        _("clarified request received on"),
        null=True,
        blank=True,
        help_text=_("The clock starts again from this day."),
    )

    extension_days = models.PositiveSmallIntegerField(
        _("extension (working days)"),
        default=0,
        help_text=_("One extension of at most 20 working days, with its approval."),
    )
    extension_approved_by = models.CharField(_("extension approved by"), max_length=100, blank=True)
    extension_approved_on = models.DateField(_("extension approved on"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)

    due_on = models.DateField(_("reply due"), null=True, blank=True, db_index=True, editable=False)
    clarification_due_on = models.DateField(
        _("clarification due"), null=True, blank=True, editable=False
    )

    # The reply -----------------------------------------------------------------------------------
    outcome = models.CharField(
        _("outcome"), max_length=40, choices=Outcome.choices, blank=True, db_index=True
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("Left empty, the article the outcome usually rests on is used."),
    )
    reply_text = models.TextField(
        _("reply"),
        blank=True,
        help_text=_("What the reply letter says about the request, in the office's words."),
    )
    reply_sent_on = models.DateField(_("reply sent on"), null=True, blank=True, db_index=True)
    published_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("published as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Information given in reply that is of public interest can also be disclosed "
            "proactively: choose the page that publishes it."
        ),
    )

    # Fees (信息处理费) ----------------------------------------------------------------------------
    fee_yuan = models.PositiveIntegerField(_("fee (yuan)"), default=0, editable=False)
    fee_waived = models.BooleanField(_("fee waived"), default=False)
    fee_waiver_reason = models.CharField(_("reason for the waiver"), max_length=255, blank=True)
    fee_notice_sent_on = models.DateField(_("fee notice sent on"), null=True, blank=True)
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["secret_hash", "submission_token"])

    class Meta:
        verbose_name = _("request for disclosure")
        verbose_name_plural = _("requests for disclosure")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return self.tracking_number

    # Derived -------------------------------------------------------------------------------------

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type == ApplicantType.ORGANISATION

    @property
    def report_column(self) -> str:
        """The applicant column of Table 3: ``person`` or one of the organisation categories."""
        if self.is_organisation:
            return self.organisation_category or OrganisationCategory.OTHER
        return ApplicantType.PERSON

    @property
    def channel_label(self):
        return self.get_channel_display()

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def outcome_label(self):
        return self.get_outcome_display()

    @property
    def report_column_label(self):
        if self.is_organisation:
            return self.get_organisation_category_display()
        return self.get_applicant_type_display()

    @property
    def effective_legal_basis(self) -> str:
        return self.legal_basis.strip() or LEGAL_BASIS.get(self.outcome, "")

    @property
    def applicant_key(self) -> str:
        """Who the applicant is, for counting their requests in a month (the fee)."""
        code = self.organisation_code if self.is_organisation else self.id_number
        code = (code or "").strip().upper()
        return code or f"{self.name.strip()}|{self.phone.strip()}"

    def derive_status(self) -> str:
        if self.outcome and self.reply_sent_on:
            return Status.REPLIED
        if self.received_on is None:
            return Status.SUBMITTED
        if self.clarification_sent_on and not self.clarified_on:
            return Status.CLARIFICATION
        return Status.PROCESSING

    def set_secret(self) -> str:
        """Give the request a new status secret and return it (shown to the applicant once)."""
        secret = new_secret()
        self.secret_hash = hash_secret(secret)
        return secret

    def secret_matches(self, secret: str) -> bool:
        return bool(self.secret_hash) and hmac.compare_digest(
            self.secret_hash, hash_secret(secret or "")
        )

    @classmethod
    def next_tracking_number(cls, year: int) -> str:
        prefix = f"{app_settings.APPLICATION_NUMBER_PREFIX}{year}"
        last = (
            cls.objects.filter(tracking_number__startswith=prefix)
            .order_by("-tracking_number")
            .values_list("tracking_number", flat=True)
            .first()
        )
        tail = last[len(prefix) :] if last else ""
        number = int(tail) + 1 if tail.isdigit() else 1
        return f"{prefix}{number:05d}"

    # Validation ----------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        limit = app_settings.APPLICATION_MAX_EXTENSION_DAYS
        errors.update(self._applicant_errors())
        submitted_on = timezone.localtime(self.submitted_at).date() if self.submitted_at else None
        if self.channel == Channel.ONLINE:
            if self.received_on and submitted_on and self.received_on < submitted_on:
                errors["received_on"] = _(
                    "An online request is received on the day the office confirms it, which "
                    "cannot be before it was sent."
                )
        elif not self.received_on:
            errors["received_on"] = _("Enter the date of receipt: %(rule)s.") % {
                "rule": RECEIPT_RULE[self.channel]
            }
        if self.clarification_sent_on and not self.received_on:
            errors["clarification_sent_on"] = _("Record the date of receipt first.")
        if (
            self.clarification_sent_on
            and self.received_on
            and self.clarification_sent_on < self.received_on
        ):
            errors["clarification_sent_on"] = _(
                "A clarification cannot be requested before the request was received."
            )
        if self.clarified_on and not self.clarification_sent_on:
            errors["clarified_on"] = _("No clarification was requested.")
        elif self.clarified_on and self.clarified_on < self.clarification_sent_on:
            errors["clarified_on"] = _(
                "The clarified request cannot arrive before the clarification was requested."
            )
        if self.extension_days:
            if self.extension_days > limit:
                errors["extension_days"] = _("An extension is at most %(limit)d working days.") % {
                    "limit": limit
                }
            if not self.extension_approved_by.strip():
                errors["extension_approved_by"] = _("Record who approved the extension.")
            if not self.extension_approved_on:
                errors["extension_approved_on"] = _("Record the day the extension was approved.")
            if not self.extension_reason.strip():
                errors["extension_reason"] = _("Give the reason for the extension.")
        if self.reply_sent_on:
            if not self.outcome:
                errors["outcome"] = _("Choose the outcome before recording the reply as sent.")
            if not self.received_on:
                errors["reply_sent_on"] = _("Record the date of receipt first.")
            elif self.reply_sent_on < self.received_on:
                errors["reply_sent_on"] = _("The reply cannot be sent before the request arrived.")
        if self.outcome == Outcome.OTHER_NOT_CLARIFIED and not self.clarification_sent_on:
            errors["outcome"] = _("No clarification was requested from this applicant.")
        if self.published_page_id and self.outcome not in (
            Outcome.DISCLOSED,
            Outcome.PARTLY_DISCLOSED,
        ):
            errors["published_page"] = _(
                "Only information disclosed in reply can be linked to a published page."
            )
        if self.fee_waived and not self.fee_waiver_reason.strip():
            errors["fee_waiver_reason"] = _("Give the reason for waiving the fee.")
        if errors:
            raise ValidationError(errors)

    def _applicant_errors(self) -> dict:
        errors = {}
        if self.is_organisation:
            if not self.organisation_category:
                errors["organisation_category"] = _("Choose the kind of organisation.")
            self.organisation_code = normalize_credit_code(self.organisation_code)
            if not self.organisation_code:
                errors["organisation_code"] = _("Enter the unified social credit code.")
            else:
                try:
                    validate_credit_code(self.organisation_code)
                except ValidationError as error:
                    errors["organisation_code"] = error.messages
            self.id_type, self.id_number = "", ""
        else:
            self.organisation_category = self.organisation_code = ""
            self.legal_representative = self.contact_person = ""
            self.id_number = (self.id_number or "").strip().upper().replace(" ", "")
            if not self.id_type:
                errors["id_type"] = _("Choose the kind of identity document.")
            if not self.id_number:
                errors["id_number"] = _("Enter the number of the identity document.")
            elif self.id_type == IdType.RESIDENT_ID:
                error = resident_id_error(self.id_number)
                if error:
                    errors["id_number"] = error
        return errors

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # Remembered so that moving the date of receipt to another month also recomputes the
        # fees of the month the request leaves.
        instance._loaded_received_on = instance.__dict__.get("received_on")
        return instance

    def save(self, *args, **kwargs):
        from .. import clock, fees

        self.status = self.derive_status()
        clock.apply(self)
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            previous = getattr(self, "_loaded_received_on", None)
            if previous and (
                self.received_on is None
                or previous.replace(day=1) != self.received_on.replace(day=1)
            ):
                fees.update_month(self, month=previous)
            fees.update_month(self)
            self._loaded_received_on = self.received_on


class Consultation(models.Model):
    """A third party or another agency asked for its opinion (征求意见): the time it takes does
    not count towards the reply's time limit (Art. 32 and 33)."""

    class Kind(models.TextChoices):
        THIRD_PARTY = "third_party", _("Third party")
        AGENCY = "agency", _("Another agency")

    request = ParentalKey(
        InformationRequest, on_delete=models.CASCADE, related_name="consultations"
    )
    kind = models.CharField(_("consulted"), max_length=20, choices=Kind.choices)
    party = models.CharField(_("who was consulted"), max_length=200)
    sent_on = models.DateField(_("asked on"))
    answered_on = models.DateField(
        _("answered on"), null=True, blank=True, help_text=_("Empty while no answer has come.")
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    history = ChildHistoricalRecords()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["sort_order", "sent_on"]

    def __str__(self):
        return self.party

    def clean(self):
        super().clean()
        if self.answered_on and self.sent_on and self.answered_on < self.sent_on:
            raise ValidationError(
                {"answered_on": _("The answer cannot come before the question was sent.")}
            )


def request_file_upload_to(instance, filename):
    # Never under a guessable or public name: the office downloads files through the admin.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"gov_disclosure/applications/{secrets.token_hex(16)}.{suffix}"


REQUEST_FILE_TYPES = ("pdf", "docx", "doc", "xlsx", "xls", "jpg", "jpeg", "png")


def validate_request_file(file):
    from gov_disclosure.validators import validate_file

    validate_file(file, REQUEST_FILE_TYPES, app_settings.APPLICATION_FILE_MAX_BYTES)


class RequestFile(models.Model):
    """A file kept with a request: the letter as received, the reply as sent, what was given."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("Request as received")
        CORRESPONDENCE = "correspondence", _("Notice or correspondence")
        REPLY = "reply", _("Reply as sent")
        INFORMATION = "information", _("Information provided")

    request = ParentalKey(InformationRequest, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(
        _("file"), upload_to=request_file_upload_to, validators=[validate_request_file]
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    history = ChildHistoricalRecords()

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        if not self.title and self.file and not self.file._committed:
            # The stored name is random: keep the name the file had as its title.
            self.title = self.file.name.replace("\\", "/").rsplit("/", 1)[-1][:255]
        super().save(*args, **kwargs)
