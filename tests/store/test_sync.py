"""Sharing a library through a real bare git remote between two real workstations (clones).

Fast-forward both ways, changes to different policies joined by a merge,
conflicting changes and clashing adoption tags refused with the library left
exactly as it was, adoption tags travelling, unsafe addresses refused,
unreachable remotes reported in plain words.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from gitcmd import git

from policyeditor.core.errors import InvalidInput, LibraryStateError, SyncError
from policyeditor.store import Author, Library
from policyeditor.store.remote import check_remote_url, network_env
from policyeditor.store.remote import remote_url, set_remote
from policyeditor.store.sync import clone_library, sync
from policyeditor.store.verify import verify

TZ = ZoneInfo("America/New_York")


def clock() -> datetime:
    return datetime(2024, 3, 1, 10, 0, tzinfo=TZ)


@pytest.fixture
def office(tmp_path: Path, library_settings, shared: Path) -> Library:
    """Workstation A: two policies, one adopted (tag privacy/v1), shared and synced once."""
    lib = Library.create(tmp_path / "office", library_settings, Author("Office", "office@example.org"), clock=clock)
    lib.create_policy("privacy", "Website Privacy Policy", "IJNDC", "We collect little.\n")
    lib.create_policy("conduct", "Code of Conduct", "JIC", "Be kind.\n")
    lib.record_event("privacy", "adopted", "2009-10-05", legacy=True)
    set_remote(lib, str(shared))
    sync(lib)
    yield lib
    lib.close()


@pytest.fixture
def clerk(tmp_path: Path, office: Library, shared: Path) -> Library:
    """Workstation B: a copy of the shared library."""
    lib = clone_library(str(shared), tmp_path / "clerk", author=Author("Clerk", "clerk@example.org"), clock=clock)
    yield lib
    lib.close()


def head(path: Path, ref: str = "HEAD") -> str:
    return git(path, "rev-parse", ref).strip()


def test_first_sync_sends_the_library_and_its_adoption_tags(office: Library, shared: Path) -> None:
    assert head(shared, "main") == head(office.path)
    assert head(shared, "privacy/v1^{commit}") == office.policy("privacy").version(1).text_commit
    assert git(shared, "cat-file", "-t", "privacy/v1").strip() == "tag"     # still annotated
    assert remote_url(office) == str(shared)
    assert head(office.path, "refs/remotes/origin/main") == head(office.path)


def test_clone_opens_the_shared_library_on_a_new_workstation(clerk: Library, office: Library) -> None:
    assert clerk.policy_ids() == ["conduct", "privacy"]
    assert clerk.settings == office.settings
    assert verify(clerk) == []
    assert clerk.version_text("privacy", 1) == "We collect little.\n"
    assert remote_url(clerk) == remote_url(office)
    assert git(clerk.path, "branch", "--show-current").strip() == "main"


def test_fast_forward_both_ways(office: Library, clerk: Library, shared: Path) -> None:
    office.save_draft("privacy", "We collect little and keep it safe.\n")
    sent = sync(office)
    assert (sent.received, sent.sent, sent.joined) == (0, 1, False)
    assert sent.summary() == "Up to date with the shared library: 0 changes received, 1 sent."
    got = sync(clerk)
    assert (got.received, got.sent, got.joined, got.problems) == (1, 0, False, ())
    assert clerk.draft_text("privacy") == "We collect little and keep it safe.\n"
    assert head(clerk.path) == head(office.path) == head(shared, "main")

    clerk.save_draft("conduct", "Be kind and fair.\n")
    clerk.save_draft("conduct", "Be kind, fair and honest.\n")
    assert sync(clerk).sent == 2
    got = sync(office)
    assert got.summary() == "Up to date with the shared library: 2 changes received, 0 sent."
    assert office.draft_text("conduct") == "Be kind, fair and honest.\n"
    assert git(office.path, "status", "--porcelain") == ""
    again = sync(office)
    assert again.summary() == "Up to date with the shared library: nothing to receive or send."


def test_changes_to_different_policies_are_both_kept(office: Library, clerk: Library, shared: Path) -> None:
    office.save_draft("privacy", "Office's privacy text.\n")
    clerk.save_draft("conduct", "Clerk's conduct text.\n")
    office_commit = head(office.path)
    sync(office)
    joined = sync(clerk)
    assert joined.joined and (joined.received, joined.sent) == (1, 1)
    assert "were joined" in joined.summary()
    merge = head(clerk.path)
    parents = git(clerk.path, "show", "-s", "--format=%P", merge).split()
    assert office_commit in parents and len(parents) == 2          # a merge: no commit was rewritten
    assert "Changed here: Code of Conduct." in git(clerk.path, "show", "-s", "--format=%B", merge)
    assert git(clerk.path, "show", "-s", "--format=%an", merge).strip() == "Clerk"
    assert sync(office).received == 1
    for lib in (office, clerk):
        assert lib.draft_text("privacy") == "Office's privacy text.\n"
        assert lib.draft_text("conduct") == "Clerk's conduct text.\n"
        assert verify(lib) == []
        assert head(lib.path) == merge
        assert git(lib.path, "status", "--porcelain") == ""


def test_a_draft_here_and_a_recorded_event_there_on_one_policy_join(office: Library, clerk: Library) -> None:
    """Different files of one policy: the draft moves on while the clerk records the review."""
    office.save_draft("privacy", "A new draft.\n")
    clerk.record_event("privacy", "reviewed", "2024-02-01")
    sync(office)
    assert sync(clerk).joined
    assert clerk.draft_text("privacy") == "A new draft.\n"
    assert [d.isoformat() for d in clerk.policy("privacy").version(1).reviewed] == ["2024-02-01"]
    assert verify(clerk) == []


# A policy changed on both sides is joined or marked "conflict": tests/store/test_sync_conflicts.py.


def test_conflicting_district_details_name_them(office: Library, clerk: Library, state_of) -> None:
    from dataclasses import replace

    office.update_settings(replace(office.settings, signer="Office Signer"))
    sync(office)
    clerk.update_settings(replace(clerk.settings, signer="Clerk Signer"))
    before = state_of(clerk.path)
    with pytest.raises(SyncError, match="^The district details was changed|^The district details were") as refused:
        sync(clerk)
    assert "Nothing was changed here. Ask the other person which change to keep" in refused.value.message
    assert "library.toml" in refused.value.details
    assert state_of(clerk.path) == before
    assert not (clerk.git_dir / "MERGE_HEAD").exists()


def test_settings_changed_elsewhere_are_read_again(office: Library, clerk: Library) -> None:
    from dataclasses import replace

    office.update_settings(replace(office.settings, notice_days=45))
    sync(office)
    sync(clerk)
    assert clerk.settings.notice_days == 45


def test_adoption_tags_travel(office: Library, clerk: Library, shared: Path) -> None:
    clerk.record_event("conduct", "adopted", "2015-06-01", legacy=True)
    result = sync(clerk)
    assert result.tags_sent == ("conduct/v1",)
    assert git(shared, "cat-file", "-t", "conduct/v1").strip() == "tag"
    got = sync(office)
    assert got.tags_received == ("conduct/v1",)
    assert head(office.path, "conduct/v1") == head(clerk.path, "conduct/v1")      # the same tag object
    assert verify(office) == [] and got.problems == ()


def test_one_version_adopted_twice_is_refused(office: Library, clerk: Library, state_of) -> None:
    """Same tag name, different commits on the two sides: two adoptions of one version."""
    def tag(lib: Library, target: str) -> None:
        git(lib.path, "-c", "user.name=X", "-c", "user.email=x@example.org",
            "tag", "-a", "-m", "adopted", "conduct/v1", target)

    tag(office, "HEAD")
    sync(office)
    tag(clerk, "HEAD~1")
    before = state_of(clerk.path)
    with pytest.raises(SyncError) as refused:
        sync(clerk)
    assert refused.value.message.startswith(
        "Version 1 of Code of Conduct was adopted both on this workstation and on the shared library")
    assert "Nothing was changed here" in refused.value.message
    assert state_of(clerk.path) == before


def test_verify_problems_after_a_sync_are_reported(office: Library, clerk: Library, shared: Path) -> None:
    """The shared library lost the tag privacy/v1 and a new workstation copied it: sync says so."""
    git(shared, "tag", "-d", "privacy/v1")
    late = clone_library(str(shared), clerk.path.parent / "late", clock=clock)
    result = sync(late)
    assert any("the tag privacy/v1 marking the adopted text was deleted" in p for p in result.problems)
    late.close()


@pytest.mark.parametrize("url", [
    "-oProxyCommand=touch /tmp/pwned",
    "-oProxyCommand=x",
    "--upload-pack=touch pwned",
    "ext::sh -c touch% /tmp/pwned",
    "ext::sh",
    "fd::17",
    "https://user:pw@gitlab.example.org/district/policies.git",
    "https://ghp_token@github.com/district/policies.git",
    "https://gitlab.example.org/district/policies.git ",
    "https://gitlab.example.org/a b.git",
    "https://gitlab.example.org/x\n-oProxyCommand=x",
    "https://gitlab.example.org/x%0a",
    "http://gitlab.example.org/district/policies.git",
    "git://gitlab.example.org/district/policies.git",
    "ssh://-oProxyCommand=x/srv/policies.git",
    "ssh://user:pw@host/srv/policies.git",
    "ssh://host",
    "-host:path",
    "host:-path",
    "relative/folder",
    "",
    "https://gitlab.example.org/x\u202e",
])
def test_unsafe_or_unusable_addresses_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput):
        check_remote_url(url)


def test_credentials_in_an_address_point_to_a_credential_helper() -> None:
    with pytest.raises(InvalidInput) as refused:
        check_remote_url("https://user:pw@gitlab.example.org/x.git")
    assert "credential helper" in refused.value.message


@pytest.mark.parametrize("url", [
    "https://gitlab.example.org/district/policies.git",
    "https://gitlab.example.org:8443/district/policies.git",
    "ssh://git@gitea.example.org:2222/district/policies.git",
    "git@github.com:district/policies.git",
    "files.example.org:/srv/git/policies.git",
    "file:///srv/git/policies.git",
    "/srv/git/policies.git",
])
def test_usual_addresses_are_accepted(url: str) -> None:
    assert check_remote_url(url) == url


def test_set_remote_refuses_and_stores_nothing(tmp_library: Library, tmp_path: Path, shared: Path) -> None:
    for url in ("-oProxyCommand=touch x", "ext::sh -c touch% x", "https://u:p@h/x.git"):
        with pytest.raises(InvalidInput):
            set_remote(tmp_library, url)
    with pytest.raises(InvalidInput, match="There is no shared library at"):
        set_remote(tmp_library, str(tmp_path / "missing.git"))
    with pytest.raises(InvalidInput, match="is not a shared library: a shared library is a bare"):
        set_remote(tmp_library, str(tmp_library.path))
    assert remote_url(tmp_library) == ""
    assert "remote" not in git(tmp_library.path, "config", "--list", "--local")
    set_remote(tmp_library, shared.as_uri())                     # file:// form
    assert remote_url(tmp_library) == shared.as_uri()
    set_remote(tmp_library, str(shared))                           # changed later
    assert remote_url(tmp_library) == str(shared)


def test_an_address_edited_by_hand_is_checked_before_git_runs(office: Library, tmp_path: Path, state_of) -> None:
    witness = tmp_path / "pwned"
    git(office.path, "config", "remote.origin.url", f"ext::sh -c touch% {witness}")
    before = state_of(office.path)
    with pytest.raises(InvalidInput):
        sync(office)
    assert not witness.exists()
    assert state_of(office.path) == before


def test_ext_transport_is_blocked_by_git_too(office: Library, tmp_path: Path) -> None:
    """Even if the address check were bypassed, sync's environment allows only file, https and ssh."""
    from policyeditor.store.sync import _Sync

    witness = tmp_path / "pwned"
    url = f"ext::sh -c touch% {witness}"
    git(office.path, "config", "remote.origin.url", url)
    with pytest.raises(SyncError, match="could not be reached"):
        _Sync(office, url).fetch()
    assert not witness.exists()


