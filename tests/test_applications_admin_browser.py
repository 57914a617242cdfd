"""The disclosure office's list of requests in a real headless Chromium, at desktop and phone
widths: the most urgent first, overdue ones marked in words. Screenshots go to
``test-artifacts/screenshots/applications-admin-list-*.png``."""

import datetime

import pytest
from django.utils import translation

from gov_disclosure.applications import clock
from gov_disclosure.applications.outcomes import Outcome
from gov_disclosure.groups import DISCLOSURE_OFFICE

from .application_factories import InformationRequestFactory, organisation
from .browser_support import VIEWPORTS, log_in, screenshot
from .factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
D = datetime.date


@pytest.fixture
def content(live_server):
    today = clock.today()
    back = clock.WorkdayCalendar().add_workdays
    officer = UserFactory(username="officer", roles=[DISCLOSURE_OFFICE])
    overdue = InformationRequestFactory(name="刘桂芳", received_on=back(today, -25))
    InformationRequestFactory(
        **organisation(category="research", name="示州大学城乡规划研究所"),
        received_on=back(today, -18),
        assigned_to=officer,
    )
    InformationRequestFactory(name="赵志强", received_on=back(today, -3))
    InformationRequestFactory(
        name="孙丽",
        received_on=back(today, -30),
        outcome=Outcome.DISCLOSED,
        reply_sent_on=back(today, -12),
    )
    InformationRequestFactory(channel="online", received_on=None, name="周敏")
    return {"officer": officer, "overdue": overdue.tracking_number}


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_request_list(live_server, content, browser, width):
    context = browser.new_context(viewport=VIEWPORTS[width], locale="zh-CN")
    log_in(context, live_server, content["officer"])
    tab = context.new_page()
    tab.goto(f"{live_server.url}/admin/gov_disclosure_requests/")
    first_row = tab.locator("table.listing tbody tr").first
    assert content["overdue"] in first_row.inner_text()
    with translation.override("zh-hans"):
        overdue_words = (
            translation.ngettext(
                "%(counter)s working day overdue", "%(counter)s working days overdue", 5
            )
            .split("%(counter)s")[-1]
            .strip()
        )
    assert overdue_words in first_row.locator(".gd-overdue").inner_text()
    screenshot(tab, f"applications-admin-list-{width}", full_page=False)
    context.close()
