"""Before writing: the library must be free, on a branch, and hold no changes the tool did not make.

policyeditor commits every change it makes at once, so a modified tracked
file under policies/ (or library.toml, .gitattributes), or anything staged,
was made by someone else; writing over it would mix their change into ours
or lose it.
"""

from __future__ import annotations

from pathlib import Path

from policyeditor.core.errors import LibraryBusy, LibraryStateError, NotALibrary
from policyeditor.store.files import GITATTRIBUTES, LIBRARY_FILE, POLICIES_DIR

WATCHED = (POLICIES_DIR + "/", LIBRARY_FILE, GITATTRIBUTES)


def check_head(git_dir: Path, writing: bool = True) -> None:
    """LibraryBusy for a locked index (when writing); LibraryStateError for a detached HEAD or unfinished merge.

    Readers are not stopped by git's index lock: they never use the index.
    """
    if writing and (git_dir / "index.lock").exists():
        raise LibraryBusy(
            "Another program is writing to the library (git's index is locked). "
            "Wait a moment and try again; if no other program is running, delete "
            f"{git_dir / 'index.lock'}."
        )
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise NotALibrary(f"The library's git repository is damaged (it has no HEAD): {git_dir}.") from exc
    if not head.startswith("ref: "):
        raise LibraryStateError(
            f"The library is not on a branch (git's HEAD is detached at {head[:8]}), so changes "
            "could be lost. In the library folder run 'git switch main', then try again."
        )
    for marker, what in (("MERGE_HEAD", "a merge"), ("rebase-merge", "a rebase"), ("rebase-apply", "a rebase")):
        if (git_dir / marker).exists():
            raise LibraryStateError(
                f"The library is in the middle of {what} started with git. Finish or abort it "
                "in the library folder, then try again."
            )


def check_clean(staged: list[str], modified: list[str]) -> None:
    """LibraryStateError naming files staged, or modified under the library's own paths."""
    ours = [p for p in modified if p.startswith(WATCHED)]
    names = sorted(set(staged) | set(ours))
    if names:
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        raise LibraryStateError(
            f"The library has changes that were not saved by policyeditor: {shown}. "
            "Commit them with git, or undo them with 'git restore --staged --worktree -- <file>', "
            "then try again."
        )
