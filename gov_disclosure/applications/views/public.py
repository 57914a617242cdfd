"""The public side of disclosure on application (依申请公开), served by ``ApplicationPage``'s
routes: the application form (""), the receipt shown once after sending ("received/") and the
status look-up with the tracking number and the secret ("status/").

Nothing here shows an applicant's personal data: the receipt holds the number and the secret
kept in the sender's own session, and the status page shows dates, the status and the outcome.
Every response is kept out of caches and search engines.
"""

from __future__ import annotations

import hmac

from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gov_disclosure.public_forms import over_rate_limit, rate_limit_count

from .. import clock
from ..app_settings import app_settings
from ..forms import ApplicationForm, StatusForm
from ..models import Channel, InformationRequest, Status
from ..models.requests import hash_secret

# {str(page.pk): {"token", "tracking_number", "secret"}}: the receipt waiting to be shown once.
SESSION_KEY = "gov_disclosure_application_receipts"
STATUS_SCOPE = "application_status"
NUMBER_ATTEMPTS = 5

STATUS_EXPLANATIONS = {
    Status.SUBMITTED: _(
        "The office has not yet confirmed that it received your request. The time limit for "
        "the reply starts on the day it confirms receipt."
    ),
    Status.CLARIFICATION: _(
        "The office has asked you to make your request clearer or to complete it. The time "
        "limit starts again on the day your answer arrives."
    ),
    Status.PROCESSING: _("The office has received your request and is handling it."),
    Status.REPLIED: _("The office has sent its reply."),
}


def subpage_url(page, name: str) -> str:
    return (page.url or "") + page.reverse_subpage(name)


def _render(page, request, template, context, status=200):
    full_context = page.get_context(request)
    full_context.update(
        form_url=subpage_url(page, "application_form"),
        status_url=subpage_url(page, "status"),
        **context,
    )
    response = TemplateResponse(request, template, full_context, status=status)
    return private(response)


