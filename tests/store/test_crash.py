"""A writer killed (SIGKILL) at the worst moments: the next command finishes or undoes it and says which.

Each crash is a real process killing itself at a chosen step (the step's
function replaced by one that sends SIGKILL to its own process); the next
command is a real ``python -m policyeditor`` run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gitcmd import git

from policyeditor.store import Library
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL")

KILLED_AT = """
import os, signal, sys
import policyeditor.store.gitrepo as gitrepo
import policyeditor.store.tagging as tagging
from policyeditor.cli import main

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

where = sys.argv[1]
if where == "tag-after-commit":
    gitrepo.GitRepo.create_tag = die
elif where == "before-commit":
    gitrepo.GitRepo.commit = die
elif where == "before-branch-moves":
    real = gitrepo.GitRepo.move_branch
    def lock_then_die(self, *a):
        (self.root / ".git" / "index.lock").write_text("")  # as a git killed mid-write leaves it
        die()
    gitrepo.GitRepo.move_branch = lock_then_die
elif where == "sync-mid-join":
    import policyeditor.store.sync as sync
    def join_then_die(self, *a):
        (self.lib.git_dir / "policyeditor-sync.index").write_text("half")  # as a killed read-tree leaves them
        (self.lib.git_dir / "policyeditor-sync.index.lock").write_text("")
        die()
    sync._Sync.join = join_then_die
elif where in ("mid-tagging", "sigterm-mid-tagging"):
    real_csv = tagging._tag_csv
    def half(text, out, job, tally):
        out.write("personal,data\\n" * 1000)
        out.flush()
        if where == "mid-tagging":
            die()
        os.kill(os.getpid(), signal.SIGTERM)
        real_csv(text, out, job, tally)
    tagging._tag_csv = half
raise SystemExit(main(sys.argv[2:]))
"""


def run(lib: Path, *argv: str, killed_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if killed_at:
        cmd = [sys.executable, "-c", KILLED_AT, killed_at, "--library", str(lib), *argv]
    else:
        cmd = [sys.executable, "-m", "policyeditor", "--library", str(lib), *argv]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=lib.parent, timeout=120)


@pytest.fixture
def presented(tmp_library: Library) -> Path:
    tmp_library.create_policy("bylaws", "Bylaws", text="Version one.\n")
    tmp_library.record_event("bylaws", "first_reading", "2024-01-10")
    tmp_library.close()
    return tmp_library.path


def clean(path: Path) -> bool:
    return git(path, "status", "--porcelain", "--untracked-files=all") == ""


def test_adoption_killed_before_its_tag_is_finished_by_the_next_command(presented: Path) -> None:
    killed = run(presented, "record", "bylaws", "adopted", "2024-02-10", killed_at="tag-after-commit")
    assert killed.returncode == -9 and "Recorded" not in killed.stdout
    assert "bylaws/v1" not in git(presented, "tag")
    after = run(presented, "verify")
    assert after.returncode == 0, after.stderr
    assert "was finished: the tag bylaws/v1 was created" in after.stderr
    assert "bylaws/v1" in git(presented, "tag")
    assert clean(presented)
    again = run(presented, "record", "bylaws", "adopted", "2024-02-10")
    assert again.returncode == 0 and "cut short" not in again.stderr


def test_save_killed_after_the_file_was_written_is_undone_and_the_same_save_then_works(presented: Path) -> None:
    new = presented.parent / "new.md"
    new.write_text("Version two.\n")
    head = git(presented, "rev-parse", "HEAD")
    killed = run(presented, "save", "bylaws", str(new), killed_at="before-commit")
    assert killed.returncode == -9
    assert (presented / "policies/bylaws/policy.md").read_text() == "Version two.\n"  # written, not committed
    listing = run(presented, "show", "bylaws")  # a reader repairs too, and says so
    assert listing.returncode == 0 and "Version one." in listing.stdout
    assert "was undone: a change of the draft of bylaws was not saved" in listing.stderr
    assert git(presented, "rev-parse", "HEAD") == head and clean(presented)
    saved = run(presented, "save", "bylaws", str(new))
    assert saved.returncode == 0 and "Saved the draft" in saved.stdout
    assert git(presented, "show", "HEAD:policies/bylaws/policy.md") == "Version two.\n"


def test_a_git_lock_left_by_a_killed_write_stops_no_reader_and_is_cleared(presented: Path) -> None:
    new = presented.parent / "new.md"
    new.write_text("Version two.\n")
    head = git(presented, "rev-parse", "HEAD")
    assert run(presented, "save", "bylaws", str(new), killed_at="before-branch-moves").returncode == -9
    assert (presented / ".git/index.lock").exists()
    saved = run(presented, "save", "bylaws", str(new))
    assert saved.returncode == 0, saved.stderr
    assert "was undone: \u201cEdit the draft of Bylaws\u201d was not saved" in saved.stderr
    assert not (presented / ".git/index.lock").exists()
    assert git(presented, "rev-parse", "HEAD^") == head
    assert run(presented, "verify").returncode == 0 and clean(presented)


def test_a_killed_tag_run_leaves_a_part_file_that_the_next_run_removes(presented: Path, tmp_path: Path) -> None:
    for event, day in (("adopted", "2024-02-10"), ("posted", "2024-02-12"), ("effective", "2024-03-20")):
        assert run(presented, "record", "bylaws", event, day).returncode == 0
    data = tmp_path / "visits.csv"
    data.write_text("student,when\n" + "".join(f"s{i},2024-04-0{1 + i % 9}T10:00\n" for i in range(50)))
    out = tmp_path / "out"
    out.mkdir()
    argv = ("tag", "bylaws", str(data), "--time-column", "when", "-o", str(out / "visits.tagged.csv"))
    assert run(presented, *argv, killed_at="mid-tagging").returncode == -9
    parts = [p.name for p in out.iterdir()]
    assert len(parts) == 1 and parts[0].endswith(".part")  # personal data, hidden, left by the kill
    done = run(presented, *argv)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in out.iterdir()] == ["visits.tagged.csv"]
    (out / "visits.tagged.csv").unlink()
    stopped = run(presented, *argv, killed_at="sigterm-mid-tagging")  # a polite stop cleans up at once
    assert stopped.returncode == 130 and "stopped" in stopped.stderr
    assert list(out.iterdir()) == []


def test_a_sync_killed_while_joining_leaves_nothing_that_stops_the_next_sync(
        tmp_path: Path, library_settings, shared: Path) -> None:
    from policyeditor.store import Author

    office = Library.create(tmp_path / "office", library_settings, Author("Office", "o@example.org"))
    office.create_policy("mine", "Mine", text="Mine.\n")
    set_remote(office, str(shared))
    sync(office)
    other = clone_library(str(shared), tmp_path / "other", author=Author("Other", "x@example.org"))
    other.create_policy("theirs", "Theirs", text="Theirs.\n")
    sync(other)
    office.save_draft("mine", "Mine, changed.\n")
    office.close()
    killed = run(office.path, "sync", killed_at="sync-mid-join")
    assert killed.returncode == -9
    again = run(office.path, "sync")
    assert again.returncode == 0, again.stderr
    assert "joined" in again.stdout
    assert not list((office.path / ".git").glob("policyeditor-sync.index*"))
    assert clean(office.path)
    other.close()
