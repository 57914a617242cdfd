from wagtail import hooks

from . import views
from .models import Comment

if views.register_permission_policy is not None:
    views.register_permission_policy(Comment, views.COMMENT_POLICY)

hooks.register("register_admin_viewset", lambda: views.CommentViewSet(views.COMMENTS_VIEWSET))
hooks.register("construct_homepage_panels", views.add_meeting_target_panel)
hooks.register("before_delete_page", views.refuse_deleting_commented_solicitations)
