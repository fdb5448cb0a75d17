"""A policy library on disk: a git repository laid out as DESIGN.md says.

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
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from policyeditor.core.errors import (
    InvalidInput,
    LibraryStateError,
    NotALibrary,
    NotFound,
)
from policyeditor.core.ids import validate_policy_id
from policyeditor.core.versions import LibrarySettings, Memo, Policy, Version
from policyeditor.store import files
from policyeditor.store import guard, inputs
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
        settings = files.settings_from_toml(files.read_toml(root / LIBRARY_FILE, LIBRARY_FILE))
        lib = cls(root, settings, git_dir, clock)
        lib._check_head()
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

    def _check_head(self) -> None:
        """Busy (index.lock), detached HEAD or an unfinished merge: typed errors."""
        guard.check_head(self.git_dir)

    def ensure_writable(self) -> None:
        """Refuse to write over a state the tool did not make (LibraryStateError)."""
        self._check_head()
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
    def writing(self, paths: list[str]) -> Iterator["Transaction"]:
        """Check the tree, then write and commit ``paths`` all or nothing."""
        self.ensure_writable()
        with self.repo().transaction(paths) as tx:
            yield tx

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
        target = self.path / record_path(policy_id)
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
        target = self.path / draft_path(policy_id)
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
        if (self.path / POLICIES_DIR / policy_id).exists():
            raise InvalidInput(f"There is already a policy '{policy_id}'. Choose another id.")
        policy = Policy(id=policy_id, title=inputs.policy_title(title), code=code.strip(), review_months=inputs.review_months(review_months))
        draft = canonical_text(text, "The policy's text")
        with self.writing([draft_path(policy_id), record_path(policy_id)]) as tx:
            tx.write(draft_path(policy_id), draft.encode("utf-8"))
            tx.write(record_path(policy_id), files.policy_to_toml(policy))
            tx.commit(f"Add the policy {policy.title} ({policy_id})", self.author, self.now())
        return policy

    def save_draft(self, policy_id: str, text: str | bytes, message: str = "") -> str | None:
        """Make ``text`` the draft; the commit's sha, or None when nothing changed."""
        policy = self.policy(policy_id)
        draft = canonical_text(text, "The draft").encode("utf-8")
        target = self.path / draft_path(policy_id)
        if target.is_file() and target.read_bytes() == draft:
            return None
        with self.writing([draft_path(policy_id)]) as tx:
            tx.write(draft_path(policy_id), draft)
            return tx.commit(message.strip() or f"Edit the draft of {policy.title}", self.author, self.now())

    def write_policy(self, policy: Policy, message: str, tag: tuple[str, str, str] | None = None) -> str | None:
        """Write policy.toml (and create ``tag`` = (name, commit, message)); None if unchanged."""
        rel = record_path(policy.id)
        data = files.policy_to_toml(policy)
        if tag is None and (self.path / rel).read_bytes() == data:
            return None
        with self.writing([rel]) as tx:
            tx.write(rel, data)
            sha = tx.commit(message, self.author, self.now())
            if tag is not None:
                name, target, tag_message = tag
                if name in self.repo().tags():
                    raise LibraryStateError(
                        f"The tag {name} already exists, so the adoption cannot be recorded. "
                        "Nothing was saved; run verify to see whether the library was altered."
                    )
                tx.tag(name, target, tag_message, self.author, self.now())
        return sha

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
        policy = self.policy(policy_id)
        version = replace(policy.version(number), memo=memo)
        updated = replace(policy, versions=tuple(version if v.number == number else v for v in policy.versions))
        self.write_policy(updated, f"{policy.title}, version {number}: memo")
        return version

    def update_settings(self, settings: LibrarySettings) -> None:
        """Change library.toml (district, committee, signer, time zone, notice days)."""
        validate_settings(settings)
        data = files.settings_to_toml(settings)
        if (self.path / LIBRARY_FILE).read_bytes() != data:
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

        request = events.Request(event, when, version, editorial, justification, legacy, amended)
        return events.record_event(self, policy_id, request)

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
