"""The display mode (适老化): large text and high contrast, kept in a cookie, switched without
JavaScript, and shown by a class on ``<html>`` of every public page."""

import re

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils import translation

from gov_disclosure.display import COOKIE_NAME, DisplayMode, parse_mode

from .factories import PortalPageFactory

pytestmark = pytest.mark.django_db

BAD_MODE = (
    "The display could not be changed: choose the standard view, large text or high contrast."
)


@pytest.fixture
def portal(root_page):
    return PortalPageFactory(parent=root_page, title="政府信息公开")


def html_classes(response):
    tag = re.search(r"<html[^>]*>", response.content.decode())[0]
    found = re.search(r'class="([^"]*)"', tag)
    return set(found[1].split()) if found else set()


@pytest.mark.parametrize(
    ("mode", "cookie"),
    [
        ("large", "large"),
        ("contrast", "contrast"),
        ("large-contrast", "large-contrast"),
        ("contrast-large", "large-contrast"),
        ("standard", "standard"),
    ],
)
def test_the_mode_is_kept_in_a_cookie_for_a_year(client, portal, mode, cookie):
    response = client.get("/display/", {"mode": mode, "next": portal.url})

    assert response.status_code == 302
    morsel = response.cookies[COOKIE_NAME]
    assert morsel.value == cookie
    assert morsel["max-age"] == 365 * 24 * 60 * 60
    assert morsel["samesite"] == "Lax"
    assert morsel["path"] == "/"


def test_a_get_without_javascript_goes_back_to_the_page(client, portal):
    response = client.get("/display/", {"mode": "large", "next": portal.url + "?page=2"})

    assert response.status_code == 302
    assert response["Location"] == portal.url + "?page=2"
    assert html_classes(client.get(portal.url)) == {"gd-mode-large"}


def test_without_next_it_goes_back_to_the_referring_page_of_this_site(client, portal):
    referer = "http://testserver" + portal.url
    response = client.get("/display/?mode=contrast", headers={"referer": referer})
    assert response["Location"] == referer

    response = client.get("/display/?mode=contrast")
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://evil.example/",
        "//evil.example/xxgk/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "https:///evil.example",
    ],
)
def test_next_on_another_site_is_not_followed(client, portal, unsafe):
    response = client.get("/display/", {"mode": "large", "next": unsafe})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[COOKIE_NAME].value == "large"


def test_a_referer_on_another_site_is_not_followed(client):
    response = client.get("/display/?mode=large", headers={"referer": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("mode", ["", "huge", "large-huge", "large-", "standard-large"])
def test_a_mode_that_does_not_exist_is_answered_with_400_and_a_message(client, portal, mode):
    response = client.get("/display/", {"mode": mode, "next": portal.url})

    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies
    with translation.override("zh-hans"):
        message = translation.gettext(BAD_MODE)
    html = response.content.decode()
    assert message in html
    assert f'href="{portal.url}"' in html  # the way back


def test_the_message_follows_the_language_of_the_address(client):
    response = client.get("/en/display/", {"mode": "huge"})

    assert response.status_code == 400
    assert BAD_MODE in response.content.decode()


def test_a_post_needs_the_csrf_token(portal):
    client = Client(enforce_csrf_checks=True)
    data = {"mode": "contrast", "next": portal.url}

    assert client.post("/display/", data).status_code == 403

    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    response = client.post("/display/", {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == portal.url
    assert response.cookies[COOKIE_NAME].value == "contrast"


def test_other_methods_are_refused(client):
    assert client.put("/display/?mode=large").status_code == 405


@pytest.mark.parametrize(
    ("cookie", "classes"),
    [
        (None, set()),
        ("standard", set()),
        ("large", {"gd-mode-large"}),
        ("contrast", {"gd-mode-contrast"}),
        ("large-contrast", {"gd-mode-large", "gd-mode-contrast"}),
        ("rubbish", set()),
    ],
)
def test_every_public_page_shows_the_mode_as_a_class_on_html(client, portal, cookie, classes):
    if cookie:
        client.cookies[COOKIE_NAME] = cookie

    assert html_classes(client.get(portal.url)) == classes
    assert html_classes(client.get("/search/", {"q": "通知"})) == classes


def test_the_switch_in_the_header_says_which_modes_are_on(client, portal):
    html = client.get(portal.url).content.decode()
    switch = re.search(r'<form class="gd-display".*?</form>', html, re.DOTALL)[0]
    assert 'action="/display/"' in switch and 'method="get"' in switch
    assert f'name="next" value="{portal.url}"' in switch
    buttons = re.findall(r'<button[^>]*value="([\w-]+)" aria-pressed="(\w+)"', switch)
    assert buttons == [("large", "false"), ("contrast", "false")]
    assert 'value="standard"' not in switch  # already the standard view

    client.cookies[COOKIE_NAME] = "large"
    switch = re.search(
        r'<form class="gd-display".*?</form>', client.get(portal.url).content.decode(), re.DOTALL
    )[0]
    buttons = re.findall(r'<button[^>]*value="([\w-]+)" aria-pressed="(\w+)"', switch)
    # Pressing 大字版 again turns it off; 高对比度 adds contrast to the large text.
    assert buttons == [("standard", "true"), ("large-contrast", "false")]
    assert 'value="standard">' in switch


def test_the_switch_is_left_out_when_the_site_has_not_added_its_urls(client, portal, settings):
    settings.ROOT_URLCONF = "tests.urls_without_display"
    html = client.get(portal.url).content.decode()
    assert "gd-display" not in html


def test_parse_mode():
    assert parse_mode("standard") == DisplayMode()
    assert parse_mode("large") == DisplayMode(large=True)
    assert parse_mode("contrast-large") == DisplayMode(large=True, contrast=True)
    assert parse_mode("") is None
    assert parse_mode("bold") is None
    assert DisplayMode(large=True, contrast=True).value == "large-contrast"
    assert DisplayMode().value == "standard"