def test_git_never_waits_for_a_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GIT_SSH_COMMAND", raising=False)
    monkeypatch.delenv("GIT_SSH", raising=False)
    env = network_env()
    assert env["GIT_TERMINAL_PROMPT"] == "0"
    assert env["GIT_ALLOW_PROTOCOL"] == "file:https:ssh"
    assert "-o BatchMode=yes" in env["GIT_SSH_COMMAND"]
    assert "GIT_SSH_COMMAND" not in network_env(ssh_configured=True)   # the user's own ssh command is kept
    monkeypatch.setenv("GIT_SSH_COMMAND", "ssh -i ~/.ssh/district")
    assert "GIT_SSH_COMMAND" not in network_env()


def test_unreachable_remote_is_a_plain_error_and_nothing_changes(
    office: Library, shared: Path, tmp_path: Path, state_of
) -> None:
    office.save_draft("privacy", "Not sent yet.\n")
    shared.rename(tmp_path / "moved.git")
    before = state_of(office.path)
    with pytest.raises(SyncError) as refused:
        sync(office)
    message = refused.value.message
    assert message.startswith(f"The shared library at {shared} could not be reached: ")
    assert message.endswith("Check the address and your network, then try again.")
    assert "fatal" not in message and refused.value.details
    assert state_of(office.path) == before


