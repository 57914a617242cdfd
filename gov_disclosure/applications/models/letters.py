import string

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from ..outcomes import GROUPS


class ReplyTemplate(RevisionMixin, models.Model):
    """The editable text of a reply letter (答复书) for a group of outcomes.

    The body uses placeholders in braces, e.g. ``{applicant}``, filled from the request when a
    letter is generated; ``PLACEHOLDERS`` lists them. The office words its letters itself; the
    product ships a plain default for each group.
    """

    PLACEHOLDERS = {
        "applicant": _("the applicant's name"),
        "tracking_number": _("the tracking number"),
        "received_on": _("the date of receipt"),
        "description": _("the information requested"),
        "outcome": _("the outcome"),
        "legal_basis": _("the legal basis"),
        "reply": _("the office's reply on the request"),
        "agency": _("the agency's name"),
        "date": _("the date of the letter"),
        "fee": _("the fee due, in yuan"),
    }

    outcome_group = models.CharField(
        _("for outcomes"),
        max_length=20,
        unique=True,
        choices=[(group.code, group.label) for group in GROUPS],
    )
    title = models.CharField(_("letter title"), max_length=200)
    body = models.TextField(
        _("letter text"),
        help_text=_(
            "Placeholders in braces are filled from the request: {applicant}, {tracking_number}, "
            "{received_on}, {description}, {outcome}, {legal_basis}, {reply}, {agency}, {date}, "
            "{fee}."
        ),
    )
    remedies = models.TextField(
        _("remedies"),
        help_text=_("Where and within what time the applicant can seek review or sue."),
    )

    panels = [
        FieldPanel("outcome_group"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("remedies"),
    ]

    class Meta:
        verbose_name = _("reply letter template")
        verbose_name_plural = _("reply letter templates")
        ordering = ["outcome_group"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        for name in ("title", "body", "remedies"):
            unknown = unknown_placeholders(getattr(self, name))
            if unknown is None:
                errors[name] = _(
                    "A brace is not closed or stands alone; write {{ and }} for a literal brace."
                )
            elif unknown:
                errors[name] = _("Unknown placeholders: %(names)s.") % {
                    "names": ", ".join(f"{{{n}}}" for n in unknown)
                }
        if errors:
            raise ValidationError(errors)


def unknown_placeholders(text: str):
    """Names in ``text`` that are not placeholders; None when the braces do not parse."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text or "") if name]
    except ValueError:
        return None
    return sorted({n for n in names if n not in ReplyTemplate.PLACEHOLDERS})
