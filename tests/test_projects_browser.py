"""The projects app in a real headless Chromium: a project half-way through its lifecycle and
the project index at desktop and phone widths, and the record form in the admin.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in CI;
full-page screenshots go to ``test-artifacts/screenshots/projects-*.png`` for a person to look
at.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from gov_disclosure.projects.lifecycle import Stage

from .browser_support import SCREENSHOTS, VIEWPORTS, log_in, reads_well
from .factories import AgencyFactory, UserFactory
from .project_factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectTypeFactory,
    attachment,
    record,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


@pytest.fixture
def content(live_server):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    index = ProjectIndexPageFactory(
        parent=home,
        title="重大建设项目",
        slug="zdxm",
        intro="<p>公开本县重大建设项目从审批到竣工的全过程信息，接受社会监督。</p>",
    )
    education = AgencyFactory(name="示范县教育和体育局")
    school = ProjectTypeFactory(name="学校")
    report = attachment("可行性研究报告批复", "pifu.pdf")
    half_way = ProjectPageFactory(
        parent=index,
        title="示范县城北中学新建工程",
        project_code="2403-370322-04-01-587316",
        project_type=school,
        agency=education,
        district="城北街道",
        address="示范县城北街道北环路以南、学府路以东",
        latitude=Decimal("36.651200"),
        longitude=Decimal("117.120100"),
        owner_unit="示范县教育和体育局",
        total_investment=Decimal("18600.00"),
        planned_start=D(2025, 6, 1),
        planned_completion=D(2027, 7, 31),
        actual_start=D(2025, 7, 8),
        current_stage=Stage.CONSTRUCTION,
        not_applicable_stages=["design_changes"],
        summary="<p>项目规划用地约68亩，新建教学楼、实验楼、图书馆、学生宿舍及400米标准运动场，"
        "建成后可提供48个教学班、2400个学位，缓解城北片区初中学位紧张问题。</p>",
        records=[
            record(
                Stage.APPROVAL_SERVICES,
                D(2025, 2, 10),
                "城北中学新建项目审批事项办理指南",
                service_item="政府投资项目可行性研究报告审批",
                handling_unit="示范县发展和改革局",
            ),
            record(
                Stage.APPROVAL_RESULTS,
                D(2025, 3, 3),
                "关于示范县城北中学新建项目可行性研究报告的批复",
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕21号",
                approving_unit="示范县发展和改革局",
                content="<p>原则同意该项目可行性研究报告。项目总投资18600万元，"
                "资金来源为县级财政资金和地方政府专项债券。</p>",
                attachments=[("file", {"document": report, "title": "批复文件"})],
            ),
            record(
                Stage.TENDERING,
                D(2025, 5, 12),
                "示范县城北中学新建工程施工总承包中标结果公示",
                tender_method="open",
                winning_bidder="示范建工集团有限公司",
                contract_amount=Decimal("15230.50"),
            ),
            record(
                Stage.LAND_EXPROPRIATION,
                D(2025, 4, 8),
                "城北中学项目用地征收补偿安置方案公告",
                approval_number="示政征〔2025〕6号",
                approving_unit="示范县人民政府",
                land_area=Decimal("68.20"),
                compensation="按照本县现行征地区片综合地价标准执行，地上附着物和青苗按评估价值补偿。",
            ),
            record(
                Stage.CONSTRUCTION,
                D(2025, 7, 8),
                "示范县城北中学新建工程开工",
                contractor="示范建工集团有限公司",
                supervisor="示范工程建设监理有限公司",
                content="<p>项目于2025年7月8日正式开工，计划工期24个月。</p>",
            ),
            record(
                Stage.QUALITY_SAFETY,
                D(2025, 10, 15),
                "第三季度工程质量安全监督检查情况",
                inspection_unit="示范县建设工程质量安全监督站",
                inspection_result="未发现重大质量安全隐患；脚手架连墙件设置不足，已责令限期整改。",
            ),
        ],
    )
    for number, (title, stage) in enumerate(
        [
            ("示范县滨河大道改造工程", Stage.TENDERING),
            ("示范县人民医院门诊楼扩建工程", Stage.COMPLETION),
            ("示范县全民健身中心建设项目", Stage.APPROVAL_RESULTS),
        ]
    ):
        fields = {}
        if stage == Stage.COMPLETION:
            fields = {"actual_start": D(2023, 5, 1), "actual_completion": D(2025, 9, 30)}
        ProjectPageFactory(
            parent=index,
            title=title,
            current_stage=stage,
            project_type=ProjectTypeFactory(name=["道路交通", "医院", "体育场馆"][number]),
            total_investment=Decimal(9000 + number * 4000),
            **fields,
        )
    return {
        "half_way": (half_way.url, half_way.title, half_way.pk),
        "index": (index.url, index.title, index.pk),
    }


def test_project_half_way(live_server, content, tab, viewport):
    path, title, _pk = content["half_way"]
    response = tab.goto(live_server.url + path)
    assert response.status == 200
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)

    # The progress summary comes first and says where the project is, in words.
    progress = tab.locator(".gdp-progress")
    assert progress.bounding_box()["y"] < tab.locator(".gdp-timeline").bounding_box()["y"]
    assert tab.locator(".gdp-progress__now").inner_text().strip() == zh(
        "Stage %(number)s of 8: %(stage)s", number=6, stage=zh("Construction")
    )
    if viewport == "phone":
        # At a glance: the summary and the stage bar fit in the first screen of a phone.
        steps = tab.locator(".gdp-steps").bounding_box()
        assert steps["y"] + steps["height"] <= VIEWPORTS["phone"]["height"]
    states = tab.locator(".gdp-timeline > li .gdp-state").all_inner_texts()
    assert states == [
        zh("Done"),
        zh("Done"),
        zh("Done"),
        zh("Done"),
        zh("Not applicable"),
        zh("Under way"),
        zh("Under way"),  # quality and safety supervision beside construction
        zh("Still to come"),
    ]

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"projects-half-way-{viewport}.png"), full_page=True)

    # A closed record opens in place, by keyboard too.
    approval = tab.locator(".gdp-record").nth(1)
    assert approval.get_attribute("open") is None
    approval.locator("summary").focus()
    tab.keyboard.press("Enter")
    assert approval.get_attribute("open") is not None
    assert approval.locator(".gdp-record__details").is_visible()
    assert "示发改投资〔2025〕21号" in approval.inner_text()
    summary = approval.locator("summary").bounding_box()
    assert summary["height"] >= 44  # a finger-sized target
    reads_well(tab)


def test_index_cards(live_server, content, tab, viewport):
    path, title, _pk = content["index"]
    tab.goto(live_server.url + path)
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    assert tab.locator(".gdp-card").count() == 4
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"projects-index-{viewport}.png"), full_page=True)

    tab.locator(".gd-filter__summary").click()
    tab.select_option("#id_stage", "completed")
    tab.locator(".gd-filter__actions button").click()
    tab.wait_for_load_state()
    assert tab.locator(".gdp-card__title").all_inner_texts() == ["示范县人民医院门诊楼扩建工程"]


def test_record_form_shows_the_fields_of_its_category(live_server, content, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    log_in(context, live_server, UserFactory(username="admin", is_superuser=True, is_staff=True))
    tab = context.new_page()
    _path, _title, pk = content["half_way"]
    from playwright.sync_api import expect

    tab.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
    tab.get_by_role("tab", name=zh("Lifecycle")).click()
    child = tab.locator("#inline_child_records-1")
    expect(child.locator(".gdp-stage-fields--approval_results")).to_be_visible()
    visible = [
        name for name in Stage.values if child.locator(f".gdp-stage-fields--{name}").is_visible()
    ]
    assert visible == ["approval_results"]
    child.locator("select[name='records-1-stage']").select_option("tendering")
    expect(child.locator(".gdp-stage-fields--tendering")).to_be_visible()
    assert not child.locator(".gdp-stage-fields--approval_results").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "projects-admin-record.png"), full_page=False)
    context.close()
