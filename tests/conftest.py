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
    """Each test gets its own, empty user-settings folder."""
    folder = tmp_path_factory.mktemp("user-config")
    monkeypatch.setenv("POLICYEDITOR_CONFIG_DIR", str(folder))
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
