"""What the browser tests share: Debian's Chromium, the viewports, where screenshots go, and
the checks every public page must pass. The fixtures are in ``conftest.py``.

Needs Debian's ``chromium`` (and ``fonts-noto-cjk`` for the Chinese glyphs in the screenshots);
``make test`` installs both when run as root. Without the browser the tests are skipped locally
and fail in CI.
"""

import os
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
