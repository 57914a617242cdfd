"""What a search asks and what it answers, the same for every backend."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

FACETS = ("kind", "agency", "theme_category", "year", "validity")


@dataclass(frozen=True)
class SearchQuery:
    """A search: every word of ``terms`` must be found (``terms`` includes 二次搜索's words).

    ``filters`` maps a facet name of ``FACETS`` to the chosen value; ``theme_category`` is a list
    of category ids (the chosen category and those below it).
    """

    terms: tuple[str, ...]
    locale_id: int
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"  # or "date" (newest first)
    offset: int = 0
    limit: int = 10

    def without(self, facet: str) -> dict:
        """The filters other than ``facet``'s (a facet's counts ignore its own choice)."""
        return {name: value for name, value in self.filters.items() if name != facet}


@dataclass
class Hit:
    page_id: int
    kind: str
    title: str
    url: str
    date: datetime.date | None
    document_number: str
    agency_id: int | None
    validity: str
    title_html: SafeString
    snippet_html: SafeString


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    # facet name → {value: count}; values are kinds, agency ids, category ids, years, validities
    facets: dict[str, dict]
    backend: str


class SearchUnavailable(Exception):
    """The backend cannot answer now (server down, slow or refusing)."""
