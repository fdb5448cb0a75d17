"""core.timeline: the version in force at a date or an instant, periods, states."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyeditor.core import timeline
from policyeditor.core.dates import start_of_day
from policyeditor.core.versions import Policy, State, Version

NY = ZoneInfo("America/New_York")
D = date.fromisoformat


def policy(*versions: Version) -> Policy:
    return Policy("website-privacy", "Website Privacy Policy", versions=tuple(versions))


def adopted(number: int, effective: str, **extra) -> Version:
    eff = D(effective)
    return Version(number, first_reading=eff - timedelta(days=40), posted=eff - timedelta(days=35),
                   adopted=eff - timedelta(days=30), effective=eff,
                   **{k: D(v) for k, v in extra.items()})


V1 = Version(1, legacy=True, adopted=D("2009-10-05"))
# Version 2 takes effect on the day the clocks go forward, version 3 on the day they go back.
DST = policy(V1, adopted(2, "2026-03-08"), adopted(3, "2026-11-01"))


def number(p: Policy, when, tz=NY) -> int | None:
    v = timeline.in_force(p, when, tz)
    return None if v is None else v.number


def test_nothing_in_force_before_the_first_version():
    assert number(DST, date(2009, 10, 4)) is None
    assert number(DST, date(2009, 10, 5)) == 1   # legacy: in force from its adoption date
    assert number(policy(), date(2026, 1, 1)) is None


@pytest.mark.parametrize("effective, older, newer", [
    ("2026-03-08", 1, 2),   # spring forward: the day has 23 hours
    ("2026-11-01", 2, 3),   # fall back: the day has 25 hours
])
def test_in_force_from_local_midnight_across_clock_changes(effective, older, newer):
    day = D(effective)
    midnight = datetime.combine(day, datetime.min.time())
    assert number(DST, midnight) == newer                                   # naive = local
    assert number(DST, midnight - timedelta(seconds=1)) == older            # 23:59:59 the day before
    aware = start_of_day(day, NY)
    assert number(DST, aware) == newer
    one_second_before = aware.astimezone(timezone.utc) - timedelta(seconds=1)
    assert number(DST, one_second_before) == older                          # aware, in UTC
    assert number(DST, day) == newer and number(DST, day - timedelta(days=1)) == older
    assert number(DST, datetime.combine(day, datetime.max.time())) == newer


def test_naive_time_in_the_repeated_hour_needs_no_resolution():
    assert number(DST, datetime(2026, 11, 1, 1, 30)) == 3
    assert number(DST, datetime(2026, 3, 8, 2, 30)) == 2     # a time the clocks skipped


def test_aware_utc_instant_on_the_previous_local_day():
    # 03:00 UTC on the effective date is 23:00 the evening before in New York (EDT).
    instant = datetime(2026, 11, 1, 3, 0, tzinfo=timezone.utc)
    assert number(DST, instant) == 2
    assert number(DST, instant, tz="UTC") == 3   # the same instant, a library in UTC
    # 04:00 UTC is 00:00 local: version 3 from then on.
    assert number(DST, datetime(2026, 11, 1, 4, 0, tzinfo=timezone.utc)) == 3


def test_aware_instant_in_another_zone_is_converted():
    paris = ZoneInfo("Europe/Paris")
    assert number(DST, datetime(2026, 3, 8, 5, 59, 59, tzinfo=paris)) == 1   # 23:59:59 EST
    assert number(DST, datetime(2026, 3, 8, 6, 0, tzinfo=paris)) == 2        # 00:00 EST


def test_withdrawn_version_is_not_in_force_from_its_withdrawal_date():
    p = policy(V1, adopted(2, "2018-07-01", withdrawn="2019-01-15"))
    assert number(p, date(2019, 1, 14)) == 2
    assert number(p, date(2019, 1, 15)) == 1     # the version it replaced is back
    assert number(p, datetime(2019, 1, 14, 23, 59, 59)) == 2


def test_unadopted_and_pending_versions():
    draft = Version(2, first_reading=D("2026-11-01"))
    pending = adopted(3, "2027-01-01")
    p = policy(V1, draft, pending)
    assert number(p, date(2026, 12, 31)) == 1
    assert number(p, date(2027, 1, 1)) == 3


def test_intervals_are_consecutive_periods():
    p = policy(V1, adopted(2, "2018-07-01"), adopted(3, "2020-01-01", withdrawn="2021-06-01"),
               adopted(4, "2022-09-01"))
    got = [(v.number, s, e) for v, s, e in timeline.intervals(p)]
    assert got == [
        (1, D("2009-10-05"), D("2018-07-01")),
        (2, D("2018-07-01"), D("2020-01-01")),
        (3, D("2020-01-01"), D("2021-06-01")),
        (2, D("2021-06-01"), D("2022-09-01")),
        (4, D("2022-09-01"), None),
    ]
    assert timeline.intervals(policy()) == []


def test_intervals_leave_out_days_with_nothing_in_force():
    p = policy(adopted(1, "2018-07-01", withdrawn="2019-01-01"), adopted(2, "2020-01-01"))
    got = [(v.number, s, e) for v, s, e in timeline.intervals(p)]
    assert got == [(1, D("2018-07-01"), D("2019-01-01")), (2, D("2020-01-01"), None)]


def test_states_mark_superseded_versions():
    p = policy(V1, adopted(2, "2018-07-01"), adopted(3, "2027-01-01"),
               Version(4, first_reading=D("2026-11-20")),
               Version(5, first_reading=D("2026-10-01"), withdrawn=D("2026-10-15")))
    assert timeline.states(p, D("2026-11-29")) == {
        1: State.SUPERSEDED, 2: State.IN_FORCE, 3: State.PENDING,
        4: State.PRESENTED, 5: State.WITHDRAWN,
    }
    assert timeline.states(p, D("2027-01-01"))[2] is State.SUPERSEDED
    assert timeline.states(p, D("2027-01-01"))[3] is State.IN_FORCE


versions_strategy = st.lists(
    st.tuples(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
              st.one_of(st.none(), st.integers(min_value=0, max_value=2000))),
    min_size=0, max_size=6,
)


def build(spec) -> Policy:
    """Versions numbered in order of their (distinct) effective dates, some withdrawn later."""
    effective = sorted({d for d, _ in spec})
    withdrawals = [w for _, w in spec][:len(effective)]
    out = []
    for i, eff in enumerate(effective, start=1):
        w = withdrawals[i - 1] if i - 1 < len(withdrawals) else None
        extra = {} if w is None else {"withdrawn": (eff + timedelta(days=w)).isoformat()}
        out.append(adopted(i, eff.isoformat(), **extra))
    return policy(*out)


@given(versions_strategy, st.datetimes(min_value=datetime(1999, 1, 1),
                                       max_value=datetime(2032, 1, 1)),
       st.integers(min_value=1, max_value=10 ** 6))
def test_in_force_moves_forward_without_withdrawals(spec, start, step):
    p = build([(d, None) for d, _ in spec])
    later = start + timedelta(seconds=step)
    a, b = number(p, start), number(p, later)
    assert a is None or (b is not None and b >= a)


@given(versions_strategy, st.dates(min_value=date(1999, 1, 1), max_value=date(2032, 1, 1)))
def test_in_force_agrees_with_intervals(spec, day):
    p = build(spec)
    expected = None
    for v, start, end in timeline.intervals(p):
        if start <= day and (end is None or day < end):
            expected = v.number
    assert number(p, day) == expected
    assert number(p, start_of_day(day, NY)) == expected
    assert number(p, datetime.combine(day, datetime.max.time())) == expected
