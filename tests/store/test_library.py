"""Library on real temporary git repositories: create, open, typed errors, drafts, authors."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyeditor.core.errors import (
    InvalidInput,
    InvalidPolicyId,
    LibraryBusy,
    LibraryStateError,
    NotALibrary,
    NotFound,
    TextError,
)
from policyeditor.core.versions import LibrarySettings
from policyeditor.store import Author, Library
from policyeditor.store.usersettings import UserSettings
from policyeditor.store.summary import summaries
from gitcmd import git


def test_create_lays_out_the_library(tmp_library: Library) -> None:
    root = tmp_library.path
    assert (root / ".gitattributes").read_text() == "* text=auto eol=lf\n"
    toml = (root / "library.toml").read_text()
    assert toml.startswith("format = 1\ndistrict = \"Springfield Public Schools\"\n")
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "--format=%an <%ae>|%s") == "Test Clerk <clerk@example.org>|Create the policy library of Springfield Public Schools\n"
    assert git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    reopened = Library.open(root)
    assert reopened.settings == tmp_library.settings


def test_create_refuses_a_folder_with_files(tmp_path: Path, library_settings) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InvalidInput, match="not an empty folder"):
        Library.create(tmp_path, library_settings)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_create_refuses_a_bad_time_zone(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a time zone"):
        Library.create(tmp_path / "lib", LibrarySettings(district="D", timezone="Mars/Olympus"))
    assert not (tmp_path / "lib").exists()


def test_open_errors_name_the_problem(tmp_path: Path, tmp_library: Library) -> None:
    with pytest.raises(NotALibrary, match="There is no folder"):
        Library.open(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    with pytest.raises(NotALibrary, match="no git repository"):
        Library.open(tmp_path / "plain")
    git(tmp_path / "plain", "init", "-q")
    with pytest.raises(NotALibrary, match="no library.toml"):
        Library.open(tmp_path / "plain")


def test_locked_index_stops_writers_not_readers(tmp_library: Library, state_of) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    (tmp_library.git_dir / "index.lock").write_text("")
    before = state_of(tmp_library.path)
    with Library.open(tmp_library.path) as reader:  # list, show, versions go on reading
        assert reader.policy_ids() == ["bylaws"]
        assert reader.draft_text("bylaws") == "Text.\n"
        assert reader.policy("bylaws").title == "Bylaws"
    with pytest.raises(LibraryBusy, match="Another program is writing to the library"):
        tmp_library.save_draft("bylaws", "New text.\n")
    assert state_of(tmp_library.path) == before


def test_detached_head_is_refused(tmp_library: Library) -> None:
    git(tmp_library.path, "checkout", "-q", "--detach")
    with pytest.raises(LibraryStateError, match="not on a branch.*git switch main"):
        Library.open(tmp_library.path)


def test_dirty_tree_it_did_not_make_is_refused(tmp_library: Library, state_of) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    draft = tmp_library.path / "policies/bylaws/policy.md"
    draft.write_text("Edited outside the program.\n")
    before = state_of(tmp_library.path)
    with pytest.raises(LibraryStateError, match="policies/bylaws/policy.md"):
        tmp_library.save_draft("bylaws", "Other text.\n")
    with pytest.raises(LibraryStateError, match="not saved by policyeditor"):
        tmp_library.create_policy("other", "Other")
    assert state_of(tmp_library.path) == before


def test_staged_change_elsewhere_is_refused(tmp_library: Library) -> None:
    (tmp_library.path / "README").write_text("hello\n")
    git(tmp_library.path, "add", "README")
    with pytest.raises(LibraryStateError, match="README"):
        tmp_library.create_policy("bylaws", "Bylaws")


def test_untracked_files_outside_policies_do_not_block(tmp_library: Library) -> None:
    (tmp_library.path / "notes.txt").write_text("scratch\n")
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    assert tmp_library.policy_ids() == ["bylaws"]


def test_create_policy_and_read_it_back(tmp_library: Library) -> None:
    policy = tmp_library.create_policy("website-privacy", "  Website   Privacy Policy ", "IJNDC", "Some *text*.\r\n", 36)
    assert policy.title == "Website Privacy Policy"
    assert tmp_library.policy("website-privacy") == policy
    assert tmp_library.draft_text("website-privacy") == "Some *text*.\n"
    assert tmp_library.policy_ids() == ["website-privacy"]
    assert tmp_library.draft_changed("website-privacy") is True
    with pytest.raises(InvalidInput, match="already a policy"):
        tmp_library.create_policy("website-privacy", "Again")


@pytest.mark.parametrize("bad", ["Website", "web site", "../etc", "-x", "a--b", ""])
def test_invalid_ids_are_refused(tmp_library: Library, bad: str) -> None:
    with pytest.raises(InvalidPolicyId):
        tmp_library.create_policy(bad, "Title")
    with pytest.raises(InvalidPolicyId):
        tmp_library.policy(bad)


def test_unknown_policy_and_version(tmp_library: Library) -> None:
    with pytest.raises(NotFound, match="no policy 'nothing'"):
        tmp_library.policy("nothing")
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    with pytest.raises(NotFound, match="no version 3"):
        tmp_library.version_text("bylaws", 3)


def test_save_draft_canonicalises_and_skips_no_change(tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    head = git(tmp_library.path, "rev-parse", "HEAD")
    assert tmp_library.save_draft("bylaws", "First.\n") is None
    assert git(tmp_library.path, "rev-parse", "HEAD") == head
    sha = tmp_library.save_draft("bylaws", "Second   paragraph\r\n\r\n\r\nThird.", "Reword")
    assert sha == git(tmp_library.path, "rev-parse", "HEAD").strip()
    data = (tmp_library.path / "policies/bylaws/policy.md").read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    assert git(tmp_library.path, "log", "-1", "--format=%s") == "Reword\n"
    assert tmp_library.save_draft("bylaws", data) is None


def test_non_utf8_text_is_refused(tmp_library: Library, state_of) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    before = state_of(tmp_library.path)
    with pytest.raises(TextError, match="not UTF-8"):
        tmp_library.save_draft("bylaws", "caf\u00e9".encode("latin-1"))
    with pytest.raises(TextError):
        tmp_library.save_draft("bylaws", "lone \udc80 surrogate")
    assert state_of(tmp_library.path) == before


def test_git_log_of_a_policy_lists_its_commits_by_their_author(tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    tmp_library.create_policy("other", "Other", text="Else.\n")
    tmp_library.save_draft("bylaws", "Second.\n", "Second text")
    log = git(tmp_library.path, "log", "--format=%s|%an <%ae>", "--", "policies/bylaws").splitlines()
    assert log == ["Second text|Test Clerk <clerk@example.org>",
                   "Add the policy Bylaws (bylaws)|Test Clerk <clerk@example.org>"]


def test_opening_reads_no_git(tmp_library: Library) -> None:
    """Reading records needs no git process; GitPython is loaded only on first use."""
    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    lib = Library.open(tmp_library.path)
    lib.policies()
    summaries(lib)
    assert lib._git is None


def test_author_falls_back_to_the_os_user(tmp_path: Path, library_settings) -> None:
    import getpass
    import socket

    lib = Library.create(tmp_path / "lib", library_settings)
    name = getpass.getuser()
    assert git(lib.path, "log", "-1", "--format=%an|%ae|%cn") == f"{name}|{name}@{socket.gethostname()}|{name}\n"


def test_author_from_git_config_then_settings(tmp_library: Library) -> None:
    git(tmp_library.path, "config", "user.name", "Git Person")
    git(tmp_library.path, "config", "user.email", "git@example.org")
    assert Library.open(tmp_library.path).author == Author("Git Person", "git@example.org")
    settings = UserSettings.load()
    settings["name"] = "Clerk Of Committee"
    settings["email"] = "clerk@district.example"
    settings.save()
    lib = Library.open(tmp_library.path)
    lib.create_policy("bylaws", "Bylaws")
    assert git(lib.path, "log", "-1", "--format=%an <%ae>") == "Clerk Of Committee <clerk@district.example>\n"


def test_update_info_memo_and_settings(tmp_library: Library) -> None:
    from dataclasses import replace

    from policyeditor.core.versions import Memo

    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    head = git(tmp_library.path, "rev-parse", "HEAD")
    tmp_library.update_policy_info("bylaws", title="Bylaws")
    assert git(tmp_library.path, "rev-parse", "HEAD") == head  # nothing changed: no commit
    updated = tmp_library.update_policy_info("bylaws", code="BA", review_months=24, notice_days=45)
    assert tmp_library.policy("bylaws") == updated
    assert tmp_library.settings.notice_days_for(updated) == 45
    tmp_library.record_event("bylaws", "adopted", "2001-01-01", legacy=True)
    memo = Memo(recommendation="Approve.", description="Why.\n\nMore.", supporting_data="Redline.")
    assert tmp_library.update_memo("bylaws", 1, memo).memo == memo
    assert Library.open(tmp_library.path).policy("bylaws").version(1).memo == memo
    tmp_library.update_settings(replace(tmp_library.settings, committee="Board of Education"))
    assert Library.open(tmp_library.path).settings.committee == "Board of Education"
    assert git(tmp_library.path, "status", "--porcelain") == ""
