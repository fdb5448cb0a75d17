"""The review cycle: when a policy's periodic review falls due.

A policy with ``review_months`` is due for review when its last adoption or
review (on or before today) is that many months old. A policy never adopted
has nothing to review yet, so it is never due. The GUI's policy list and the
command line's ``list --due`` both ask here, so they agree.
"""

from __future__ import annotations

import calendar
from datetime import date

from policyeditor.core.versions import Policy


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months, clamped to the month's last day (Jan 31 + 1 = Feb 28/29)
    and to the calendar's last day (a record edited by hand to 9999-12-31)."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    if not date.min.year <= year <= date.max.year:   # a hand-edited date near year 9999
        return date.max if months > 0 else date.min
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def last_review(policy: Policy, today: date) -> date | None:
    """The latest adoption or review on or before ``today``."""
    return max((d for v in policy.versions for d in (v.adopted, *v.reviewed)
                if d is not None and d <= today), default=None)


def next_review(policy: Policy, today: date) -> date | None:
    """When the next review falls due; None without a cycle or an adoption."""
    last = last_review(policy, today)
    if not policy.review_months or last is None:
        return None
    return add_months(last, policy.review_months)


def review_due(policy: Policy, today: date) -> bool:
    """Whether the policy's review is due on ``today``."""
    due = next_review(policy, today)
    return due is not None and due <= today
