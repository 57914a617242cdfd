"""The legal clock of a request (Regulations on the Disclosure of Government Information, 2019).

- The reply is due 20 working days after the day of receipt (Art. 33), counted with the
  working-day calendar (State Council schedule, make-up days, the administrators' overrides).
- One extension of up to 20 working days, approved, moves the due date (Art. 33).
- A request for clarification (补正) must go out within 7 working days of receipt; while the
  applicant has not answered the clock stands still, and it starts again, from zero, on the day
  the clarified request arrives (Art. 30).
- Time spent consulting a third party or another agency does not count (Art. 33); a third party
  has 15 working days to answer (Art. 32), so no more than that is left out for it.
- When the office charges the information-processing fee, the time from the fee notice to the
  payment does not count either (国办函〔2020〕109号); an applicant who has not paid within the
  time the notice gives is handled as 逾期未缴费.

Due dates are stored on the request so that the admin can sort by them, and recomputed whenever
the request changes, every day (open consultations), and when a working-day override is added,
changed or removed (``signals.py``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gov_disclosure.workdays import WorkdayCalendar

from .app_settings import app_settings


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()


@dataclass(frozen=True)
class ClockState:
    start: datetime.date | None  # the day the 20 working days count from
    paused_days: int  # working days of consultation left out
    due_on: datetime.date | None  # None while nothing runs (unconfirmed, awaiting clarification)
    clarification_due_on: datetime.date | None


def consultation_days(consultation, calendar, on: datetime.date) -> int:
    """Working days a consultation stops the clock: from the day after it was sent to the day
    the answer came (today, while none has)."""
    end = consultation.answered_on or on
    if end <= consultation.sent_on:
        return 0
    days = calendar.workdays_between(consultation.sent_on, end)
    if consultation.kind == "third_party":
        days = min(days, app_settings.APPLICATION_THIRD_PARTY_DAYS)
    return days


def fee_days(request, calendar, on: datetime.date, start: datetime.date) -> int:
    """Working days between the fee notice and the payment (today, while unpaid)."""
    notice = request.fee_notice_sent_on
    if not app_settings.APPLICATION_FEE_PERIOD_NOT_COUNTED:
        return 0
    if not notice or request.fee_waived or notice < start:
        return 0
    end = request.fee_paid_on or on
    return calendar.workdays_between(notice, end) if end > notice else 0


def compute(request, consultations=None, calendar=None, on=None) -> ClockState:
    calendar = calendar or WorkdayCalendar()
    on = on or today()
    if request.received_on is None:
        return ClockState(None, 0, None, None)
    clarification_due_on = calendar.add_workdays(
        request.received_on, app_settings.APPLICATION_CLARIFICATION_DAYS
    )
    if request.clarification_sent_on and not request.clarified_on:
        return ClockState(None, 0, None, clarification_due_on)
    start = request.clarified_on or request.received_on
    if consultations is None:
        consultations = list(request.consultations.all())
    paused = sum(
        consultation_days(c, calendar, on)
        for c in consultations
        if c.sent_on and c.sent_on >= start
    )
    paused += fee_days(request, calendar, on, start)
    days = app_settings.APPLICATION_REPLY_DAYS + (request.extension_days or 0) + paused
    return ClockState(start, paused, calendar.add_workdays(start, days), clarification_due_on)


def due_without_extension(request, calendar=None, on=None) -> datetime.date | None:
    """The due date the extension is approved against (it must be approved before it)."""
    calendar = calendar or WorkdayCalendar()
    state = compute(request, calendar=calendar, on=on)
    if state.due_on is None:
        return None
    return calendar.add_workdays(state.due_on, -(request.extension_days or 0))


def apply(request, calendar=None, on=None) -> ClockState:
    """Store the computed due dates on ``request`` (not saved)."""
    state = compute(request, calendar=calendar, on=on)
    request.due_on = state.due_on
    request.clarification_due_on = state.clarification_due_on
    return state


def days_left(request, calendar=None, on=None) -> int | None:
    """Working days until the reply is due (0 on the day, negative when overdue); None when no
    clock runs or the reply has gone out."""
    if request.due_on is None or request.reply_sent_on:
        return None
    on = on or today()
    return (calendar or WorkdayCalendar()).workdays_between(on, request.due_on)


def recompute(queryset=None, on=None, include_replied=False, reason=None) -> int:
    """Recompute stored due dates; returns how many changed. Run daily for the open requests
    (open consultations and unpaid fees move due dates a day at a time: not worth a history
    row each) and, for every request near the day, after a change to the working-day calendar
    (recorded in the history with ``reason``)."""
    from .models import InformationRequest, Status

    queryset = queryset if queryset is not None else InformationRequest.objects.all()
    if not include_replied:
        queryset = queryset.exclude(status=Status.REPLIED)
    calendar = WorkdayCalendar()
    changed = 0
    for request in queryset.exclude(received_on=None).prefetch_related("consultations"):
        before = (request.due_on, request.clarification_due_on)
        apply(request, calendar=calendar, on=on)
        if (request.due_on, request.clarification_due_on) != before:
            if reason:
                # Through the model, so that the history records why the date moved.
                request._change_reason = reason
                request.save(update_fields=["due_on", "clarification_due_on"])
            else:
                InformationRequest.objects.filter(pk=request.pk).update(
                    due_on=request.due_on, clarification_due_on=request.clarification_due_on
                )
            changed += 1
    return changed
