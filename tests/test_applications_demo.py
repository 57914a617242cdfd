"""The example site's requests for disclosure on application (``home.demo_applications``)."""

import collections
import datetime
import io
import re

import pytest
from django.core.management import call_command
from home import demo_applications
from wagtail.models import Page, Revision

from gov_disclosure.applications import clock, fees
from gov_disclosure.applications.models import (
    ApplicantType,
    ApplicationPage,
    Channel,
    Consultation,
    InformationRequest,
    OrganisationCategory,
    Status,
)
from gov_disclosure.applications.models.requests import resident_id_error
from gov_disclosure.applications.outcomes import GROUP_OF, GROUPS, Outcome
from gov_disclosure.applications.statistics import request_statistics
from gov_disclosure.documents.models import DocumentPage
from gov_disclosure.workdays import WorkdayCalendar, add_workdays

from .demo_support import demo_loaded_once, patch_today
from .test_demo_content import TODAY

# The fewest documents that still include the one a reply points to.
DOCUMENTS = 5
START = demo_applications.anchor(TODAY)


def load(**kwargs):
    call_command("load_demo_content", documents=DOCUMENTS, verbosity=0, **kwargs)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's tests (see ``tests/demo_support.py``)."""
    with demo_loaded_once(django_db_blocker, TODAY, documents=DOCUMENTS):
        yield


@pytest.fixture
def page(demo_site, db, monkeypatch):
    patch_today(monkeypatch, TODAY)
    return ApplicationPage.objects.get(slug=demo_applications.PAGE["slug"])


@pytest.fixture
def requests(page):
    return list(
        InformationRequest.objects.filter(tracking_number__startswith="YSQDEMO")
        .select_related("agency", "published_page")
        .prefetch_related("consultations")
        .order_by("tracking_number")
    )


