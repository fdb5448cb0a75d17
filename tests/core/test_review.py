"""The review cycle: one answer for the window's list and `list --due`."""

from __future__ import annotations

from datetime import date

from policyeditor.core.review import add_months, last_review, next_review, review_due
from policyeditor.core.versions import Policy, Version


def policy(*versions: Version, months: int | None = 36) -> Policy:
    return Policy(id="p", title="P", review_months=months, versions=versions)


def test_due_when_the_last_adoption_is_as_old_as_the_cycle():
    p = policy(Version(1, legacy=True, adopted=date(2018, 6, 5)))
    assert not review_due(p, date(2021, 6, 4))
    assert review_due(p, date(2021, 6, 5))
    assert next_review(p, date(2021, 6, 4)) == date(2021, 6, 5)


def test_a_review_restarts_the_cycle():
    p = policy(Version(1, legacy=True, adopted=date(2018, 6, 5), reviewed=(date(2021, 5, 1),)))
    assert last_review(p, date(2022, 1, 1)) == date(2021, 5, 1)
    assert not review_due(p, date(2024, 4, 30))
    assert review_due(p, date(2024, 5, 1))


def test_never_adopted_or_no_cycle_is_never_due():
    assert not review_due(policy(Version(1, first_reading=date(2001, 1, 1))), date(2026, 1, 1))
    assert not review_due(policy(Version(1, legacy=True, adopted=date(1990, 1, 1)), months=None),
                          date(2026, 1, 1))


def test_dates_after_today_do_not_count():
    p = policy(Version(1, legacy=True, adopted=date(2010, 1, 1)),
               Version(2, adopted=date(2030, 1, 1), first_reading=date(2029, 12, 1)))
    assert last_review(p, date(2026, 1, 1)) == date(2010, 1, 1)
    assert review_due(p, date(2026, 1, 1))


def test_month_ends_clamp():
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2019, 12, 15), 36) == date(2022, 12, 15)
