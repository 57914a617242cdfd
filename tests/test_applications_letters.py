"""Reply letters (答复书) of requests for disclosure: the templates, the Word and PDF files, the
views that give them to the office, and ``gov_disclosure.office_files`` underneath.

A sample letter is written to ``test-artifacts/letters/`` (with page 1 of its PDF as a PNG when
poppler's ``pdftoppm`` is installed) for a person to look at.
"""

import datetime
import io
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import reportlab
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import include, path, reverse
from django.utils import translation
from docx import Document
from pypdf import PdfReader
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import Site

from gov_disclosure import office_files
from gov_disclosure.applications import letters
from gov_disclosure.applications.default_letters import DEFAULT_LETTERS, REMEDIES
from gov_disclosure.applications.models import ReplyTemplate
from gov_disclosure.applications.outcomes import GROUPS, Outcome
from gov_disclosure.applications.views.letters import letter_docx, letter_pdf
from gov_disclosure.office_files import Cell, Heading, PageBreak, Paragraph, Signature, Table

from .application_factories import InformationRequestFactory
from .factories import AgencyFactory

D = datetime.date
pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "letters"
VERA = str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")  # shipped with reportlab

# This module is also the URLconf of the view tests: the two views and Wagtail's admin (where
# those refused are sent).
urlpatterns = [
    path("letters/<int:pk>/letter.docx", letter_docx, name="test_letter_docx"),
    path("letters/<int:pk>/letter.pdf", letter_pdf, name="test_letter_pdf"),
    path("admin/", include(wagtailadmin_urls)),
]
with_views = pytest.mark.urls(__name__)


# An outcome of each group; “other” needs no clarification on record with this one.
OUTCOME_OF_GROUP = {
    group.code: group.outcomes[0] if group.code != "other" else Outcome.OTHER_FEE_UNPAID
    for group in GROUPS
}


def zh(text):
    with translation.override("zh-hans"):
        return str(text)


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    """The text of a PDF without white space (lines break anywhere in Chinese)."""
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", str(text))


@pytest.fixture
def agency(db):
    return AgencyFactory(name="示范县人民政府办公室", short_name="县政府办")


def replied(outcome, **kwargs):
    values = {
        "tracking_number": "YSQ202500001",
        "outcome": outcome,
        "reply_text": "经查，该工程的招标文件及中标结果已由本机关制作并保存。",
        "reply_sent_on": D(2025, 3, 20),
        **kwargs,
    }
    return InformationRequestFactory(**values)


# The data migration and the default wording ---------------------------------------------------


def test_the_migration_created_a_template_for_each_group():
    templates = {t.outcome_group: t for t in ReplyTemplate.objects.all()}
    assert sorted(templates) == sorted(group.code for group in GROUPS)
    for code, template in templates.items():
        assert template.title == DEFAULT_LETTERS[code]["title"]
        assert template.body == DEFAULT_LETTERS[code]["body"]
        assert template.remedies == DEFAULT_LETTERS[code]["remedies"]


@pytest.mark.parametrize("code", sorted(DEFAULT_LETTERS))
def test_the_default_wording_passes_the_template_validation(code):
    ReplyTemplate(outcome_group="other", **DEFAULT_LETTERS[code]).clean()
    assert "{reply}" in DEFAULT_LETTERS[code]["body"]
    assert "六十日内" in DEFAULT_LETTERS[code]["remedies"]
    assert "六个月内" in DEFAULT_LETTERS[code]["remedies"]


def test_the_context_has_a_value_for_every_placeholder(agency):
    request_obj = replied(
        Outcome.DISCLOSED, agency=agency, description="  申请公开某某文件。\n", reply_sent_on=None
    )
    values = letters.letter_context(request_obj, on=D(2025, 4, 1))
    assert set(values) == set(ReplyTemplate.PLACEHOLDERS)
    assert values["applicant"] == "王建国"
    assert values["tracking_number"] == "YSQ202500001"
    assert values["received_on"] == "2025年3月3日"
    assert values["description"] == "申请公开某某文件"  # the letter ends the sentence itself
    assert values["outcome"] == zh(Outcome.DISCLOSED.label)
    assert values["legal_basis"] == "《中华人民共和国政府信息公开条例》第三十六条第（二）项"
    assert values["agency"] == "示范县人民政府办公室"
    assert values["date"] == "2025年4月1日"  # not sent yet: the day asked for
    assert values["fee"] == "0"
    assert all(isinstance(value, str) for value in values.values())


