"""The database backend: Wagtail's database search over ``SearchEntry``, segmented words.

Works on SQLite (FTS5), PostgreSQL (full-text search) and MySQL/MariaDB through the backend
Wagtail picks for the database. Facet counts are ``GROUP BY`` queries on the matching rows.
"""

from __future__ import annotations

from django.db.models import Count

from ..highlight import mark, snippet
from ..indexing import database_backend
from ..models import SearchEntry
from ..segmentation import match_words
from .base import FACETS, Hit, SearchQuery, SearchResult

ORDER_BY_DATE = ("-date", "-page_id")  # undated entries do not exist: see build_entry


def _filtered(query: SearchQuery, filters: dict):
    rows = SearchEntry.objects.filter(locale_id=query.locale_id)
    for name, value in filters.items():
        if name == "theme_category":
            rows = rows.filter(theme_category__in=value)
        else:
            rows = rows.filter(**{name: value})
    return rows


def _matching(query: SearchQuery, filters: dict, *, order_by_relevance: bool):
    rows = _filtered(query, filters)
    if not query.terms:
        return rows.order_by(*ORDER_BY_DATE), False
    if not order_by_relevance:
        rows = rows.order_by(*ORDER_BY_DATE)
    results = database_backend().search(
        " ".join(match_words(query.terms, lone_characters=False)),
        rows,
        operator="and",
        order_by_relevance=order_by_relevance,
    )
    return results, True


def _facet(query: SearchQuery, name: str) -> dict:
    results, is_search = _matching(query, query.without(name), order_by_relevance=False)
    column = SearchEntry._meta.get_field(name).attname  # agency → agency_id
    if is_search:
        counts = results.facet(column)
    else:
        counts = {
            row[column]: row["count"]
            for row in results.order_by().values(column).annotate(count=Count("pk"))
        }
    return {value: count for value, count in counts.items() if value not in (None, "")}


def hits_from(rows, terms) -> list[Hit]:
    """The results of a page of ``SearchEntry`` rows, with the terms marked."""
    return [
        Hit(
            page_id=row.page_id,
            kind=row.kind,
            title=row.display_title,
            url=row.url,
            date=row.date,
            document_number=row.document_number,
            agency_id=row.agency_id,
            validity=row.validity,
            title_html=mark(row.display_title, terms),
            snippet_html=snippet(row.text, terms),
        )
        for row in rows
    ]


class DatabaseSearch:
    name = "database"

    def search(self, query: SearchQuery) -> SearchResult:
        results, _ = _matching(query, query.filters, order_by_relevance=query.sort == "relevance")
        total = results.count()
        rows = list(results[query.offset : query.offset + query.limit]) if total else []
        hits = hits_from(rows, query.terms)
        facets = {name: _facet(query, name) for name in FACETS} if total or query.filters else {}
        return SearchResult(hits=hits, total=total, facets=facets, backend=self.name)
