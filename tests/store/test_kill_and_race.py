"""Done-when of the write rules: random SIGKILLs and concurrent writers, as real processes.

- ``POLICYEDITOR_KILLS`` (default 200) commands are killed with SIGKILL at a
  random moment, cycling through save, record (adoption included), tag,
  publish and sync. After each, the next command (``verify``) must find a
  valid repository, repair what was left and say so, and pass; every
  command that printed success must have its effect in the history.
- ``POLICYEDITOR_PAIRS`` (default 100) pairs of writers start at the same
  moment (two records of one policy, two saves of one policy, saves of two
  policies): zero lost facts, zero mixed commits, every commit's message
  matching its content.

Each command is ``python -m policyeditor`` in its own process group; the kill
goes to the whole group (the program and the git it runs, as a crash or a
power cut would end them). ``POLICYEDITOR_SEED`` repeats a run.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from gitcmd import git

from policyeditor.store import Author, Library
from policyeditor.store.gitrepo import JOURNAL
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync
from policyeditor.store.verify import verify


ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("POLICYEDITOR_KILLS", "200"))
PAIRS = int(os.environ.get("POLICYEDITOR_PAIRS", "100"))
SEED = int(os.environ.get("POLICYEDITOR_SEED", str(random.SystemRandom().randrange(10**6))))
KINDS = ("save", "record", "tag", "publish", "sync")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="SIGKILL and process groups")]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "POLICYEDITOR_LOCK_WAIT": "60"}


def start(lib: Path, *argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "policyeditor", "--library", str(lib), *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                            start_new_session=True)


def run(lib: Path, *argv: str) -> subprocess.CompletedProcess:
    proc = start(lib, *argv)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def commits(path: Path) -> list[str]:
    return git(path, "rev-list", "HEAD").split()


def is_ancestor(path: Path, commit: str) -> bool:
    return subprocess.run(["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=path).returncode == 0


class KillRun:
    """The library under test, its shared library, another workstation, and what succeeded."""

    def __init__(self, tmp: Path, settings) -> None:
        self.rng = random.Random(SEED)
        self.tmp = tmp
        self.shared = tmp / "shared.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.shared)], check=True)
        lib = Library.create(tmp / "office", settings, Author("Office", "office@example.org"))
        self.path = lib.path
        for pid in ("p0", "p1", "p2", "p3", "rec", "mine"):
            lib.create_policy(pid, pid.upper(), text=f"{pid} text.\n")
        lib.create_policy("data", "DATA", text="Data policy.\n")
        lib.record_event("data", "adopted", "1999-01-04", legacy=True)
        set_remote(lib, str(self.shared))
        sync(lib)
        lib.close()
        self.other = clone_library(str(self.shared), tmp / "other", author=Author("Other", "o@example.org"))
        self.other.create_policy("theirs", "THEIRS", text="Theirs.\n")
        sync(self.other)
        self.data = tmp / "visits.csv"
        self.data.write_text("id,when\n" + "".join(f"r{i},2005-0{1 + i % 9}-1{i % 10}T10:00\n" for i in range(30000)))
        self.out = tmp / "tagged"
        self.out.mkdir()
        self.site = tmp / "site"
        self.day = date(2000, 1, 3)
        self.version = 1
        self.pending = self._steps()
        self.span: dict[str, float] = {}  # how long each command takes: measured on its first run
        self.kills = Counter()
        self.in_write = Counter()
        self.printed = Counter()
        self.repairs = Counter()
        self.remote_locks = 0
        self.checks = 0
        self.succeeded: list[str] = []     # commits a successful command reported or moved to
        self.facts: list[tuple[int, str, date]] = []

    def _steps(self) -> list[tuple[str, date]]:
        d = self.day
        return [("first_reading", d), ("adopted", d + timedelta(5)), ("posted", d + timedelta(6)),
                ("effective", d + timedelta(40))]

    # -- one killed command -------------------------------------------------------------
    def killed(self, kind: str, *argv: str) -> subprocess.CompletedProcess:
        began = time.monotonic()
        proc = start(self.path, *argv)
        lock = self.path / ".git" / "policyeditor.lock"
        if kind not in self.span:
            proc.wait(timeout=120)
        elif kind in ("save", "record", "sync") and self.rng.random() < 0.5:
            # half of these kills land while the write lock is held: the read-check-write itself
            while proc.poll() is None and lock.stat().st_size == 0 and time.monotonic() - began < 30:
                time.sleep(0.002)
            time.sleep(self.rng.uniform(0, 0.08))
            self.in_write[kind] += proc.poll() is None
        else:
            # starting Python takes the first third or so: most kills land while the command runs
            time.sleep(self.span[kind] * self.rng.uniform(0.4, 1.1))
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
            self.kills[kind] += 1
        out, err = proc.communicate(timeout=120)
        if not killed:  # it finished first (or was measured): aim the next kill within its time
            self.span[kind] = max(0.1, time.monotonic() - began)
        assert killed or proc.returncode == 0, (kind, argv, out, err, SEED, sorted(os.listdir(self.path / ".git")))
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    def step(self, i: int) -> None:
        kind = KINDS[i % len(KINDS)]
        getattr(self, f"do_{kind}")(i)
        self.check_after()

    def do_save(self, i: int) -> None:
        pid = f"p{i % 4}"
        text = f"{pid} saved by run {i}.\n"
        file = self.tmp / "draft.md"
        file.write_text(text)
        result = self.killed("save", "save", pid, str(file))
        match = re.search(r"commit ([0-9a-f]{10})", result.stdout)
        if match:
            self.printed["save"] += 1
            sha = git(self.path, "rev-parse", match[1]).strip()
            assert git(self.path, "show", f"{sha}:policies/{pid}/policy.md") == text
            self.succeeded.append(sha)

    def do_record(self, i: int) -> None:
        if not self.pending:
            self.version += 1
            self.day += timedelta(45)
            with Library.open(self.path) as lib:
                lib.save_draft("rec", f"Version {self.version} of the record policy.\n")
            self.pending = self._steps()
        event, day = self.pending[0]
        result = self.killed("record", "record", "rec", event, day.isoformat(), "--version", str(self.version))
        with Library.open(self.path) as lib:
            versions = {v.number: v for v in lib.policy("rec").versions}
        recorded = self.version in versions and getattr(versions[self.version], event) == day
        if "Recorded" in result.stdout:
            self.printed["record"] += 1
            assert recorded, (event, day, result.stdout)
        if recorded:
            self.facts.append((self.version, event, day))
            self.pending.pop(0)

    def do_tag(self, i: int) -> None:
        parts = [p for p in self.out.iterdir() if p.name.endswith(".part")]
        assert len(parts) <= 1, parts  # each run removes what the killed one before it left
        target = self.out / "visits.tagged.csv"
        result = self.killed("tag", "tag", "data", str(self.data), "--time-column", "when", "-o", str(target))
        if "Wrote" in result.stdout:
            self.printed["tag"] += 1
            assert sum(1 for _ in target.open()) == 30001

    def do_publish(self, i: int) -> None:
        builds = [p for p in self.site.glob(".policyeditor-build-*")] if self.site.is_dir() else []
        assert len(builds) <= 1, builds
        result = self.killed("publish", "publish", str(self.site))
        if "Wrote" in result.stdout:
            self.printed["publish"] += 1
            assert (self.site / "index.html").is_file() and (self.site / ".policyeditor-site").is_file()

    def do_sync(self, i: int) -> None:
        # A push killed inside the shared library leaves its ref locks there (refs/**.lock, and
        # HEAD.lock or packed-refs.lock when it was updating the branch HEAD names): whoever keeps
        # the shared library removes them, as git's message says; the next sync then goes through.
        for lock in [*(self.shared / "refs").rglob("*.lock"), *self.shared.glob("*.lock")]:
            lock.unlink()
            self.remote_locks += 1
        self.other.save_draft("theirs", f"Theirs, run {i}.\n")
        sync(self.other)
        with Library.open(self.path) as lib:
            lib.save_draft("mine", f"Mine, run {i}.\n")
        result = self.killed("sync", "sync")
        if "Up to date" in result.stdout:
            self.printed["sync"] += 1
            remote = git(self.shared, "rev-parse", "main").strip()
            assert is_ancestor(self.path, remote) and git(self.path, "rev-parse", "HEAD").strip() == remote
            self.succeeded.append(remote)

    # -- after each kill -------------------------------------------------------------------
    def check_after(self) -> None:
        after = run(self.path, "verify")  # the next command
        assert after.returncode == 0, (after.stdout, after.stderr)
        for kind in ("finished", "undone", "left as it is", "put back"):
            if kind in after.stderr:
                self.repairs[kind] += 1
        assert "Traceback" not in after.stderr
        git_dir = self.path / ".git"
        assert not (git_dir / "index.lock").exists() and not (git_dir / JOURNAL).exists()
        assert git(self.path, "status", "--porcelain", "--untracked-files=no") == ""
        leftovers = [p for p in self.path.rglob("*.part") if ".git" not in p.parts]
        assert leftovers == []
        self.checks += 1
        if self.checks % 5 == 0:
            git(self.path, "fsck", "--no-progress", "--no-dangling")

    def final(self) -> None:
        git(self.path, "fsck", "--no-progress", "--no-dangling")
        for sha in self.succeeded:
            assert is_ancestor(self.path, sha), sha
        with Library.open(self.path) as lib:
            versions = {v.number: v for v in lib.policy("rec").versions}
            assert verify(lib) == []
        for number, event, day in self.facts:
            assert getattr(versions[number], event) == day
        assert run(self.path, "tag", "data", str(self.data), "--time-column", "when",
                   "-o", str(self.out / "visits.tagged.csv")).returncode == 0
        assert [p.name for p in self.out.iterdir()] == ["visits.tagged.csv"]
        assert run(self.path, "publish", str(self.site)).returncode == 0
        assert list(self.site.glob(".policyeditor-build-*")) == []
        assert run(self.path, "sync").returncode == 0


def test_random_sigkills_leave_a_valid_library_that_the_next_command_repairs(
        tmp_path: Path, library_settings) -> None:
    began = time.monotonic()
    job = KillRun(tmp_path, library_settings)
    i = 0
    while sum(job.kills.values()) < KILLS:
        assert i < 4 * KILLS, f"only {sum(job.kills.values())} kills in {i} commands"
        job.step(i)
        i += 1
    job.final()
    print(f"\nseed {SEED}: {sum(job.kills.values())} SIGKILLs in {i} commands "
          f"({dict(job.kills)}; holding the write lock {dict(job.in_write)}); printed success {dict(job.printed)}; repairs {dict(job.repairs)}; "
          f"remote ref locks removed {job.remote_locks}; adopted versions {job.version}; "
          f"command times {', '.join(f'{k} {v:.2f} s' for k, v in job.span.items())}; "
          f"{time.monotonic() - began:.0f} s")


# --- concurrent writers ----------------------------------------------------------------------

def test_pairs_of_concurrent_writers_lose_nothing_and_mix_nothing(tmp_path: Path, library_settings) -> None:
    began = time.monotonic()
    lib = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"))
    for pid in ("c0", "c1", "c2", "c3", "same"):
        lib.create_policy(pid, pid.upper(), text=f"{pid}.\n")
    lib.create_policy("rev", "REV", text="Reviewed policy.\n")
    lib.record_event("rev", "adopted", "2019-01-07", legacy=True)
    first = git(lib.path, "rev-parse", "HEAD").strip()
    lib.close()
    path = lib.path
    rng = random.Random(SEED)
    day = date(2019, 2, 1)
    reviewed: list[date] = []
    saved: list[tuple[str, str, str]] = []
    busy = Counter()
    for i in range(PAIRS):
        kind = i % 3
        jobs = []
        pids = ("same", "same") if kind == 1 else tuple(rng.sample(["c0", "c1", "c2", "c3"], 2))
        for side in (0, 1):
            if kind == 0:  # two facts on one policy at once
                when = day + timedelta(2 * i + side)
                jobs.append(("record", when, start(path, "record", "rev", "reviewed", when.isoformat())))
                continue
            pid = pids[side]
            text = f"{pid}, pair {i}, writer {side}.\n"
            file = tmp_path / f"pair{i}-{side}.md"
            file.write_text(text)
            jobs.append((pid, text, start(path, "save", pid, str(file))))
        for what, value, proc in jobs:
            out, err = proc.communicate(timeout=120)
            if proc.returncode != 0:
                assert "is being changed by" in err, err  # refused as busy, nothing else
                busy[kind] += 1
                continue
            if what == "record":
                assert "Recorded" in out
                reviewed.append(value)
            else:
                sha = re.search(r"commit ([0-9a-f]{10})", out)[1]
                saved.append((what, value, git(path, "rev-parse", sha).strip()))
    with Library.open(path) as lib:
        assert sorted(lib.policy("rev").version(1).reviewed) == sorted(reviewed)  # zero lost facts
        assert verify(lib) == []
    for pid, text, sha in saved:
        assert is_ancestor(path, sha) and git(path, "show", f"{sha}:policies/{pid}/policy.md") == text
    made = git(path, "rev-list", f"{first}..HEAD").split()
    assert len(made) == len(reviewed) + len(saved)
    for sha in made:  # zero mixed commits; each message says what its content is
        names = git(path, "show", "--name-only", "--format=", sha).split()
        folders = {n.split("/")[1] for n in names}
        subject = git(path, "show", "-s", "--format=%s", sha).strip()
        assert len(folders) == 1, (sha, names)
        [pid] = folders
        assert pid.upper() in subject
        if subject.startswith("REV"):
            when = re.search(r"\d{4}-\d\d-\d\d", subject)[0]
            added = [line for line in git(path, "show", "--format=", sha).splitlines() if line.startswith("+")]
            assert any(when in line for line in added), (subject, added)
    assert git(path, "status", "--porcelain", "--untracked-files=no") == ""
    print(f"\nseed {SEED}: {PAIRS} pairs, {len(reviewed)} facts and {len(saved)} saves kept, "
          f"refused as busy {sum(busy.values())}, {len(made)} commits, none mixed; "
          f"{time.monotonic() - began:.0f} s")
