"""RSS/Atom feeds (new items per agency and category, validity changes) and the sitemap."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from gov_disclosure.documents.models import Validity
from gov_disclosure.documents.services import change_validity

from .document_factories import DocumentPageFactory
from .search_support import Corpus

pytestmark = pytest.mark.django_db

API = "/api/v1"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus(root_page):
    return Corpus(root_page)


def rss_titles(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_the_documents_feed_gives_the_newest_first(client, corpus):
    response = client.get(f"{API}/documents/feed.rss")
    assert rss_titles(response) == [corpus.school.title, corpus.env.title, corpus.water.title]
    channel = ET.fromstring(response.content).find("channel")
    assert "政策文件" in channel.findtext("title")
    item = ET.fromstring(response.content).find("channel/item")
    assert item.findtext("link").endswith(corpus.school.url)
    assert "示教发〔2025〕1号" in item.findtext("description")
    assert {c.text for c in item.iter("category")} >= {"示范县教育局"}


def test_a_feed_per_agency_and_per_category(client, corpus):
    by_agency = client.get(f"{API}/documents/feed.rss", {"agency": corpus.edu_agency.pk})
    assert rss_titles(by_agency) == [corpus.school.title]
    by_category = client.get(f"{API}/documents/feed.rss", {"category": corpus.theme.pk})
    assert rss_titles(by_category) == [corpus.env.title, corpus.water.title]
    assert client.get(f"{API}/documents/feed.rss", {"agency": "x"}).status_code == 400


def test_atom_too(client, corpus):
    response = client.get(f"{API}/documents/feed.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles[0] == corpus.school.title


def test_the_validity_changes_feed(client, corpus):
    change_validity(
        corpus.water,
        Validity.REPEALED,
        changed_on=datetime.date(2025, 1, 1),
        reason="已被新办法替代",
    )
    change_validity(
        corpus.hidden["not proactive"],
        Validity.REPEALED,
        changed_on=datetime.date(2025, 2, 1),
        reason="内部文件废止",
    )
    response = client.get(f"{API}/documents/events.rss", HTTP_ACCEPT_LANGUAGE="zh-hans")
    titles = rss_titles(response)
    assert titles == [f"{corpus.water.title}：自2025-01-01起废止"]
    assert b"\xe5\x86\x85\xe9\x83\xa8" not in response.content  # 内部: the hidden change
    item = ET.fromstring(response.content).find("channel/item")
    assert item.findtext("description") == "已被新办法替代"


def test_no_feed_shows_a_hidden_page(client, corpus):
    for path in ("/documents/feed.rss", "/documents/feed.atom", "/documents/events.rss"):
        body = client.get(f"{API}{path}").content.decode()
        for case, page in corpus.hidden.items():
            assert page.title not in body, (path, case)


def test_the_sitemap_lists_public_pages_only(client, corpus):
    DocumentPageFactory(parent=corpus.library, title="又一份公开文件")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert corpus.env.url in body and corpus.school.url in body and corpus.article.url in body
    for case, page in corpus.hidden.items():
        if page.url:
            assert f"{page.url}<" not in body, case
    assert "<lastmod>" in body


def test_wagtails_own_sitemap_skips_pages_not_proactively_disclosed(corpus):
    page = corpus.hidden["not proactive"]
    assert page.get_sitemap_urls() == []
    assert corpus.env.get_sitemap_urls()[0]["location"].endswith(corpus.env.url)
