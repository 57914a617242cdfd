"""The one search service: the configured backend, and the database when that one fails."""

from __future__ import annotations

import logging

from .app_settings import app_settings
from .backends.base import SearchQuery, SearchResult, SearchUnavailable
from .backends.database import DatabaseSearch

logger = logging.getLogger(__name__)


def get_backend():
    if app_settings.SEARCH_BACKEND == "elasticsearch":
        from .backends.elasticsearch import ElasticsearchSearch

        return ElasticsearchSearch()
    return DatabaseSearch()


def search(query: SearchQuery) -> tuple[SearchResult, bool]:
    """``(result, degraded)``: ``degraded`` when the search server failed and the database
    answered instead (the database index is always complete, see ``indexing``)."""
    backend = get_backend()
    if isinstance(backend, DatabaseSearch):
        return backend.search(query), False
    try:
        return backend.search(query), False
    except SearchUnavailable as error:
        logger.warning("Search server unavailable, the database answers: %s", error)
        return DatabaseSearch().search(query), True
