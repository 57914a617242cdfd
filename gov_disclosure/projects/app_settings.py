"""Settings of the major construction projects app (optional; docs/reference/settings.md)."""

from gov_disclosure.app_settings import Setting, app_settings, positive_int, regex, register

register(
    # 项目统一代码 from the national investment project online approval platform, e.g.
    # 2403-370322-04-01-587316: year and month, region code, industry, type, serial.
    Setting("PROJECT_CODE_PATTERN", r"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$", regex),
    Setting("PROJECT_DISCLOSURE_DAYS", 20, positive_int),
    Setting("PROJECT_DECISION_DISCLOSURE_DAYS", 7, positive_int),
    Setting("PROJECT_INDEX_PAGE_SIZE", 12, positive_int),
)

__all__ = ["app_settings"]
