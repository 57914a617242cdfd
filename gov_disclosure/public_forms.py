"""What every public form of the product shares: a honeypot, a one-time token against double
submits, and a rate limit per address counted in a shared cache (Redis in production)."""

from __future__ import annotations

import logging
import uuid

from django import forms
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from .app_settings import app_settings

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "gd_hp_check"


def client_address(request) -> str:
    """The address the request came from. Behind a reverse proxy the site sets ``REMOTE_ADDR``
    from the proxy's header (a middleware of its own): a header is never trusted here."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(request, scope: str) -> str:
    return f"gov_disclosure:{scope}:{client_address(request)}"


def rate_limit_count(request, scope: str) -> int:
    """How many submissions this address has made in ``scope``'s current window, without
    counting one more (0 when the cache does not answer)."""
    try:
        return caches[app_settings.RATE_LIMIT_CACHE].get(_rate_key(request, scope)) or 0
    except Exception:
        logger.exception("gov_disclosure: the rate-limit cache does not answer")
        return 0


def over_rate_limit(request, scope: str, limit: int, window: int) -> bool:
    """Count this submission; True when the address has sent more than ``limit`` in ``window``
    seconds. When the cache server does not answer the submission is let through (and the error
    logged): losing a citizen's application is worse than letting a burst through."""
    key = _rate_key(request, scope)
    try:
        cache = caches[app_settings.RATE_LIMIT_CACHE]
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
    except Exception:
        logger.exception("gov_disclosure: the rate-limit cache does not answer")
        return False
    return count > limit


class ProtectedFormMixin(forms.Form):
    """A honeypot field and a one-time token (a double submit carries the same token)."""

    # Left empty by people; bots fill it in. Hidden from sight and from screen readers, with a
    # name that browsers do not autofill.
    gd_hp_check = forms.CharField(required=False, label=_("Leave this field empty"))
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4().hex
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_token(self):
        token = self.cleaned_data.get("token") or ""
        try:
            return uuid.UUID(token).hex
        except ValueError:
            return uuid.uuid4().hex  # an old or tampered form: accept, without de-duplication

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))
