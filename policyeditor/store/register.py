"""The register: a SQLite file on this workstation recording every tagging run.

Collected data can hold personal information, so neither the data nor this
register ever enters the library repository: the register lives in the
user's data folder (``POLICYEDITOR_DATA_DIR`` overrides it, for tests), and
one file serves every library, each identified by its root commit.

It records each run (dataset, source file hash, rows per version, when, by
whom) and, for keyed data, each record's key and tag, so that rule 7 holds:
tagging a key again with a different version is refused and nothing is
written. WAL mode, foreign keys on, one transaction per write, and a
``quick_check`` on open so a damaged file is a plain error, not a traceback.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from policyeditor.core.errors import RegisterError
from policyeditor.store.register_run import RunSummary, RunWriter, VersionCount

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo


class OpenLibrary(Protocol):
    """What the register needs of a library (store.library.Library is one): its folder and git."""

    path: Path

    def repo(self) -> "GitRepo": ...


__all__ = ["DatasetSummary", "OpenLibrary", "RecordTag", "Register", "RunSummary", "RunWriter",
           "VersionCount", "default_path", "library_key", "open_for"]

FILE_NAME = "register.sqlite"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS datasets (
    id INTEGER PRIMARY KEY,
    library TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (library, name)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    policy_id TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    output_path TEXT NOT NULL,
    rows_tagged INTEGER NOT NULL,
    rows_bad INTEGER NOT NULL,
    keyed INTEGER NOT NULL,
    ran_at TEXT NOT NULL,
    ran_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS run_versions (
    run_id INTEGER NOT NULL REFERENCES runs (id),
    version INTEGER NOT NULL,
    text_sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    first_at REAL NOT NULL,
    last_at REAL NOT NULL,
    PRIMARY KEY (run_id, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (
    key TEXT NOT NULL,
    dataset_id INTEGER NOT NULL REFERENCES datasets (id),
    policy_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    collected_at REAL NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    PRIMARY KEY (key, dataset_id, policy_id)
) WITHOUT ROWID;
"""
# The latest run of each distinct source file: re-tagging the same file
# must not count its rows twice.
_LATEST_RUNS = """
    SELECT MAX(r.id) FROM runs r JOIN datasets d ON d.id = r.dataset_id
    WHERE d.library = ? GROUP BY r.dataset_id, r.policy_id, r.source_sha256
"""


@dataclass(frozen=True)
class DatasetSummary:
    """One dataset of a library: its runs and how many records each version governs."""

    name: str
    runs: int
    last_run: str
    last_by: str
    keyed_records: int
    counts: dict[tuple[str, int], int]      # (policy id, version) -> rows


@dataclass(frozen=True)
class RecordTag:
    """The register's answer for one key."""

    dataset: str
    key: str
    policy_id: str
    version: int
    collected_at: float
    ran_at: str


def default_path() -> Path:
    """``register.sqlite`` in the user's data folder (usersettings.data_dir)."""
    from policyeditor.store.usersettings import data_dir

    return data_dir() / FILE_NAME


