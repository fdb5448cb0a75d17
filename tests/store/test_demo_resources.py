"""The demo's texts come from the package (importlib.resources); a failed demo leaves nothing behind;
ensure_demo opens only a complete demo.

The failure midway is real: the demo is created in a child process whose
file-size limit (RLIMIT_FSIZE) lets the first policies be written and stops
the fourth (13 KB), as a full disk would.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from policyeditor import resources
from policyeditor.core.errors import LibraryError, PolicyEditorError
from policyeditor.store.demo import DEMO_FOLDER, POLICIES, SETTINGS, create_demo, demo_state, ensure_demo
from policyeditor.store.library import Library

ROOT = Path(__file__).resolve().parents[2]


def git(path: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(path), *args], check=True, capture_output=True, text=True).stdout


def _cli(*args: str, cwd: Path, limit: int | None = None) -> subprocess.CompletedProcess:
    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "policyeditor", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=small_files if limit else None)


def test_the_resources_are_read_from_the_package() -> None:
    assert "Website Privacy" in resources.text("demo", "website-privacy-2009.md")
    icons = resources.folder("icons")
    assert (icons / "policyeditor.svg").is_file() and icons.is_relative_to(ROOT / "policyeditor")
    assert (resources.folder("translations") / "policyeditor_en.ts").is_file()
    with pytest.raises(resources.ResourceMissing, match="Reinstall policyeditor"):
        resources.text("demo", "no-such-text.md")


@pytest.mark.parametrize("made_first", [False, True], ids=["new folder", "empty folder"])
def test_a_demo_that_fails_midway_removes_what_it_made(tmp_path: Path, made_first: bool) -> None:
    target = tmp_path / "demo"
    if made_first:
        target.mkdir()
    failed = _cli("demo", str(target), cwd=tmp_path, limit=8192)
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.startswith("policyeditor: ") and "Traceback" not in failed.stderr
    assert target.exists() == made_first and (not made_first or not any(target.iterdir()))

    again = _cli("demo", str(target), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    with Library.open(target) as lib:
        assert set(lib.policy_ids()) == {pid for pid, *_ in POLICIES}


def test_create_demo_refuses_a_folder_with_something_in_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(PolicyEditorError, match="not an empty folder"):
        create_demo(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.fixture
def data(data_dir: Path) -> Path:
    """Where ensure_demo keeps the demo (each test has its own user-data folder)."""
    return data_dir / DEMO_FOLDER


def test_ensure_demo_rebuilds_a_half_made_demo(data: Path) -> None:
    """An older version's failed first run left the demo's library with no policies in it."""
    Library.create(data, SETTINGS).close()
    assert demo_state(data) == "half-made"
    with ensure_demo() as lib:
        assert set(lib.policy_ids()) == {pid for pid, *_ in POLICIES}
        head = git(lib.path, "rev-parse", "HEAD")
    assert demo_state(data) == "complete"
    with ensure_demo() as again:                 # a complete demo is opened as it is
        assert git(again.path, "rev-parse", "HEAD") == head


def test_ensure_demo_rebuilds_a_demo_stopped_before_its_first_commit(data: Path) -> None:
    data.mkdir()
    subprocess.run(["git", "init", "-q", str(data)], check=True)
    assert demo_state(data) == "half-made"
    with ensure_demo() as lib:
        assert len(lib.policy_ids()) == len(POLICIES)


def test_ensure_demo_leaves_a_folder_of_the_users_alone_and_says_so(data: Path) -> None:
    data.mkdir()
    (data / "minutes.docx").write_bytes(b"the user's")
    with pytest.raises(LibraryError, match="Move or rename that folder"):
        ensure_demo()
    assert [p.name for p in data.iterdir()] == ["minutes.docx"]


def test_ensure_demo_does_not_open_another_library_as_the_demo(data: Path) -> None:
    other = dataclasses.replace(SETTINGS, district="Somerville Public Schools")
    Library.create(data, other).close()
    head = git(data, "rev-parse", "HEAD")
    assert demo_state(data) == "foreign"
    with pytest.raises(LibraryError, match="holds something else"):
        ensure_demo()
    assert git(data, "rev-parse", "HEAD") == head


def test_ensure_demo_builds_into_an_empty_folder(data: Path) -> None:
    data.mkdir()
    assert demo_state(data) == "empty"
    with ensure_demo() as lib:
        assert lib.path == data and len(lib.policy_ids()) == len(POLICIES)


def test_an_installation_missing_a_demo_text_says_so_and_makes_nothing(tmp_path: Path) -> None:
    """The wheel of issue 15 had no resources: a copy of the package with one demo text removed."""
    import shutil

    installed = tmp_path / "site"
    shutil.copytree(ROOT / "policyeditor", installed / "policyeditor",
                    ignore=shutil.ignore_patterns("__pycache__", "_speedups"))
    (installed / "policyeditor" / "resources" / "demo" / "acceptable-use-2019.md").unlink()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run([sys.executable, "-m", "policyeditor", "demo", str(tmp_path / "demo")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("policyeditor: The file demo/acceptable-use-2019.md that comes with policyeditor "
                                  "is missing from this installation. Reinstall policyeditor")
    assert not (tmp_path / "demo").exists()
