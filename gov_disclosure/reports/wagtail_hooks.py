"""The annual reports in the admin: the regenerate view, its page menu item, the warning after
a draft whose figures fail the checks is saved."""

from wagtail import hooks

from . import admin_views

hooks.register("register_page_header_buttons", admin_views.page_header_buttons)
hooks.register("register_page_listing_more_buttons", admin_views.page_listing_more_buttons)
hooks.register("after_create_page", admin_views.warn_about_failing_figures)
hooks.register("after_edit_page", admin_views.warn_about_failing_figures)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include, path

    return [
        path(
            "reports/",
            include(
                (admin_views.admin_urlpatterns, "gov_disclosure_reports"),
                namespace="gov_disclosure_reports",
            ),
        )
    ]
