"""The rules of the policy process (docs/design.md rules 1-4, 6, 7 and 8).

Pure functions over ``Policy``/``Version`` records and a given ``today``:
nothing here reads a clock, a file or a repository. The store asks
``apply_event`` before it writes anything and writes only the version it gets
back; the GUI asks ``preview_event`` while the clerk types; ``check_policy``
lists every failure of a policy as it is recorded.

Every check reads one ``RuleContext``: today, the notice period, the time
zone, which postings no longer count (rule 3) and what tagged data covers
(rule 7). The store builds it (``store.events.rule_context``) for the check
it runs when it writes, and the window's live check uses the same value, so
the two cannot disagree.

Rule 5 (adopted text never changes) is proved by the store's ``verify``;
rule 7 (data stays with its version) here: any event whose result changes
which version governs some instant is refused when tagged data covers that
instant (``RuleContext.tagged``, recorded in the library). Rule 8: legacy
versions come before the first version recorded with the tool.

How the rules read the records:

- A version's effective date is ``Version.effective_date``: a legacy version
  with only an adoption date takes effect on it (rule 6).
- Rules 2 and 3 apply to substantive versions that are not legacy. An
  editorial version needs only ``effective >= adopted``, which rule 1 checks.
- Rules 2 and 3 are checked once an effective date is recorded: a version
  that is adopted and waiting for its posting fails nothing yet.
- An event is refused when it adds a failure. Failures already on record (for
  example after the notice period was lengthened) do not block unrelated
  events such as a review; ``check_policy`` keeps reporting them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from types import MappingProxyType
from typing import Any, Mapping

from policyeditor.core import dates
from policyeditor.core.dates import add_days, parse_date
from policyeditor.core.errors import InvalidInput, NotFound, RuleViolation
from policyeditor.core.versions import (
    ADOPTED,
    EFFECTIVE,
    EVENT_KIND,
    EVENT_LABELS,
    EVENTS,
    FACT_EVENTS,
    FIRST_READING,
    POSTED,
    READING_CHAIN,
    REVIEWED,
    SECOND_READING,
    SUBSTANTIVE,
    WITHDRAWN,
    Policy,
    Version,
)

RULE_NAMES = {1: "order of dates", 2: "notice before taking effect", 3: "the posted text",
              4: "one version at a time", 5: "adopted text never changes",
              6: "legacy versions", 7: "data stays with its version",
              8: "legacy versions come first", 9: "what is editorial",
              10: "amendments are shown before adoption"}
_NO_CHANGES: Mapping[int, bool] = MappingProxyType({})


@dataclass(frozen=True)
class TaggedSpan:
    """What tagged data covers for one version (rule 7), as recorded in the library.

    ``first`` and ``last``: the earliest and latest tagged collection instants
    (UTC epoch seconds); ``records``: how many records; ``datasets``: the content
    hashes of the tagged files. No personal data.
    """

    version: int
    first: float
    last: float
    records: int
    datasets: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleContext:
    """Everything the rules read besides the policy: one value for the store's check
    and the window's live check.

    ``posted_changed[n]``: version n's adopted text differs substantively from the
    text it posted (rule 3). ``draft_posted_changed``: adopting the draft now would
    make the version's posting stale (rule 3, for an adoption not yet recorded).
    ``tagged[n]``: what tagged data governed by version n covers (rule 7).
    """

    today: date
    notice_days: int = 30
    timezone: str = "UTC"
    posted_changed: Mapping[int, bool] = field(default_factory=dict)
    draft_posted_changed: bool = False
    tagged: Mapping[int, TaggedSpan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        dates.check_notice_days(self.notice_days)

    def changed(self, number: int) -> bool:
        return bool(self.posted_changed.get(number, False))


def context_of(context: RuleContext | None, number: int | None = None, **kw: Any) -> RuleContext:
    """``context``, or one made from keywords (``today``, ``notice_days``, ``timezone``,
    ``posted_changed`` as a mapping, or as a bool for version ``number``, ``tagged``)."""
    if context is not None:
        if kw:
            raise TypeError("give a RuleContext or keywords, not both")
        return context
    changed = kw.pop("posted_changed", _NO_CHANGES)
    if isinstance(changed, bool):
        changed = {number: changed} if number is not None and changed else _NO_CHANGES
    return RuleContext(posted_changed=changed, **kw)


@dataclass(frozen=True)
class RuleFailure:
    """One rule a version fails: the rule's number, the version, a plain sentence, and
    the earliest date that would pass when there is one."""

    rule: int
    version: int
    message: str
    earliest: date | None = None

    def __str__(self) -> str:
        return self.message


def needs_notice(version: Version) -> bool:
    """True when rules 2 and 3 apply: a substantive change that is not legacy."""
    return not version.legacy and version.change_class == SUBSTANTIVE


def _count(n: int, noun: str) -> str:
    """"1 day", "19 days"."""
    return f"{n} {noun}" if abs(n) == 1 else f"{n} {noun}s"


def _active(policy: Policy) -> list[Version]:
    """Versions that take part in rule 4: not withdrawn, with an effective date."""
    return sorted((v for v in policy.versions if v.withdrawn is None and v.effective_date),
                  key=lambda v: v.number)


def earliest_effective(policy: Policy, version: Version | int, *, notice_days: int,
                       today: date | None = None, posted_changed: bool = False) -> date | None:
    """The earliest effective date passing rules 1, 2 and 4 for ``version``.

    Bounds: on or after its readings, adoption and posting (rule 1); for a
    substantive, non-legacy change, ``notice_days`` after posting (rule 2);
    after the effective date of every earlier version (rule 4). None when no
    date can pass: it still needs a posting (unless ``today`` is given: then
    the answer assumes it is posted today), or a later version already takes
    effect on or before the bound. ``posted_changed`` (rule 3) means the
    recorded posting does not count. A version not yet adopted cannot take
    effect before ``today`` either, since its adoption is still to come.
    """
    v = version if isinstance(version, Version) else policy.version(version)
    bounds = [d for d in (v.first_reading, v.second_reading, v.adopted, v.posted) if d]
    if v.adopted is None and today is not None:
        bounds.append(today)
    if needs_notice(v):
        if v.posted is not None and not posted_changed:
            bounds.append(add_days(v.posted, notice_days))
        elif today is not None:
            bounds.append(add_days(today, notice_days))
        else:
            return None
    others = [o for o in _active(policy) if o.number != v.number]
    bounds += [add_days(o.effective_date, 1) for o in others if o.number < v.number]
    if not bounds:
        return None
    result = max(bounds)
    if any(o.effective_date <= result for o in others if o.number > v.number):
        return None
    return result


def _facts_after_today(v: Version, today: date) -> list[RuleFailure]:
    out = []
    for event in FACT_EVENTS:
        recorded = v.reviewed if event == REVIEWED else (getattr(v, event),)
        for d in recorded:
            if d is not None and d > today:
                label = EVENT_LABELS[event]
                out.append(RuleFailure(1, v.number, (
                    f"Version {v.number}: the {label} is recorded as {d}, after today ({today}); "
                    "it can be recorded only once it has happened.")))
    return out


def _missing_prerequisite(v: Version, event: str) -> str | None:
    """Why ``event`` cannot be on record yet for ``v``, or None."""
    n = v.number
    if event == SECOND_READING and v.first_reading is None:
        return f"Version {n} has no first reading on record; record the first reading before the second."
    if event == ADOPTED and v.first_reading is None and not v.legacy:
        return (f"Version {n} has no first reading on record; a version is adopted after its "
                "first reading (import it as legacy if it predates this library).")
    if event == EFFECTIVE and v.adopted is None:
        return f"Version {n} has not been adopted yet; record its adoption before its effective date."
    if event == REVIEWED and v.adopted is None:
        return f"Version {n} has not been adopted yet; only an adopted version is reviewed."
    return None


def _order_of_dates(v: Version, earliest: date | None) -> list[RuleFailure]:
    """Rule 1: first reading <= second reading <= adoption <= effective, first reading <=
    posting <= effective."""
    n, out = v.number, []
    for event in (SECOND_READING, ADOPTED, EFFECTIVE, REVIEWED):
        present = v.reviewed if event == REVIEWED else (getattr(v, event),)
        if any(d is not None for d in present):
            problem = _missing_prerequisite(v, event)
            if problem:
                out.append(RuleFailure(1, n, problem))
    chain = [(e, getattr(v, e)) for e in READING_CHAIN if getattr(v, e) is not None]
    for (a, da), (b, db) in zip(chain, chain[1:]):
        if db < da:
            out.append(RuleFailure(1, n, (
                f"Version {n}: the {EVENT_LABELS[b]} on {db} is before the {EVENT_LABELS[a]} "
                f"on {da}; it must come on or after it: earliest {da}."), da))
    if v.posted is not None and v.first_reading is not None and v.posted < v.first_reading:
        out.append(RuleFailure(1, n, (
            f"Version {n}: the posting on {v.posted} is before the first reading on "
            f"{v.first_reading}; a version's text is posted once it has been presented: "
            f"earliest {v.first_reading}."), v.first_reading))
    eff = v.effective_date
    if eff is not None:
        for a in (ADOPTED, POSTED):
            da = getattr(v, a)
            if da is not None and eff < da:
                tail = f": earliest {earliest}." if earliest else "."
                out.append(RuleFailure(1, n, (
                    f"Version {n}: effective {eff} is before the {EVENT_LABELS[a]} on {da}; "
                    f"a version cannot take effect before it is {'adopted' if a == 'adopted' else 'posted'}"
                    f"{tail}"), earliest))
    for r in v.reviewed:
        if v.adopted is not None and r < v.adopted:
            out.append(RuleFailure(1, n, (
                f"Version {n}: the review on {r} is before the adoption on {v.adopted}; "
                f"earliest {v.adopted}."), v.adopted))
    if v.withdrawn is not None:
        facts = [(e, d) for e in FACT_EVENTS if e != WITHDRAWN
                 for d in (v.reviewed if e == REVIEWED else (getattr(v, e),)) if d is not None]
        later = [(e, d) for e, d in facts if d > v.withdrawn]
        if later:
            e, d = max(later, key=lambda item: item[1])
            out.append(RuleFailure(1, n, (
                f"Version {n}: the withdrawal on {v.withdrawn} is before the {EVENT_LABELS[e]} on {d}; "
                f"earliest {d}."), d))
    return out


def _notice(v: Version, *, today: date, notice_days: int, posted_changed: bool,
            earliest: date | None) -> list[RuleFailure]:
    """Rules 2 and 3 for a substantive, non-legacy version with an effective date."""
    eff, n = v.effective_date, v.number
    if eff is None or not needs_notice(v):
        return []
    when = f"posted today, the earliest effective date would be {earliest}" if earliest else \
        "then choose the effective date"
    if v.posted is None:
        return [RuleFailure(2, n, (
            f"Version {n} takes effect on {eff} but has not been posted; substantive changes must "
            f"be posted {_count(notice_days, 'day')} before they take effect: post it first ({when})."), earliest)]
    if posted_changed:
        return [RuleFailure(3, n, (
            f"Version {n}: the adopted text differs substantively from the text posted on "
            f"{v.posted}, so that posting no longer counts: re-post the adopted text ({when})."),
            earliest)]
    gap = (eff - v.posted).days
    if 0 <= gap < notice_days:
        return [RuleFailure(2, n, (
            f"Version {n}: effective {eff} is {_count(gap, 'day')} after posting on {v.posted}; "
            f"substantive changes need {notice_days}: earliest {earliest}."), earliest)]
    return []


def _version_failures(policy: Policy, v: Version, *, today: date, notice_days: int,
                      posted_changed: bool) -> list[RuleFailure]:
    earliest = earliest_effective(policy, v, notice_days=notice_days, today=today,
                                  posted_changed=posted_changed)
    return (_facts_after_today(v, today) + _order_of_dates(v, earliest)
            + _notice(v, today=today, notice_days=notice_days,
                      posted_changed=posted_changed, earliest=earliest))


def _one_at_a_time(policy: Policy, *, today: date, notice_days: int,
                   posted_changed: Mapping[int, bool]) -> list[RuleFailure]:
    """Rule 4: effective dates strictly increase with the version number."""
    out: list[RuleFailure] = []
    latest: Version | None = None   # the earlier version with the latest effective date
    for v in _active(policy):
        if latest is not None and v.effective_date <= latest.effective_date:
            earliest = earliest_effective(policy, v, notice_days=notice_days, today=today,
                                          posted_changed=posted_changed.get(v.number, False))
            tail = f": earliest {earliest}." if earliest else "."
            if v.effective_date == latest.effective_date:
                text = (f"Versions {latest.number} and {v.number} both take effect on "
                        f"{v.effective_date}; versions take effect one after another{tail}")
            else:
                text = (f"Version {v.number}: effective {v.effective_date} is before version "
                        f"{latest.number}'s effective date, {latest.effective_date}; a later "
                        f"version cannot take effect before an earlier one{tail}")
            out.append(RuleFailure(4, v.number, text, earliest))
        if latest is None or v.effective_date > latest.effective_date:
            latest = v
    return out


def _out_of_range(v: Version) -> list[RuleFailure]:
    """Dates only a hand edit can put on record: outside 1900-2200 (dates.check_day)."""
    out = []
    for kind in EVENTS:
        for d in (v.reviewed if kind == REVIEWED else (getattr(v, kind),)):
            if d is not None and not dates.MIN_DATE <= d <= dates.MAX_DATE:
                out.append(RuleFailure(1, v.number, (
                    f"Version {v.number}: the {EVENT_LABELS[kind]} is recorded as {d}, outside the "
                    f"dates this program accepts ({dates.MIN_DATE.year} to {dates.MAX_DATE.year}); "
                    "policy.toml was edited by hand. Restore it from the library's history.")))
    return out


def _legacy_first(policy: Policy) -> list[RuleFailure]:
    """Rule 8: a legacy version comes before every version recorded with the tool."""
    out = []
    tool = [v for v in policy.versions if not v.legacy]
    for v in policy.versions:
        earlier = [t.number for t in tool if t.number < v.number]
        if v.legacy and v.adopted is not None and earlier:
            out.append(RuleFailure(8, v.number, (
                f"Version {v.number} is marked legacy, but version {earlier[0]} was already "
                "recorded with this program; legacy versions (adopted before the library "
                "existed) come before the first version recorded with it. Record the change "
                "as a new version from its first reading instead.")))
    return out


def check_policy(policy: Policy, context: RuleContext | None = None, **kw: Any) -> list[RuleFailure]:
    """Every failure of rules 1-4 and 8 (with 6's exemptions) in ``policy``.

    ``context`` (or its fields as keywords: ``today``, ``notice_days``,
    ``posted_changed`` as a mapping) gives today and the rule 3 facts. Sorted by
    version, then rule.
    """
    ctx = context_of(context, **kw)
    today, notice_days, posted_changed = ctx.today, ctx.notice_days, ctx.posted_changed
    out: list[RuleFailure] = []
    for v in sorted(policy.versions, key=lambda x: x.number):
        out += _version_failures(policy, v, today=today, notice_days=notice_days,
                                 posted_changed=posted_changed.get(v.number, False))
        out += _out_of_range(v)
    out += _one_at_a_time(policy, today=today, notice_days=notice_days,
                          posted_changed=posted_changed)
    out += _legacy_first(policy)
    return sorted(out, key=lambda f: (f.version, f.rule))


def _as_date(when: date | datetime | str) -> date:
    """Event dates are calendar days: accept a date, a datetime's day, or "2018-05-01"
    (between 1900 and 2200: dates.check_day)."""
    if isinstance(when, datetime):
        return dates.check_day(when.date())
    if isinstance(when, date):
        return dates.check_day(when)
    return parse_date(when)


def _find(policy: Policy, number: int, event: str) -> Version:
    """The version the event is for.

    The next number, with a first reading, is a new version (the store
    inserts a legacy version itself before recording its adoption).
    """
    for v in policy.versions:
        if v.number == number:
            return v
    following = max((v.number for v in policy.versions), default=0) + 1
    if number == following and event == FIRST_READING:
        return Version(number=number)
    if number == following:
        raise NotFound(f"{policy.title} has no version {number} yet; a new version begins "
                       "with its first reading.")
    policy.version(number)   # raises NotFound naming the versions there are
    raise AssertionError("unreachable")


def _recorded(v: Version, event: str, when: date) -> date | None:
    """What is on record for ``event``.

    A legacy version's default effective date (its adoption date) is not a
    record: the clerk may still record its real effective date once.
    """
    if event == REVIEWED:
        return when if when in v.reviewed else None
    return getattr(v, event)


def _change_refusal(v: Version, event: str, when: date, current: date, *, today: date,
                    posted_changed: bool) -> tuple[str | None, RuleFailure | None]:
    """``event`` is on record as ``current`` and the clerk gives ``when``: may it change?

    Only a future effective date no data depends on (rule 1), and a posting
    that no longer counts (rule 3: a later re-posting replaces it).
    """
    n, label = v.number, EVENT_LABELS[event]
    if event == EFFECTIVE:
        if current <= today:
            return None, RuleFailure(1, n, (
                f"Version {n} took effect on {current}; an effective date can be changed "
                f"only while it is still in the future, so it stays {current}."))
        return None, None   # tagged data that depends on it: rule 7, below
    if event == POSTED and posted_changed and when > current:
        return "repost", None
    extra = (" Post it again only when the adopted text differs substantively from the "
             "text posted." if event == POSTED else "")
    return None, RuleFailure(1, n, (
        f"The {label} of version {n} is already recorded as {current}; a recorded "
        f"{label} is a fact and is not changed.{extra}"))


def _refusal(v: Version, event: str, when: date, *, today: date,
             posted_changed: bool) -> tuple[str | None, RuleFailure | None]:
    """Checks that need no look at the rest of the policy.

    Returns ("same", None) when the event is already on record with this date,
    ("repost", None) for a new posting replacing one that no longer counts,
    (None, failure) when refused, (None, None) to go on.
    """
    n, label = v.number, EVENT_LABELS[event]
    if v.withdrawn is not None and not (event == WITHDRAWN and v.withdrawn == when):
        return None, RuleFailure(1, n, (
            f"Version {n} was withdrawn on {v.withdrawn}; nothing more can be recorded for it. "
            "Start a new version from the draft instead."))
    current = _recorded(v, event, when)
    if current == when:
        return "same", None
    outcome: str | None = None
    if current is not None:
        outcome, failure = _change_refusal(v, event, when, current, today=today,
                                           posted_changed=posted_changed)
        if failure is not None:
            return None, failure
    if EVENT_KIND[event].fact and when > today:
        return None, RuleFailure(1, n, (
            f"The {label} of version {n} cannot be recorded for {when}: that is after today, "
            f"{today}. Record it once it has happened."))
    problem = _missing_prerequisite(v, event)
    return (None, RuleFailure(1, n, problem)) if problem else (outcome, None)


def _local(instant: float, tz: str) -> datetime:
    return datetime.fromtimestamp(instant, timezone.utc).astimezone(dates.zone(tz))


def data_moved(before: Policy, after: Policy, ctx: RuleContext) -> list[tuple[TaggedSpan, tuple[float, float]]]:
    """Rule 7: the tagged spans that a change from ``before`` to ``after`` would put
    (partly) under another version, each with the first window of time that moves."""
    if not ctx.tagged:
        return []
    from policyeditor.core.tagging import regoverned_windows

    windows = regoverned_windows(before, after, ctx.timezone)
    out = []
    for span in sorted(ctx.tagged.values(), key=lambda s: s.version):
        for start, end in windows:
            if start <= span.last and span.first < end:
                out.append((span, (start, end)))
                break
    return out


def _data_failure(number: int, event: str, when: date, moved: list, ctx: RuleContext) -> RuleFailure:
    span = moved[0][0]
    tz = ctx.timezone
    first, last = _local(span.first, tz), _local(span.last, tz)
    what = {EFFECTIVE: f"take effect on {when}", WITHDRAWN: f"be withdrawn on {when}",
            ADOPTED: f"be imported as adopted (in force) on {when}"}.get(
                event, f"have its {EVENT_LABELS[event]} recorded on {when}")
    earliest = None
    if event == EFFECTIVE:   # data lies in the past: a date after the latest moved record
        latest = max(s.last for s, _w in moved)
        earliest = add_days(_local(latest, tz).date(), 1)
    tail = f" The earliest date that moves no tagged data is {earliest}." if earliest else ""
    return RuleFailure(7, number, (
        f"Version {number} cannot {what}: {_count(span.records, 'tagged data record')} "
        f"governed by version {span.version}, collected between {first:%Y-%m-%d %H:%M} and "
        f"{last:%Y-%m-%d %H:%M}, would then fall under another version, and data stays with "
        f"the version in force when it was collected.{tail}"), earliest)


def _evaluate(policy: Policy, number: int, event: str, when: date | datetime | str,
              ctx: RuleContext) -> tuple[Version, list[RuleFailure]]:
    """The version with the event recorded, and the failures the event would add."""
    if event not in EVENT_KIND:
        raise InvalidInput(f"'{event}' is not an event; the events are: "
                           f"{', '.join(e.replace('_', '-') for e in EVENTS)}.")
    when = _as_date(when)
    today = ctx.today
    v = _find(policy, number, event)
    posted_changed = ctx.changed(number)
    if event == ADOPTED and v.adopted is None:
        posted_changed = posted_changed or ctx.draft_posted_changed
    outcome, failure = _refusal(v, event, when, today=today, posted_changed=posted_changed)
    if failure is not None:
        return v, [failure]
    if outcome == "same":
        return v, []
    candidate = v.with_event(event, when)
    others = tuple(x for x in policy.versions if x.number != number)
    after_policy = replace(policy, versions=tuple(sorted(others + (candidate,),
                                                         key=lambda x: x.number)))
    moved = data_moved(policy, after_policy, ctx)
    if moved:
        return v, [_data_failure(number, event, when, moved, ctx)]
    before_ctx = replace(ctx, posted_changed={**ctx.posted_changed, number: posted_changed})
    after_ctx = replace(ctx, posted_changed={**ctx.posted_changed,
                                             number: posted_changed and outcome != "repost"})
    before = check_policy(policy, before_ctx)
    after = check_policy(after_policy, after_ctx)
    added = [f for f in after if f not in before]
    added.sort(key=lambda f: f.version != number)
    return candidate, added


def preview_event(policy: Policy, number: int, event: str, when: date | datetime | str,
                  context: RuleContext | None = None, **kw: Any) -> list[RuleFailure]:
    """What ``apply_event`` would refuse, as a list (empty when it would pass).

    For the GUI's live checks; rule failures are returned, never raised. Give the
    same ``context`` the store uses (``store.events.rule_context``).
    """
    return _evaluate(policy, number, event, when, context_of(context, number, **kw))[1]


def apply_event(policy: Policy, number: int, event: str, when: date | datetime | str,
                context: RuleContext | None = None, **kw: Any) -> Version:
    """Version ``number`` with ``event`` recorded on ``when``, or RuleViolation.

    ``number`` is an existing version, or the next number for a first reading
    (a new version). Recording a date already on record returns the version
    unchanged. ``context`` (or its fields as keywords; ``posted_changed`` may
    then be a bool for this version) gives today, the notice period, the rule 3
    facts and what tagged data covers (rule 7: an event that would put tagged
    data under another version is refused).
    """
    candidate, failures = _evaluate(policy, number, event, when, context_of(context, number, **kw))
    if failures:
        first, rest = failures[0], failures[1:]
        raise RuleViolation(first.message, rule=first.rule, earliest=first.earliest,
                            details="\n".join(f.message for f in rest))
    return candidate
