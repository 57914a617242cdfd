from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Validity(models.TextChoices):
    """The validity (有效性) of a normative document."""

    NOT_YET_EFFECTIVE = "not_yet_effective", _("Not yet in force")
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REPEALED = "repealed", _("Repealed")
    AMENDED = "amended", _("Amended")

    @classmethod
    def final_states(cls):
        return {cls.EXPIRED, cls.REPEALED, cls.AMENDED}


# Which validity may follow which. Expired, repealed and amended documents stay so.
ALLOWED_TRANSITIONS = {
    "": {Validity.NOT_YET_EFFECTIVE, Validity.VALID},
    Validity.NOT_YET_EFFECTIVE: {Validity.VALID, Validity.REPEALED, Validity.AMENDED},
    Validity.VALID: {Validity.EXPIRED, Validity.REPEALED, Validity.AMENDED},
    Validity.EXPIRED: set(),
    Validity.REPEALED: set(),
    Validity.AMENDED: set(),
}


class ValidityChange(models.Model):
    """One change of a document's validity: who, when, why, and what replaced it.

    Rows are only ever added. ``changed_on`` is the date from which the new validity holds in
    law, so the catalogue of valid documents can be rebuilt as it stood on any date.
    """

    class Source(models.TextChoices):
        FIRST_PUBLICATION = "first_publication", _("First publication")
        SCHEDULE = "schedule", _("Effective or expiry date reached")
        MANUAL = "manual", _("Changed by an editor")
        AMENDMENT = "amendment", _("Superseded by a revision")
        CLEANUP = "cleanup", _("Clean-up batch")
        IMPORT = "import", _("Import")

    document = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="validity_changes",
    )
    from_validity = models.CharField(
        _("previous validity"), max_length=20, choices=Validity.choices, blank=True
    )
    to_validity = models.CharField(_("new validity"), max_length=20, choices=Validity.choices)
    changed_on = models.DateField(_("in force from"), db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    replaced_by = models.ForeignKey(
        "gov_disclosure_documents.DocumentPage",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("validity change")
        verbose_name_plural = _("validity changes")
        ordering = ["-changed_on", "-pk"]
        indexes = [models.Index(fields=["document", "changed_on", "id"])]

    def __str__(self):
        before, after = self.get_from_validity_display(), self.get_to_validity_display()
        return f"{self.document_id}: {before} → {after}"
