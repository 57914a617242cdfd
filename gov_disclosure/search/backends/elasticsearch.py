"""The Elasticsearch backend: a copy of the ``SearchEntry`` rows in an Elasticsearch 8/9 index.

Searches are answered with the same semantics as the database backend (every term must be
found, facets that ignore their own choice, the same sort orders) and fail with
``ElasticsearchUnavailable`` whenever the server cannot answer, so that the service falls back to
the database. The index needs no plugin: titles and texts use the built-in ``cjk`` analyzer
(bigrams), with a ``chars`` sub-field of single characters for the terms the bigrams cannot
find (one-character words such as 税) and to mark the terms found; a site that has installed
``analysis-smartcn`` or IK can add a ``fine`` sub-field with ``SEARCH_FINE_ANALYZER``.

The index is an alias, ``<SEARCH_INDEX_PREFIX>_entries``, over a concrete index named with
the time of its rebuild. A rebuild fills a new concrete index while the old one keeps serving,
then moves the alias in one atomic step; changes made meanwhile are written to both.
"""

from __future__ import annotations

import datetime
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch

# elasticsearch-dsl 8.18+ (a dependency) needs elasticsearch 8.18+, which ships the DSL.
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    Q,
    Search,
    Text,
    analyzer,
)

from gov_disclosure.registry import registry

from ..app_settings import app_settings
from ..highlight import SNIPPET_LENGTH, mark, snippet
from ..models import SearchEntry
from ..segmentation import match_words, to_simplified
from .base import FACETS, Hit, SearchQuery, SearchResult, SearchUnavailable

logger = logging.getLogger(__name__)

# Elasticsearch refuses a search whose from + size passes index.max_result_window (10,000).
MAX_RESULT_WINDOW = 10_000
FACET_SIZE = 1_000
CHUNK = 500
# Writes may take longer than a search may wait; a rebuild's bulk requests longer still.
CHANGES_TIMEOUT = 10.0
REBUILD_TIMEOUT = 60.0

# Highlight tags no text contains (private-use characters): the fragment is escaped first,
# then the tags become <mark>, so nothing Elasticsearch returns is trusted as HTML.
PRE_TAG = "\ue000"
POST_TAG = "\ue001"

FACET_FIELDS = {
    "kind": "kind",
    "agency": "agency_id",
    "theme_category": "theme_category_id",
    "year": "year",
    "validity": "validity",
}
SOURCE_FIELDS = [
    "page_id",
    "kind",
    "title",
    "url",
    "date",
    "document_number",
    "agency_id",
    "validity",
    "text",
]

# The standard tokenizer makes each Chinese character a token; cjk_width and lowercase fold
# full-width letters and case as the cjk analyzer does. All built in: no plugin needed.
chars_analyzer = analyzer(
    "gov_disclosure_chars", tokenizer="standard", filter=["cjk_width", "lowercase"]
)

