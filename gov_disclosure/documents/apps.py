from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "gov_disclosure.documents"
    label = "gov_disclosure_documents"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Normative documents")

    def ready(self):
        from gov_disclosure.groups import (
            DISCLOSURE_OFFICE,
            EDITORS,
            REVIEWERS,
            extend_group_permissions,
        )
        from gov_disclosure.registry import registry

        from . import app_settings, signals  # noqa: F401  (settings and receivers)
        from .models import DocumentPage, InterpretationPage
        from .services import apply_scheduled_validity_changes

        registry.register(
            DocumentPage,
            kind="document",
            label=_("Policy documents"),
            date_field="publication_date",
            number_field="document_number",
            open_data="gov_disclosure.documents.opendata.Documents",
        )
        registry.register(
            InterpretationPage,
            kind="interpretation",
            label=_("Policy interpretations"),
            date_field="publication_date",
            open_data="gov_disclosure.documents.opendata.Interpretations",
        )
        app = self.label
        for role in (EDITORS, REVIEWERS, DISCLOSURE_OFFICE):
            extend_group_permissions(
                role, {f"{app}.view_validitychange", f"{app}.view_cleanupbatch"}
            )
        extend_group_permissions(
            DISCLOSURE_OFFICE,
            {f"{app}.add_cleanupbatch", f"{app}.change_cleanupbatch", f"{app}.delete_cleanupbatch"},
        )
        registry.register_daily_task(
            "documents.validity", apply_scheduled_validity_changes, label=_("Validity by date")
        )
