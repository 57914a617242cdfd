from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gov_disclosure.applications"
    label = "gov_disclosure_applications"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Disclosure on application")

    def ready(self):
        from gov_disclosure.groups import DISCLOSURE_OFFICE, extend_group_permissions
        from gov_disclosure.registry import registry

        from . import (
            app_settings,  # noqa: F401  (settings)
            signals,  # noqa: F401  (receivers)
        )
        from .clock import recompute

        # Applicants' personal data is for the disclosure office only: no other product group
        # gets any permission on requests.
        app = self.label
        extend_group_permissions(
            DISCLOSURE_OFFICE,
            {
                f"{app}.add_informationrequest",
                f"{app}.change_informationrequest",
                f"{app}.view_informationrequest",
                f"{app}.add_replytemplate",
                f"{app}.change_replytemplate",
                f"{app}.view_replytemplate",
            },
        )
        registry.register_daily_task(
            "application_clocks",
            lambda on=None: {"changed": recompute(on=on)},
            label=_("Recompute the due dates of open requests"),
        )
