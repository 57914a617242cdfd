"""Chinese working days (工作日), with make-up workdays (调休) and administrators' overrides.

The State Council's schedule comes from ``chinese-calendar``. An administrator can enter a
:class:`~gov_disclosure.models.WorkdayOverride` for a day the library does not know yet (next
year's schedule before the library is updated, or a local day off); an override always wins.
For a year the library does not cover, weekends and the fixed-date statutory holidays are days
off and everything else comes from the overrides.

Counting follows the rule for legal time limits: the day on which the period starts is not
counted, so ``add_workdays(receipt, 20)`` is the 20th working day *after* the day of receipt,
and ``workdays_between(a, add_workdays(a, n)) == n``.
"""

from __future__ import annotations

import datetime

import chinese_calendar
from django.core.cache import cache

from .app_settings import app_settings

# Statutory holidays that fall on the same date every year (全国年节及纪念日放假办法, 2024);
# used only for years chinese-calendar does not cover. Lunar holidays must come from overrides.
FIXED_DATE_HOLIDAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))

_CACHE_KEY = "gov_disclosure:workday_overrides:{year}"
# Never walk further than this looking for a working day: a run of days off longer than this
# means the overrides are wrong, and an endless loop would hide it.
_MAX_DAYS_OFF_IN_A_ROW = 60


class CalendarError(ValueError):
    """The calendar cannot answer, e.g. every day for months is marked as a day off."""


def library_covers(year: int) -> bool:
    """Whether ``chinese-calendar`` knows the State Council's schedule for ``year``."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _load_overrides(year: int) -> dict[datetime.date, bool]:
    from .models import WorkdayOverride

    key = _CACHE_KEY.format(year=year)
    overrides = cache.get(key)
    if overrides is None:
        rows = WorkdayOverride.objects.filter(date__year=year).values_list("date", "kind")
        overrides = {day: kind == WorkdayOverride.Kind.WORKDAY for day, kind in rows}
        cache.set(key, overrides, app_settings.WORKDAY_CACHE_TIMEOUT)
    return overrides


def clear_cache(years=None) -> None:
    """Forget cached overrides (for ``years``, or for every year from 2000 to 2100)."""
    years = range(2000, 2101) if years is None else years
    cache.delete_many([_CACHE_KEY.format(year=y) for y in years])


class WorkdayCalendar:
    """Answers working-day questions, reading each year's overrides once per instance."""

    def __init__(self):
        self._overrides: dict[int, dict[datetime.date, bool]] = {}

    def _overrides_for(self, year: int) -> dict[datetime.date, bool]:
        if year not in self._overrides:
            self._overrides[year] = _load_overrides(year)
        return self._overrides[year]

    def is_workday(self, day: datetime.date) -> bool:
        day = _as_date(day)
        override = self._overrides_for(day.year).get(day)
        if override is not None:
            return override
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            return day.weekday() < 5 and (day.month, day.day) not in FIXED_DATE_HOLIDAYS

    def next_workday(self, day: datetime.date) -> datetime.date:
        """The first working day after ``day``."""
        return self.add_workdays(day, 1)

    def add_workdays(self, start: datetime.date, days: int) -> datetime.date:
        """The ``days``-th working day after ``start`` (before it, if ``days`` is negative)."""
        current = _as_date(start)
        step = datetime.timedelta(days=1 if days >= 0 else -1)
        remaining, days_off = abs(int(days)), 0
        while remaining:
            current += step
            if self.is_workday(current):
                remaining -= 1
                days_off = 0
            else:
                days_off += 1
                if days_off > _MAX_DAYS_OFF_IN_A_ROW:
                    raise CalendarError(
                        f"More than {_MAX_DAYS_OFF_IN_A_ROW} days off in a row around {current}: "
                        "check the working-day overrides."
                    )
        return current

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.workdays_between(end, start)
        count, current = 0, start
        one_day = datetime.timedelta(days=1)
        while current < end:
            current += one_day
            count += self.is_workday(current)
        return count


class WorkdayCounter:
    """``WorkdayCalendar.workdays_between`` for many pairs of dates at once.

    Asks one calendar about each day of the span once and answers every pair from running
    totals, so a report over years of documents does not walk the calendar once per row.
    """

    def __init__(self, dates):
        dates = [d for d in dates if d is not None]
        self.start = min(dates, default=None)
        self.totals = [0]  # working days after ``start`` up to and including start + i days
        if self.start is None:
            return
        calendar = WorkdayCalendar()
        day, end = self.start, max(dates)
        while day < end:
            day += datetime.timedelta(days=1)
            self.totals.append(self.totals[-1] + calendar.is_workday(day))

    def __call__(self, start: datetime.date, end: datetime.date) -> int:
        return self.totals[(end - self.start).days] - self.totals[(start - self.start).days]


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"expected a date, got {type(value).__name__}")


def is_workday(day: datetime.date) -> bool:
    return WorkdayCalendar().is_workday(day)


def next_workday(day: datetime.date) -> datetime.date:
    return WorkdayCalendar().next_workday(day)


def add_workdays(start: datetime.date, days: int) -> datetime.date:
    return WorkdayCalendar().add_workdays(start, days)


def workdays_between(start: datetime.date, end: datetime.date) -> int:
    return WorkdayCalendar().workdays_between(start, end)


def _today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()


def years_needing_overrides(today: datetime.date | None = None) -> list[int]:
    """Years the legal clocks will soon need that neither the library nor overrides cover.

    The current year always; next year from December on, when its schedule has usually been
    announced and due dates start to fall in it.
    """
    from .models import WorkdayOverride

    today = today or _today()
    years = [today.year] + ([today.year + 1] if today.month == 12 else [])
    return [
        y
        for y in years
        if not library_covers(y) and not WorkdayOverride.objects.filter(date__year=y).exists()
    ]
