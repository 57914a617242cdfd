"""The public search page in a real headless Chromium, at desktop and phone widths: facets with
counts, 二次搜索 (search within the results), the keyboard alone, and no sideways scrolling.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in
CI; full-page screenshots go to ``test-artifacts/screenshots/search-*.png`` for a person to
look at. The checks go by the page's structure and ARIA, not its words, so they hold before
and after the Chinese catalogue has the search page's strings.
"""

import datetime
import re
from urllib.parse import urlencode

import pytest

from gov_disclosure.documents import services
from gov_disclosure.documents.models import Validity

from .browser_support import VIEWPORTS, reads_well, screenshot
from .document_factories import DocumentPageFactory
from .factories import AgencyFactory
from .search_support import Corpus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date

# Twelve more documents with 保护 in the title, so that "保护" finds more than a page of them
# (ten a page). Three of them, and one of the corpus's, also have 管理 in the title, and one
# more document has 管理 alone; the bodies never say 管理.
MORE = [
    # title, agency, theme, year, validity
    ("示范县古树名木保护管理办法", "env", "theme", 2025, "valid"),
    ("示范县湿地保护修复工作方案", "env", "sub_theme", 2025, "valid"),
    ("示范县未成年人保护工作实施意见", "edu", "other_theme", 2024, "valid"),
    ("示范县中小学生视力保护行动计划", "edu", "other_theme", 2025, "valid"),
    ("示范县耕地保护目标责任考核办法", "land", "theme", 2024, "valid"),
    ("示范县历史文化街区保护规划实施意见", "land", "theme", 2023, "valid"),
    ("示范县大气污染防治和生态保护若干措施", "env", "sub_theme", 2024, "valid"),
    ("示范县农村饮用水安全保护实施细则", "env", "theme", 2023, "expired"),
    ("示范县个人信息保护工作规范", "edu", "other_theme", 2025, "valid"),
    ("示范县消费者权益保护联席会议制度", "land", "other_theme", 2024, "valid"),
    ("示范县森林资源保护管理办法", "land", "theme", 2023, "repealed"),
    ("示范县河道保护管理规定", "env", "sub_theme", 2025, "valid"),
    ("示范县城市停车管理办法", "land", "theme", 2025, "valid"),  # 管理 without 保护
]
FOUND = 14  # the twelve, and the corpus's two
WITHIN = {
    "示范县饮用水水源地保护管理办法",
    "示范县古树名木保护管理办法",
    "示范县森林资源保护管理办法",
    "示范县河道保护管理规定",
}
PHONE_WIDTHS = (320, 375, 390)
# The facet (its heading's id) of the focused facet link; "" when the focus is elsewhere.
FACET_OF_FOCUS = """(document.activeElement.matches('.gds-facet__link')
    && document.activeElement.closest('.gds-facet').getAttribute('aria-labelledby')) || ''"""


@pytest.fixture
def content(live_server):
    from wagtail.models import Site

    corpus = Corpus(Site.objects.get(is_default_site=True).root_page)
    agencies = {
        "env": corpus.env_agency,
        "edu": corpus.edu_agency,
        "land": AgencyFactory(name="示范县自然资源和规划局"),
    }
    for number, (title, agency, theme, year, validity) in enumerate(MORE, start=10):
        subject = re.sub(r"^示范县|(保护|管理).*$", "", title) + ("保护" if "保护" in title else "")
        document = DocumentPageFactory(
            parent=corpus.library,
            title=title,
            document_number=f"示政办发〔{year}〕{number}号",
            agency=agencies[agency],
            theme_category=getattr(corpus, theme),
            date_written=D(year, 3, number),
            publication_date=D(year, 4, number),
            effective_date=D(year, 5, 1),
            body=[
                (
                    "paragraph",
                    f"<p>第一条 为了做好{subject}工作，落实各方责任，根据有关法律法规，"
                    "结合本县实际，制定本文件。</p>",
                )
            ],
        )
        if validity != Validity.VALID:
            services.change_validity(
                document, validity, changed_on=D(2025, 12, 1), reason="经清理，不再适用。"
            )
            # change_validity() writes with update(), which the search index does not hear
            # of; publishing the page again puts the new validity in the index.
            document.save_revision().publish()
    return {"hidden": [page.title for page in corpus.hidden.values()]}


def url(live_server, **params):
    return f"{live_server.url}/search/?{urlencode(params)}"


