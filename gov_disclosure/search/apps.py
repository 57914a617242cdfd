from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gov_disclosure.search"
    label = "gov_disclosure_search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Public search")

    def ready(self):
        from gov_disclosure.registry import registry

        from . import app_settings, signals  # noqa: F401  (settings and receivers)
        from .indexing import daily

        signals.connect()
        registry.register_daily_task(
            "search.index", daily, label=_("Search index: checked against the pages")
        )
