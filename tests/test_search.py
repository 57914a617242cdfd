"""The public search on both backends: Chinese words, facets, 二次搜索, leaks, bad input."""

import re

import pytest
from django.utils import translation

from gov_disclosure.search import indexing
from gov_disclosure.search.models import SearchEntry
from gov_disclosure.search.segmentation import index_text, query_terms

from .search_support import Corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(root_page):
    return Corpus(root_page)


def titles(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", t)
        for t in re.findall(r'class="gds-hit__title"><a [^>]*>(.*?)</a>', html)
    ]


def facet_counts(response, name):
    return {
        choice.label: choice.count
        for facet_name, _label, choices in response.context["facets"]
        if facet_name == name
        for choice in choices
    }


def test_segmentation_splits_chinese_words_at_index_and_query_time():
    indexed = index_text("关于加强环境保护工作的通知").split()
    assert {"环境", "保护", "环境保护", "工作", "通知"} <= set(indexed)
    assert query_terms("环境保护 工作") == ["环境保护", "工作"]
    # Traditional characters and full-width letters become the indexed form.
    assert query_terms("環境保護") == ["环境保护"]
    assert query_terms("ＡＢＣ１２３") == ["abc123"]
    assert query_terms("!!! ，。") == []


def test_a_word_inside_a_chinese_title_is_found(client, corpus, search_backend):
    search_backend.sync()
    response = client.get("/search/", {"q": "环境保护"})
    assert response.status_code == 200
    assert titles(response) == ["示范县人民政府关于加强环境保护工作的通知"]
    response = client.get("/search/", {"q": "保护"})
    assert set(titles(response)) == {
        "示范县人民政府关于加强环境保护工作的通知",
        "示范县饮用水水源地保护管理办法",
    }


def test_the_document_number_and_the_body_are_searched(client, corpus, search_backend):
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "示教发〔2025〕1号"})) == [
        "示范县义务教育学校招生入学工作实施办法"
    ]


def test_traditional_characters_find_simplified_text(client, corpus, search_backend):
    search_backend.sync()
    response = client.get("/search/", {"q": "環境保護"})
    assert titles(response) == ["示范县人民政府关于加强环境保护工作的通知"]
    assert "环境保护" in response.content.decode()  # says what it searched for


def test_matches_are_highlighted_and_escaped(client, corpus, search_backend):
    corpus.env.title = "<script>alert(1)</script>环境保护通知"
    corpus.env.save_revision().publish()
    search_backend.sync()
    html = client.get("/search/", {"q": "环境保护"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>环境保护</mark>" in html


def test_facets_count_the_results_and_ignore_their_own_choice(client, corpus, search_backend):
    search_backend.sync()
    response = client.get("/search/", {"q": "示范县"})
    assert facet_counts(response, "agency") == {"示范县生态环境局": 2, "示范县教育局": 1}
    assert (
        facet_counts(response, "kind") == {"政策文件": 3}
        or sum(facet_counts(response, "kind").values()) == 3
    )
    # Choosing an agency narrows the results but the agency facet still offers the others.
    response = client.get("/search/", {"q": "示范县", "agency": corpus.edu_agency.pk})
    assert titles(response) == ["示范县义务教育学校招生入学工作实施办法"]
    assert facet_counts(response, "agency") == {"示范县生态环境局": 2, "示范县教育局": 1}
    assert facet_counts(response, "year") == {"2025": 1}


def test_a_theme_category_includes_its_subcategories(client, corpus, search_backend):
    search_backend.sync()
    response = client.get("/search/", {"q": "示范县"})
    assert facet_counts(response, "category")["城乡建设、环境保护"] == 2
    response = client.get("/search/", {"q": "示范县", "category": corpus.theme.pk})
    assert set(titles(response)) == {
        "示范县人民政府关于加强环境保护工作的通知",
        "示范县饮用水水源地保护管理办法",
    }
    # The chosen category is shown with its subcategories' counts.
    assert facet_counts(response, "category") == {"城乡建设、环境保护": 2, "环境监测": 1}


def test_sort_by_date_and_by_relevance(client, corpus, search_backend):
    search_backend.sync()
    by_date = titles(client.get("/search/", {"q": "示范县", "sort": "date"}))
    assert by_date == [
        "示范县义务教育学校招生入学工作实施办法",
        "示范县人民政府关于加强环境保护工作的通知",
        "示范县饮用水水源地保护管理办法",
    ]
    assert len(titles(client.get("/search/", {"q": "示范县"}))) == 3


def test_search_within_the_results(client, corpus, search_backend):
    search_backend.sync()
    first = client.get("/search/", {"q": "示范县"})
    state = first.context["state"]
    response = client.get("/search/", {"q": "保护", "within": "1", "state": state})
    assert response.status_code == 302
    url = response["Location"]
    assert "wq=" in url
    narrowed = client.get("/search/" + url)
    assert set(titles(narrowed)) == {
        "示范县人民政府关于加强环境保护工作的通知",
        "示范县饮用水水源地保护管理办法",
    }
    assert "示范县" in narrowed.content.decode()  # says what it searches within
    # The address can be shared: the same results without the form.
    again = client.get("/search/", {"q": "水源地", "wq": ["示范县", "保护"]})
    assert titles(again) == ["示范县饮用水水源地保护管理办法"]


def test_nothing_found_gives_advice(client, corpus, search_backend):
    search_backend.sync()
    with translation.override("zh-hans"):
        response = client.get("/search/", {"q": "航天发射"})
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == []
    assert "航天发射" in html and "gds-nothing" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "环境" * 500},
        {"q": "环境", "page": "100000"},
        {"q": "环境", "page": "-3"},
        {"q": "环境", "page": "abc"},
        {"q": "环境", "agency": "abc"},
        {"q": "环境", "agency": "999999999999999999999"},
        {"q": "环境", "year": "0"},
        {"q": "环境", "kind": "<script>"},
        {"q": "环境", "validity": "x" * 300},
        {"q": "环境", "category": "99999"},
        {"q": "环境", "sort": "drop table"},
        {"q": "' OR 1=1 --"},
        {"q": 'title:"环境" AND NOT * ( ) ^ ~ NEAR/2 {}[]'},
        {"q": "\x00\u200b\ufeff"},
        {"q": "环境", "wq": ["保护"] * 20},
        {"q": "环境", "within": "1", "state": "%%%zz=&&q=" + "x" * 5000},
    ],
)
def test_bad_input_gets_a_normal_page(client, corpus, search_backend, params):
    search_backend.sync()
    response = client.get("/search/", params, follow=True)
    assert response.status_code == 200


