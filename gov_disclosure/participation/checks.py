"""System check of the participation app: the rate-limit cache must exist."""

from django.conf import settings
from django.core import checks

from .app_settings import app_settings


def check_rate_limit_cache(app_configs=None, **kwargs):
    name = app_settings.RATE_LIMIT_CACHE
    if name in getattr(settings, "CACHES", {}) or (name == "default" and not settings.CACHES):
        return []
    return [
        checks.Error(
            f"GOV_DISCLOSURE_RATE_LIMIT_CACHE is {name!r}, which is not a cache in CACHES.",
            hint="Name a cache of CACHES (a Redis cache in production), or leave the setting "
            "out to use the default cache.",
            id="gov_disclosure.E008",
        )
    ]
