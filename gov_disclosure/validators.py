"""Validators for the identifiers that Chinese government records carry."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import uscc

PHONE_RE = re.compile(r"^[+(（]?[0-9][0-9\s\-()（）转,，、/]{4,40}$")


def normalize_credit_code(value: str) -> str:
    """Uppercase and strip the separators people paste into a unified social credit code."""
    return uscc.compact(value or "")


def validate_credit_code(value: str) -> None:
    """Validate a unified social credit code (统一社会信用代码, GB 32100-2015)."""
    try:
        uscc.validate(value)
    except stdnum_exceptions.InvalidLength:
        raise ValidationError(
            _("A unified social credit code has 18 characters."), code="invalid_length"
        ) from None
    except stdnum_exceptions.InvalidChecksum:
        raise ValidationError(
            _("The check character of this unified social credit code is wrong; check for a typo."),
            code="invalid_checksum",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _(
                "This is not a valid unified social credit code: use digits and capital letters "
                "other than I, O, S, V and Z."
            ),
            code="invalid",
        ) from None


def validate_phone(value: str) -> None:
    """Accept the ways agencies write office telephone numbers, e.g. ``0531-12345678 转 8001``."""
    if not PHONE_RE.match(value or "") or sum(ch.isdigit() for ch in value) < 5:
        raise ValidationError(
            _("Enter a telephone number such as 0531-12345678 or 12345."), code="invalid_phone"
        )
