"""The Elasticsearch backend against a real server (osmem-server): index, changes, search.

Entries are made directly (``SearchEntry`` rows on plain Wagtail pages), the way ``indexing``
writes them; the page-level behaviour on both backends is in ``test_search.py``.
"""

import datetime
import re
import time

import pytest
from wagtail.models import Locale, Page

from gov_disclosure.search import indexing, service
from gov_disclosure.search.backends import elasticsearch
from gov_disclosure.search.backends.base import FACETS, SearchQuery
from gov_disclosure.search.backends.database import DatabaseSearch
from gov_disclosure.search.backends.elasticsearch import (
    ElasticsearchSearch,
    ElasticsearchUnavailable,
    apply_changes,
    rebuild,
)
from gov_disclosure.search.models import IndexChange, SearchEntry
from gov_disclosure.search.segmentation import index_text, query_terms

from .factories import AgencyFactory, ThemeCategoryFactory
from .search_server import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.search_server]


class Entries:
    """Search entries on plain pages, in Wagtail's database index too (for the fallback)."""

    def __init__(self, root):
        self.root = root
        self.locale = Locale.get_default()

    def add(self, title, *, text="", index=True, **fields):
        page = self.root.add_child(instance=Page(title=title[:255]))
        fields.setdefault("kind", "document")
        fields.setdefault("locale", self.locale)
        document_number = fields.get("document_number", "")
        entry = SearchEntry.objects.create(
            page=page,
            display_title=title,
            url=f"/p/{page.pk}/",
            text=text,
            title=index_text(title),
            words=index_text(f"{document_number}\n{text}"),
            **fields,
        )
        if fields.get("date") and "year" not in fields:
            entry.year = fields["date"].year
            entry.save(update_fields=["year"])
        if index:
            indexing.database_backend().add(entry)
        return entry


@pytest.fixture
def entries(root_page):
    return Entries(root_page)


def search(text="", **kwargs):
    kwargs.setdefault("locale_id", Locale.get_default().pk)
    return ElasticsearchSearch().search(SearchQuery(terms=tuple(query_terms(text)), **kwargs))


def database_search(text="", **kwargs):
    kwargs.setdefault("locale_id", Locale.get_default().pk)
    return DatabaseSearch().search(SearchQuery(terms=tuple(query_terms(text)), **kwargs))


def titles(result):
    return [hit.title for hit in result.hits]


def concrete_indexes():
    alias = elasticsearch.index_name()
    found = elasticsearch.get_client().indices.get_alias(index=f"{alias}_*")
    return {name: set(info["aliases"]) for name, info in found.items()}


# The index


def test_rebuild_makes_the_alias_over_a_new_index_with_every_entry(elasticsearch_settings, entries):
    for n in range(3):
        entries.add(f"通知{n}")
    chunks = []

    assert rebuild(progress=chunks.append) == 3

    assert sum(chunks) == 3
    prefix = elasticsearch_settings.GOV_DISCLOSURE_SEARCH_INDEX_PREFIX
    assert elasticsearch.index_name() == f"{prefix}_entries"
    indexes = concrete_indexes()
    assert len(indexes) == 1
    (name, aliases), *_ = indexes.items()
    assert re.fullmatch(rf"{prefix}_entries_\d{{20}}", name)
    assert aliases == {f"{prefix}_entries"}
    status = elasticsearch.status()
    assert status["error"] is None
    assert status["documents"] == 3
    assert status["concrete_indexes"] == [name]
    assert status["server"]
    mapping = elasticsearch.get_client().indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["properties"]["title"]["analyzer"] == "cjk"
    assert mapping["properties"]["url"]["index"] is False
    assert "fine" not in mapping["properties"]["title"].get("fields", {})


