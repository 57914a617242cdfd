"""The legal clock of requests for disclosure, fees, and the figures of Table 3.

Dates are checked by hand against the State Council's schedule: Spring Festival 2025 was off from
28 January to 4 February with Sunday 26 January and Saturday 8 February as working days; National
Day 2025 was off from 1 to 8 October with Sunday 28 September and Saturday 11 October as working
days.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gov_disclosure.applications import clock, fees, statistics
from gov_disclosure.applications.models import InformationRequest, Status
from gov_disclosure.applications.outcomes import GROUP_OF, GROUPS, Outcome
from gov_disclosure.models import WorkdayOverride
from gov_disclosure.registry import registry

from .application_factories import (
    RESIDENT_IDS,
    InformationRequestFactory,
    at_noon,
    organisation,
)

D = datetime.date
pytestmark = pytest.mark.django_db


def make(**kwargs):
    return InformationRequestFactory(**kwargs)


# The clock ---------------------------------------------------------------------------------------


def test_due_date_across_spring_festival_with_make_up_days():
    request = make(received_on=D(2025, 1, 20))
    assert request.due_on == D(2025, 2, 21)
    assert request.clarification_due_on == D(2025, 2, 5)
    assert request.status == Status.PROCESSING


def test_due_date_across_national_day_with_make_up_days():
    request = make(received_on=D(2025, 9, 26))
    assert request.due_on == D(2025, 10, 30)
    assert request.clarification_due_on == D(2025, 10, 13)


def test_override_added_after_receipt_moves_the_due_date_and_removing_it_moves_it_back():
    request = make(received_on=D(2025, 1, 20))
    replied = make(received_on=D(2025, 1, 20), outcome=Outcome.DISCLOSED)
    assert request.due_on == D(2025, 2, 21)
    # A local day off in the middle of the period, entered weeks later.
    override = WorkdayOverride.objects.create(
        date=D(2025, 2, 17), kind=WorkdayOverride.Kind.HOLIDAY, name="本地调休"
    )
    request.refresh_from_db()
    replied.refresh_from_db()
    assert request.due_on == D(2025, 2, 24)
    assert replied.due_on == D(2025, 2, 24)  # replied requests keep a true due date too
    # A day off turned into a working day (a make-up Saturday) brings it forward.
    WorkdayOverride.objects.create(
        date=D(2025, 2, 15), kind=WorkdayOverride.Kind.WORKDAY, name="补班"
    )
    request.refresh_from_db()
    assert request.due_on == D(2025, 2, 21)
    override.delete()
    request.refresh_from_db()
    assert request.due_on == D(2025, 2, 20)
    changes = [h.history_change_reason for h in request.history.all()]
    assert "working-day calendar changed" in changes


def test_override_far_from_the_request_changes_nothing():
    request = make(received_on=D(2025, 1, 20))
    before = request.history.count()
    WorkdayOverride.objects.create(
        date=D(2025, 12, 1), kind=WorkdayOverride.Kind.HOLIDAY, name="远期"
    )
    request.refresh_from_db()
    assert request.due_on == D(2025, 2, 21)
    assert request.history.count() == before


def test_one_extension_of_at_most_twenty_working_days_with_its_approval():
    request = make(
        received_on=D(2025, 1, 20),
        extension_days=20,
        extension_approved_by="县政府办公室主任 李明",
        extension_approved_on=D(2025, 2, 18),
        extension_reason="申请内容涉及多个部门，需协调调取档案。",
    )
    assert request.due_on == D(2025, 3, 21)
    assert clock.due_without_extension(request) == D(2025, 2, 21)

    too_long = InformationRequestFactory.build(
        received_on=D(2025, 1, 20),
        extension_days=21,
        extension_approved_by="李明",
        extension_approved_on=D(2025, 2, 18),
        extension_reason="理由",
    )
    with pytest.raises(ValidationError) as error:
        too_long.full_clean()
    assert "extension_days" in error.value.message_dict

    unapproved = InformationRequestFactory.build(received_on=D(2025, 1, 20), extension_days=5)
    with pytest.raises(ValidationError) as error:
        unapproved.full_clean()
    assert {"extension_approved_by", "extension_approved_on", "extension_reason"} <= set(
        error.value.message_dict
    )


def test_clarification_stops_the_clock_and_it_restarts_from_the_clarified_request():
    request = make(received_on=D(2025, 1, 20))
    request.clarification_sent_on = D(2025, 1, 24)
    request.clarification_content = "请明确所需信息的文件名称或者文号。"
    request.save()
    assert request.status == Status.CLARIFICATION
    assert request.due_on is None
    assert clock.days_left(request) is None

    request.clarified_on = D(2025, 2, 10)
    request.save()
    assert request.status == Status.PROCESSING
    # 20 working days after 10 February 2025.
    assert request.due_on == D(2025, 3, 10)


def test_clarification_dates_must_be_in_order():
    request = InformationRequestFactory.build(
        received_on=D(2025, 1, 20), clarification_sent_on=D(2025, 1, 19)
    )
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "clarification_sent_on" in error.value.message_dict
    request = InformationRequestFactory.build(
        received_on=D(2025, 1, 20), clarified_on=D(2025, 2, 1)
    )
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "clarified_on" in error.value.message_dict


def test_third_party_consultation_time_does_not_count():
    request = make(
        received_on=D(2025, 3, 3),
        consultations=[
            {
                "kind": "third_party",
                "party": "某某建设有限公司",
                "sent_on": D(2025, 3, 10),
                "answered_on": D(2025, 3, 17),  # five working days later
            }
        ],
    )
    base = make(received_on=D(2025, 3, 3)).due_on
    assert base == D(2025, 3, 31)
    assert request.due_on == D(2025, 4, 8)  # 31 March + 5 working days (4 April is Qingming)


def test_third_party_time_is_capped_at_fifteen_working_days_but_another_agency_is_not():
    third = make(
        received_on=D(2025, 3, 3),
        consultations=[
            {
                "kind": "third_party",
                "party": "第三方",
                "sent_on": D(2025, 3, 4),
                "answered_on": D(2025, 4, 30),
            }
        ],
    )
    agency = make(
        received_on=D(2025, 3, 3),
        consultations=[
            {
                "kind": "agency",
                "party": "县自然资源局",
                "sent_on": D(2025, 3, 4),
                "answered_on": D(2025, 4, 30),
            }
        ],
    )
    third_state = clock.compute(third)
    agency_state = clock.compute(agency)
    assert third_state.paused_days == 15
    assert agency_state.paused_days > 15
    assert agency.due_on > third.due_on


def test_an_open_consultation_keeps_moving_the_due_date_until_answered():
    request = make(
        received_on=D(2025, 3, 3),
        consultations=[{"kind": "agency", "party": "县财政局", "sent_on": D(2025, 3, 10)}],
    )
    on_13th = clock.compute(request, on=D(2025, 3, 13))
    on_20th = clock.compute(request, on=D(2025, 3, 20))
    assert on_13th.paused_days == 3 and on_20th.paused_days == 8
    assert on_20th.due_on > on_13th.due_on


def test_consultation_before_the_clarified_request_does_not_count():
    request = make(
        received_on=D(2025, 3, 3),
        clarification_sent_on=D(2025, 3, 5),
        clarified_on=D(2025, 3, 20),
        consultations=[
            {
                "kind": "agency",
                "party": "县财政局",
                "sent_on": D(2025, 3, 4),
                "answered_on": D(2025, 3, 6),
            }
        ],
    )
    assert clock.compute(request).paused_days == 0


def test_time_between_fee_notice_and_payment_does_not_count():
    request = make(received_on=D(2025, 3, 3), fee_notice_sent_on=D(2025, 3, 10))
    assert clock.compute(request, on=D(2025, 3, 14)).paused_days == 4  # unpaid: up to today
    request.fee_paid_on = D(2025, 3, 17)
    request.save()
    assert clock.compute(request).paused_days == 5
    assert request.due_on == D(2025, 4, 8)  # 31 March + 5 working days (4 April is Qingming)
    request.fee_waived, request.fee_waiver_reason = True, "困难群众"
    request.save()
    assert request.due_on == D(2025, 3, 31)


def test_fee_period_counted_when_the_setting_says_so(settings):
    settings.GOV_DISCLOSURE_APPLICATION_FEE_PERIOD_NOT_COUNTED = False
    request = make(
        received_on=D(2025, 3, 3), fee_notice_sent_on=D(2025, 3, 10), fee_paid_on=D(2025, 3, 17)
    )
    assert request.due_on == D(2025, 3, 31)


def test_days_left_and_overdue():
    request = make(received_on=D(2025, 1, 20))
    assert clock.days_left(request, on=D(2025, 2, 21)) == 0
    assert clock.days_left(request, on=D(2025, 2, 20)) == 1
    assert clock.days_left(request, on=D(2025, 2, 24)) == -1
    request.outcome, request.reply_sent_on = Outcome.DISCLOSED, D(2025, 2, 24)
    request.save()
    assert clock.days_left(request, on=D(2025, 2, 25)) is None


def test_daily_task_recomputes_open_requests(monkeypatch):
    request = make(
        received_on=D(2025, 3, 3),
        consultations=[{"kind": "agency", "party": "县财政局", "sent_on": D(2025, 3, 10)}],
    )
    monkeypatch.setattr(clock, "today", lambda: D(2025, 3, 20))
    task = next(t for t in registry.daily_tasks if t.name == "application_clocks")
    before = request.due_on
    task.function()
    request.refresh_from_db()
    assert request.due_on == clock.compute(request, on=D(2025, 3, 20)).due_on != before
    # Idempotent: a second run on the same day changes nothing; daily moves leave no history.
    assert clock.recompute() == 0
    assert request.history.count() == 1


def test_status_follows_the_record():
    online = make(channel="online", received_on=None, submitted_at=at_noon(D(2025, 3, 3)))
    assert online.status == Status.SUBMITTED and online.due_on is None
    online.received_on = D(2025, 3, 4)
    online.save()
    assert online.status == Status.PROCESSING and online.due_on == D(2025, 4, 1)
    online.outcome = Outcome.PARTLY_DISCLOSED
    online.save()
    assert online.status == Status.PROCESSING  # decided, not sent yet
    online.reply_sent_on = D(2025, 3, 28)
    online.save()
    assert online.status == Status.REPLIED


# Validation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"id_number": "11010519491231002"}, "id_number"),
        ({"id_number": "110105194912310021"}, "id_number"),  # wrong check character
        ({"id_type": ""}, "id_type"),
        ({"channel": "post", "received_on": None}, "received_on"),
        ({"reply_sent_on": D(2025, 3, 10)}, "outcome"),
        ({"outcome": Outcome.DISCLOSED, "reply_sent_on": D(2025, 3, 1)}, "reply_sent_on"),
        ({"outcome": Outcome.OTHER_NOT_CLARIFIED}, "outcome"),
        ({"fee_waived": True}, "fee_waiver_reason"),
        (
            {"applicant_type": "organisation", "organisation_code": "91350100M000100Y43"},
            "organisation_category",
        ),
        (organisation(organisation_code="91350100M000100Y44"), "organisation_code"),
    ],
)
def test_bad_records_are_refused_with_the_field_named(changes, field):
    request = InformationRequestFactory.build(**changes)
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert field in error.value.message_dict


def test_published_page_only_for_disclosed_information():
    from wagtail.models import Page

    page = Page.objects.get(depth=2)
    request = InformationRequestFactory.build(outcome=Outcome.WITHHELD_PROCESS, published_page=page)
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "published_page" in error.value.message_dict
    request.outcome = Outcome.DISCLOSED
    request.full_clean()


def test_online_request_cannot_be_received_before_it_was_sent():
    request = InformationRequestFactory.build(
        channel="online", submitted_at=at_noon(D(2025, 3, 5)), received_on=D(2025, 3, 4)
    )
    with pytest.raises(ValidationError) as error:
        request.full_clean()
    assert "received_on" in error.value.message_dict


def test_identity_numbers_are_normalised():
    request = make(id_number=" 11010519491231002x ")
    assert request.id_number == "11010519491231002X"
    org = make(**organisation(organisation_code="91350100m000100y43"))
    assert org.organisation_code == "91350100M000100Y43" and org.id_number == ""


def test_secret_is_kept_only_as_a_keyed_hash():
    request = make()
    secret = request.set_secret()
    request.save()
    stored = InformationRequest.objects.get(pk=request.pk)
    assert secret not in stored.secret_hash
    assert stored.secret_matches(secret) and stored.secret_matches(secret.lower())
    assert not stored.secret_matches("WRONGWRONG")
    assert not hasattr(request.history.first(), "secret_hash")


# Fees -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "position, fee",
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (55, 400)],
)
def test_fee_by_position_in_the_month(position, fee):
    assert fees.fee_for_position(position) == fee


def test_fee_settings(settings):
    settings.GOV_DISCLOSURE_APPLICATION_FEE_FREE_PER_MONTH = 5
    assert fees.fee_for_position(6) == 100
    settings.GOV_DISCLOSURE_APPLICATION_FEES_ENABLED = False
    assert fees.fee_for_position(60) == 0


def test_fees_per_applicant_per_month():
    requests = [make(received_on=D(2025, 3, 3 + n % 20)) for n in range(12)]
    other = make(id_number=RESIDENT_IDS[1], received_on=D(2025, 3, 10))
    next_month = make(received_on=D(2025, 4, 1))
    for request in requests:
        request.refresh_from_db()
    charged = sorted(r.fee_yuan for r in requests)
    assert charged == [0] * 10 + [100, 100]
    other.refresh_from_db()
    next_month.refresh_from_db()
    assert other.fee_yuan == 0 and next_month.fee_yuan == 0
    # Moving one of March's requests to April frees a March one and charges nothing in April.
    moved = max(requests, key=lambda r: (r.received_on, r.submitted_at, r.pk))
    moved.received_on = D(2025, 4, 2)
    moved.submitted_at = at_noon(D(2025, 4, 2))
    moved.save()
    assert (
        sum(
            InformationRequest.objects.filter(received_on__month=3).values_list(
                "fee_yuan", flat=True
            )
        )
        == 100
    )
    assert fees.amount_due(moved) == 0


def test_fee_paid_counts_for_the_year_unless_waived():
    paying = [make(received_on=D(2025, 5, 5)) for _n in range(11)]
    charged = InformationRequest.objects.get(pk=paying[-1].pk)
    assert charged.fee_yuan == 100
    charged.fee_paid_on = D(2025, 5, 20)
    charged.save()
    assert fees.fees_charged(2025) == 100
    charged.fee_waived, charged.fee_waiver_reason = True, "申请人为低保对象"
    charged.save()
    assert fees.fees_charged(2025) == 0 and fees.amount_due(charged) == 0


# Table 3 ----------------------------------------------------------------------------------------


def test_table_three_by_hand():
    """Hand-counted: 2025's figures from eight requests."""
    person = {}
    research = organisation(category="research")
    commercial = organisation(category="commercial")
    # Received in 2024, replied in 2024: not in 2025 at all.
    make(received_on=D(2024, 6, 3), outcome=Outcome.DISCLOSED, reply_sent_on=D(2024, 6, 20))
    # Received in December 2024, replied in January 2025: carried over, handled (disclosed).
    make(received_on=D(2024, 12, 16), outcome=Outcome.DISCLOSED, reply_sent_on=D(2025, 1, 8))
    # Received in December 2024, still open at the end of 2025: carried over and forward.
    make(**research, received_on=D(2024, 12, 20))
    # 2025 requests handled in 2025.
    make(
        **person,
        received_on=D(2025, 2, 10),
        outcome=Outcome.WITHHELD_PROCESS,
        reply_sent_on=D(2025, 3, 1),
    )
    make(
        **commercial,
        received_on=D(2025, 4, 1),
        outcome=Outcome.UNAVAILABLE_NOT_HELD,
        reply_sent_on=D(2025, 4, 20),
    )
    make(
        **research,
        received_on=D(2025, 5, 6),
        outcome=Outcome.UNAVAILABLE_NOT_HELD,
        reply_sent_on=D(2025, 5, 30),
    )
    # Received in December 2025, replied in January 2026: carried forward.
    make(received_on=D(2025, 12, 22), outcome=Outcome.PARTLY_DISCLOSED, reply_sent_on=D(2026, 1, 9))
    # Online, never confirmed: not counted.
    make(channel="online", received_on=None, submitted_at=at_noon(D(2025, 7, 1)))

    figures = statistics.request_statistics(2025)
    assert figures.new == {
        "person": 2,
        "commercial": 1,
        "research": 1,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
    }
    assert figures.carried_over == {
        "person": 1,
        "commercial": 0,
        "research": 1,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
    }
    assert figures.outcome(Outcome.DISCLOSED)["person"] == 1
    assert figures.outcome(Outcome.WITHHELD_PROCESS)["person"] == 1
    assert figures.outcome(Outcome.UNAVAILABLE_NOT_HELD) == {
        "person": 0,
        "commercial": 1,
        "research": 1,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
    }
    withheld = next(g for g in GROUPS if g.code == "withheld")
    assert figures.group(withheld)["person"] == 1
    assert figures.handled == {
        "person": 2,
        "commercial": 1,
        "research": 1,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
    }
    assert figures.carried_forward == {
        "person": 1,
        "commercial": 0,
        "research": 1,
        "nonprofit": 0,
        "legal_service": 0,
        "other": 0,
    }
    for column in statistics.COLUMNS:
        assert (
            figures.new[column] + figures.carried_over[column]
            == figures.handled[column] + figures.carried_forward[column]
        )
    # The next year starts with what this one carried forward.
    assert statistics.request_statistics(2026).carried_over == figures.carried_forward