def test_server_that_does_not_answer(office: Library, state_of) -> None:
    git(office.path, "config", "remote.origin.url", "https://127.0.0.1:9/district/policies.git")
    before = state_of(office.path)
    with pytest.raises(SyncError, match="could not be reached: the server did not answer"):
        sync(office)
    assert state_of(office.path) == before


def test_not_shared_yet(tmp_library: Library) -> None:
    with pytest.raises(SyncError, match="not shared yet"):
        sync(tmp_library)


def test_a_library_with_changes_nobody_saved_is_not_synced(office: Library, state_of) -> None:
    (office.path / "policies/privacy/policy.md").write_text("edited by hand\n")
    before = state_of(office.path)
    with pytest.raises(LibraryStateError):
        sync(office)
    assert state_of(office.path) == before


def test_a_remote_with_an_unrelated_history_is_refused(office: Library, tmp_path: Path, state_of) -> None:
    other = tmp_path / "other.git"
    subprocess.run(["git", "init", "-q", "--bare", str(other)], check=True)
    readme = tmp_path / "readme-repo"
    subprocess.run(["git", "init", "-q", "-b", "main", str(readme)], check=True)
    (readme / "README.md").write_text("hello\n")
    git(readme, "add", "README.md")
    git(readme, "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-qm", "Initial commit")
    git(readme, "push", "-q", str(other), "main")
    set_remote(office, str(other))
    before = state_of(office.path)
    with pytest.raises(SyncError, match="nothing in common"):
        sync(office)
    assert state_of(office.path) == before


