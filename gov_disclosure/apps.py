from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovDisclosureConfig(AppConfig):
    name = "gov_disclosure"
    label = "gov_disclosure"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Government information disclosure")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks, signals  # noqa: F401  (registers checks and receivers)
        from .groups import create_product_groups, grant_permissions_of_new_apps
        from .models import DisclosureArticlePage
        from .registry import registry

        post_migrate.connect(create_product_groups, sender=self)
        post_migrate.connect(grant_permissions_of_new_apps, sender=self)
        registry.register(
            DisclosureArticlePage,
            kind="article",
            label=_("Disclosure articles"),
            date_field="publication_date",
        )
