"""Public side of a solicitation (the comment form) and the admin: comments, the yearly target.

Registered in ``wagtail_hooks.py``.
"""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

try:  # Wagtail 8 keeps a registry of permission policies
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.x: the viewset carries its policy
    register_permission_policy = None

from gov_disclosure.public_forms import over_rate_limit

from . import services
from .app_settings import app_settings
from .forms import CommentForm, OfflineCommentForm
from .models import Comment, SolicitationPage

SESSION_KEY = "gov_disclosure_comment_receipts"
COMMENTS_VIEWSET = "participation_comments"


# The public comment form ----------------------------------------------------------------------


def solicitation_context(page, request, form=None):
    receipts = request.session.get(SESSION_KEY, {}) if hasattr(request, "session") else {}
    receipt = receipts.pop(str(page.pk), None)
    if receipt is not None:
        request.session[SESSION_KEY] = receipts
    return {
        "state": page.state,
        "comment_form": form if form is not None else CommentForm(),
        "receipt": receipt,
        "attachments": list(page.attachments.select_related("document"))
        if page.pk
        else list(page.attachments.all()),
        "feedback": services.feedback(page) if page.shows_feedback and page.pk else None,
        "notice": getattr(request, "_gd_comment_notice", None),
    }


def _render(page, request, form, status, notice=None):
    request._gd_comment_notice = notice
    return TemplateResponse(
        request,
        page.get_template(request),
        page.get_context(request, form=form),
        status=status,
    )


def receive_comment(page, request):
    """Validate and store a comment; redirect to the page, which shows the receipt number."""
    form = CommentForm(request.POST, request.FILES)
    if not page.is_open or not page.accepts_online:
        return _render(
            page,
            request,
            form,  # shown back, so that the writer keeps the text
            403,
            gettext("This solicitation is not open for comments; nothing was saved."),
        )
    if form.is_spam:
        # Answer as if it worked, keep nothing.
        return redirect(page.url)
    if not form.is_valid():
        # Corrections do not count against the rate limit: only comments that would be saved.
        return _render(page, request, form, 400)
    if over_rate_limit(
        request, "comments", app_settings.COMMENT_RATE_LIMIT, app_settings.COMMENT_RATE_WINDOW
    ):
        return _render(
            page,
            request,
            form,
            429,
            gettext(
                "Too many comments have been sent from your network in a short time. "
                "Please try again later; nothing was saved."
            ),
        )

    data = form.cleaned_data
    existing = Comment.objects.filter(solicitation=page, submission_token=data["token"]).first()
    if existing is None:
        upload = data.get("attachment")
        comment = Comment(
            solicitation=page,
            receipt_number=Comment.new_receipt_number(services.today()),
            name=data.get("name", "").strip(),
            contact=data.get("contact", "").strip(),
            text=data["text"],
            submission_token=data["token"],
        )
        if upload:
            comment.attachment = upload
            comment.attachment_name = upload.name[-255:]
        try:
            with transaction.atomic():
                comment.save()
        except IntegrityError:
            # The same form sent twice at once, or a receipt number drawn twice.
            existing = Comment.objects.filter(
                solicitation=page, submission_token=data["token"]
            ).first()
            if existing is None:
                comment.receipt_number = Comment.new_receipt_number(services.today())
                comment.save()
            else:
                comment = existing
    else:
        comment = existing
    receipts = request.session.get(SESSION_KEY, {})
    receipts[str(page.pk)] = comment.receipt_number
    request.session[SESSION_KEY] = receipts
    return redirect(page.url + "#comment-receipt")


# Admin: comments ------------------------------------------------------------------------------


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds a comment with the generic form: they come from the public form, or are
    entered with their channel and date through ``RecordCommentView``."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])

    def users_with_any_permission(self, actions, **kwargs):
        return super().users_with_any_permission([a for a in actions if a != "add"], **kwargs)


class CommentInspectView(InspectView):
    def get_attachment_name_display_value(self):
        comment = self.object
        if not comment.attachment:
            return "—"
        url = reverse(f"{COMMENTS_VIEWSET}:attachment", args=[comment.pk])
        return format_html('<a href="{}" download>{}</a>', url, comment.attachment_name or url)


COMMENT_POLICY = CommentPermissionPolicy(Comment)


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments on drafts")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["receipt_number", "solicitation", "channel", "submitted_at", "decision"]
    list_filter = ["solicitation", "channel", "decision"]
    search_fields = ["receipt_number", "text"]
    ordering = ["-submitted_at"]
    panels = [
        FieldPanel("receipt_number", read_only=True),
        FieldPanel("solicitation", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("decision"),
        FieldPanel("reason"),
    ]
    inspect_view_enabled = True
    inspect_view_class = CommentInspectView
    inspect_view_fields = [
        "receipt_number",
        "solicitation",
        "channel",
        "received_on",
        "submitted_at",
        "name",
        "contact",
        "text",
        "attachment_name",
        "decision",
        "reason",
    ]
    list_export = [
        "receipt_number",
        "solicitation",
        "channel_label",
        "submitted_on",
        "name",
        "contact",
        "text",
        "decision_label",
        "reason",
    ]
    export_headings = {
        "channel_label": _("received by"),
        "submitted_on": _("submitted at"),
        "decision_label": _("result"),
    }
    export_filename = "comments"

    if register_permission_policy is None:
        permission_policy = COMMENT_POLICY

    def get_queryset(self, request):
        return Comment.objects.select_related("solicitation")

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().exclude(codename="add_comment")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/attachment/", comment_attachment, name="attachment"),
        ]


