"""The reader's display mode (适老化): large text, high contrast, or both, kept in a cookie.

The mode is switched by plain links or forms (no JavaScript) that go to ``set_display_mode``
and come back to the page the reader was on. ``base.html`` reads the cookie through the
``gd_display_mode`` template tag, so a site needs no context processor or setting for it.
"""

from dataclasses import dataclass

from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

COOKIE_NAME = "gd_display"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # a year: a reader who needs large text needs it next time
STANDARD = "standard"
LARGE = "large"
CONTRAST = "contrast"
# The modes that can be switched on, in the order they are written in the cookie.
MODES = (LARGE, CONTRAST)


@dataclass(frozen=True)
class DisplayMode:
    """The modes switched on; both off is the standard view."""

    large: bool = False
    contrast: bool = False

    @classmethod
    def from_request(cls, request):
        if request is None:
            return cls()
        value = request.COOKIES.get(COOKIE_NAME, "")
        modes = set(value.split("-"))
        return cls(large=LARGE in modes, contrast=CONTRAST in modes)

    @property
    def standard(self):
        return not (self.large or self.contrast)

    @property
    def css_classes(self):
        """The classes ``base.html`` puts on ``<html>``, e.g. ``"gd-mode-large"``."""
        return " ".join(f"gd-mode-{mode}" for mode in MODES if getattr(self, mode))

    @property
    def value(self):
        """The ``mode`` parameter (and cookie value) of this display mode."""
        return "-".join(mode for mode in MODES if getattr(self, mode)) or STANDARD

    @property
    def with_large_toggled(self):
        return DisplayMode(large=not self.large, contrast=self.contrast).value

    @property
    def with_contrast_toggled(self):
        return DisplayMode(large=self.large, contrast=not self.contrast).value


def parse_mode(value):
    """The ``DisplayMode`` that ``value`` names, or ``None`` if it names none.

    ``value`` is ``standard``, a mode (``large``, ``contrast``) or modes joined with ``-``
    (``large-contrast``), the way the header's buttons send it.
    """
    if value == STANDARD:
        return DisplayMode()
    modes = value.split("-")
    if not value or any(mode not in MODES for mode in modes):
        return None
    return DisplayMode(large=LARGE in modes, contrast=CONTRAST in modes)


def _safe_next(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


@require_http_methods(["GET", "POST"])
def set_display_mode(request):
    """Stores the ``mode`` asked for and goes back to ``next`` (or the page the reader came from).

    GET works without JavaScript and without a CSRF token, so the header's switch needs no
    token on every (cacheable) page; a POST goes through Django's CSRF check as usual. Only
    addresses on this site are followed back: any other ``next`` goes to the home page.
    """
    data = request.POST if request.method == "POST" else request.GET
    mode = parse_mode(data.get("mode", "").strip().lower())
    back = (
        _safe_next(request, data.get("next"))
        or _safe_next(request, request.headers.get("referer"))
        or "/"
    )
    if mode is None:
        return render(
            request,
            "gov_disclosure/display_mode_error.html",
            {
                "message": _(
                    "The display could not be changed: choose the standard view, large text "
                    "or high contrast."
                ),
                "back": back,
            },
            status=400,
        )
    response = redirect(back)
    response.set_cookie(
        COOKIE_NAME,
        mode.value,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