def test_a_refused_push_keeps_what_was_received(office: Library, clerk: Library, shared: Path) -> None:
    office.save_draft("privacy", "From the office.\n")
    sync(office)
    hook = shared / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n")
    hook.chmod(0o755)
    clerk.save_draft("conduct", "From the clerk.\n")
    with pytest.raises(SyncError) as refused:
        sync(clerk)
    assert refused.value.message.startswith("The changes from the shared library were taken in here; "
                                            "this workstation's changes could not be sent")
    assert "pushes are closed today" in refused.value.details
    assert clerk.draft_text("privacy") == "From the office.\n"
    assert clerk.draft_text("conduct") == "From the clerk.\n"
    assert verify(clerk) == []
    hook.unlink()
    assert sync(clerk).sent == 1


def test_a_file_in_the_way_stops_the_sync_and_nothing_changes(
    office: Library, clerk: Library, state_of
) -> None:
    """The shared library brings a new policy whose folder holds a stray file here: refused, undone."""
    office.create_policy("field-trips", "Field Trips", "IJOA", "Trips need a permission slip.\n")
    sync(office)
    stray = clerk.path / "policies" / "field-trips" / "policy.md"
    stray.parent.mkdir(parents=True)
    stray.write_text("a copy someone put here\n")
    clerk.save_draft("conduct", "Changed here too.\n")        # so sync has a merge to make as well
    before = state_of(clerk.path)
    with pytest.raises(SyncError) as refused:
        sync(clerk)
    assert refused.value.message.startswith("The changes from the shared library could not be written")
    assert "nothing was changed here" in refused.value.message
    assert "untracked working tree files would be overwritten" in refused.value.details
    assert state_of(clerk.path) == before
    stray.unlink()
    assert sync(clerk).joined


def test_clone_refuses_an_empty_shared_library_and_leaves_no_folder(shared: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy"
    with pytest.raises(SyncError, match="is empty: no library has been shared there yet"):
        clone_library(str(shared), target)
    assert not target.exists()


def test_clone_refuses_a_repository_that_is_no_library_and_empties_the_folder(tmp_path: Path) -> None:
    source = tmp_path / "plain"
    subprocess.run(["git", "init", "-q", "-b", "main", str(source)], check=True)
    (source / "notes.txt").write_text("not a library\n")
    git(source, "add", "notes.txt")
    git(source, "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-qm", "notes")
    target = tmp_path / "empty-folder"
    target.mkdir()
    with pytest.raises(SyncError, match="holds no policy library"):
        clone_library(str(source), target)
    assert target.is_dir() and list(target.iterdir()) == []


def test_clone_refuses_a_folder_in_use_and_bad_addresses(clerk: Library, shared: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="is not an empty folder"):
        clone_library(str(shared), clerk.path)
    with pytest.raises(InvalidInput):
        clone_library("-oProxyCommand=x", tmp_path / "x")
    with pytest.raises(SyncError, match="could not be reached"):
        clone_library(str(tmp_path / "nowhere.git"), tmp_path / "y")
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_a_shared_library_left_locked_is_named_as_locked(office: Library, clerk: Library, shared: Path) -> None:
    # A workstation stopped in the middle of sending (power cut, kill) can leave git's lock file in the
    # shared library; the next sync must say that, not "could not connect", and keep the work here.
    office.save_draft("privacy", "Sent while the shared library is locked.\n")
    lock = shared / "refs" / "heads" / "main.lock"
    lock.write_text("")
    with pytest.raises(SyncError) as refused:
        sync(office)
    message = refused.value.message
    assert "the shared library is locked" in message and "could not connect" not in message
    assert "main.lock" in refused.value.details
    assert office.draft_text("privacy") == "Sent while the shared library is locked.\n"
    lock.unlink()
    assert sync(office).sent == 1