def test_a_second_rebuild_moves_the_alias_and_deletes_the_old_index(
    elasticsearch_settings, entries
):
    entries.add("关于加强环境保护工作的通知")
    rebuild()
    (old,) = concrete_indexes()
    entries.add("环境保护督察整改方案")

    assert rebuild() == 2

    (new,) = concrete_indexes()
    assert new != old
    assert not elasticsearch.get_client().indices.exists(index=old)
    assert search("环境保护").total == 2


def test_a_failed_rebuild_leaves_the_old_index_serving(elasticsearch_settings, entries):
    entries.add("关于加强环境保护工作的通知")
    rebuild()
    before = concrete_indexes()
    entries.add("环境保护督察整改方案")

    def fail(count):
        raise RuntimeError("the rebuild was interrupted")

    with pytest.raises(RuntimeError):
        rebuild(progress=fail)

    assert concrete_indexes() == before
    assert titles(search("环境保护")) == ["关于加强环境保护工作的通知"]


def test_rebuild_replaces_an_index_made_under_the_alias_name(elasticsearch_settings, entries):
    # Something wrote to <prefix>_entries before any rebuild: Elasticsearch made an index.
    client = elasticsearch.get_client()
    client.index(index=elasticsearch.index_name(), id="1", document={"title": "stray"})
    entries.add("关于加强环境保护工作的通知")

    assert rebuild() == 1

    assert client.indices.exists_alias(name=elasticsearch.index_name())
    assert titles(search("环境保护")) == ["关于加强环境保护工作的通知"]
    assert elasticsearch.status()["documents"] == 1


def test_rebuild_with_the_server_down_raises_unavailable(settings, entries):
    settings.GOV_DISCLOSURE_SEARCH_BACKEND = "elasticsearch"
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [f"http://127.0.0.1:{free_port()}"]
    entries.add("通知")
    with pytest.raises(ElasticsearchUnavailable):
        rebuild()
    assert elasticsearch.status()["error"]


def test_the_fine_analyzer_adds_a_sub_field_that_is_searched_too(elasticsearch_settings, entries):
    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_FINE_ANALYZER = "smartcn"
    entries.add("关于加强环境保护工作的通知")
    rebuild()
    (name,) = concrete_indexes()
    mapping = elasticsearch.get_client().indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["properties"]["title"]["fields"]["fine"] == {
        "type": "text",
        "analyzer": "smartcn",
    }
    assert mapping["properties"]["text"]["fields"]["fine"]["analyzer"] == "smartcn"
    assert elasticsearch.status()["error"] is None
    query = ElasticsearchSearch().build(
        SearchQuery(terms=("环境保护",), locale_id=Locale.get_default().pk)
    )
    assert "title.fine^3" in str(query.to_dict()["query"])
    assert titles(search("环境保护")) == ["关于加强环境保护工作的通知"]

    # Changing the setting needs a rebuild, which status says.
    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_FINE_ANALYZER = "ik_max_word"
    assert "rebuild" in elasticsearch.status()["error"]


# Changes


def test_apply_changes_indexes_new_and_changed_entries_and_deletes_gone_ones(
    elasticsearch_settings, entries
):
    kept = entries.add("关于加强环境保护工作的通知")
    removed = entries.add("环境保护已撤回文件")
    rebuild()
    added = entries.add("环境保护督察整改方案")
    kept.display_title = "关于进一步加强环境保护工作的通知"
    kept.save()
    removed_id = removed.pk
    removed.delete()
    never_indexed = added.pk + 1000

    apply_changes([kept.pk, removed_id, added.pk, never_indexed])
    elasticsearch.refresh()

    assert sorted(titles(search("环境保护"))) == [
        "关于进一步加强环境保护工作的通知",
        "环境保护督察整改方案",
    ]
    assert elasticsearch.status()["documents"] == 2


def test_apply_changes_without_an_index_raises_unavailable(elasticsearch_settings, entries):
    entry = entries.add("通知")
    with pytest.raises(ElasticsearchUnavailable, match="rebuild"):
        apply_changes([entry.pk])
    # Nothing was written under the alias's name, which a rebuild needs free.
    client = elasticsearch.get_client()
    assert not client.indices.exists(index=elasticsearch.index_name())


