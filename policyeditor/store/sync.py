"""Sharing a library between workstations through a git remote: fetch, join, push.

    remote.set_remote(lib, "ssh://files.example.org/srv/policies.git")   # checked first
    result = sync(lib)             # SyncResult: changes received and sent, verify's problems
    other = clone_library(url, folder)                                  # a new workstation

Joining is by merge, never by rebase. The records name commits: a version's
``text_commit`` and ``posted_commit`` in policy.toml, and the annotated tag
``<id>/v<N>`` on the adopted text's commit (rule 5). Rebasing this
workstation's commits would give them new ids, so every reading, posting and
adoption recorded here since the last sync would point at a commit that is no
longer in the history (verify would report the adopted text missing), and a
tag once shared must never move. So when both sides have new commits, sync
makes one merge commit whose parents are both histories; every recorded
commit and every tag stays where it was. When only one side changed, this
workstation's branch moves forward, or the shared library's does (a push).

What joins: a file changed on only one side. A policy whose draft or record
was changed on both sides is joined by ``store.conflicts``: the draft
three-way, paragraphs then words (``core.merge3``), the record field by field.
What clashes is never decided here: the join keeps this workstation's draft
and the shared library's value of a record field (a fact once shared is never
rewritten), and the policy gets a committed ``conflict.toml`` naming the three
commits and both values, so every workstation lists it as "conflict" until a
person resolves it (``policyeditor resolve``, or Resolve Conflict in the
window). Any other file changed on both sides to different contents (the
district details, a record of tagged data) refuses the sync. The joined tree
is built in a temporary index (``git read-tree -m``, then the joined policy
files), and refusals are found before anything is written, so a refused sync
leaves HEAD, the refs, the index and the work tree exactly as they were, and
never conflict markers. A tag ``<id>/v<N>`` present on both sides at different
commits (two adoptions of one version with different texts) is refused the
same way; two tags of the same commit (one adoption recorded on both sides,
perhaps with different dates: the record's conflict shows both) keep the
shared library's tag.

Fetching goes to a private namespace (``refs/policyeditor-sync/``, removed
afterwards, with ``--refmap=`` so git updates no remote-tracking ref on its
own); ``refs/remotes/origin/main`` moves only after a sync succeeded.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.errors import InvalidInput, PolicyEditorError, SyncError
from policyeditor.store import files
from policyeditor.store.gitrepo import GitFailed, GitRepo
from policyeditor.store.remote import REMOTE, check_remote_url, network_env, remote_url
from policyeditor.store.verify import verify

if TYPE_CHECKING:
    from policyeditor.store.library import Library
    from policyeditor.store.records import Author

STAGING = "refs/policyeditor-sync"
POLICY_TAG = re.compile(r"[a-z0-9][a-z0-9-]*/v[0-9]+")
AGAIN = "Check the address and your network, then try again."

_REASONS = (
    (("another git process seems to be running", "cannot lock ref", ".lock': file exists"),
     "the shared library is locked: another workstation is sending changes to it right now, or one "
     "stopped in the middle of it and left a file ending in .lock there (the details name it); when "
     "nobody is syncing, whoever keeps the shared library removes that file"),
    (("could not resolve host", "name or service not known", "could not resolve hostname"),
     "the server's name is not known"),
    (("connection refused", "failed to connect", "timed out", "network is unreachable", "no route to host"),
     "the server did not answer"),
    (("authentication failed", "permission denied", "could not read username", "terminal prompts disabled",
      "host key verification failed", "403"),
     "the server did not accept your sign-in (an ssh key or a git credential helper is needed)"),
    (("does not appear to be a git repository", "not found", "404", "no such file or directory"),
     "there is no shared library at that address"),
)


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: commits received and sent (merge commits not counted), tags, verify's findings."""

    remote: str
    received: int = 0
    sent: int = 0
    tags_received: tuple[str, ...] = ()
    tags_sent: tuple[str, ...] = ()
    joined: bool = False          # a merge commit joined this workstation's work with the shared library's
    problems: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()   # policies changed on both sides that a person must resolve

    def summary(self) -> str:
        """One plain sentence, e.g. 'Up to date with the shared library: 2 changes received, 1 sent.'"""
        if not (self.received or self.sent or self.tags_received or self.tags_sent):
            return "Up to date with the shared library: nothing to receive or send."
        changes = "change" if self.received == 1 else "changes"
        text = f"Up to date with the shared library: {self.received} {changes} received, {self.sent} sent."
        if self.joined:
            text += " Changes made here and on the shared library were joined."
        if self.conflicts:
            names = ", ".join(self.conflicts)
            text += (f" Changed differently on both sides, kept both ways until you choose: {names} "
                     "('policyeditor conflicts' shows them, 'policyeditor resolve' completes them).")
        return text


