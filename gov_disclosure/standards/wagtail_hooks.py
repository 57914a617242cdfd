from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import coverage_report, import_views, views

register_snippet(views.StandardCatalogueGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "standard-catalogue/",
            include(
                (
                    import_views.urlpatterns + coverage_report.urlpatterns,
                    "gov_disclosure_standards",
                ),
                namespace="gov_disclosure_standards",
            ),
        )
    ]


for menu_item in coverage_report.report_menu_items:
    hooks.register("register_reports_menu_item", menu_item)
