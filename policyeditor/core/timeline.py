"""Which version of a policy is in force, when (docs/design.md "In force", rule 7).

A version takes effect at 00:00 local time, in the library's time zone, on
its effective date, and stays in force until the next version takes effect.
A withdrawn version is not in force from 00:00 local on its withdrawal date
on (before that it was, if it had taken effect), and the version it had
replaced is in force again.

Because every date counts from the local day's first instant, "in force at
instant t" is "in force on the local calendar day of t": an instant is turned
into its day in the library's zone (``dates.local_date``) and the day is
compared with the recorded dates. A naive datetime is local time; its day
needs no clock-change resolution, so 01:30 on the night the clocks go back is
answered without asking which 01:30. A ``date`` means that day's first
instant (00:00 local), which is the same answer as any instant of that day.

Only adopted versions take part (a legacy version takes effect on its
adoption date: ``Version.effective_date``). If two versions share an
effective date (rule 4 forbids it; ``check`` reports it) the higher number
wins.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from policyeditor.core.dates import local_date
from policyeditor.core.versions import Policy, State, Version


def _eligible(policy: Policy) -> list[Version]:
    return [v for v in policy.versions if v.adopted is not None and v.effective_date is not None]


def _in_force_on(candidates: list[Version], day: date) -> Version | None:
    best: Version | None = None
    for v in candidates:
        if v.effective_date > day:
            continue
        if v.withdrawn is not None and v.withdrawn <= day:
            continue
        if best is None or (v.effective_date, v.number) > (best.effective_date, best.number):
            best = v
    return best


def in_force(policy: Policy, when: date | datetime, tz: tzinfo | str) -> Version | None:
    """The version of ``policy`` in force at ``when``, or None before the first one.

    ``when``: a date (its 00:00 local), a naive datetime (local time in ``tz``)
    or an aware datetime (converted to ``tz``).
    """
    return _in_force_on(_eligible(policy), local_date(when, tz))


def intervals(policy: Policy) -> list[tuple[Version, date, date | None]]:
    """The periods each version was in force, in order: (version, start, end).

    ``start`` is the first day in force, ``end`` the first day no longer in
    force (None: still in force, as far as the records go). Days when no
    version was in force have no entry; a version in force again after a
    withdrawal has a second entry.
    """
    candidates = _eligible(policy)
    changes = sorted({d for v in candidates for d in (v.effective_date, v.withdrawn) if d})
    out: list[tuple[Version, date, date | None]] = []
    current: Version | None = None
    start: date | None = None
    for day in changes:
        now = _in_force_on(candidates, day)
        if now is current:
            continue
        if current is not None:
            out.append((current, start, day))
        current, start = now, day
    if current is not None:
        out.append((current, start, None))
    return out


def states(policy: Policy, today: date) -> dict[int, State]:
    """Each version's state on ``today``: ``Version.state``, except that a version
    whose effective date has passed but which another version has replaced is
    SUPERSEDED."""
    current = _in_force_on(_eligible(policy), today)
    out: dict[int, State] = {}
    for v in policy.versions:
        state = v.state(today)
        if state is State.IN_FORCE and (current is None or current.number != v.number):
            state = State.SUPERSEDED
        out[v.number] = state
    return out
