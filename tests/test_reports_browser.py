"""The annual reports in a real headless Chromium: a report with a county's figures at desktop
and phone widths, the index, and page 1 of the report's PDF as a picture.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in CI;
screenshots go to ``test-artifacts/screenshots/reports-*.png`` for a person to look at (the PDF's
first page as ``reports-pdf-page1.png``, drawn by pdfium).
"""

import urllib.request

import pytest
from django.utils import translation

from .browser_support import SCREENSHOTS, VIEWPORTS, reads_well
from .factories import AgencyFactory
from .report_factories import AnnualReportIndexPageFactory, AnnualReportPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


@pytest.fixture
def content(live_server):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    index = AnnualReportIndexPageFactory(
        parent=home,
        title="政府信息公开工作年度报告",
        slug="ndbg",
        intro="<p>按照《中华人民共和国政府信息公开条例》要求，本县各部门每年1月31日前、"
        "县政府每年3月31日前公布上一年度政府信息公开工作年度报告。</p>",
    )
    county = AgencyFactory(name="示范县人民政府", sort_order=0)
    report = AnnualReportPageFactory(
        parent=index,
        agency=county,
        year=2025,
        title="示范县人民政府2025年政府信息公开工作年度报告",
        overview=(
            "<p>2025年，示范县人民政府坚持以习近平新时代中国特色社会主义思想为指导，"
            "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
            "持续推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新成效。</p>"
            "<p><b>（一）主动公开。</b>全年通过政府门户网站主动公开政府信息3862条，"
            "其中政策文件214件、政策解读67篇，召开新闻发布会12场。</p>"
            "<p><b>（二）依申请公开。</b>全年新收政府信息公开申请128件，"
            "上年结转7件，均在法定期限内答复。</p>"
            "<ul><li>规范申请受理、审查、答复流程；</li><li>统一答复文书格式。</li></ul>"
        ),
        proactive_text="<p>本年度主动公开政府信息情况如下表：</p>",
        requests_text="<p>本年度收到和处理政府信息公开申请情况如下表：</p>",
        review_text="<p>本年度政府信息公开行政复议、行政诉讼情况如下表：</p>",
        problems=(
            "<p>主要问题：一是政策解读形式较为单一，图解、视频等解读占比不高；"
            "二是基层政务公开标准化规范化水平仍有待提升。</p>"
            "<p>改进措施：丰富解读形式，加强对乡镇（街道）的业务培训和指导。</p>"
        ),
        other_matters="<p>本年度无其他需要报告的事项。</p>",
    )
    for year, name in ((2025, "示范县教育和体育局"), (2024, "示范县人民政府")):
        AnnualReportPageFactory(
            parent=index,
            agency=county if name == county.name else AgencyFactory(name=name, sort_order=3),
            year=year,
        )
    return {
        "report": (report.url, report.title, report.url + report.reverse_subpage("as_pdf")),
        "index": (index.url, index.title),
    }


def test_report(live_server, content, tab, viewport):
    path, title, _pdf = content["report"]
    response = tab.goto(live_server.url + path)
    assert response.status == 200
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    assert tab.locator("table.gdr-table").count() == 3
    assert tab.locator("#table3-new-total").inner_text().strip() == "128"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"reports-page-{viewport}.png"), full_page=True)

    frame = tab.locator(".gdr-scroll:has(#table3)")
    hint = tab.locator("#hint-table3")
    overflows = frame.evaluate("e => e.scrollWidth > e.clientWidth")
    if viewport == "desktop":
        # The whole of Table 3 at once, no hint.
        assert not overflows
        assert not hint.is_visible()
    else:
        # Table 3 scrolls in its frame (not the page); its row headings stay in view.
        assert overflows
        assert hint.is_visible()
        label = tab.locator("#table3-new-person").locator("xpath=../th")
        before = label.bounding_box()
        frame.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        after = label.bounding_box()
        assert abs(after["x"] - before["x"]) < 1
        assert frame.evaluate("e => e.scrollLeft") > 100
        # The last column (总计) is now in view, beside the row headings.
        total = tab.locator("#table3-new-total").bounding_box()
        assert total["x"] + total["width"] <= VIEWPORTS["phone"]["width"]
        assert total["x"] >= after["x"] + after["width"] - 1
        frame.screenshot(path=str(SCREENSHOTS / "reports-page-phone-table3-scrolled.png"))
        reads_well(tab)

    # The contents lead to each section; the download links are there.
    tab.locator(".gdr-toc a").nth(2).click()
    assert tab.evaluate("location.hash") == "#section-requests"
    assert tab.locator(".gdr-download").count() == 3


def test_index(live_server, content, tab, viewport):
    path, title = content["index"]
    tab.goto(live_server.url + path)
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    assert tab.locator(".gdr-year__title").all_inner_texts() == [
        zh("Reports for %(year)s", year="2025"),
        zh("Reports for %(year)s", year="2024"),
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"reports-index-{viewport}.png"), full_page=True)

    tab.select_option("#id_year", "2024")
    tab.locator(".gd-filter__actions button").click()
    tab.wait_for_load_state()
    assert tab.locator(".gdr-reports__link").all_inner_texts() == [
        "示范县人民政府2024年政府信息公开工作年度报告"
    ]


def test_pdf_page_one(live_server, content):
    import pypdfium2 as pdfium

    _path, _title, pdf_path = content["report"]
    with urllib.request.urlopen(live_server.url + pdf_path) as response:  # noqa: S310
        assert response.headers["Content-Type"] == "application/pdf"
        pdf = pdfium.PdfDocument(response.read())
    assert len(pdf) >= 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    bitmap = pdf[0].render(scale=150 / 72)  # 150 dpi
    bitmap.to_pil().save(SCREENSHOTS / "reports-pdf-page1.png")
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
