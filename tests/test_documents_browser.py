"""The documents app's public pages in a real headless Chromium, at desktop and phone widths.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in
CI; full-page screenshots go to ``test-artifacts/screenshots/documents-*.png`` for a person to
look at.
"""

import datetime

import pytest
from django.utils import translation

from gov_disclosure.documents import services
from gov_disclosure.documents.models import (
    CleanupBatch,
    CleanupDecision,
    CleanupResultPage,
    InterpretationType,
    Validity,
)

from .browser_support import SCREENSHOTS, reads_well
from .document_factories import (
    CataloguePageFactory,
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    InterpretationPageFactory,
    add_attachment,
    build_catalogue_history,
)
from .factories import AgencyFactory, ThemeCategoryFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date
TODAY = D(2026, 1, 15)

BODY = [
    (
        "paragraph",
        "<h2>第一章 总则</h2>"
        "<p>第一条 为了加强城市园林绿化管理，保护和改善城市生态环境，根据《城市绿化条例》"
        "等有关法律法规，结合本县实际，制定本办法。</p>"
        "<p>第二条 本办法适用于本县城市规划区内园林绿化的规划、建设、保护和管理。</p>"
        "<p>第三条 县住房和城乡建设局是本县城市园林绿化行政主管部门，负责本办法的组织实施。"
        "自然资源、财政、交通运输等部门按照各自职责，做好城市园林绿化相关工作。</p>",
    ),
    (
        "facts",
        [
            {"label": "起草单位", "value": "示范县住房和城乡建设局"},
            {"label": "咨询电话", "value": "0531-12345678"},
        ],
    ),
]


@pytest.fixture
def content(live_server, monkeypatch):
    """A library with documents in every state, a catalogue, and interpretations."""

    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    library = DocumentLibraryPageFactory(
        parent=home,
        title="政策文件库",
        slug="zcwjk",
        intro="<p>本库收录示范县人民政府及其部门制发的行政规范性文件和其他政策文件，"
        "可按发布机构、主题分类、年份、有效性检索。</p>",
    )
    build_catalogue_history(library, freeze)
    freeze(TODAY)
    office = AgencyFactory(name="示范县人民政府办公室", short_name="县政府办")
    housing = AgencyFactory(name="示范县住房和城乡建设局", short_name="县住建局")
    category = ThemeCategoryFactory(name="城乡建设、环境保护")
    for number, (title, agency) in enumerate(
        [
            ("示范县关于进一步优化营商环境的若干措施", office),
            ("示范县既有住宅加装电梯管理办法", housing),
            ("示范县城镇老旧小区改造实施方案", housing),
            ("示范县政府投资项目管理办法", office),
        ],
        start=50,
    ):
        DocumentPageFactory(
            parent=library,
            title=title,
            agency=agency,
            theme_category=category,
            document_number=f"示政办发〔2025〕{number}号",
            date_written=D(2025, 10, 10),
            publication_date=D(2025, 10, 20),
            effective_date=D(2025, 11, 1),
            expiry_date=D(2030, 10, 31),
        )
    valid = DocumentPageFactory(
        parent=library,
        title="示范县城市园林绿化管理办法",
        agency=office,
        theme_category=category,
        document_number="示政办发〔2025〕60号",
        registration_number="SFGS—2025—12",
        date_written=D(2025, 11, 2),
        publication_date=D(2025, 11, 10),
        effective_date=D(2025, 12, 1),
        expiry_date=D(2030, 11, 30),
        caption="2025年11月2日县政府第15次常务会议审议通过",
        body=BODY,
    )
    add_attachment(valid, "附件1：城市园林绿化管理责任清单", word=True)
    add_attachment(valid, "附件2：古树名木保护名录")
    InterpretationPageFactory(
        parent=library,
        document=valid,
        title="一图读懂《示范县城市园林绿化管理办法》",
        interpretation_type=InterpretationType.GRAPHIC,
        publication_date=D(2025, 11, 11),
    )
    interpretation = InterpretationPageFactory(
        parent=library,
        document=valid,
        title="县住建局负责人就《示范县城市园林绿化管理办法》答记者问",
        interpretation_type=InterpretationType.QA,
        agency=housing,
        publication_date=D(2025, 11, 12),
        summary="近日，《示范县城市园林绿化管理办法》印发实施。县住建局负责人就办法出台的背景"
        "和主要内容回答了记者提问。",
        body=[
            (
                "question_answer",
                {
                    "question": "为什么要出台这个办法？",
                    "answer": "<p>原暂行办法施行已满两年，城市绿化管理中出现了一些新情况、"
                    "新问题，需要加以规范。</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "办法适用于哪些区域？",
                    "answer": "<p>适用于本县城市规划区内园林绿化的规划、建设、保护和管理。</p>",
                },
            ),
        ],
    )
    freeze(D(2023, 3, 1))
    repealed = DocumentPageFactory(
        parent=library,
        title="示范县城市绿化管理暂行办法",
        agency=office,
        theme_category=category,
        document_number="示政办发〔2023〕8号",
        date_written=D(2023, 2, 10),
        publication_date=D(2023, 2, 20),
        effective_date=D(2023, 3, 1),
        expiry_date=D(2028, 2, 29),
        caption="2023年2月10日县政府第4次常务会议审议通过",
        body=BODY[:1],
    )
    freeze(TODAY)
    services.change_validity(
        repealed,
        Validity.REPEALED,
        changed_on=D(2025, 12, 1),
        reason="已由《示范县城市园林绿化管理办法》取代",
        replaced_by=valid,
    )
    catalogue = CataloguePageFactory(parent=library, title="现行有效行政规范性文件目录")
    batch = CleanupBatch.objects.create(
        title="2025年度行政规范性文件清理",
        review_date=D(2025, 12, 1),
        basis="根据《示范县行政规范性文件管理办法》第二十条，对县政府制发的文件进行全面清理。",
    )
    for order, (document, decision, reason) in enumerate(
        [
            (valid, CleanupDecision.Decision.CONTINUE, "符合上位法规定，继续有效。"),
            (repealed, CleanupDecision.Decision.REPEAL, "已被新办法取代。"),
        ]
    ):
        CleanupDecision.objects.create(
            batch=batch, document=document, decision=decision, reason=reason, sort_order=order
        )
    cleanup = CleanupResultPage(
        title="2025年度行政规范性文件清理结果", slug="qingli-2025", batch=batch
    )
    library.add_child(instance=cleanup)
    cleanup.save_revision().publish()
    return {
        "library": (library.url, library.title),
        "valid": (valid.url, valid.title),
        "repealed": (repealed.url, repealed.title),
        "catalogue": (catalogue.url, catalogue.title),
        "interpretation": (interpretation.url, interpretation.title),
        "cleanup": (cleanup.url, cleanup.title),
    }


