"""The demo portal in a real headless Chromium, at desktop and phone widths.

Needs Debian's ``chromium`` (and ``fonts-noto-cjk`` for the Chinese glyphs in the
screenshots); ``make test`` installs both when run as root. Without the browser the tests are
skipped locally and fail in CI. Full-page screenshots are saved under
``test-artifacts/screenshots/`` for a person to look at.
"""

import pytest
from django.core.management import call_command
from home import demo_content as demo

from .browser_support import SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTICLE = next(a for a in demo.ARTICLES if a["slug"] == "2026-q3-air-quality")
PAGES = {
    "home": ("/", demo.HOME_TITLE),
    "portal": (f"/{demo.PORTAL['slug']}/", demo.PORTAL["title"]),
    "article": (f"/{demo.PORTAL['slug']}/{ARTICLE['slug']}/", ARTICLE["title"]),
}


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", documents=24, verbosity=0)
    return live_server


@pytest.fixture
def content(demo_site):
    """What ``browser`` waits for (see ``conftest.browser``)."""
    return demo_site


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
