"""The public comment form (意见征集): validation with clear messages, a honeypot, a token."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.public_forms import ProtectedFormMixin

from .app_settings import app_settings
from .models import Comment, CommentChannel
from .validators import validate_comment_file

NAME_MAX = 100
CONTACT_MAX = 200


class CommentForm(ProtectedFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        required=False,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("The name is too long (at most %(limit_value)d characters)."),
        },
    )
    contact = forms.CharField(
        label=_("Telephone or e-mail (never published)"),
        max_length=CONTACT_MAX,
        required=False,
        help_text=_("So that the office can ask you about your comment if needed."),
        error_messages={
            "max_length": _(
                "The contact details are too long (at most %(limit_value)d characters)."
            )
        },
    )
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your comment before sending it."),
            "max_length": _(
                "The comment is too long: at most %(limit_value)d characters (it has "
                "%(show_value)d). Attach a file for a longer text."
            ),
        },
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, Word (.docx, .doc), JPG or PNG."),
        validators=[validate_comment_file],
        error_messages={
            "invalid": _("The file could not be read. Try again."),
            "empty": _("The file is empty."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = app_settings.COMMENT_NAME_REQUIRED
        text = self.fields["text"]
        text.max_length = app_settings.COMMENT_MAX_LENGTH
        text.validators.append(
            forms.fields.validators.MaxLengthValidator(app_settings.COMMENT_MAX_LENGTH)
        )
        text.widget.attrs["maxlength"] = str(app_settings.COMMENT_MAX_LENGTH)
        limit = app_settings.COMMENT_ATTACHMENT_MAX_BYTES
        self.fields["attachment"].help_text = _(
            "PDF, Word (.docx, .doc), JPG or PNG, at most %(size)s MB."
        ) % {"size": round(limit / 2**20, 1)}

    def clean_text(self):
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        return text


class OfflineCommentForm(forms.ModelForm):
    """A comment received by e-mail, post or in person, entered by the office (录入意见)."""

    class Meta:
        model = Comment
        fields = ["channel", "received_on", "name", "contact", "text", "decision", "reason"]

    def __init__(self, *args, solicitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.solicitation = solicitation
        self.instance.solicitation = solicitation
        channel = self.fields["channel"]
        channel.choices = [c for c in CommentChannel.choices if c[0] != CommentChannel.ONLINE]
        channel.initial = CommentChannel.EMAIL
        self.fields["received_on"].required = True
        self.fields["text"].max_length = None

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        solicitation = self.solicitation
        if day < solicitation.opens_on or day > solicitation.closes_on:
            raise forms.ValidationError(
                _(
                    "The date must fall within the period of the solicitation, "
                    "%(start)s to %(end)s; comments received later are not counted."
                )
                % {"start": solicitation.opens_on, "end": solicitation.closes_on}
            )
        return day
