"""A read-only edit-page panel with a document's validity and its history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ValidityHistoryPanel(Panel):
    """The document's current validity and every change of it, newest first.

    Read-only: validity changes through the "Change validity" screen, which this panel links to
    for those who may publish the document. Add it to a document page's panels, e.g.
    ``content_panels = [..., ValidityHistoryPanel()]``.
    """

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Validity history"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "validity_history"

    class BoundPanel(Panel.BoundPanel):
        template_name = "gov_disclosure_documents/admin/panels/validity_history.html"

        def get_context_data(self, parent_context=None):
            from .views import user_can_change_validity, validity_history

            context = super().get_context_data(parent_context)
            document = self.instance
            saved = document is not None and document.pk is not None
            context["document"] = document
            context["history"] = list(validity_history(document)) if saved else []
            context["saved"] = saved
            context["change_url"] = (
                reverse("gov_disclosure_documents:change_validity", args=[document.pk])
                if saved and user_can_change_validity(self.request.user, document)
                else None
            )
            return context
