"""Checks the outside addresses attached to catalogue items (``CatalogueItemLink.url``).

Run by ``manage.py gov_disclosure_check_links`` (a daily cron job), never from a request: a
check can take ``timeout`` seconds per address. Each distinct address is requested once per run,
by a pool of threads that do no database work; the results are written afterwards, only to the
links that still have the address that was checked. Links to pages of the site need no network:
the coverage report finds them from the database.
"""

from __future__ import annotations

import datetime
import http.client
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from gov_disclosure import __version__

from .app_settings import app_settings
from .models import CatalogueItemLink

MAX_REDIRECTS = 5
# GET (when HEAD is refused) reads no more than this of the body.
GET_READ_BYTES = 4096
HEAD_REFUSED = {405, 501}
USER_AGENT = f"gov-disclosure-link-checker/{__version__}"


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    error: str = ""  # a short translated reason when not ok


@dataclass
class CheckSummary:
    checked: int = 0  # links
    ok: int = 0
    broken: int = 0
    addresses: int = 0  # distinct addresses requested


class _TooManyRedirects(Exception):
    pass


class _BadRedirect(Exception):
    pass


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows at most ``MAX_REDIRECTS`` redirects to http(s) addresses, keeping HEAD a HEAD."""

    # Our own limit applies; urllib's loop detection would otherwise answer with an HTTPError.
    max_repeats = max_redirections = MAX_REDIRECTS + 1

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        hops = getattr(req, "hops", 0) + 1
        if hops > MAX_REDIRECTS:
            raise _TooManyRedirects
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.hops = hops
            if req.get_method() == "HEAD":
                new.method = "HEAD"
        return new

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location and urlsplit(urljoin(req.full_url, location)).scheme not in (
            "http",
            "https",
        ):
            raise _BadRedirect
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener():
    # Proxies come from the environment (http_proxy, https_proxy, no_proxy), as for any client.
    return urllib.request.build_opener(_RedirectHandler)


def _request(opener, url, method, timeout):
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(GET_READ_BYTES)
        return response.status


def _timed_out(timeout):
    return gettext("timed out after %(seconds)s s") % {"seconds": timeout}


def _reason(error, timeout):
    """A short translated reason for a failed request."""
    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        error = error.reason if isinstance(error.reason, BaseException) else error
    if isinstance(error, TimeoutError | socket.timeout):
        return _timed_out(timeout)
    if isinstance(error, socket.gaierror):
        return gettext("DNS failure")
    if isinstance(error, ConnectionRefusedError):
        return gettext("connection refused")
    if isinstance(error, ConnectionResetError | http.client.RemoteDisconnected):
        return gettext("connection closed by the server")
    if isinstance(error, ssl.SSLCertVerificationError):
        return gettext("certificate not valid")
    if isinstance(error, ssl.SSLError):
        return gettext("secure connection failed")
    if isinstance(error, http.client.HTTPException):
        return gettext("invalid answer from the server")
    return gettext("connection failed")


def check_url(url: str, timeout: float | None = None, opener=None) -> CheckResult:
    """Whether ``url`` answers: HEAD, then GET if HEAD is refused; redirects followed."""
    timeout = timeout or app_settings.STANDARDS_LINK_CHECK_TIMEOUT
    try:
        parts = urlsplit(url)
    except ValueError:
        return CheckResult(False, gettext("invalid address"))
    if parts.scheme not in ("http", "https"):
        return CheckResult(False, gettext("only http and https addresses are checked"))
    if not parts.hostname:
        return CheckResult(False, gettext("invalid address"))
    opener = opener or _opener()
    method = "HEAD"
    while True:
        try:
            _request(opener, url, method, timeout)
        except urllib.error.HTTPError as error:
            error.close()
            if method == "HEAD" and error.code in HEAD_REFUSED:
                method = "GET"
                continue
            if 300 <= error.code < 400:
                # A redirect with nowhere to go (or 304): the server answered.
                return CheckResult(True)
            return CheckResult(False, gettext("HTTP %(status)s") % {"status": error.code})
        except _TooManyRedirects:
            return CheckResult(False, gettext("too many redirects"))
        except _BadRedirect:
            return CheckResult(False, gettext("redirected to an address that is not http(s)"))
        except ValueError:
            return CheckResult(False, gettext("invalid address"))
        except (OSError, http.client.HTTPException) as error:
            return CheckResult(False, _reason(error, timeout))
        return CheckResult(True)


def links_to_check(only_stale_days: int | None = None, now=None):
    """Links with an outside address; with ``only_stale_days``, those not checked that long."""
    links = CatalogueItemLink.objects.exclude(url="")
    if only_stale_days is not None:
        now = now or timezone.now()
        since = now - datetime.timedelta(days=only_stale_days)
        links = links.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=since))
    return links


def check_links(
    links=None,
    *,
    timeout: float | None = None,
    workers: int | None = None,
    only_stale_days: int | None = None,
    on_result=None,
) -> CheckSummary:
    """Check ``links`` (by default every outside address) and store the results on them.

    ``on_result(url, result, link_count)`` is called in the calling thread for each address.
    """
    timeout = timeout or app_settings.STANDARDS_LINK_CHECK_TIMEOUT
    workers = workers or app_settings.STANDARDS_LINK_CHECK_WORKERS
    if links is None:
        links = links_to_check(only_stale_days)
    by_url: dict[str, list[int]] = {}
    for pk, url in links.values_list("pk", "url").order_by("url", "pk"):
        by_url.setdefault(url, []).append(pk)

    summary = CheckSummary(addresses=len(by_url))
    if not by_url:
        return summary
    # Translations are per thread: the workers give their reasons in the caller's language.
    language = translation.get_language()

    def check(url):
        with translation.override(language):
            return url, check_url(url, timeout), timezone.now()

    with ThreadPoolExecutor(max_workers=min(workers, len(by_url))) as pool:
        for url, result, checked_at in pool.map(check, by_url):
            ids = by_url[url]
            # An address edited during the run keeps its own (unchecked) state.
            updated = CatalogueItemLink.objects.filter(pk__in=ids, url=url).update(
                checked_at=checked_at, check_ok=result.ok, check_error=result.error[:255]
            )
            summary.checked += updated
            if result.ok:
                summary.ok += updated
            else:
                summary.broken += updated
            if on_result:
                on_result(url, result, updated)
    return summary
