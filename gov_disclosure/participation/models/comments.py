import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..validators import validate_comment_file


class CommentDecision(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class CommentChannel(models.TextChoices):
    ONLINE = "online", _("Online form")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    IN_PERSON = "in_person", _("In person")


def comment_upload_to(instance, filename):
    # Never under a public name: the office downloads it through the admin.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"gov_disclosure/comments/{secrets.token_hex(16)}.{suffix}"


class Comment(models.Model):
    """A comment a member of the public sent on a solicitation (意见).

    The name and the contact details are for the office only; the public sees the feedback
    report, which counts comments and gives the reasons, never who sent them.
    """

    solicitation = models.ForeignKey(
        "gov_disclosure_participation.SolicitationPage",
        verbose_name=_("solicitation"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    receipt_number = models.CharField(_("receipt number"), max_length=32, unique=True)
    channel = models.CharField(
        _("received by"),
        max_length=20,
        choices=CommentChannel.choices,
        default=CommentChannel.ONLINE,
    )
    received_on = models.DateField(
        _("date received"),
        null=True,
        blank=True,
        help_text=_("For comments received by e-mail, post or in person."),
    )
    name = models.CharField(_("full name"), max_length=100, blank=True)
    contact = models.CharField(_("contact details"), max_length=200, blank=True)
    text = models.TextField(_("comment"))
    attachment = models.FileField(
        _("attachment"),
        upload_to=comment_upload_to,
        blank=True,
        validators=[validate_comment_file],
    )
    attachment_name = models.CharField(_("file name"), max_length=255, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    submission_token = models.CharField(max_length=64, editable=False)
    decision = models.CharField(
        _("result"),
        max_length=20,
        choices=CommentDecision.choices,
        default=CommentDecision.PENDING,
        db_index=True,
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Shown, grouped, in the published feedback report (never with the name)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["solicitation", "submission_token"],
                name="gov_disclosure_participation_one_comment_per_submission",
            )
        ]

    def __str__(self):
        return self.receipt_number

    def clean(self):
        super().clean()
        self.reason = (self.reason or "").strip()
        if (
            self.decision in (CommentDecision.PARTLY, CommentDecision.NOT_ADOPTED)
            and not self.reason
        ):
            raise ValidationError(
                {"reason": _("Give the reason why the comment was not fully adopted.")}
            )

    @property
    def channel_label(self):
        return self.get_channel_display()

    @property
    def decision_label(self):
        return self.get_decision_display()

    @property
    def submitted_on(self):
        return timezone.localtime(self.submitted_at).strftime("%Y-%m-%d %H:%M")

    @staticmethod
    def new_receipt_number(day) -> str:
        return f"YJ{day:%Y%m%d}{secrets.randbelow(10**6):06d}"
