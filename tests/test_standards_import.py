"""Standard catalogue as an Excel workbook: import, export, the admin screens and the commands."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision

from gov_disclosure.standards.models import (
    Audience,
    CatalogueItem,
    CatalogueItemLink,
    Method,
    StandardDomain,
)
from gov_disclosure.standards.spreadsheet import (
    CatalogueImporter,
    SpreadsheetError,
    cell_text,
    export_catalogue,
    parse_tick,
)

from .factories import UserFactory
from .standards_factories import (
    CatalogueFactory,
    CatalogueItemFactory,
    CatalogueItemLinkFactory,
    domain,
)

pytestmark = pytest.mark.django_db

IMPORT_URL = "gov_disclosure_standards:import"
EXPORT_URL = "gov_disclosure_standards:export"
ITEMS_LISTING = "wagtailsnippets_gov_disclosure_standards_catalogueitem:list"

# The two heading rows of the national layout, as agencies type them.
HEAD_A = [
    "序号",
    "公开事项",
    None,
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    None,
    "公开方式",
    None,
    "公开层级",
    None,
]
HEAD_B = [None, "一级事项", "二级事项", None, None, None, None, None]
HEAD_B += ["全社会", "特定群众", "主动", "依申请", "县级", "乡级"]
HEAD_MERGES = ["A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3"]
HEAD_MERGES += ["I2:J2", "K2:L2", "M2:N2"]


def zh(message, **params):
    with translation.override("zh-hans"):
        text = gettext(message)
    return text % params if params else text


def row(
    number,
    level1,
    level2="",
    *,
    content="救助对象名单、救助标准",
    basis="《社会救助暂行办法》",
    limit="信息形成或变更之日起20个工作日内",
    body="县民政局",
    channels="政府网站",
    everyone="√",
    specific=None,
    proactive="√",
    on_application=None,
    county="√",
    township=None,
):
    return [number, level1, level2, content, basis, limit, body, channels] + [
        everyone,
        specific,
        proactive,
        on_application,
        county,
        township,
    ]


def add_sheet(book, name, rows, *, title=None, merges=(), domain_column=False):
    """A sheet in the national layout: title row, two heading rows, ``rows`` from row 4."""
    sheet = book.create_sheet(name)
    head_a, head_b, head_merges = list(HEAD_A), list(HEAD_B), list(HEAD_MERGES)
    if domain_column:  # a 领域 column in front: every other column moves right by one
        head_a, head_b = ["领域", *head_a], [None, *head_b]
        head_merges = ["A2:A3", *[_shift(ref) for ref in head_merges]]
    sheet.append([title or f"示范县基层政务公开标准目录（{name}领域）"])
    sheet.append(head_a)
    sheet.append(head_b)
    for ref in head_merges:
        sheet.merge_cells(ref)
    for values in rows:
        sheet.append(values)
    for ref in merges:
        sheet.merge_cells(ref)
    return sheet


def _shift(ref):
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries

    low_col, low_row, high_col, high_row = range_boundaries(ref)
    return f"{get_column_letter(low_col + 1)}{low_row}:{get_column_letter(high_col + 1)}{high_row}"


def workbook_bytes(build):
    book = openpyxl.Workbook()
    book.remove(book.active)
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def columns(item):
    """What the workbook holds of an item."""
    return (
        item.domain.name,
        item.number,
        item.level1,
        item.level2,
        item.content,
        item.legal_basis,
        item.time_limit,
        item.responsible_body,
        item.channels,
        item.audience,
        item.method,
        item.level_county,
        item.level_township,
    )


def ordered_items(catalogue):
    return list(
        CatalogueItem.objects.filter(catalogue=catalogue)
        .select_related("domain")
        .order_by("domain__sort_order", "sort_order", "pk")
    )


def errors_by_cell(report):
    return {(error.sheet, error.row, error.cell): error for error in report.errors}


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (the site's language is Chinese; see the zh tests)."""
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(db):
    return CatalogueFactory(name="示范县基层政务公开标准目录")


