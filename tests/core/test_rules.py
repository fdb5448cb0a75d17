"""core.rules: rules 1-4, 6 and the date part of 7, at their boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyeditor.core import rules
from policyeditor.core.errors import InvalidInput, NotFound, RuleViolation
from policyeditor.core.versions import EDITORIAL, Policy, State, Version

TODAY = date(2026, 11, 29)
D = date.fromisoformat


def policy(*versions: Version, notice_days: int | None = None) -> Policy:
    return Policy("website-privacy", "Website Privacy Policy", notice_days=notice_days,
                  versions=tuple(versions))


LEGACY_V1 = Version(1, legacy=True, adopted=D("2009-10-05"))


def v2(**dates) -> Version:
    """Version 2 of the demo: first reading 2018-05-01, then what the test gives."""
    return Version(2, first_reading=D("2018-05-01"), **{k: D(v) for k, v in dates.items()})


def apply(p: Policy, number: int, event: str, when, **kw) -> Version:
    kw.setdefault("today", TODAY)
    kw.setdefault("notice_days", 30)
    return rules.apply_event(p, number, event, when, **kw)


def refused(p: Policy, number: int, event: str, when, **kw) -> RuleViolation:
    with pytest.raises(RuleViolation) as info:
        apply(p, number, event, when, **kw)
    return info.value


# ---- rule 2: notice -------------------------------------------------------------

def test_notice_29_days_is_refused_with_the_exact_sentence():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    err = refused(p, 2, "effective", D("2018-06-30"))
    assert err.rule == 2 and err.earliest == D("2018-07-01")
    assert ("effective 2018-06-30 is 29 days after posting on 2018-06-01; substantive changes "
            "need 30: earliest 2018-07-01") in err.message


def test_notice_example_of_design():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    failures = rules.preview_event(p, 2, "effective", D("2018-06-20"), today=TODAY, notice_days=30)
    assert [f.rule for f in failures] == [2]
    assert ("effective 2018-06-20 is 19 days after posting on 2018-06-01; substantive changes "
            "need 30: earliest 2018-07-01") in failures[0].message


@pytest.mark.parametrize("days", [30, 31])
def test_notice_30_and_31_days_pass(days):
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    when = D("2018-06-01") + timedelta(days=days)
    assert apply(p, 2, "effective", when).effective == when


@pytest.mark.parametrize("posted, earliest", [
    ("2024-02-29", "2024-03-30"),   # from a leap day
    ("2024-01-30", "2024-02-29"),   # onto a leap day
    ("2023-01-30", "2023-03-01"),   # February without one
    ("2018-01-31", "2018-03-02"),   # month end into March
    ("2018-12-31", "2019-01-30"),   # year end
    ("2018-04-30", "2018-05-30"),
])
def test_notice_across_month_ends_and_leap_days(posted, earliest):
    posted_d, earliest_d = D(posted), D(earliest)
    p = policy(Version(1, first_reading=posted_d - timedelta(days=9), posted=posted_d,
                       adopted=posted_d + timedelta(days=1)))
    err = refused(p, 1, "effective", earliest_d - timedelta(days=1))
    assert err.earliest == earliest_d and f"earliest {earliest}" in err.message
    assert "29 days after posting" in err.message
    assert apply(p, 1, "effective", earliest_d).effective == earliest_d
    assert rules.earliest_effective(p, 1, notice_days=30) == earliest_d


def test_notice_days_is_the_callers_setting():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    assert apply(p, 2, "effective", D("2018-06-15"), notice_days=14).effective == D("2018-06-15")
    err = refused(p, 2, "effective", D("2018-06-14"), notice_days=14)
    assert "substantive changes need 14: earliest 2018-06-15" in err.message


def test_substantive_without_posting_must_be_posted_first():
    p = policy(LEGACY_V1, v2(adopted="2026-11-20"))
    err = refused(p, 2, "effective", D("2027-01-01"))
    assert err.rule == 2 and "has not been posted" in err.message and "post it first" in err.message
    assert err.earliest == D("2026-12-29") and "2026-12-29" in err.message   # if posted today
    assert rules.earliest_effective(p, 2, notice_days=30) is None
    assert rules.earliest_effective(p, 2, notice_days=30, today=TODAY) == D("2026-12-29")


def test_editorial_needs_only_adoption():
    ed = replace(v2(adopted="2018-06-04"), change_class=EDITORIAL, justification="typo")
    p = policy(LEGACY_V1, ed)
    assert apply(p, 2, "effective", D("2018-06-04")).effective == D("2018-06-04")
    err = refused(p, 2, "effective", D("2018-06-03"))
    assert err.rule == 1 and "before the adoption on 2018-06-04" in err.message
    assert err.earliest == D("2018-06-04")


# ---- rule 3: the posted text ---------------------------------------------------

def test_changed_text_after_posting_needs_a_repost():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-06"))
    err = refused(p, 2, "effective", D("2026-12-01"), posted_changed=True)
    assert err.rule == 3 and "re-post" in err.message and "2026-09-01" in err.message
    assert err.earliest == D("2026-12-29")
    # The same date passes when the posted text is the adopted one.
    assert apply(p, 2, "effective", D("2026-12-01")).effective == D("2026-12-01")


def test_repost_replaces_a_posting_that_no_longer_counts():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-06"))
    reposted = apply(p, 2, "posted", D("2026-11-02"), posted_changed=True)
    assert reposted.posted == D("2026-11-02")
    p2 = policy(LEGACY_V1, reposted)
    assert refused(p2, 2, "effective", D("2026-12-01")).earliest == D("2026-12-02")
    assert apply(p2, 2, "effective", D("2026-12-02")).effective == D("2026-12-02")


def test_repost_is_still_a_fact_in_time():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-06"))
    err = refused(p, 2, "posted", TODAY + timedelta(days=1), posted_changed=True)
    assert err.rule == 1 and "after today" in err.message
    err = refused(p, 2, "posted", D("2026-08-01"), posted_changed=True)   # before the old one
    assert "already recorded as 2026-09-01" in err.message


def test_posting_is_a_fact_when_the_text_did_not_change():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-06"))
    err = refused(p, 2, "posted", D("2026-11-02"))
    assert err.rule == 1 and "already recorded as 2026-09-01" in err.message


def test_check_policy_reports_rule_3():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04", effective="2018-07-01"))
    assert rules.check_policy(p, today=TODAY, notice_days=30) == []
    failures = rules.check_policy(p, today=TODAY, notice_days=30, posted_changed={2: True})
    assert [(f.rule, f.version) for f in failures] == [(3, 2)]


# ---- rule 4: one version at a time ---------------------------------------------

def test_two_versions_cannot_share_an_effective_date():
    p = policy(LEGACY_V1, Version(2, first_reading=D("2009-07-01"), posted=D("2009-08-01"),
                                  adopted=D("2009-09-01")))
    err = refused(p, 2, "effective", D("2009-10-05"))
    assert err.rule == 4 and err.earliest == D("2009-10-06") and "both take effect" in err.message
    assert apply(p, 2, "effective", D("2009-10-06")).effective == D("2009-10-06")


def test_a_later_version_cannot_take_effect_before_an_earlier_one():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04", effective="2018-07-01"),
               Version(3, first_reading=D("2018-05-02"), posted=D("2018-05-03"),
                       adopted=D("2018-06-04")))
    err = refused(p, 3, "effective", D("2018-06-15"))
    assert err.rule == 4 and "before version 2's effective date, 2018-07-01" in err.message
    assert err.earliest == D("2018-07-02")
    assert rules.earliest_effective(p, 3, notice_days=30) == D("2018-07-02")


def test_earlier_version_cannot_jump_past_a_later_one():
    p = policy(Version(1, legacy=True, adopted=D("2009-10-05")),
               Version(2, legacy=True, adopted=D("2012-01-10")))
    err = refused(policy(Version(1, legacy=True), p.versions[1]), 1, "adopted", D("2013-01-01"))
    assert err.rule == 4
    # Nothing passes for version 1 after version 2's date.
    blocked = policy(Version(1, legacy=True, adopted=D("2013-01-01")), p.versions[1])
    assert rules.earliest_effective(blocked, 1, notice_days=30) is None


def test_withdrawn_versions_do_not_take_part_in_the_order():
    withdrawn = v2(posted="2018-06-01", adopted="2018-06-04", effective="2018-07-01",
                   withdrawn="2018-06-20")
    v3 = Version(3, first_reading=D("2018-06-21"), posted=D("2018-06-22"), adopted=D("2018-06-25"))
    p = policy(LEGACY_V1, withdrawn, v3)
    assert apply(p, 3, "effective", D("2018-07-23")).effective == D("2018-07-23")
    assert rules.earliest_effective(p, 3, notice_days=30) == D("2018-07-22")


def test_check_policy_compares_with_every_earlier_version():
    p = policy(Version(1, legacy=True, adopted=D("2018-01-01")),
               Version(2, legacy=True, adopted=D("2010-01-01")),
               Version(3, legacy=True, adopted=D("2015-01-01")))
    failures = rules.check_policy(p, today=TODAY, notice_days=30)
    assert [(f.rule, f.version) for f in failures] == [(4, 2), (4, 3)]
    assert "version 1's effective date, 2018-01-01" in failures[1].message


# ---- rule 6: legacy -----------------------------------------------------------

def test_legacy_version_needs_only_an_adoption_date():
    p = policy(Version(1, legacy=True))
    v1 = apply(p, 1, "adopted", D("2009-10-05"))
    assert v1.effective is None and v1.effective_date == D("2009-10-05")
    assert v1.state(TODAY) is State.IN_FORCE
    assert rules.check_policy(policy(v1), today=TODAY, notice_days=30) == []


def test_legacy_is_exempt_from_notice_and_posted_text():
    v1 = Version(1, legacy=True, posted=D("2009-10-01"), adopted=D("2009-10-01"))
    p = policy(v1)
    v1 = apply(p, 1, "effective", D("2009-10-02"), posted_changed=True)
    assert v1.effective == D("2009-10-02")
    assert rules.check_policy(policy(v1), today=TODAY, notice_days=30, posted_changed={1: True}) == []


def test_non_legacy_adoption_needs_a_first_reading():
    p = policy(Version(1))
    err = refused(p, 1, "adopted", D("2026-11-01"))
    assert err.rule == 1 and "first reading" in err.message and "legacy" in err.message


def test_legacy_effective_date_defaults_to_adoption_and_may_be_recorded_once():
    p = policy(LEGACY_V1)
    assert apply(p, 1, "effective", D("2009-10-05")).effective == D("2009-10-05")
    v1 = apply(p, 1, "effective", D("2009-11-01"))
    assert v1.effective_date == D("2009-11-01")
    err = refused(policy(v1), 1, "effective", D("2009-12-01"))
    assert err.rule == 1 and "took effect on 2009-11-01" in err.message
    assert refused(p, 1, "effective", D("2009-10-04")).rule == 1   # before its adoption


# ---- rule 1: order of dates, facts, changing an effective date ----------------------

@pytest.mark.parametrize("event", ["first_reading", "second_reading", "adopted", "posted",
                                   "reviewed", "withdrawn"])
def test_facts_after_today_are_refused(event):
    adopted = v2(adopted="2018-06-04") if event == "reviewed" else None
    p = policy(LEGACY_V1, adopted or Version(2, first_reading=D("2026-11-01")))
    number = 3 if event == "first_reading" else 2
    tomorrow = TODAY + timedelta(days=1)
    err = refused(p, number, event, tomorrow)
    assert err.rule == 1 and "after today, 2026-11-29" in err.message
    assert apply(p, number, event, TODAY) is not None


def test_effective_date_may_be_in_the_future_and_changed_while_it_is():
    p = policy(LEGACY_V1, v2(posted="2026-10-01", adopted="2026-11-03", effective="2027-01-01"))
    assert apply(p, 2, "effective", D("2027-02-01")).effective == D("2027-02-01")
    assert apply(p, 2, "effective", D("2026-11-15")).effective == D("2026-11-15")


def test_effective_date_change_refused_once_passed():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-03", effective="2026-11-29"))
    err = refused(p, 2, "effective", D("2026-12-15"))   # took effect today: it has begun
    assert err.rule == 1 and "only while it is still in the future" in err.message


def _span(version, first, last, records):
    """Tagged data of ``version`` collected between two UTC times (rule 7's facts)."""
    stamp = lambda s: datetime.fromisoformat(s).replace(tzinfo=timezone.utc).timestamp()  # noqa: E731
    return {version: rules.TaggedSpan(version, stamp(first), stamp(last), records)}


def test_effective_date_change_refused_when_tagged_data_depends_on_it():
    p = policy(LEGACY_V1, v2(posted="2026-10-01", adopted="2026-11-03", effective="2027-01-01"))
    tagged = _span(1, "2026-11-10T12:00", "2026-11-20T12:00", 3)
    err = refused(p, 2, "effective", D("2026-11-15"), tagged=tagged)
    assert err.rule == 7 and "3 tagged data records governed by version 1" in err.message
    assert err.earliest == D("2026-11-21") and "2026-11-21" in err.message
    assert "1 tagged data record " in refused(p, 2, "effective", D("2026-11-15"),
                                              tagged=_span(1, "2026-11-16T00:00", "2026-11-16T00:00", 1)).message
    assert apply(p, 2, "effective", D("2026-11-21"), tagged=tagged).effective == D("2026-11-21")


def test_first_effective_date_that_would_retag_data_is_refused():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-03"))
    err = refused(p, 2, "effective", D("2026-10-03"), tagged=_span(1, "2026-01-01T00:00", "2026-10-05T00:00", 12))
    assert err.rule == 7 and "12 tagged data records" in err.message


def test_withdrawal_and_legacy_adoption_are_checked_against_tagged_data():
    p = policy(LEGACY_V1, v2(posted="2026-09-01", adopted="2026-10-03", effective="2026-11-02"))
    tagged = {**_span(1, "2020-01-01T00:00", "2026-11-01T00:00", 5),
              **_span(2, "2026-11-03T00:00", "2026-11-20T00:00", 7)}
    err = refused(p, 2, "withdrawn", D("2026-11-10"), tagged=tagged)
    assert err.rule == 7 and "7 tagged data records governed by version 2" in err.message
    # a legacy version imported before version 1's data would take it over
    old = policy(Version(1, legacy=True, adopted=D("2009-10-05")), Version(2, legacy=True))
    err = refused(old, 2, "adopted", D("2015-01-01"), tagged=_span(1, "2016-01-01T00:00", "2016-02-01T00:00", 4))
    assert err.rule == 7 and "4 tagged data records governed by version 1" in err.message


@pytest.mark.parametrize("event, recorded", [
    ("first_reading", "2018-05-01"), ("adopted", "2018-06-04"), ("posted", "2018-06-01")])
def test_a_recorded_fact_is_not_changed(event, recorded):
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    err = refused(p, 2, event, D("2018-06-10"))
    assert err.rule == 1 and f"already recorded as {recorded}" in err.message
    assert apply(p, 2, event, D(recorded)) == p.version(2)


def test_second_reading_order():
    p = policy(LEGACY_V1, Version(2))
    assert "no first reading" in refused(p, 2, "second_reading", D("2018-05-15")).message
    p = policy(LEGACY_V1, v2())
    err = refused(p, 2, "second_reading", D("2018-04-30"))
    assert err.rule == 1 and err.earliest == D("2018-05-01")
    assert apply(p, 2, "second_reading", D("2018-05-01")).second_reading == D("2018-05-01")
    p = policy(LEGACY_V1, v2(second_reading="2018-05-15"))
    err = refused(p, 2, "adopted", D("2018-05-14"))
    assert "before the second reading on 2018-05-15" in err.message


def test_effective_needs_adoption_and_posting_not_after_it():
    p = policy(LEGACY_V1, v2(posted="2018-05-02"))
    assert "not been adopted" in refused(p, 2, "effective", D("2018-07-01")).message
    ed = replace(v2(posted="2018-06-10", adopted="2018-06-04"), change_class=EDITORIAL)
    err = refused(policy(LEGACY_V1, ed), 2, "effective", D("2018-06-05"))
    assert err.rule == 1 and "before the posting on 2018-06-10" in err.message
    assert err.earliest == D("2018-06-10")


def test_withdrawn_version_takes_no_more_events():
    p = policy(LEGACY_V1, v2(withdrawn="2018-05-20"))
    err = refused(p, 2, "adopted", D("2018-06-04"))
    assert err.rule == 1 and "withdrawn on 2018-05-20" in err.message
    assert apply(p, 2, "withdrawn", D("2018-05-20")) == p.version(2)
    err = refused(policy(LEGACY_V1, v2(adopted="2018-06-04")), 2, "withdrawn", D("2018-05-20"))
    assert "before the adoption on 2018-06-04" in err.message


def test_reviews_accumulate_after_adoption():
    p = policy(LEGACY_V1)
    v1 = apply(p, 1, "reviewed", D("2015-03-01"))
    v1 = apply(policy(v1), 1, "reviewed", D("2012-03-01"))
    assert v1.reviewed == (D("2012-03-01"), D("2015-03-01"))
    assert "before the adoption" in refused(p, 1, "reviewed", D("2009-01-01")).message
    assert "not been adopted" in refused(policy(v2()), 2, "reviewed", D("2018-05-02")).message


def test_first_reading_of_the_next_number_starts_a_version():
    p = policy(LEGACY_V1)
    v = apply(p, 2, "first_reading", "2018-05-01")
    assert v == Version(2, first_reading=D("2018-05-01"))
    with pytest.raises(NotFound) as info:
        apply(p, 2, "adopted", D("2018-05-01"))
    assert "begins with its first reading" in info.value.message
    with pytest.raises(NotFound):
        apply(p, 5, "first_reading", D("2018-05-01"))
    with pytest.raises(InvalidInput):
        apply(p, 1, "repealed", D("2018-05-01"))


# ---- how failures are reported --------------------------------------------------

def test_preview_returns_what_apply_raises():
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04"))
    failures = rules.preview_event(p, 2, "effective", D("2009-10-05"), today=TODAY, notice_days=30)
    assert [f.rule for f in failures] == [1, 1, 4]
    assert "before the adoption on 2018-06-04" in failures[0].message
    assert "Versions 1 and 2 both take effect on 2009-10-05" in failures[2].message
    assert {f.earliest for f in failures} == {D("2018-07-01")}
    err = refused(p, 2, "effective", D("2009-10-05"))
    assert (err.rule, err.message) == (failures[0].rule, failures[0].message)
    assert all(f.message in err.details for f in failures[1:])
    assert all(f.version == 2 and "None" not in f.message for f in failures)
    assert rules.preview_event(p, 2, "effective", D("2018-07-01"), today=TODAY, notice_days=30) == []


def test_old_failures_do_not_block_unrelated_events():
    # Recorded under a 14-day notice; the library now asks 30.
    p = policy(LEGACY_V1, v2(posted="2018-06-01", adopted="2018-06-04", effective="2018-06-20"))
    assert [f.rule for f in rules.check_policy(p, today=TODAY, notice_days=30)] == [2]
    assert apply(p, 2, "reviewed", D("2020-01-01")).reviewed == (D("2020-01-01"),)


def test_check_policy_finds_dates_after_today_and_out_of_order():
    bad = Version(2, first_reading=D("2018-05-10"), second_reading=D("2018-05-01"),
                  adopted=D("2026-12-01"))
    failures = rules.check_policy(policy(LEGACY_V1, bad), today=TODAY, notice_days=30)
    messages = " ".join(f.message for f in failures)
    assert {f.rule for f in failures} == {1}
    assert "after today (2026-11-29)" in messages and "before the first reading" in messages


def test_rule_names_cover_every_rule():
    assert sorted(rules.RULE_NAMES) == list(range(1, 11))


@given(
    posted=st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 9, 1)),
    notice=st.integers(min_value=0, max_value=90),
    offset=st.integers(min_value=0, max_value=120),
)
def test_effective_passes_exactly_from_the_earliest_date(posted, notice, offset):
    p = policy(Version(1, first_reading=posted, posted=posted, adopted=posted))
    when = posted + timedelta(days=offset)
    failures = rules.preview_event(p, 1, "effective", when, today=TODAY, notice_days=notice)
    assert (failures == []) == (offset >= notice)
    earliest = rules.earliest_effective(p, 1, notice_days=notice)
    assert earliest == posted + timedelta(days=notice)
    for f in failures:
        assert f.earliest == earliest
        assert rules.preview_event(p, 1, "effective", f.earliest, today=TODAY,
                                   notice_days=notice) == []