def test_page_past_the_end_shows_the_last_page(client, corpus, search_backend, settings):
    settings.GOV_DISCLOSURE_SEARCH_PAGE_SIZE = 2
    search_backend.sync()
    response = client.get("/search/", {"q": "示范县", "page": "100000"})
    assert response.context["page_obj"].number == 2
    assert len(titles(response)) == 1


def test_nothing_hidden_is_found_or_counted(client, corpus, search_backend):
    search_backend.sync()
    response = client.get("/search/", {"q": "环境保护"})
    found = titles(response)
    for case, page in corpus.hidden.items():
        assert page.title not in found, case
    assert "示范县保密局" not in facet_counts(response, "agency")
    # Browsing by agency (no words) does not reveal the hidden pages either.
    response = client.get("/search/", {"agency": corpus.secret_agency.pk})
    assert titles(response) == []
    assert sum(
        c for c in facet_counts(client.get("/search/", {"q": "环境"}), "kind").values()
    ) == len(titles(client.get("/search/", {"q": "环境"})))


def test_hiding_a_page_later_removes_it(client, corpus, search_backend):
    from .search_support import restrict

    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"}))
    corpus.water.unpublish()
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"})) == []
    corpus.water.save_revision().publish()
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"}))
    restrict(corpus.library, "login")
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"})) == []
    corpus.library.get_view_restrictions().delete()
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"}))


def test_moving_a_page_under_a_private_section_removes_it(client, corpus, search_backend):
    from .document_factories import DocumentLibraryPageFactory
    from .search_support import restrict

    private = DocumentLibraryPageFactory(parent=corpus.portal, title="内部库")
    restrict(private, "login")
    search_backend.sync()
    corpus.water.move(private, pos="last-child")
    search_backend.sync()
    assert titles(client.get("/search/", {"q": "水源地"})) == []


def test_the_index_follows_renames_and_moves(client, corpus, search_backend):
    from .document_factories import DocumentLibraryPageFactory

    other = DocumentLibraryPageFactory(parent=corpus.portal, title="另一文件库", slug="lingyi")
    corpus.school.move(other, pos="last-child")
    search_backend.sync()
    hit = client.get("/search/", {"q": "招生"}).context["hits"][0]
    assert hit.url.startswith(other.url)


def test_rebuild_writes_exactly_the_visible_pages(corpus):
    SearchEntry.objects.all().delete()
    assert indexing.rebuild() == 4
    assert set(SearchEntry.objects.values_list("display_title", flat=True)) == {
        corpus.env.title,
        corpus.water.title,
        corpus.school.title,
        corpus.article.title,
    }


def test_republishing_a_section_rewrites_only_what_changed(corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        indexing.sync_subtree(corpus.library, refresh_self=False)


def test_the_search_page_makes_a_fixed_number_of_queries(
    client, corpus, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "示范县", "category": corpus.theme.pk})
    assert response.status_code == 200


