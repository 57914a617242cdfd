"""Settings of the standard catalogue app (optional; docs/reference/settings.md)."""

from gov_disclosure.app_settings import Setting, app_settings, positive_int, register, string

register(
    # Items listed under each catalogue item on the topic page (the rest behind a link).
    Setting("STANDARDS_ITEM_CONTENT_LIMIT", 5, positive_int),
    # The link checker: seconds per request, and how many links are checked at once.
    Setting("STANDARDS_LINK_CHECK_TIMEOUT", 10, positive_int),
    Setting("STANDARDS_LINK_CHECK_WORKERS", 4, positive_int),
    # Rows accepted by one catalogue import.
    Setting("STANDARDS_IMPORT_MAX_ROWS", 5000, positive_int),
    # Rows per page of the disclosure catalogue (公开目录).
    Setting("DISCLOSURE_CATALOGUE_PAGE_SIZE", 20, positive_int),
    # The fee statement of the disclosure guide; empty: the standard statement (no fee except the
    # information processing fee of 国办函〔2020〕109号), in the reader's language.
    Setting("GUIDE_FEE_STATEMENT", "", string),
)

__all__ = ["app_settings"]