@pytest.fixture
def filled_catalogue(catalogue):
    """Items across two domains; two of them share their 一级事项, one has a formula-like text."""
    relief, jobs = domain("社会救助"), domain("就业")
    make = CatalogueItemFactory
    make(catalogue=catalogue, domain=relief, number="1", level1="最低生活保障", level2="政策文件")
    make(
        catalogue=catalogue,
        domain=relief,
        number="2",
        level1="最低生活保障",
        level2="审核确认结果",
        content="保障对象姓名、保障金额\n（每季度更新）",
        time_limit="每季度更新",
        level_township=True,
    )
    make(
        catalogue=catalogue,
        domain=relief,
        number="3",
        level1="特困人员救助供养",
        level2="",
        audience=Audience.SPECIFIC,
        method=Method.ON_APPLICATION,
        level_county=False,
        level_township=True,
    )
    make(catalogue=catalogue, domain=jobs, number="1", level1="就业政策法规", level2="政策文件")
    make(
        catalogue=catalogue,
        domain=jobs,
        number="01",
        level1="=就业服务",  # read back as text, never as a formula
        level2="职业介绍",
        channels="政府网站 公开栏",
    )
    return catalogue


# Export and round trip -------------------------------------------------------------------------


def test_export_writes_the_national_layout(filled_catalogue):
    book = openpyxl.load_workbook(io.BytesIO(export_catalogue(filled_catalogue)))

    assert book.sheetnames == ["社会救助", "就业"]
    sheet = book["社会救助"]
    assert sheet["A1"].value == "示范县基层政务公开标准目录（社会救助领域）"
    assert [sheet.cell(2, c).value for c in range(1, 15)] == [
        "序号",
        "公开事项",
        None,
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        None,
        "公开方式",
        None,
        "公开层级",
        None,
    ]
    assert [sheet.cell(3, c).value for c in range(1, 15)] == HEAD_B
    merged = {str(ref) for ref in sheet.merged_cells.ranges}
    assert {"A1:N1", "A2:A3", "B2:C2", "I2:J2", "K2:L2", "M2:N2", "D2:D3"} <= merged
    assert "B4:B5" in merged  # 最低生活保障 over its two items
    assert not any(ref.startswith("B6") for ref in merged)
    assert [sheet.cell(4, c).value for c in range(9, 15)] == ["√", None, "√", None, "√", None]
    assert [sheet.cell(6, c).value for c in range(9, 15)] == [None, "√", None, "√", None, "√"]
    assert sheet["A4"].value == 1
    assert sheet["D5"].alignment.wrap_text
    assert sheet.freeze_panes == "A4"
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["I"].width

    jobs = book["就业"]
    assert jobs["A5"].value == "01"
    assert jobs["B5"].value == "=就业服务" and jobs["B5"].data_type == "s"


def test_export_then_import_gives_back_the_same_items(filled_catalogue, superuser):
    before = [columns(item) for item in ordered_items(filled_catalogue)]
    data = export_catalogue(filled_catalogue)
    revisions = Revision.objects.count()

    again = CatalogueImporter(filled_catalogue, user=superuser).run(data)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 5, 0)
    assert Revision.objects.count() == revisions  # nothing changed, nothing recorded
    assert [columns(item) for item in ordered_items(filled_catalogue)] == before

    copy = CatalogueFactory(name="另一个目录")
    report = CatalogueImporter(copy, user=superuser).run(data)
    assert (report.created, report.failed) == (5, 0), report.errors
    assert [columns(item) for item in ordered_items(copy)] == before
    # Renewal guessed for new items from their 公开时限.
    assert (
        CatalogueItem.objects.get(catalogue=copy, level2="审核确认结果").update_interval_days == 92
    )


def test_export_leaves_out_hidden_domains_and_an_empty_catalogue_is_a_blank_form(catalogue):
    hidden = domain("扶贫")
    hidden.hidden = True
    hidden.save()
    CatalogueItemFactory(catalogue=catalogue, domain=hidden)
    book = openpyxl.load_workbook(io.BytesIO(export_catalogue(catalogue)))
    assert book.sheetnames == ["标准目录"]
    assert book.active["B3"].value == "一级事项"
    assert book.active.max_row == 3


# Import: rows, errors, updates ----------------------------------------------------------------