def test_the_empty_search_page(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response
    assert not response.context["searched"]


def test_the_index_command_rebuilds_and_reports(corpus):
    from io import StringIO

    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("gov_disclosure_search_index", "rebuild", stdout=out)
    assert "[" + "#" * 30 + "] 4/4" in out.getvalue()
    assert SearchEntry.objects.count() == 4
    out = StringIO()
    call_command("gov_disclosure_search_index", "status", stdout=out)
    assert "Entries in the database index: 4" in out.getvalue()
    assert "Publicly visible pages of the registered types: 4" in out.getvalue()
    out = StringIO()
    call_command("gov_disclosure_search_index", "sync", stdout=out)
    assert "nothing to send" in out.getvalue()
    call_command("gov_disclosure_daily", "--only", "search.index", stdout=out)
    assert "added=0, removed=0" in out.getvalue()


def test_a_validity_change_by_date_reaches_the_index(client, corpus, search_backend):
    from gov_disclosure.documents.models import Validity
    from gov_disclosure.documents.services import change_validity

    change_validity(corpus.env, Validity.REPEALED, reason="已被新文件替代")
    search_backend.sync()
    response = client.get("/search/", {"q": "环境保护"})
    assert response.context["hits"][0].validity == Validity.REPEALED
    assert facet_counts(response, "validity") == {str(Validity.REPEALED.label): 1}


def test_a_new_search_from_a_results_page_gets_a_clean_address(client, db):
    response = client.get("/search/", {"q": "养老", "state": "q=示范县&agency=3"})
    assert response.status_code == 302
    assert response["Location"] == "?q=%E5%85%BB%E8%80%81"


def test_snippets_start_at_a_break_before_the_match():
    from gov_disclosure.search.highlight import snippet

    text = (
        "示政发〔2024〕21号 2024年1月2日县政府第3次常务会议审议通过 "
        "第一条 为加强环境保护，制定本办法。"
    )
    html = str(snippet(text, ["环境保护"], length=40))
    assert html.startswith("…为加强<mark>环境保护</mark>")


def test_the_page_answers_from_the_database_when_the_search_server_is_down(
    client, corpus, settings
):
    from .search_server import free_port

    settings.GOV_DISCLOSURE_SEARCH_BACKEND = "elasticsearch"
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [f"http://127.0.0.1:{free_port()}"]
    settings.GOV_DISCLOSURE_SEARCH_TIMEOUT = 0.5
    with translation.override("zh-hans"):
        response = client.get("/search/", {"q": "环境保护"})
    assert response.status_code == 200
    assert response.context["degraded"]
    assert titles(response) == ["示范县人民政府关于加强环境保护工作的通知"]
    assert "搜索服务器暂时没有响应" in response.content.decode()


def test_the_daily_task_repairs_a_drifted_index(corpus):
    from wagtail.models import Page

    # Drift that no signal announces: an entry removed behind the index's back, and a page
    # hidden with a queryset update.
    SearchEntry.objects.filter(pk=corpus.school.pk).delete()
    Page.objects.filter(pk=corpus.water.pk).update(live=False)
    assert indexing.daily() == {"added": 1, "removed": 1}
    assert set(SearchEntry.objects.values_list("pk", flat=True)) == {
        corpus.env.pk,
        corpus.school.pk,
        corpus.article.pk,
    }
    assert indexing.reconcile() == (0, 0)


def test_a_batch_of_changes_is_indexed_once_at_the_end(corpus, django_assert_max_num_queries):
    from gov_disclosure.signals import batched_changes

    from .document_factories import DocumentPageFactory

    with batched_changes():
        pages = [
            DocumentPageFactory(parent=corpus.library, title=f"示范县第{n}批水利工程建设通知")
            for n in range(3)
        ]
        assert not SearchEntry.objects.filter(pk__in=[p.pk for p in pages]).exists()
    assert SearchEntry.objects.filter(pk__in=[p.pk for p in pages]).count() == 3


def test_each_language_searches_its_own_pages_or_the_main_language(client, corpus):
    from wagtail.models import Locale

    hant = Locale.objects.create(language_code="zh-hant")
    # Nothing translated yet: the Traditional Chinese site searches the main language.
    response = client.get("/zh-hant/search/", {"q": "环境保护"})
    assert titles(response) == ["示范县人民政府关于加强环境保护工作的通知"]
    translated = corpus.env.copy_for_translation(hant, copy_parents=True)
    translated.title = "示範縣人民政府關於加強環境保護工作的通知"
    translated.save_revision().publish()
    response = client.get("/zh-hant/search/", {"q": "環境保護"})
    assert titles(response) == ["示範縣人民政府關於加強環境保護工作的通知"]
    assert titles(client.get("/search/", {"q": "环境保护"})) == [
        "示范县人民政府关于加强环境保护工作的通知"
    ]
