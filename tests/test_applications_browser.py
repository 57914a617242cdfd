"""Disclosure on application in a real headless Chromium, at desktop and phone widths: the form
with its list of errors, the receipt, the status look-up.

Same rules as ``test_browser.py``: skipped locally without Debian's ``chromium``, failing in CI;
screenshots go to ``test-artifacts/screenshots/applications-*.png``. Until the Chinese catalogue
has the new strings, the pages show their English msgids; ``zh()`` follows the catalogue.
"""

import datetime

import pytest
from django.utils import translation

from gov_disclosure.applications.outcomes import Outcome

from .application_factories import RESIDENT_IDS, ApplicationPageFactory, InformationRequestFactory
from .browser_support import VIEWPORTS, reads_well, screenshot
from .factories import AgencyFactory

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
def content(live_server, settings):
    from wagtail.models import Site

    # Every sending here comes from 127.0.0.1: no budget shared with other tests.
    settings.GOV_DISCLOSURE_APPLICATION_RATE_LIMIT = 1000
    home = Site.objects.get(is_default_site=True).root_page
    government = AgencyFactory(name="示范县人民政府办公室")
    page = ApplicationPageFactory(
        parent=home,
        title="政府信息公开申请",
        slug="ysqgk",
        agency=government,
        intro="<p>公民、法人或者其他组织可以通过本页面向示范县人民政府办公室申请获取政府信息。"
        "也可以到县政务服务中心一楼政务公开窗口当面提交，或者邮寄书面申请。</p>"
        "<p>咨询电话：0531-12345678（工作日 上午9:00—12:00，下午13:30—17:00）。</p>",
        after_submission="<p>我们将在三个工作日内通过电话与您确认收到申请的日期。</p>",
    )
    replied = InformationRequestFactory(
        agency=government,
        tracking_number="YSQ202600007",
        received_on=D(2026, 2, 2),
        outcome=Outcome.DISCLOSED,
        reply_sent_on=D(2026, 2, 27),
        name="王建国",
        phone="13912345678",
    )
    secret = replied.set_secret()
    replied.save()
    return {
        "form": page.url,
        "status": page.url + page.reverse_subpage("status"),
        "replied": (replied.tracking_number, secret),
    }


def full_width(tab, selector, viewport):
    """On a phone the element runs across the screen, less the page's margins."""
    box = tab.locator(selector).bounding_box()
    return box["width"] >= VIEWPORTS[viewport]["width"] - 3 * 18 * 2


def test_apply_and_look_up(live_server, content, tab, viewport):
    assert tab.goto(live_server.url + content["form"]).status == 200
    assert tab.locator("h1").inner_text().strip() == "政府信息公开申请"
    reads_well(tab)
    # The script shows only the part for the chosen kind of applicant.
    assert tab.locator("[data-gda-for=person]").is_visible()
    assert tab.locator("[data-gda-for=organisation]").is_hidden()
    screenshot(tab, f"applications-form-{viewport}")
    tab.locator("label[for=id_applicant_type_1]").click()
    assert tab.locator("[data-gda-for=organisation]").is_visible()
    assert tab.locator("[data-gda-for=person]").is_hidden()
    reads_well(tab)
    tab.locator("label[for=id_applicant_type_0]").click()
    assert tab.locator("[data-gda-for=organisation]").is_hidden()
    # The honeypot is out of sight and out of the keyboard's way.
    honeypot = tab.locator("#id_gd_hp_check")
    assert not honeypot.is_visible() or honeypot.bounding_box()["x"] < 0
    assert honeypot.get_attribute("tabindex") == "-1"
    if viewport == "phone":
        assert full_width(tab, "#id_name", viewport)
        assert full_width(tab, ".gda-form button[type=submit]", viewport)
    assert tab.locator("label[for=id_delivery_0]").bounding_box()["height"] >= 24
    assert tab.locator(".gda-radio").first.bounding_box()["height"] >= 48

    # Sent empty: the list of errors at the top, with the focus on it, links to the fields.
    tab.locator(".gda-form button[type=submit]").click()
    tab.wait_for_load_state()
    summary = tab.locator(".gda-summary")
    assert summary.is_visible()
    assert tab.evaluate("document.activeElement.id") == "error-summary"
    assert summary.locator('a[href="#id_name"]').count() == 1
    assert summary.locator('a[href="#id_description"]').count() == 1
    assert (
        zh("Describe the information you ask for.")
        in tab.locator("#id_description_error").inner_text()
    )
    assert tab.locator("#id_name").get_attribute("aria-invalid") == "true"
    reads_well(tab)
    screenshot(tab, f"applications-form-errors-{viewport}")
    summary.locator('a[href="#id_name"]').click()
    assert tab.evaluate("location.hash") == "#id_name"

    tab.fill("#id_name", "李秀英")
    tab.fill("#id_id_number", RESIDENT_IDS[1])
    tab.fill("#id_phone", "13987654321")
    tab.fill("#id_email", "lixiuying@example.com")
    tab.fill("#id_description", "申请公开本县2025年老旧小区改造项目的资金安排及实施计划。")
    tab.locator(".gda-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.url.endswith("/received/")
    number = tab.locator("#tracking-number").inner_text().strip()
    secret = tab.locator("#secret").inner_text().strip()
    assert number.startswith("YSQ") and len(secret) == 10
    assert "李秀英" not in tab.content() and "13987654321" not in tab.content()
    assert tab.locator("[data-gda-print]").is_visible()
    assert "我们将在三个工作日内" in tab.locator("main").inner_text()
    reads_well(tab)
    screenshot(tab, f"applications-received-{viewport}")

    # The status of the request just sent.
    tab.locator(f'main a[href="{content["status"]}"]').first.click()
    tab.wait_for_load_state()
    tab.fill("#id_tracking_number", number)
    tab.fill("#id_secret", secret.lower())
    tab.locator(".gda-form button[type=submit]").click()
    tab.wait_for_load_state()
    result = tab.locator(".gda-result").inner_text()
    assert number in result and zh("Awaiting confirmation") in result
    assert "李秀英" not in tab.content()


def test_status_of_a_replied_request(live_server, content, tab, viewport):
    number, secret = content["replied"]
    assert tab.goto(live_server.url + content["status"]).status == 200
    reads_well(tab)
    if viewport == "phone":
        assert full_width(tab, "#id_secret", viewport)
    tab.fill("#id_tracking_number", number)
    tab.fill("#id_secret", "WRONG12345")
    tab.locator(".gda-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.locator(".gd-notice--error").is_visible()
    assert tab.locator(".gda-result").count() == 0

    tab.fill("#id_secret", secret)
    tab.locator(".gda-form button[type=submit]").click()
    tab.wait_for_load_state()
    result = tab.locator(".gda-result").inner_text()
    assert number in result
    assert zh("Disclosed") in result and "2026-02-27" in result
    assert "王建国" not in tab.content() and "13912345678" not in tab.content()
    reads_well(tab)
    screenshot(tab, f"applications-status-{viewport}")