# Characters the cjk analyzer pairs into bigrams (Han, kana, Hangul). A character of these with
# no such neighbour in a term is a unigram the bigram index does not hold.
_BIGRAM_SCRIPT = (
    "\u1100-\u11ff\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_LONE_CHARACTER = re.compile(f"(?<![{_BIGRAM_SCRIPT}])[{_BIGRAM_SCRIPT}](?![{_BIGRAM_SCRIPT}])")


def _text_field(**fields):
    return Text(analyzer="cjk", fields={"chars": Text(analyzer=chars_analyzer), **fields})


class SearchEntryDocument(Document):
    """A ``SearchEntry`` row as Elasticsearch holds it (the ``_id`` is the page id)."""

    page_id = Long()
    kind = Keyword()
    locale_id = Long()
    agency_id = Long()
    theme_category_id = Long()
    year = Integer()
    validity = Keyword()
    date = Date()
    title = _text_field()
    text = _text_field()
    # Title and text in Simplified characters, only when they hold Traditional ones (the cjk
    # analyzer folds width and case but not Traditional → Simplified, as the database does).
    folded = _text_field()
    document_number = Keyword(
        fields={"text": Text(analyzer="cjk"), "chars": Text(analyzer=chars_analyzer)}
    )
    url = Keyword(index=False, doc_values=False)
    # The content type's name in the entry's language (people search for 政策解读, 意见征集).
    kind_label = Text(analyzer="cjk")

    @classmethod
    def from_entry(cls, entry: SearchEntry) -> SearchEntryDocument:
        words = f"{entry.display_title}\n{entry.text}"
        folded = to_simplified(words)
        return cls(
            meta={"id": entry.page_id},
            page_id=entry.page_id,
            kind=entry.kind,
            locale_id=entry.locale_id,
            agency_id=entry.agency_id,
            theme_category_id=entry.theme_category_id,
            year=entry.year,
            validity=entry.validity or None,
            date=entry.date,
            title=entry.display_title,
            text=entry.text,
            folded=folded if folded != words else None,
            document_number=entry.document_number or None,
            url=entry.url,
            kind_label=_kind_label(entry),
        )


def _kind_label(entry: SearchEntry) -> str:
    from ..indexing import kind_label

    if entry.kind not in registry:
        return ""
    return kind_label(entry.kind, entry.locale.language_code)


@lru_cache(maxsize=8)
def document_class(fine_analyzer: str = "") -> type[SearchEntryDocument]:
    """The document class, with the ``fine`` sub-fields when a fine analyzer is configured."""
    if not fine_analyzer:
        return SearchEntryDocument
    fine = {"fine": Text(analyzer=fine_analyzer)}
    return type(
        "FineSearchEntryDocument",
        (SearchEntryDocument,),
        {"__module__": __name__, "title": _text_field(**fine), "text": _text_field(**fine)},
    )


class ElasticsearchUnavailable(SearchUnavailable):
    """The search server is down, too slow, failing or has no index: the database answers."""


# One client per process and per settings; override_settings in tests gets its own.
_clients: OrderedDict[tuple, Elasticsearch] = OrderedDict()
_clients_lock = threading.Lock()


def _settings_key() -> tuple:
    urls = app_settings.SEARCH_ELASTICSEARCH_URLS
    urls = (urls,) if isinstance(urls, str) else tuple(urls)
    options = app_settings.SEARCH_ELASTICSEARCH_OPTIONS
    frozen = tuple(sorted((name, repr(value)) for name, value in options.items()))
    return urls, float(app_settings.SEARCH_TIMEOUT), frozen


def get_client() -> Elasticsearch:
    """The Elasticsearch client for the current settings (made once, then reused)."""
    key = _settings_key()
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            urls, timeout, _ = key
            options = dict(app_settings.SEARCH_ELASTICSEARCH_OPTIONS)
            options.update(hosts=list(urls), request_timeout=timeout)
            client = _clients[key] = Elasticsearch(**options)
            while len(_clients) > 8:
                _clients.popitem(last=False)
        else:
            _clients.move_to_end(key)
        return client


def index_name() -> str:
    """The alias searches and writes go through: ``<SEARCH_INDEX_PREFIX>_entries``."""
    return f"{app_settings.SEARCH_INDEX_PREFIX.strip().lower()}_entries"


def _concrete_pattern(alias: str) -> re.Pattern:
    return re.compile(rf"{re.escape(alias)}_\d{{20}}")


def _describe(error: Exception) -> str:
    if isinstance(error, ApiError):
        return f"{error.meta.status} {error.message}"
    return f"{type(error).__name__}: {error}"


@contextmanager
def _unavailable_on_error(action: str):
    """Turn whatever the client raises into ``ElasticsearchUnavailable``."""
    try:
        yield
    except (TransportError, ApiError) as error:
        status = getattr(getattr(error, "meta", None), "status", None)
        if status is not None and status < 500 and status not in (404, 408, 429):
            # A request the server refuses is a bug or a mis-set cluster: say so loudly.
            logger.error("Elasticsearch refused to %s: %s", action, _describe(error))
        raise ElasticsearchUnavailable(f"cannot {action}: {_describe(error)}") from error


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _bulk(client: Elasticsearch, operations: list[dict], action: str) -> int:
    """Send one bulk request; the number of documents written or deleted.

    A delete of a missing document is fine, as is a ``create`` of one already written (a
    rebuild does not overwrite a change made meanwhile). A missing index or an overloaded
    server raise ``ElasticsearchUnavailable``; a document the server refuses is logged and
    skipped, so that it cannot block the changes after it.
    """
    if not operations:
        return 0
    with _unavailable_on_error(action):
        response = client.bulk(operations=operations)
    done = 0
    for item in response["items"]:
        (op_type, result), *_ = item.items()
        status = result.get("status", 500)
        error = result.get("error")
        if not error or (op_type, status) in (("delete", 404), ("create", 409)):
            done += 1
            continue
        reason = error.get("reason", error) if isinstance(error, dict) else error
        kind = error.get("type", "") if isinstance(error, dict) else ""
        if status >= 500 or status == 429 or kind == "index_not_found_exception":
            raise ElasticsearchUnavailable(f"cannot {action}: {status} {reason}")
        logger.error("Elasticsearch refused page %s: %s %s", result.get("_id"), status, reason)
    return done


def _documents(entries: Iterable[SearchEntry]) -> list[tuple[str, dict]]:
    doc_class = document_class(app_settings.SEARCH_FINE_ANALYZER)
    return [(str(entry.page_id), doc_class.from_entry(entry).to_dict()) for entry in entries]


def _write_operations(index: str, documents, op_type: str = "index") -> list[dict]:
    operations = []
    for doc_id, body in documents:
        operations += [{op_type: {"_index": index, "_id": doc_id}}, body]
    return operations


def _indexes(client: Elasticsearch, alias: str) -> tuple[list[str], list[str]]:
    """``(serving, building)``: the concrete indexes behind the alias, and newer ones that a
    rebuild is filling."""
    with _unavailable_on_error("list the indexes"):
        found = client.indices.get_alias(index=f"{alias}_*", allow_no_indices=True)
    pattern = _concrete_pattern(alias)
    serving = sorted(name for name, info in found.items() if alias in info.get("aliases", {}))
    newest = max(serving, default="")
    building = sorted(
        name for name in found if pattern.fullmatch(name) and name not in serving and name > newest
    )
    return serving, building


def apply_changes(page_ids: Iterable[int]) -> None:
    """Index the entries of ``page_ids`` and delete the documents of those that have none.

    Raises ``ElasticsearchUnavailable`` when the server cannot take them (the caller keeps the
    changes for later) or when there is no index yet (``rebuild`` makes it).
    """
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    client = get_client().options(request_timeout=max(CHANGES_TIMEOUT, app_settings.SEARCH_TIMEOUT))
    alias = index_name()
    serving, building = _indexes(client, alias)
    if not serving:
        raise ElasticsearchUnavailable(f"the index {alias} does not exist: run a rebuild")
    for chunk in _chunks(page_ids, CHUNK):
        entries = list(SearchEntry.objects.filter(pk__in=chunk).select_related("locale"))
        documents = _documents(entries)
        gone = sorted(set(chunk) - {entry.page_id for entry in entries})
        operations = []
        # During a rebuild, the index being filled gets the change too.
        for index in serving + building:
            operations += _write_operations(index, documents)
            operations += [{"delete": {"_index": index, "_id": str(pk)}} for pk in gone]
        _bulk(client, operations, "apply the changes")


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Copy every ``SearchEntry`` row into a new index, then point the alias at it.

    The old index serves until the alias moves, and stays serving if anything fails; the new
    index is then deleted. Returns the number of documents indexed.
    """
    client = get_client().options(request_timeout=max(REBUILD_TIMEOUT, app_settings.SEARCH_TIMEOUT))
    alias = index_name()
    concrete = f"{alias}_{timezone.now():%Y%m%d%H%M%S%f}"
    index = Index(concrete)
    # No refresh while filling (faster); searches go to the old index meanwhile.
    index.settings(refresh_interval="-1")
    index.document(document_class(app_settings.SEARCH_FINE_ANALYZER))
    with _unavailable_on_error("create the index"):
        index.create(using=client)
    try:
        count = 0
        rows = (
            SearchEntry.objects.select_related("locale").order_by("pk").iterator(chunk_size=CHUNK)
        )
        for chunk in _chunks(rows, CHUNK):
            # "create": a change written meanwhile by apply_changes is newer than this row.
            count += _bulk(
                client, _write_operations(concrete, _documents(chunk), "create"), "rebuild"
            )
            # A row deleted after it was read: its change may already have been applied.
            ids = [entry.page_id for entry in chunk]
            kept = set(SearchEntry.objects.filter(pk__in=ids).values_list("pk", flat=True))
            deletes = [
                {"delete": {"_index": concrete, "_id": str(pk)}} for pk in ids if pk not in kept
            ]
            count -= _bulk(client, deletes, "rebuild")
            if progress:
                progress(len(chunk))
        with _unavailable_on_error("rebuild"):
            client.indices.put_settings(
                index=concrete, settings={"index": {"refresh_interval": None}}
            )
            client.indices.refresh(index=concrete)
            old, _ = _indexes(client, alias)
            actions = [{"remove": {"index": name, "alias": alias}} for name in old]
            if not old and client.indices.exists(index=alias):
                # A plain index took the alias's name (written to before any rebuild).
                actions.append({"remove_index": {"index": alias}})
            actions.append({"add": {"index": concrete, "alias": alias}})
            client.indices.update_aliases(actions=actions)
    except BaseException:
        try:
            client.indices.delete(index=concrete, ignore_unavailable=True)
        except (TransportError, ApiError) as error:
            logger.warning("Could not delete the unfinished index %s: %s", concrete, error)
        raise
    # The old indexes, and any a failed rebuild left behind.
    pattern = _concrete_pattern(alias)
    try:
        with _unavailable_on_error("list the indexes"):
            names = client.indices.get_alias(index=f"{alias}_*", allow_no_indices=True)
        for name in names:
            if pattern.fullmatch(name) and name != concrete:
                client.indices.delete(index=name, ignore_unavailable=True)
    except (ElasticsearchUnavailable, TransportError, ApiError) as error:
        logger.warning("The new index serves, but old ones could not be deleted: %s", error)
    return count


def refresh() -> None:
    """Make every write so far visible to searches (Elasticsearch does it within a second)."""
    with _unavailable_on_error("refresh the index"):
        get_client().indices.refresh(index=index_name())


def status() -> dict:
    """What the index command's ``status`` shows: server, index, documents, or the error."""
    alias = index_name()
    result = {
        "index": alias,
        "concrete_indexes": [],
        "documents": None,
        "server": None,
        "fine_analyzer": app_settings.SEARCH_FINE_ANALYZER or None,
        "error": None,
    }
    client = get_client()
    try:
        with _unavailable_on_error("reach the server"):
            version = client.info()["version"]
        result["server"] = f"{version.get('distribution', 'elasticsearch')} {version['number']}"
        serving, _ = _indexes(client, alias)
        result["concrete_indexes"] = serving
        if not serving:
            result["error"] = "the index does not exist: run a rebuild"
            return result
        with _unavailable_on_error("read the index"):
            result["documents"] = client.count(index=alias)["count"]
            mappings = client.indices.get_mapping(index=alias)
        # The mapping follows SEARCH_FINE_ANALYZER only after a rebuild.
        wanted = app_settings.SEARCH_FINE_ANALYZER or None
        for name in serving:
            title = mappings[name]["mappings"].get("properties", {}).get("title", {})
            analyzer_in_index = title.get("fields", {}).get("fine", {}).get("analyzer")
            if analyzer_in_index != wanted:
                result["error"] = (
                    f"the index has fine analyzer {analyzer_in_index!r}, the settings "
                    f"{wanted!r}: run a rebuild"
                )
    except ElasticsearchUnavailable as error:
        result["error"] = str(error)
    return result


# Searching


def _filter_clause(name: str, value) -> Q:
    field = FACET_FIELDS.get(name, name)
    if name == "theme_category":
        return Q("terms", **{field: list(value)})
    return Q("term", **{field: value})


def _term_query(term: str, fine: bool) -> Q:
    if _LONE_CHARACTER.search(term):
        # A lone character (税, 1号, 2024年) is a unigram the bigrams do not hold: find it as a
        # phrase of single characters.
        return Q(
            "multi_match",
            query=term,
            type="phrase",
            fields=["title.chars^3", "text.chars", "folded.chars", "document_number.chars"],
            zero_terms_query="all",
        )
    fields = ["title^3", "text", "folded", "document_number.text", "kind_label"]
    if fine:
        fields += ["title.fine^3", "text.fine"]
    # "and" in each field: every bigram of the term in the same field. Stop words ("the")
    # analyse to nothing and then match everything, as they are not searchable.
    return Q("multi_match", query=term, fields=fields, operator="and", zero_terms_query="all")


def _highlight_query(terms) -> Q:
    # Exact character phrases, so that every term is marked as the database backend marks it.
    return Q(
        "bool",
        should=[
            Q("multi_match", query=term, type="phrase", fields=["title.chars", "text.chars"])
            for term in terms
        ],
    )


def _from_fragment(fragment: str) -> str | None:
    """The fragment escaped with its terms in ``<mark>``; None when its tags do not pair."""
    opened = False
    for char in fragment:
        if char == PRE_TAG:
            if opened:
                return None
            opened = True
        elif char == POST_TAG:
            if not opened:
                return None
            opened = False
    if opened or PRE_TAG not in fragment:
        return None
    html = escape(fragment).replace(PRE_TAG, "<mark>").replace(POST_TAG, "</mark>")
    # Each character of a phrase comes marked on its own.
    return html.replace("</mark><mark>", "")


def _server_marks_all(text: str) -> bool:
    # The server cannot mark the Traditional characters of a text found through ``folded``.
    return PRE_TAG not in text and POST_TAG not in text and to_simplified(text) == text


def _title_html(title: str, highlight: dict, terms) -> SafeString:
    fragments = highlight.get("title.chars") or []
    plain = fragments[0].replace(PRE_TAG, "").replace(POST_TAG, "") if fragments else None
    if len(fragments) == 1 and plain == title and _server_marks_all(title):
        html = _from_fragment(fragments[0])
        if html is not None:
            return mark_safe(html)  # noqa: S308  (escaped in _from_fragment)
    return mark(title, terms)


def _snippet_html(text: str, highlight: dict, terms) -> SafeString:
    fragments = highlight.get("text.chars") or []
    if fragments and _server_marks_all(text):
        fragment = " ".join(fragments[0].split())
        html = _from_fragment(fragment)
        if html is not None:
            plain = fragment.replace(PRE_TAG, "").replace(POST_TAG, "")
            whole = " ".join(text.split())
            prefix = "" if whole.startswith(plain) else "…"
            suffix = "" if whole.endswith(plain) else "…"
            return mark_safe(prefix + html + suffix)  # noqa: S308  (escaped in _from_fragment)
    return snippet(text, terms)


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(str(value)[:10]) if value else None


def _facet_values(name: str, buckets: list[dict]) -> dict:
    cast = str if name in ("kind", "validity") else int
    return {
        cast(bucket["key"]): bucket["doc_count"]
        for bucket in buckets
        if bucket["key"] not in (None, "") and bucket["doc_count"]
    }


class ElasticsearchSearch:
    name = "elasticsearch"

    def build(self, query: SearchQuery) -> Search:
        """The search request (without running it)."""
        terms = [term for term in query.terms if term]
        fine = bool(app_settings.SEARCH_FINE_ANALYZER)
        must = [_term_query(word, fine) for word in match_words(terms)] or [Q("match_all")]
        phrases = [
            Q("match_phrase", title={"query": term, "boost": 2})
            for term in terms
            if not _LONE_CHARACTER.search(term)
        ]
        search_query = Q(
            "bool", must=must, filter=[Q("term", locale_id=query.locale_id)], should=phrases
        )
        chosen = {name: _filter_clause(name, value) for name, value in query.filters.items()}

        by_date = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
        sort = ["_score", *by_date] if terms and query.sort == "relevance" else by_date

        start = max(query.offset, 0)
        size = max(min(query.limit, MAX_RESULT_WINDOW - start), 0)
        search = (
            Search(using=get_client(), index=index_name())
            .query(search_query)
            .sort(*sort)
            .source(SOURCE_FIELDS)
            .extra(track_total_hits=True, from_=start if size else 0, size=size)
        )
        if chosen:
            # The hits honour every choice; each facet's counts (below) all but its own.
            search = search.post_filter(Q("bool", filter=list(chosen.values())))
        for name in FACETS:
            others = [clause for other, clause in chosen.items() if other != name]
            search.aggs.bucket(
                name, "filter", filter=Q("bool", filter=others) if others else Q("match_all")
            ).bucket("values", "terms", field=FACET_FIELDS[name], size=FACET_SIZE)
        if terms and size:
            search = search.highlight_options(
                pre_tags=[PRE_TAG],
                post_tags=[POST_TAG],
                highlight_query=_highlight_query(terms).to_dict(),
            )
            search = search.highlight("title.chars", number_of_fragments=0)
            search = search.highlight(
                "text.chars", fragment_size=SNIPPET_LENGTH, number_of_fragments=1
            )
        return search

    def search(self, query: SearchQuery) -> SearchResult:
        with _unavailable_on_error("search"):
            response = self.build(query).execute().to_dict()
        if response.get("timed_out"):
            raise ElasticsearchUnavailable("the search timed out")
        total = response["hits"]["total"]["value"]
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            highlight = hit.get("highlight", {})
            title = source.get("title") or ""
            text = source.get("text") or ""
            hits.append(
                Hit(
                    page_id=int(source["page_id"]),
                    kind=source["kind"],
                    title=title,
                    url=source.get("url") or "",
                    date=_date(source.get("date")),
                    document_number=source.get("document_number") or "",
                    agency_id=source.get("agency_id"),
                    validity=source.get("validity") or "",
                    title_html=_title_html(title, highlight, query.terms),
                    snippet_html=_snippet_html(text, highlight, query.terms),
                )
            )
        facets = {}
        if total or query.filters:
            aggregations = response.get("aggregations", {})
            facets = {
                name: _facet_values(name, aggregations[name]["values"]["buckets"])
                for name in FACETS
            }
        return SearchResult(hits=hits, total=total, facets=facets, backend=self.name)
