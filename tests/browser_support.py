"""What the browser tests share: Debian's Chromium, the viewports, where screenshots go, and
the checks every public page must pass. The fixtures are in ``conftest.py``.

Needs Debian's ``chromium`` (and ``fonts-noto-cjk`` for the Chinese glyphs in the screenshots);
``make test`` installs both when run as root. Without the browser the tests are skipped locally
and fail in CI.
"""

import os
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def headless_chromium(path):
    """Debian's Chromium, headless, for a ``with`` block.

    While Playwright's sync API runs, an event loop is running in this thread, and Django then
    keeps database connections per async context: a connection opened now would not be the
    one the test database was set up on. So no database work happens while it runs; the
    environment variable only quiets Django's async-safety check should a query slip in.
    """
    import pytest
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield chromium
            finally:
                chromium.close()


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def screenshot(tab, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def reads_well(tab):
    """No sideways scrolling, and nothing in the main content smaller than 18px."""
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the page scrolls sideways"
    )
    small = tab.evaluate(
        """() => [...document.querySelectorAll('main *')]
            .filter(e => e.offsetParent !== null && e.closest('.gd-visually-hidden') === null
                         && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                         && parseFloat(getComputedStyle(e).fontSize) < 18)
            .map(e => `${e.tagName}.${e.className} ${getComputedStyle(e).fontSize}`)"""
    )
    assert small == [], small


def log_in(context, live_server, user):
    """Give the browser context the session of ``user`` (no login form to go through)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
