"""A hostile shared repository: links committed to the library are never followed, nor received.

The attacker is another workstation committing with plain git (a symlink to a
private file, a folder linked elsewhere, a submodule) and pushing to the
shared library.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from gitcmd import git

from policyeditor.cli import main
from policyeditor.core.errors import LibraryStateError, SyncError
from policyeditor.store import Author, Library
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symlinks")


def clock() -> datetime:
    return datetime(2024, 3, 1, 10, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "secret.txt"
    path.parent.mkdir()
    path.write_text("the superintendent's password\n")
    return path


@pytest.fixture
def lib(tmp_library: Library) -> Library:
    tmp_library.create_policy("privacy", "Website Privacy", text="We collect little.\n")
    return tmp_library


def commit_all(path: Path, message: str) -> None:
    git(path, "add", "-A")
    git(path, "-c", "user.name=Mallory", "-c", "user.email=m@example.org", "commit", "-qm", message)


def test_a_linked_draft_is_neither_shown_nor_written(lib: Library, secret: Path, capsys) -> None:
    draft = lib.path / "policies/privacy/policy.md"
    draft.unlink()
    draft.symlink_to(secret)
    commit_all(lib.path, "link the draft")
    with Library.open(lib.path) as reader:
        with pytest.raises(LibraryStateError, match="policies/privacy/policy.md in the library is a link"):
            reader.draft_text("privacy")
        with pytest.raises(LibraryStateError, match="is a link"):
            reader.save_draft("privacy", "Overwrite.\n")
    assert main(["--library", str(lib.path), "show", "privacy"]) == 2
    out, err = capsys.readouterr()
    assert "password" not in out + err and "is a link to another place" in err
    assert secret.read_text() == "the superintendent's password\n"


def test_a_linked_policy_folder_is_never_written_through(lib: Library, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (lib.path / "policies/privacy").rename(elsewhere)
    (lib.path / "policies/privacy").symlink_to(elsewhere, target_is_directory=True)
    commit_all(lib.path, "link the folder")
    before = sorted(p.name for p in elsewhere.iterdir())
    with Library.open(lib.path) as reader:
        with pytest.raises(LibraryStateError, match="policies/privacy in the library is a link"):
            reader.save_draft("privacy", "Written outside the library?\n")
        with pytest.raises(LibraryStateError, match="is a link"):
            reader.policy("privacy")
    assert sorted(p.name for p in elsewhere.iterdir()) == before
    assert (elsewhere / "policy.md").read_text() == "We collect little.\n"


def test_a_device_is_not_read_as_a_draft(lib: Library) -> None:
    draft = lib.path / "policies/privacy/policy.md"
    draft.unlink()
    os.mkfifo(draft)  # reading a pipe would hang forever
    with pytest.raises(LibraryStateError, match="not an ordinary file"):
        lib.draft_text("privacy")


@pytest.mark.parametrize("kind", ["symlink", "submodule"])
def test_sync_refuses_a_shared_commit_holding_a_link_or_submodule(
        tmp_path: Path, library_settings, shared: Path, secret: Path, state_of, kind: str) -> None:
    office = Library.create(tmp_path / "office", library_settings, Author("Office", "o@example.org"), clock=clock)
    office.create_policy("privacy", "Website Privacy", text="We collect little.\n")
    set_remote(office, str(shared))
    sync(office)
    mallory = tmp_path / "mallory"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(shared), str(mallory)], check=True)
    draft = mallory / "policies/privacy/policy.md"
    if kind == "symlink":
        draft.unlink()
        draft.symlink_to(secret)
        git(mallory, "add", "-A")
    else:
        git(mallory, "update-index", "--add", "--cacheinfo", f"160000,{'a' * 40},policies/privacy/module")
    git(mallory, "-c", "user.name=Mallory", "-c", "user.email=m@example.org", "commit", "-qm", "hostile")
    git(mallory, "push", "-q", "origin", "main")
    before = state_of(office.path)
    with pytest.raises(SyncError, match="not ordinary files|is a link or a submodule") as refused:
        sync(office)
    assert "policies/privacy/" in refused.value.message and "Nothing was changed here" in refused.value.message
    assert state_of(office.path) == before
    assert not (office.path / "policies/privacy/policy.md").is_symlink()
    office.close()
    with pytest.raises(SyncError, match="was not copied"):  # nor copied onto a new workstation
        clone_library(str(shared), tmp_path / "new-workstation")
    assert not (tmp_path / "new-workstation").exists()
