"""remote, sync and clone through policyeditor.cli.main, with a real bare remote and two workstations."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitcmd import git

from policyeditor.cli import main
from policyeditor.store import Author, Library


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path: Path, library_settings) -> Path:
    """A library with one adopted policy (tag privacy/v1), not shared yet."""
    with Library.create(tmp_path / "office", library_settings, Author("Office", "office@example.org")) as lib:
        lib.create_policy("privacy", "Website Privacy Policy", "IJNDC", "We collect little.\n")
        lib.record_event("privacy", "adopted", "2009-10-05", legacy=True)
    return tmp_path / "office"


def test_remote_shows_sets_and_refuses(capsys, office: Path, shared: Path, state_of) -> None:
    lib = ["--library", str(office)]
    code, out, _ = run(capsys, *lib, "remote")
    assert code == 0 and "This library is not shared" in out
    before = state_of(office)
    for bad in ("-oProxyCommand=touch /tmp/pwned", "ext::sh -c touch% /tmp/pwned", "https://user:pw@host/x.git",
                "https://host/a b.git"):
        code, out, err = run(capsys, *lib, "remote", "--", bad)
        assert code == 2 and out == ""
        assert err.startswith("policyeditor: ") and "cannot be used as the shared library's address" in err
        assert "Traceback" not in err
    assert state_of(office) == before
    assert "remote." not in git(office, "config", "--list", "--local")
    code, out, _ = run(capsys, *lib, "remote", str(shared))
    assert code == 0 and f"The shared library is now {shared}." in out
    code, out, _ = run(capsys, *lib, "remote")
    assert out.strip() == str(shared)


def test_sync_and_clone_share_the_library(capsys, office: Path, shared: Path, tmp_path: Path) -> None:
    run(capsys, "--library", str(office), "remote", str(shared))
    code, out, _ = run(capsys, "--library", str(office), "sync")
    assert code == 0
    assert "Up to date with the shared library: 0 changes received, 3 sent." in out
    assert "Adoptions sent: privacy/v1" in out
    clerk = tmp_path / "clerk"
    code, out, _ = run(capsys, "clone", str(shared), str(clerk))
    assert code == 0 and f"Copied the shared library into {clerk}: 1 policy." in out
    assert git(clerk, "tag").split() == ["privacy/v1"]

    with Library.open(clerk) as lib:
        lib.author = Author("Clerk", "clerk@example.org")
        lib.save_draft("privacy", "We collect little and keep it safe.\n")
    code, out, _ = run(capsys, "--library", str(clerk), "sync")
    assert code == 0 and "0 changes received, 1 sent." in out
    code, out, _ = run(capsys, "--library", str(office), "sync")
    assert code == 0 and "1 change received, 0 sent." in out
    code, out, _ = run(capsys, "--library", str(office), "show", "privacy")
    assert out == "We collect little and keep it safe.\n"


def test_sync_refusals_are_one_plain_sentence(capsys, office: Path, shared: Path, tmp_path: Path, state_of) -> None:
    code, _out, err = run(capsys, "--library", str(office), "sync")
    assert code == 2 and "not shared yet" in err
    run(capsys, "--library", str(office), "remote", str(shared))
    shared.rename(tmp_path / "moved.git")
    before = state_of(office)
    code, out, err = run(capsys, "--library", str(office), "sync")
    assert code == 2 and out == ""
    assert err == (f"policyeditor: The shared library at {shared} could not be reached: there is no shared "
                   "library at that address. Nothing was changed here. Check the address and your network, "
                   "then try again.\n")
    assert state_of(office) == before


def test_sync_exits_1_when_verify_finds_a_problem(capsys, office: Path, shared: Path) -> None:
    run(capsys, "--library", str(office), "remote", str(shared))
    git(office, "tag", "-d", "privacy/v1")
    code, out, _ = run(capsys, "--library", str(office), "sync")
    assert code == 1
    assert "Problem: Website Privacy Policy (privacy), version 1: the tag privacy/v1" in out


def test_clone_refusals(capsys, office: Path, shared: Path, tmp_path: Path) -> None:
    code, _out, err = run(capsys, "clone", str(shared), str(tmp_path / "copy"))
    assert code == 2 and "is empty: no library has been shared there yet" in err
    assert not (tmp_path / "copy").exists()
    code, _out, err = run(capsys, "clone", "--", "-oProxyCommand=x", str(tmp_path / "copy"))
    assert code == 2 and "an address never begins with '-'" in err
    code, _out, err = run(capsys, "clone", str(shared), str(office))
    assert code == 2 and "is not an empty folder" in err
