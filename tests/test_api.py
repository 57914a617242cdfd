"""The read-only JSON API: lists, filters, cursors, details, errors, leaks, ETags, rate limits."""

import datetime

import pytest
from django.utils import timezone

from gov_disclosure.documents.models import Validity

from .document_factories import (
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    InterpretationPageFactory,
)
from .search_support import Corpus

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def corpus(root_page):
    from gov_disclosure.documents.services import change_validity

    corpus = Corpus(root_page)
    change_validity(
        corpus.water, Validity.REPEALED, changed_on=datetime.date(2025, 1, 1), reason="已废止"
    )
    return corpus


def get(client, path, **params):
    return client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="zh-hans")


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def every_item(client, path, **params):
    """Follow ``next`` to the end; every page's items."""
    items, response = [], get(client, path, **params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        items += body["results"]
        if not body["next"]:
            return items
        response = client.get(body["next"])


def test_documents_are_listed_newest_first_with_their_fields(client, corpus):
    response = get(client, "/documents/")
    assert titles(response) == [corpus.school.title, corpus.env.title, corpus.water.title]
    env = response.json()["results"][1]
    assert env["document_number"] == "示政发〔2024〕3号"
    assert env["publication_date"] == "2024-03-05"
    assert env["agency"] == {
        "id": corpus.env_agency.pk,
        "name": "示范县生态环境局",
        "credit_code": corpus.env_agency.credit_code,
    }
    assert env["theme_category"]["name"] == "环境监测"
    assert env["theme_category"]["parent_id"] == corpus.theme.pk
    assert env["url"] == "http://localhost" + corpus.env.url
    assert env["validity"]["code"] == corpus.env.validity
    water = response.json()["results"][2]
    assert water["validity"] == {"code": "repealed", "label": "废止"}
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "示范县" in response.content.decode()  # Chinese is not escaped


def test_filters_are_those_of_the_library(client, corpus):
    assert titles(get(client, "/documents/", agency=corpus.edu_agency.pk)) == [corpus.school.title]
    # A theme category includes its subcategories.
    assert titles(get(client, "/documents/", category=corpus.theme.pk)) == [
        corpus.env.title,
        corpus.water.title,
    ]
    assert titles(get(client, "/documents/", year=2023)) == [corpus.water.title]
    assert titles(get(client, "/documents/", validity="repealed")) == [corpus.water.title]
    assert titles(get(client, "/documents/", q="水源地 管理")) == [corpus.water.title]
    assert titles(get(client, "/documents/", q="示教发")) == [corpus.school.title]
    assert titles(get(client, "/documents/", document_number="示政发〔2024〕3号")) == [
        corpus.env.title
    ]
    assert titles(get(client, "/documents/", q="环境", year=2023)) == []
    # Only what one library lists.
    other = DocumentLibraryPageFactory(parent=corpus.portal, title="另一个文件库")
    elsewhere = DocumentPageFactory(parent=other, title="另一库的文件")
    assert titles(get(client, "/documents/", section=other.pk)) == [elsewhere.title]
    assert elsewhere.title not in titles(get(client, "/documents/", section=corpus.library.pk))


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"year": "abc"}, "year", "整数"),
        ({"year": "1800"}, "year", "1949"),
        ({"validity": "sometimes"}, "validity", "以下之一：not_yet_effective, valid, expired"),
        ({"agency": "999999"}, "agency", "没有这个发布机构"),
        ({"category": "999999"}, "category", "没有这个主题分类"),
        ({"section": "999999"}, "section", "没有这个页面"),
        ({"page_size": "0"}, "page_size", "1"),
        ({"page_size": "500"}, "page_size", "100"),
        ({"cursor": "forged"}, "cursor", "第一页"),
        ({"q": "长" * 101}, "q", "100"),
        ({"published_since": "yesterday"}, "published_since", "2026-01-01T00:00:00+08:00"),
        ({"agnecy": "1"}, "agnecy", "agency"),
    ],
)
def test_bad_parameters_get_a_400_that_says_which_and_why(
    client, corpus, params, parameter, message
):
    response = get(client, "/documents/", **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameters"
    assert error["message"]
    named = {item["name"]: item["message"] for item in error["parameters"]}
    assert parameter in named
    assert message in named[parameter], named


def test_english_messages_for_english_clients(client, corpus):
    response = client.get(f"{API}/documents/", {"year": "abc"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["error"]["parameters"] == [
        {"name": "year", "message": "Must be a whole number."}
    ]


def test_a_cursor_walks_the_whole_list_once(client, corpus, settings):
    library = corpus.library
    for day in range(1, 8):
        DocumentPageFactory(
            parent=library, title=f"同日文件{day}", publication_date=datetime.date(2024, 3, 5)
        )
    DocumentPageFactory(parent=library, title="未注明日期的文件", publication_date=None)
    DocumentPageFactory(parent=library, title="未注明日期的文件二", publication_date=None)
    expected = titles(get(client, "/documents/", page_size=100))
    assert len(expected) == 12
    assert expected[-2:] == ["未注明日期的文件二", "未注明日期的文件"]  # undated last
    walked = every_item(client, "/documents/", page_size=2)
    assert [item["title"] for item in walked] == expected
    # A cursor keeps the filters it was made with.
    walked = every_item(client, "/documents/", page_size=2, year=2024)
    assert all(item["publication_date"].startswith("2024") for item in walked)
    # A cursor of one kind is refused by another.
    next_url = get(client, "/documents/", page_size=1).json()["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = client.get(f"{API}/interpretations/", {"cursor": cursor})
    assert response.status_code == 400


def test_the_list_makes_a_fixed_number_of_queries(client, corpus, django_assert_num_queries):
    get(client, "/documents/")  # the site's root paths are cached from here on
    with django_assert_num_queries(2):  # hidden sections, the page of rows
        get(client, "/documents/", page_size=3)
    for _n in range(20):
        DocumentPageFactory(parent=corpus.library)
    with django_assert_num_queries(2):
        titles(get(client, "/documents/", page_size=20))
    with django_assert_num_queries(4):  # and the agency and the category named
        get(client, "/documents/", agency=corpus.env_agency.pk, category=corpus.theme.pk)


def test_a_document_in_detail(client, corpus, django_assert_max_num_queries):
    from .document_factories import add_attachment

    add_attachment(corpus.env, "附件1：监测点位表", pdf=True, word=True)
    new = DocumentPageFactory(parent=corpus.library, title="修订后的办法", supersedes=corpus.water)
    interpretation = InterpretationPageFactory(
        parent=corpus.library, document=corpus.env, title="一图读懂环境保护通知"
    )
    InterpretationPageFactory(
        parent=corpus.library, document=corpus.env, title="未发布的解读", publish=False
    )
    with django_assert_max_num_queries(12):
        response = get(client, f"/documents/{corpus.env.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == corpus.env.title
    assert [a["title"] for a in body["attachments"]] == ["附件1：监测点位表"]
    assert body["attachments"][0]["pdf_url"].startswith("http://")
    assert body["attachments"][0]["word_url"].startswith("http://")
    assert [i["title"] for i in body["interpretations"]] == [interpretation.title]
    assert body["validity_history"][0]["to_validity"]["code"] == corpus.env.validity
    assert "body_html" in body
    assert response["Last-Modified"]
    # A document that revises another names it.
    body = get(client, f"/documents/{new.pk}/").json()
    assert body["supersedes"]["title"] == corpus.water.title
    # The interpretation points back at its document.
    body = get(client, f"/interpretations/{interpretation.pk}/").json()
    assert body["document"]["id"] == corpus.env.pk


def test_an_id_too_large_for_the_database_is_a_400(client, corpus):
    response = get(client, f"/documents/{10**30}/")
    assert response.status_code == 400
    assert response.json()["error"]["parameters"][0]["name"] == "item_id"
    assert get(client, "/documents/", agency=10**30).status_code == 400


def test_nothing_hidden_is_listed_or_served(client, corpus):
    listed = {item["title"] for item in every_item(client, "/documents/")}
    assert listed == {corpus.env.title, corpus.water.title, corpus.school.title}
    for case, page in corpus.hidden.items():
        response = get(client, f"/documents/{page.pk}/")
        assert response.status_code == 404, case
        assert response.json()["error"]["code"] == "not_found"
    # Filtering by the agency of the hidden pages finds nothing.
    assert titles(get(client, "/documents/", agency=corpus.secret_agency.pk)) == []


def test_a_reference_to_a_hidden_page_is_not_named(client, corpus):
    secret = corpus.hidden["not proactive"]
    revising = DocumentPageFactory(parent=corpus.library, title="修订件", supersedes=secret)
    interpretation = InterpretationPageFactory(
        parent=corpus.library, document=corpus.hidden["draft"], title="草稿文件的解读"
    )
    assert get(client, f"/documents/{revising.pk}/").json()["supersedes"] is None
    listed = get(client, "/interpretations/").json()["results"]
    assert [(i["title"], i["document"]) for i in listed] == [(interpretation.title, None)]


def test_a_page_unpublished_later_disappears(client, corpus):
    assert corpus.water.title in titles(get(client, "/documents/"))
    corpus.water.unpublish()
    assert corpus.water.title not in titles(get(client, "/documents/"))
    assert get(client, f"/documents/{corpus.water.pk}/").status_code == 404


def test_etag_lets_a_client_poll_cheaply(client, corpus):
    first = get(client, "/documents/")
    etag = first["ETag"]
    assert etag and first["Cache-Control"].startswith("public, max-age=")
    again = client.get(f"{API}/documents/", HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert again.status_code == 304
    assert again.content == b""
    corpus.water.title = "示范县饮用水水源地保护管理办法（修订）"
    corpus.water.save_revision().publish()
    changed = client.get(
        f"{API}/documents/", HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    # A detail also answers If-Modified-Since.
    detail = get(client, f"/documents/{corpus.env.pk}/")
    response = client.get(
        f"{API}/documents/{corpus.env.pk}/", HTTP_IF_MODIFIED_SINCE=detail["Last-Modified"]
    )
    assert response.status_code == 304


def test_published_since_gives_what_changed(client, corpus):
    moment = timezone.now()
    corpus.school.save_revision().publish()
    assert titles(get(client, "/documents/", published_since=moment.isoformat())) == [
        corpus.school.title
    ]


def test_rate_limit_answers_429_with_retry_after(client, corpus, settings):
    settings.GOV_DISCLOSURE_API_RATE_LIMIT = 3
    statuses = [
        client.get(f"{API}/documents/", REMOTE_ADDR="203.0.113.9").status_code for _n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    response = client.get(f"{API}/documents/", REMOTE_ADDR="203.0.113.9")
    assert response["Retry-After"] == "60"
    assert response.json()["error"]["code"] == "too_many_requests"
    # Another address is not affected.
    assert client.get(f"{API}/documents/", REMOTE_ADDR="203.0.113.10").status_code == 200


def test_agencies_and_categories_give_the_ids_the_filters_take(client, corpus):
    agencies = get(client, "/agencies/").json()
    assert {"示范县生态环境局", "示范县教育局"} <= {a["name"] for a in agencies}
    categories = get(client, "/categories/").json()
    names = [c["name"] for c in categories]
    assert names.index("城乡建设、环境保护") < names.index("环境监测")


def test_the_openapi_description_names_every_endpoint_and_field(client, db):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    for path in ("/documents/", "/documents/{item_id}/", "/interpretations/", "/agencies/"):
        assert f"/api/v1{path}" in paths
    listing = paths["/api/v1/documents/"]["get"]
    parameters = {p["name"] for p in listing["parameters"]}
    assert {"q", "agency", "category", "year", "validity", "cursor", "page_size"} <= parameters
    assert "400" in listing["responses"]
    fields = schema["components"]["schemas"]["DocumentItem"]["properties"]
    assert {"document_number", "index_number", "validity", "agency", "url"} <= set(fields)
    docs = client.get(f"{API}/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()  # served from the site (ninja in INSTALLED_APPS)


def test_a_validity_change_shows_at_once(client, corpus):
    from gov_disclosure.documents.services import change_validity

    change_validity(
        corpus.env, Validity.REPEALED, changed_on=datetime.date(2025, 1, 1), reason="已废止"
    )
    body = get(client, f"/documents/{corpus.env.pk}/").json()
    assert body["validity"]["code"] == "repealed"
    assert body["validity_history"][0]["reason"] == "已废止"
