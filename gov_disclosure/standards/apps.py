from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "gov_disclosure.standards"
    label = "gov_disclosure_standards"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Standardized disclosure")

    def ready(self):
        from gov_disclosure.groups import (
            DISCLOSURE_OFFICE,
            EDITORS,
            REVIEWERS,
            extend_group_permissions,
        )
        from gov_disclosure.registry import registry

        from . import app_settings  # noqa: F401  (registers the settings)
        from .panels import catalogue_tab

        # Every gov_disclosure page type gets the 标准目录 tab on its edit form.
        registry.register_edit_tab("standard_catalogue", catalogue_tab)
        # The topic's items in the open-data API (/api/v1/catalogue-items/).
        registry.register_open_data(
            "catalogue_items", "gov_disclosure.standards.opendata.CatalogueItems"
        )

        app = self.label
        viewing = {f"{app}.view_{model}" for model in ("standarddomain", "catalogue")}
        for role in (EDITORS, REVIEWERS, DISCLOSURE_OFFICE):
            extend_group_permissions(role, viewing | {f"{app}.view_catalogueitem"})
        editing = {f"{app}.{action}_catalogueitem" for action in ("add", "change", "delete")}
        extend_group_permissions(EDITORS, editing)
        extend_group_permissions(
            DISCLOSURE_OFFICE,
            editing
            | {
                f"{app}.{action}_{model}"
                for action in ("add", "change", "delete")
                for model in ("standarddomain", "catalogue")
            },
        )
