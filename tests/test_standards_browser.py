"""The standardized-disclosure topic in a real headless Chromium, at desktop and phone widths.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in CI;
full-page screenshots go to ``test-artifacts/screenshots/standards-*.png`` for a person to look
at (the ones in ``docs/screenshots/`` were taken from them).
"""

import datetime

import pytest
from django.utils import translation

from gov_disclosure.standards.models import CatalogueItemLink, PageCatalogueItem

from .browser_support import VIEWPORTS, log_in, reads_well, screenshot
from .factories import AgencyFactory, ArticlePageFactory, PortalPageFactory
from .standards_factories import (
    CatalogueFactory,
    CatalogueItemFactory,
    StandardsTopicPageFactory,
    domain,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date


def zh(message, context=None):
    with translation.override("zh-hans"):
        if context:
            return translation.pgettext(context, message)
        return translation.gettext(message)


@pytest.fixture
def content(live_server):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    portal = PortalPageFactory(
        parent=home, slug="xxgk", agency=AgencyFactory(name="示范县人民政府")
    )
    catalogue = CatalogueFactory(name="示范县基层政务公开标准目录（2026年版）")
    topic = StandardsTopicPageFactory(
        parent=portal,
        slug="bzhgf",
        catalogue=catalogue,
        intro="<p>对照26个试点领域编制标准目录，逐项明确公开内容、依据、时限、主体、渠道、对象、"
        "方式和层级。点击领域名称，可查看该领域的全部公开事项和已公开的信息。</p>",
    )
    relief = domain("社会救助")
    minimum = CatalogueItemFactory(
        catalogue=catalogue,
        domain=relief,
        number="1",
        level1="最低生活保障",
        level2="审核确认结果",
        time_limit="每季度",
        update_interval_days=92,
    )
    for quarter, day in ((3, D(2026, 10, 12)), (2, D(2026, 7, 10)), (1, D(2026, 4, 9))):
        article = ArticlePageFactory(
            parent=portal, title=f"2026年第{quarter}季度城乡低保对象公示", publication_date=day
        )
        CatalogueItemLink.objects.create(item=minimum, page=article, date=day)
    CatalogueItemLink.objects.create(
        item=minimum,
        url="https://www.mca.gov.cn/",
        title="全国低保对象信息查询",
        date=D(2026, 2, 1),
    )
    support = CatalogueItemFactory(
        catalogue=catalogue,
        domain=relief,
        number="2",
        level1="特困人员救助供养",
        level2="救助供养政策和标准",
        content="认定条件、供养标准、申请程序、办理机构",
        legal_basis="《社会救助暂行办法》《特困人员认定办法》",
        responsible_body="县民政局",
        channels="政府网站 政务新媒体",
    )
    PageCatalogueItem.objects.create(
        page=ArticlePageFactory(parent=portal, title="示范县2026年特困人员救助供养标准"),
        item=support,
    )
    empty = CatalogueItemFactory(
        catalogue=catalogue,
        domain=relief,
        number="3",
        level1="临时救助",
        level2="救助对象和救助金额",
        content="救助对象、救助事由、救助金额（隐去个人隐私信息）",
    )
    for name in ("城乡规划", "重大建设项目", "财政预决算", "就业", "义务教育"):
        CatalogueItemFactory(catalogue=catalogue, domain=domain(name), level1="公开事项")
    return {
        "topic": (topic.url, topic.title),
        "domain": (
            topic.url + topic.reverse_subpage("domain_section", args=[relief.pk]),
            relief.name,
            empty.anchor,
        ),
    }


def test_topic_overview(live_server, content, tab, viewport):
    path, title = content["topic"]
    response = tab.goto(live_server.url + path)
    assert response.status == 200
    assert tab.locator("h1").inner_text().strip() == title
    reads_well(tab)
    tiles = tab.locator(".gd-topic__domain")
    assert tiles.count() == 26
    first, second, third = (tiles.nth(n).bounding_box() for n in range(3))
    assert first["y"] == second["y"]  # side by side, two abreast even on a phone
    if viewport == "desktop":
        assert third["y"] == first["y"]
    else:
        assert third["y"] > first["y"]
    screenshot(tab, f"standards-topic-{viewport}")

    tab.get_by_role("link", name="社会救助").click()
    assert tab.locator("h1").inner_text().strip() == "社会救助"


def test_domain_section(live_server, content, tab, viewport):
    path, name, empty_anchor = content["domain"]
    response = tab.goto(live_server.url + path)
    assert response.status == 200
    assert tab.locator("h1").inner_text().strip() == name
    reads_well(tab)
    items = tab.locator(".gd-topic-item")
    assert items.count() == 3
    # Every column is labelled, and the empty item says so instead of showing nothing.
    labels = items.nth(0).locator("dt").all_inner_texts()
    assert [label.strip() for label in labels] == [
        zh("Content to disclose"),
        zh("Legal basis"),
        zh("Time limit", context="standard catalogue"),
        zh("Responsible body"),
        zh("Channels and media"),
        zh("Audience"),
        zh("Method"),
        zh("Level"),
    ]
    assert items.nth(0).locator(".gd-list__item").count() == 4
    none = tab.locator(f"#{empty_anchor} .gd-topic-item__none")
    assert none.is_visible()
    assert "本事项暂无公开信息" in none.inner_text()
    nav = tab.locator(".gd-topic__nav:visible").bounding_box()
    current = tab.locator('.gd-topic__nav:visible a[aria-current="page"]')
    first_item = items.nth(0).bounding_box()
    if viewport == "desktop":
        assert nav["x"] + nav["width"] <= first_item["x"]  # the domains beside the items
    else:
        assert nav["y"] + nav["height"] <= first_item["y"]  # above them on a phone
        assert nav["height"] < VIEWPORTS["phone"]["height"] / 4  # folded: the items come first
        screenshot(tab, f"standards-domain-{viewport}")
        tab.locator(".gd-topic__nav-summary").click()
        assert current.is_visible()
    assert current.text_content().strip() == name
    if viewport == "desktop":
        screenshot(tab, f"standards-domain-{viewport}")


def test_editor_works_in_the_admin_in_chinese(live_server, content, browser):
    """An editor (not a superuser) opens an item, the coverage report and a page's 标准目录 tab."""
    from gov_disclosure.groups import EDITORS
    from gov_disclosure.standards.models import CatalogueItem

    from .factories import UserFactory

    editor = UserFactory(username="bianji", roles=[EDITORS])
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    log_in(context, live_server, editor)
    tab = context.new_page()

    item = CatalogueItem.objects.get(level1="最低生活保障")
    tab.goto(f"{live_server.url}/admin/snippets/gov_disclosure_standards/catalogueitem/")
    assert "最低生活保障" in tab.locator("table.listing").inner_text()
    assert tab.get_by_role("link", name=zh("Import")).count() >= 1
    tab.goto(
        f"{live_server.url}/admin/snippets/gov_disclosure_standards/catalogueitem/edit/{item.pk}/"
    )
    form = tab.locator("main").inner_text()
    for label in (
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开主体",
        "更新周期（天）",
    ):
        assert label in form
    screenshot(tab, "standards-admin-item-edit", full_page=False)

    tab.goto(f"{live_server.url}/admin/standard-catalogue/reports/coverage/")
    assert tab.locator("#main h1, header h1").first.inner_text().strip() == "标准目录覆盖检查"
    report = tab.locator("table.listing").inner_text()
    assert "临时救助" in report  # the empty item
    screenshot(tab, "standards-admin-coverage", full_page=False)
    context.close()
