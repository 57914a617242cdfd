from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .lifecycle import Stage


class ProjectPageForm(WagtailAdminPageForm):
    """The project's edit form: the stages that do not apply are ticked, not typed as JSON."""

    not_applicable_stages = forms.MultipleChoiceField(
        label=_("Stages that do not apply"),
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Stages this project will never go through, e.g. no land is expropriated. They are "
            "shown as not applicable instead of missing."
        ),
        error_messages={"invalid_choice": _("There is no such stage.")},
    )
