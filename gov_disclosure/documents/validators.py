"""Document numbers (发文字号) and registration numbers (统一登记号)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .app_settings import app_settings

PDF_EXTENSIONS = {"pdf"}
EDITABLE_EXTENSIONS = {"doc", "docx", "wps", "odt", "ofd", "rtf"}

# The year of a document number belongs in the official brackets 〔 〕; people type any of these.
_YEAR_BRACKETS = re.compile(r"[\[［【(（〔{｛]\s*(\d{4})\s*[\]］】)）〕}｝]")
DOCUMENT_NUMBER_RE = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fffA-Za-z]{1,30})〔(?P<year>\d{4})〕(?P<serial>\d{1,5})号$"
)


def normalize_document_number(value: str) -> str:
    """``某政办发[2022] 12 号`` → ``某政办发〔2022〕12号``."""
    value = re.sub(r"\s+", "", value or "")
    return _YEAR_BRACKETS.sub(r"〔\1〕", value)


def validate_document_number(value: str) -> None:
    match = DOCUMENT_NUMBER_RE.match(normalize_document_number(value))
    if not match:
        raise ValidationError(
            _(
                "Write the document number as agency abbreviation, year in 〔 〕 and serial "
                "number, e.g. 某政办发〔2022〕12号."
            ),
            code="invalid_document_number",
        )
    if not 1949 <= int(match["year"]) <= 2100:
        raise ValidationError(
            _("The year %(year)s in this document number is not plausible."),
            code="invalid_document_number_year",
            params={"year": match["year"]},
        )


def document_number_year(value: str) -> int | None:
    match = DOCUMENT_NUMBER_RE.match(normalize_document_number(value))
    return int(match["year"]) if match else None


def validate_registration_number(value: str) -> None:
    if not re.match(app_settings.REGISTRATION_NUMBER_PATTERN, (value or "").strip()):
        raise ValidationError(
            _("This registration number does not have the agreed form, e.g. HFGS—2017—9."),
            code="invalid_registration_number",
        )
