from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "gov_disclosure.api"
    label = "gov_disclosure_api"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Open data")

    def ready(self):
        from . import app_settings  # noqa: F401  (registers the settings)