def test_changes_made_during_a_rebuild_reach_the_new_index(elasticsearch_settings, entries):
    changed = entries.add("关于加强环境保护工作的通知")
    deleted = entries.add("环境保护已撤回文件")
    entries.add("环境保护督察整改方案")
    rebuild()

    def meanwhile(count):
        # The rows were read and written to the new index; then editors change two of them.
        changed.display_title = "关于进一步加强环境保护工作的通知"
        changed.save()
        deleted_id = deleted.pk
        deleted.delete()
        apply_changes([changed.pk, deleted_id])

    rebuild(progress=meanwhile)

    assert sorted(titles(search("环境保护"))) == [
        "关于进一步加强环境保护工作的通知",
        "环境保护督察整改方案",
    ]


def test_push_pending_keeps_the_changes_while_the_server_is_down(
    elasticsearch_settings, osmem_url, entries
):
    rebuild()
    entry = entries.add("关于加强环境保护工作的通知")
    IndexChange.objects.create(page_id=entry.pk)
    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [
        f"http://127.0.0.1:{free_port()}"
    ]

    assert indexing.push_pending() == {"kept": 1}
    assert list(IndexChange.objects.values_list("page_id", flat=True)) == [entry.pk]

    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [osmem_url]
    assert indexing.push_pending() == {"sent": 1}
    assert not IndexChange.objects.exists()
    elasticsearch.refresh()
    assert titles(search("环境保护")) == ["关于加强环境保护工作的通知"]


# Searching


def test_a_chinese_word_inside_a_title_or_text_is_found(elasticsearch_settings, entries):
    entries.add("关于加强环境保护工作的通知")
    entries.add("生态文明建设规划", text="各乡镇要切实做好环境保护和污染防治。")
    entries.add("保护生态环境倡议书")  # 保护 and 环境, but not 环境保护
    entries.add("关于教育经费的通知")
    rebuild()

    # A long word is matched by the words that make it up (as on the database backend), and
    # the title holding the whole word comes first.
    found = titles(search("环境保护"))
    assert found[0] == "关于加强环境保护工作的通知"
    assert sorted(found) == sorted(
        ["保护生态环境倡议书", "生态文明建设规划", "关于加强环境保护工作的通知"]
    )
    # Every term must be found.
    assert titles(search("环境保护 工作")) == ["关于加强环境保护工作的通知"]
    assert titles(search("环境保护 教育")) == []
    assert search("城市轨道交通").total == 0


def test_one_character_words_traditional_characters_and_document_numbers_are_found(
    elasticsearch_settings, entries
):
    entries.add("个人所得税专项附加扣除办法")
    entries.add("關於加強環境保護工作的通知")
    entries.add("ＧＤＰ核算制度", text="国内生产总值")
    entries.add("关于印发规划的通知", document_number="国办发〔2023〕12号")
    rebuild()

    assert titles(search("税")) == ["个人所得税专项附加扣除办法"]
    assert titles(search("環境保護")) == ["關於加強環境保護工作的通知"]
    assert titles(search("gdp")) == ["ＧＤＰ核算制度"]
    assert titles(search("国办发〔2023〕12号")) == ["关于印发规划的通知"]
    assert titles(search("国办发〔2023〕13号")) == []


def test_the_locale_is_always_a_filter(elasticsearch_settings, entries):
    english = Locale.objects.create(language_code="en")
    entries.add("环境保护通知")
    entries.add("环境保护通知（英文版）", locale=english)
    rebuild()
    assert titles(search("环境保护")) == ["环境保护通知"]
    assert titles(search("环境保护", locale_id=english.pk)) == ["环境保护通知（英文版）"]
    assert search().total == 1


