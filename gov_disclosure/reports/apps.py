from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gov_disclosure.reports"
    label = "gov_disclosure_reports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Annual reports")

    def ready(self):
        from gov_disclosure.registry import registry

        from . import panels  # noqa: F401  (the report page's edit form)
        from .models import AnnualReportPage

        registry.register(
            AnnualReportPage,
            kind="annual_report",
            label=_("Annual reports on government information disclosure"),
            date_field="publication_date",
            open_data="gov_disclosure.reports.opendata.AnnualReports",
        )
