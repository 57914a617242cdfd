"""The public forms of disclosure on application (依申请公开): the application and the status
look-up. Both carry clear messages written for people of every age; the application form also
has the honeypot and one-time token of every public form of the product."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.models import Agency
from gov_disclosure.public_forms import ProtectedFormMixin
from gov_disclosure.validators import normalize_credit_code, validate_credit_code

from .app_settings import app_settings
from .models import (
    ApplicantType,
    Delivery,
    IdType,
    InformationForm,
    InformationRequest,
    OrganisationCategory,
)

PURPOSE_MAX = 1000
# Room for the spaces and dashes people type into a credit code or a postcode; what is left after
# removing them is checked against the real length.
CREDIT_CODE_INPUT_MAX = 30
POSTCODE_INPUT_MAX = 12

# Only one of these groups applies: the one of the chosen kind of applicant.
PERSON_FIELDS = ("id_type", "id_number")
ORGANISATION_FIELDS = (
    "organisation_category",
    "organisation_code",
    "legal_representative",
    "contact_person",
)

TOO_LONG = _("This is too long: at most %(limit_value)d characters (it has %(show_value)d).")
NOT_AN_OPTION = _("Choose one of the options shown.")

MOBILE_RE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
PHONE_RE = re.compile(r"^\+?[\d\s\-()（）]+(?:(?:转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)
POSTCODE_RE = re.compile(r"^\d{6}$")


def normalize(value: str) -> str:
    """Full-width digits and letters (typed with a Chinese input method) made ordinary."""
    return unicodedata.normalize("NFKC", value or "").strip()


def phone_is_valid(value: str) -> bool:
    """A mobile number (11 digits, 13x–19x) or a landline number, with or without the area
    code and an extension: ``13912345678``, ``0531-12345678``, ``(0531) 1234 5678 转 8001``."""
    digits = re.sub(r"\D", "", value)
    if not PHONE_RE.match(value) or not 7 <= len(digits) <= 20:
        return False
    if re.fullmatch(r"[\d\s\-+]+", value) and len(digits) in (11, 13) and digits[-11] == "1":
        # Shaped like a mobile number: it must be one.
        return bool(MOBILE_RE.match(re.sub(r"[\s\-]", "", value)))
    return True


class PlainTextField(forms.CharField):
    """A multi-line text whose length is counted as the reader counts it: the line breaks a
    browser sends as two characters (CR LF) count as one."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def widget_attrs(self, widget):
        # No maxlength on the text area: a browser would cut pasted text short without a word.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class ApplicationForm(ProtectedFormMixin, forms.ModelForm):
    """依申请公开申请表. The applicant checks of the model (identity numbers, credit codes) run
    through the model form; of the two groups of applicant fields, only the one of the chosen
    kind of applicant is read."""

    applicant_type = forms.ChoiceField(
        label=_("Kind of applicant"),
        choices=ApplicantType.choices,
        initial=ApplicantType.PERSON,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you apply as a natural person or as an organisation."),
            "invalid_choice": NOT_AN_OPTION,
        },
    )
    organisation_category = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=OrganisationCategory.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": NOT_AN_OPTION},
    )
    id_type = forms.ChoiceField(
        label=_("Identity document"),
        choices=IdType.choices,
        initial=IdType.RESIDENT_ID,
        required=False,
        error_messages={"invalid_choice": NOT_AN_OPTION},
    )
    organisation_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=CREDIT_CODE_INPUT_MAX,
        required=False,
        help_text=_("18 characters, as on the business licence or registration certificate."),
    )
    description = PlainTextField(
        label=_("The information you ask for"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Describe the information you ask for.")},
    )
    purpose = PlainTextField(
        label=_("What you need it for (optional)"),
        max_length=PURPOSE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    information_form = forms.ChoiceField(
        label=_("Form of the information"),
        choices=InformationForm.choices,
        initial=InformationForm.ELECTRONIC,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the form in which you want the information."),
            "invalid_choice": NOT_AN_OPTION,
        },
    )
    delivery = forms.ChoiceField(
        label=_("How to receive the information"),
        choices=Delivery.choices,
        initial=Delivery.EMAIL,
        widget=forms.RadioSelect,
        help_text=_(
            "By e-mail needs your e-mail address; by post needs your postal address and postcode."
        ),
        error_messages={
            "required": _("Choose how you want to receive the information."),
            "invalid_choice": NOT_AN_OPTION,
        },
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=POSTCODE_INPUT_MAX, required=False)

    class Meta:
        model = InformationRequest
        fields = [
            "agency",
            "applicant_type",
            "name",
            "id_type",
            "id_number",
            "organisation_category",
            "organisation_code",
            "legal_representative",
            "contact_person",
            "phone",
            "email",
            "address",
            "postcode",
            "description",
            "purpose",
            "information_form",
            "delivery",
        ]
        labels = {
            "agency": _("Agency you apply to"),
            "name": _("Name (of the person or the organisation)"),
            "id_number": _("Number of the identity document"),
            "legal_representative": _("Legal representative"),
            "contact_person": _("Contact person"),
            "phone": _("Telephone"),
            "email": _("E-mail"),
            "address": _("Postal address"),
        }
        help_texts = {
            "name": _("Your full name, or the full registered name of the organisation."),
            "phone": _("A mobile or landline number, so that the office can reach you."),
        }
        error_messages = {
            "agency": {
                "required": _("Choose the agency you apply to."),
                "invalid_choice": NOT_AN_OPTION,
            },
            "name": {"required": _("Enter your name or the name of the organisation.")},
            "phone": {"required": _("Enter a telephone number so that the office can reach you.")},
            "email": {"invalid": _("Enter an e-mail address such as name@example.com.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "id_number": forms.TextInput(
                attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
            ),
            "legal_representative": forms.TextInput(attrs={"autocomplete": "off"}),
            "contact_person": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(
                attrs={"autocomplete": "email", "inputmode": "email", "spellcheck": "false"}
            ),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        if page.agency_id:
            del self.fields["agency"]
        else:
            agency = self.fields["agency"]
            agency.queryset = Agency.objects.filter(locale_id=page.locale_id).order_by(
                "sort_order", "name"
            )
            agency.required = True
            agency.empty_label = _("Choose an agency")
        limit = app_settings.APPLICATION_DESCRIPTION_MAX_LENGTH
        description = self.fields["description"]
        description.max_length = limit
        description.validators.append(forms.fields.validators.MaxLengthValidator(limit))
        description.help_text = _(
            "Name the documents or the matter as precisely as you can, e.g. the title, the "
            "document number, the year. At most %(limit)d characters."
        ) % {"limit": limit}
        postcode = self.fields["postcode"].widget.attrs
        postcode.update(autocomplete="postal-code", inputmode="numeric")
        code = self.fields["organisation_code"].widget.attrs
        code.update(autocomplete="off", autocapitalize="characters", spellcheck="false")
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG

    # Fields --------------------------------------------------------------------------------------

    def clean_id_number(self):
        return normalize(self.cleaned_data.get("id_number")).upper().replace(" ", "")

    def clean_organisation_code(self):
        code = normalize_credit_code(normalize(self.cleaned_data.get("organisation_code")))
        if code:
            validate_credit_code(code)
        return code

    def clean_phone(self):
        phone = normalize(self.cleaned_data.get("phone"))
        if phone and not phone_is_valid(phone):
            raise forms.ValidationError(
                _(
                    "Enter a mobile number such as 13912345678, or a landline number such as "
                    "0531-12345678."
                ),
                code="invalid_phone",
            )
        return phone

    def clean_email(self):
        email = normalize(self.cleaned_data.get("email"))
        local, at, domain = email.rpartition("@")
        return f"{local}@{domain.lower()}" if at else email

    def clean_postcode(self):
        postcode = re.sub(r"\s", "", normalize(self.cleaned_data.get("postcode")))
        if postcode and not POSTCODE_RE.match(postcode):
            raise forms.ValidationError(
                _("A postcode has 6 digits, e.g. 250000."), code="invalid_postcode"
            )
        return postcode

    def clean_description(self):
        text = (self.cleaned_data.get("description") or "").strip()
        if not text:
            raise forms.ValidationError(self.fields["description"].error_messages["required"])
        return text

    # The form ------------------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("applicant_type")
        if kind:
            # Without JavaScript both groups show: what was typed into the other one is ignored.
            ignored = ORGANISATION_FIELDS if kind == ApplicantType.PERSON else PERSON_FIELDS
            for name in ignored:
                self._errors.pop(name, None)
                cleaned[name] = ""
        delivery = cleaned.get("delivery")
        if delivery == Delivery.EMAIL and not cleaned.get("email") and "email" not in self._errors:
            self.add_error(
                "email",
                _("Enter your e-mail address: you chose to receive the information by e-mail."),
            )
        if delivery == Delivery.POST:
            if not cleaned.get("address") and "address" not in self._errors:
                self.add_error(
                    "address",
                    _("Enter your postal address: you chose to receive the information by post."),
                )
            if not cleaned.get("postcode") and "postcode" not in self._errors:
                self.add_error(
                    "postcode",
                    _("Enter the postcode: you chose to receive the information by post."),
                )
        return cleaned

    def _update_errors(self, errors):
        # The model checks the applicant again; a field the form already found wrong keeps the
        # form's one message instead of two.
        if hasattr(errors, "error_dict"):
            errors = forms.ValidationError(
                {
                    name: messages
                    for name, messages in errors.error_dict.items()
                    if name not in self._errors
                }
            )
        super()._update_errors(errors)

    def error_summary(self):
        """(anchor, label, message) of each error, in the order of the fields, for the list at
        the top of the form: each links to its field (the first option of a group)."""
        items = []
        for field in self:
            if field.is_hidden or not field.errors:
                continue
            anchor = f"{field.auto_id}_0" if field.use_fieldset else field.auto_id
            items.extend((anchor, field.label, message) for message in field.errors)
        items.extend(("", "", message) for message in self.non_field_errors())
        return items


class StatusForm(forms.Form):
    """Look up a request with its tracking number and its secret (sent by POST, so that the
    secret lands in no address bar, history or server log)."""

    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=40,
        error_messages={
            "required": _("Enter the tracking number of your request."),
            "max_length": TOO_LONG,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    secret = forms.CharField(
        label=_("Secret"),
        max_length=40,
        help_text=_("The 10 letters and digits shown when the request was sent."),
        error_messages={
            "required": _("Enter the secret you were given with the tracking number."),
            "max_length": TOO_LONG,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_tracking_number(self):
        return re.sub(r"\s", "", normalize(self.cleaned_data["tracking_number"])).upper()

    def clean_secret(self):
        return re.sub(r"[\s\-]", "", normalize(self.cleaned_data["secret"])).upper()

    def error_summary(self):
        return [(field.auto_id, field.label, message) for field in self for message in field.errors]
