"""conflicts and resolve through policyeditor.cli.main, with a real bare remote and two workstations."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyeditor.cli import main
from policyeditor.store import Author, Library
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync

BASE = "The district collects little information.\n\nVisitors may ask what is kept.\n"


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def clerk(tmp_path: Path, library_settings, shared: Path) -> Path:
    """The clerk's workstation after a sync that found the same paragraph changed on both sides."""
    with Library.create(tmp_path / "office", library_settings, Author("Office", "office@example.org")) as office:
        office.create_policy("privacy", "Website Privacy Policy", "IJNDC", BASE)
        set_remote(office, str(shared))
        sync(office)
        with clone_library(str(shared), tmp_path / "clerk", author=Author("Clerk", "c@example.org")) as lib:
            office.save_draft("privacy", BASE.replace("little", "some"))
            sync(office)
            lib.save_draft("privacy", BASE.replace("little", "no"))
    return tmp_path / "clerk"


def test_sync_lists_and_resolves_a_conflict(capsys, clerk: Path, tmp_path: Path) -> None:
    lib = ["--library", str(clerk)]
    code, out, _ = run(capsys, *lib, "sync")
    assert code == 0 and "kept both ways until you choose: privacy" in out
    code, out, _ = run(capsys, *lib, "list")
    assert "conflict: changed on two workstations" in out
    code, out, _ = run(capsys, *lib, "conflicts")
    assert code == 0 and out.startswith("privacy: its text was changed on both workstations.")
    code, out, _ = run(capsys, *lib, "conflicts", "privacy")
    assert "collects no information" in out and "collects some information" in out
    code, out, err = run(capsys, *lib, "resolve", "privacy", "--take", "nosuchfile.md")
    assert code == 2 and "nosuchfile.md cannot be read" in err and "Traceback" not in err
    code, out, _ = run(capsys, *lib, "resolve", "privacy", "--take", "theirs")
    assert code == 0 and "kept the shared library's text" in out
    assert (clerk / "policies/privacy/policy.md").read_text() == BASE.replace("little", "some")
    code, out, _ = run(capsys, *lib, "conflicts")
    assert out.strip() == "No policy is in conflict."
    code, out, _ = run(capsys, *lib, "resolve", "privacy", "--take", "ours")
    assert code == 2


def test_resolve_with_a_file_and_with_ours(capsys, clerk: Path, tmp_path: Path) -> None:
    lib = ["--library", str(clerk)]
    run(capsys, *lib, "sync")
    chosen = tmp_path / "chosen.md"
    chosen.write_text("The district collects hardly any information.\n\nVisitors may ask what is kept.\n")
    code, out, _ = run(capsys, *lib, "resolve", "privacy", "--take", str(chosen))
    assert code == 0 and (clerk / "policies/privacy/policy.md").read_text() == chosen.read_text()
    code, out, _ = run(capsys, *lib, "sync")
    assert code == 0 and "kept both ways" not in out


def test_resolve_taking_ours_keeps_this_workstations_text(capsys, clerk: Path) -> None:
    lib = ["--library", str(clerk)]
    run(capsys, *lib, "sync")
    code, out, _ = run(capsys, *lib, "resolve", "privacy", "--take", "ours")
    assert code == 0 and "kept this workstation's text" in out
    assert (clerk / "policies/privacy/policy.md").read_text() == BASE.replace("little", "no")
    code, out, _ = run(capsys, *lib, "list")
    assert "conflict" not in out
