"""Edit-page panels of a project: the stage-by-stage completeness, the records inline."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel, Panel


class CompletenessPanel(Panel):
    """Read-only: each stage's state on the page being edited, and the stages passed with
    nothing disclosed yet."""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Disclosure by stage"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "stage_completeness"

    class BoundPanel(Panel.BoundPanel):
        template_name = "gov_disclosure_projects/admin/completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            project = self.instance
            stages = project.stages() if project is not None else []
            context["stages"] = stages
            context["missing"] = [stage for stage in stages if stage.is_missing]
            return context


class RecordInlinePanel(InlinePanel):
    """The lifecycle records, with each category's own fields shown only for that category.

    Without JavaScript every group of fields shows, each headed with its category; fields of
    other categories are cleared when the record is saved.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        @property
        def media(self):
            from django import forms

            return super().media + forms.Media(
                js=["gov_disclosure_projects/js/record-fields.js"],
                css={"all": ["gov_disclosure_projects/css/admin.css"]},
            )