def test_bad_rows_are_reported_by_row_and_column_and_the_good_ones_saved(catalogue, superuser):
    kept = CatalogueItemFactory(
        catalogue=catalogue, domain=domain("社会救助"), level1="临时救助", level2="办事指南"
    )
    kept_content = kept.content

    def build(book):
        add_sheet(
            book,
            "社会救助",
            [
                row(1, "最低生活保障", "政策文件"),  # row 4: good
                row(2, "最低生活保障", "审核结果", content=None),  # 5: no content
                row(3, "特困供养", "", specific="√"),  # 6: both audiences
                row(4, "医疗救助", "", county=None),  # 7: no level
                row(5, "长" * 201, "", proactive=None),  # 8: too long, no method
                row(6, "受灾救助", "", everyone="有"),  # 9: not a tick
                row(7, "最低生活保障", "政策文件"),  # 10: again the item of row 4
                row(None, None, "补充说明", basis=" "),  # 11: no 一级事项 nor 公开依据
                row(9, "临时救助", "对象名单", township="✔"),  # 12: good
            ],
        )
        add_sheet(book, "火星殖民", [row(1, "移民政策")])

    report = CatalogueImporter(catalogue, user=superuser).run(workbook_bytes(build))

    errors = errors_by_cell(report)
    assert errors["社会救助", 5, "D5"].column == "公开内容（要素）"
    assert errors["社会救助", 5, "D5"].message == gettext("Required, but empty.")
    both = errors["社会救助", 6, "I6:J6"]
    assert both.column == "公开对象"
    assert "全社会" in both.message and "特定群众" in both.message
    assert errors["社会救助", 7, "M7:N7"].column == "公开层级"
    assert "201" in errors["社会救助", 8, "B8"].message
    assert "200" in errors["社会救助", 8, "B8"].message
    assert errors["社会救助", 8, "K8:L8"].column == "公开方式"
    assert "有" in errors["社会救助", 9, "I9"].message
    assert "row 4" in errors["社会救助", 10, "B10"].message
    assert errors["社会救助", 11, "B11"].column == "一级事项"
    assert errors["社会救助", 11, "E11"].column == "公开依据"
    unknown = errors["火星殖民", 4, ""]
    assert "火星殖民" in unknown.message
    assert str(unknown).startswith("Sheet “火星殖民”, row 4")
    assert report.failed == 8 and report.rows == 10
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)

    assert set(
        CatalogueItem.objects.filter(catalogue=catalogue).values_list("level2", flat=True)
    ) == {
        "办事指南",
        "政策文件",
        "对象名单",
    }
    township = CatalogueItem.objects.get(level2="对象名单")
    assert township.level_county and township.level_township
    kept.refresh_from_db()
    assert kept.content == kept_content
    assert not StandardDomain.objects.filter(name__contains="火星").exists()


def test_errors_are_translated(catalogue):
    def build(book):
        add_sheet(book, "社会救助", [row(1, "最低生活保障", content="")])

    with translation.override("zh-hans"):
        report = CatalogueImporter(catalogue).run(workbook_bytes(build))
        text = str(report.errors[0])
    assert report.errors[0].message == zh("Required, but empty.")
    assert "社会救助" in text and "D4" in text


def test_a_domain_column_wins_and_merged_cells_count_for_every_row(catalogue):
    def build(book):
        add_sheet(
            book,
            "Sheet1",
            [
                ["社会救助", *row(1, "最低生活保障", "政策文件")],
                [None, *row(2, None, "审核结果")],
                ["就业领域", *row(1, "就业政策", "政策文件", body="县人社局")],
                [None, *row(2, None, "招聘信息", body=None)],
                ["不存在的领域", *row(1, "某事项")],
                [None, None, None, None, None, None, None, None, None, None, None],
                ["注：√表示适用。", *[None] * 14],
            ],
            title="示范县基层政务公开标准目录",
            domain_column=True,
            merges=["A4:A5", "C4:C5", "A6:A7", "C6:C7", "H6:H7"],
        )

    report = CatalogueImporter(catalogue).run(workbook_bytes(build))

    assert report.created == 4, report.errors
    items = {item.level2: item for item in CatalogueItem.objects.filter(catalogue=catalogue)}
    assert items["审核结果"].domain.name == "社会救助"
    assert items["审核结果"].level1 == "最低生活保障"
    assert items["招聘信息"].domain.name == "就业"
    assert items["招聘信息"].responsible_body == "县人社局"  # from the merged H6:H7
    [unknown] = report.errors
    assert (unknown.row, unknown.cell, unknown.column) == (8, "A8", "领域")
    assert "不存在的领域" in unknown.message
    assert len(report.warnings) == 1 and "注" in report.warnings[0]
    assert report.rows == 5