def count_shown(tab):
    """The number in the results heading (the live region)."""
    text = tab.locator("#gds-results-heading [role=status]").inner_text()
    return int(re.search(r"\d+", text).group())


def hit_titles(tab):
    return [t.strip() for t in tab.locator(".gds-hit__title").all_inner_texts()]


def open_facets(tab, viewport):
    """The facets stand open beside the results on a desktop, folded above them on a phone."""
    facets = tab.locator("details#gds-facets")
    if viewport == "phone":
        assert facets.get_attribute("open") is None
        facets_box = facets.bounding_box()
        assert facets_box["y"] < tab.locator(".gds-results").bounding_box()["y"]
        tab.locator(".gds-facets__summary").click()
    else:
        assert facets.get_attribute("open") is not None
        facets_box = facets.bounding_box()
        results_box = tab.locator(".gds-results").bounding_box()
        assert facets_box["x"] + facets_box["width"] <= results_box["x"]  # beside
    assert tab.locator(".gds-facet__link").first.is_visible()


def no_sideways_scrolling(tab, viewport):
    if viewport != "phone":
        reads_well(tab)
        return
    for width in PHONE_WIDTHS:
        tab.set_viewport_size({"width": width, "height": VIEWPORTS["phone"]["height"]})
        reads_well(tab)
    tab.set_viewport_size(VIEWPORTS["phone"])


def test_facets_count_and_narrow_the_results(live_server, content, tab, viewport):
    tab.goto(url(live_server))
    tab.fill("#gds-q", "保护")
    tab.locator(".gds-box__button").click()
    tab.wait_for_url(re.compile(r"q=%E4%BF%9D%E6%8A%A4"))

    assert count_shown(tab) == FOUND
    titles = hit_titles(tab)
    assert len(titles) == 10  # the first page
    assert all("保护" in title for title in titles)
    assert not set(titles) & set(content["hidden"])
    mark = tab.locator(".gds-hit__title mark").first
    assert mark.inner_text() == "保护"
    assert mark.evaluate("e => getComputedStyle(e).fontWeight") == "700"
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert tab.locator(".gds-hit__snippet mark").count() > 0

    # The facets: a labelled navigation region, a heading and a count for each choice.
    nav = tab.locator("nav.gds-facets__nav")
    assert nav.get_attribute("aria-label")
    open_facets(tab, viewport)
    agency = tab.locator(".gds-facet", has=tab.locator("#gds-facet-agency"))
    counts = {
        link.locator(".gds-facet__label").inner_text().strip(): int(
            link.locator(".gds-facet__count").inner_text().split()[0]
        )
        for link in agency.locator(".gds-facet__link").all()
    }
    assert counts == {"示范县生态环境局": 7, "示范县教育局": 3, "示范县自然资源和规划局": 4}
    for link in agency.locator(".gds-facet__link").all():
        assert link.locator(".gds-facet__count").is_visible()
        assert link.bounding_box()["height"] >= 44  # a finger-sized target
    no_sideways_scrolling(tab, viewport)
    screenshot(tab, f"search-facets-{viewport}")

    # Choosing one narrows the list, and the choice is marked for eyes and screen readers.
    agency.locator(".gds-facet__link", has_text="示范县教育局").click()
    tab.wait_for_url(re.compile(r"agency="))
    assert count_shown(tab) == 3
    agencies = tab.locator(".gds-hit__meta div:nth-child(2) dd").all_inner_texts()
    assert agencies == ["示范县教育局"] * 3
    if viewport == "phone":
        assert tab.locator("details#gds-facets").get_attribute("open") is None
        assert tab.locator(".gds-facets__chosen").is_visible()  # says a choice is made
        tab.locator(".gds-facets__summary").click()
    selected = tab.locator(".gds-facet__link[aria-current=true]")
    assert selected.count() == 1
    assert "示范县教育局" in selected.inner_text()
    assert tab.locator(".gds-active .gds-chip--remove").count() == 1
    no_sideways_scrolling(tab, viewport)
    screenshot(tab, f"search-facet-chosen-{viewport}")

    # Choosing it again takes the filter off.
    selected.click()
    tab.wait_for_url(lambda address: "agency=" not in address)
    assert count_shown(tab) == FOUND


