"""`manage.py import_documents`: formats, matching, row errors, re-import, validity, speed."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry
from wagtail.signals import page_published

from gov_disclosure.documents import services
from gov_disclosure.documents.importing import (
    DocumentImporter,
    ImportAborted,
    find_library,
    open_source,
    parse_date,
)
from gov_disclosure.documents.management.commands.import_documents import ProgressBar
from gov_disclosure.documents.models import (
    DocumentLibraryPage,
    DocumentPage,
    DocumentType,
    IndexNumberSequence,
    Validity,
    ValidityChange,
)
from gov_disclosure.models import DisclosureAttribute

from .factories import AgencyFactory, ArticlePageFactory, ThemeCategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
CODE = "11379901004211016R"
OTHER_CODE = "91110000600037341L"
TODAY = D(2026, 11, 21)

HEADER = [
    "标题",
    "索引号",
    "发布机构",
    "发文字号",
    "统一登记号",
    "文件类型",
    "主题分类",
    "成文日期",
    "发布日期",
    "施行日期",
    "失效日期",
    "有效性",
    "题注",
    "公开属性",
    "不公开理由",
    "正文",
    "被修订文件索引号",
]


# Helpers


def row(serial=1, **values):
    """One document as an agency's spreadsheet lists it (Chinese headers)."""
    data = {
        "标题": f"示范县人民政府办公室关于印发《示范县第{serial}项管理办法》的通知",
        "索引号": f"{CODE}/2024-{serial:05d}",
        "发布机构": "县政府办",
        "发文字号": f"示政办发〔2024〕{serial}号",
        "统一登记号": "",
        "文件类型": "行政规范性文件",
        "主题分类": "综合政务/政务公开",
        "成文日期": "2024-01-02",
        "发布日期": "2024/1/5",
        "施行日期": "2024年2月1日",
        "失效日期": "",
        "有效性": "",
        "题注": "",
        "公开属性": "主动公开",
        "不公开理由": "",
        "正文": "第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。",
        "被修订文件索引号": "",
    }
    data.update(values)
    return data


def write_csv(path, rows, encoding="utf-8-sig", header=HEADER, delimiter=","):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for data in rows:
            writer.writerow([data.get(name, "") for name in header])
    return path


def write_xlsx(path, rows, header=HEADER, title_row=None):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    if title_row:
        sheet.append([title_row])
    sheet.append(header)
    for data in rows:
        sheet.append([data.get(name) for name in header])
    workbook.save(path)
    return path


