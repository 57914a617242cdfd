"""Recall of the public search over the demo content, on each backend: at least 0.95.

The queries and the pages each must find are in ``tests/search_recall.py``. The demo is loaded
once for the module (about 20 seconds) in a transaction rolled back after it; each test's own
transaction is a savepoint inside it.
"""

import pytest
from wagtail.models import Locale, Page

from gov_disclosure.registry import registry
from gov_disclosure.search.backends.base import SearchQuery
from gov_disclosure.search.segmentation import query_terms
from gov_disclosure.search.service import search

from . import search_server
from .demo_support import demo_loaded_once
from .search_recall import DEMO_DOCUMENTS, QUERIES, TODAY

# The fixtures of the search server (also found when conftest registers tests.search_server).
osmem_url = search_server.osmem_url
elasticsearch_settings = search_server.elasticsearch_settings

MIN_RECALL = 0.95
# More than the demo has pages of the registered types: recall, not ranking, is measured here.
LIMIT = 200


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content as loaded on ``TODAY``, for every test of the module."""
    with demo_loaded_once(django_db_blocker, TODAY, documents=DEMO_DOCUMENTS):
        yield


def found_titles(text: str) -> set[str]:
    """The titles of the results of ``text``, searched as the search page does."""
    query = SearchQuery(
        terms=tuple(query_terms(text)), locale_id=Locale.get_default().pk, limit=LIMIT
    )
    result, degraded = search(query)
    assert not degraded, f"the search server failed on {text!r}; the database answered"
    assert result.total <= LIMIT
    return {hit.title for hit in result.hits}


def expected_titles() -> set[str]:
    return {title for case in QUERIES for title in case.expected}


def missing_from_the_demo() -> list[str]:
    """Expected titles no live page has: a renamed demo page must fail loudly, not lower
    the recall."""
    expected = expected_titles()
    live = Page.objects.live().filter(title__in=expected).values_list("title", flat=True)
    return sorted(expected - set(live))


def test_the_recall_set_covers_every_kind_of_content(demo, db):
    assert len(QUERIES) >= 50
    assert len({case.query for case in QUERIES}) == len(QUERIES)
    assert missing_from_the_demo() == []
    expected = expected_titles()
    for entry in registry:
        if entry.is_page:
            asked = entry.model.objects.live().filter(title__in=expected)
            assert asked.exists(), f"no query expects a page of {entry.kind}"


def test_recall_over_the_demo_content(demo, search_backend):
    search_backend.sync()
    missing = missing_from_the_demo()
    assert not missing, f"expected titles missing from the demo: {missing}"

    wanted = hits = 0
    misses = []
    for case in QUERIES:
        found = found_titles(case.query)
        missed = [title for title in case.expected if title not in found]
        wanted += len(case.expected)
        hits += len(case.expected) - len(missed)
        if missed:
            terms = " ".join(query_terms(case.query))
            misses.append(f"{case.query!r} [{terms}]: " + "；".join(missed))
    recall = hits / wanted
    report = "\n".join(misses)
    # Shown with `pytest -s`; docs/search.md quotes it.
    print(
        f"\nrecall on {search_backend.name}: {recall:.3f} ({hits}/{wanted}, {len(QUERIES)} queries)"
    )
    assert recall >= MIN_RECALL, (
        f"recall {recall:.3f} ({hits}/{wanted}) on {search_backend.name} is below {MIN_RECALL}; "
        f"queries that missed pages:\n{report}"
    )