def test_without_an_agency_the_letter_is_signed_with_the_sites_name(site):
    request_obj = replied(Outcome.DISCLOSED, legal_basis="某某规定")
    site.site_name = "示范县人民政府"
    site.save()
    assert letters.letter_context(request_obj)["agency"] == "示范县人民政府"
    assert letters.letter_context(request_obj)["legal_basis"] == "某某规定"
    Site.objects.update(site_name="")
    assert letters.letter_context(request_obj)["agency"] == "本机关"
    assert letters.letter_context(request_obj)["date"] == "2025年3月20日"


def test_a_request_without_an_outcome_has_no_letter():
    request_obj = InformationRequestFactory()
    with pytest.raises(ValueError, match="no outcome"):
        letters.render_letter(request_obj)
    with pytest.raises(ValueError, match="no outcome"):
        letters.template_for(request_obj)


def test_a_missing_template_falls_back_to_the_default_wording():
    request_obj = replied(Outcome.WITHHELD_STATE_SECRET)
    ReplyTemplate.objects.filter(outcome_group="withheld").delete()
    template = letters.template_for(request_obj)
    assert template.pk is None
    assert template.title == DEFAULT_LETTERS["withheld"]["title"]
    title, _blocks = letters.render_letter(request_obj)
    assert title == "政府信息不予公开告知书"


def test_filenames_are_ascii():
    request_obj = replied(Outcome.DISCLOSED)
    assert letters.filename(request_obj, "docx") == "reply-YSQ202500001.docx"
    request_obj.tracking_number = "依申请〔2025〕第1号"
    assert letters.filename(request_obj, "pdf") == "reply-20251.pdf"
    request_obj.tracking_number = "依申请"
    assert letters.filename(request_obj, "pdf") == f"reply-{request_obj.pk}.pdf"


# The letter of each group --------------------------------------------------------------------


@pytest.mark.parametrize("code", [group.code for group in GROUPS])
def test_the_letter_of_each_group(code, agency):
    outcome = OUTCOME_OF_GROUP[code]
    request_obj = replied(outcome, agency=agency)
    label = zh(Outcome(outcome).label)
    expected = [
        DEFAULT_LETTERS[code]["title"],
        "王建国：",
        "YSQ202500001",
        "2025年3月3日",
        "城区道路改造工程的招标文件及中标结果",
        label,
        request_obj.effective_legal_basis,
        "该工程的招标文件及中标结果已由本机关制作并保存",
        REMEDIES,
        "示范县人民政府办公室",
        "2025年3月20日",
    ]

    text = docx_text(letters.render_docx(request_obj))
    for part in expected:
        assert part in text, part

    pdf = letters.render_pdf(request_obj)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    for part in expected:
        assert squeeze(part) in text, part
    assert "{" not in text


def test_the_letter_is_laid_out_as_a_letter(agency):
    title, blocks = letters.render_letter(replied(Outcome.DISCLOSED, agency=agency))
    assert title == "政府信息公开告知书"
    salutation, opening = blocks[0], blocks[1]
    assert salutation == Paragraph("王建国：", indent_first_line=False)
    assert opening.indent_first_line
    assert opening.text.startswith("本机关于2025年3月3日收到您提出的政府信息公开申请")
    assert (
        "申请内容为：“申请公开本县 2024 年城区道路改造工程的招标文件及中标结果”。" in opening.text
    )
    assert blocks[-2] == Paragraph(REMEDIES)
    assert blocks[-1] == Signature(["示范县人民政府办公室", "2025年3月20日"])
    # An empty reply leaves no empty paragraph.
    request_obj = replied(Outcome.DISCLOSED, tracking_number="YSQ202500002", reply_text=" ")
    _title, blocks = letters.render_letter(request_obj)
    assert all(block.text.strip() for block in blocks if isinstance(block, Paragraph))