@pytest.fixture
def catalogue(entries):
    env = AgencyFactory(name="示范县生态环境局")
    edu = AgencyFactory(name="示范县教育局")
    theme = ThemeCategoryFactory(name="城乡建设、环境保护")
    sub_theme = ThemeCategoryFactory(name="环境监测", parent=theme)
    other_theme = ThemeCategoryFactory(name="教育")
    made = {
        "notice": entries.add(
            "关于加强环境保护工作的通知",
            agency=env,
            theme_category=sub_theme,
            date=datetime.date(2024, 3, 5),
            validity="valid",
        ),
        "water": entries.add(
            "饮用水水源地环境保护管理办法",
            agency=env,
            theme_category=theme,
            date=datetime.date(2023, 6, 1),
            validity="repealed",
        ),
        "school": entries.add(
            "学校周边环境保护实施办法",
            agency=edu,
            theme_category=other_theme,
            date=datetime.date(2025, 4, 2),
            validity="valid",
        ),
        "project": entries.add(
            "污水处理厂环境保护工程",
            kind="project",
            agency=env,
            date=datetime.date(2025, 1, 10),
        ),
        "undated": entries.add("环境保护宣传材料", kind="article", agency=edu),
        "other": entries.add("义务教育招生办法", agency=edu, date=datetime.date(2022, 1, 1)),
    }
    rebuild()
    return {"env": env, "edu": edu, "theme": theme, "sub_theme": sub_theme, **made}


def test_filters_narrow_the_hits_and_facets_ignore_their_own_choice(
    elasticsearch_settings, catalogue
):
    env, edu = catalogue["env"], catalogue["edu"]
    result = search("环境保护", filters={"kind": "document"})

    assert set(titles(result)) == {
        "学校周边环境保护实施办法",
        "关于加强环境保护工作的通知",
        "饮用水水源地环境保护管理办法",
    }
    # The kind facet counts every kind (its own choice ignored); the others, documents only.
    assert result.facets["kind"] == {"document": 3, "project": 1, "article": 1}
    assert result.facets["agency"] == {env.pk: 2, edu.pk: 1}
    assert result.facets["year"] == {2023: 1, 2024: 1, 2025: 1}
    assert result.facets["validity"] == {"valid": 2, "repealed": 1}

    both = search("环境保护", filters={"kind": "document", "agency": env.pk})
    assert both.total == 2
    assert both.facets["agency"] == {env.pk: 2, edu.pk: 1}
    assert both.facets["kind"] == {"document": 2, "project": 1}

    # A theme category filter is the category and those below it.
    themed = search(
        "环境保护", filters={"theme_category": [catalogue["theme"].pk, catalogue["sub_theme"].pk]}
    )
    assert set(titles(themed)) == {"关于加强环境保护工作的通知", "饮用水水源地环境保护管理办法"}

    # Values have the database backend's Python types.
    for name, counts in result.facets.items():
        for value in counts:
            assert isinstance(value, str if name in ("kind", "validity") else int), (name, value)


@pytest.mark.parametrize(
    "text, filters, sort",
    [
        ("环境保护", {}, "date"),
        ("环境保护", {"kind": "document"}, "date"),
        ("环境保护", {"validity": "valid", "year": 2025}, "date"),
        ("", {}, "relevance"),
        ("", {"agency": "edu"}, "relevance"),
        ("教育", {}, "date"),
        ("不存在的词", {}, "date"),
        ("不存在的词", {"kind": "project"}, "date"),
    ],
)
def test_the_same_answers_as_the_database_backend(
    elasticsearch_settings, catalogue, text, filters, sort
):
    filters = {
        name: catalogue[value].pk if name == "agency" else value for name, value in filters.items()
    }
    expected = database_search(text, filters=filters, sort=sort)
    result = search(text, filters=filters, sort=sort)

    assert result.backend == "elasticsearch"
    assert result.total == expected.total
    assert [hit.page_id for hit in result.hits] == [hit.page_id for hit in expected.hits]
    assert result.facets == expected.facets
    assert set(result.facets) == (set(FACETS) if result.total or filters else set())
    for hit, other in zip(result.hits, expected.hits, strict=True):
        assert (hit.kind, hit.url, hit.date, hit.agency_id, hit.validity) == (
            other.kind,
            other.url,
            other.date,
            other.agency_id,
            other.validity,
        )


