"""The one place that talks to git (through GitPython).

Everything the library writes goes through ``GitRepo.transaction``: files are
written, added and committed (and tags created) inside it, and when any step
fails the files, the index, the branch and the tags are put back as they were.
Author and committer are always passed explicitly, so a workstation without a
git identity never meets git's "Please tell me who you are".

User text reaches git only as commit/tag messages passed by value (never as an
option); paths and tag names are built from validated policy ids.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Iterator

from policyeditor.core.errors import GitMissing, LibraryBusy, LibraryError, LibraryStateError

GIT_ENV = "GIT_PYTHON_GIT_EXECUTABLE"   # GitPython runs this program instead of git on PATH


def bundled_git() -> Path | None:
    """The portable git inside a frozen (PyInstaller) bundle, if it carries one (MinGit on Windows)."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    for rel in ("git/cmd/git.exe", "git/bin/git"):
        if (Path(base) / rel).is_file():
            return Path(base) / rel
    return None


def find_git() -> str:
    """The git program to run: GitMissing, a plain sentence, when there is none.

    $GIT_PYTHON_GIT_EXECUTABLE when set; else the bundle's own git (then named
    in that variable for GitPython); else ``git`` on PATH.
    """
    named = os.environ.get(GIT_ENV)
    if not named and (own := bundled_git()) is not None:
        os.environ[GIT_ENV] = named = str(own)
    program = shutil.which(named or "git")
    if program is None and named and os.path.isfile(named) and os.access(named, os.X_OK):
        program = named
    if program is None:
        what = (f"The git program named by {GIT_ENV} ({named}) does not exist" if named
                else "The git program was not found on this computer")
        raise GitMissing(
            f"{what}; policy libraries are kept with git, so nothing was changed. Install Git "
            "(https://git-scm.com/downloads) or ask your IT department to, then try again."
        )
    return program


find_git()
try:
    import git
    from git.exc import BadName, GitCommandError, GitError, HookExecutionError
except ImportError as exc:   # GitPython runs 'git version' on import: a git that does not run
    raise GitMissing(
        "The git program on this computer does not run; policy libraries are kept with git, so nothing "
        "was changed. Reinstall Git (https://git-scm.com/downloads) or ask your IT department to, then try again.",
        details=str(exc),
    ) from None

from policyeditor import atomicfile  # noqa: E402  (after the git check)
from policyeditor.store.files import atomic_write, inside  # noqa: E402
from policyeditor.store.records import Author  # noqa: E402

BRANCH = "main"


