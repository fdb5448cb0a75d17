"""What the window remembers between runs: its size and place, the splitter
positions, and the policy last open in each library.

Kept as JSON next to the user's settings (``store.usersettings.config_dir()``,
``window.json``), not in the library: it is this person's, on this
workstation. A missing or unreadable file is the default state, never an error.
"""

from __future__ import annotations

import json
from pathlib import Path

FILE_NAME = "window.json"
MAX_LIBRARIES = 20


def state_path() -> Path:
    from policyeditor.store.usersettings import config_dir

    return config_dir() / FILE_NAME


def load() -> dict:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict) -> None:
    """Write ``data`` (best effort: the window closes whatever happens here)."""
    from policyeditor.atomicfile import write_bytes

    try:
        state_path().parent.mkdir(parents=True, exist_ok=True)
        write_bytes(state_path(), json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
    except OSError:
        pass


def last_policy(data: dict, library: str) -> str | None:
    value = (data.get("last_policy") or {}).get(library)
    return value if isinstance(value, str) else None


def with_last_policy(data: dict, library: str, policy_id: str) -> dict:
    last = dict(data.get("last_policy") or {})
    last.pop(library, None)
    last[library] = policy_id
    while len(last) > MAX_LIBRARIES:
        last.pop(next(iter(last)))
    return {**data, "last_policy": last}
