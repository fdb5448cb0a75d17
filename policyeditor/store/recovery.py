"""Repairing what a write cut short (a crash, a killed process, a power cut) left behind.

Called with the write lock held, when the lock file still named a holder
(that writer died mid-write, see ``store.writelock``). Every write starts from
a clean tree (``store.guard``), so whatever the dead writer left can be told
apart and settled:

- its journal (``gitrepo.Transaction``) says where it was: the branch still
  at the commit it started from means nothing was saved, so its files are put
  back (undone); the branch at the commit it made means it was saved, so what
  was left (the adoption's tag, the index) is finished;
- git's own lock files the killed git left (``index.lock``, ref locks) are
  removed, since no writer is running;
- files of the library's own paths still changed without a journal (a sync
  killed while moving the work tree) are put back to the committed state;
- temporary files (``.part``) of the dead process are removed.

Each repair is one plain sentence for the user.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor import atomicfile
from policyeditor.store.guard import WATCHED
from policyeditor.store.records import Author
from policyeditor.store.writelock import Holder

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo

_notices: list[str] = []


def take_notices() -> list[str]:
    """The repairs made in this process since the last call (the command line prints them)."""
    out = list(_notices)
    _notices.clear()
    return out


_GIT_LOCKS = ("index.lock", "HEAD.lock", "packed-refs.lock", "config.lock", "policyeditor-sync.index")


def _remove_git_locks(git_dir: Path) -> list[str]:
    """git's lock files (index.lock, sync's temporary index and its lock, ref locks) a killed git left."""
    from policyeditor.store.writelock import LOCK_FILE

    removed = []
    names = {e.name for e in git_dir.iterdir() if e.name.endswith(".lock") and e.name != LOCK_FILE}
    for name in sorted(names | set(_GIT_LOCKS)):
        target = git_dir / name
        if target.is_file():
            target.unlink(missing_ok=True)
            removed.append(name)
    refs = git_dir / "refs"
    for lock in refs.rglob("*.lock") if refs.is_dir() else ():
        lock.unlink(missing_ok=True)
        removed.append(lock.relative_to(git_dir).as_posix())
    return removed


def _read_journal(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("paths"), list):
        return None
    return data


def _subject(journal: dict) -> str:
    message = str(journal.get("message") or "").strip().splitlines()
    if message:
        return f"\u201c{message[0]}\u201d"
    names = []
    for rel in (str(p) for p in journal["paths"]):
        parts = rel.split("/")
        if len(parts) == 3 and parts[0] == "policies":
            names.append(f"the {'draft' if parts[2] == 'policy.md' else 'record'} of {parts[1]}")
        else:
            names.append("the library's settings" if rel == "library.toml" else rel)
    return "a change of " + " and ".join(dict.fromkeys(names))


def repair(repo: "GitRepo", git_dir: Path, holder: Holder | None) -> list[str]:
    """Settle what the dead writer ``holder`` left; plain sentences saying what was done."""
    who = f" (by {holder.sentence()})" if holder else ""
    notes: list[str] = []
    _remove_git_locks(git_dir)
    from policyeditor.store.gitrepo import JOURNAL

    journal_path = git_dir / JOURNAL
    journal = _read_journal(journal_path)
    head = repo.head_sha()
    restored: list[str] = []
    if journal is not None:
        paths = [str(p) for p in journal["paths"]]
        if journal.get("commit") and head == journal["commit"]:
            made = _finish_tags(repo, journal)
            restored = repo.restore_paths(paths)
            tail = f": the tag {', '.join(made)} was created" if made else ""
            notes.append(f"A change that was cut short{who} was finished{tail}. "
                         f"{_subject(journal)} is saved in the library.")
        elif head == journal.get("head"):
            restored = repo.restore_paths(paths)
            notes.append(f"A change that was cut short{who} was undone: {_subject(journal)} was not "
                         "saved, and the library is as it was before it. Make that change again.")
        else:
            notes.append(f"A change that was cut short{who} was found ({_subject(journal)}); the library "
                         "has changed since, so it was left as it is.")
        for folder in {(repo.root / p).parent for p in paths}:
            atomicfile.remove_leftovers(folder)
    staged, modified = repo.changed_files()
    stray = sorted({p for p in staged + modified if p.startswith(WATCHED)} - set(restored))
    if stray and head is not None:
        restored_now = repo.restore_paths(stray)
        if restored_now:
            notes.append(f"A change that was cut short{who} had left {', '.join(restored_now[:5])} "
                         "changed without saving it; they were put back as saved in the library.")
    with contextlib.suppress(OSError):
        journal_path.unlink(missing_ok=True)
    atomicfile.remove_leftovers(repo.root)
    _notices.extend(notes)
    return notes


def _finish_tags(repo: "GitRepo", journal: dict) -> list[str]:
    """Create the journal's tags that do not exist yet; their names."""
    existing = repo.tags()
    made = []
    try:
        name, email = journal.get("author") or ("policyeditor", "policyeditor@localhost")
        when = datetime.fromisoformat(str(journal.get("when")))
    except (TypeError, ValueError):
        return made
    for entry in journal.get("tags") or []:
        tag, target, message = (str(x) for x in entry)
        if tag not in existing:
            repo.create_tag(tag, target, message, Author(str(name), str(email)), when)
            made.append(tag)
    return made
