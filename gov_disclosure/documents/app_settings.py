"""Settings of the normative documents app (all optional; see docs/reference/settings.md)."""

from gov_disclosure.app_settings import (
    Setting,
    app_settings,
    non_empty_str,
    non_negative_int,
    positive_int,
    regex,
    register,
)


def _index_pattern(value):
    if non_empty_str(value):
        return non_empty_str(value)
    try:
        value.format(agency_code="X", year=2026, serial=1)
    except (KeyError, IndexError, ValueError, AttributeError):
        return "a format string using only {agency_code}, {year} and {serial}"
    return None


register(
    Setting("INDEX_NUMBER_PATTERN", "{agency_code}/{year}-{serial:05d}", _index_pattern),
    Setting(
        "REGISTRATION_NUMBER_PATTERN",
        r"^[A-Z]{2,12}[—–-]\d{4}[—–-]\d{1,5}$",
        regex,
    ),
    Setting("INTERPRETATION_DAYS", 3, positive_int),
    Setting("PUBLICATION_DAYS", 20, positive_int),
    Setting("DOCUMENT_TERM_YEARS", 5, non_negative_int),
    Setting("LIBRARY_PAGE_SIZE", 20, positive_int),
)

__all__ = ["app_settings"]