def _stderr(exc: GitFailed) -> str:
    return exc.stderr or str(exc)


def reason(exc: GitFailed) -> str:
    """A plain reason for a failed network command, from git's stderr."""
    text = _stderr(exc).lower()
    for needles, plain in _REASONS:
        if any(n in text for n in needles):
            return plain
    return "git could not connect to it (the details say why)"


def _unreachable(url: str, exc: GitFailed) -> SyncError:
    return SyncError(
        f"The shared library at {url} could not be reached: {reason(exc)}. Nothing was changed here. {AGAIN}",
        details=_stderr(exc),
    )


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Sync:
    """One sync of ``lib`` with the remote at ``url``."""

    def __init__(self, lib: "Library", url: str) -> None:
        self.lib = lib
        self.repo = lib.repo()
        self.url = url
        self.env = network_env(bool(self.repo.config_value("core.sshCommand")))
        self.branch = self.repo.branch_name()
        self.conflicted: list[str] = []     # policies joined with a conflict for a person to resolve

    # -- reading ------------------------------------------------------------------
    def refs(self, prefix: str) -> dict[str, str]:
        """name below ``prefix`` -> object id."""
        out = self.repo.run("for-each-ref", prefix, "--format=%(refname)%00%(objectname)")
        pairs = (line.split("\0") for line in out.splitlines())
        return {name[len(prefix) + 1:]: obj for name, obj in pairs}

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.repo.succeeds("merge-base", "--is-ancestor", older, newer)

    def count(self, *revisions: str) -> int:
        return int(self.repo.run("rev-list", "--count", "--no-merges", *revisions).strip())

    def changed(self, old: str, new: str) -> dict[str, str]:
        """path -> 'mode blob' in ``new`` of every file that differs between ``old`` and ``new``."""
        parts = self.repo.run("diff-tree", "-r", "-z", "--no-renames", old, new).split("\0")
        result = {}
        for meta, path in zip(parts[0::2], parts[1::2]):
            if meta.startswith(":"):
                fields = meta[1:].split()
                result[path] = f"{fields[1]} {fields[3]}"
        return result

    def what(self, path: str) -> str:
        """The policy (by title), the district details, or the file a path belongs to."""
        if path.startswith(files.POLICIES_DIR + "/") and path.count("/") >= 2:
            policy_id = path.split("/")[1]
            with contextlib.suppress(PolicyEditorError, OSError):
                return self.lib.policy(policy_id).title
            return policy_id
        return "the district details" if path == files.LIBRARY_FILE else path

    # -- the steps ------------------------------------------------------------------
    def fetch(self) -> dict[str, str]:
        """The remote's branches and tags, staged under STAGING (nothing else changes)."""
        try:
            self.repo.run(
                "fetch", "--quiet", "--no-tags", "--refmap=", "--", REMOTE,
                f"+refs/heads/*:{STAGING}/heads/*", f"+refs/tags/*:{STAGING}/tags/*", env=self.env)
        except GitFailed as exc:
            raise _unreachable(self.url, exc) from exc
        return self.refs(STAGING)

    def drop_staged(self) -> None:
        for name in self.refs(STAGING):
            with contextlib.suppress(GitFailed):
                self.repo.run("update-ref", "-d", f"{STAGING}/{name}")

    def integrate(self, local: str, remote: str | None) -> tuple[str, bool]:
        """(the commit this workstation moves to, whether it is a new merge commit)."""
        if remote is None or remote == local or self.is_ancestor(remote, local):
            return local, False
        if self.is_ancestor(local, remote):
            return remote, False
        try:
            base = self.repo.run("merge-base", local, remote).strip()
        except GitFailed:
            raise SyncError(
                f"The shared library at {self.url} holds a different history that has nothing in common "
                "with this library (another library, or a repository created with a README). Nothing was "
                "changed here. Share the library through a new, empty repository."
            ) from None
        ours, theirs = self.changed(base, local), self.changed(base, remote)
        merged = self.merge_policies(base, local, remote, ours, theirs)
        self.refuse_conflicts({p: b for p, b in ours.items() if p not in merged}, theirs)
        return self.join(base, local, remote, ours, theirs, merged), True

    def merge_policies(self, base: str, local: str, remote: str, ours: dict[str, str],
                       theirs: dict[str, str]) -> dict[str, bytes | None]:
        """path -> joined contents of each policy changed on both sides (see store.conflicts).

        A draft joins with core.merge3 and a record field by field; what does not join keeps this
        workstation's draft and the shared library's record field, and the policy gets a
        conflict.toml naming the three commits and both values, so a person decides.
        """
        from policyeditor.store import conflicts

        both = {p for p in ours.keys() & theirs.keys() if ours[p] != theirs[p]}
        ids = sorted({p.split("/")[1] for p in both if p.count("/") == 2 and p.startswith(files.POLICIES_DIR + "/")
                      and p.rsplit("/", 1)[1] in (files.DRAFT_FILE, files.RECORD_FILE, conflicts.CONFLICT_FILE)})
        out: dict[str, bytes | None] = {}
        for pid in ids:
            draft, record = files.draft_path(pid), files.record_path(pid)
            marker = conflicts.conflict_path(pid)
            read = lambda sha, rel: self.repo.file_at(sha, rel)   # noqa: E731
            text_clash = False
            clashes: list = []
            if draft in both:
                data, clean = conflicts.merge_draft(read(base, draft), read(local, draft) or b"",
                                                    read(remote, draft) or b"")
                out[draft] = data
                text_clash = not clean
            if record in both:
                out[record], clashes = conflicts.merge_record(read(base, record), read(local, record) or b"",
                                                              read(remote, record) or b"", record)
            if text_clash or clashes:
                out[marker] = conflicts.record_bytes(base, local, remote, text_clash, clashes)
                self.conflicted.append(pid)
            elif marker in both:
                continue    # two workstations' conflict records: a person sorts it out (refused below)
        return out

    def refuse_unsafe(self, remote: str) -> None:
        """SyncError when the shared library holds links or submodules (see GitRepo.unsafe_entries)."""
        bad = self.repo.unsafe_entries(remote)
        if bad:
            raise SyncError(
                f"The shared library at {self.url} holds {_join_names(bad[:5])}, which "
                f"{'is a link or a submodule' if len(bad) == 1 else 'are links or submodules'}, not "
                "ordinary files; a link could make this workstation read or write files outside the "
                "library. Nothing was changed here. Ask whoever looks after the shared library to "
                "remove them.",
                details="Not ordinary files: " + ", ".join(bad),
            )

    def refuse_conflicts(self, ours: dict[str, str], theirs: dict[str, str]) -> None:
        both = sorted(p for p in ours.keys() & theirs.keys() if ours[p] != theirs[p])
        if not both:
            return
        names = list(dict.fromkeys(self.what(p) for p in both))
        text = _join_names(names)
        verb = "was" if len(names) == 1 else "were"
        raise SyncError(
            f"{text[0].upper()}{text[1:]} {verb} changed on this workstation and on the shared library, "
            "so the two changes cannot both be kept. Nothing was changed here. Ask the other person "
            "which change to keep. If it is theirs: copy the shared library into a new folder "
            f"(policyeditor clone {self.url} NEW-FOLDER), make your other changes again there, and sync. "
            "If it is yours: they do the same on their workstation, and you sync again afterwards.",
            details="Changed on both sides: " + ", ".join(both),
        )

    def join(self, base: str, local: str, remote: str, ours: dict[str, str], theirs: dict[str, str],
             merged: dict[str, bytes | None] | None = None) -> str:
        """A merge commit of ``local`` and ``remote`` (built in a temporary index; no ref moves).

        ``merged``: path -> contents for the files changed on both sides that were joined.
        """
        index = self.lib.git_dir / "policyeditor-sync.index"
        env = {"GIT_INDEX_FILE": str(index)}
        try:
            self.repo.run("read-tree", "-i", "-m", "--aggressive", base, local, remote, env=env)
            for path, data in sorted((merged or {}).items()):
                self.repo.run("update-index", "--force-remove", "--", path, env=env)
                if data is not None:
                    blob = self.repo.write_blob(data)
                    self.repo.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
            tree = self.repo.run("write-tree", env=env).strip()
        except GitFailed as exc:
            raise SyncError(
                "The changes made here and on the shared library could not be joined. Nothing was "
                "changed here. Ask whoever looks after the library; the details say why.",
                details=_stderr(exc),
            ) from exc
        finally:
            index.unlink(missing_ok=True)
        here = _join_names(sorted({self.what(p) for p in ours})) if ours else "nothing"
        there = _join_names(sorted({self.what(p) for p in theirs})) if theirs else "nothing"
        message = (f"Join this workstation's changes with the shared library's\n\n"
                   f"Changed here: {here}.\nChanged on the shared library: {there}.")
        return self.repo.commit_tree(tree, [local, remote], message, self.lib.author, self.lib.now())

    def refuse_tag_conflicts(self, local_tags: dict[str, str], remote_tags: dict[str, str]) -> dict[str, str]:
        """Tags named alike on both sides: refused when they tag different texts; the shared
        library's tag for each that tags the same text (two records of one adoption, e.g. on
        different dates: the record's conflict says so, and the tag already shared stays)."""
        differ = sorted(n for n in local_tags.keys() & remote_tags.keys() if local_tags[n] != remote_tags[n])
        peel = lambda ref: self.repo.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()  # noqa: E731
        same = {n: remote_tags[n] for n in differ
                if peel(f"refs/tags/{n}") == peel(f"{STAGING}/tags/{n}")}
        clash = [n for n in differ if n not in same]
        if not clash:
            return same
        policy_id, _, number = clash[0].partition("/v")
        raise SyncError(
            f"Version {number} of {self.what(f'{files.POLICIES_DIR}/{policy_id}/')} was adopted both on this "
            "workstation and on the shared library, with different texts (tag "
            f"{clash[0]}). Nothing was changed here. Ask the other person which adoption is the one the "
            "committee voted on, and ask whoever looks after the library to remove the other.",
            details="Tags on both sides at different commits: " + ", ".join(clash),
        )

    def apply(self, old_head: str, new_head: str, incoming: dict[str, str]) -> None:
        """Move this workstation to ``new_head`` and create the incoming tags; undone on failure."""
        created: list[str] = []
        try:
            if new_head != old_head:
                self.repo.run("merge", "--ff-only", "--quiet", new_head)
            for name, obj in sorted(incoming.items()):
                self.repo.run("update-ref", f"refs/tags/{name}", obj, "0" * len(obj))
                created.append(name)
            for name, (mine, shared) in sorted(getattr(self, "replaced_tags", {}).items()):
                self.repo.run("update-ref", f"refs/tags/{name}", shared, mine)   # never sent: the shared one stays
        except (GitFailed, OSError) as exc:
            for name in created:
                with contextlib.suppress(GitFailed):
                    self.repo.run("update-ref", "-d", f"refs/tags/{name}")
            if self.repo.head_sha() != old_head:
                with contextlib.suppress(GitFailed):
                    self.repo.run("reset", "--keep", "--quiet", old_head)
            raise SyncError(
                "The changes from the shared library could not be written into this library, so nothing "
                "was changed here. A file in the library folder may be open in another program or in "
                "the way; close it and try again. The details say why.",
                details=_stderr(exc) if isinstance(exc, GitFailed) else str(exc),
            ) from exc

    def push(self, remote: str | None, new_head: str, tags: list[str], received: int) -> None:
        refspecs = [f"{new_head}:refs/heads/{self.branch}"] if remote != new_head else []
        refspecs += [f"refs/tags/{name}:refs/tags/{name}" for name in tags]
        if not refspecs:
            return
        try:
            self.repo.run("push", "--quiet", "--", REMOTE, *refspecs, env=self.env)
        except GitFailed as exc:
            kept = "The changes from the shared library were taken in here; " if received else ""
            text = _stderr(exc).lower()
            if "fetch first" in text or "non-fast-forward" in text:
                why = "someone else sent changes to it at the same moment"
            else:
                why = reason(exc)
            raise SyncError(
                f"{kept}this workstation's changes could not be sent to the shared library at {self.url}: "
                f"{why}. They are kept here; sync again to send them. {AGAIN}",
                details=_stderr(exc),
            ) from exc

    def run(self) -> SyncResult:
        local = self.repo.head_sha()
        staged = self.fetch()
        remote = staged.get(f"heads/{self.branch}")
        if remote is not None:
            self.refuse_unsafe(remote)
        remote_tags = {n[5:]: o for n, o in staged.items() if n.startswith("tags/") and POLICY_TAG.fullmatch(n[5:])}
        local_tags = {n: o for n, o in self.refs("refs/tags").items() if POLICY_TAG.fullmatch(n)}
        new_head, joined = self.integrate(local, remote)
        replaced = self.refuse_tag_conflicts(local_tags, remote_tags)
        incoming = {n: o for n, o in remote_tags.items() if n not in local_tags}
        self.replaced_tags = {n: (local_tags[n], o) for n, o in replaced.items()}
        received = self.count(f"{local}..{remote}") if remote else 0
        sent = self.count(f"{remote}..{new_head}") if remote else self.count(new_head)
        self.apply(local, new_head, incoming)
        outgoing = sorted(n for n in local_tags if n not in remote_tags)
        self.push(remote, new_head, outgoing, received)
        with contextlib.suppress(GitFailed):
            self.repo.run("update-ref", f"refs/remotes/{REMOTE}/{self.branch}", new_head)
        self.lib.settings = files.settings_from_toml(
            files.read_toml(self.lib.path / files.LIBRARY_FILE, files.LIBRARY_FILE))
        return SyncResult(self.url, received, sent, tuple(sorted(incoming)), tuple(outgoing), joined,
                          tuple(verify(self.lib)), tuple(self.conflicted))


