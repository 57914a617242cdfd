"""axe-core on every public page of the demo portal, in real headless Chromium: the standard
view, large text and high contrast, at desktop and phone widths; and the public forms with the
keyboard alone.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in
CI; screenshots go to ``test-artifacts/screenshots/accessibility-*.png``. Loading the demo
takes most of a minute, so this module loads it once (see ``demo``) and opens every page of a
mode and width in one tab. A failure lists every problem found, page by page.

The checks go by the pages' structure and ARIA, not their words, so they hold before and after
the Chinese catalogue has the new strings.
"""

import re
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from django.core.management import call_command
from django.test import TransactionTestCase, override_settings

from gov_disclosure.display import COOKIE_NAME

from .browser_support import VIEWPORTS, headless_chromium, screenshot

pytestmark = [
    pytest.mark.browser,
    # Counts this module among the tests that need the database serialized (pytest-django
    # does that at set-up). The database itself is handled by ``demo``, once for the module.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODES = {
    "standard": None,
    "large": "large",
    "contrast": "contrast",
}
# Serious and critical violations fail; moderate and minor ones (mostly best practices) do not.
FAILING_IMPACTS = {"serious", "critical"}

# What every page must have, besides what axe checks: one <main> that the skip link reaches,
# a banner, a navigation, a footer, one <h1>, a language, and no sideways scrolling.
STRUCTURE = """() => {
    const problems = [];
    const count = (selector) => document.querySelectorAll(selector).length;
    if (count('main#main') !== 1) problems.push('not exactly one <main id=main>');
    if (count('body > header, body > .gd-header') < 1) problems.push('no banner <header>');
    if (count('nav[aria-label]') < 1) problems.push('no labelled <nav>');
    if (count('body > footer') !== 1) problems.push('no <footer>');
    if (count('h1') !== 1) problems.push(`${count('h1')} <h1> elements`);
    const skip = document.querySelector('a.gd-skip-link');
    if (!skip || skip !== document.querySelector('body a[href]')) {
        problems.push('the skip link is not the first link');
    }
    if (!document.documentElement.lang) problems.push('no lang on <html>');
    if (document.documentElement.scrollWidth > window.innerWidth) {
        problems.push(`scrolls sideways (${document.documentElement.scrollWidth}px wide)`);
    }
    return problems;
}"""
# Whether the focused element shows where the focus is: an outline, a ring or a change of
# background (computed against the same element unfocused is not possible from here).
FOCUS_SHOWN = """() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    return outline || ring;
}"""
# The keys of the fields a keyboard should reach in a form, in document order: every visible,
# enabled control, a radio group once.
FORM_STOPS = """(form) => {
    const stops = [];
    const groups = new Set();
    for (const e of form.querySelectorAll('input, select, textarea, button')) {
        if (e.type === 'hidden' || e.disabled || e.tabIndex < 0 || !e.getClientRects().length
            || e.closest('[hidden], [aria-hidden=true]')) continue;
        if (e.type === 'radio') {
            if (groups.has(e.name)) continue;
            groups.add(e.name);
            stops.push('radio:' + e.name);
        } else {
            stops.push(e.id || e.name || e.type);
        }
    }
    return stops;
}"""
FOCUS_KEY = """() => {
    const e = document.activeElement;
    return e.type === 'radio' ? 'radio:' + e.name : (e.id || e.name || e.type || e.tagName);
}"""


class _DemoDatabase(TransactionTestCase):
    """The module's database: restored from the serialized state before, flushed after."""

    serialized_rollback = True


@pytest.fixture
def _django_db_helper():
    """Per test, nothing: ``demo`` set the database up for the whole module.

    Overrides pytest-django's own fixture of this name, which would flush the database after
    every test (and so the demo that took most of a minute to load).
    """


