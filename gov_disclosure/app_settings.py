"""Settings of gov_disclosure, read lazily from ``django.conf.settings``.

Every setting is named ``GOV_DISCLOSURE_<NAME>`` in the site's settings module and is read
on each access, never at import time, so ``override_settings`` and per-site settings modules
work as expected. Each one is documented in ``docs/reference/settings.md``; a test keeps the two
in step. ``validate()`` is used by the system checks to turn a bad value into a check error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

PREFIX = "GOV_DISCLOSURE_"


def positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "a whole number of 1 or more"
    return None


def non_negative_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "a whole number of 0 or more"
    return None


def non_empty_str(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "a non-empty string"
    return None


def regex(value: Any) -> str | None:
    import re

    try:
        re.compile(value)
    except (TypeError, re.error):
        return "a valid regular expression"
    return None


def string(value: Any) -> str | None:
    if not isinstance(value, str):
        return "a string (a file path, or empty)"
    return None


def boolean(value: Any) -> str | None:
    if not isinstance(value, bool):
        return "True or False"
    return None


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    validator: Callable[[Any], str | None]

    @property
    def full_name(self) -> str:
        return PREFIX + self.name


# The core app's settings; each domain app adds its own with ``register()`` from its
# ``app_settings.py``, so that one namespace, one validation and one docs test cover them all.
SETTINGS: list[Setting] = [
    Setting("EDITORS_GROUP", "政务公开编辑", non_empty_str),
    Setting("REVIEWERS_GROUP", "政务公开审核", non_empty_str),
    Setting("DISCLOSURE_OFFICE_GROUP", "政务公开办公室", non_empty_str),
    Setting("CREATE_GROUPS", True, boolean),
    Setting("PORTAL_LATEST_COUNT", 8, positive_int),
    Setting("WORKDAY_CACHE_TIMEOUT", 3600, non_negative_int),
    Setting("THEME_CATEGORY_MAX_DEPTH", 4, positive_int),
    # The cache that counts submissions of the public forms per address (Redis in production).
    Setting("RATE_LIMIT_CACHE", "default", non_empty_str),
    # The font embedded in generated PDFs; empty: a CJK TrueType font found on the system, else
    # the built-in STSong-Light (see gov_disclosure.office_files).
    Setting("PDF_FONT", "", string),
]

_BY_NAME = {s.name: s for s in SETTINGS}


def register(*settings: Setting) -> None:
    """Add a domain app's settings (called when its ``app_settings`` module is imported)."""
    for setting in settings:
        if setting.name not in _BY_NAME:
            SETTINGS.append(setting)
            _BY_NAME[setting.name] = setting


class AppSettings:
    """Attribute access to the settings, e.g. ``app_settings.EDITORS_GROUP``."""

    def __getattr__(self, name: str) -> Any:
        try:
            setting = _BY_NAME[name]
        except KeyError:
            raise AttributeError(f"gov_disclosure has no setting named {name!r}") from None
        return getattr(settings, setting.full_name, setting.default)

    def __dir__(self):
        return list(_BY_NAME)

    def validate(self) -> list[tuple[Setting, Any, str]]:
        """Return ``(setting, value, expected)`` for every setting whose value is invalid."""
        problems = []
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            expected = setting.validator(value)
            if expected:
                problems.append((setting, value, expected))
        return problems


app_settings = AppSettings()
