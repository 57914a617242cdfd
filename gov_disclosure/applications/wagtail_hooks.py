from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views import admin, letters

register_snippet(letters.ReplyTemplateViewSet)

hooks.register(
    "register_admin_viewset",
    lambda: admin.InformationRequestViewSet(admin.REQUESTS_VIEWSET),
)
hooks.register("construct_homepage_panels", admin.add_due_panel)
hooks.register("register_reports_menu_item", admin.statistics_menu_item)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "applications/",
            include(
                (admin.admin_urlpatterns, "gov_disclosure_applications"),
                namespace="gov_disclosure_applications",
            ),
        )
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("gov_disclosure_applications/admin.css")
    )
