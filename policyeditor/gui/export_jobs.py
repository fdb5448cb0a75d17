"""The work behind each export: read the library, render, write. Runs on a worker thread.

``work_for(key, lib, ...)`` returns the callable ``Exporter.export`` runs off
the UI thread. Everything that touches the library (git reads) or renders
happens inside that callable, never when it is made. What is exported:

- ``redline-html|pdf|docx``: the draft against ``base`` (a version number;
  default: the version in force), as the window's redline pane shows it;
- ``packet-pdf|docx``: version ``version`` (default: the latest) with its
  memo, for the ``reading`` ("first"/"second"), against the version it
  replaces;
- ``site``: the public notice site of every policy, into a folder;
- ``tag``: a data file (CSV or JSON Lines) tagged with the version of
  ``policy_id`` in force when each record was collected; its column of
  collection times is chosen by the user (``data_columns`` lists them).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policyeditor.core.dates import long_date
from policyeditor.core.errors import DataError, InvalidInput
from policyeditor.core.versions import Policy, Version

def tr(text: str) -> str:
    """Translate a string of this module's context (safe on a worker thread)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("export_jobs", text)


TIME_HINTS = ("collected", "submitted", "timestamp", "created", "time", "date", "when")


@dataclass(frozen=True)
class Written:
    """What a job wrote, and a sentence about it for the "done" message."""

    path: Path
    note: str = ""


# -- names ------------------------------------------------------------------------------
def suggested_name(key: str, *, policy_id: str | None = None, version: int | None = None,
                   base: int | None = None, reading: str = "first") -> str:
    """A file or folder name to offer in the save dialog."""
    stem = policy_id or "policies"
    if key.startswith("redline-"):
        return f"{stem}-draft-redline.{key.split('-', 1)[1]}"
    if key.startswith("packet-"):
        v = f"-v{version}" if version else ""
        return f"{stem}{v}-{reading}-reading-packet.{key.split('-', 1)[1]}"
    if key == "site":
        return "notice-site"
    return ""