def test_an_edited_template_is_used(agency):
    template = ReplyTemplate.objects.get(outcome_group="partly_disclosed")
    template.title = "{agency}部分公开告知书"
    template.body = "{applicant}：\n您的申请（{tracking_number}）部分公开，信息处理费{fee}元。"
    template.remedies = "如不服，可向示范市人民政府申请行政复议。"
    template.full_clean()
    template.save()
    request_obj = replied(Outcome.PARTLY_DISCLOSED, agency=agency)

    title, blocks = letters.render_letter(request_obj)
    assert title == "示范县人民政府办公室部分公开告知书"
    assert [block.text for block in blocks[:3]] == [
        "王建国：",
        "您的申请（YSQ202500001）部分公开，信息处理费0元。",
        "如不服，可向示范市人民政府申请行政复议。",
    ]
    text = docx_text(letters.render_docx(request_obj))
    assert "示范市人民政府" in text
    assert REMEDIES not in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{applicant.__class__}", "{applicant.__class__}"),
        ("{applicant[0]}", "{applicant[0]}"),
        ("{address}", "{address}"),
        ("尊敬的{applicant", "brace"),
        ("}", "brace"),
    ],
)
def test_templates_refuse_unknown_placeholders(body, message):
    template = ReplyTemplate(outcome_group="other", title="答复书", body=body, remedies="……")
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            template.clean()
        assert "body" in raised.value.message_dict
        assert message in " ".join(raised.value.message_dict["body"])


def test_placeholders_are_filled_safely():
    values = {"applicant": "王建国", "fee": "100"}
    assert letters.fill("{applicant}：{{原样}}", values) == "王建国：{原样}"
    # Attribute and index access, conversions and format specs are never evaluated.
    assert letters.fill("{applicant.__class__}{applicant[0]}", values) == (
        "{applicant.__class__}{applicant[0]}"
    )
    assert letters.fill("{applicant!r}{fee:>999999999}", values) == "王建国100"
    assert letters.fill("{unknown}{}", values) == "{unknown}{}"
    assert letters.fill("{applicant", values) == "{applicant"  # not parsed: left as it is
    assert letters.fill("", values) == ""


def test_a_malicious_template_in_the_database_is_not_evaluated(agency):
    ReplyTemplate.objects.filter(outcome_group="disclosed").update(
        body="{applicant}：\n{applicant.__class__.__mro__} {description!r:>99999999} {{x}}"
    )
    request_obj = replied(
        Outcome.DISCLOSED, description="<b>{applicant}</b> & {tracking_number.__class__}"
    )
    _title, blocks = letters.render_letter(request_obj)
    assert blocks[1].text == (
        "{applicant.__class__.__mro__} <b>{applicant}</b> & {tracking_number.__class__} {x}"
    )
    text = docx_text(letters.render_docx(request_obj))
    assert "class 'str'" not in text
    assert "<b>{applicant}</b> & {tracking_number.__class__}" in text
    assert squeeze("<b>{applicant}</b>&{tracking_number.__class__}") in pdf_text(
        letters.render_pdf(request_obj)
    )


def test_control_characters_from_a_web_form_do_not_break_the_files():
    request_obj = replied(
        Outcome.DISCLOSED, description="第一项\x0b\x1b；\r\n第二项\t（附表）", name="王\x07建国"
    )
    text = docx_text(letters.render_docx(request_obj))
    assert "王建国：" in text
    assert "第一项；\n第二项 （附表）" in text
    assert "第一项；第二项（附表）" in pdf_text(letters.render_pdf(request_obj))


