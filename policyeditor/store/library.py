"""A policy library on disk: a git repository laid out as docs/design.md says.

Opening a library reads only library.toml and a few files under .git (HEAD,
the index lock): no git process starts and GitPython is not imported, so
commands that only read records (list, versions, in-force) stay quick on a
large library. Writing goes through ``gitrepo.GitRepo`` (imported on first
use): the tree is checked first (not busy, on a branch, no changes the tool
did not make), then files are written atomically and committed, all or
nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from policyeditor.core.errors import (
    InvalidInput,
    LibraryError,
    LibraryStateError,
    NotALibrary,
    NotFound,
)
from policyeditor.core.ids import validate_policy_id
from policyeditor.core.versions import LibrarySettings, Memo, Policy, Version
from policyeditor.store import files
from policyeditor.store import guard, inputs, writelock
from policyeditor.store.inputs import canonical_text, validate_settings
from policyeditor.store.records import Author
from policyeditor.store.files import (
    GITATTRIBUTES,
    GITATTRIBUTES_TEXT,
    LIBRARY_FILE,
    POLICIES_DIR,
    draft_path,
    record_path,
    sha256_text,
)

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo, Transaction

Clock = Callable[[], datetime]


class Library:
    """One district's policy library. Use ``Library.open`` or ``Library.create``."""

    def __init__(self, path: Path, settings: LibrarySettings, git_dir: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.settings = settings
        self.git_dir = git_dir
        self.clock = clock
        self._git: GitRepo | None = None
        self._author: Author | None = None
        self._thread_lock = threading.RLock()
        self._lock: writelock.WriteLock | None = None
        self._base: str | None = None
        self.repairs: list[str] = []  # what was repaired of a write cut short (plain sentences)

    # --- opening ------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock | None = None) -> "Library":
        """Open the library in ``path``: NotALibrary, LibraryBusy, LibraryStateError."""
        root = Path(path).expanduser().absolute()
        if not root.is_dir():
            raise NotALibrary(f"There is no folder {root}. Check the library's location.")
        git_dir = files.find_git_dir(root)
        if git_dir is None or not (root / LIBRARY_FILE).is_file():
            raise NotALibrary(
                f"{root} is not a policy library (it has no {'library.toml' if git_dir else 'git repository'}). "
                "Open the library's folder, or create a library with 'init' or 'demo'."
            )
        settings = files.settings_from_toml(files.read_toml(files.inside(root, LIBRARY_FILE), LIBRARY_FILE))
        lib = cls(root, settings, git_dir, clock)
        if writelock.needs_repair(git_dir):
            lib._repair_if_free()
        guard.check_head(git_dir, writing=False)
        return lib

    @classmethod
    def create(
        cls,
        path: str | Path,
        settings: LibrarySettings,
        author: Author | None = None,
        *,
        clock: Clock | None = None,
    ) -> "Library":
        """Create a new library in ``path`` (a new or empty folder), with its first commit."""
        from policyeditor.store.gitrepo import GitRepo

        validate_settings(settings)
        root = Path(path).expanduser().absolute()
        existed = root.exists()
        if existed and (not root.is_dir() or any(root.iterdir())):
            raise InvalidInput(f"{root} is not an empty folder. Choose a new folder for the library.")
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInput(f"A library cannot be created in {root}: {exc.strerror or exc}. "
                               "Choose a folder you can write to.") from None
        try:
            repo = GitRepo.init(root)
            lib = cls(root, settings, Path(repo.repo.git_dir), clock)
            lib._git = repo
            lib._author = author
            with repo.transaction([LIBRARY_FILE, GITATTRIBUTES]) as tx:
                tx.write(GITATTRIBUTES, GITATTRIBUTES_TEXT.encode())
                tx.write(LIBRARY_FILE, files.settings_to_toml(settings))
                tx.commit(f"Create the policy library of {settings.district}", lib.author, lib.now())
        except BaseException:
            if existed:
                shutil.rmtree(root / ".git", ignore_errors=True)
            else:
                shutil.rmtree(root, ignore_errors=True)
            raise
        return lib

    def close(self) -> None:
        """Stop git helper processes; the object can still be used afterwards."""
        if self._git is not None:
            self._git.close()
            self._git = None

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- state checks ---------------------------------------------------------------

    def ensure_writable(self) -> None:
        """Refuse to write over a state the tool did not make (LibraryStateError)."""
        guard.check_head(self.git_dir)
        guard.check_clean(*self.repo().changed_files())

    # --- time and people ----------------------------------------------------------------

    def now(self) -> datetime:
        """The current instant in the library's time zone (the clock, when one is set)."""
        from policyeditor.core import dates

        tz = dates.zone(self.settings.timezone)
        return self.clock().astimezone(tz) if self.clock else datetime.now(tz)

    def today(self) -> date:
        """Today's date in the library's time zone."""
        return self.now().date()

    @property
    def author(self) -> Author:
        """Who commits: user settings, else git's user.name/email, else the OS user."""
        if self._author is None:
            from policyeditor.store.identity import resolve_author

            self._author = resolve_author(self.repo())
        return self._author

    @author.setter
    def author(self, value: Author) -> None:
        self._author = value

    def repo(self) -> "GitRepo":
        """The git repository (GitPython is loaded here, on first use)."""
        if self._git is None:
            from policyeditor.store.gitrepo import GitRepo

            self._git = GitRepo(self.path)
        return self._git

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the library's write lock for a whole read-check-write (reentrant in this object).

        Waits a few seconds for another writer, then LibraryBusy naming it.
        On taking the lock, what a crashed writer left is repaired first
        (``self.repairs`` says what). The branch's commit at this point is
        the base every commit of the block must move from.
        """
        with self._thread_lock:
            if self._lock is not None:
                yield
                return
            lock = writelock.WriteLock(self.git_dir)
            left = lock.acquire()
            self._lock = lock
            try:
                if left is not None:
                    self._repair(left)
                self._reload_settings()
                self._base = self.repo().head_sha()
                yield
            finally:
                self._lock = None
                self._base = None
                lock.release()

    def _repair(self, left: "writelock.Holder") -> None:
        from policyeditor.store import recovery

        try:
            self.repairs += recovery.repair(self.repo(), self.git_dir, left)
        except (OSError, LibraryError) as exc:
            raise LibraryStateError(
                "A change that was cut short (the program stopped while writing) could not be repaired, "
                "so nothing was done. Close any program using the library folder and try again; the "
                "details say what failed.", details=str(exc)) from exc
        except Exception as exc:  # GitCommandError: GitPython is not imported here by name
            if type(exc).__module__.startswith("git"):
                raise LibraryStateError(
                    "A change that was cut short (the program stopped while writing) could not be "
                    "repaired, so nothing was done. Ask whoever looks after the library; the details "
                    "say what git reported.", details=str(exc)) from exc
            raise

    def _repair_if_free(self) -> None:
        """A reader found a crashed writer's leftovers: repair them now unless someone is writing."""
        lock = writelock.WriteLock(self.git_dir)
        taken, left = lock.try_acquire()
        if not taken:
            return
        try:
            if left is not None:
                self._repair(left)
        finally:
            lock.release()

    def _reload_settings(self) -> None:
        """Re-read library.toml under the lock (another writer may have changed it)."""
        self.settings = files.settings_from_toml(files.read_toml(files.inside(self.path, LIBRARY_FILE), LIBRARY_FILE))

    @contextlib.contextmanager
    def writing(self, paths: list[str]) -> Iterator["Transaction"]:
        """Under the lock: check the tree, then write and commit ``paths`` all or nothing."""
        with self.locked():
            self.ensure_writable()
            with self.repo().transaction(paths, base=self._base) as tx:
                yield tx
            self._base = tx.head

    # --- reading ------------------------------------------------------------------

    def policy_ids(self) -> list[str]:
        """Ids of the policies, sorted (folders under policies/ holding a policy.toml)."""
        folder = self.path / POLICIES_DIR
        if not folder.is_dir():
            return []
        ids = []
        for entry in folder.iterdir():
            if (entry / files.RECORD_FILE).is_file():
                with contextlib.suppress(InvalidInput):
                    ids.append(validate_policy_id(entry.name))
        return sorted(ids)

    def _record_file(self, policy_id: str) -> Path:
        validate_policy_id(policy_id)
        target = files.inside(self.path, record_path(policy_id))
        if not target.is_file():
            raise NotFound(f"There is no policy '{policy_id}' in this library. Check the id in the list of policies.")
        return target

    def policy(self, policy_id: str) -> Policy:
        """The policy's record from its policy.toml (NotFound for an unknown id)."""
        target = self._record_file(policy_id)
        rel = record_path(policy_id)
        return files.policy_from_toml(policy_id, files.read_toml(target, rel), rel)

    def policies(self) -> list[Policy]:
        """Every policy's record, sorted by id."""
        return [self.policy(pid) for pid in self.policy_ids()]

    def draft_text(self, policy_id: str) -> str:
        """The draft (policies/<id>/policy.md) as it is on disk."""
        self._record_file(policy_id)
        target = files.inside(self.path, draft_path(policy_id))
        data = target.read_bytes() if target.is_file() else b""
        return files.decode_text(data, draft_path(policy_id))

    def draft_changed(self, policy_id: str, policy: Policy | None = None) -> bool:
        """Whether the draft differs from the latest version's text (or, with none, is not empty)."""
        policy = policy or self.policy(policy_id)
        text = self.draft_text(policy_id)
        latest = policy.latest
        if latest is None:
            return bool(text.strip())
        return sha256_text(text) != latest.text_sha256

    def version_text(self, policy_id: str, number: int) -> str:
        """The text of version ``number``, read from its recorded commit."""
        version = self.policy(policy_id).version(number)
        if not version.text_commit:
            raise NotFound(f"Version {number} of '{policy_id}' has no recorded text.")
        data = self.repo().file_at(version.text_commit, draft_path(policy_id))
        if data is None:
            raise LibraryStateError(
                f"The text of version {number} of '{policy_id}' is missing from the library's history "
                f"(commit {version.text_commit[:8]}). Run verify to see what was altered."
            )
        return files.decode_text(data, f"Version {number} of '{policy_id}'")

    def in_force(self, policy_id: str, when: date | datetime) -> Version | None:
        """The version in force at ``when`` (a naive datetime is library time)."""
        from policyeditor.core import timeline

        return timeline.in_force(self.policy(policy_id), when, self.settings.timezone)

    # --- writing ------------------------------------------------------------------

    def create_policy(
        self, policy_id: str, title: str, code: str = "", text: str | bytes = "", review_months: int | None = None
    ) -> Policy:
        """Add a policy with its draft (no version yet) in one commit."""
        validate_policy_id(policy_id)
        policy = Policy(id=policy_id, title=inputs.policy_title(title), code=code.strip(), review_months=inputs.review_months(review_months))
        draft = canonical_text(text, "The policy's text")
        with self.locked():
            if (self.path / POLICIES_DIR / policy_id).exists():
                raise InvalidInput(f"There is already a policy '{policy_id}'. Choose another id.")
            with self.writing([draft_path(policy_id), record_path(policy_id)]) as tx:
                tx.write(draft_path(policy_id), draft.encode("utf-8"))
                tx.write(record_path(policy_id), files.policy_to_toml(policy))
                tx.commit(f"Add the policy {policy.title} ({policy_id})", self.author, self.now())
        return policy

    def save_draft(self, policy_id: str, text: str | bytes, message: str = "", *,
                   expected: str | None = None) -> str | None:
        """Make ``text`` the draft; the commit's sha, or None when nothing changed.

        ``expected``: the draft text the editor loaded. If the draft on disk
        or in the history is no longer that text (someone saved meanwhile),
        DraftChanged carries both texts and nothing is written.
        """
        self._record_file(policy_id)
        draft = canonical_text(text, "The draft").encode("utf-8")
        with self.locked():
            policy = self.policy(policy_id)
            if expected is not None:
                self._check_expected(policy_id, expected, draft.decode("utf-8"))
            target = files.inside(self.path, draft_path(policy_id))
            if target.is_file() and target.read_bytes() == draft and not self._draft_uncommitted(policy_id):
                return None
            with self.writing([draft_path(policy_id)]) as tx:
                tx.write(draft_path(policy_id), draft)
                return tx.commit(message.strip() or f"Edit the draft of {policy.title}", self.author, self.now())

    def _draft_uncommitted(self, policy_id: str) -> bool:
        """Whether the draft on disk differs from the committed one (a write cut short left it)."""
        committed = self.repo().file_at(self.repo().head_sha() or "", draft_path(policy_id))
        target = files.inside(self.path, draft_path(policy_id))
        return committed != (target.read_bytes() if target.is_file() else None)

    def _check_expected(self, policy_id: str, expected: str, mine: str) -> None:
        """DraftChanged when the draft is no longer the text the editor loaded."""
        from policyeditor.core.errors import DraftChanged

        loaded = canonical_text(expected, "The draft")
        head = self.repo().head_sha()
        committed = self.repo().file_at(head, draft_path(policy_id)) if head else None
        theirs = files.decode_text(committed, draft_path(policy_id)) if committed is not None else ""
        on_disk = self.draft_text(policy_id)
        if on_disk != theirs:
            theirs = on_disk
        if theirs != loaded and theirs != mine:
            raise DraftChanged(policy_id, loaded, theirs, mine)

    def write_policy(self, policy: Policy, message: str, tag: tuple[str, str, str] | None = None) -> str | None:
        """Write policy.toml (and create ``tag`` = (name, commit, message)); None if unchanged."""
        rel = record_path(policy.id)
        data = files.policy_to_toml(policy)
        with self.locked():
            if tag is None and files.inside(self.path, rel).read_bytes() == data:
                return None
            if tag is not None and tag[0] in self.repo().tags():
                raise LibraryStateError(
                    f"The tag {tag[0]} already exists, so the adoption cannot be recorded. "
                    "Nothing was saved; run verify to see whether the library was altered."
                )
            with self.writing([rel]) as tx:
                tx.write(rel, data)
                return tx.commit(message, self.author, self.now(), tags=(tag,) if tag is not None else ())

    def update_policy_info(
        self,
        policy_id: str,
        *,
        title: str | None = None,
        code: str | None = None,
        review_months: int | None = None,
        notice_days: int | None = None,
    ) -> Policy:
        """Change a policy's title, code, review cycle or notice period (0 months/-1 days clears)."""
        with self.locked():
            return self._update_policy_info(policy_id, title, code, review_months, notice_days)

    def _update_policy_info(self, policy_id: str, title: str | None, code: str | None,
                            review_months: int | None, notice_days: int | None) -> Policy:
        policy = self.policy(policy_id)
        changes: dict[str, object] = {}
        if title is not None:
            changes["title"] = inputs.policy_title(title)
        if code is not None:
            changes["code"] = code.strip()
        if review_months is not None:
            changes["review_months"] = inputs.review_months(review_months) if review_months else None
        if notice_days is not None:
            if notice_days < -1 or notice_days > 3650:
                raise InvalidInput("A notice period is a number of days between 0 and 3650.")
            changes["notice_days"] = None if notice_days == -1 else notice_days
        updated = replace(policy, **changes)
        self.write_policy(updated, f"Update the details of {updated.title}")
        return updated

    def update_memo(self, policy_id: str, number: int, memo: Memo) -> Version:
        """Set the cover memo of version ``number``."""
        with self.locked():
            policy = self.policy(policy_id)
            version = replace(policy.version(number), memo=memo)
            updated = replace(policy, versions=tuple(version if v.number == number else v for v in policy.versions))
            self.write_policy(updated, f"{policy.title}, version {number}: memo")
        return version

    def update_draft_memo(self, policy_id: str, memo: Memo) -> Policy:
        """Set the memo kept for the draft until its first reading (which starts the version's memo)."""
        with self.locked():
            policy = replace(self.policy(policy_id), draft_memo=memo)
            self.write_policy(policy, f"{policy.title}: memo for the draft")
        return policy

    def update_settings(self, settings: LibrarySettings) -> None:
        """Change library.toml (district, committee, signer, time zone, notice days)."""
        validate_settings(settings)
        data = files.settings_to_toml(settings)
        with self.locked():
            if files.inside(self.path, LIBRARY_FILE).read_bytes() != data:
                with self.writing([LIBRARY_FILE]) as tx:
                    tx.write(LIBRARY_FILE, data)
                    tx.commit("Change the library's settings", self.author, self.now())
        self.settings = settings

    # --- events (see events.py; checks: events.check_policy, integrity: verify.verify) -------

    def record_event(
        self,
        policy_id: str,
        event: str,
        when: date | str,
        *,
        version: int | None = None,
        editorial: bool = False,
        justification: str = "",
        legacy: bool = False,
        amended: bool = False,
    ) -> Version:
        """Record ``event`` on ``when``: rules checked first, nothing written when one fails.

        Rule 7's facts (what tagged data covers) are read from the library
        itself (``store.coverage``), so every workstation checks the same.
        ``amended``: the adoption of a text changed since the first reading
        is confirmed (rule 10).
        """
        from policyeditor.store import events

        with self.locked():  # the rules are checked against what is written: one read-check-write
            request = events.Request(event, when, version, editorial, justification, legacy, amended)
            return events.record_event(self, policy_id, request)

    def correct_event(self, policy_id: str, number: int, event: str, new: date | str, reason: str) -> Version:
        """Correct the recorded date of a fact, with a reason (``events.correct_event``)."""
        from policyeditor.store import events

        with self.locked():
            return events.correct_event(self, policy_id, number, event, new, reason)

    def preview_event(
        self,
        policy_id: str,
        event: str,
        when: date | str,
        *,
        version: int | None = None,
        editorial: bool = False,
        justification: str = "",
        legacy: bool = False,
        amended: bool = False,
    ) -> list:
        """The rule failures recording the event would meet (for live checks); writes nothing."""
        from policyeditor.store import events

        request = events.Request(event, when, version, editorial, justification, legacy, amended)
        return events.preview_event(self, policy_id, request)

    def rule_context(self, policy_id: str):
        """The ``core.rules.RuleContext`` the store checks events with (for live checks)."""
        from policyeditor.store import events

        return events.rule_context(self, self.policy(policy_id))