class Register:
    """An open register file; use ``Register.open`` and close it (or use ``with``)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, path: Path | str | None = None, *, library_root: Path | None = None) -> "Register":
        """Open (creating if needed) the register; RegisterError if it cannot be used."""
        path = Path(path) if path is not None else default_path()
        if library_root is not None and _inside(path, Path(library_root)):
            raise RegisterError(
                f"The register {path} would be inside the policy library, which is shared "
                "with git; collected data must stay on this workstation. Set "
                "POLICYEDITOR_DATA_DIR to a folder outside the library."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RegisterError(
                f"The register {path} cannot be opened: {exc}. Check that the folder "
                "exists and can be written to.", details=str(exc)) from None
        _refuse_network_folder(path)
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise RegisterError(
                f"The register {path} cannot be opened: {exc}. Check that the folder "
                "exists and can be written to.", details=str(exc)) from None
        try:
            _prepare(db, path)
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def start_run(self, library: str, dataset: str, policy_id: str) -> RunWriter:
        """Begin recording a run; nothing is visible until ``RunWriter.finish``."""
        return RunWriter(self._db, library, dataset, policy_id)

    # -- reading -------------------------------------------------------------

    def datasets(self, library: str) -> list[DatasetSummary]:
        """Every dataset tagged in ``library``, by name."""
        db = self._db
        out = []
        rows = db.execute(
            "SELECT d.id, d.name, COUNT(r.id), MAX(r.ran_at) FROM datasets d "
            "JOIN runs r ON r.dataset_id = d.id WHERE d.library = ? GROUP BY d.id ORDER BY d.name",
            (library,)).fetchall()
        for dataset_id, name, runs, last in rows:
            by = db.execute("SELECT ran_by FROM runs WHERE dataset_id = ? ORDER BY id DESC LIMIT 1",
                            (dataset_id,)).fetchone()[0]
            keyed = db.execute("SELECT COUNT(*) FROM records WHERE dataset_id = ?",
                               (dataset_id,)).fetchone()[0]
            counts = {
                (p, v): n for p, v, n in db.execute(
                    "SELECT r.policy_id, rv.version, SUM(rv.rows) FROM run_versions rv "
                    f"JOIN runs r ON r.id = rv.run_id WHERE r.id IN ({_LATEST_RUNS}) "
                    "AND r.dataset_id = ? GROUP BY r.policy_id, rv.version ORDER BY 1, 2",
                    (library, dataset_id))
            }
            out.append(DatasetSummary(name, runs, last, by, keyed, counts))
        return out

    def lookup(self, library: str, key: str, dataset: str | None = None) -> list[RecordTag]:
        """Which version governs the record with ``key`` (one answer per dataset and policy)."""
        sql = ("SELECT d.name, r.key, r.policy_id, r.version, r.collected_at, u.ran_at "
               "FROM records r JOIN datasets d ON d.id = r.dataset_id "
               "JOIN runs u ON u.id = r.run_id WHERE r.key = ? AND d.library = ?")
        params: list[object] = [key, library]
        if dataset is not None:
            sql += " AND d.name = ?"
            params.append(dataset)
        return [RecordTag(*row) for row in self._db.execute(sql + " ORDER BY d.name, r.policy_id", params)]

    def governed(self, library: str, policy_id: str, version: int, *, limit: int = 20
                 ) -> tuple[dict[str, int], list[tuple[str, str]]]:
        """Rows version ``version`` governs per dataset, and up to ``limit`` (dataset, key)."""
        counts = dict(self._db.execute(
            "SELECT d.name, SUM(rv.rows) FROM run_versions rv JOIN runs r ON r.id = rv.run_id "
            f"JOIN datasets d ON d.id = r.dataset_id WHERE r.id IN ({_LATEST_RUNS}) "
            "AND r.policy_id = ? AND rv.version = ? GROUP BY d.name ORDER BY d.name",
            (library, policy_id, version)).fetchall())
        keys = self._db.execute(
            "SELECT d.name, r.key FROM records r JOIN datasets d ON d.id = r.dataset_id "
            "WHERE d.library = ? AND r.policy_id = ? AND r.version = ? ORDER BY d.name, r.key "
            "LIMIT ?", (library, policy_id, version, limit)).fetchall()
        return counts, keys


def _refuse_network_folder(path: Path) -> None:
    """SQLite's WAL mode does not work on a network file system: say so before opening."""
    from policyeditor.store.filesystems import network_filesystem

    kind = network_filesystem(path.parent)
    if kind is not None:
        raise RegisterError(
            f"The register {path} would be on a network file system ({kind}), where its database "
            "can be damaged. It must stay on this computer's own disk: set POLICYEDITOR_DATA_DIR to "
            "a local folder (or ask your IT department to keep the user's local data folder local).")


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Check the file, switch on WAL and foreign keys, and create the tables."""
    try:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(result)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA cache_size = -131072")   # 128 MiB: a million keys load in one pass
        db.execute("BEGIN")
        for statement in filter(str.strip, _SCHEMA.split(";")):
            db.execute(statement)
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version is None:
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(version[0]) > SCHEMA_VERSION:
            db.execute("ROLLBACK")
            raise RegisterError(
                f"The register {path} was written by a newer policyeditor. Update "
                "policyeditor on this workstation to read it.")
        db.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise RegisterError(
            f"The register {path} is damaged ({exc}). Move the file aside (keep it for "
            "your records) and tag the data again; its tagged output files are unaffected.",
            details=str(exc)) from None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def library_key(lib: OpenLibrary) -> str:
    """The library's identity in the register: its first commit, the same in every clone.

    A library with no commit yet (never the case after ``Library.create``)
    falls back to its folder.
    """
    root = lib.repo().root_commit()
    return "git:" + root if root else "path:" + str(Path(lib.path).resolve())


def open_for(lib: OpenLibrary, path: Path | None = None) -> Register:
    """The register for ``lib`` (refusing a register file inside the library)."""
    return Register.open(path, library_root=Path(lib.path))