def snapshot():
    return {
        "requests": list(InformationRequest.objects.order_by("pk").values()),
        "consultations": list(Consultation.objects.order_by("pk").values()),
        "history": InformationRequest.history.count(),
        "consultation history": Consultation.history.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_page_under_the_portal(page):
    assert page.url == "/xxgk/ysqgk/" and page.title == "依申请公开"
    assert page.live and page.show_in_menus and not page.has_unpublished_changes
    assert page.agency.name == "示范县人民政府"
    for words in ("20个工作日", "7个工作日", "信息处理费", "当面", "信函", "传真", "查询码"):
        assert words in page.intro, words
    page.full_clean()


def test_a_year_of_requests_in_every_state(requests):
    assert len(requests) == len(demo_applications.REQUESTS) >= 60
    calendar = WorkdayCalendar()
    statuses = collections.Counter()
    for request in requests:
        request.full_clean()
        assert request.agency.name == "示范县人民政府"
        assert request.status == request.derive_status()
        assert (request.received_on is None) == (request.status == Status.SUBMITTED)
        for day in (request.received_on, request.reply_sent_on, request.clarification_sent_on):
            assert day is None or day <= START
        if request.clarification_sent_on:
            assert request.clarification_sent_on <= calendar.add_workdays(request.received_on, 7)
        if request.extension_days:
            assert request.extension_approved_on < clock.due_without_extension(request, on=TODAY)
        statuses[request.status] += 1
    assert set(statuses) == set(Status.values)
    assert statuses[Status.SUBMITTED] == 2 and statuses[Status.CLARIFICATION] == 1

    open_requests = [r for r in requests if r.status == Status.PROCESSING]
    overdue = [r for r in open_requests if r.due_on < TODAY]
    assert len(overdue) >= 3 and len(open_requests) - len(overdue) >= 5
    assert any(r.extension_days for r in overdue)
    assert any(r.extension_days and r.due_on >= TODAY for r in open_requests)
    assert any(r.clarified_on for r in open_requests)
    third_party = [
        c for r in open_requests for c in r.consultations.all() if c.kind == "third_party"
    ]
    assert {c.answered_on is None for c in third_party} == {True, False}
    assert any(c.kind == "agency" for r in open_requests for c in r.consultations.all())


def test_every_outcome_applicant_and_channel(requests):
    replied = [r for r in requests if r.status == Status.REPLIED]
    outcomes = collections.Counter(r.outcome for r in replied)

    assert set(outcomes) == set(Outcome.values)
    assert {GROUP_OF[o].code for o in outcomes} == {g.code for g in GROUPS}
    assert outcomes[Outcome.DISCLOSED] >= 10
    assert len([r for r in replied if r.reply_text]) >= 30
    assert {r.channel for r in requests} == set(Channel.values)
    assert {r.report_column for r in requests} == {
        ApplicantType.PERSON.value,
        *OrganisationCategory.values,
    }
    assert {r.id_type for r in requests if not r.is_organisation} >= {
        "resident_id",
        "hk_macao",
        "taiwan",
    }
    (published,) = [r for r in requests if r.published_page_id]
    assert published.outcome == Outcome.DISCLOSED
    assert isinstance(published.published_page.specific, DocumentPage)
    assert published.published_page.slug == demo_applications.PUBLISHED_DOCUMENT


def test_applicants_are_made_up_but_valid(requests):
    for request in requests:
        assert re.fullmatch(r"1380000\d{4}", request.phone), request
        assert request.email == "" or request.email.endswith("@example.com")
        if request.id_type == "resident_id":
            assert resident_id_error(request.id_number) is None, request.id_number
        assert request.secret_matches(demo_applications.DEMO_SECRET)
        assert (request.submission_token is not None) == (request.channel == Channel.ONLINE)


def test_carried_over_from_december(requests):
    new_year = START.replace(month=1, day=1)
    december = [
        r
        for r in requests
        if r.received_on and r.received_on.year == START.year - 1 and r.received_on.month == 12
    ]
    assert len(december) >= 5
    assert all(r.reply_sent_on is None or r.reply_sent_on >= new_year for r in december)

    table = request_statistics(START.year, agency=requests[0].agency)
    assert table.total(table.carried_over) >= 5
    handled, total = table.handled, table.total
    assert total(table.new) + total(table.carried_over) == total(handled) + total(
        table.carried_forward
    )
    assert {group.code for group in GROUPS if total(table.group(group))}


def test_one_applicant_pays_for_the_eleventh_and_twelfth_request(requests):
    by_month = collections.defaultdict(list)
    for request in requests:
        if request.received_on:
            month = (request.applicant_key, request.received_on.replace(day=1))
            by_month[month].append(request)
    ((key, month), same) = max(by_month.items(), key=lambda item: len(item[1]))
    same = fees.month_requests(same[0])

    assert len(same) == 12
    assert [r.fee_yuan for r in same] == [0] * 10 + [100, 100]
    eleventh, twelfth = same[10:]
    assert eleventh.fee_notice_sent_on and eleventh.fee_paid_on
    assert twelfth.fee_notice_sent_on and not twelfth.fee_paid_on
    assert twelfth.outcome == Outcome.OTHER_FEE_UNPAID
    assert sum(r.fee_yuan for r in requests) == 200


def test_history_follows_the_office_s_steps(requests):
    request = next(
        r
        for r in requests
        if r.channel == Channel.ONLINE and r.consultations.exists() and r.reply_sent_on
    )
    records = list(request.history.order_by("history_date", "history_id"))

    assert [r.history_type for r in records] == ["+"] + ["~"] * (len(records) - 1)
    assert records[0].received_on is None  # sent, then confirmed
    assert records[1].received_on == request.received_on
    assert records[-1].reply_sent_on == request.reply_sent_on
    assert records[-1].history_date.date() == request.reply_sent_on
    dates = [r.history_date for r in records]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)


