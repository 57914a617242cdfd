from .agencies import Agency
from .calendar import WorkdayOverride
from .categories import ThemeCategory
from .disclosure import (
    DisclosureAttribute,
    DisclosureAttributeMixin,
    DisclosurePageManager,
    DisclosurePageMixin,
    DisclosurePageQuerySet,
    hidden_sections_q,
)
from .pages import DisclosureArticlePage, DisclosurePortalPage

__all__ = [
    "Agency",
    "DisclosureArticlePage",
    "DisclosureAttribute",
    "DisclosureAttributeMixin",
    "DisclosurePageManager",
    "DisclosurePageMixin",
    "DisclosurePageQuerySet",
    "DisclosurePortalPage",
    "ThemeCategory",
    "WorkdayOverride",
    "hidden_sections_q",
]
