"""Model fields for identifiers that people paste with spaces, dashes or lower-case letters."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import normalize_credit_code, validate_credit_code


class CreditCodeFormField(forms.CharField):
    def to_python(self, value):
        return normalize_credit_code(super().to_python(value))


class CreditCodeField(models.CharField):
    """A unified social credit code (统一社会信用代码), stored compact and upper-case."""

    default_validators = [validate_credit_code]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 18)
        if not args:
            kwargs.setdefault("verbose_name", _("unified social credit code"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_credit_code(value) if value else value

    def formfield(self, **kwargs):
        # Accept what people paste ("9111 0000 …"); the value is compacted before validation.
        kwargs.setdefault("form_class", CreditCodeFormField)
        kwargs.setdefault("max_length", 40)
        return super().formfield(**kwargs)