def test_running_again_changes_nothing(page):
    before = snapshot()
    out = io.StringIO()

    call_command("load_demo_content", documents=DOCUMENTS, stdout=out)

    assert snapshot() == before
    count = len(demo_applications.REQUESTS)
    assert (
        f"Disclosure on application: /xxgk/ysqgk/ ({count} requests)" in out.getvalue()
        or f"依申请公开：/xxgk/ysqgk/（{count} 件申请）" in out.getvalue()
    )


def test_loading_later_moves_the_dates_and_keeps_the_rows(page, monkeypatch):
    rows = set(InformationRequest.objects.values_list("pk", "tracking_number"))
    consultations = set(Consultation.objects.values_list("pk", flat=True))
    later = TODAY + datetime.timedelta(days=20)
    monkeypatch.setattr(clock, "today", lambda: later)

    load()

    assert set(InformationRequest.objects.values_list("pk", "tracking_number")) == rows
    assert set(Consultation.objects.values_list("pk", flat=True)) == consultations
    assert InformationRequest.objects.get(tracking_number="YSQDEMO0003").received_on == (
        add_workdays(demo_applications.anchor(later), -1)
    )
    for request in InformationRequest.objects.all():
        request.full_clean()
    before = snapshot()

    load()

    assert snapshot() == before


def test_page_shows_no_personal_data(page, requests, client):
    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "依申请公开" in html
    for request in requests:
        for value in (request.name, request.id_number, request.phone, request.email):
            assert not value or value not in html, value


class RememberingCalendar(WorkdayCalendar):
    """Asks about each day once: the test below walks the same days many times."""

    def __init__(self):
        super().__init__()
        self._days = {}

    def is_workday(self, day):
        if day not in self._days:
            self._days[day] = super().is_workday(day)
        return self._days[day]


@pytest.mark.django_db
def test_demo_dates_work_on_any_day():
    """On the 1st and the 16th of every month (the anchors), whatever the holidays."""
    calendar = RememberingCalendar()
    december = {
        s["number"] for s in demo_applications.REQUESTS if (s["received"] or ("",))[0] == "december"
    }
    assert len(december) == 5
    numbers = None
    day = datetime.date(2025, 1, 1)
    while day < datetime.date(2028, 1, 1):
        specs = demo_applications.requests(day, calendar)
        start = demo_applications.anchor(day)
        statuses, groups, overdue = set(), set(), 0
        months = collections.Counter()
        for spec in specs:
            fields = spec["fields"]
            request = InformationRequest(
                **{
                    name: fields[name]
                    for name in (
                        "received_on",
                        "clarification_sent_on",
                        "clarified_on",
                        "extension_days",
                        "outcome",
                        "reply_sent_on",
                    )
                }
            )
            statuses.add(request.derive_status())
            if request.outcome and request.reply_sent_on:
                groups.add(GROUP_OF[request.outcome].code)
            consultations = [Consultation(**c) for c in spec["consultations"]]
            state = clock.compute(request, consultations, calendar, on=start)
            if not request.reply_sent_on and state.due_on and state.due_on < start:
                overdue += 1
            when = [step[0] for step in spec["steps"]]
            assert when == sorted(when), fields["tracking_number"]
            assert all(step.date() <= start for step in when[1:]), fields["tracking_number"]
            received = fields["received_on"]
            if received:
                assert received <= start and calendar.is_workday(received)
                assert fields["submitted_at"].date() <= received
                months[fields["name"], received.year, received.month] += 1
                if spec["number"] in december and fields["reply_sent_on"]:
                    assert fields["reply_sent_on"].year == start.year
        assert statuses == set(Status.values), day
        assert groups == {g.code for g in GROUPS}, day
        assert overdue >= 3, day
        assert max(months.values()) == 12, day
        tracking = sorted(s["fields"]["tracking_number"] for s in specs)
        assert numbers in (None, tracking)
        numbers = tracking
        day = (day + datetime.timedelta(days=16)).replace(day=1 if day.day == 16 else 16)
