"""core.tagging: which version governs a record collected at a given time (rule 7)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from policyeditor.core.errors import DataError
from policyeditor.core.tagging import RowProblem, Tagger, regoverned_windows
from policyeditor.core.versions import Policy, Version

NY = "America/New_York"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)


def policy(*versions: Version) -> Policy:
    return Policy(id="website-privacy", title="Website Privacy", versions=versions)


V1 = Version(1, legacy=True, adopted=date(2009, 10, 5), text_sha256="a" * 64)
V2 = Version(2, adopted=date(2018, 6, 1), posted=date(2018, 5, 25), effective=date(2018, 7, 1),
             text_sha256="b" * 64)
# Takes effect on the day the clocks go back (2018-11-04) and on the day they go forward (2019-03-10).
V3 = Version(3, adopted=date(2018, 9, 1), posted=date(2018, 9, 2), effective=date(2018, 11, 4), text_sha256="c" * 64)
V4 = Version(4, adopted=date(2019, 1, 5), posted=date(2019, 1, 6), effective=date(2019, 3, 10), text_sha256="d" * 64)


def tagger(*versions: Version, dst: str | None = None) -> Tagger:
    return Tagger(policy(*(versions or (V1, V2))), NY, now=NOW, dst=dst)


def test_midnight_of_the_effective_date_in_the_library_zone() -> None:
    t = tagger()
    # 00:00 on 2018-07-01 in New York is 04:00 UTC (daylight time).
    assert t.tag("2018-06-30T23:59:59").version == 1
    assert t.tag("2018-07-01T00:00:00").version == 2
    assert t.tag("2018-07-01T03:59:59Z").version == 1
    assert t.tag("2018-07-01T04:00:00Z").version == 2
    assert t.tag("2018-07-01T00:30:00-04:00").version == 2
    assert t.tag("2018-07-01T01:30:00+02:00").version == 1   # 23:30 the day before in New York
    assert t.tag("2018-07-01").version == 2
    assert t.tag("2018-06-30").version == 1
    tag = t.tag("2020-01-01T10:00:00")
    assert (tag.policy_id, tag.version, tag.text_sha256) == ("website-privacy", 2, "b" * 64)
    assert tag.fields == ("website-privacy", "2", "b" * 64)


def test_effective_dates_on_clock_change_days() -> None:
    t = tagger(V1, V2, V3, V4)
    # Fall back: 2018-11-04 00:00 EDT = 04:00 UTC.
    assert t.tag("2018-11-04T03:59:59Z").version == 2
    assert t.tag("2018-11-04T04:00:00Z").version == 3
    # Spring forward: 2019-03-10 00:00 EST = 05:00 UTC.
    assert t.tag("2019-03-10T04:59:59Z").version == 3
    assert t.tag("2019-03-10T05:00:00Z").version == 4
    assert t.tag("2019-03-10T03:30:00").version == 4     # after the jump, still that day


def test_ambiguous_and_missing_local_times_need_dst() -> None:
    t = tagger(V1, V2, V3, V4)
    with pytest.raises(RowProblem, match="happened twice"):
        t.tag("2018-11-04T01:30:00")
    with pytest.raises(RowProblem, match="did not exist"):
        t.tag("2019-03-10T02:30:00")
    early = tagger(V1, V2, V3, V4, dst="earlier")
    late = tagger(V1, V2, V3, V4, dst="later")
    assert early.classify("2018-11-04T01:30:00")[1] == datetime(2018, 11, 4, 5, 30, tzinfo=timezone.utc).timestamp()
    assert late.classify("2018-11-04T01:30:00")[1] == datetime(2018, 11, 4, 6, 30, tzinfo=timezone.utc).timestamp()
    assert early.tag("2019-03-10T02:30:00").version == 4
    # An offset settles it without --dst.
    assert t.tag("2018-11-04T01:30:00-05:00").version == 3


@pytest.mark.parametrize("text, words", [
    ("yesterday", "is not a date"),
    ("2018-13-01", "not a day of the calendar"),
    ("", "is empty"),
    ("   ", "is empty"),
    ("2009-10-04T23:59:59", "before version 1"),
    ("2009-10-04", "before version 1"),
    ("2026-11-29T12:00:01Z", "in the future"),
    ("2027-01-01", "in the future"),
])
def test_bad_collection_times_say_why(text: str, words: str) -> None:
    with pytest.raises(RowProblem, match=words):
        tagger().tag(text)


def test_problems_are_cached_per_string_and_still_raised() -> None:
    t = tagger()
    for _ in range(3):
        with pytest.raises(RowProblem, match="before version 1"):
            t.tag("2001-01-01")
    assert t.classify("2019-05-05T10:00:00") == t.classify("2019-05-05T10:00:00")


def test_a_withdrawn_version_leaves_a_gap_and_comes_back() -> None:
    v1 = Version(1, adopted=date(2010, 1, 1), effective=date(2010, 1, 1), withdrawn=date(2011, 1, 1), text_sha256="x")
    v2 = Version(2, adopted=date(2012, 1, 1), effective=date(2012, 1, 1), text_sha256="y")
    t = tagger(v1, v2)
    assert t.tag("2010-06-01").version == 1
    with pytest.raises(RowProblem, match="stopped being in force"):
        t.tag("2011-06-01")
    assert t.tag("2012-06-01").version == 2


def test_a_policy_with_nothing_in_force_cannot_tag() -> None:
    draft = Version(1, first_reading=date(2026, 11, 1))
    with pytest.raises(DataError, match="has an effective date yet"):
        Tagger(policy(draft), NY, now=NOW)


def test_regoverned_windows_of_a_moved_effective_date() -> None:
    before = policy(V1, V2)
    later = policy(V1, Version(2, adopted=date(2018, 6, 1), effective=date(2018, 7, 10)))
    [(start, end)] = regoverned_windows(before, later, NY)
    assert start == datetime(2018, 7, 1, 4, tzinfo=timezone.utc).timestamp()
    assert end == datetime(2018, 7, 10, 4, tzinfo=timezone.utc).timestamp()
    assert regoverned_windows(before, before, NY) == []
    # Setting a first effective date re-governs everything from then on.
    unset = policy(V1, Version(2, adopted=date(2018, 6, 1)))
    [(start, end)] = regoverned_windows(unset, before, NY)
    assert start == datetime(2018, 7, 1, 4, tzinfo=timezone.utc).timestamp() and end == float("inf")


def test_the_quick_path_agrees_with_dates_localize_all_year() -> None:
    """Naive times on ordinary days take a shortcut; it must give localize's answer, every hour."""
    from datetime import timedelta

    from policyeditor.core import dates

    t = tagger(V1, V2, V3, V4, dst="earlier")
    moment = datetime(2018, 1, 1, 0, 17, 42)
    while moment < datetime(2020, 1, 1):
        text = moment.isoformat()
        expected = dates.localize(moment, NY, "earlier").timestamp()
        assert t.classify(text)[1] == expected, text
        moment += timedelta(hours=1, minutes=7)