def test_the_domain_comes_from_the_title_when_the_sheet_has_a_default_name(catalogue):
    def build(book):
        add_sheet(
            book,
            "Sheet1",
            [row(1, "最低生活保障")],
            title="某县标准目录（2024年版）（养老服务领域）",
        )

    report = CatalogueImporter(catalogue).run(workbook_bytes(build))
    assert report.created == 1
    assert CatalogueItem.objects.get(catalogue=catalogue).domain.name == "养老服务"


def test_missing_domains_are_created_only_when_asked(catalogue, superuser):
    data = workbook_bytes(lambda book: add_sheet(book, "乡村振兴", [row(1, "衔接资金")]))
    last_sort_order = max(StandardDomain.objects.values_list("sort_order", flat=True))

    refused = CatalogueImporter(catalogue).run(data)
    assert refused.failed == 1 and not StandardDomain.objects.filter(name="乡村振兴").exists()
    assert "Create missing domains" in refused.errors[0].message

    preview = CatalogueImporter(catalogue, create_domains=True, dry_run=True).run(data)
    assert preview.new_domains == ["乡村振兴"] and preview.created == 1
    assert not StandardDomain.objects.filter(name="乡村振兴").exists()

    report = CatalogueImporter(catalogue, user=superuser, create_domains=True).run(data)
    created = StandardDomain.objects.get(name="乡村振兴")
    assert report.new_domains == ["乡村振兴"]
    assert created.sort_order == last_sort_order + 1  # listed after the others
    assert created.latest_revision.user == superuser
    assert CatalogueItem.objects.get(catalogue=catalogue).domain == created


def test_hidden_domains_are_not_imported(catalogue):
    hidden = domain("扶贫")
    hidden.hidden = True
    hidden.save()
    report = CatalogueImporter(catalogue).run(
        workbook_bytes(lambda book: add_sheet(book, "扶贫", [row(1, "扶贫项目")]))
    )
    assert report.failed == 1 and "hidden" in report.errors[0].message
    assert not CatalogueItem.objects.exists()


def test_an_update_changes_only_the_columns_and_keeps_links(catalogue, superuser, root_page):
    item = CatalogueItemFactory(
        catalogue=catalogue,
        domain=domain("社会救助"),
        number="1",
        level1="最低生活保障",
        level2="政策文件",
        update_interval_days=31,
        sort_order=7,
    )
    CatalogueItemLinkFactory(item=item, url="https://www.gov.cn/zhengce/", title="政策库")
    CatalogueItemLinkFactory(item=item, page=root_page)
    other = CatalogueItemFactory(catalogue=catalogue, domain=domain("社会救助"), level1="其他")

    data = workbook_bytes(
        lambda book: add_sheet(
            book,
            "社会救助",
            [
                row(
                    "1",
                    " 最低生活保障 ",
                    "政策文件",
                    content=item.content,
                    body=item.responsible_body,
                    channels=item.channels,
                    basis="《社会救助暂行办法》（修订）",
                    limit="每年更新",
                    on_application="√",
                    proactive=None,
                )
            ],
        )
    )
    preview = CatalogueImporter(catalogue, dry_run=True).run(data)
    assert preview.updated == 1
    assert preview.changes[0].changed == ["公开依据", "公开时限", "公开方式"]

    report = CatalogueImporter(catalogue, user=superuser).run(data)
    assert (report.created, report.updated) == (0, 1)
    item.refresh_from_db()
    assert item.legal_basis == "《社会救助暂行办法》（修订）"
    assert item.method == Method.ON_APPLICATION
    assert item.update_interval_days == 31  # guessed for new items only
    assert item.sort_order == 7
    assert CatalogueItemLink.objects.filter(item=item).count() == 2
    assert CatalogueItem.objects.filter(pk=other.pk).exists()


