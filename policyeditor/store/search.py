"""Full-text search over every draft and every adopted version, ranked.

The index is an SQLite FTS5 table in a local cache under the user's data
folder (``data_dir()/search/<hash of the library's folder>.sqlite``; never in
the library, never committed). It remembers the commit it was built from:
while the library's HEAD is that commit (and no draft was changed on disk
since), a search is one query and reads nothing else. When HEAD moved, the
index is brought up to date: each text is keyed by its SHA-256, so only the
texts not indexed yet are read from git. A draft that is the text of one of
its policy's adopted versions is found as that version, not twice.

Ranking: SQLite's bm25, a match in the title or code counting more than one
in the text; each hit has a snippet with the matched words in [brackets].
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.errors import InvalidInput
from policyeditor.store.files import draft_path, sha256_text

if TYPE_CHECKING:
    from policyeditor.store.library import Library

SCHEMA = 1
DRAFT = 0   # the version number the draft is stored under


@dataclass(frozen=True)
class Hit:
    """One text that matches: the policy, which text (0: the draft) and a snippet."""

    policy_id: str
    title: str
    code: str
    version: int
    snippet: str
    score: float

    @property
    def label(self) -> str:
        return "draft" if self.version == DRAFT else f"version {self.version}"


def index_path(lib: "Library") -> Path:
    from policyeditor.store.usersettings import data_dir

    key = hashlib.sha256(str(Path(lib.path).resolve()).encode("utf-8")).hexdigest()[:24]
    return data_dir() / "search" / f"{key}.sqlite"


def _head(git_dir: Path) -> str:
    """The commit HEAD names, read from the files (no git process, no GitPython)."""
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    if not head.startswith("ref: "):
        return head
    ref = head[5:].strip()
    try:
        return (git_dir / ref).read_text(encoding="utf-8").strip()
    except OSError:
        pass
    try:
        for line in (git_dir / "packed-refs").read_text(encoding="utf-8").splitlines():
            if line.endswith(" " + ref):
                return line.split(" ", 1)[0]
    except OSError:
        pass
    return ""


def _drafts_stamp(lib: "Library") -> str:
    """Sizes and modification times of the drafts: a draft changed on disk changes it."""
    root = Path(lib.path) / "policies"
    parts = []
    try:
        with os.scandir(root) as folders:
            for entry in sorted(folders, key=lambda e: e.name):
                try:
                    st = os.stat(os.path.join(entry.path, "policy.md"))
                except OSError:
                    continue
                parts.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    except OSError:
        return ""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path))
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None or row[0] != str(SCHEMA):
        db.executescript("""
            DROP TABLE IF EXISTS texts; DROP TABLE IF EXISTS docs; DELETE FROM meta;
            CREATE TABLE docs (policy_id TEXT, version INTEGER, sha TEXT, PRIMARY KEY (policy_id, version));
            CREATE VIRTUAL TABLE texts USING fts5(policy_id UNINDEXED, version UNINDEXED, title, code, body,
                                                   tokenize = 'unicode61 remove_diacritics 2');
        """)
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        db.commit()
    return db


def _meta(db: sqlite3.Connection, key: str) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else ""


def _set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def ensure_index(lib: "Library") -> tuple[sqlite3.Connection, bool]:
    """The index, up to date with the library; True when it had to be updated."""
    db = _connect(index_path(lib))
    head, stamp = _head(lib.git_dir), _drafts_stamp(lib)
    if head and _meta(db, "head") == head and _meta(db, "drafts") == stamp:
        return db, False
    _update(lib, db)
    _set_meta(db, "head", head)
    _set_meta(db, "drafts", stamp)
    db.commit()
    return db, True


def _update(lib: "Library", db: sqlite3.Connection) -> None:
    known = {(pid, n): sha for pid, n, sha in db.execute("SELECT policy_id, version, sha FROM docs")}
    wanted: set[tuple[str, int]] = set()
    for policy in lib.policies():
        adopted = [v for v in policy.versions if v.adopted is not None and v.text_sha256 and v.text_commit]
        docs: list[tuple[int, str, str | None]] = []     # (version, sha, text when already read)
        for v in adopted:
            docs.append((v.number, v.text_sha256, None))
        draft = lib.draft_text(policy.id)
        draft_sha = sha256_text(draft)
        if draft_sha not in {v.text_sha256 for v in adopted}:
            docs.append((DRAFT, draft_sha, draft))
        for number, sha, text in docs:
            key = (policy.id, number)
            wanted.add(key)
            if known.get(key) == sha and _same_heading(db, policy, number):
                continue
            if text is None:
                data = lib.repo().file_at(next(v.text_commit for v in adopted if v.number == number),
                                          draft_path(policy.id))
                text = data.decode("utf-8", errors="replace") if data is not None else ""
            db.execute("DELETE FROM texts WHERE policy_id = ? AND version = ?", key)
            db.execute("INSERT INTO texts (policy_id, version, title, code, body) VALUES (?, ?, ?, ?, ?)",
                       (policy.id, number, policy.title, policy.code, text))
            db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", (policy.id, number, sha))
    for key in set(known) - wanted:
        db.execute("DELETE FROM texts WHERE policy_id = ? AND version = ?", key)
        db.execute("DELETE FROM docs WHERE policy_id = ? AND version = ?", key)


def _same_heading(db: sqlite3.Connection, policy, number: int) -> bool:
    row = db.execute("SELECT title, code FROM texts WHERE policy_id = ? AND version = ?",
                     (policy.id, number)).fetchone()
    return row is not None and tuple(row) == (policy.title, policy.code)


_WORD = re.compile(r"\w+", re.UNICODE)


def match_query(words: str) -> str:
    """The FTS5 query for the words typed: every word must occur (a word's start matches)."""
    terms = _WORD.findall(words)
    if not terms:
        raise InvalidInput("Give one or more words to search for, e.g.: policyeditor search student data")
    return " ".join(f'"{t}"*' for t in terms)


def search(lib: "Library", words: str, limit: int = 20) -> list[Hit]:
    """The texts (drafts and adopted versions) holding every word, best first."""
    query = match_query(words)
    db, _updated = ensure_index(lib)
    try:
        rows = db.execute(
            "SELECT policy_id, title, code, version, "
            "snippet(texts, 4, '[', ']', '...', 14), bm25(texts, 0, 0, 8.0, 8.0, 1.0) AS score "
            "FROM texts WHERE texts MATCH ? ORDER BY score, policy_id, version DESC LIMIT ?",
            (query, max(1, limit))).fetchall()
    finally:
        db.close()
    return [Hit(pid, title, code, int(version), " ".join(snippet.split()), score)
            for pid, title, code, version, snippet, score in rows]