def _page_urls():
    from wagtail.models import Page

    from gov_disclosure.documents.models import DocumentPage, InterpretationPage, Validity
    from gov_disclosure.participation.models import SolicitationPage

    def first(model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first()

    def url(model, **filters):
        return first(model, **filters).url

    by_type = {}
    for page in Page.objects.live().specific().order_by("path"):
        by_type.setdefault(type(page).__name__, page)
    solicitations = {page.slug: page for page in SolicitationPage.objects.live()}
    application = by_type["ApplicationPage"]
    return {
        "home": by_type["HomePage"].url,
        "portal": by_type["DisclosurePortalPage"].url,
        "article": by_type["DisclosureArticlePage"].url,
        "library": by_type["DocumentLibraryPage"].url,
        "library-filtered": by_type["DocumentLibraryPage"].url + "?validity=repealed",
        "document-valid": url(DocumentPage, validity=Validity.VALID),
        "document-repealed": first(DocumentPage, validity=Validity.REPEALED).url
        if first(DocumentPage, validity=Validity.REPEALED)
        else url(DocumentPage, validity=Validity.EXPIRED),
        "interpretation": url(InterpretationPage),
        "catalogue": by_type["ValidDocumentsCataloguePage"].url,
        "catalogue-past": by_type["ValidDocumentsCataloguePage"].url + "?date=2024-06-30",
        "catalogue-error": by_type["ValidDocumentsCataloguePage"].url + "?date=2025-02-30",
        "project-index": by_type["ProjectIndexPage"].url,
        "project": by_type["ProjectPage"].url,
        "meeting-index": by_type["MeetingIndexPage"].url,
        "meeting": by_type["MeetingPage"].url,
        "solicitation-index": by_type["SolicitationIndexPage"].url,
        "solicitation-open": solicitations["dog-keeping-rules"].url,
        "solicitation-closed": solicitations["city-park-rules"].url,
        "standards-topic": by_type["StandardsTopicPage"].url,
        "standards-domain": "follow:a[href*='/domain/']",
        "standards-item": "follow:a[href*='/item/']",
        "guide": by_type["DisclosureGuidePage"].url,
        "disclosure-catalogue": by_type["DisclosureCataloguePage"].url,
        "application": application.url,
        "application-status": application.url + application.reverse_subpage("status"),
        "report-index": by_type["AnnualReportIndexPage"].url,
        "report": by_type["AnnualReportPage"].url,
        "search": "/search/",
        "search-results": "/search/?q=管理",
        "search-facet": "follow:.gds-facet__link",
        "display-error": "/display/?mode=bold",
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo portal, loaded once for the module and served by a live server of its own.

    ``live_server`` is not used: with it, pytest-django flushes the database after each test.
    The database stays unblocked for the module, for the server's thread.
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        _DemoDatabase.setUpClass()
        case = _DemoDatabase(methodName="__init__")
        if not _DemoDatabase._pre_setup_ran_eagerly:
            case._pre_setup()
        # Every sending here comes from 127.0.0.1: no budget shared with other tests.
        limits = override_settings(
            GOV_DISCLOSURE_APPLICATION_RATE_LIMIT=1000,
            GOV_DISCLOSURE_APPLICATION_STATUS_RATE_LIMIT=1000,
            GOV_DISCLOSURE_COMMENT_RATE_LIMIT=1000,
        )
        limits.enable()
        try:
            call_command("load_demo_content", documents=24, verbosity=0)
            pages = _page_urls()
            server = LiveServer("localhost")
            try:
                yield SimpleNamespace(url=server.url, pages=pages)
            finally:
                server.stop()
        finally:
            limits.disable()
            case._post_teardown()
            _DemoDatabase.tearDownClass()
            _DemoDatabase.doClassCleanups()


@pytest.fixture(scope="module")
def browser(chromium_path, demo):
    """One Chromium for the module (see ``browser_support.headless_chromium``)."""
    with headless_chromium(chromium_path) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def open_tab(browser, demo, viewport, mode=None):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    if mode:
        context.add_cookies([{"name": COOKIE_NAME, "value": mode, "url": demo.url}])
    return context, context.new_page()


def axe_problems(axe, tab, name, enhanced_contrast=False):
    """The serious and critical violations axe finds on the page, one line per element.

    axe files a contrast it measured at 1:1 (text the colour of its background) under
    "incomplete", in case the text is meant to be hidden; here such text is a violation too.
    """
    options = {"resultTypes": ["violations", "incomplete"]}
    if enhanced_contrast:
        # High contrast promises 7:1 (WCAG AAA), which axe checks only when asked.
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    response = axe.run(tab, options=options).response
    problems = []
    for kind in ("violations", "incomplete"):
        for violation in response[kind]:
            if violation["impact"] not in FAILING_IMPACTS:
                continue
            nodes = violation["nodes"]
            if kind == "incomplete":
                nodes = [node for node in nodes if MEASURED.search(node_message(node))]
            for node in nodes[:5]:
                summary = " ".join((node.get("failureSummary") or node_message(node)).split())
                problems.append(
                    f"{name}: {violation['id']} ({violation['impact']}) {violation['help']} "
                    f"at {node['target']}: {summary}"
                )
    return problems


MEASURED = re.compile(r"has a [\d.]+:1 contrast ratio")


def node_message(node):
    return " ".join(check.get("message") or "" for check in node.get("any", []))


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_public_page_passes_axe(browser, demo, axe, viewport, mode):
    context, tab = open_tab(browser, demo, viewport, MODES[mode])
    problems = []
    try:
        previous = None
        for name, path in demo.pages.items():
            if path.startswith("follow:"):
                link = tab.locator(path.removeprefix("follow:")).first
                assert link.count(), f"{name}: no link {path} on {previous}"
                response = tab.goto(urljoin(tab.url, link.get_attribute("href")))
            else:
                response = tab.goto(demo.url + path)
            expected = 400 if name in ("catalogue-error", "display-error") else 200
            if response.status != expected:
                problems.append(f"{name}: HTTP {response.status} at {tab.url}")
                continue
            previous = name
            problems += [f"{name}: {problem}" for problem in tab.evaluate(STRUCTURE)]
            problems += axe_problems(axe, tab, name, enhanced_contrast=mode == "contrast")
            font = tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            least = {"standard": 18, "large": 22 if viewport == "phone" else 24}.get(mode, 18)
            if font < least:
                problems.append(f"{name}: body text {font}px, less than {least}px")
            if mode == "contrast":
                background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
                if background != "rgb(0, 0, 0)":
                    problems.append(f"{name}: background {background}, not black")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("mode", ["large", "contrast"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_document_page_screenshots(browser, demo, viewport, mode):
    context, tab = open_tab(browser, demo, viewport, mode)
    try:
        tab.goto(demo.url + demo.pages["document-repealed"])
        screenshot(tab, f"accessibility-document-{mode}-{viewport}", full_page=False)
        tab.keyboard.press("Tab")  # the skip link
        tab.keyboard.press("Tab")  # the first button of the display switch
        screenshot(tab, f"accessibility-focus-{mode}-{viewport}", full_page=False)
        assert tab.evaluate(FOCUS_SHOWN)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_display_switch_by_keyboard(browser, demo, viewport):
    context, tab = open_tab(browser, demo, viewport)
    try:
        tab.goto(demo.url + demo.pages["document-valid"])
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.classList.contains('gd-skip-link')")
        tab.keyboard.press("Tab")
        large = tab.locator(".gd-display__button").nth(0)
        assert tab.evaluate("document.activeElement.classList.contains('gd-display__button')")
        assert large.get_attribute("aria-pressed") == "false"
        assert tab.evaluate(FOCUS_SHOWN)
        with tab.expect_navigation():
            tab.keyboard.press("Enter")

        # Back on the same page, in large text, with the button pressed.
        assert tab.url == demo.url + demo.pages["document-valid"]
        assert tab.evaluate("document.documentElement.classList.contains('gd-mode-large')")
        assert large.get_attribute("aria-pressed") == "true"
        # High contrast is added to large text, not instead of it.
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.getAttribute('value')") == "large-contrast"
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert (
            tab.evaluate("document.documentElement.className") == "gd-mode-large gd-mode-contrast"
        )

        # It holds on the next page, and the standard view undoes both.
        tab.goto(demo.url + demo.pages["library"])
        assert (
            tab.evaluate("document.documentElement.className") == "gd-mode-large gd-mode-contrast"
        )
        tab.locator(".gd-display__button--reset").focus()
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert tab.evaluate("document.documentElement.className") == ""
        assert tab.locator(".gd-display__button--reset").count() == 0
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def walk_form(tab, form_selector, submit_selector):
    """Tabs from the skip link to the form's submit button; returns the form's stops in order.

    Every focused element inside the form must show the focus.
    """
    form = tab.locator(form_selector)
    expected = form.evaluate(FORM_STOPS)
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")  # the skip link: the focus is on <main> now
    reached, unshown = [], []
    for _ in range(300):
        tab.keyboard.press("Tab")
        if not form.evaluate("(form) => form.contains(document.activeElement)"):
            if reached:
                break
            continue
        key = tab.evaluate(FOCUS_KEY)
        if key not in reached:
            reached.append(key)
        if not tab.evaluate(FOCUS_SHOWN):
            unshown.append(key)
        if tab.evaluate(f"document.activeElement.matches({submit_selector!r})"):
            break
    assert reached == expected, f"the keyboard reached {reached}, the form has {expected}"
    assert not unshown, f"no visible focus on {unshown}"
    return reached


def press_submit(tab, submit_selector):
    tab.locator(submit_selector).focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


def follows_first_error_link(tab, summary_selector):
    link = tab.locator(f"{summary_selector} a[href^='#']").first
    target = link.get_attribute("href").removeprefix("#")
    link.focus()
    tab.keyboard.press("Enter")
    return tab.evaluate("document.activeElement.id") == target


@pytest.mark.parametrize("mode", ["standard", "large"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_comment_form_by_keyboard(browser, demo, axe, viewport, mode):
    context, tab = open_tab(browser, demo, viewport, MODES[mode])
    try:
        tab.goto(demo.url + demo.pages["solicitation-open"])
        submit = ".gdpp-form button[type=submit]"
        stops = walk_form(tab, ".gdpp-form", submit)
        assert stops[-1] != "id_gd_hp_check" and "id_gd_hp_check" not in stops

        # An empty comment: the list of errors takes the focus, and is announced.
        press_submit(tab, submit)
        summary = tab.locator("#comment-errors")
        assert summary.get_attribute("role") == "alert"
        assert tab.evaluate("document.activeElement.id") == "comment-errors"
        assert follows_first_error_link(tab, "#comment-errors")
        assert axe_problems(axe, tab, "comment form with errors") == []

        # Written and sent with the keyboard alone.
        tab.locator("#id_text").focus()
        tab.keyboard.type("建议在公园入口设置养犬须知告示牌，并增设犬只便袋箱。")
        press_submit(tab, submit)
        assert tab.locator(".gdpp-receipt__number").count() == 1
        assert axe_problems(axe, tab, "comment receipt") == []
    finally:
        context.close()


@pytest.mark.parametrize("mode", ["standard", "contrast"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_application_form_by_keyboard(browser, demo, axe, viewport, mode):
    context, tab = open_tab(browser, demo, viewport, MODES[mode])
    try:
        tab.goto(demo.url + demo.pages["application"])
        submit = ".gda-form button[type=submit]"
        walk_form(tab, ".gda-form", submit)

        press_submit(tab, submit)
        assert tab.locator("#error-summary").get_attribute("role") == "alert"
        assert tab.evaluate("document.activeElement.id") == "error-summary"
        assert tab.evaluate(FOCUS_SHOWN)
        assert follows_first_error_link(tab, "#error-summary")
        assert axe_problems(axe, tab, "application form with errors") == []

        # The status look-up: its fields by keyboard, and a wrong secret is announced.
        tab.goto(demo.url + demo.pages["application-status"])
        status_form = "main form[method=post]"
        status_submit = f"{status_form} button[type=submit]"
        walk_form(tab, status_form, status_submit)
        press_submit(tab, status_submit)
        assert tab.locator("[role=alert]").count() >= 1
        assert axe_problems(axe, tab, "status look-up with errors") == []
    finally:
        context.close()


def type_date_by_keyboard(tab, field_id, iso):
    """Tabs into the date field and types ``iso`` into its parts.

    The parts' order follows the browser's own language (month first in Debian's headless
    Chromium, the year first in a Chinese one), so each order is tried until the field holds
    the date. The month and the day go on to the next part after two digits; a year may have
    six digits, so it waits for Tab.
    """
    parts = dict(zip("ymd", iso.split("-"), strict=True))
    for order in ("ymd", "mdy", "dmy"):
        tab.reload()
        tab.keyboard.press("Tab")
        tab.keyboard.press("Enter")  # the skip link
        for _ in range(50):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.id") == field_id:
                break
        for index, part in enumerate(order):
            tab.keyboard.type(parts[part])
            if part == "y" and index < 2:
                tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.value") == iso:
            return
    raise AssertionError(f"could not type {iso} into #{field_id}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_catalogue_date_form_by_keyboard(browser, demo, viewport):
    context, tab = open_tab(browser, demo, viewport, "large")
    try:
        tab.goto(demo.url + demo.pages["catalogue"])
        submit = ".gdd-datepicker button[type=submit]"
        stops = walk_form(tab, ".gdd-datepicker", submit)
        assert stops[0] == "catalogue-date"

        type_date_by_keyboard(tab, "catalogue-date", "2024-06-30")
        press_submit(tab, submit)
        assert re.search(r"date=2024-06-30", tab.url)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

        tab.goto(demo.url + demo.pages["catalogue-error"])
        assert tab.locator(".gd-notice--error").get_attribute("role") == "alert"
        assert tab.locator("#catalogue-date").get_attribute("aria-invalid") == "true"
    finally:
        context.close()
