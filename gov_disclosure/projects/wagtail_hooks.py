from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import views

register_snippet(views.ProjectTypeViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "projects/",
            include(
                (views.admin_urlpatterns, "gov_disclosure_projects"),
                namespace="gov_disclosure_projects",
            ),
        )
    ]


hooks.register("register_reports_menu_item", views.timeliness_report_menu_item)
hooks.register("register_reports_menu_item", views.completeness_report_menu_item)
