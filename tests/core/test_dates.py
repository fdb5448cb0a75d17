"""core.dates: reading dates and instants, clock changes, the written forms."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyeditor.core import dates
from policyeditor.core.errors import InvalidDate, InvalidInput

NY = ZoneInfo("America/New_York")


def test_parse_date_reads_year_month_day():
    assert dates.parse_date("2018-05-01") == date(2018, 5, 1)
    assert dates.parse_date("  2024-02-29\n") == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["5/1/2018", "2018-5-1", "May 1, 2018", "", "20180501", "2018-05-01T00:00"])
def test_parse_date_refuses_other_forms_with_the_form_to_use(text):
    with pytest.raises(InvalidDate) as info:
        dates.parse_date(text)
    assert "2018-05-01" in info.value.message


@pytest.mark.parametrize("text", ["2023-02-29", "2018-13-01", "2018-04-31", "2018-00-10"])
def test_parse_date_refuses_days_not_on_the_calendar(text):
    with pytest.raises(InvalidDate) as info:
        dates.parse_date(text)
    assert text in info.value.message and "calendar" in info.value.message


def test_parse_when_date_is_local_midnight():
    when = dates.parse_when("2026-11-01", "America/New_York")
    assert when == datetime(2026, 11, 1, tzinfo=NY)
    assert when.utcoffset() == timedelta(hours=-4)


def test_parse_when_naive_is_local_and_aware_is_converted():
    local = dates.parse_when("2026-07-04T09:30", NY)
    assert (local.hour, local.minute, local.utcoffset()) == (9, 30, timedelta(hours=-4))
    utc = dates.parse_when("2026-03-08T03:30:00Z", NY)
    assert utc == datetime(2026, 3, 8, 3, 30, tzinfo=timezone.utc)
    assert utc.date() == date(2026, 3, 7) and utc.tzinfo is NY


def test_parse_when_refuses_text_and_unknown_zones():
    with pytest.raises(InvalidDate):
        dates.parse_when("next tuesday", NY)
    with pytest.raises(InvalidInput) as info:
        dates.parse_when("2026-01-01", "Mars/Olympus_Mons")
    assert "Mars/Olympus_Mons" in info.value.message


def test_localize_spring_gap_is_refused_unless_told():
    naive = datetime(2026, 3, 8, 2, 30)   # clocks go 02:00 -> 03:00 in New York
    with pytest.raises(InvalidDate) as info:
        dates.localize(naive, NY)
    assert "did not exist" in info.value.message and "America/New_York" in info.value.message
    earlier = dates.localize(naive, NY, dst="earlier")
    later = dates.localize(naive, NY, dst="later")
    assert later.astimezone(timezone.utc) - earlier.astimezone(timezone.utc) == timedelta(hours=1)
    assert earlier.astimezone(timezone.utc) == datetime(2026, 3, 8, 6, 30, tzinfo=timezone.utc)
    assert (later.hour, later.minute) == (3, 30)


def test_localize_autumn_repeat_is_refused_unless_told():
    naive = datetime(2026, 11, 1, 1, 30)  # 01:00-02:00 happens twice
    with pytest.raises(InvalidDate) as info:
        dates.localize(naive, NY)
    assert "twice" in info.value.message and "-04:00" in info.value.message
    first = dates.localize(naive, NY, dst="earlier")
    second = dates.localize(naive, NY, dst="later")
    assert first.utcoffset() == timedelta(hours=-4) and second.utcoffset() == timedelta(hours=-5)
    assert second.astimezone(timezone.utc) - first.astimezone(timezone.utc) == timedelta(hours=1)


def test_parse_when_ambiguous_local_time_with_offset_is_accepted():
    second = dates.parse_when("2026-11-01T01:30-05:00", NY)
    assert second.astimezone(timezone.utc) == datetime(2026, 11, 1, 6, 30, tzinfo=timezone.utc)
    with pytest.raises(InvalidDate):
        dates.parse_when("2026-11-01T01:30", NY)


def test_localize_rejects_unknown_dst_choice_and_converts_aware():
    with pytest.raises(ValueError):
        dates.localize(datetime(2026, 1, 1), NY, dst="sometimes")
    aware = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
    assert dates.localize(aware, NY).hour == 7


def test_start_of_day_on_clock_change_days():
    for d in (date(2026, 3, 8), date(2026, 11, 1)):
        start = dates.start_of_day(d, "America/New_York")
        assert (start.date(), start.hour, start.minute) == (d, 0, 0)
    # 2026-03-08 lasts 23 hours, 2026-11-01 lasts 25.
    def length(d):
        a = dates.start_of_day(d, NY).astimezone(timezone.utc)
        b = dates.start_of_day(d + timedelta(days=1), NY).astimezone(timezone.utc)
        return b - a
    assert length(date(2026, 3, 8)) == timedelta(hours=23)
    assert length(date(2026, 11, 1)) == timedelta(hours=25)


def test_start_of_day_where_midnight_is_skipped():
    # Santiago moved its clocks from 00:00 to 01:00 on 2022-09-11: that day starts at 01:00.
    start = dates.start_of_day(date(2022, 9, 11), "America/Santiago")
    assert (start.date(), start.hour) == (date(2022, 9, 11), 1)
    before = start.astimezone(timezone.utc) - timedelta(seconds=1)
    assert before.astimezone(ZoneInfo("America/Santiago")).date() == date(2022, 9, 10)


def test_local_date_and_today_in():
    late_utc = datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc)  # 22:00 on the 29th in New York
    assert dates.local_date(late_utc, NY) == date(2026, 11, 29)
    assert dates.today_in(NY, late_utc) == date(2026, 11, 29)
    assert dates.today_in("UTC", late_utc) == date(2026, 11, 30)
    assert dates.today_in(NY, datetime(2026, 11, 1, 1, 30)) == date(2026, 11, 1)
    assert isinstance(dates.today_in(NY), date)


def test_written_forms():
    assert dates.long_date(date(2009, 10, 5)) == "October 5, 2009"
    assert dates.short_date(date(2009, 10, 5)) == "Oct 5, 2009"
    assert dates.short_date(date(2018, 9, 30)) == "Sep 30, 2018"
    assert dates.long_date(date(2024, 2, 29)) == "February 29, 2024"


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)))
def test_localize_later_round_trips_every_wall_time_that_exists(naive):
    aware = dates.localize(naive, NY, dst="later")
    kind = dates._candidates(naive, NY)[0]
    if kind != "missing":
        assert aware.replace(tzinfo=None) == naive
    assert aware.tzinfo is NY


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1)))
def test_start_of_day_is_the_first_instant_of_that_day(d):
    start = dates.start_of_day(d, NY)
    assert start.astimezone(NY).date() == d
    before = start.astimezone(timezone.utc) - timedelta(seconds=1)
    assert before.astimezone(NY).date() == d - timedelta(days=1)