@pytest.mark.parametrize(
    "name", ["library", "valid", "repealed", "catalogue", "interpretation", "cleanup"]
)
def test_page_reads_well(live_server, content, tab, viewport, name):
    path, title = content[name]

    response = tab.goto(live_server.url + path)

    assert response.status == 200
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"documents-{name}-{viewport}.png"), full_page=True)

    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    assert tab.evaluate("getComputedStyle(document.body).fontSize") == "18px"


def test_repealed_banner_and_metadata_layout(live_server, content, tab, viewport):
    path, _title = content["repealed"]
    tab.goto(live_server.url + path)

    banner = tab.locator(".gdd-banner")
    assert banner.is_visible()
    with translation.override("zh-hans"):
        expected = translation.gettext("This document has been repealed")
    assert banner.locator(".gdd-banner__title").inner_text() == expected
    banner_box = banner.bounding_box()
    table_box = tab.locator(".gdd-meta").bounding_box()
    assert banner_box["y"] < table_box["y"]  # the first thing a reader sees
    banner.locator("a").click()
    assert tab.locator("h1").inner_text().strip() == content["valid"][1]

    tab.goto(live_server.url + path)
    labels = tab.locator(".gdd-meta th")
    first, second = labels.nth(0).bounding_box(), labels.nth(1).bounding_box()
    value = tab.locator(".gdd-meta td").first.bounding_box()
    assert value["x"] >= first["x"] + first["width"] - 1  # each label beside its value
    if viewport == "phone":
        assert second["y"] >= first["y"] + first["height"] - 1  # one pair a line
    else:
        assert second["y"] == first["y"]  # two pairs a row, as on the official pages


def test_filters_work_on_a_phone(live_server, content, tab, viewport):
    path, _title = content["library"]
    tab.goto(live_server.url + path)
    details = tab.locator("details.gd-filter__more")
    assert details.get_attribute("open") is None
    tab.locator(".gd-filter__summary").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"documents-filters-{viewport}.png"), full_page=True)
    tab.select_option("#id_validity", "repealed")
    tab.locator(".gd-filter__actions button").click()
    tab.wait_for_load_state()
    titles = tab.locator(".gdd-result__title").all_inner_texts()
    assert content["repealed"][1] in titles
    assert tab.locator(".gdd-result .gdd-validity--repealed").count() == len(titles)
    assert tab.locator("details.gd-filter__more").get_attribute("open") is not None
    select = tab.locator("#id_validity").bounding_box()
    assert select["height"] >= 44  # a finger-sized target
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_catalogue_date_form(live_server, content, tab, viewport):
    path, _title = content["catalogue"]
    tab.goto(live_server.url + path)
    tab.fill("#catalogue-date", "2025-05-31")
    tab.locator(".gdd-datepicker button").click()
    tab.wait_for_load_state()
    assert "date=2025-05-31" in tab.url
    rows = tab.locator("table.gdd-table tbody tr")
    assert rows.count() == 5  # four from the history, and the repealed one
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    response = tab.goto(live_server.url + path + "?date=2025-02-30")
    assert response.status == 400
    assert tab.locator(".gd-notice--error").is_visible()
    assert tab.locator("#catalogue-date").get_attribute("aria-invalid") == "true"
    tab.screenshot(path=str(SCREENSHOTS / f"documents-catalogue-error-{viewport}.png"))

    tab.goto(live_server.url + path + "?date=2026-12-31")
    assert tab.locator(".gd-notice--info").is_visible()
    tab.screenshot(path=str(SCREENSHOTS / f"documents-catalogue-future-{viewport}.png"))


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)  # one print layout is enough
def test_print_layout(live_server, content, tab, viewport):
    path, title = content["repealed"]
    tab.goto(live_server.url + path)
    tab.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "documents-print-repealed.png"), full_page=True)
    for hidden in (".gd-header", ".gd-breadcrumbs", ".gd-footer"):
        assert not tab.locator(hidden).is_visible()
    assert tab.locator(".gdd-banner").is_visible()
    assert tab.locator(".gdd-meta").is_visible()
    assert tab.locator("h1").inner_text().strip() == title