_NO_LOCKS = {"GIT_OPTIONAL_LOCKS": "0"}  # 'git status' must not take index.lock (a kill would leave it)
_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _git_time(when: datetime) -> str:
    """Git's internal date form '<unix seconds> +hhmm' for an aware datetime."""
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{int(when.timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


JOURNAL = "policyeditor-write.json"


class GitFailed(LibraryError):
    """A git command failed. ``stderr``: what git said (sync turns it into a plain reason).

    Callers outside this module catch this, never GitPython's own exceptions.
    """

    def __init__(self, message: str, *, stderr: str = "") -> None:
        super().__init__(message, details=stderr)
        self.stderr = stderr


def _failed(exc: GitCommandError) -> GitFailed:
    stderr = (str(exc.stderr or "") or str(exc)).strip()
    return GitFailed("A git command failed; the details say why.", stderr=stderr)


class Transaction:
    """What a write changed, so it can be undone: see ``GitRepo.transaction``.

    A journal (``.git/policyeditor-write.json``) names the write before any
    file changes: its paths, the commit it started from, and, once made, its
    commit and tags. A process killed mid-write leaves the journal, and the
    next command finishes or undoes the write from it (``store.recovery``).
    The branch moves by compare-and-swap: only from the commit the write
    started from (``base``), never over a commit another writer made.
    """

    def __init__(self, repo: "GitRepo", paths: list[str], base: str | None = None) -> None:
        self.repo = repo
        self.root = repo.root
        self.paths = list(dict.fromkeys(paths))
        self.written: dict[str, bytes] = {}
        self.removed: set[str] = set()
        self.saved: dict[str, bytes | None] = {}
        for rel in self.paths:
            target = inside(self.root, rel)
            self.saved[rel] = target.read_bytes() if target.is_file() else None
        self.start = base if base is not None else repo.head_sha()
        self.head = self.start
        self.tags: list[str] = []
        self.commits: list[str] = []
        self.journal = Path(repo.repo.git_dir) / JOURNAL
        self._journal({"commit": None, "tags": []})

    def _journal(self, extra: dict) -> None:
        data = {"pid": os.getpid(), "paths": self.paths, "head": self.start, **extra}
        atomicfile.write_bytes(self.journal, json.dumps(data).encode("utf-8"))

    def write(self, rel: str, data: bytes) -> None:
        """Atomically write a file of the library (must be one named at the start)."""
        if rel not in self.saved:
            raise ValueError(f"{rel} was not declared for this transaction")
        self.written[rel] = data
        atomic_write(inside(self.root, rel), data)

    def remove(self, rel: str) -> None:
        """Delete a file of the library (one named at the start); the commit records the deletion."""
        if rel not in self.saved:
            raise ValueError(f"{rel} was not declared for this transaction")
        self.removed.add(rel)
        inside(self.root, rel).unlink(missing_ok=True)

    def commit(self, message: str, author: Author, when: datetime,
               tags: tuple[tuple[str, str, str], ...] = ()) -> str:
        """Add the declared files, commit them and move the branch (if it has not moved), then tag.

        ``tags``: (name, target commit, message) of annotated tags to create
        with the commit; the journal names them first, so a crash between
        the commit and its tags is finished by the next command.
        """
        sha = self.repo.commit(self.paths, message, author, when, parent=self.head, move=False)
        self._journal({"commit": sha, "message": message, "author": [author.name, author.email],
                       "when": when.isoformat(), "tags": [list(t) for t in tags]})
        self.repo.move_branch(sha, self.head)
        self.commits.append(sha)
        self.head = sha
        for name, target, tag_message in tags:
            self.tag(name, target, tag_message, author, when)
        return sha

    def tag(self, name: str, target: str, message: str, author: Author, when: datetime) -> None:
        """Create the annotated tag ``name`` on ``target``."""
        self.repo.create_tag(name, target, message, author, when)
        self.tags.append(name)

    def done(self) -> None:
        """The write is complete: forget its journal."""
        self.journal.unlink(missing_ok=True)

    def rollback(self) -> None:
        """Undo this write: its tags, its commits (only while the branch is still ours), its files.

        If the branch has moved to a commit this write did not make (another
        program wrote meanwhile), nothing of theirs is touched: files are put
        back only where they still hold what this write wrote.
        """
        for name in self.tags:
            with contextlib.suppress(GitCommandError):
                self.repo.repo.git.tag("-d", name)
        current = self.repo.head_sha()
        ours = current == self.start or current in self.commits
        if ours and current != self.start:
            with contextlib.suppress(GitCommandError):
                self.repo.move_branch(self.start, current)
        for rel, old in self.saved.items():
            target = self.root / rel
            if rel in self.removed and old is not None and not target.exists():
                atomic_write(target, old)
                continue
            if rel not in self.written:
                continue
            try:
                now = target.read_bytes() if target.is_file() else None
            except OSError:
                continue
            if now != self.written[rel]:
                continue  # no longer what this write wrote: someone else's
            if old is None:
                target.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    target.parent.rmdir()  # only when empty: a folder this write created
            else:
                atomic_write(target, old)
        with contextlib.suppress(GitCommandError, OSError):
            self.repo.reset_index(self.paths)  # the tree was clean at the start: HEAD's entries are right
        self.done()


class GitRepo:
    """A library's git repository."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        try:
            self.repo = git.Repo(self.root)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            from policyeditor.core.errors import NotALibrary

            raise NotALibrary(f"{self.root} is not a policy library (it is not a git repository).") from exc

    @classmethod
    def init(cls, root: Path) -> "GitRepo":
        """Create an empty repository on branch 'main' in ``root``."""
        root.mkdir(parents=True, exist_ok=True)
        try:
            git.Repo.init(root, initial_branch=BRANCH)
        except GitCommandError as exc:
            raise LibraryError(f"A library could not be created in {root}.", details=str(exc)) from exc
        return cls(root)

    # --- state ------------------------------------------------------------------

    def head_sha(self) -> str | None:
        """The commit HEAD names, or None in a repository without commits."""
        try:
            return self.repo.head.commit.hexsha
        except ValueError:
            return None

    def branch_name(self) -> str:
        return self.repo.head.reference.name

    def changed_files(self) -> tuple[list[str], list[str]]:
        """(staged, modified) tracked files, as 'git status' reports them."""
        out = self.repo.git.status("--porcelain=v1", "-z", "--untracked-files=no", env=_NO_LOCKS)
        staged: list[str] = []
        modified: list[str] = []
        parts = out.split("\0")
        i = 0
        while i < len(parts):
            entry = parts[i]
            i += 1
            if len(entry) < 4:
                continue
            x, y, path = entry[0], entry[1], entry[3:]
            if x in "RC":
                i += 1  # a rename's original name follows
            if x not in " ?":
                staged.append(path)
            if y not in " ?":
                modified.append(path)
        return staged, modified

    def config_value(self, key: str) -> str:
        """A value of git's configuration (user.name...), '' when unset."""
        try:
            return self.repo.git.config("--get", key).strip()
        except GitCommandError:
            return ""

    # --- writing ------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, paths: list[str], base: str | None = None) -> Iterator[Transaction]:
        """Write and commit ``paths`` all or nothing (see Transaction); ``base``: the commit read."""
        tx = Transaction(self, paths, base)
        try:
            yield tx
            tx.done()
        except BaseException as exc:
            tx.rollback()
            if isinstance(exc, HookExecutionError):
                raise LibraryStateError(
                    "A git hook in this library refused the change, so nothing was saved. "
                    "Ask whoever set up the library's hooks, or remove the hook.",
                    details=str(exc),
                ) from exc
            if isinstance(exc, (GitCommandError, OSError)) and not isinstance(exc, LibraryError):
                if "index.lock" in str(exc):
                    raise LibraryBusy(
                        "Another program is writing to the library, so nothing was saved. "
                        "Wait for it to finish and try again.",
                        details=str(exc),
                    ) from exc
                raise LibraryError(
                    "Git could not save the change, so nothing was saved. The details say why.",
                    details=str(exc),
                ) from exc
            raise

    def commit(self, paths: list[str], message: str, author: Author, when: datetime,
               parent: str | None = None, move: bool = True) -> str:
        """Stage ``paths`` (removing deleted ones) and commit them as ``author`` at ``when``.

        ``move=False`` makes the commit without moving the branch (see ``move_branch``).
        """
        index = self.repo.index
        present = [p for p in paths if (self.root / p).exists()]
        gone = [p for p in paths if not (self.root / p).exists()]
        if present:
            index.add(present)
        if gone:
            tracked = {path for (path, _stage) in index.entries}
            untrack = [p for p in gone if p in tracked]
            if untrack:
                index.remove(untrack, working_tree=False)
        actor = git.Actor(author.name, author.email)
        parents = None
        if not move:
            parents = [self.repo.commit(parent)] if parent else []
        commit = index.commit(
            message, parent_commits=parents, head=move, author=actor, committer=actor,
            author_date=when, commit_date=when,
        )
        return commit.hexsha

    def move_branch(self, new: str, old: str | None) -> None:
        """Move the branch to ``new`` only if it is still at ``old`` (None: has no commit yet).

        LibraryBusy when another program moved it since: nothing of theirs is lost.
        """
        ref = f"refs/heads/{self.branch_name()}"
        try:
            self.repo.git.update_ref("-m", "policyeditor", ref, new, old or "0" * len(new))
        except GitCommandError as exc:
            raise LibraryBusy(
                "The library was changed by another program while this change was being saved, "
                "so nothing was saved. Try again.",
                details=str(exc),
            ) from exc

    def restore_paths(self, paths: list[str]) -> list[str]:
        """Put ``paths`` (work tree and index) back as HEAD has them; those whose file changed."""
        head = self.head_sha()
        changed = []
        for rel in paths:
            data = self.file_at(head, rel) if head else None
            try:
                target = inside(self.root, rel)
            except LibraryStateError:
                continue  # a link: never written through
            now = target.read_bytes() if target.is_file() and not target.is_symlink() else None
            if now == data and not target.is_symlink():
                continue
            if data is None:
                target.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    target.parent.rmdir()
            else:
                atomic_write(target, data)
            changed.append(rel)
        if paths:
            with contextlib.suppress(GitCommandError):
                self.reset_index(paths)
        return changed

    def reset_index(self, paths: list[str]) -> None:
        """Make the index's entries for ``paths`` those of HEAD (the work tree is not touched)."""
        if self.head_sha() is None:
            (Path(self.repo.git_dir) / "index").unlink(missing_ok=True)
            return
        self.repo.git.reset("-q", "HEAD", "--", *paths)

    def commit_tree(self, tree: str, parents: list[str], message: str, author: Author, when: datetime) -> str:
        """A commit of ``tree`` with ``parents`` (no branch moves): how sync joins two histories."""
        env = {
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": _git_time(when),
            "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email,
            "GIT_COMMITTER_DATE": _git_time(when),
        }
        args = [arg for parent in parents for arg in ("-p", parent)]
        return self.repo.git.commit_tree("--no-gpg-sign", *args, "-m", message, tree, env=env).strip()

    def write_blob(self, data: bytes) -> str:
        """Store ``data`` as a blob in the repository's objects; its id (for a tree sync builds)."""
        from io import BytesIO

        from gitdb import IStream

        try:
            stored = self.repo.odb.store(IStream(b"blob", len(data), BytesIO(data)))
        except (GitCommandError, OSError, ValueError) as exc:
            raise GitFailed("Git could not store a merged file.", stderr=str(exc)) from exc
        sha = stored.hexsha
        return sha.decode("ascii") if isinstance(sha, bytes) else sha

    @staticmethod
    def user_config_value(key: str) -> str:
        """A value of the user's global git configuration ('' when unset), for before a clone."""
        try:
            return git.Git().config("--global", "--get", key).strip()
        except GitCommandError:
            return ""

    @classmethod
    def clone(cls, url: str, root: Path, env: dict[str, str], branch: str | None = BRANCH) -> "GitRepo":
        """Clone ``url`` (checked by store.remote) into ``root``, branch 'main' (None: the remote's default).

        GitPython puts ``--`` before the address, so it is never read as an option.
        """
        try:
            options = {"branch": branch} if branch else {"depth": 1}
            git.Repo.clone_from(url, root, env=env, **options).close()
        except GitCommandError as exc:
            raise _failed(exc) from exc
        return cls(root)

    def create_tag(self, name: str, target: str, message: str, author: Author, when: datetime) -> None:
        """An annotated tag; the tagger is passed through git's environment."""
        env = {
            "GIT_COMMITTER_NAME": author.name,
            "GIT_COMMITTER_EMAIL": author.email,
            "GIT_COMMITTER_DATE": _git_time(when),
        }
        self.repo.git.tag("-a", "-m", message, name, target, env=env)

    # --- reading --------------------------------------------------------------------

    def file_at(self, commit: str, path: str) -> bytes | None:
        """The bytes of ``path`` in ``commit``; None if the commit or file is missing.

        ``commit`` comes from policy.toml, which anyone can edit: only a full
        hexadecimal object id is looked up, never a name git would interpret.
        """
        if not _OBJECT_ID.fullmatch(commit):
            return None
        try:
            entry = self.repo.commit(commit).tree[path]
            if entry.type != "blob" or entry.mode not in (0o100644, 0o100755):
                return None  # a link or submodule is never read as a text
            return entry.data_stream.read()
        except (BadName, ValueError, KeyError, GitCommandError):
            return None

    def unsafe_entries(self, commit: str) -> list[str]:
        """Paths in ``commit``'s tree that are not ordinary files: links (mode 120000), submodules (160000).

        Sync refuses such a commit before joining it, so a shared library can
        never make a workstation read or write outside its library folder.
        """
        out = self.run("ls-tree", "-r", "-z", "--full-tree", commit)
        bad = []
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            if meta.split(" ")[0] not in ("100644", "100755"):
                bad.append(path)
        return bad

    def reachable(self) -> set[str]:
        """Every commit reachable from HEAD (one 'git rev-list')."""
        if self.head_sha() is None:
            return set()
        return set(self.repo.git.rev_list("HEAD").split())

    def tags(self) -> dict[str, tuple[str, str]]:
        """tag name -> (object type, commit it points at), for every tag."""
        out = self.repo.git.for_each_ref(
            "refs/tags", "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)"
        )
        result: dict[str, tuple[str, str]] = {}
        for line in out.splitlines():
            name, kind, obj, peeled = line.split("\0")
            result[name] = (kind, peeled or obj)
        return result

    def commits_changing(self, path: str) -> list[tuple[str, tuple[str, ...], datetime, str]]:
        """Every commit reachable from HEAD whose ``path`` differs from a parent's, oldest
        first: (commit, parents, author date, first line of the message). Merges are
        included (``--full-history`` with ``-m``-like treatment: every merge is listed)."""
        if self.head_sha() is None:
            return []
        out = self.repo.git.log("--full-history", "--topo-order", "--reverse",
                                "--format=%H%x00%P%x00%aI%x00%s", "HEAD", "--", path)
        merges = set(self.repo.git.rev_list("--merges", "HEAD").split())
        seen, result = set(), []
        for line in out.splitlines():
            sha, parents, when, subject = line.split("\0", 3)
            seen.add(sha)
            result.append((sha, tuple(parents.split()), datetime.fromisoformat(when), subject))
        if merges - seen:   # merges git left out of the simplified list: check them too
            for line in self.repo.git.log("--no-walk", "--format=%H%x00%P%x00%aI%x00%s",
                                          *sorted(merges - seen)).splitlines():
                sha, parents, when, subject = line.split("\0", 3)
                result.append((sha, tuple(parents.split()), datetime.fromisoformat(when), subject))
        return result

    def paths_ever(self, folder: str) -> set[str]:
        """Every file path under ``folder`` that any commit reachable from HEAD held."""
        if self.head_sha() is None:
            return set()
        out = self.repo.git.log("--full-history", "--no-renames", "--format=", "--name-only",
                                "HEAD", "--", folder)
        return {line.strip() for line in out.splitlines() if line.strip()}

    def modified_paths(self, folder: str) -> set[str]:
        """Paths under ``folder`` that some commit reachable from HEAD modified (not added)."""
        if self.head_sha() is None:
            return set()
        out = self.repo.git.log("--full-history", "--no-renames", "--format=", "--name-status",
                                "--diff-filter=MT", "HEAD", "--", folder)
        return {line.split("\t", 1)[1] for line in out.splitlines() if "\t" in line}

    def blob_id(self, commit: str, path: str) -> str | None:
        """The object id of ``path`` in ``commit`` (cheap equality test), or None."""
        if not _OBJECT_ID.fullmatch(commit):
            return None
        try:
            return self.repo.commit(commit).tree[path].hexsha
        except (BadName, ValueError, KeyError, GitCommandError):
            return None

    def files_under(self, commit: str, folder: str) -> dict[str, bytes]:
        """name -> bytes of the files directly in ``folder`` at ``commit`` ({} if none)."""
        if not _OBJECT_ID.fullmatch(commit):
            return {}
        try:
            tree = self.repo.commit(commit).tree[folder]
        except (BadName, ValueError, KeyError, GitCommandError):
            return {}
        return {b.name: b.data_stream.read() for b in tree.blobs}

    def close(self) -> None:
        """End git helper processes (cat-file) this object started."""
        self.repo.close()

    # --- commands for sync, the shared library's address and the register ------------------

    def run(self, command: str, *args: str, env: dict[str, str] | None = None) -> str:
        """``git <command> <args>``'s output; GitFailed when git fails.

        Each argument reaches git as one argument (no shell); a caller puts
        ``--`` before any address or name a user typed.
        """
        method = getattr(self.repo.git, command.replace("-", "_"))
        try:
            return method(*args, env=env) if env else method(*args)
        except GitCommandError as exc:
            raise _failed(exc) from exc

    def succeeds(self, command: str, *args: str) -> bool:
        """Whether ``git <command> <args>`` exits with status 0 (e.g. ``merge-base --is-ancestor``)."""
        method = getattr(self.repo.git, command.replace("-", "_"))
        status, _out, _err = method(*args, with_extended_output=True, with_exceptions=False)
        return status == 0

    def remote_names(self) -> list[str]:
        return [r.name for r in self.repo.remotes]

    def set_remote_url(self, name: str, url: str) -> None:
        """Create remote ``name`` with ``url``, or change its url (GitPython passes the url by value)."""
        try:
            if name in self.remote_names():
                self.repo.remote(name).set_url(url)
            else:
                self.repo.create_remote(name, url)
        except GitCommandError as exc:
            raise _failed(exc) from exc

    def delete_remote(self, name: str) -> None:
        """Remove remote ``name`` (nothing when there is none)."""
        if name not in self.remote_names():
            return
        try:
            self.repo.delete_remote(self.repo.remote(name))
        except GitCommandError as exc:
            raise _failed(exc) from exc

    def root_commit(self) -> str | None:
        """The first commit of the history (the same in every clone); None without commits."""
        try:
            return next(self.repo.iter_commits("HEAD", max_parents=0)).hexsha
        except (StopIteration, ValueError, GitError):
            return None
