"""Shared test set-up: Qt offscreen, and git isolated from the machine's config.

Git reads no global or system configuration during the tests (an empty file
stands in for ~/.gitconfig), so no test depends on the machine's git identity;
user settings live in a fresh temporary folder for every test.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_GIT_HOME = Path(tempfile.mkdtemp(prefix="policyeditor-tests-git-"))
(_GIT_HOME / "gitconfig").write_text("", encoding="utf-8")
os.environ["GIT_CONFIG_GLOBAL"] = str(_GIT_HOME / "gitconfig")
os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
os.environ["GIT_TERMINAL_PROMPT"] = "0"
for _name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
              "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
              "POLICYEDITOR_LIBRARY"):
    os.environ.pop(_name, None)


@pytest.fixture(autouse=True)
def _user_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own, empty user-settings folder (POLICYEDITOR_CONFIG_DIR)."""
    folder = tmp_path_factory.mktemp("user-config")
    monkeypatch.setenv("POLICYEDITOR_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own, empty user-data folder (POLICYEDITOR_DATA_DIR): tagging register,
    demo library, recovery files; never the real one."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("POLICYEDITOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """An empty bare repository standing for the file server's shared library (a real remote)."""
    import subprocess

    folder = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", str(folder)], check=True)
    return folder


@pytest.fixture
def library_settings():
    """Settings of a small test library (America/New_York, 30 days' notice)."""
    from policyeditor.core.versions import LibrarySettings

    return LibrarySettings(district="Springfield Public Schools", committee="School Committee",
                           signer="A. Superintendent", timezone="America/New_York", notice_days=30)


@pytest.fixture
def tmp_library(tmp_path: Path, library_settings):
    """A new, empty library in a temporary folder, committed by a test author."""
    from policyeditor.store import Author, Library

    lib = Library.create(tmp_path / "library", library_settings, Author("Test Clerk", "clerk@example.org"))
    yield lib
    lib.close()


def library_state(path: Path) -> dict:
    """HEAD, every ref, the index and every work-tree file of the repository at ``path``.

    Two equal states mean nothing was written: the tests of refused commands
    compare the state before and after.
    """
    import hashlib
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=path, capture_output=True, text=True, check=False).stdout

    files = {}
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path).as_posix()
        if rel == ".git" or rel.startswith(".git/") or not item.is_file():
            continue
        files[rel] = hashlib.sha256(item.read_bytes()).hexdigest()
    return {
        "head": git("rev-parse", "HEAD"),
        "refs": git("for-each-ref", "--format=%(refname) %(objectname)"),
        "status": git("status", "--porcelain", "--untracked-files=all"),
        "index": git("ls-files", "--stage"),  # what is staged (git status may rewrite stat data)
        "files": files,
    }


@pytest.fixture
def state_of():
    """library_state as a fixture: ``before = state_of(lib.path)``."""
    return library_state


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo library (store.demo.create_demo), built once per test session.

    Tests never use it directly: ``demo_path`` and ``demo_library`` copy it.
    """
    from policyeditor.store.demo import create_demo

    folder = tmp_path_factory.mktemp("demo-template") / "library"
    create_demo(folder).close()
    return folder


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo library (a real git repository) at ``tmp_path / "library"``."""
    import shutil

    path = tmp_path / "library"
    shutil.copytree(demo_template, path, symlinks=True)
    return path


@pytest.fixture
def demo_library(demo_path: Path):
    """The Library opened on a fresh copy of the demo library; closed after the test."""
    from policyeditor.store import Library

    lib = Library.open(demo_path)
    yield lib
    lib.close()


@pytest.fixture
def posted_demo(demo_library):
    """The demo library with Website Privacy version 2 adopted 2018-05-15 and posted 2018-06-01."""
    demo_library.record_event("website-privacy", "adopted", "2018-05-15", version=2)
    demo_library.record_event("website-privacy", "posted", "2018-06-01", version=2)
    return demo_library