def comment_attachment(request, pk):
    """The file a commenter attached, as a download (never shown inline)."""
    if not COMMENT_POLICY.user_has_any_permission(request.user, ["change", "view"]):
        return permission_denied(request)
    comment = get_object_or_404(Comment, pk=pk)
    if not comment.attachment:
        raise Http404
    return FileResponse(
        comment.attachment.open("rb"),
        as_attachment=True,
        filename=comment.attachment_name or comment.attachment.name.rsplit("/", 1)[-1],
    )


# Admin: the yearly target of meetings with public representatives ----------------------------


class MeetingTargetPanel(Component):
    """Dashboard panel: meetings with public representatives this year, per agency."""

    name = "gov_disclosure_meeting_target"
    order = 150
    template_name = "gov_disclosure_participation/admin/meeting_target_panel.html"

    def get_context_data(self, parent_context=None):
        year = services.today().year
        target = app_settings.PARTICIPATION_MEETINGS_PER_YEAR
        rows = [
            {
                "agency": row["agency__name"] or gettext("No agency"),
                "count": row["count"],
                "met": row["count"] >= target,
            }
            for row in services.meetings_in_year(year)
        ]
        return {"year": year, "target": target, "rows": rows}


def add_meeting_target_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(MeetingTargetPanel())


def refuse_deleting_commented_solicitations(request, page):
    """Comments from the public are records: a solicitation that has some is not deleted."""
    from django.shortcuts import redirect as go
    from wagtail.admin import messages

    from .models import SolicitationPage

    pages = SolicitationPage.objects.filter(path__startswith=page.path)
    with_comments = pages.filter(comments__isnull=False).distinct()
    if request.method == "POST" and with_comments.exists():
        messages.error(
            request,
            gettext(
                "“%(title)s” has comments from the public, which are kept as records: "
                "unpublish it instead of deleting it."
            )
            % {"title": with_comments.first().title},
        )
        return go("wagtailadmin_explore", page.get_parent().id)
    return None


# Comments received by e-mail, post or in person ------------------------------------------------


class RecordCommentView(WagtailAdminTemplateMixin, FormView):
    """录入意见: the office enters a comment that came by e-mail, post or in person, so that the
    feedback report counts every comment, not only those of the online form."""

    template_name = "gov_disclosure_participation/admin/record_comment.html"
    form_class = OfflineCommentForm
    header_icon = "comment"
    page_title = _("Enter a comment received by e-mail or post")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(SolicitationPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        if not COMMENT_POLICY.user_has_permission(request.user, "change"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.get_admin_display_title()

    def get_breadcrumbs_items(self):
        page_items = get_breadcrumbs_items_for_page(self.object, self.request.user)
        return page_items + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "solicitation": self.object}

    def form_valid(self, form):
        comment = form.save(commit=False)
        comment.receipt_number = Comment.new_receipt_number(comment.received_on)
        comment.submission_token = uuid.uuid4().hex
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    comment.save()
                break
            except IntegrityError:  # the receipt number was drawn twice
                comment.receipt_number = Comment.new_receipt_number(comment.received_on)
        messages.success(
            self.request,
            gettext("Comment %(receipt)s entered for “%(title)s”.")
            % {"receipt": comment.receipt_number, "title": self.object.title},
        )
        return redirect(self.request.path)

    def form_invalid(self, form):
        messages.validation_error(
            self.request, gettext("The comment was not saved because of errors."), form
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.object,
            action_url=self.request.path,
            submit_button_label=gettext("Save the comment"),
            submit_button_active_label=gettext("Saving…"),
            comments_url=reverse(f"{COMMENTS_VIEWSET}:index") + f"?solicitation={self.object.pk}",
        )
        return context


class RecordCommentButton(PageMenuItem):
    label = _("Enter a comment received by e-mail or post")
    icon_name = "comment"
    url_name = "gov_disclosure_participation:record_comment"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, SolicitationPage)
            and COMMENT_POLICY.user_has_permission(user, "change")
        )


def page_header_buttons(page, user, view_name, next_url=None):
    yield RecordCommentButton(page=page, priority=67)


def page_listing_more_buttons(page, user, next_url=None):
    yield RecordCommentButton(page=page, priority=46)


admin_urlpatterns = [
    path("<int:page_id>/record-comment/", RecordCommentView.as_view(), name="record_comment"),
]
