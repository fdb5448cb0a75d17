"""Policy > Model Policy Updates, offscreen: the association's revisions listed with redlines, then merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser

from policyeditor.ops.upstream import add_upstream
from policyeditor.store import Author, Library, conflicts

PRIVACY = "# Website Privacy\n\nInformation is kept for one year.\n\nQuestions go to the superintendent.\n"
CONDUCT = "# Code of Conduct\n\nStaff report bullying to the principal.\n"


@pytest.fixture
def library(tmp_path: Path, library_settings) -> tuple[Path, Path]:
    manual = tmp_path / "models"
    manual.mkdir()
    (manual / "IJNDC.md").write_text(PRIVACY)
    (manual / "JIC.md").write_text(CONDUCT)
    with Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org")) as lib:
        lib.create_policy("website-privacy", "Website Privacy", "IJNDC", PRIVACY)
        lib.create_policy("conduct", "Code of Conduct", "JIC", CONDUCT)
        add_upstream(lib, "masc", str(manual), association="MASC")
        lib.save_draft("conduct", CONDUCT.replace("the principal", "the building principal"))
    (manual / "IJNDC.md").write_text(PRIVACY.replace("one year", "two years"))
    (manual / "JIC.md").write_text(CONDUCT.replace("the principal", "the head of school"))
    (manual / "KBA.md").write_text("# Public Visitors\n\nVisitors sign in.\n")
    return tmp_path / "lib", manual


def test_pending_model_updates_are_listed_with_redlines_and_merged(qtbot, make_window, prompts, library) -> None:
    path, _manual = library
    win = make_window(path, rows=2)
    seen = {}

    def review(dialog) -> None:
        seen["items"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(1)
        seen["redline"] = dialog.findChild(QTextBrowser).toPlainText()
        dialog.update_name.setText("Fall 2026 update")
        dialog.accept()

    prompts.answer("run_dialog", review)
    win.actions["model_updates"].trigger()
    qtbot.waitUntil(lambda: bool(prompts.warnings), timeout=30000)      # what the pull did, in words
    assert win.session.runner.wait_idle(20000)
    assert seen["items"] == [
        "IJNDC  Website Privacy  (website-privacy): merges cleanly",
        "JIC  Code of Conduct  (conduct): touches this district's wording: a conflict to resolve",
        "KBA  Public Visitors  (not in this library): new model policy",
    ]
    assert "principal" in seen["redline"] and "head of school" in seen["redline"]
    [told] = prompts.warnings
    assert told.startswith("Revisions recommended by MASC, Fall 2026 update: merged into the drafts of "
                           "website-privacy.")
    assert "change the same words in conduct: marked conflict" in told
    assert "upstream take masc KBA" in told
    with Library.open(path) as lib:
        assert "two years" in lib.draft_text("website-privacy")
        assert [c.policy_id for c in conflicts.conflicts(lib)] == ["conduct"]
    qtbot.waitUntil(lambda: win.policy_list.model.row_at(win.policy_list.model.row_of("conduct")).state
                    .startswith("conflict"), timeout=20000)


def test_a_library_without_model_manual_says_how_to_add_one(qtbot, make_window, prompts, tmp_path, library_settings):
    with Library.create(tmp_path / "plain", library_settings, Author("C", "c@example.org")) as lib:
        lib.create_policy("conduct", "Code of Conduct", "JIC", CONDUCT)
    win = make_window(tmp_path / "plain", rows=1)
    win.actions["model_updates"].trigger()
    qtbot.waitUntil(lambda: bool(prompts.warnings), timeout=20000)
    assert "policyeditor upstream add" in prompts.warnings[0]