def test_sort_by_date_is_newest_first_and_undated_last(elasticsearch_settings, catalogue):
    result = search("环境保护", sort="date")
    assert titles(result) == [
        "学校周边环境保护实施办法",
        "污水处理厂环境保护工程",
        "关于加强环境保护工作的通知",
        "饮用水水源地环境保护管理办法",
        "环境保护宣传材料",
    ]
    assert result.hits[0].date == datetime.date(2025, 4, 2)
    assert result.hits[-1].date is None
    # No terms: everything, by date.
    assert titles(search())[:2] == ["学校周边环境保护实施办法", "污水处理厂环境保护工程"]
    assert search().total == 6


def test_relevance_puts_the_title_before_the_text(elasticsearch_settings, entries):
    entries.add(
        "生态文明建设规划",
        text="加强环境保护。" + "其他内容。" * 50,
        date=datetime.date(2025, 1, 1),
    )
    entries.add("关于加强环境保护工作的通知", date=datetime.date(2020, 1, 1))
    rebuild()
    assert titles(search("环境保护", sort="relevance")) == [
        "关于加强环境保护工作的通知",
        "生态文明建设规划",
    ]
    assert titles(search("环境保护", sort="date")) == [
        "生态文明建设规划",
        "关于加强环境保护工作的通知",
    ]


def test_pages_and_the_ten_thousand_cap(elasticsearch_settings, catalogue):
    first = search("环境保护", sort="date", limit=2)
    second = search("环境保护", sort="date", offset=2, limit=2)
    assert first.total == second.total == 5
    assert titles(first) + titles(second) == titles(search("环境保护", sort="date"))[:4]

    # Elasticsearch refuses from + size beyond 10,000: the page is cut there, or empty.
    near = search("环境保护", offset=9_995, limit=10)
    assert (near.hits, near.total) == ([], 5)
    beyond = search("环境保护", offset=10_000, limit=10)
    assert (beyond.hits, beyond.total) == ([], 5)
    assert beyond.facets["kind"] == {"document": 3, "project": 1, "article": 1}
    far = search("环境保护", offset=50_000, limit=10)
    assert (far.hits, far.total) == ([], 5)
    request = (
        ElasticsearchSearch()
        .build(SearchQuery(terms=("环境保护",), locale_id=1, offset=9_995, limit=10))
        .to_dict()
    )
    assert (request["from"], request["size"]) == (9_995, 5)


def test_highlights_are_escaped_and_marked(elasticsearch_settings, entries):
    entries.add(
        "<script>alert(1)</script>关于加强环境保护工作的通知",
        text="前言。" * 80 + "为了加强环境保护<b>工作</b>，现就有关事项通知如下。" + "后文。" * 80,
    )
    rebuild()

    (hit,) = search("环境保护").hits

    assert "<script>" not in hit.title_html
    assert hit.title_html == (
        "&lt;script&gt;alert(1)&lt;/script&gt;关于加强<mark>环境保护</mark>工作的通知"
    )
    assert "<b>" not in hit.snippet_html
    assert "<mark>环境保护</mark>&lt;b&gt;工作" in hit.snippet_html
    assert hit.snippet_html.startswith("…") and hit.snippet_html.endswith("…")
    assert hit.title == "<script>alert(1)</script>关于加强环境保护工作的通知"


def test_the_server_highlights_every_term_it_found(elasticsearch_settings, entries):
    entries.add("关于加强环境保护通知的补充说明")
    rebuild()
    (hit,) = search("环境保护 通知").hits
    # The server marks character by character, and adjacent marks become one; the local
    # fallback would have marked the two words apart.
    assert hit.title_html == "关于加强<mark>环境保护通知</mark>的补充说明"


