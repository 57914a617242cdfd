"""Settings of the open-data app (optional; docs/reference/settings.md)."""

from gov_disclosure.app_settings import (
    Setting,
    app_settings,
    non_negative_int,
    positive_int,
    register,
)

register(
    # Items per page of the JSON API: the default, and the most a client may ask for.
    Setting("API_PAGE_SIZE", 20, positive_int),
    Setting("API_MAX_PAGE_SIZE", 100, positive_int),
    # Requests one address may make to the API (and the exports) per window of seconds.
    Setting("API_RATE_LIMIT", 600, positive_int),
    Setting("API_RATE_WINDOW", 60, positive_int),
    # Seconds a client or proxy may reuse an answer (Cache-Control: max-age).
    Setting("API_MAX_AGE", 60, non_negative_int),
)

__all__ = ["app_settings"]