def test_a_sample_letter_for_people_to_look_at(agency):
    """Writes ``test-artifacts/letters/reply-sample.{docx,pdf,png}``."""
    request_obj = replied(
        Outcome.PARTLY_DISCLOSED,
        agency=agency,
        description=(
            "申请公开本县2024年城区道路改造工程（人民路、建设路段）的招标文件、评标报告及中标结果，"
            "以及工程款支付情况。"
        ),
        reply_text=(
            "经查，您申请获取的招标文件及中标结果由本机关制作并保存，现予提供（见附件1、附件2）。\n"
            "评标报告中含有评标专家的个人信息，公开后可能损害第三方合法权益，本机关对该部分内容"
            "作区分处理后提供（见附件3）。工程款支付情况由县财政局负责，请向该局咨询，"
            "联系电话：0000-12345678。"
        ),
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = letters.render_pdf(request_obj)
    (ARTIFACTS / "reply-sample.docx").write_bytes(letters.render_docx(request_obj))
    (ARTIFACTS / "reply-sample.pdf").write_bytes(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
            + [str(ARTIFACTS / "reply-sample.pdf"), str(ARTIFACTS / "reply-sample")],
            check=True,
            timeout=60,
        )
        assert (ARTIFACTS / "reply-sample.png").stat().st_size > 10_000


# The views -----------------------------------------------------------------------------------


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "content_type", "magic"),
    [
        (
            "test_letter_docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
        ("test_letter_pdf", "application/pdf", b"%PDF-"),
    ],
)
@with_views
def test_the_office_downloads_the_letter(disclosure_officer, name, content_type, magic):
    request_obj = replied(Outcome.DISCLOSED)
    response = client_for(disclosure_officer).get(reverse(name, args=[request_obj.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    extension = "docx" if "docx" in name else "pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="reply-YSQ202500001.{extension}"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(magic)


@pytest.mark.parametrize("name", ["test_letter_docx", "test_letter_pdf"])
@with_views
def test_others_get_no_letter(editor, name):
    request_obj = replied(Outcome.DISCLOSED)
    url = reverse(name, args=[request_obj.pk])
    for client in (client_for(editor), Client()):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Content-Disposition" not in response
        assert "王建国" not in response.content.decode()


@pytest.mark.parametrize("name", ["test_letter_docx", "test_letter_pdf"])
@with_views
def test_no_letter_without_an_outcome(disclosure_officer, name):
    client = client_for(disclosure_officer)
    request_obj = InformationRequestFactory()
    assert client.get(reverse(name, args=[request_obj.pk])).status_code == 404
    assert client.get(reverse(name, args=[request_obj.pk + 1000])).status_code == 404
    replied_obj = replied(Outcome.DISCLOSED, tracking_number="YSQ202500002")
    assert client.post(reverse(name, args=[replied_obj.pk])).status_code == 405


def test_the_templates_are_listed_in_the_order_of_the_groups(superuser):
    response = client_for(superuser).get(
        reverse("wagtailsnippets_gov_disclosure_applications_replytemplate:list")
    )
    assert response.status_code == 200
    html = response.content.decode()
    titles = [DEFAULT_LETTERS[group.code]["title"] for group in GROUPS]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)


# office_files --------------------------------------------------------------------------------


def test_docx_looks_like_an_official_document():
    from docx.oxml.ns import qn

    content = office_files.build_docx(
        "关于某某事项的通知",
        [
            Paragraph("各乡镇人民政府：", indent_first_line=False),
            Paragraph("正文第一段。\n同一段的第二行。"),
            Heading("一、总体情况"),
            Signature(["示范县人民政府", "2025年3月20日"]),
        ],
        author="示范县人民政府",
    )
    document = Document(io.BytesIO(content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 28
    assert document.core_properties.title == "关于某某事项的通知"
    assert document.core_properties.author == "示范县人民政府"

    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert fonts.get(qn("w:eastAsiaTheme")) is None

    title, salutation, body, heading, *signature = document.paragraphs
    assert title.text == "关于某某事项的通知"
    assert title.runs[0].font.size.pt == 22
    assert title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert salutation.paragraph_format.first_line_indent is None
    assert body.paragraph_format.first_line_indent.pt == 32
    assert body._p.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert body.text == "正文第一段。\n同一段的第二行。"
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert [p.text for p in signature] == ["示范县人民政府", "2025年3月20日"]
    assert all(p.alignment == 2 for p in signature)  # right
    date_indent = signature[1].paragraph_format.right_indent.pt
    assert date_indent == 4 * 16
    assert signature[0].paragraph_format.right_indent.pt < date_indent  # centred on the date
    assert "PAGE" in section.footer._element.xml


def test_tables_with_merged_cells_in_both_formats():
    table = Table(
        header=[
            [
                Cell("申请人情况", rowspan=2),
                Cell("法人或其他组织", colspan=2),
                Cell("总计", rowspan=2),
            ],
            ["商业企业", "科研机构"],
        ],
        rows=[["新收申请", 3, 1, 4], ["上年结转", 0, 2, 2]],
        widths=(3, 1, 1, 1),
    )
    document = Document(io.BytesIO(office_files.build_docx("表", [table])))
    (grid,) = document.tables
    assert (len(grid.rows), len(grid.columns)) == (4, 4)
    assert grid.cell(0, 1).text == grid.cell(0, 2).text == "法人或其他组织"
    assert grid.cell(0, 0).text == grid.cell(1, 0).text == "申请人情况"
    assert [cell.text for cell in grid.rows[3].cells] == ["上年结转", "0", "2", "2"]
    assert "w:tblHeader" in grid.rows[1]._tr.xml

    text = pdf_text(office_files.build_pdf("表", [table]))
    for part in ("申请人情况", "法人或其他组织", "商业企业", "科研机构", "新收申请", "上年结转"):
        assert part in text


def test_pdf_text_is_escaped_and_wrapped():
    text = "A&B <b>不是标记</b> " + "很长的一段文字，" * 40
    pdf = office_files.build_pdf("标题 <i>", [Paragraph(text), PageBreak(), Paragraph("第二页")])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert reader.metadata.title == "标题 <i>"
    extracted = pdf_text(pdf)
    assert squeeze(text) in extracted
    assert "第二页" in extracted


def test_line_breaking_follows_chinese_rules():
    def lines(text, chars_per_line):
        return [
            line
            for _space, line in office_files.break_lines(text, [1] * len(text), [chars_per_line])
        ]

    # A closing mark hangs at the end of the line instead of starting the next one.
    assert lines("一二三四，五六", 4) == ["一二三四，", "五六"]
    # Two closing marks: the character before them goes down with them.
    assert lines("一二三四”。五六", 4) == ["一二三", "四”。五", "六"]
    # An opening mark does not end a line.
    assert lines("一二三（四五）", 4) == ["一二三", "（四五）"]
    # A number is not cut, unless it is longer than a line.
    assert lines("编号YSQ2025", 6) == ["编号", "YSQ202", "5"]
    assert lines("一二 2025年", 6) == ["一二", "2025年"]
    assert lines("", 4) == []


def test_pdf_font_is_the_cid_font_without_a_truetype_font(monkeypatch):
    monkeypatch.setattr(office_files, "KNOWN_FONTS", ("/nonexistent/font.ttf",))
    office_files._system_font.cache_clear()
    try:
        font = office_files.pdf_font()
    finally:
        office_files._system_font.cache_clear()
    assert font == office_files.PdfFont("STSong-Light")
    assert not font.embedded
    pdf = office_files.build_pdf("答复书", [Paragraph("王建国：")])
    assert b"STSong-Light" in pdf
    assert "王建国" in pdf_text(pdf)


def test_a_system_truetype_font_is_found_and_embedded(monkeypatch):
    monkeypatch.setattr(office_files, "KNOWN_FONTS", ("/nonexistent/font.ttf", VERA))
    office_files._system_font.cache_clear()
    try:
        font = office_files.pdf_font()
        pdf = office_files.build_pdf("Reply", [Paragraph("Tracking number YSQ202500001")])
    finally:
        office_files._system_font.cache_clear()
    assert font.path == VERA
    assert font.embedded
    assert b"/FontFile2" in pdf
    assert "YSQ202500001" in pdf_text(pdf)


def test_the_configured_font_is_embedded():
    with override_settings(GOV_DISCLOSURE_PDF_FONT=VERA):
        assert office_files.pdf_font_name() == office_files.pdf_font().name
        assert office_files.pdf_font().path == VERA
        pdf = office_files.build_pdf("Reply", [Paragraph("Hello")])
    assert b"/FontFile2" in pdf


def test_a_font_that_cannot_be_embedded_falls_back_with_a_warning(tmp_path, caplog):
    not_a_font = tmp_path / "font.ttf"
    not_a_font.write_bytes(b"not a font at all")
    assert office_files.font_error(str(tmp_path / "missing.ttf")) == "no such file"
    assert office_files.font_error(str(not_a_font))
    with override_settings(GOV_DISCLOSURE_PDF_FONT=str(not_a_font)):
        with caplog.at_level(logging.WARNING, logger="gov_disclosure.office_files"):
            assert office_files.pdf_font_name() == "STSong-Light"
        office_files.build_pdf("答复书", [Paragraph("王建国")])
    assert "GOV_DISCLOSURE_PDF_FONT" in caplog.text


def test_the_pdf_font_setting_must_be_a_string():
    from gov_disclosure.app_settings import app_settings

    with override_settings(GOV_DISCLOSURE_PDF_FONT=42):
        assert [s.name for s, _value, _expected in app_settings.validate()] == ["PDF_FONT"]
    with override_settings(GOV_DISCLOSURE_PDF_FONT=""):
        assert app_settings.validate() == []


def test_blocks_refuse_nonsense():
    with pytest.raises(ValueError, match="align"):
        Paragraph("x", align="middle")
    with pytest.raises(ValueError, match="colspan"):
        Cell("x", colspan=0)
    with pytest.raises(TypeError, match="not a block"):
        office_files.build_docx("x", ["just a string"])
    with pytest.raises(TypeError, match="not a block"):
        office_files.build_pdf("x", ["just a string"])
