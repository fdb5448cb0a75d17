"""What tagged data covers, recorded in the library itself (docs/design.md rule 7).

Every tagged file leaves one small record in the library, committed like any
event, so it travels with sync and every workstation checks the same facts:

    policies/<id>/tagged/<sha256 of the file's content>.toml

    dataset_sha256 = "…"
    [[versions]]
    number = 1
    records = 12
    first = "2026-11-17T14:00:00Z"     # earliest tagged collection instant (UTC)
    last = "2026-11-28T14:00:00Z"      # latest

No personal data: counts, instants and the content hash only. One file per
tagged content means two workstations tagging different files add different
files (sync joins them), the same content tagged on two workstations gives
the same bytes (no time of the run inside: the commit has it), and the file,
once written, never changes (verify checks that). Tagging the same content again is accepted when it gives the
same versions (nothing new is written) and refused when it would put the same
records under another version.

``coverage(lib, policy_id)`` sums the files per version into the
``core.rules.TaggedSpan`` values the rules read.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from policyeditor.core.errors import DataError, LibraryStateError
from policyeditor.core.rules import TaggedSpan
from policyeditor.core.versions import Policy
from policyeditor.store import files

if TYPE_CHECKING:
    # store.library.Library, not imported: Library.record_event imports store.events, which
    # reads this module, and an import back would close a circle (tests/test_layering.py).
    from typing import Any as Library

    from policyeditor.core.tagging import Tagger
    from policyeditor.store.register import VersionCount

TAGGED_DIR = "tagged"
_SHA = re.compile(r"[0-9a-f]{64}")


def folder(policy_id: str) -> str:
    """``policies/<id>/tagged``: where a policy's coverage records live."""
    return f"{files.POLICIES_DIR}/{policy_id}/{TAGGED_DIR}"


def record_path(policy_id: str, sha: str) -> str:
    return f"{folder(policy_id)}/{sha}.toml"


def _stamp(instant: float) -> str:
    return datetime.fromtimestamp(instant, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _instant(text: object, rel: str) -> float:
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()
    except ValueError:
        raise LibraryStateError(f"In {rel}, '{text}' is not a time like 2026-11-17T14:00:00Z. "
                                "Restore the file from the library's history.") from None


def parse(data: dict, rel: str) -> list[TaggedSpan]:
    """The spans one coverage record holds (LibraryStateError naming the file when wrong)."""
    sha = data.get("dataset_sha256", "")
    spans = []
    for raw in data.get("versions", []):
        if not isinstance(raw, dict) or not isinstance(raw.get("number"), int) \
                or not isinstance(raw.get("records"), int):
            raise LibraryStateError(f"{rel} is not a record of tagged data policyeditor can read. "
                                    "Restore it from the library's history.")
        spans.append(TaggedSpan(raw["number"], _instant(raw.get("first"), rel),
                                _instant(raw.get("last"), rel), raw["records"], (sha,)))
    return spans


def records(lib: "Library", policy_id: str) -> dict[str, list[TaggedSpan]]:
    """Content hash -> its spans, from the files in the work tree."""
    base = lib.path / folder(policy_id)
    out: dict[str, list[TaggedSpan]] = {}
    if not base.is_dir():
        return out
    for path in sorted(base.glob("*.toml")):
        rel = f"{folder(policy_id)}/{path.name}"
        out[path.stem] = parse(files.read_toml(path, rel), rel)
    return out


def merge(spans: Iterable[TaggedSpan]) -> dict[int, TaggedSpan]:
    """Per version: the earliest first, the latest last, the records summed."""
    out: dict[int, TaggedSpan] = {}
    for s in spans:
        seen = out.get(s.version)
        if seen is None:
            out[s.version] = s
        else:
            out[s.version] = TaggedSpan(s.version, min(seen.first, s.first), max(seen.last, s.last),
                                        seen.records + s.records,
                                        tuple(sorted({*seen.datasets, *s.datasets})))
    return out


def coverage(lib: "Library", policy_id: str) -> dict[int, TaggedSpan]:
    """Version number -> what tagged data governed by it covers (rule 7's facts)."""
    return merge(s for spans in records(lib, policy_id).values() for s in spans)


def _shown(spans: list[TaggedSpan]) -> str:
    return ", ".join(f"version {s.version}" for s in sorted(spans, key=lambda s: s.version))


def record_coverage(lib: "Library", tagged_policy: Policy, sha: str,
                    counts: list["VersionCount"]) -> bool:
    """Record in the library what a successful tagging covered; True when a commit was made.

    Refused (DataError, nothing written) when the same content was tagged
    before under other versions, or when the policy's dates changed while the
    file was being tagged so that its records would now fall under another version.
    """
    from policyeditor.core.tagging import regoverned_windows

    if not _SHA.fullmatch(sha):
        raise ValueError("sha must be a sha256 hex digest")
    policy_id = tagged_policy.id
    spans = [TaggedSpan(c.version, c.first_at, c.last_at, c.rows, (sha,)) for c in counts if c.rows]
    if not spans:
        return False
    known = records(lib, policy_id).get(sha)
    if known is not None:
        if sorted({s.version for s in known}) == sorted({s.version for s in spans}):
            return False
        raise DataError(
            f"This file's content was tagged before with {_shown(known)} of {tagged_policy.title}; "
            f"tagging it again would put the same records under {_shown(spans)}, and data stays "
            "with the version in force when it was collected. Nothing was written; use the "
            "tagged copy made the first time.")
    current = lib.policy(policy_id)
    windows = regoverned_windows(tagged_policy, current, lib.settings.timezone)
    if any(start <= s.last and s.first < end for s in spans for start, end in windows):
        raise DataError(f"The dates of {current.title} changed while the file was being tagged, "
                        "so its records would now fall under another version. Nothing was "
                        "written; tag the file again.")
    data = {"dataset_sha256": sha,
            "versions": [{"number": s.version, "records": s.records, "first": _stamp(s.first),
                          "last": _stamp(s.last)} for s in sorted(spans, key=lambda s: s.version)]}
    rel = record_path(policy_id, sha)
    counts_text = ", ".join(f"version {s.version}: {s.records}" for s in spans)
    with lib.writing([rel]) as tx:
        tx.write(rel, files.dump_toml(data))
        tx.commit(f"{current.title}: tagged data recorded ({counts_text})", lib.author, lib.now())
    return True


def recorder(lib: "Library", tagger: "Tagger") -> Callable[[str, list["VersionCount"]], None]:
    """The ``coverage`` callback for ``store.tagging.tag_file``: records the run in the library."""
    def record(sha: str, counts: list["VersionCount"]) -> None:
        record_coverage(lib, tagger.policy, sha, counts)
    return record


def is_record(rel: str) -> bool:
    """Whether ``rel`` names a coverage record (``policies/<id>/tagged/<sha>.toml``)."""
    parts = Path(rel).parts
    return (len(parts) == 4 and parts[0] == files.POLICIES_DIR and parts[2] == TAGGED_DIR
            and parts[3].endswith(".toml") and bool(_SHA.fullmatch(parts[3][:-5])))
