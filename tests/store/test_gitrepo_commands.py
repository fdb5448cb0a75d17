"""The git commands sync, the shared address and the register run through GitRepo (the one git importer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitcmd import git
from policyeditor.core.errors import LibraryError
from policyeditor.store.gitrepo import GitFailed, GitRepo
from policyeditor.store.register import library_key


def test_a_failing_command_is_a_library_error_carrying_what_git_said(tmp_library):
    repo = tmp_library.repo()
    head = repo.head_sha()
    assert repo.run("rev-parse", "HEAD").strip() == head
    with pytest.raises(GitFailed) as caught:
        repo.run("rev-parse", "--verify", "no-such-branch")
    assert isinstance(caught.value, LibraryError)
    assert str(caught.value) == "A git command failed; the details say why."
    assert "Needed a single revision" in caught.value.stderr and caught.value.details == caught.value.stderr
    assert repo.succeeds("merge-base", "--is-ancestor", head, head)
    assert not repo.succeeds("rev-parse", "--verify", "no-such-branch")


def test_the_shared_address_is_set_changed_and_removed(tmp_library, shared, tmp_path):
    repo = tmp_library.repo()
    repo.set_remote_url("origin", str(shared))
    assert git(tmp_library.path, "remote", "get-url", "origin").strip() == str(shared)
    repo.set_remote_url("origin", "-oProxyCommand=x")          # stored by value, never read as an option
    assert git(tmp_library.path, "config", "remote.origin.url").strip() == "-oProxyCommand=x"
    repo.delete_remote("origin")
    repo.delete_remote("origin")                                # none left: nothing to do
    assert repo.remote_names() == []


def test_the_register_knows_a_library_by_its_first_commit_in_every_copy(tmp_library, tmp_path):
    first = git(tmp_library.path, "rev-list", "--max-parents=0", "HEAD").strip()
    tmp_library.create_policy("bylaws", "Bylaws", text="First.\n")
    assert tmp_library.repo().root_commit() == first
    assert library_key(tmp_library) == "git:" + first
    copy = tmp_path / "copy"
    git(tmp_path, "clone", "-q", str(tmp_library.path), str(copy))
    assert GitRepo(copy).root_commit() == first


def test_a_repository_without_commits_has_no_first_commit(tmp_path: Path):
    repo = GitRepo.init(tmp_path / "empty")
    assert repo.root_commit() is None and repo.head_sha() is None
    repo.close()
