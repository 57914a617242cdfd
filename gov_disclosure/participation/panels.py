"""A read-only panel with the history of the representatives' opinions and their adoption."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class RepresentativeHistoryPanel(Panel):
    """Every change to the representatives of this meeting: who, when, what changed."""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Changes to opinions and adoption"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "representative_history"

    class BoundPanel(Panel.BoundPanel):
        template_name = "gov_disclosure_participation/admin/representative_history.html"

        def get_context_data(self, parent_context=None):
            from .history import representative_changes

            context = super().get_context_data(parent_context)
            meeting = self.instance
            saved = meeting is not None and meeting.pk is not None
            context["changes"] = representative_changes(meeting.pk) if saved else []
            return context
