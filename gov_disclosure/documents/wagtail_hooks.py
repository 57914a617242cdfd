from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import views

register_snippet(views.PolicyDocumentsGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "policy-documents/",
            include(
                (views.admin_urlpatterns, "gov_disclosure_documents"),
                namespace="gov_disclosure_documents",
            ),
        )
    ]


hooks.register("register_page_header_buttons", views.page_header_buttons)
hooks.register("register_page_listing_more_buttons", views.page_listing_more_buttons)
hooks.register("register_reports_menu_item", views.interpretation_report_menu_item)
hooks.register("register_reports_menu_item", views.timeliness_report_menu_item)
hooks.register("register_log_actions", views.register_log_actions)
hooks.register("before_edit_snippet", views.refuse_confirmed_batch_edit)
hooks.register("before_delete_snippet", views.refuse_confirmed_batch_delete)