def test_created_and_changed_items_get_a_revision_and_a_history_entry(catalogue, superuser):
    item = CatalogueItemFactory(catalogue=catalogue, domain=domain("社会救助"), level1="临时救助")
    data = workbook_bytes(
        lambda book: add_sheet(
            book,
            "社会救助",
            [row(1, "临时救助", item.level2, body="县民政局（新）"), row(2, "医疗救助")],
        )
    )
    CatalogueImporter(catalogue, user=superuser).run(data, name="目录.xlsx")

    created = CatalogueItem.objects.get(level1="医疗救助")
    item.refresh_from_db()
    for changed, action in ((created, "wagtail.create"), (item, "wagtail.edit")):
        revision = changed.latest_revision
        assert revision is not None and revision.user == superuser
        assert revision.content["responsible_body"] == changed.responsible_body
        entry = ModelLogEntry.objects.get(object_id=str(changed.pk), action=action)
        assert entry.user == superuser and entry.revision == revision
        assert entry.data == {"import": "目录.xlsx"}
        # The references (to its catalogue and domain) are indexed, once per item.
        assert (
            ReferenceIndex.get_references_for_object(changed)
            .filter(to_object_id=str(catalogue.pk))
            .exists()
        )


def test_a_dry_run_saves_nothing(filled_catalogue, superuser):
    data = workbook_bytes(
        lambda book: add_sheet(
            book,
            "社会救助",
            [row(1, "最低生活保障", "政策文件", basis="新的依据"), row(9, "新事项"), row(10, None)],
        )
    )
    snapshot = [columns(item) for item in ordered_items(filled_catalogue)]
    counts = (
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
        CatalogueItem.objects.count(),
    )

    report = CatalogueImporter(filled_catalogue, user=superuser, dry_run=True).run(data)

    assert report.dry_run
    assert (report.created, report.updated, report.failed) == (1, 1, 1)
    assert [columns(item) for item in ordered_items(filled_catalogue)] == snapshot
    assert counts == (
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
        CatalogueItem.objects.count(),
    )
    assert "nothing was saved" in report.summary()


# Files that are not catalogues -----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PNG, "is not an Excel workbook"),
        ("序号,一级事项,公开内容\n1,最低生活保障,名单\n".encode(), "is not an Excel workbook"),
        (b"", "is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97"),
        (b"PK\x03\x04 broken archive", "is not an Excel workbook"),
    ],
    ids=["png", "text", "empty", "xls", "broken-zip"],
)
def test_a_file_that_is_not_a_workbook_is_refused_by_its_content(catalogue, content, expected):
    upload = SimpleUploadedFile("目录.xlsx", content)
    with pytest.raises(SpreadsheetError, match=expected) as caught:
        CatalogueImporter(catalogue).run(upload)
    if content:
        assert "目录.xlsx" in str(caught.value)


def test_another_zip_file_is_not_a_workbook(catalogue):
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        CatalogueImporter(catalogue).run(buffer.getvalue())


def test_a_workbook_without_the_header_is_refused(catalogue):
    def build(book):
        sheet = book.create_sheet("名单")
        sheet.append(["姓名", "地址", "金额"])
        sheet.append(["张三", "某村", 300])

    with pytest.raises(SpreadsheetError, match="No sheet of the workbook has the header"):
        CatalogueImporter(catalogue).run(workbook_bytes(build))


def test_a_header_without_a_required_column_names_it(catalogue):
    def build(book):
        sheet = add_sheet(book, "社会救助", [row(1, "最低生活保障")])
        sheet["E2"] = "备注"

    with pytest.raises(SpreadsheetError, match="公开依据") as caught:
        CatalogueImporter(catalogue).run(workbook_bytes(build))
    assert "row 2" in str(caught.value)


def test_a_sheet_without_a_header_is_ignored_when_another_has_one(catalogue):
    def build(book):
        book.create_sheet("填表说明").append(["请按国家标准目录格式填写"])
        add_sheet(book, "社会救助", [row(1, "最低生活保障")])

    assert CatalogueImporter(catalogue).run(workbook_bytes(build)).created == 1


def test_too_many_rows_are_refused_before_anything_is_saved(catalogue, settings):
    settings.GOV_DISCLOSURE_STANDARDS_IMPORT_MAX_ROWS = 3
    data = workbook_bytes(
        lambda book: add_sheet(book, "社会救助", [row(n, f"事项{n}") for n in range(1, 5)])
    )
    with pytest.raises(SpreadsheetError, match="more than 3 rows"):
        CatalogueImporter(catalogue).run(data)
    assert not CatalogueItem.objects.exists()
    settings.GOV_DISCLOSURE_STANDARDS_IMPORT_MAX_ROWS = 4
    assert CatalogueImporter(catalogue).run(data).created == 4


