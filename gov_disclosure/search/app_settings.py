"""Settings of the public search (all optional; see docs/reference/settings.md)."""

from typing import Any

from gov_disclosure.app_settings import (
    Setting,
    app_settings,
    positive_int,
    register,
    string,
)

BACKENDS = ("database", "elasticsearch")


def _backend(value: Any) -> str | None:
    return None if value in BACKENDS else "one of " + ", ".join(repr(b) for b in BACKENDS)


def _urls(value: Any) -> str | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(
        isinstance(url, str) and url.startswith(("http://", "https://")) for url in value
    ):
        return "a list of http:// or https:// addresses"
    return None


def _options(value: Any) -> str | None:
    return None if isinstance(value, dict) else "a dict of keyword arguments for Elasticsearch()"


def _index_prefix(value: Any) -> str | None:
    import re

    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,100}", value):
        return "lower-case letters, digits, '_' and '-' (an Elasticsearch index name)"
    return None


def _seconds(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 60:
        return "a number of seconds between 0 and 60"
    return None


register(
    # "database": Wagtail's database search backend with Chinese word segmentation (no set-up);
    # "elasticsearch": an Elasticsearch 8/9 cluster, falling back to the database when it fails.
    Setting("SEARCH_BACKEND", "database", _backend),
    Setting("SEARCH_ELASTICSEARCH_URLS", ["http://127.0.0.1:9200"], _urls),
    # Passed to elasticsearch.Elasticsearch(): basic_auth, api_key, ca_certs, verify_certs, …
    Setting("SEARCH_ELASTICSEARCH_OPTIONS", {}, _options),
    Setting("SEARCH_INDEX_PREFIX", "gov_disclosure", _index_prefix),
    # An analyzer installed on the cluster for a finer sub-field: "smartcn", "ik_max_word" or "".
    Setting("SEARCH_FINE_ANALYZER", "", string),
    # How long a search may wait for the search server before the database answers instead.
    Setting("SEARCH_TIMEOUT", 2.0, _seconds),
    Setting("SEARCH_PAGE_SIZE", 10, positive_int),
    # Words added to the segmentation dictionary (place names, agency short names, …).
    Setting("SEARCH_USER_WORDS", [], lambda v: None if isinstance(v, list | tuple) else "a list"),
)

__all__ = ["app_settings"]