def test_without_a_highlight_from_the_server_the_terms_are_marked_locally(
    elasticsearch_settings, entries
):
    entries.add("關於加強環境保護工作的通知", text="全文<i>環境保護</i>")
    entries.add("标记说明\ue000", text="\ue001环境保护")
    entries.add("无关标题", text="")
    rebuild()

    (traditional,) = search("环境保护 工作").hits
    assert traditional.title_html == "關於加強<mark>環境保護</mark><mark>工作</mark>的通知"
    assert traditional.snippet_html == "全文&lt;i&gt;<mark>環境保護</mark>&lt;/i&gt;"
    # Text holding the highlight tags themselves is marked locally, tags kept as text.
    (tagged,) = search("环境保护 标记").hits
    assert tagged.title_html == "<mark>标记</mark>说明\ue000"
    assert tagged.snippet_html == "\ue001<mark>环境保护</mark>"
    (plain,) = search("无关标题").hits
    assert plain.snippet_html == ""
    # No terms: the beginning of the text, nothing marked.
    assert "<mark>" not in "".join(hit.snippet_html for hit in search().hits)


# When the server fails, the database answers


def test_an_index_prefix_of_its_own_per_site(elasticsearch_settings, entries):
    entries.add("关于加强环境保护工作的通知")
    rebuild()
    assert search("环境保护").total == 1

    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_INDEX_PREFIX = "Another_Site"
    assert elasticsearch.index_name() == "another_site_entries"
    with pytest.raises(ElasticsearchUnavailable):
        search("环境保护")
    result, degraded = service.search(
        SearchQuery(terms=("环境保护",), locale_id=Locale.get_default().pk)
    )
    assert degraded and result.backend == "database" and result.total == 1


def test_a_server_that_is_down_makes_the_database_answer(settings, entries):
    settings.GOV_DISCLOSURE_SEARCH_BACKEND = "elasticsearch"
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [f"http://127.0.0.1:{free_port()}"]
    settings.GOV_DISCLOSURE_SEARCH_TIMEOUT = 1.0
    entries.add("关于加强环境保护工作的通知")
    query = SearchQuery(terms=("环境保护",), locale_id=Locale.get_default().pk)

    started = time.monotonic()
    with pytest.raises(ElasticsearchUnavailable):
        ElasticsearchSearch().search(query)
    result, degraded = service.search(query)
    elapsed = time.monotonic() - started

    assert elapsed < 4.0  # not a benchmark: far from the minutes a hung server would take
    assert degraded
    assert result.backend == "database"
    assert titles(result) == ["关于加强环境保护工作的通知"]


def test_a_server_that_does_not_answer_makes_the_database_answer_in_time(
    settings, entries, silent_server
):
    settings.GOV_DISCLOSURE_SEARCH_BACKEND = "elasticsearch"
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [silent_server.url]
    settings.GOV_DISCLOSURE_SEARCH_TIMEOUT = 0.5
    entries.add("关于加强环境保护工作的通知")
    query = SearchQuery(terms=("环境保护",), locale_id=Locale.get_default().pk)

    started = time.monotonic()
    result, degraded = service.search(query)
    elapsed = time.monotonic() - started

    assert silent_server.connections, "the search never reached the server"
    assert 0.5 <= elapsed < 4.0  # waited for the timeout, and not for much longer
    assert degraded
    assert titles(result) == ["关于加强环境保护工作的通知"]


def test_one_client_per_settings(elasticsearch_settings, osmem_url):
    client = elasticsearch.get_client()
    assert elasticsearch.get_client() is client
    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_TIMEOUT = 1.5
    assert elasticsearch.get_client() is not client
    elasticsearch_settings.GOV_DISCLOSURE_SEARCH_TIMEOUT = 2.0
    assert elasticsearch.get_client() is client