def test_table_three_per_agency(django_assert_max_num_queries):
    from .factories import AgencyFactory

    a, b = AgencyFactory(), AgencyFactory()
    make(agency=a, received_on=D(2025, 2, 10))
    make(agency=b, received_on=D(2025, 2, 11))
    make(agency=b, received_on=D(2025, 2, 12))
    with django_assert_max_num_queries(2):
        figures = statistics.request_statistics(2025, agency=b)
    assert statistics.RequestStatistics.total(figures.new) == 2


def test_every_outcome_belongs_to_one_report_row():
    assert set(GROUP_OF) == set(Outcome.values)
    assert sum(len(g.outcomes) for g in GROUPS) == len(Outcome.values) == 21


@pytest.mark.parametrize("outcome", Outcome.values)
def test_every_outcome_is_recorded_and_counted_in_its_row(outcome):
    extra = {"clarification_sent_on": D(2025, 3, 5)} if outcome == "other_not_clarified" else {}
    request = make(
        **organisation(category="nonprofit"),
        received_on=D(2025, 3, 3),
        outcome=outcome,
        reply_sent_on=D(2025, 3, 25),
        **extra,
    )
    assert request.status == Status.REPLIED
    assert request.effective_legal_basis.startswith("《中华人民共和国政府信息公开条例》")
    figures = statistics.request_statistics(2025)
    assert figures.outcome(outcome)["nonprofit"] == 1
    assert figures.group(GROUP_OF[outcome])["nonprofit"] == 1
    assert statistics.RequestStatistics.total(figures.handled) == 1