def run(path, parent, *args, language="en"):
    """``(exit status, stdout, stderr)`` of the command; CommandError as the shell sees it."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with translation.override(language):
        try:
            call_command(
                "import_documents",
                str(path),
                *(("--parent", str(parent)) if parent is not None else ()),
                *args,
                stdout=out,
                stderr=err,
            )
        except CommandError as error:
            status = error.returncode
            err.write(f"CommandError: {error}\n")
    return status, out.getvalue(), err.getvalue()


def documents():
    return DocumentPage.objects.order_by("index_number")


def in_search_index(page):
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(DocumentPage), object_id=str(page.pk)
    ).exists()


# Fixtures


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(services, "today", lambda: TODAY)


@pytest.fixture
def agency():
    return AgencyFactory(name="示范县人民政府办公室", short_name="县政府办", credit_code=CODE)


@pytest.fixture
def other_agency():
    return AgencyFactory(name="示范县教育局", short_name="县教育局", credit_code=OTHER_CODE)


@pytest.fixture
def category():
    general = ThemeCategoryFactory(name="综合政务")
    return ThemeCategoryFactory(name="政务公开", parent=general)


@pytest.fixture
def library(root_page, agency, category):
    page = DocumentLibraryPage(title="政策文件", slug="zcwj")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


# Formats


class TestFormats:
    def test_csv_with_chinese_headers(self, tmp_path, library, agency, category):
        path = write_csv(
            tmp_path / "文件.csv",
            [
                row(1, 题注="2024年1月2日县政府第3次常务会议审议通过", 统一登记号="SZBF—2024—1"),
                row(
                    2,
                    发文字号="示政办发[2024] 2 号",
                    正文="第一条 <b>加粗</b> & 其他\n\n　　第二条",
                ),
            ],
        )
        status, out, err = run(path, library.pk)

        assert status == 0, err
        assert "Created 2, updated 0, unchanged 0, failed 0" in out
        first, second = documents()
        assert first.title == "示范县人民政府办公室关于印发《示范县第1项管理办法》的通知"
        assert first.index_number == f"{CODE}/2024-00001"
        assert first.agency == agency
        assert first.theme_category == category
        assert first.document_type == DocumentType.NORMATIVE
        assert first.registration_number == "SZBF—2024—1"
        assert first.caption == "2024年1月2日县政府第3次常务会议审议通过"
        assert (first.date_written, first.publication_date, first.effective_date) == (
            D(2024, 1, 2),
            D(2024, 1, 5),
            D(2024, 2, 1),
        )
        assert first.expiry_date == D(2029, 1, 31)  # the usual term, filled in by the model
        assert first.disclosure_attribute == DisclosureAttribute.PROACTIVE
        assert first.get_parent().specific == library
        assert second.document_number == "示政办发〔2024〕2号"
        assert [(b["type"], b["value"]) for b in second.body.raw_data] == [
            ("paragraph", "<p>第一条 &lt;b&gt;加粗&lt;/b&gt; &amp; 其他</p>"),
            ("paragraph", "<p>第二条</p>"),
        ]

    def test_imported_documents_are_published_with_their_first_validity(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1)])
        assert run(path, library.pk)[0] == 0

        document = documents().get()
        assert document.live and not document.has_unpublished_changes
        assert document.live_revision_id == document.latest_revision_id is not None
        assert document.first_published_at is not None
        assert document.url_path == f"{library.url_path}{document.slug}/"
        assert document.validity == Validity.VALID
        assert list(
            ValidityChange.objects.filter(document=document).values_list(
                "to_validity", "changed_on", "source"
            )
        ) == [(Validity.VALID, D(2024, 2, 1), ValidityChange.Source.FIRST_PUBLICATION)]
        assert list(
            PageLogEntry.objects.filter(page=document).order_by("pk").values_list("action")
        ) == [("wagtail.create",), ("wagtail.publish",)]
        assert in_search_index(document)
        assert ReferenceIndex.get_references_to(document.agency).count() == 1

    def test_xlsx_with_a_title_row_and_date_cells(self, tmp_path, library):
        path = write_xlsx(
            tmp_path / "目录.xlsx",
            [
                row(1, 成文日期=datetime.datetime(2024, 1, 2), 发布日期=D(2024, 1, 5)),
                row(2, 施行日期=45352),  # an Excel day number: 2024-03-01
            ],
            title_row="示范县行政规范性文件目录",
        )
        status, out, err = run(path, library.pk)

        assert status == 0, err
        first, second = documents()
        assert (first.date_written, first.publication_date) == (D(2024, 1, 2), D(2024, 1, 5))
        assert second.effective_date == D(2024, 3, 1)

    def test_xlsx_row_numbers_are_the_sheets(self, tmp_path, library):
        path = write_xlsx(
            tmp_path / "目录.xlsx", [row(1), row(2, 成文日期="昨天")], title_row="目录"
        )
        status, out, err = run(path, library.pk)
        assert status == 1
        assert "Row 4, date written:" in err

    def test_json_list_with_english_keys_and_values(self, tmp_path, library):
        path = tmp_path / "documents.json"
        path.write_text(
            json.dumps(
                [
                    {
                        "title": "关于调整城乡居民医保缴费标准的通知",
                        "index_number": f"{OTHER_CODE}/2023-00007",
                        "agency": CODE,
                        "document_number": "示政办发〔2023〕7号",
                        "document_type": "Normative document",
                        "theme_category": "政务公开",
                        "date_written": "2023-03-01",
                        "publication_date": "2023-03-02",
                        "validity": "repealed",
                        "validity_changed_on": "2025-06-30",
                        "validity_reason": "被《示范县城乡居民医保实施办法》废止",
                        "disclosure_attribute": "proactive",
                        "body": ["第一条", "第二条"],
                    }
                ],
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        status, out, err = run(path, library.pk)

        assert status == 0, err
        document = documents().get()
        assert document.validity == Validity.REPEALED
        change = ValidityChange.objects.filter(document=document).order_by("-pk").first()
        assert (change.to_validity, change.changed_on, change.source, change.reason) == (
            Validity.REPEALED,
            D(2025, 6, 30),
            ValidityChange.Source.IMPORT,
            "被《示范县城乡居民医保实施办法》废止",
        )
        assert len(document.body.raw_data) == 2

    def test_json_lines(self, tmp_path, library):
        path = tmp_path / "documents.jsonl"
        lines = [
            json.dumps(
                {
                    "标题": f"第{n}号文件",
                    "索引号": f"X/{n}",
                    "发布机构": "县政府办",
                    "发文字号": f"示政办发〔2024〕{n}号",
                },
                ensure_ascii=False,
            )
            for n in (1, 2)
        ]
        path.write_text(lines[0] + "\n\n" + lines[1] + "\n{broken\n", encoding="utf-8")
        status, out, err = run(path, library.pk)

        assert status == 1
        assert documents().count() == 2
        assert "Row 4: This line is not valid JSON" in err

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
    def test_csv_encodings(self, tmp_path, library, encoding):
        path = write_csv(tmp_path / "a.csv", [row(1, 题注="鑫淼焱垚")], encoding=encoding)
        status, out, err = run(path, library.pk)
        assert status == 0, err
        assert documents().get().caption == "鑫淼焱垚"

    def test_tab_separated_text(self, tmp_path, library):
        path = write_csv(tmp_path / "a.txt", [row(1)], delimiter="\t")
        assert run(path, library.pk)[0] == 0
        assert documents().count() == 1

    def test_a_workbook_under_another_name(self, tmp_path, library):
        path = write_xlsx(tmp_path / "目录.xlsx", [row(1)])
        renamed = path.rename(tmp_path / "目录.csv")
        assert run(renamed, library.pk)[0] == 0
        assert documents().count() == 1

    def test_encoding_option(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1)], encoding="gb18030")
        status, out, err = run(path, library.pk, "--encoding", "utf-8")
        assert status == 2
        assert "a.csv cannot be read as utf-8 text." in err
        assert run(path, library.pk, "--encoding", "gbk")[0] == 0
        assert run(path, library.pk, "--encoding", "nonsense")[0] == 2

    def test_format_option_overrides_the_name(self, tmp_path, library):
        path = write_csv(tmp_path / "export", [row(1)])
        assert run(path, library.pk, "--format", "csv")[0] == 0
        assert documents().count() == 1

    def test_unknown_columns_are_named(self, tmp_path, library):
        header = [*HEADER, "备注"]
        path = write_csv(tmp_path / "a.csv", [row(1, 备注="x")], header=header)
        status, out, err = run(path, library.pk)
        assert status == 0
        assert "Columns not recognised, and ignored: 备注" in err


class TestUnusableFiles:
    """Nothing is imported, and the command says why (exit status 2, no traceback)."""

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("empty.csv", b"", "empty.csv is empty."),
            ("blank.csv", b"\xef\xbb\xbf  \n", "blank.csv is empty."),
            ("scan.pdf", b"%PDF-1.7\n", "files ending in .pdf cannot be imported"),
            ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50, "old Excel 97"),
            ("fake.xlsx", "标题\n".encode(), "is not an Excel workbook (.xlsx)"),
            ("broken.xlsx", b"PK\x03\x04garbage", "cannot be opened as an Excel workbook"),
            ("binary.csv", b"\x00\x01\x02\x03", "is not a CSV, XLSX or JSON file"),
            ("latin.csv", "标题\n".encode() + b"\xff\xfe\xff", "neither UTF-8 nor GB18030"),
            ("bad.json", b'[{"title": }]', "bad.json is not valid JSON (line 1"),
            ("gbk.json", '[{"标题": "通知"}]'.encode("gb18030"), "gbk.json is not in UTF-8"),
            ("number.json", b"[1, 2", "is not valid JSON"),
            ("scalar.json", b'"x"', "must hold a list of objects"),
            ("header.csv", "标题,索引号\n".encode(), "header.csv has no rows to import."),
            ("nohead.csv", "名称甲,名称乙\n一,二\n".encode(), "has no header row"),
            ("dupes.csv", "标题,title\n一,二\n".encode(), "both give the title"),
            ("empty.json", b"[]", "empty.json has no rows to import."),
        ],
    )
    def test_clear_error(self, tmp_path, library, name, content, message):
        path = tmp_path / name
        path.write_bytes(content)
        status, out, err = run(path, library.pk)

        assert status == 2
        assert message in err
        assert "Traceback" not in err
        assert documents().count() == 0

    def test_a_missing_file(self, tmp_path, library):
        status, out, err = run(tmp_path / "nowhere.csv", library.pk)
        assert status == 2
        assert "Cannot read" in err

    def test_missing_parent(self, tmp_path, library):
        status, out, err = run(write_csv(tmp_path / "a.csv", [row(1)]), None)
        assert status == 2
        assert "with --parent" in err

    def test_parent_that_is_not_a_library(self, tmp_path, library, root_page):
        article = ArticlePageFactory(parent=root_page, slug="tzgg")
        path = write_csv(tmp_path / "a.csv", [row(1)])
        for parent in (article.pk, "/tzgg/"):
            status, out, err = run(path, parent)
            assert status == 2
            assert "not a document library" in err
        assert run(path, "/nowhere/")[0] == 2
        assert documents().count() == 0

    def test_parent_by_url_path(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1)])
        assert run(path, "/zcwj/")[0] == 0
        assert find_library("zcwj") == library
        assert find_library(str(library.pk)) == library

    def test_unknown_user(self, tmp_path, library):
        status, out, err = run(write_csv(tmp_path / "a.csv", [row(1)]), library.pk, "--user", "x")
        assert status == 2
        assert "There is no user “x”." in err

    def test_open_source_raises_import_aborted(self, tmp_path):
        path = tmp_path / "a.json"
        path.write_text("[{", encoding="utf-8")
        with pytest.raises(ImportAborted):
            open_source(path)
        path.write_text("{", encoding="utf-8")  # JSON Lines, then: the line is the problem
        assert [type(v).__name__ for _row, v in open_source(path).rows()] == ["InvalidRecord"]


# Rows that fail


class TestBadRows:
    def test_each_reported_with_its_row_number_and_nothing_left_behind(self, tmp_path, library):
        rows = [
            row(1),
            row(2, 成文日期="2024-02-30"),
            row(3, 发布机构="示范县不存在局"),
            row(4, 发文字号="第四号文件"),
            row(5, 有效性="修订"),
            row(6, 标题=""),
            row(7, 公开属性="依申请公开"),
            row(8),
        ]
        path = write_csv(tmp_path / "a.csv", rows)
        sequence_before = list(IndexNumberSequence.objects.values_list("last_serial", flat=True))
        status, out, err = run(path, library.pk)

        assert status == 1
        assert "Created 2, updated 0, unchanged 0, failed 6" in out
        assert "6 of 8 rows could not be imported" in err
        lines = err.splitlines()
        for expected in (
            "Row 3, date written: “2024-02-30” is not a date",
            "Row 4, issuing agency: No agency “示范县不存在局”",
            "Row 5, document number: Write the document number as",
            "Row 6, validity: An amended (修订) document needs the document that revises it",
            "Row 7, title: This field cannot be blank.",
            "Row 8, reason for not disclosing proactively: Give the reason",
        ):
            assert any(line.startswith(expected) for line in lines), expected
        assert [d.index_number for d in documents()] == [
            f"{CODE}/2024-00001",
            f"{CODE}/2024-00008",
        ]
        # The failed rows left no page, revision, log entry or validity behind.
        assert Revision.objects.filter(object_id__in=[str(d.pk) for d in documents()]).count() == 2
        assert Revision.objects.count() == 2 + 1  # and the library's
        assert PageLogEntry.objects.filter(page__in=documents()).count() == 2 * 2
        assert PageLogEntry.objects.count() == 2 * 2 + 2  # and the library's
        assert ValidityChange.objects.count() == 2
        assert (
            list(IndexNumberSequence.objects.values_list("last_serial", flat=True))
            == sequence_before
        )

    def test_a_row_failing_while_written_leaves_nothing_and_the_others_go_on(
        self, tmp_path, library
    ):
        def refuse(sender, instance, **kwargs):
            if "第2项" in instance.title:
                raise RuntimeError("下游系统拒绝")

        page_published.connect(refuse, sender=DocumentPage, dispatch_uid="test-refuse")
        try:
            path = write_csv(tmp_path / "a.csv", [row(n) for n in (1, 2, 3)])
            status, out, err = run(path, library.pk)
        finally:
            page_published.disconnect(sender=DocumentPage, dispatch_uid="test-refuse")

        assert status == 1
        assert "Row 3: Unexpected error: RuntimeError('下游系统拒绝')" in err
        assert [d.index_number[-5:] for d in documents()] == ["00001", "00003"]
        assert Page.objects.get(pk=library.pk).numchild == 2
        assert Page.find_problems() == ([], [], [], [], [])
        assert Revision.objects.count() == 3

    def test_a_page_of_the_same_index_number_is_not_duplicated(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1), row(1, 标题="另一个标题")])
        status, out, err = run(path, library.pk)
        assert status == 1
        assert "Row 3, index number: The index number" in err
        assert "already used in row 2" in err
        assert documents().count() == 1


# Importing again


class TestReimport:
    def test_updates_instead_of_duplicating(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1), row(2), row(3)])
        assert run(path, library.pk)[0] == 0
        first_ids = list(documents().values_list("pk", flat=True))

        status, out, err = run(path, library.pk)
        assert status == 0
        assert "Created 0, updated 0, unchanged 3, failed 0" in out

        write_csv(path, [row(1), row(2, 标题="修改后的标题"), row(3), row(4)])
        status, out, err = run(path, library.pk)
        assert "Created 1, updated 1, unchanged 2, failed 0" in out
        assert list(documents().values_list("pk", flat=True))[:3] == first_ids
        changed = documents()[1]
        assert changed.title == "修改后的标题"
        assert changed.live and changed.revisions.count() == 2
        assert documents()[0].revisions.count() == 1

    def test_rows_without_index_numbers_get_one_and_match_again(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1, 索引号=""), row(2, 索引号="")])
        assert run(path, library.pk)[0] == 0
        numbers = list(documents().values_list("index_number", flat=True))
        assert numbers == [f"{CODE}/2024-00001", f"{CODE}/2024-00002"]

        status, out, err = run(path, library.pk)
        assert "Created 0, updated 0, unchanged 2" in out
        assert list(documents().values_list("index_number", flat=True)) == numbers

    def test_numbers_handed_out_skip_those_in_the_file(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(9, 索引号=""), row(1)])
        assert run(path, library.pk)[0] == 0
        assert sorted(documents().values_list("index_number", flat=True)) == [
            f"{CODE}/2024-00001",
            f"{CODE}/2024-00002",
        ]

    def test_an_empty_cell_clears_and_a_missing_column_keeps(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1, 题注="原题注", 统一登记号="SZBF—2024—1")])
        assert run(path, library.pk)[0] == 0
        header = [h for h in HEADER if h != "统一登记号"]
        write_csv(path, [row(1, 题注="")], header=header)
        status, out, err = run(path, library.pk)

        assert "updated 1" in out
        document = documents().get()
        assert document.caption == ""
        assert document.registration_number == "SZBF—2024—1"

    def test_unpublished_changes_are_kept_in_history(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1)])
        run(path, library.pk)
        document = documents().get()
        document.title = "编辑未发布的修改"
        document.save_revision()

        write_csv(path, [row(1, 题注="新题注")])
        status, out, err = run(path, library.pk)
        assert "had unpublished changes" in err
        document.refresh_from_db()
        assert document.caption == "新题注" and not document.has_unpublished_changes
        assert document.revisions.count() == 3


# Validity


class TestValidity:
    def test_repealed_in_the_file_after_first_publication(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1, 有效性="废止")])
        status, out, err = run(path, library.pk)

        assert status == 0, err
        document = documents().get()
        assert document.validity == Validity.REPEALED
        assert list(
            ValidityChange.objects.filter(document=document)
            .order_by("pk")
            .values_list("to_validity", "source", "changed_on")
        ) == [
            (Validity.VALID, ValidityChange.Source.FIRST_PUBLICATION, D(2024, 2, 1)),
            (Validity.REPEALED, ValidityChange.Source.IMPORT, TODAY),
        ]
        assert (
            "imported file a.csv"
            in ValidityChange.objects.get(to_validity=Validity.REPEALED).reason
        )

    def test_repealed_before_its_expiry_date_passed(self, tmp_path, library):
        header = [*HEADER, "有效性变更日期"]
        old = {"成文日期": "2018-01-02", "发布日期": "2018-01-05", "施行日期": "2018-02-01"}
        path = write_csv(
            tmp_path / "a.csv",
            [
                row(1, 有效性="废止", **old),
                row(2, 有效性="废止", 有效性变更日期="2021-06-30", **old),
                row(3, 有效性="废止", 有效性变更日期="2024-06-30", **old),
                row(4, 有效性="失效", **old),
            ],
            header=header,
        )
        status, out, err = run(path, library.pk)

        assert status == 1
        assert "Row 2, validity changed on: The expiry date 2023-01-31 has passed" in err
        assert "Row 4, validity changed on: The document expired on 2023-01-31" in err
        repealed, expired = documents()
        assert (repealed.validity, repealed.validity_changed_on) == (
            Validity.REPEALED,
            D(2021, 6, 30),
        )
        assert [
            c.to_validity for c in ValidityChange.objects.filter(document=repealed).order_by("pk")
        ] == [Validity.VALID, Validity.REPEALED]
        assert expired.validity == Validity.EXPIRED

    def test_a_validity_that_cannot_follow(self, tmp_path, library):
        old = {"成文日期": "2018-01-02", "发布日期": "2018-01-05", "施行日期": "2018-02-01"}
        path = write_csv(tmp_path / "a.csv", [row(1, 有效性="有效", **old)])
        status, out, err = run(path, library.pk)
        assert status == 1
        assert "Row 2, validity: A document that is “Expired” cannot become “Valid”." in err

    @pytest.mark.parametrize("newest_first", [False, True])
    def test_amended_and_the_revision_in_one_file(self, tmp_path, library, newest_first):
        old = row(1, 有效性="修订")
        new = row(2, 被修订文件索引号=old["索引号"], 施行日期="2025-01-01")
        rows = [new, old] if newest_first else [old, new]
        status, out, err = run(write_csv(tmp_path / "a.csv", rows), library.pk)

        assert status == 0, err
        old_page, new_page = documents()
        assert new_page.supersedes == old_page
        assert (old_page.validity, old_page.replaced_by, old_page.validity_changed_on) == (
            Validity.AMENDED,
            new_page,
            D(2025, 1, 1),
        )
        assert new_page.validity == Validity.VALID

    def test_amended_when_the_revision_takes_effect(self, tmp_path, library, monkeypatch):
        old = row(1, 有效性="修订")
        new = row(2, 被修订文件索引号=old["索引号"], 发布日期="2026-11-20", 施行日期="2027-01-01")
        status, out, err = run(write_csv(tmp_path / "a.csv", [old, new]), library.pk)

        assert status == 0, err
        assert "Row 2: amended only from 2027-01-01, when the document of row 3 takes" in err
        old_page, new_page = documents()
        assert (old_page.validity, new_page.supersedes) == (Validity.VALID, old_page)
        monkeypatch.setattr(services, "today", lambda: D(2027, 1, 1))
        services.apply_scheduled_validity_changes()
        old_page.refresh_from_db()
        assert (old_page.validity, old_page.replaced_by) == (Validity.AMENDED, new_page)

    def test_a_validity_change_still_to_come(self, tmp_path, library):
        header = [*HEADER, "有效性变更日期"]
        path = write_csv(
            tmp_path / "a.csv", [row(1, 有效性="废止", 有效性变更日期="2027-01-01")], header=header
        )
        status, out, err = run(path, library.pk)
        assert status == 1
        assert (
            "Row 2, validity changed on: The document becomes “Repealed” only on 2027-01-01" in err
        )

    def test_replaced_by_names_the_revision(self, tmp_path, library):
        header = [*HEADER, "修订后文件索引号"]
        new = row(2, 施行日期="2025-01-01")
        old = row(1, 修订后文件索引号=new["索引号"])
        status, out, err = run(write_csv(tmp_path / "a.csv", [old, new], header=header), library.pk)

        assert status == 0, err
        old_page, new_page = documents()
        assert (old_page.validity, old_page.replaced_by) == (Validity.AMENDED, new_page)
        assert new_page.supersedes == old_page

    def test_replaced_by_a_document_already_imported(self, tmp_path, library):
        run(write_csv(tmp_path / "new.csv", [row(2, 施行日期="2025-01-01")]), library.pk)
        header = [*HEADER, "修订后文件索引号"]
        path = write_csv(
            tmp_path / "old.csv",
            [row(1, 有效性="修订", 修订后文件索引号=f"{CODE}/2024-00002")],
            header=header,
        )
        status, out, err = run(path, library.pk)

        assert status == 0, err
        old_page, new_page = documents()
        assert (old_page.validity, old_page.replaced_by, old_page.validity_changed_on) == (
            Validity.AMENDED,
            new_page,
            D(2025, 1, 1),
        )
        change = ValidityChange.objects.get(document=old_page, to_validity=Validity.AMENDED)
        assert change.source == ValidityChange.Source.IMPORT

    def test_linked_rows_fail_together(self, tmp_path, library):
        old = row(1, 有效性="修订")
        new = row(2, 被修订文件索引号=old["索引号"], 发文字号="坏文号")
        status, out, err = run(write_csv(tmp_path / "a.csv", [old, new]), library.pk)

        assert status == 1
        assert "Row 3, document number:" in err
        assert "Row 2: Not imported, because row 3, linked with it, failed." in err
        assert documents().count() == 0

    def test_revising_an_unknown_document(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1, 被修订文件索引号="NOPE/1")])
        status, out, err = run(path, library.pk)
        assert "Row 2, revises: No document has the index number NOPE/1." in err

    def test_rows_that_revise_each_other_in_a_circle(self, tmp_path, library):
        first, second = row(1), row(2)
        first["被修订文件索引号"], second["被修订文件索引号"] = second["索引号"], first["索引号"]
        status, out, err = run(write_csv(tmp_path / "a.csv", [first, second]), library.pk)
        assert status == 1
        assert "Rows 2, 3 revise each other in a circle." in err
        assert documents().count() == 0


# Options


class TestOptions:
    def test_dry_run_writes_nothing(self, tmp_path, library):
        path = write_csv(
            tmp_path / "a.csv", [row(1), row(2, 有效性="废止"), row(3, 成文日期="不详")]
        )
        counts = (Page.objects.count(), Revision.objects.count(), ValidityChange.objects.count())
        sequences = IndexNumberSequence.objects.count()
        log_entries = PageLogEntry.objects.count()
        status, out, err = run(path, library.pk, "--dry-run")

        assert status == 1
        assert "Dry run, nothing was saved: 2 would be created, 0 updated, 0 unchanged" in out
        assert "Row 4, date written:" in err
        assert (
            Page.objects.count(),
            Revision.objects.count(),
            ValidityChange.objects.count(),
        ) == counts
        assert IndexNumberSequence.objects.count() == sequences
        assert PageLogEntry.objects.count() == log_entries

    def test_dry_run_after_import_reports_unchanged(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1), row(2)])
        run(path, library.pk)
        status, out, err = run(path, library.pk, "--dry-run")
        assert status == 0
        assert "0 would be created, 0 updated, 2 unchanged" in out

    def test_draft(self, tmp_path, library):
        path = write_csv(tmp_path / "a.csv", [row(1), row(2, 有效性="废止")])
        status, out, err = run(path, library.pk, "--draft")

        assert status == 0, err
        assert "is not recorded for a draft" in err
        for document in documents():
            assert not document.live
            assert document.revisions.count() == 1
        assert ValidityChange.objects.count() == 0

    def test_user_is_recorded(self, tmp_path, library):
        user = UserFactory(username="importer")
        path = write_csv(tmp_path / "a.csv", [row(1, 有效性="废止")])
        assert run(path, library.pk, "--user", "importer")[0] == 0
        document = documents().get()
        assert document.owner == user
        assert document.live_revision.user == user
        assert set(ValidityChange.objects.values_list("created_by", flat=True)) == {user.pk}
        assert set(PageLogEntry.objects.filter(page=document).values_list("user", flat=True)) == {
            user.pk
        }

    def test_progress_bar_only_on_a_terminal(self):
        from django.core.management.base import OutputWrapper

        out = io.StringIO()
        bar = ProgressBar(OutputWrapper(out), enabled=False)
        bar.update(1, 2)
        bar.finish()
        assert out.getvalue() == ""
        bar = ProgressBar(OutputWrapper(out), enabled=True)
        bar.update(2, 2)
        bar.finish()
        assert "2/2 100%" in out.getvalue()


# Matching agencies and categories


class TestMatching:
    def test_agency_by_name_short_name_or_credit_code(self, tmp_path, library, agency):
        path = write_csv(
            tmp_path / "a.csv",
            [
                row(1, 发布机构="示范县人民政府办公室"),
                row(2, 发布机构="县政府办"),
                row(3, 发布机构="1137 9901 0042 1101 6r"),
            ],
        )
        assert run(path, library.pk)[0] == 0
        assert {d.agency_id for d in documents()} == {agency.pk}

    def test_ambiguous_agency(self, tmp_path, library):
        AgencyFactory(name="另一个县政府办公室", short_name="县政府办")
        status, out, err = run(write_csv(tmp_path / "a.csv", [row(1)]), library.pk)
        assert "names several agencies" in err

    def test_category_by_name_or_path(self, tmp_path, library, category):
        education = ThemeCategoryFactory(name="教育")
        ThemeCategoryFactory(name="政务公开", parent=education)
        path = write_csv(
            tmp_path / "a.csv",
            [
                row(1, 主题分类="综合政务 / 政务公开"),
                row(2, 主题分类="政务公开"),
                row(3, 主题分类=""),
            ],
        )
        status, out, err = run(path, library.pk)
        assert "Row 3, theme category: Several theme categories are called “政务公开”" in err
        assert [d.theme_category for d in documents()] == [category, None]


# Parsing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-01", D(2024, 3, 1)),
        ("2024/3/1", D(2024, 3, 1)),
        ("2024.03.01", D(2024, 3, 1)),
        ("2024年3月1日", D(2024, 3, 1)),
        ("２０２４年３月１日", D(2024, 3, 1)),
        ("2024-03-01 00:00:00", D(2024, 3, 1)),
        ("20240301", D(2024, 3, 1)),
        (20240301, D(2024, 3, 1)),
        (datetime.datetime(2024, 3, 1, 8, 30), D(2024, 3, 1)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# Speed


def test_bounded_queries_per_row(tmp_path, library):
    """Each new document costs a fixed number of queries (18), each unchanged one 3.

    Measured with SQLite and PostgreSQL, counting the savepoint statements that each row's
    transaction makes inside the test's transaction. One of the 18 reads the page's standard
    catalogue items (gov_disclosure.standards) when its first revision is saved, one looks for
    translations when the page is published (gov_disclosure.translations).
    """
    rows = [row(n, 有效性="废止" if n % 10 == 0 else "") for n in range(1, 61)]
    path = write_csv(tmp_path / "a.csv", rows)
    with CaptureQueriesContext(connection) as queries:
        status, out, err = run(path, library.pk)
    assert status == 0, err
    assert documents().count() == 60
    assert len(queries) <= 18 * 60, len(queries)

    with CaptureQueriesContext(connection) as queries:
        status, out, err = run(path, library.pk)
    assert "unchanged 60" in out
    assert len(queries) <= 4 * 60, len(queries)


def test_one_at_a_time_and_together_give_the_same_documents(tmp_path, library):
    """The batch path leaves documents as Wagtail's add_child, save_revision, publish would."""
    path = write_csv(tmp_path / "a.csv", [row(1), row(2, 有效性="废止")])
    DocumentImporter(library, batch_size=1).run(open_source(path))
    write_csv(path, [row(3), row(4, 有效性="废止")])
    DocumentImporter(library, batch_size=100).run(open_source(path))
    pages = {d.index_number[-1]: d for d in documents()}

    differ = {
        "id", "page_ptr", "path", "url_path", "slug", "title", "draft_title", "document_number",
        "index_number", "translation_key", "latest_revision", "live_revision",
        "first_published_at", "last_published_at", "latest_revision_created_at", "body",
    }  # fmt: skip
    for single, batched in ((pages["1"], pages["3"]), (pages["2"], pages["4"])):
        for field in DocumentPage._meta.concrete_fields:
            if field.name not in differ:
                assert getattr(single, field.attname) == getattr(batched, field.attname), field
        for document in (single, batched):
            assert document.revisions.count() == 1
            assert document.live_revision_id == document.latest_revision_id
            revision = document.live_revision
            assert revision.base_content_type == single.live_revision.base_content_type
            assert revision.content_type == single.live_revision.content_type
            assert revision.as_object().title == document.title
            assert document.body.raw_data[0]["value"] == single.body.raw_data[0]["value"]
        assert [
            (e.action, e.content_changed, e.content_type_id, e.revision_id)
            for e in PageLogEntry.objects.filter(page=batched).order_by("pk")
        ] == [
            ("wagtail.create", True, single.content_type_id, None),
            ("wagtail.publish", True, single.content_type_id, batched.live_revision_id),
        ]
        assert [
            (e.action, e.content_changed, e.content_type_id, e.revision_id)
            for e in PageLogEntry.objects.filter(page=single).order_by("pk")
        ] == [
            ("wagtail.create", True, single.content_type_id, None),
            ("wagtail.publish", True, single.content_type_id, single.live_revision_id),
        ]
        assert [(c.to_validity, c.source) for c in single.validity_changes.order_by("pk")] == [
            (c.to_validity, c.source) for c in batched.validity_changes.order_by("pk")
        ]
        assert ReferenceIndex.get_references_for_object(batched).count() == (
            ReferenceIndex.get_references_for_object(single).count()
        )
    assert all(in_search_index(document) for document in pages.values())
    assert Page.objects.get(pk=library.pk).numchild == 4
    assert Page.find_problems() == ([], [], [], [], [])


def test_slug_of_a_new_document_is_free(tmp_path, library):
    ArticlePageFactory(parent=library, slug=f"{CODE.lower()}-2024-00001", title="占用")
    assert run(write_csv(tmp_path / "a.csv", [row(1)]), library.pk)[0] == 0
    assert documents().get().slug == f"{CODE.lower()}-2024-00001-2"
