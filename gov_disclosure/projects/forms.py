from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .lifecycle import OPTIONAL_STAGES, Stage


class ProjectPageForm(WagtailAdminPageForm):
    """The project's edit form.

    The stages that do not apply are ticked, not typed as JSON; project types are those of the
    page's language; a record may not be filed under a stage ticked as not applying.
    """

    not_applicable_stages = forms.MultipleChoiceField(
        label=_("Stages that do not apply"),
        choices=[(stage.value, stage.label) for stage in OPTIONAL_STAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Stages this project will never go through, e.g. no land is expropriated. They are "
            "shown as not applicable instead of missing."
        ),
        error_messages={"invalid_choice": _("There is no such stage.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("project_type")
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if field is not None and locale_id:
            field.queryset = field.queryset.filter(locale_id=locale_id)

    def clean(self):
        cleaned_data = super().clean()
        skipped = set(cleaned_data.get("not_applicable_stages") or ())
        formset = self.formsets.get("records")
        # The formsets are validated after the main form; their own errors are shown anyway.
        if skipped and formset is not None and formset.is_valid():
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE") and data.get("stage") in skipped:
                    self.add_error(
                        "not_applicable_stages",
                        _(
                            "A record is filed under “%(stage)s”, which is marked as not "
                            "applying to this project."
                        )
                        % {"stage": Stage(data["stage"]).label},
                    )
                    break
        return cleaned_data
