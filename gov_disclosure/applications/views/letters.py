"""Admin: the reply letter of a request as a Word file or a PDF, and the letter templates.

The letters hold applicants' personal data: only those who may see requests get them, always as
a download that no cache keeps.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from gov_disclosure.views import SETTINGS_MENU_HOOK

from .. import letters
from ..models import InformationRequest, ReplyTemplate
from ..outcomes import GROUPS

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"

REQUEST_POLICY = ModelPermissionPolicy(InformationRequest)


def _letter_response(request, pk, render, extension, content_type):
    if not REQUEST_POLICY.user_has_any_permission(request.user, ["view", "change"]):
        return permission_denied(request)
    request_obj = get_object_or_404(InformationRequest.objects.select_related("agency"), pk=pk)
    if not request_obj.outcome:
        raise Http404("The request has no outcome yet.")
    response = HttpResponse(render(request_obj), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, letters.filename(request_obj, extension)
    )
    patch_cache_control(response, no_store=True, private=True)
    return response


@require_safe
def letter_docx(request, pk):
    """The reply letter as a Word file, for the office to edit, sign and stamp."""
    return _letter_response(request, pk, letters.render_docx, "docx", DOCX_TYPE)


@require_safe
def letter_pdf(request, pk):
    """The reply letter as a PDF."""
    return _letter_response(request, pk, letters.render_pdf, "pdf", PDF_TYPE)


class ReplyTemplateViewSet(SnippetViewSet):
    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Reply letter templates")
    list_display = ["outcome_group", "title"]
    menu_hook = SETTINGS_MENU_HOOK  # under 政务公开设置, after the core app's screens
    menu_order = 910
    ordering = "group_order"  # (一)…(六), as in the annual report

    def get_queryset(self, request):
        return ReplyTemplate.objects.annotate(
            group_order=Case(
                *[When(outcome_group=group.code, then=Value(n)) for n, group in enumerate(GROUPS)],
                default=Value(len(GROUPS)),
                output_field=IntegerField(),
            )
        )
