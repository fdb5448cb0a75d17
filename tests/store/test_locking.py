"""One writer per library: the lock, the compare-and-swap on the branch, the expected base.

Other writers are real processes (a second Python holding the lock, plain git
committing behind the program's back).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gitcmd import git

from policyeditor.core.errors import DraftChanged, LibraryBusy, LibraryError
from policyeditor.store import Library, writelock

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from pathlib import Path
from policyeditor.store.writelock import WriteLock
lock = WriteLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def _holder(git_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(git_dir)], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def quick_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writelock, "WAIT_SECONDS", 0.3)


def test_a_busy_library_is_refused_naming_the_holder_and_readers_go_on(tmp_library: Library, state_of,
                                                                       quick_lock) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    before = state_of(tmp_library.path)
    proc = _holder(tmp_library.git_dir)
    try:
        with pytest.raises(LibraryBusy, match=rf"process {proc.pid}\) since \d{{4}}-\d\d-\d\d \d\d:\d\d") as err:
            tmp_library.save_draft("bylaws", "New text.\n")
        assert "on this computer" in err.value.message and "nothing was saved" in err.value.message
        with Library.open(tmp_library.path) as reader:
            assert reader.draft_text("bylaws") == "Text.\n"
            assert reader.policy("bylaws").title == "Bylaws"
    finally:
        proc.kill()
        proc.wait()
    assert state_of(tmp_library.path) == before
    # the holder died without releasing: the system dropped its lock, the next writer goes ahead
    assert tmp_library.save_draft("bylaws", "New text.\n")
    assert not tmp_library.repairs  # nothing of a write was left to repair


def test_a_writer_waits_for_a_short_write_to_finish(tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    proc = _holder(tmp_library.git_dir)
    try:
        time.sleep(0.2)
        proc.send_signal(signal.SIGKILL)
        assert tmp_library.save_draft("bylaws", "After the other writer.\n")  # waited, then wrote
    finally:
        proc.kill()
        proc.wait()


def test_the_branch_moves_only_from_the_commit_read_and_rollback_keeps_the_other_commit(
        tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    draft = tmp_library.path / "policies/bylaws/policy.md"
    with tmp_library.locked():  # the program has read the library...
        draft.write_text("Committed by plain git meanwhile.\n")  # ...and a program ignoring the lock commits
        git(tmp_library.path, "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-qam", "theirs")
        theirs = git(tmp_library.path, "rev-parse", "HEAD").strip()
        with pytest.raises(LibraryBusy, match="changed by another program"):
            tmp_library.save_draft("bylaws", "Mine.\n")
    assert git(tmp_library.path, "rev-parse", "HEAD").strip() == theirs
    assert draft.read_text() == "Committed by plain git meanwhile.\n"
    assert git(tmp_library.path, "status", "--porcelain", "--untracked-files=no") == ""


def test_save_with_an_expected_base_refuses_a_draft_changed_elsewhere(tmp_library: Library, state_of) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Loaded.\n")
    loaded = tmp_library.draft_text("bylaws")
    with Library.open(tmp_library.path) as other:  # the command line saves while the window is open
        other.save_draft("bylaws", "Saved elsewhere.\n")
    before = state_of(tmp_library.path)
    with pytest.raises(DraftChanged, match="changed by someone else") as err:
        tmp_library.save_draft("bylaws", "Typed in the window.\n", expected=loaded)
    assert (err.value.loaded, err.value.theirs, err.value.mine) == (
        "Loaded.\n", "Saved elsewhere.\n", "Typed in the window.\n")
    assert state_of(tmp_library.path) == before
    # the window showed both and the user keeps theirs: saving against the new base goes through
    assert tmp_library.save_draft("bylaws", "Typed in the window.\n", expected="Saved elsewhere.\n")
    # an unchanged base saves as before; the same text typed on both sides is no conflict
    assert tmp_library.save_draft("bylaws", "Third.\n", expected="Typed in the window.\n")
    assert tmp_library.save_draft("bylaws", "Third.\n", expected="Loaded.\n") is None


def test_lock_file_is_emptied_on_release(tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    lock = tmp_library.git_dir / writelock.LOCK_FILE
    assert lock.read_bytes() == b""
    assert not writelock.needs_repair(tmp_library.git_dir)


def test_a_library_whose_lock_cannot_be_opened_is_read_and_a_write_refused_in_words(
        tmp_library: Library, state_of) -> None:
    """As on a read-only share: opening the lock file for writing fails (here: a folder stands in its
    place, which fails for every user, root included)."""
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    lock = tmp_library.git_dir / writelock.LOCK_FILE
    lock.unlink()
    lock.mkdir()
    before = state_of(tmp_library.path)
    with Library.open(tmp_library.path) as reader:
        assert reader.draft_text("bylaws") == "Text.\n"
    with pytest.raises(LibraryError, match="its folder cannot be written"):
        tmp_library.save_draft("bylaws", "New.\n")
    assert state_of(tmp_library.path) == before
