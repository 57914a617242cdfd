from wagtail import hooks

from . import views
from .models import Comment

if views.register_permission_policy is not None:
    views.register_permission_policy(Comment, views.COMMENT_POLICY)

hooks.register("register_admin_viewset", lambda: views.CommentViewSet(views.COMMENTS_VIEWSET))
hooks.register("construct_homepage_panels", views.add_meeting_target_panel)
hooks.register("before_delete_page", views.refuse_deleting_commented_solicitations)
hooks.register("register_page_header_buttons", views.page_header_buttons)
hooks.register("register_page_listing_more_buttons", views.page_listing_more_buttons)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include, path

    return [
        path(
            "participation/",
            include(
                (views.admin_urlpatterns, "gov_disclosure_participation"),
                namespace="gov_disclosure_participation",
            ),
        )
    ]
