"""One tagging run being written to the register (see store.register, which opens it).

Everything a run writes (its record, its counts per version, its keys) goes
in one transaction, opened when the run starts and committed by ``finish``
after rule 7 has been checked and the tagged file has been moved into
place; any failure rolls it all back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policyeditor.core.errors import RegisterError, RuleViolation
from policyeditor.core.ids import validate_policy_id


@dataclass(frozen=True)
class RunSummary:
    """What one finished run recorded, for the CLI's report."""

    dataset: str
    policy_id: str
    source_sha256: str
    rows_tagged: int
    rows_bad: int
    keyed: bool
    ran_at: str
    ran_by: str
    counts: dict[int, int]


@dataclass(frozen=True)
class VersionCount:
    """Rows of one version in one run: how many, and their earliest and latest instants."""

    version: int
    text_sha256: str
    rows: int
    first_at: float
    last_at: float


class RunWriter:
    """One tagging run being recorded, inside one transaction, as the file streams.

    Keys go straight into ``records`` while none was seen before (the usual
    first tagging of a dataset: one B-tree insert per record). At the first
    key already on record, the rest go to a temporary table instead, and
    ``finish`` compares them with the register in one query. Either way rule 7
    is checked before anything is committed; a refusal rolls it all back.
    """

    def __init__(self, db: sqlite3.Connection, library: str, dataset: str, policy_id: str) -> None:
        self._db = db
        self.library, self.dataset = library, dataset
        self.policy_id = validate_policy_id(policy_id)
        self.keyed = False
        self._slow = False
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _failed(exc) from None
        try:
            db.execute("DROP TABLE IF EXISTS temp.incoming")
            self.dataset_id = self._dataset_id()
            self.run_id = db.execute(
                "INSERT INTO runs (dataset_id, policy_id, source_path, source_sha256, output_path, "
                "rows_tagged, rows_bad, keyed, ran_at, ran_by) VALUES (?, ?, '', '', '', 0, 0, 0, '', '')",
                (self.dataset_id, policy_id)).lastrowid
        except BaseException as exc:
            self.abandon()
            if isinstance(exc, sqlite3.Error):
                raise _failed(exc) from None
            raise

    def add_records(self, rows: list[tuple[str, int, float]]) -> None:
        """Add (key, version, collection instant) rows (a batch: the caller streams them)."""
        self.keyed = True
        try:
            self._add(rows)
        except sqlite3.Error as exc:
            raise _failed(exc) from None

    def _add(self, rows: list[tuple[str, int, float]]) -> None:
        db = self._db
        if not self._slow:
            try:
                # The ids are integers and the policy id a validated [a-z0-9-] name:
                # written into the statement, each row binds only its own three values.
                db.executemany(
                    "INSERT INTO records (key, version, collected_at, dataset_id, policy_id, run_id) "
                    f"VALUES (?, ?, ?, {int(self.dataset_id)}, '{self.policy_id}', {int(self.run_id)})",
                    rows)
                return
            except sqlite3.IntegrityError:
                # A key already on record (or twice in this file): rows inserted so far
                # stay; this batch and the rest are compared at the end.
                self._slow = True
                db.execute("CREATE TEMP TABLE incoming (key TEXT NOT NULL, version INTEGER NOT NULL, "
                           "at REAL NOT NULL, PRIMARY KEY (key, version)) WITHOUT ROWID")
        db.executemany("INSERT OR IGNORE INTO temp.incoming VALUES (?, ?, ?)", rows)

    def finish(self, *, source_path: str, source_sha256: str, output_path: str,
               counts: Iterable[VersionCount], rows_bad: int, ran_at: str, ran_by: str,
               before_commit: Callable[[], None] | None = None) -> RunSummary:
        """Check rule 7, write the run, call ``before_commit`` (the file swap), commit."""
        db = self._db
        counts = list(counts)
        rows_tagged = sum(c.rows for c in counts)
        try:
            if self._slow:
                self._refuse_retagging()
                db.execute("INSERT OR IGNORE INTO records (key, dataset_id, policy_id, version, "
                           "collected_at, run_id) SELECT key, ?, ?, version, at, ? FROM temp.incoming",
                           (self.dataset_id, self.policy_id, self.run_id))
            db.execute("UPDATE runs SET source_path = ?, source_sha256 = ?, output_path = ?, "
                       "rows_tagged = ?, rows_bad = ?, keyed = ?, ran_at = ?, ran_by = ? WHERE id = ?",
                       (source_path, source_sha256, output_path, rows_tagged, rows_bad,
                        int(self.keyed), ran_at, ran_by, self.run_id))
            db.executemany("INSERT INTO run_versions VALUES (?,?,?,?,?,?)",
                           [(self.run_id, c.version, c.text_sha256, c.rows, c.first_at, c.last_at)
                            for c in counts])
            if before_commit is not None:
                before_commit()
            db.execute("COMMIT")
        except BaseException as exc:
            self.abandon()
            if isinstance(exc, sqlite3.Error):
                raise _failed(exc) from None
            raise
        db.execute("DROP TABLE IF EXISTS temp.incoming")
        return RunSummary(self.dataset, self.policy_id, source_sha256, rows_tagged, rows_bad,
                          self.keyed, ran_at, ran_by, {c.version: c.rows for c in counts})

    def abandon(self) -> None:
        """Drop everything this run would have written."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        self._db.execute("DROP TABLE IF EXISTS temp.incoming")

    def _dataset_id(self) -> int:
        self._db.execute("INSERT OR IGNORE INTO datasets (library, name) VALUES (?, ?)",
                         (self.library, self.dataset))
        return self._db.execute("SELECT id FROM datasets WHERE library = ? AND name = ?",
                                (self.library, self.dataset)).fetchone()[0]

    def _refuse_retagging(self) -> None:
        """Rule 7: a key keeps the version it was first tagged with, in this file and before."""
        db = self._db
        twice = [k for (k,) in db.execute(
            "SELECT key FROM temp.incoming GROUP BY key HAVING COUNT(*) > 1 ORDER BY key")]
        clashes = db.execute(
            "SELECT i.key, r.version, i.version, r.run_id FROM temp.incoming i JOIN records r "
            "ON r.key = i.key AND r.dataset_id = ? AND r.policy_id = ? "
            "WHERE r.version != i.version ORDER BY i.key", (self.dataset_id, self.policy_id)).fetchall()
        twice += [k for k, _old, _new, run in clashes if run == self.run_id]
        before = [(k, old, new) for k, old, new, run in clashes if run != self.run_id]
        if not twice and not before:
            return
        lines = [f"key {k!r}: tagged version {old} before, version {new} now" for k, old, new in before[:10]]
        lines += [f"key {k!r}: appears in this file under two versions" for k in sorted(set(twice))[:10]]
        total = len(before) + len(set(twice))
        more = f"\n  ... and {total - len(lines)} more" if total > len(lines) else ""
        raise RuleViolation(
            f"Rule 7: {total} record(s) of dataset '{self.dataset}' would change the version "
            f"of {self.policy_id} that governs them; a record stays under the version in force "
            "when it was collected. Nothing was written. Check the collection times of:\n  "
            + "\n  ".join(lines) + more, rule=7)


def _failed(exc: sqlite3.Error) -> RegisterError:
    """A plain error for a register write that SQLite refused (busy, disk full, read-only)."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return RegisterError("The register is being written by another policyeditor on this "
                             "workstation. Wait for it to finish, then tag again. Nothing was written.",
                             details=text)
    return RegisterError(f"The register could not be written ({text}). Check that the disk has "
                         "room and the data folder can be written to, then tag again. Nothing was "
                         "written.", details=text)
