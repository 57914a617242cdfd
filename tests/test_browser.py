"""The demo portal in a real headless Chromium, at desktop and phone widths.

Needs Debian's ``chromium`` (and ``fonts-noto-cjk`` for the Chinese glyphs in the
screenshots); ``make test`` installs both when run as root. Without the browser the tests are
skipped locally and fail in CI. Full-page screenshots are saved under
``test-artifacts/screenshots/`` for a person to look at.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from home import demo_content as demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}
ARTICLE = next(a for a in demo.ARTICLES if a["slug"] == "2026-q3-air-quality")
PAGES = {
    "home": ("/", demo.HOME_TITLE),
    "portal": (f"/{demo.PORTAL['slug']}/", demo.PORTAL["title"]),
    "article": (f"/{demo.PORTAL['slug']}/{ARTICLE['slug']}/", ARTICLE["title"]),
}


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def chromium_path():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", documents=24, verbosity=0)
    return live_server


@pytest.fixture
def browser(chromium_path, demo_site):
    """Chromium, started after the demo content is loaded and stopped before the flush.

    While Playwright's sync API runs, an event loop is running in this thread, and Django then
    keeps database connections per async context: a connection opened now would not be the
    one the test database was set up on. So no database work happens while it runs; the
    environment variable only quiets Django's async-safety check should a query slip in.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def tab(browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_reads_well(demo_site, tab, viewport, name):
    path, title = PAGES[name]

    response = tab.goto(demo_site.url + path)

    assert response.status == 200
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport}.png"), full_page=True)

    assert tab.locator("h1").inner_text().strip() == title
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the page scrolls sideways"
    )
    assert tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18
    assert tab.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)") >= 18 * 1.6

    # The skip link is the first thing the keyboard reaches, it is visible then, and it
    # moves the focus to the main content.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('gd-skip-link')")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "#main"
    box = tab.locator(".gd-skip-link").bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"


def test_metadata_table_stacks_on_a_phone(demo_site, tab, viewport):
    path, _ = PAGES["article"]
    tab.goto(demo_site.url + path)

    header = tab.locator(".gd-meta th").first.bounding_box()
    cell = tab.locator(".gd-meta td").first.bounding_box()

    if viewport == "phone":
        assert cell["y"] >= header["y"] + header["height"] - 1  # label above value
    else:
        assert cell["x"] >= header["x"] + header["width"] - 1  # label beside value
