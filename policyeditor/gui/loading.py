"""What the window reads from the library, as plain data, in a worker.

Each function takes a ``Library`` and returns core objects; the window calls
them through ``TaskRunner.run(..., serial=True)`` so git never runs on the UI
thread and library reads and writes happen one at a time, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from policyeditor.core import rules, timeline
from policyeditor.core.errors import PolicyEditorError
from policyeditor.core.versions import LibrarySettings, Policy, State


@dataclass(frozen=True)
class PolicyData:
    """Everything the window shows of one policy."""

    policy: Policy
    draft: str
    today: date
    settings: LibrarySettings
    notice_days: int
    texts: dict[int, str]          # version number -> its text (0: no version, empty text)
    in_force: int | None
    states: dict[int, State]
    failures: tuple
    context: rules.RuleContext | None = None   # what the store checks events with
    amendment: str | None = None   # rule 10: the draft's changes since the latest first reading


def load_policy(lib, policy_id: str) -> PolicyData:
    """Read ``policy_id``'s record, draft, version texts and rule checks."""
    policy = lib.policy(policy_id)
    today = lib.today()
    texts: dict[int, str] = {0: ""}
    for version in policy.versions:
        try:
            texts[version.number] = lib.version_text(policy_id, version.number)
        except PolicyEditorError:
            continue   # a version without a recorded text cannot be compared with
    current = timeline.in_force(policy, today, lib.settings.timezone)
    notice_days = lib.settings.notice_days_for(policy)
    context = lib.rule_context(policy_id)
    from policyeditor.store.events import amendment

    amended = amendment(lib, policy_id, policy.latest) if policy.latest else None
    return PolicyData(
        policy=policy,
        draft=lib.draft_text(policy_id),
        today=today,
        settings=lib.settings,
        notice_days=notice_days,
        texts=texts,
        in_force=current.number if current else None,
        states=timeline.states(policy, today) if policy.versions else {},
        failures=tuple(rules.check_policy(policy, context)),
        context=context,
        amendment=amended,
    )


def default_base(data: PolicyData) -> int:
    """The version the redline compares with first: in force, else the newest with a text."""
    if data.in_force is not None and data.in_force in data.texts:
        return data.in_force
    numbers = [n for n in data.texts if n]
    return max(numbers) if numbers else 0
