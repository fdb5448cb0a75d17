"""The work behind each export: read the library, render, write. Runs on a worker thread.

``work_for(key, lib, ...)`` returns the callable ``Exporter.export`` runs off
the UI thread. Everything that touches the library (git reads) or renders
happens inside that callable, never when it is made. The documents are
built by the same functions the command line calls (``policyeditor.ops``),
so the window and ``policyeditor packet`` agree. What is exported:

- ``redline-html|pdf|docx``: the draft against ``base`` (a version number;
  default: the version in force), as the window's redline pane shows it;
- ``packet-pdf|docx``: version ``version`` (default: the latest version
  still on its way) with its memo, for the ``reading`` ("first"/"second"),
  dated ``on`` (the meeting; default: the day the reading was recorded,
  else today), against the version in force;
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
from datetime import date
from pathlib import Path

from policyeditor.core.errors import DataError, InvalidInput

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
                   base: int | None = None, reading: str = "first", on: date | None = None) -> str:
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
             base: int | None = None, reading: str = "first", on: date | None = None) -> Callable[..., Written]:
    """The worker-side callable for export ``key`` (see the module docstring)."""
    if key.startswith("redline-"):     # the format follows the file name's ending
        return lambda path: _redline(lib, _need(policy_id), base, path)
    if key.startswith("packet-"):      # likewise
        return lambda path: _packet(lib, _need(policy_id), version, reading, on, path)
    if key == "site":
        return lambda path: _site(lib, path)
    if key == "tag":
        return lambda path, column: _tag(lib, _need(policy_id), path, column)
    raise ValueError(key)


def _need(policy_id: str | None) -> str:
    if not policy_id:
        raise InvalidInput("Open a policy first: the export is of the policy shown in the window.")
    return policy_id


def _redline(lib, policy_id: str, base: int | None, path: Path) -> Written:
    """The draft against version ``base`` (default: the version in force), as the pane shows it."""
    from policyeditor.ops.redline import write_policy_redline

    compared = write_policy_redline(lib, policy_id, path, from_version=base)
    return Written(path, compared.stats.summary)


def _packet(lib, policy_id: str, number: int | None, reading: str, on: date | None, path: Path) -> Written:
    """The reading packet of version ``number``, built as ``policyeditor packet`` builds it
    (``on``: the meeting's date printed on the memo, as ``--date``; None: the reading's day)."""
    from policyeditor.ops.packet import write_packet

    write_packet(lib, policy_id, path, reading=reading, number=number, on=on)
    return Written(path)


def _site(lib, folder: Path) -> Written:
    """The notice site, written as ``policyeditor publish`` writes it (no postings recorded)."""
    from policyeditor.ops.publish import publish_site

    _lines, pages = publish_site(lib, folder)
    return Written(folder, tr("%1 pages and a feed for %2 policies.")
                   .replace("%1", str(pages)).replace("%2", str(len(lib.policy_ids()))))


def _tag(lib, policy_id: str, data: Path, column: str) -> Written:
    from policyeditor.ops.tag import tag_data
    from policyeditor.store.tagging import TagJob

    tagged = tag_data(lib, policy_id, TagJob(Path(data), column))
    outcome = tagged.outcome
    return Written(Path(outcome.output), tr("Tagged %1 records with %2 (%3).")
                   .replace("%1", str(outcome.rows_tagged)).replace("%2", tagged.policy.title)
                   .replace("%3", tagged.counts_text()))