def test_a_merged_cell_larger_than_any_catalogue_is_refused_before_reading(catalogue, settings):
    settings.GOV_DISCLOSURE_STANDARDS_IMPORT_MAX_ROWS = 10
    data = workbook_bytes(
        lambda book: add_sheet(book, "社会救助", [row(1, "最低生活保障")], merges=["B4:B200"])
    )
    with pytest.raises(SpreadsheetError, match="merged cell"):
        CatalogueImporter(catalogue).run(data)


def test_cell_values():
    assert [parse_tick(v) for v in ("√", "✓", "✔", "是", "Y", "y", "x", "X", " √ ")] == [True] * 9
    assert [parse_tick(v) for v in (None, "", "否", "×", "N")] == [False] * 5
    with pytest.raises(Exception):  # noqa: B017  (the private error of a bad tick)
        parse_tick("○")
    assert cell_text(3.0) == "3" and cell_text(" a\r\nb ") == "a\nb" and cell_text(None) == ""


# Admin screens --------------------------------------------------------------------------------


def upload(data, name="目录.xlsx"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def importing_editor(editor):
    """The editors' group may add and change items (gov_disclosure.standards.apps)."""
    return editor


def test_the_import_form(client, importing_editor, catalogue):
    client.force_login(importing_editor)
    response = client.get(reverse(IMPORT_URL) + f"?catalogue={catalogue.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert f'<option value="{catalogue.pk}" selected>' in html
    assert 'name="dry_run"' in html and "checked" in html
    # Editors may not add domains, so they may not create them by importing.
    assert response.context["form"].fields["create_domains"].disabled


def test_uploading_a_dry_run_then_the_import(client, importing_editor, catalogue):
    client.force_login(importing_editor)
    data = workbook_bytes(
        lambda book: add_sheet(book, "社会救助", [row(1, "最低生活保障"), row(2, None)])
    )
    url = reverse(IMPORT_URL)

    response = client.post(url, {"catalogue": catalogue.pk, "file": upload(data), "dry_run": "on"})
    assert response.status_code == 200
    assert not CatalogueItem.objects.exists()
    html = response.content.decode()
    assert 'data-count="created">1<' in html and 'data-count="failed">1<' in html
    assert "B5" in html and "一级事项" in html
    assert response.context["form"]["dry_run"].initial is False

    response = client.post(url, {"catalogue": catalogue.pk, "file": upload(data)})
    assert response.status_code == 200
    item = CatalogueItem.objects.get()
    assert item.latest_revision.user == importing_editor
    assert 'data-count="created">1<' in response.content.decode()


def test_uploading_something_else_shows_the_error_on_the_form(client, importing_editor, catalogue):
    client.force_login(importing_editor)
    response = client.post(
        reverse(IMPORT_URL), {"catalogue": catalogue.pk, "file": upload(PNG, "目录.xlsx")}
    )
    assert response.status_code == 200
    with translation.override("zh-hans"), pytest.raises(SpreadsheetError) as expected:
        CatalogueImporter(catalogue).run(upload(PNG, "目录.xlsx"))
    assert response.context["form"].errors["file"] == [str(expected.value)]
    assert response.context["report"] is None


def test_create_domains_is_ignored_for_users_who_may_not_add_domains(
    client, importing_editor, catalogue
):
    client.force_login(importing_editor)
    data = workbook_bytes(lambda book: add_sheet(book, "乡村振兴", [row(1, "衔接资金")]))
    client.post(
        reverse(IMPORT_URL),
        {"catalogue": catalogue.pk, "file": upload(data), "create_domains": "on"},
    )
    assert not StandardDomain.objects.filter(name="乡村振兴").exists()


def test_the_disclosure_office_may_create_domains(client, disclosure_officer, catalogue):
    client.force_login(disclosure_officer)
    data = workbook_bytes(lambda book: add_sheet(book, "乡村振兴", [row(1, "衔接资金")]))
    response = client.post(
        reverse(IMPORT_URL),
        {"catalogue": catalogue.pk, "file": upload(data), "create_domains": "on"},
    )
    assert response.status_code == 200
    assert CatalogueItem.objects.get().domain.name == "乡村振兴"


def test_export_download(client, reviewer, filled_catalogue):
    client.force_login(reviewer)  # reviewers only view items
    response = client.get(reverse(EXPORT_URL) + f"?catalogue={filled_catalogue.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E7%A4%BA%E8%8C%83%E5%8E%BF" in disposition  # 示范县…
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["社会救助", "就业"]


def test_export_without_a_catalogue_lists_them(client, reviewer, filled_catalogue):
    client.force_login(reviewer)
    response = client.get(reverse(EXPORT_URL))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"?catalogue={filled_catalogue.pk}" in html and filled_catalogue.name in html
    assert reverse(IMPORT_URL) not in html  # reviewers may not import
    assert client.get(reverse(EXPORT_URL) + "?catalogue=99999").status_code == 404
    assert client.get(reverse(EXPORT_URL) + "?catalogue=abc").status_code == 404


def test_users_without_permission_are_turned_away(client, reviewer, catalogue):
    client.force_login(reviewer)
    response = client.get(reverse(IMPORT_URL))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = client.post(reverse(IMPORT_URL), {"catalogue": catalogue.pk, "file": upload(PNG)})
    assert response.status_code == 302

    nobody = UserFactory()
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert client.get(reverse(EXPORT_URL) + f"?catalogue={catalogue.pk}").status_code == 302


def test_the_item_listing_has_import_and_export_buttons(
    client, importing_editor, reviewer, catalogue
):
    client.force_login(importing_editor)
    html = client.get(reverse(ITEMS_LISTING) + f"?catalogue={catalogue.pk}").content.decode()
    assert f'href="{reverse(IMPORT_URL)}?catalogue={catalogue.pk}"' in html
    assert f'href="{reverse(EXPORT_URL)}?catalogue={catalogue.pk}"' in html

    client.force_login(reviewer)
    html = client.get(reverse(ITEMS_LISTING)).content.decode()
    assert reverse(IMPORT_URL) not in html
    assert f'href="{reverse(EXPORT_URL)}"' in html


# Commands -------------------------------------------------------------------------------------


def test_the_import_command(tmp_path, catalogue, superuser, capsys):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(
        workbook_bytes(
            lambda book: add_sheet(book, "社会救助", [row(1, "最低生活保障"), row(2, None)])
        )
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "gov_disclosure_import_catalogue",
            str(path),
            catalogue=catalogue.name,
            user="admin",
            stdout=out,
            stderr=err,
        )
    assert caught.value.returncode == 1
    assert "row 5" in err.getvalue() and "B5" in err.getvalue()
    assert "1 items created" in out.getvalue()
    assert CatalogueItem.objects.get().latest_revision.user == superuser


def test_the_import_command_exits_with_2_on_file_errors(tmp_path, catalogue):
    path = tmp_path / "目录.xlsx"
    path.write_text("这不是表格")
    for options in ({"catalogue": str(catalogue.pk)}, {"catalogue": "没有这个目录"}):
        with pytest.raises(CommandError) as caught:
            call_command("gov_disclosure_import_catalogue", str(path), **options)
        assert caught.value.returncode == 2
    with pytest.raises(CommandError, match="not an Excel workbook"):
        call_command("gov_disclosure_import_catalogue", str(path), catalogue=str(catalogue.pk))
    with pytest.raises(CommandError) as caught:
        call_command(
            "gov_disclosure_import_catalogue",
            str(tmp_path / "missing.xlsx"),
            catalogue=str(catalogue.pk),
        )
    assert caught.value.returncode == 2


def test_the_export_command_and_a_dry_run_import_of_its_file(tmp_path, filled_catalogue):
    path = tmp_path / "导出.xlsx"
    out = io.StringIO()
    call_command(
        "gov_disclosure_export_catalogue", str(path), catalogue=str(filled_catalogue.pk), stdout=out
    )
    assert "5" in out.getvalue()
    out = io.StringIO()
    call_command(
        "gov_disclosure_import_catalogue",
        str(path),
        catalogue=filled_catalogue.name,
        dry_run=True,
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "5 unchanged" in out.getvalue()
    with pytest.raises(CommandError):
        call_command(
            "gov_disclosure_export_catalogue",
            str(tmp_path / "no" / "such" / "dir.xlsx"),
            catalogue=str(filled_catalogue.pk),
        )
