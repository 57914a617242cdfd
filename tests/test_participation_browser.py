"""Public participation in a real headless Chromium: a meeting record and an open
solicitation with its comment form, at desktop and phone widths.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in CI;
screenshots go to ``test-artifacts/screenshots/participation-*.png``.
"""

import datetime

import pytest
from django.utils import translation

from gov_disclosure.participation import services
from gov_disclosure.participation.models import Comment

from .browser_support import SCREENSHOTS, reads_well
from .factories import AgencyFactory
from .participation_factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    SolicitationIndexPageFactory,
    SolicitationPageFactory,
    representative,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date
TODAY = D(2026, 3, 10)


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


@pytest.fixture
def content(live_server, monkeypatch):
    from wagtail.models import Site

    monkeypatch.setattr(services, "today", lambda: TODAY)
    home = Site.objects.get(is_default_site=True).root_page
    government = AgencyFactory(name="示范县人民政府")
    meetings = MeetingIndexPageFactory(parent=home, title="公众参与会议", slug="gzcy")
    meeting = MeetingPageFactory(
        parent=meetings,
        title="县政府第12次常务会议",
        agency=government,
        meeting_date=D(2026, 3, 5),
        meeting_number="十八届县政府第12次常务会议",
        summary="<p>会议审议了《示范县城区停车管理办法（草案）》等3项议题，"
        "邀请4名公众代表列席并发表意见。</p>",
        children={
            "topics": [
                {
                    "title": "审议《示范县城区停车管理办法（草案）》",
                    "decision": "原则通过，修改后印发。",
                },
                {"title": "研究2026年城镇老旧小区改造计划", "decision": "同意实施。"},
            ],
            "representatives": [
                representative(
                    "王建国",
                    unit="城关街道滨河社区",
                    position="居民代表",
                    opinion="建议老旧小区周边道路夜间允许临时停车。",
                    adoption="adopted",
                    contact="13800000001",
                ),
                representative(
                    "李敏",
                    category="expert",
                    unit="示范职业技术学院",
                    position="副教授",
                    opinion="建议对新能源车辆实行差别化收费，并设置过渡期。",
                    adoption="partly",
                    reason="已增加一年过渡期；差别化收费需另行论证。",
                    contact="13800000002",
                ),
                representative(
                    "陈志强",
                    category="business",
                    unit="示范县商贸有限公司",
                    position="总经理",
                    opinion="建议商业街区实行分时段免费停车。",
                    adoption="not_adopted",
                    reason="商业街区停车位紧张，免费停车将加剧占道，暂不采纳。",
                    contact="13800000003",
                ),
                representative(
                    "刘芳",
                    category="media",
                    unit="示范县融媒体中心",
                    position="记者",
                    opinion="建议办法施行前开展集中宣传。",
                    adoption="under_study",
                    reason="正在制定宣传方案。",
                    contact="13800000004",
                ),
            ],
        },
    )
    solicitations = SolicitationIndexPageFactory(parent=home, title="意见征集", slug="yjzj")
    solicitation = SolicitationPageFactory(
        parent=solicitations,
        agency=government,
        title="关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告",
        notice="<p>为规范养犬行为，保障公民人身安全，维护市容环境和社会秩序，县公安局起草了"
        "《示范县养犬管理规定（征求意见稿）》，现向社会公开征求意见。</p>",
        draft_text="<p>第一条 为了加强养犬管理，规范养犬行为，根据有关法律法规，结合本县实际，"
        "制定本规定。</p><p>第二条 本县城区范围内的养犬管理适用本规定。</p>",
        drafting_explanation="<p>近年来，城区养犬数量增长较快，犬只伤人、扰民等问题时有发生。</p>",
        email="yangquan@example.gov.cn",
        postal_address="示范县人民路8号县公安局治安大队（邮编 250000），"
        "请在信封上注明“养犬管理意见”。",
        opens_on=D(2026, 3, 1),
        closes_on=D(2026, 3, 31),
    )
    return {
        "meeting": (meeting.url, meeting.title),
        "solicitation": (solicitation.url, solicitation.title),
    }


def test_meeting_record(live_server, content, tab, viewport):
    path, title = content["meeting"]
    assert tab.goto(live_server.url + path).status == 200
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    rows = tab.locator(".gdpp-table tbody tr")
    assert rows.count() == 4
    assert "13800000001" not in tab.content()
    if viewport == "phone":
        # Each representative is a card: the name above the opinion, no table header shown.
        first = rows.first
        name = first.locator(".gdpp-person").bounding_box()
        opinion = first.locator("td").first.bounding_box()
        assert opinion["y"] > name["y"]
        assert (
            not tab.locator(".gdpp-table thead").is_visible()
            or tab.locator(".gdpp-table thead").bounding_box()["x"] < 0
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"participation-meeting-{viewport}.png"), full_page=True)


def test_open_solicitation_and_its_form(live_server, content, tab, viewport):
    path, title = content["solicitation"]
    assert tab.goto(live_server.url + path).status == 200
    assert tab.locator("h1").inner_text().strip() == title
    assert tab.locator(".gdpp-state").inner_text().strip() == zh("Open for comments")
    reads_well(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(
        path=str(SCREENSHOTS / f"participation-solicitation-{viewport}.png"), full_page=True
    )
    # The honeypot is out of sight and out of the keyboard's way.
    assert (
        not tab.locator("#id_gd_hp_check").is_visible()
        or tab.locator("#id_gd_hp_check").bounding_box()["x"] < 0
    )
    assert tab.locator("#id_gd_hp_check").get_attribute("tabindex") == "-1"

    # An empty comment is answered in Chinese, with a link to the field.
    tab.locator(".gdpp-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.locator(".gd-notice--error").is_visible()
    assert zh("Write your comment before sending it.") in tab.locator("#id_text-error").inner_text()

    tab.fill("#id_name", "赵女士")
    tab.fill("#id_contact", "13900001111")
    tab.fill("#id_text", "建议明确每户限养犬只数量，并对大型犬实行登记备案。")
    tab.locator(".gdpp-form button[type=submit]").click()
    tab.wait_for_load_state()
    receipt = tab.locator(".gdpp-receipt__number").inner_text().strip()
    assert receipt == Comment.objects.get().receipt_number
    assert "13900001111" not in tab.content()
    reads_well(tab)
    tab.screenshot(path=str(SCREENSHOTS / f"participation-receipt-{viewport}.png"), full_page=False)