def sync(lib: "Library") -> SyncResult:
    """Fetch the shared library, join its changes with this workstation's, push; see the module docstring.

    The library's write lock is held throughout (one writer per library).
    """
    with lib.locked():
        return _sync(lib)


def _sync(lib: "Library") -> SyncResult:
    lib.ensure_writable()
    url = remote_url(lib)
    if not url:
        raise SyncError(
            "This library is not shared yet: it has no shared library's address. Set one first "
            "('policyeditor remote ADDRESS', or Sync with Shared Library in the window), then sync."
        )
    check_remote_url(url)
    job = _Sync(lib, url)
    try:
        return job.run()
    finally:
        job.drop_staged()


def clone_library(
    url: str, path: str | Path, *, author: "Author | None" = None, clock=None
) -> "Library":
    """Copy the shared library at ``url`` into ``path`` (a new or empty folder) and open it."""
    from policyeditor.store.library import Library

    check_remote_url(url)
    root = Path(path).expanduser().absolute()
    existed = root.exists()
    if existed and (not root.is_dir() or any(root.iterdir())):
        raise InvalidInput(f"{root} is not an empty folder. Choose a new folder for the copy of the shared library.")
    try:
        ssh_configured = bool(GitRepo.user_config_value("core.sshCommand"))
        repo = GitRepo.clone(url, root, network_env(ssh_configured))
        bad = repo.unsafe_entries("HEAD")
        repo.close()
        if bad:
            raise SyncError(f"The shared library at {url} holds {_join_names(bad[:5])}, which "
                            f"{'is' if len(bad) == 1 else 'are'} not an ordinary file (a link or a submodule "
                            "could make this workstation read or write files outside the library), so it was "
                            "not copied. Ask whoever looks after the shared library to remove "
                            f"{'it' if len(bad) == 1 else 'them'}.", details="Not ordinary files: " + ", ".join(bad))
        if not (root / files.LIBRARY_FILE).is_file():
            raise SyncError(f"The shared library at {url} holds no policy library (it has no library.toml). "
                            "Check the address.")
        lib = Library.open(root, clock=clock)
    except BaseException as exc:
        _remove(root, existed)
        if isinstance(exc, GitFailed):
            raise _clone_error(url, exc) from exc
        raise
    if author is not None:
        lib.author = author
    return lib


def _clone_error(url: str, exc: GitFailed) -> SyncError:
    if "not found in upstream" in _stderr(exc).lower():
        return SyncError(
            f"The shared library at {url} is empty: no library has been shared there yet. On the "
            f"workstation that has the library, set this address (policyeditor remote {url}) and sync; "
            "then copy it here.",
            details=_stderr(exc),
        )
    return _unreachable(url, exc)


def _remove(root: Path, existed: bool) -> None:
    """Remove what a failed clone left: the folder, or (when it existed, empty) its contents."""
    if not existed:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in root.iterdir() if root.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
