"""Rule 7's count for a library: tagged records a new effective date would re-govern.

``records_moved`` answers, for ``Library.record_event``, how many records
tagged on this workstation a new effective date would put under another
version, so the rules can refuse it (DESIGN.md rules 1 and 7).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from policyeditor.store.register import default_path, library_key, open_for

if TYPE_CHECKING:
    # store.library.Library, not imported: Library.record_event imports this module, and an
    # import back (even for type checking) would close a circle (tests/test_layering.py).
    from typing import Any as Library


def records_moved(lib: "Library", policy_id: str, event: str, when: date | str,
                  version: int | None = None) -> int:
    """How many tagged records recording ``event`` would put under another version (rule 7).

    0 when the event changes no dates of effect, or when this workstation has
    no register yet (nothing was tagged here). Used by ``Library.record_event``.
    """
    from dataclasses import replace

    from policyeditor.core import dates
    from policyeditor.core.tagging import regoverned_windows

    if event != "effective" or not default_path().exists():
        return 0
    policy = lib.policy(policy_id)
    if not policy.versions:
        return 0
    number = version if version is not None else policy.versions[-1].number
    day = dates.parse_date(when) if isinstance(when, str) else when
    if isinstance(day, datetime):
        day = day.date()
    try:
        after_v = policy.version(number).with_event(event, day)
    except (ValueError, LookupError):
        return 0
    after = replace(policy, versions=tuple(after_v if v.number == number else v for v in policy.versions))
    windows = regoverned_windows(policy, after, lib.settings.timezone)
    if not windows:
        return 0
    with open_for(lib) as register:
        key = library_key(lib)
        return sum(register.records_between(key, policy_id, start, end) for start, end in windows)
