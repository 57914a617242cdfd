"""The working-day calendar on real dates, with make-up workdays and admin overrides."""

import datetime

import pytest

from gov_disclosure import workdays
from gov_disclosure.models import WorkdayOverride
from gov_disclosure.workdays import (
    CalendarError,
    WorkdayCalendar,
    add_workdays,
    is_workday,
    next_workday,
    workdays_between,
)

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    workdays.clear_cache()
    yield
    workdays.clear_cache()


class TestSpringFestival2025:
    """2025: 1 月 28 日至 2 月 4 日放假, 1 月 26 日（周日）、2 月 8 日（周六）上班."""

    @pytest.mark.parametrize("day", [D(2025, 1, 28), D(2025, 1, 29), D(2025, 2, 3), D(2025, 2, 4)])
    def test_holiday_weekdays_are_days_off(self, day):
        assert day.weekday() < 5
        assert not is_workday(day)

    @pytest.mark.parametrize("day", [D(2025, 1, 26), D(2025, 2, 8)])
    def test_make_up_weekend_days_are_workdays(self, day):
        assert day.weekday() >= 5
        assert is_workday(day)

    def test_next_workday_over_the_holiday(self):
        # Monday 27 January is the last working day before the break; Sunday 26th was make-up.
        assert next_workday(D(2025, 1, 25)) == D(2025, 1, 26)
        assert next_workday(D(2025, 1, 27)) == D(2025, 2, 5)

    def test_twenty_working_days_from_receipt_before_the_holiday(self):
        # Received Friday 24 January 2025. Working days after it: 26, 27 Jan; 5-7 Feb (3);
        # 8 Feb (Sat, make-up); 10-14 (5); 17-21 (5); 24-26 (3) -> 2+3+1+5+5+3 = 19 by 26 Feb,
        # so the 20th is Thursday 27 February.
        assert add_workdays(D(2025, 1, 24), 20) == D(2025, 2, 27)
        assert workdays_between(D(2025, 1, 24), D(2025, 2, 27)) == 20

    def test_counting_backwards(self):
        assert add_workdays(D(2025, 2, 5), -1) == D(2025, 1, 27)
        assert add_workdays(D(2025, 2, 5), -2) == D(2025, 1, 26)


class TestNationalDay2025:
    """2025: 10 月 1 日至 8 日放假, 9 月 28 日（周日）、10 月 11 日（周六）上班."""

    def test_days_off_and_make_up_days(self):
        assert all(not is_workday(D(2025, 10, d)) for d in range(1, 9))
        assert is_workday(D(2025, 9, 28))
        assert is_workday(D(2025, 10, 11))
        assert not is_workday(D(2025, 10, 12))

    def test_seven_working_days_for_a_clarification_request(self):
        # Received Tuesday 30 September: 9 Oct, 10 Oct, 11 Oct (Sat, make-up), 13-16 Oct.
        assert add_workdays(D(2025, 9, 30), 7) == D(2025, 10, 16)

    def test_between_is_the_inverse_of_add(self):
        start = D(2025, 9, 20)
        for n in range(0, 45):
            assert workdays_between(start, add_workdays(start, n)) == n
        assert workdays_between(D(2025, 10, 16), D(2025, 9, 30)) == -7


def test_zero_days_returns_the_start():
    assert add_workdays(D(2025, 10, 3), 0) == D(2025, 10, 3)


def test_accepts_datetimes():
    assert is_workday(datetime.datetime(2025, 2, 8, 9, 30))


def test_rejects_non_dates():
    with pytest.raises(TypeError):
        is_workday("2025-02-08")


class TestOverrides:
    def test_admin_override_turns_a_workday_into_a_day_off(self):
        day = D(2025, 3, 3)  # an ordinary Monday
        assert is_workday(day)
        WorkdayOverride.objects.create(date=day, kind=WorkdayOverride.Kind.HOLIDAY, name="地方假日")
        assert not is_workday(day)
        assert next_workday(D(2025, 2, 28)) == D(2025, 3, 4)

    def test_admin_override_turns_a_weekend_into_a_workday(self):
        day = D(2025, 3, 8)  # Saturday
        assert not is_workday(day)
        WorkdayOverride.objects.create(date=day, kind=WorkdayOverride.Kind.WORKDAY)
        assert is_workday(day)

    def test_deleting_an_override_restores_the_library_answer(self):
        override = WorkdayOverride.objects.create(
            date=D(2025, 3, 3), kind=WorkdayOverride.Kind.HOLIDAY
        )
        assert not is_workday(D(2025, 3, 3))
        override.delete()
        assert is_workday(D(2025, 3, 3))

    def test_moving_an_override_to_another_year_clears_both_years(self):
        override = WorkdayOverride.objects.create(
            date=D(2025, 3, 3), kind=WorkdayOverride.Kind.HOLIDAY
        )
        assert not is_workday(D(2025, 3, 3))
        assert is_workday(D(2027, 3, 3))  # Wednesday, fallback calendar
        override = WorkdayOverride.objects.get(pk=override.pk)
        override.date = D(2027, 3, 3)
        override.save()
        assert is_workday(D(2025, 3, 3))
        assert not is_workday(D(2027, 3, 3))

    def test_overrides_are_read_once_per_year_per_calendar(self, django_assert_num_queries):
        calendar = WorkdayCalendar()
        with django_assert_num_queries(1):
            calendar.add_workdays(D(2025, 1, 24), 20)
        with django_assert_num_queries(0):
            calendar.add_workdays(D(2025, 1, 24), 20)


class TestYearsTheLibraryDoesNotCover:
    def test_library_coverage(self):
        assert workdays.library_covers(2025)
        assert not workdays.library_covers(2099)

    def test_fallback_counts_weekends_and_fixed_date_holidays(self):
        assert not is_workday(D(2099, 10, 1))  # Thursday, National Day
        assert not is_workday(D(2099, 1, 3))  # Saturday
        assert is_workday(D(2099, 1, 5))  # Monday

    def test_overrides_fill_in_lunar_holidays(self):
        WorkdayOverride.objects.create(date=D(2099, 1, 21), kind=WorkdayOverride.Kind.HOLIDAY)
        assert not is_workday(D(2099, 1, 21))

    def test_years_needing_overrides(self):
        assert workdays.years_needing_overrides(D(2026, 11, 21)) == []
        assert workdays.years_needing_overrides(D(2099, 6, 1)) == [2099]
        assert workdays.years_needing_overrides(D(2098, 12, 1)) == [2098, 2099]
        WorkdayOverride.objects.create(date=D(2099, 1, 21), kind=WorkdayOverride.Kind.HOLIDAY)
        assert workdays.years_needing_overrides(D(2099, 6, 1)) == []

    def test_a_runaway_run_of_days_off_is_an_error_not_a_hang(self):
        WorkdayOverride.objects.bulk_create(
            WorkdayOverride(date=D(2099, 3, 1) + datetime.timedelta(days=i), kind="holiday")
            for i in range(70)
        )
        workdays.clear_cache()
        with pytest.raises(CalendarError):
            add_workdays(D(2099, 2, 28), 1)
