"""Tagging a collected-data file: stream it through a Tagger, write a tagged copy.

CSV (header row) and JSON Lines are read one record at a time, so a file of
any size runs in constant memory. The copy is written to a temporary file in
the output's folder and moved into place with ``os.replace`` only when the
run succeeds, so a half-written file never exists under the output's name.
By default any bad row means nothing is written; with ``skip_bad`` the good
rows are written and the bad ones go to a report (line number and reason,
never the row's contents, which may be personal information).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from policyeditor import atomicfile
from policyeditor.core.errors import DataError
from policyeditor.core.tagging import TAG_COLUMNS, BadRow, RowProblem, Tagger
from policyeditor.store.register import Register
from policyeditor.store.register_run import RunSummary, VersionCount

FORMATS = ("csv", "jsonl")
_BATCH = 20_000
_SHOWN_BAD_ROWS = 20


@dataclass
class TagJob:
    """What to tag and where to put it (the ``tag`` command's arguments)."""

    data: Path
    time_column: str
    key_column: str | None = None
    output: Path | None = None
    dataset: str | None = None
    fmt: str | None = None
    skip_bad: bool = False

    def resolved(self) -> "TagJob":
        data = Path(self.data)
        fmt = self.fmt or format_of(data)
        output = Path(self.output) if self.output else default_output(data)
        if output.resolve() == data.resolve():
            raise DataError(f"The output file would replace the data file {data}; choose another name with -o.")
        return TagJob(data, self.time_column, self.key_column or None, output,
                      self.dataset or data.stem, fmt, self.skip_bad)


@dataclass
class TagOutcome:
    """The result of a run: where the output went and what was counted."""

    output: Path
    report: Path | None
    rows_tagged: int
    bad_rows: list[BadRow]
    bad_count: int
    summary: RunSummary | None = None
    counts: dict[int, int] = field(default_factory=dict)


class BadRows(DataError):
    """Some rows cannot be tagged and --skip-bad was not given; nothing was written."""

    def __init__(self, message: str, bad_rows: list[BadRow], bad_count: int) -> None:
        super().__init__(message)
        self.bad_rows = bad_rows
        self.bad_count = bad_count


def format_of(path: Path) -> str:
    """'csv' or 'jsonl' from the file name, else a DataError asking for --format."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise DataError(f"Cannot tell whether {path.name} is CSV or JSON Lines from its name; "
                    "say --format csv or --format jsonl.")


def default_output(data: Path) -> Path:
    """``visits.csv`` -> ``visits.tagged.csv``."""
    return data.with_name(f"{data.stem}.tagged{data.suffix}")


def tag_file(job: TagJob, tagger: Tagger, *, register: Register | None = None,
             library: str = "", ran_by: str = "",
             coverage: Callable[[str, list[VersionCount]], object] | None = None) -> TagOutcome:
    """Tag ``job.data`` and record the run; raise (writing nothing) on refusal.

    ``coverage(content_sha256, counts)`` records in the library what the run
    covers (rule 7: ``store.coverage.recorder``); it runs after the register's
    checks and before the output and the register are written, and a refusal
    there writes nothing.
    """
    job = job.resolved()
    if not job.data.is_file():
        raise DataError(f"There is no data file {job.data}.")
    assert job.output is not None
    run = register.start_run(library, job.dataset or "", tagger.policy.id) if register else None
    tally = _Tally(tagger, run, job.key_column is not None)
    try:
        with _atomic_output(job.output) as (out, commit):
            with open(job.data, "rb") as raw:
                hashing = _HashingReader(raw)
                text = io.TextIOWrapper(io.BufferedReader(hashing, 1 << 16), encoding="utf-8-sig",
                                        newline="" if job.fmt == "csv" else None)
                try:
                    (_tag_csv if job.fmt == "csv" else _tag_jsonl)(text, out, job, tally)
                except UnicodeDecodeError:
                    raise DataError(f"{job.data.name} is not UTF-8 text. Save it as UTF-8 "
                                    "(in Excel: CSV UTF-8) and tag it again.") from None
            tally.flush()
            out.flush()
            os.fsync(out.fileno())
            outcome = _finish(job, tally, hashing.hexdigest(), commit, run, ran_by, coverage)
    except BaseException:
        if run is not None:
            run.abandon()
        raise
    return outcome


def _finish(job: TagJob, tally: "_Tally", sha: str, commit: Callable[[], None], run, ran_by: str,
            coverage: Callable[[str, list[VersionCount]], object] | None = None) -> TagOutcome:
    """Refuse on bad rows (unless skipping), then record the run and swap the file in."""
    assert job.output is not None
    bad, bad_count = tally.bad, tally.bad_count
    if bad_count and not job.skip_bad:
        shown = "\n".join(f"  line {b.line}: {b.reason}" for b in bad[:_SHOWN_BAD_ROWS])
        more = f"\n  ... and {bad_count - _SHOWN_BAD_ROWS} more" if bad_count > _SHOWN_BAD_ROWS else ""
        raise BadRows(f"{bad_count} row(s) of {job.data.name} cannot be tagged, so nothing was "
                      f"written. Correct them, or tag again with --skip-bad to write the other "
                      f"rows and a report of these:\n{shown}{more}", bad, bad_count)
    report = job.output.with_name(job.output.name + ".bad-rows.csv") if bad_count else None

    counts = tally.version_counts()

    def swap() -> None:
        if coverage is not None:     # after the register's own checks, before anything is swapped in
            coverage(sha, counts)
        if report is not None:
            _write_report(report, bad)
        commit()

    summary = None
    if run is not None:
        summary = run.finish(source_path=str(job.data.resolve()), source_sha256=sha,
                             output_path=str(job.output.resolve()), counts=counts,
                             rows_bad=bad_count, ran_by=ran_by,
                             ran_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                             before_commit=swap)
    else:
        swap()
    return TagOutcome(job.output, report, sum(c.rows for c in counts), bad, bad_count, summary,
                      {c.version: c.rows for c in counts})


class _Tally:
    """Counts rows per version (with earliest/latest instants) and batches keys for the register."""

    def __init__(self, tagger: Tagger, run, keyed: bool) -> None:
        n = len(tagger.tags)
        self.tagger = tagger
        self.rows = [0] * n
        self.first = [float("inf")] * n
        self.last = [float("-inf")] * n
        self.bad: list[BadRow] = []      # all bad rows, for the report (line + reason only)
        self.bad_count = 0
        self.run = run if keyed else None
        self.keys: list[tuple[str, int, float]] = []
        self.key_kind: str | None = None  # JSON Lines: "text" or "a number", from the first key

    def add_bad(self, line: int, reason: str) -> None:
        self.bad_count += 1
        self.bad.append(BadRow(line, reason))

    def add_key(self, key: str, i: int, instant: float) -> None:
        self.keys.append((key, self.tagger.tags[i].version, instant))
        if len(self.keys) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.run is not None and self.keys:
            self.run.add_records(self.keys)
        self.keys.clear()

    def version_counts(self) -> list[VersionCount]:
        """One count per version (a version in force twice, around a withdrawal, adds up)."""
        merged: dict[int, VersionCount] = {}
        for i, t in enumerate(self.tagger.tags):
            if not self.rows[i]:
                continue
            seen = merged.get(t.version)
            merged[t.version] = VersionCount(
                t.version, t.text_sha256, self.rows[i] + (seen.rows if seen else 0),
                min(self.first[i], seen.first_at if seen else self.first[i]),
                max(self.last[i], seen.last_at if seen else self.last[i]))
        return [merged[n] for n in sorted(merged)]


def _tag_csv(text: IO[str], out: IO[str], job: TagJob, tally: _Tally) -> None:
    """The CSV loop: kept flat, it is the hot path of a million-row file."""
    reader = csv.reader(text)
    header, ti, ki = _csv_header(reader, job)
    # The writer formats each row into ``held``; the tag columns, the same for
    # every row of a version and never needing quotes (policy id, number, hex
    # hash), are appended as one prepared string: half the csv work per row.
    held: list[str] = []
    sink = _Sink()
    sink.write = held.append
    writer = csv.writer(sink)
    writerow, take, write = writer.writerow, held.pop, out.write
    writerow(header + list(TAG_COLUMNS))
    write(take())
    suffixes = ["," + ",".join(t.fields) + "\r\n" for t in tally.tagger.tags]
    classify, keys, batch = tally.tagger.classify, tally.keys, _BATCH
    versions = [t.version for t in tally.tagger.tags]
    rows, first, last = tally.rows, tally.first, tally.last
    need = max(ti, ki) + 1
    try:
        for row in reader:
            try:
                if len(row) < need:
                    raise RowProblem(_missing(row, need, job))
                i, at = classify(row[ti])
                if ki >= 0:
                    key = row[ki]
                    if not key or key.isspace():
                        raise RowProblem(f"the key column '{job.key_column}' is empty")
                    keys.append((key, versions[i], at))
                    if len(keys) >= batch:
                        tally.flush()
            except RowProblem as problem:
                if row:      # a blank line is not a record
                    tally.add_bad(_first_line(reader.line_num, row), problem.message)
                continue
            rows[i] += 1
            if at < first[i]:
                first[i] = at
            if at > last[i]:
                last[i] = at
            writerow(row)
            write(take()[:-2] + suffixes[i])
    except csv.Error as exc:
        raise DataError(f"{job.data.name} cannot be read as CSV near line {reader.line_num}: {exc}.") from None


def _csv_header(reader, job: TagJob) -> tuple[list[str], int, int]:
    """The header row and the positions of the time and key columns (-1: no key)."""
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(f"{job.data.name} is empty: it needs a header row naming its columns.") from None
    except csv.Error as exc:
        raise DataError(f"{job.data.name} cannot be read as CSV: {exc}.") from None
    ti = _column(header, job.time_column, job)
    ki = _column(header, job.key_column, job) if job.key_column else -1
    return header, ti, ki


class _Sink:
    """A stand-in file for csv.writer whose ``write`` is a list's append (set per use)."""

    write: Callable[[str], object]


def _first_line(last_line: int, row: list[str]) -> int:
    """The line a record starts on: its last line less the line breaks inside its fields."""
    return last_line - sum(field.count("\n") for field in row)


def _json_key(key: object, job: TagJob, tally: "_Tally") -> str:
    """A JSON key as the register keeps it (text). Keys are all text or all numbers in one file:
    mixed, the number 1 and the text "1" would be one key for two records."""
    if isinstance(key, bool) or not isinstance(key, (str, int, float)):
        raise RowProblem(f"'{job.key_column}' is not text or a number")
    kind = "text" if isinstance(key, str) else "a number"
    if tally.key_kind is None:
        tally.key_kind = kind
    elif kind != tally.key_kind:
        raise RowProblem(f"'{job.key_column}' is {kind} here but {tally.key_kind} in earlier records, so "
                         f"1 and \"1\" would name the same record; make every '{job.key_column}' {tally.key_kind}")
    return key if isinstance(key, str) else json.dumps(key)


def _tag_jsonl(text: IO[str], out: IO[str], job: TagJob, tally: _Tally) -> None:
    """The JSON Lines loop: one object per line; blank lines are skipped."""
    tags = tally.tagger.tags
    for line, raw in enumerate(text, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            if not isinstance(record, dict):
                raise RowProblem("the line is not a JSON object ({...})")
            if any(name in record for name in TAG_COLUMNS):
                raise RowProblem("the record is already tagged (it has policy_id); tag the original data")
            when = record.get(job.time_column)
            if when is None:
                raise RowProblem(f"the record has no '{job.time_column}'")
            if not isinstance(when, str):
                raise RowProblem(f"'{job.time_column}' is not text like \"2018-07-01T09:30:00\"")
            i, at = tally.tagger.classify(when)
            if job.key_column:
                key = record.get(job.key_column)
                if key is None or key == "":
                    raise RowProblem(f"the record has no '{job.key_column}'")
                tally.add_key(_json_key(key, job, tally), i, at)
        except json.JSONDecodeError as exc:
            tally.add_bad(line, f"the line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RowProblem as problem:
            tally.add_bad(line, problem.message)
            continue
        tally.rows[i] += 1
        tally.first[i] = min(tally.first[i], at)
        tally.last[i] = max(tally.last[i], at)
        tag = tags[i]
        record.update(policy_id=tag.policy_id, policy_version=tag.version,
                      policy_text_sha256=tag.text_sha256)
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")


def _column(header: list[str], name: str | None, job: TagJob) -> int:
    names = [h.strip() for h in header]
    already = [c for c in TAG_COLUMNS if c in names]
    if already:
        raise DataError(f"{job.data.name} already has a '{already[0]}' column: it has been "
                        "tagged. Tag the original data file instead.")
    if name not in names:
        shown = ", ".join(f"'{n}'" for n in names[:12]) + (" ..." if len(names) > 12 else "")
        raise DataError(f"{job.data.name} has no column '{name}'. Its columns are: {shown}.")
    return names.index(name)


def _missing(row: list[str], need: int, job: TagJob) -> str:
    return (f"the row has {len(row)} value(s), so its '{job.time_column}'"
            + (f" or '{job.key_column}'" if job.key_column else "") + " column is missing")


def _write_report(path: Path, bad: list[BadRow]) -> None:
    """The bad-row report, itself written atomically."""
    with _atomic_output(path) as (out, commit):
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["line", "reason"])
        writer.writerows(bad)
        commit()


class _atomic_output:
    """A temporary text file beside ``path`` (see atomicfile); ``commit()`` moves it into place.

    Leaving the block without committing (an error, a refusal) removes it;
    temporary files a killed run left beside ``path`` are removed first.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part: atomicfile.PartFile | None = None

    def __enter__(self) -> tuple[IO[str], Callable[[], None]]:
        folder = self.path.parent
        if not folder.is_dir():
            raise DataError(f"The folder {folder} does not exist; create it or choose another output.")
        atomicfile.remove_leftovers(folder, self.path.name)
        try:
            self.part = atomicfile.PartFile(self.path, text=True, encoding="utf-8", newline="",
                                            buffering=1 << 16)
        except OSError as exc:
            raise DataError(f"Cannot write in {folder}: {exc.strerror}.") from None
        return self.part.file, self.part.commit

    def __exit__(self, *exc: object) -> None:
        if self.part is not None and not self.part.done:
            self.part.discard()


class _HashingReader(io.RawIOBase):
    """A binary reader that hashes what passes through (the source file's sha256)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)
        if n:
            self._sha.update(memoryview(buffer)[:n])
        return n or 0

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


def iter_bad_report(path: Path) -> Iterator[BadRow]:
    """Read a bad-row report back (for tests and the GUI)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        for line, reason in reader:
            yield BadRow(int(line), reason)