def test_search_within_the_results(live_server, content, tab, viewport):
    tab.goto(url(live_server, q="保护"))
    assert count_shown(tab) == FOUND
    within = tab.locator("#gds-within")
    box = within.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # a checkbox that is easy to see and hit
    tab.locator("label[for=gds-within]").click()  # the label ticks it too
    assert within.is_checked()
    tab.fill("#gds-q", "管理")
    tab.locator(".gds-box__button").click()
    tab.wait_for_url(re.compile(r"wq="))

    assert count_shown(tab) == len(WITHIN)
    assert set(hit_titles(tab)) == WITHIN
    assert tab.locator("#gds-q").input_value() == "管理"
    line = tab.locator(".gds-within")
    assert line.is_visible()
    assert line.locator(".gds-chip").all_inner_texts() == ["保护"]
    assert tab.locator(".gds-hit__title mark", has_text="管理").count() == len(WITHIN)
    no_sideways_scrolling(tab, viewport)
    screenshot(tab, f"search-within-{viewport}")

    # "Search all content instead" drops the earlier words.
    line.locator("a").click()
    tab.wait_for_url(lambda address: "wq=" not in address)
    assert tab.locator(".gds-within").count() == 0
    assert count_shown(tab) == len(WITHIN) + 1  # and the parking rules, without 保护


def test_the_keyboard_alone(live_server, content, tab, viewport):
    tab.goto(url(live_server))

    # The skip link first, then the search box straight after it.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('gd-skip-link')")
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "gds-q"
    tab.keyboard.type("保护")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"q=%E4%BF%9D%E6%8A%A4"))
    assert count_shown(tab) == FOUND

    # On to the first agency in the facets (the skip link's #main has come along in the
    # address, so the keyboard starts in the main content), unfolding them on a phone.
    for _ in range(20):
        tab.keyboard.press("Tab")
        focused = tab.evaluate("document.activeElement.className")
        if "gds-facets__summary" in focused and viewport == "phone":
            tab.keyboard.press("Enter")  # unfolds them
        if tab.evaluate(FACET_OF_FOCUS) == "gds-facet-agency":
            break
    else:
        pytest.fail("no agency in the facets within twenty presses of Tab")
    link = tab.locator("#gds-facets .gds-facet__link:focus")
    background = link.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 221, 0)"  # the yellow focus highlight
    label = link.locator(".gds-facet__label").inner_text().strip()
    count = int(link.locator(".gds-facet__count").inner_text().split()[0])
    assert count < FOUND
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"agency="))
    assert count_shown(tab) == count
    assert label in tab.locator(".gds-active").inner_text()


def test_pager_fits_the_thumb(live_server, content, tab, viewport):
    tab.goto(url(live_server, q="保护"))
    pager = tab.locator(".gd-pager")
    for target in pager.locator("a, .gd-pager__current").all():
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    pager.locator("a[rel=next]").click()
    tab.wait_for_url(re.compile(r"page=2"))
    assert len(hit_titles(tab)) == FOUND - 10
    assert tab.locator(".gds-list").get_attribute("start") == "11"
    assert tab.locator(".gd-pager [aria-current=page]").inner_text() == "2"
    no_sideways_scrolling(tab, viewport)


def test_nothing_found(live_server, content, tab, viewport):
    tab.goto(url(live_server, q="宇宙飞船"))
    assert count_shown(tab) == 0
    assert tab.locator(".gds-facets").count() == 0
    assert tab.locator("#gds-within").count() == 0  # nothing to search within
    assert tab.locator("#gds-hint").is_visible()  # the advice comes back
    advice = tab.locator(".gds-nothing")
    assert advice.locator("li").count() >= 3
    main = tab.locator("main").bounding_box()
    assert advice.bounding_box()["width"] > main["width"] * 0.8  # no empty facet column
    no_sideways_scrolling(tab, viewport)
    screenshot(tab, f"search-nothing-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_usable_without_javascript(live_server, content, browser, viewport):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="zh-CN", java_script_enabled=False
    )
    tab = context.new_page()
    try:
        tab.goto(url(live_server, q="保护"))
        facets = tab.locator("details#gds-facets")
        assert facets.get_attribute("open") is None  # nothing opened it
        tab.locator(".gds-facets__summary").click()
        tab.locator(".gds-facet__link", has_text="示范县自然资源和规划局").click()
        tab.wait_for_url(re.compile(r"agency="))
        assert count_shown(tab) == 4
    finally:
        context.close()