def private(response):
    """Never cached (the pages carry a CSRF token, a secret or a request's status) and never
    indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # the browser follows with a GET: no resubmission on reload
    return private(response)


# The application form -----------------------------------------------------------------------


def application_form(page, request):
    if request.method == "POST":
        return submit(page, request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    response = render_form(page, request, ApplicationForm(page=page))
    del response["X-Robots-Tag"]  # the empty form and how to apply may be found by search
    return response


def render_form(page, request, form, status=200, notice=None):
    return _render(
        page,
        request,
        page.get_template(request),
        {
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "notice": notice,
            "page_agency": page.agency if page.agency_id else None,
            "reply_days": app_settings.APPLICATION_REPLY_DAYS,
        },
        status=status,
    )


def submit(page, request):
    """Validate and store a request, then send the browser to the receipt (POST, redirect,
    GET): a reload of the receipt never sends the request again."""
    form = ApplicationForm(request.POST, page=page)
    received_url = subpage_url(page, "received")
    if form.is_spam:
        return see_other(received_url)  # answered as if it worked; nothing is kept
    if not form.is_valid():
        # Corrections do not count against the rate limit: only requests that would be saved.
        return render_form(page, request, form, status=400)

    token = form.cleaned_data["token"]
    if InformationRequest.objects.filter(submission_token=token).exists():
        # The same form sent again: the receipt of the first sending, still in this session
        # unless it was shown already, is the one shown.
        return see_other(received_url)
    if over_rate_limit(
        request,
        "applications",
        app_settings.APPLICATION_RATE_LIMIT,
        app_settings.APPLICATION_RATE_WINDOW,
    ):
        return render_form(
            page,
            request,
            form,
            status=429,
            notice=gettext(
                "Too many requests have been sent from your network in a short time. Please "
                "try again later; nothing was saved."
            ),
        )

    application = form.save(commit=False)
    application.channel = Channel.ONLINE
    application.received_on = None  # the office confirms receipt; the clock starts then
    application.submitted_at = timezone.now()
    if page.agency_id:
        application.agency_id = page.agency_id
    application.submission_token = token
    secret = application.set_secret()
    application._change_reason = "submitted online"
    year = clock.today().year
    for attempt in range(NUMBER_ATTEMPTS):
        application.tracking_number = InformationRequest.next_tracking_number(year)
        try:
            with transaction.atomic():
                application.save()
            break
        except IntegrityError:
            # The same form sent twice at once, or a tracking number drawn twice.
            if InformationRequest.objects.filter(submission_token=token).exists():
                # The other sending keeps the receipt: this one leaves the session as it is,
                # so that it cannot overwrite it.
                return see_other(received_url)
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
            application.pk = None

    receipts = request.session.get(SESSION_KEY, {})
    receipts[str(page.pk)] = {
        "token": token,
        "tracking_number": application.tracking_number,
        "secret": secret,
    }
    request.session[SESSION_KEY] = receipts
    return see_other(received_url)


# The receipt --------------------------------------------------------------------------------


def received(page, request):
    """The tracking number and the secret, shown once: they leave the session as they are
    shown, and a reload shows the plain explanation."""
    receipt = None
    receipts = request.session.get(SESSION_KEY)
    if receipts and str(page.pk) in receipts:
        receipt = receipts.pop(str(page.pk))
        request.session[SESSION_KEY] = receipts
    return _render(
        page,
        request,
        "gov_disclosure_applications/received.html",
        {
            "receipt": receipt,
            "reply_days": app_settings.APPLICATION_REPLY_DAYS,
            "subpage_title": gettext("Your request has been sent")
            if receipt
            else gettext("After sending a request"),
        },
    )


# The status look-up --------------------------------------------------------------------------


def too_many_failures(request) -> bool:
    """Whether this address has used up its failed look-ups. Read without counting: only
    failures count (in ``over_rate_limit``), but once the budget is spent no look-up is made at
    all, so that guessing cannot go on with the answer given away by the status code."""
    return rate_limit_count(request, STATUS_SCOPE) > app_settings.APPLICATION_STATUS_RATE_LIMIT


def find_request(number: str, secret: str):
    """The request with this number and secret, or None; unknown number and wrong secret take
    the same path and about the same time."""
    application = (
        InformationRequest.objects.filter(tracking_number=number)
        .only(
            "pk",
            "tracking_number",
            "secret_hash",
            "submitted_at",
            "received_on",
            "status",
            "due_on",
            "outcome",
            "reply_sent_on",
        )
        .first()
    )
    if application is None:
        hmac.compare_digest(hash_secret(secret), hash_secret(""))
        return None
    return application if application.secret_matches(secret) else None


def public_status(application) -> dict:
    """What the status page may show of a request: dates, the status and the outcome. Never
    the applicant, the description or the office's notes (the secret may have leaked)."""
    replied = bool(application.reply_sent_on)
    return {
        "tracking_number": application.tracking_number,
        "submitted_on": timezone.localdate(application.submitted_at),
        "received_on": application.received_on,
        "status": application.status,
        "status_label": application.get_status_display(),
        "status_explanation": STATUS_EXPLANATIONS.get(application.status, ""),
        "due_on": application.due_on if application.due_on and not replied else None,
        "outcome_label": application.get_outcome_display()
        if replied and application.outcome
        else "",
        "reply_sent_on": application.reply_sent_on,
    }


def status(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = StatusForm(request.POST if request.method == "POST" else None)
    result, notice, code = None, None, 200
    if form.is_bound:
        if not form.is_valid():
            code = 400
        elif too_many_failures(request):
            code, notice = 429, too_many_message()
        else:
            data = form.cleaned_data
            application = find_request(data["tracking_number"], data["secret"])
            if application is not None:
                result = public_status(application)
            elif over_rate_limit(
                request,
                STATUS_SCOPE,
                app_settings.APPLICATION_STATUS_RATE_LIMIT,
                app_settings.APPLICATION_RATE_WINDOW,
            ):
                code, notice = 429, too_many_message()
            else:
                code = 400
                notice = gettext(
                    "No request matches this tracking number and secret. Check both and try again."
                )
    if result is not None:
        form = StatusForm()  # the secret is not written back into the page
    return _render(
        page,
        request,
        "gov_disclosure_applications/status.html",
        {
            "status_form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "result": result,
            "notice": notice,
            "subpage_title": gettext("Look up your request"),
        },
        status=code,
    )


def too_many_message():
    return gettext(
        "Too many look-ups that found nothing have come from your network. Please try again later."
    )