def data_columns(path: Path) -> list[str]:
    """The column names of a CSV file's header, or of the first record of a JSON Lines file."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
                first = next((line for line in handle if line.strip()), "")
                record = json.loads(first) if first else {}
                return list(record) if isinstance(record, dict) else []
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path.name} cannot be read as CSV or JSON Lines: {exc}. "
                        "Check that it is the data file, saved as UTF-8.") from None


def guess_time_column(columns: list[str]) -> int:
    """The index of the column most likely to hold collection times (0 when none looks like it)."""
    for hint in TIME_HINTS:
        for i, name in enumerate(columns):
            if hint in name.lower():
                return i
    return 0


# -- the jobs -------------------------------------------------------------------------------
def work_for(key: str, lib, *, policy_id: str | None = None, version: int | None = None,
             base: int | None = None, reading: str = "first") -> Callable[..., Written]:
    """The worker-side callable for export ``key`` (see the module docstring)."""
    if key.startswith("redline-"):
        fmt = key.split("-", 1)[1]
        return lambda path: _redline(lib, _need(policy_id), base, fmt, path)
    if key.startswith("packet-"):
        fmt = key.split("-", 1)[1]
        return lambda path: _packet(lib, _need(policy_id), version, reading, fmt, path)
    if key == "site":
        return lambda path: _site(lib, path)
    if key == "tag":
        return lambda path, column: _tag(lib, _need(policy_id), path, column)
    raise ValueError(key)


def _need(policy_id: str | None) -> str:
    if not policy_id:
        raise InvalidInput("Open a policy first: the export is of the policy shown in the window.")
    return policy_id


def history_line(policy: Policy) -> str:
    """"Adopted: October 5, 2009; Revised: July 1, 2018", from the recorded adoptions."""
    adopted = [v.adopted for v in policy.versions if v.adopted and v.withdrawn is None]
    parts = [f"{'Adopted' if i == 0 else 'Revised'}: {long_date(d)}" for i, d in enumerate(adopted)]
    return "; ".join(parts)


def replaced_by(policy: Policy, number: int) -> Version | None:
    """The version ``number`` replaces: the latest earlier adopted, not withdrawn one."""
    earlier = [v for v in policy.versions
               if v.number < number and v.adopted is not None and v.withdrawn is None]
    return earlier[-1] if earlier else None


def _redline(lib, policy_id: str, base: int | None, fmt: str, path: Path) -> Written:
    from policyeditor.core import timeline

    policy = lib.policy(policy_id)
    if base is None:
        current = timeline.in_force(policy, lib.today(), lib.settings.timezone)
        base = current.number if current else None
    old = lib.version_text(policy_id, base) if base is not None else ""
    new = lib.draft_text(policy_id)
    subtitle = (f"Draft compared with version {base}" if base is not None
                else "Draft (no earlier version)")
    _render_redline(lib.settings, policy, old, new, subtitle, fmt, path)
    return Written(path)


def _render_redline(settings, policy: Policy, old: str, new: str, subtitle: str, fmt: str,
                    path: Path) -> None:
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts, redline_page

    redline = compare(old, new)
    stats = redline_stats(redline, old, new)
    parts = PageParts(title=policy.title, subtitle=subtitle, summary=stats.summary,
                      explanation=stats.explanation, history=history_line(policy))
    if fmt == "html":
        _write_atomic(path, redline_page(redline, parts).encode("utf-8"))
        return
    from policyeditor.export import documents

    documents.write_redline(redline, parts, path, fmt=fmt, settings=settings)


def _packet(lib, policy_id: str, number: int | None, reading: str, fmt: str, path: Path) -> Written:
    from policyeditor.export import documents

    policy = lib.policy(policy_id)
    if not policy.versions:
        raise InvalidInput(f"{policy.title} has no version yet. A packet is made for a version "
                           "presented at a reading: record the first reading first.")
    version = policy.version(number) if number is not None else policy.versions[-1]
    previous = replaced_by(policy, version.number)
    old = lib.version_text(policy_id, previous.number) if previous else ""
    new = lib.version_text(policy_id, version.number)
    documents.write_packet(lib.settings, policy, version, old, new, path, fmt=fmt,
                           reading=reading, history=history_line(policy), today=lib.today())
    return Written(path)


def _site(lib, folder: Path) -> Written:
    from policyeditor.cli import data_cmds
    from policyeditor.export.site import build_site, write_site

    data_cmds._refuse_inside_library(lib, folder)
    items = [data_cmds._published(lib, policy) for policy in lib.policies()]
    files = build_site(lib.settings, items, today=lib.today(), generated=lib.now())
    write_site(folder, files)
    pages = sum(1 for name in files if name.endswith(".html"))
    return Written(folder, tr("%1 pages and a feed for %2 policies.")
                   .replace("%1", str(pages)).replace("%2", str(len(items))))


def _tag(lib, policy_id: str, data: Path, column: str) -> Written:
    from policyeditor.core.tagging import Tagger
    from policyeditor.store.register import library_key, open_for
    from policyeditor.store.tagging import TagJob, tag_file

    policy = lib.policy(policy_id)
    tagger = Tagger(policy, lib.settings.timezone, now=lib.now())
    job = TagJob(Path(data), column)
    with open_for(lib) as register:
        outcome = tag_file(job, tagger, register=register, library=library_key(lib),
                           ran_by=str(lib.author))
    counts = ", ".join(f"version {n}: {c}" for n, c in sorted(outcome.counts.items())) or "none"
    return Written(Path(outcome.output), tr("Tagged %1 records with %2 (%3).")
                   .replace("%1", str(outcome.rows_tagged)).replace("%2", policy.title)
                   .replace("%3", counts))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    import os
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
