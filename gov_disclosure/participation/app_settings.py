"""Settings of the public participation app (optional; docs/reference/settings.md)."""

from gov_disclosure.app_settings import (
    Setting,
    app_settings,
    boolean,
    positive_int,
    register,
)

register(
    # A county government invites public representatives to at least 3 meetings a year.
    Setting("PARTICIPATION_MEETINGS_PER_YEAR", 3, positive_int),
    # Comment periods are at least 30 days; a shorter one needs a stated reason.
    Setting("SOLICITATION_MIN_DAYS", 30, positive_int),
    Setting("COMMENT_NAME_REQUIRED", False, boolean),
    Setting("COMMENT_MAX_LENGTH", 5000, positive_int),
    Setting("COMMENT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, positive_int),
    # At most COMMENT_RATE_LIMIT comments from one address in COMMENT_RATE_WINDOW seconds,
    # counted in the core's RATE_LIMIT_CACHE (Redis in production).
    Setting("COMMENT_RATE_LIMIT", 5, positive_int),
    Setting("COMMENT_RATE_WINDOW", 3600, positive_int),
    Setting("PARTICIPATION_INDEX_PAGE_SIZE", 20, positive_int),
)

__all__ = ["app_settings"]
