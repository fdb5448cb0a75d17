"""One line per policy for the manual's list, with a local cache.

A summary says which version is in force today, what is pending (draft
changed, a reading held, adopted and waiting for its effective date) and
whether the review cycle is due. Reading 400 policy.toml files with 20
versions each takes more than a second in pure-Python TOML, so summaries are
cached in ``.git/policyeditor/summaries.json`` (local to the workstation,
never committed) and reused while the time zone and each policy's two files
(size, modification time, inode) are unchanged and today is before the
summary's ``valid_until``: the next date on which one of the policy's dates
is reached (an effective date passes, a review falls due), so the cache
does not go stale at midnight. Files changed in the last two seconds are
never cached, as git itself does for "racily clean" files, so a change made
within the clock's resolution is never missed.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from policyeditor.core import review
from policyeditor.core.review import add_months
from policyeditor.core.versions import Policy, State
from policyeditor.store.conflicts import CONFLICT_FILE
from policyeditor.store.files import POLICIES_DIR, atomic_write, draft_path, record_path

if TYPE_CHECKING:
    from policyeditor.store.library import Library

CACHE_FORMAT = 1
RACY_SECONDS = 2.0


@dataclass(frozen=True)
class PolicySummary:
    """What the list of policies shows for one policy."""

    id: str
    code: str
    title: str
    in_force: int | None           # number of the version in force today
    in_force_since: date | None    # its effective date
    pending: tuple[str, ...]       # plain phrases: "draft changed", "version 2: first reading held 2018-05-01"
    last_review: date | None       # latest adoption or review
    review_months: int | None
    review_due: bool


def _pending(policy: Policy, current: int, today: date, draft_changed: bool) -> list[str]:
    out = ["draft changed"] if draft_changed else []
    for v in policy.versions:
        if v.number <= current or v.withdrawn is not None:
            continue
        state = v.state(today)
        if state is State.PRESENTED:
            out.append(f"version {v.number}: first reading held {v.first_reading}")
        elif state is State.SECOND_READING:
            out.append(f"version {v.number}: second reading held {v.second_reading}")
        elif state is State.ADOPTED:
            out.append(f"version {v.number}: adopted {v.adopted}, no effective date yet")
        elif state is State.PENDING:
            out.append(f"version {v.number}: adopted {v.adopted}, effective {v.effective_date}")
    return out


def valid_until(policy: Policy, today: date) -> date | None:
    """The first day after ``today`` on which the summary could read differently (None: never)."""
    days = [d for v in policy.versions
            for d in (v.first_reading, v.second_reading, v.adopted, v.posted, v.effective_date,
                      v.withdrawn, *v.reviewed) if d is not None]
    if policy.review_months is not None:
        days += [add_months(d, policy.review_months) for d in days]
    later = [d for d in days if d > today]
    return min(later) if later else None


def summarize(policy: Policy, *, draft_changed: bool, today: date, tz: str) -> PolicySummary:
    """The list line of ``policy`` on ``today``."""
    from policyeditor.core import timeline

    current = timeline.in_force(policy, today, tz)
    last = review.last_review(policy, today)
    return PolicySummary(
        id=policy.id,
        code=policy.code,
        title=policy.title,
        in_force=current.number if current else None,
        in_force_since=current.effective_date if current else None,
        pending=tuple(_pending(policy, current.number if current else 0, today, draft_changed)),
        last_review=last,
        review_months=policy.review_months,
        review_due=review.review_due(policy, today),
    )


def _stat_key(path: os.PathLike[str]) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def _to_json(s: PolicySummary) -> dict:
    data = asdict(s)
    for key in ("in_force_since", "last_review"):
        data[key] = data[key].isoformat() if data[key] else None
    data["pending"] = list(s.pending)
    return data


def _from_json(data: dict) -> PolicySummary:
    data = dict(data)
    for key in ("in_force_since", "last_review"):
        data[key] = date.fromisoformat(data[key]) if data[key] else None
    data["pending"] = tuple(data["pending"])
    return PolicySummary(**data)


def _load_cache(path: os.PathLike[str], header: dict) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            cache = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(cache, dict) or cache.get("header") != header:
        return {}
    entries = cache.get("entries")
    return entries if isinstance(entries, dict) else {}


def _current(entry: dict, today: date) -> bool:
    """Whether a cached summary computed on entry['from'] still holds on ``today``."""
    try:
        start = date.fromisoformat(entry["from"])
        until = date.fromisoformat(entry["until"]) if entry["until"] else None
    except (KeyError, TypeError, ValueError):
        return False
    return start <= today and (until is None or today < until)


def summaries(lib: "Library") -> list[PolicySummary]:
    """A summary of every policy, sorted by id (cached; see the module's note)."""
    today = lib.today()
    header = {"format": CACHE_FORMAT, "timezone": lib.settings.timezone}
    cache_path = lib.git_dir / "policyeditor" / "summaries.json"
    old = _load_cache(cache_path, header)
    fresh: dict[str, dict] = {}
    out: list[PolicySummary] = []
    now_ns = time.time_ns()
    dirty = False
    for pid in lib.policy_ids():
        key = [_stat_key(lib.path / record_path(pid)), _stat_key(lib.path / draft_path(pid))]
        entry = old.get(pid)
        if entry and entry.get("key") == key and _current(entry, today):
            summary = _from_json(entry["summary"])
        else:
            dirty = True
            policy = lib.policy(pid)
            summary = summarize(policy, draft_changed=lib.draft_changed(pid, policy), today=today,
                                tz=lib.settings.timezone)
            until = valid_until(policy, today)
            entry = {"key": key, "from": today.isoformat(), "until": until.isoformat() if until else None,
                     "summary": _to_json(summary)}
        if (lib.path / POLICIES_DIR / pid / CONFLICT_FILE).is_file():     # not cached: sync adds it
            summary = replace(summary, pending=("conflict: changed on two workstations", *summary.pending))
        out.append(summary)
        racy = any(k is None or now_ns - k[0] < RACY_SECONDS * 1e9 for k in key)
        if not racy:
            fresh[pid] = entry
    if dirty or set(fresh) != set(old):
        try:
            atomic_write(cache_path, json.dumps({"header": header, "entries": fresh}).encode("utf-8"))
        except OSError:
            pass  # a read-only library still lists; it is only slower
    return out
