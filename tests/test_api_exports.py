"""Exports of the lists: CSV, XLSX and JSON Lines, streamed in chunks, with the list's filters."""

import csv
import datetime
import io
import json

import pytest

from gov_disclosure.api import exports

from .document_factories import DocumentPageFactory
from .search_support import Corpus

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def corpus(root_page):
    return Corpus(root_page)


def download(client, path, **params):
    response = client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_csv_has_the_stable_names_and_every_public_row(client, corpus):
    response, body = download(client, "/documents/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="documents-' in response["Content-Disposition"]
    assert body.startswith("\ufeff".encode())  # spreadsheet programs read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == [
        corpus.school.title,
        corpus.env.title,
        corpus.water.title,
    ]
    env = rows[1]
    assert env["document_number"] == "示政发〔2024〕3号"
    assert env["agency_name"] == "示范县生态环境局"
    assert env["agency_id"] == str(corpus.env_agency.pk)
    assert env["theme_category_name"] == "环境监测"
    assert env["validity"] == "valid"
    assert env["validity_label"] == "有效"
    assert env["url"].endswith(corpus.env.url)


def test_exports_take_the_filters_of_the_list(client, corpus):
    _response, body = download(client, "/documents/export.csv", agency=corpus.edu_agency.pk)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == [corpus.school.title]
    response = client.get(f"{API}/documents/export.csv", {"year": "199x"})
    assert response.status_code == 400
    assert response.json()["error"]["parameters"][0]["name"] == "year"
    response = client.get(f"{API}/documents/export.csv", {"cursor": "x"})
    assert response.status_code == 400  # exports have no pages
    assert client.get(f"{API}/documents/export.pdf").status_code in (400, 404)


def test_xlsx_has_chinese_headings_and_text_stays_text(client, corpus):
    from openpyxl import load_workbook

    DocumentPageFactory(
        parent=corpus.library,
        title='=HYPERLINK("http://example.com","点击")',
        publication_date=datetime.date(2026, 1, 1),
    )
    response, body = download(client, "/documents/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert "标题" in header and "发文字号" in header and "发布机构" in header
    title = header.index("标题")
    assert rows[1][title] == '=HYPERLINK("http://example.com","点击")'
    assert sheet.cell(row=2, column=title + 1).data_type == "s"  # not a formula
    assert [row[title] for row in rows[2:]] == [
        corpus.school.title,
        corpus.env.title,
        corpus.water.title,
    ]


def test_a_coded_value_is_headed_by_its_name_and_its_code_says_so(client, corpus):
    from openpyxl import load_workbook

    _response, body = download(client, "/documents/export.xlsx")
    rows = list(load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
    validity, code = rows[0].index("有效性"), rows[0].index("有效性（代码）")
    assert {row[validity] for row in rows[1:]} == {"有效"}
    assert {row[code] for row in rows[1:]} == {"valid"}
    assert "主题分类代码" in rows[0]  # a record's code is not a coded value


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_xlsx_heading_of_every_kind_is_a_name_for_people(db, language):
    """No kind's export leaves a column headed by its field name (a computed column without a
    label in ``OpenData.column_labels`` fails here), and no two columns share a heading."""
    from django.utils import translation

    from gov_disclosure.registry import registry

    kinds = registry.open_data
    assert {spec.path for spec in kinds} >= {
        "documents",
        "interpretations",
        "projects",
        "meetings",
        "solicitations",
        "annual-reports",
        "catalogue-items",
    }
    with translation.override(language):
        for spec in kinds:
            columns = exports.columns(spec.Item)
            headings = [exports.label(spec, column) for column in columns]
            assert len(set(headings)) == len(headings), (spec.path, headings)
            if language == "zh-hans":  # a heading left as the field name has no Chinese
                unnamed = [
                    column.name
                    for column, heading in zip(columns, headings, strict=True)
                    if not any("\u4e00" <= char <= "\u9fff" for char in heading)
                ]
                assert unnamed == [], (spec.path, unnamed)
            else:
                assert "_" not in "".join(headings), (spec.path, headings)


def test_json_lines_give_one_list_item_per_line(client, corpus):
    response, body = download(client, "/documents/export.jsonl")
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    items = [json.loads(line) for line in body.decode().splitlines()]
    assert [item["title"] for item in items][0] == corpus.school.title
    api_item = client.get(f"{API}/documents/").json()["results"][0]
    assert items[0] == api_item  # the same shape as the API's list


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "jsonl"])
def test_nothing_hidden_is_exported(client, corpus, file_format):
    from openpyxl import load_workbook

    _response, body = download(client, f"/documents/export.{file_format}")
    if file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(body)).active
        text = "\n".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row)
    else:
        text = body.decode("utf-8-sig")
    for case, page in corpus.hidden.items():
        assert page.title not in text, case
    assert "示范县保密局" not in text


def test_rows_are_read_in_chunks_and_streamed(
    client, corpus, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(exports, "CHUNK", 2)
    for _n in range(3):
        DocumentPageFactory(parent=corpus.library)
    client.get(f"{API}/documents/")  # the site's root paths are cached from here on
    response = client.get(f"{API}/documents/export.csv")
    assert response.streaming
    # Six documents, two per chunk: three queries while the file is streamed (each reads one
    # row more, to know whether another chunk follows); the view ran its own before.
    with django_assert_num_queries(3):
        body = b"".join(response.streaming_content)
    assert body.decode("utf-8-sig").count("\n") == 1 + 6


def test_labels_follow_the_language_asked_for(client, corpus):
    response = client.get(f"{API}/documents/export.csv", HTTP_ACCEPT_LANGUAGE="en")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Valid" in body and "有效" not in body


def test_the_library_page_offers_its_list_for_download(client, corpus):
    import re

    response = client.get(corpus.library.url, {"agency": corpus.env_agency.pk, "sort": "oldest"})
    html = response.content.decode()
    found = re.findall(r'class="gd-downloads__link" href="([^"]+)"[^>]*>([^<]+)<', html)
    links = {label: url.replace("&amp;", "&") for url, label in found}
    assert set(links) == {"CSV", "Excel", "JSON Lines", "RSS 订阅"}
    assert f"section={corpus.library.pk}" in links["CSV"]
    assert f"agency={corpus.env_agency.pk}" in links["CSV"]
    assert "sort" not in links["CSV"]
    _response, body = download(client, links["CSV"].removeprefix(API))
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {row["title"] for row in rows} == {corpus.env.title, corpus.water.title}


def test_the_catalogue_of_valid_documents_as_of_a_date(client, corpus):
    from gov_disclosure.documents.models import Validity
    from gov_disclosure.documents.services import change_validity

    change_validity(
        corpus.water, Validity.REPEALED, changed_on=datetime.date(2025, 1, 1), reason="废止"
    )
    then = client.get(f"{API}/documents/", {"valid_on": "2024-06-01"}).json()["results"]
    assert {item["title"] for item in then} == {corpus.env.title, corpus.water.title}
    now = client.get(f"{API}/documents/", {"valid_on": "2025-06-01"}).json()["results"]
    assert corpus.water.title not in {item["title"] for item in now}
    assert client.get(f"{API}/documents/", {"valid_on": "2025-13-01"}).status_code == 400
