"""File > Import Documents, offscreen on a real library: a preview, then the policies in the list.

The documents are read and written in the window's worker; the preview says
what will be created and what will not and why; No writes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_helpers import commit_count

from policyeditor.store import Author, Library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ops"))
from _importdocs import word_policy  # noqa: E402


@pytest.fixture
def library(tmp_path: Path, library_settings) -> Path:
    path = tmp_path / "library"
    Library.create(path, library_settings, Author("Test Clerk", "clerk@example.org")).close()
    return path


@pytest.fixture
def manual(tmp_path: Path) -> Path:
    folder = tmp_path / "manual"
    folder.mkdir()
    word_policy(folder / "IJNDC.docx")
    (folder / "KF Community Use.md").write_text("Rooms may be used.\n\nAdopted: 2010-01-04\n", encoding="utf-8")
    (folder / "Old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    return folder


def run_import(qtbot, window) -> None:
    window.actions["import_documents"].trigger()
    qtbot.waitUntil(lambda: not window.session.runner.is_busy(), timeout=30000)
    assert window.session.runner.wait_idle(20000)


def test_import_a_folder_with_a_preview(qtbot, make_window, prompts, library: Path, manual: Path) -> None:
    window = make_window(library, rows=0)
    before = commit_count(library)
    prompts.answer("choose_item", "A folder of documents...").answer("choose_folder", manual)
    prompts.answer("ask_yes_no", True)
    run_import(qtbot, window)
    question = [text for method, text in prompts.asked if method == "ask_yes_no"][0]
    assert "IJNDC.docx: website-privacy: Website Privacy [IJNDC], 2 legacy versions" in question
    assert "KF Community Use.md: community-use: Community Use [KF], 1 legacy version" in question
    assert "Will not be imported:" in question and "Old.doc: Old.doc is an old Word document" in question
    assert "Import 2 document(s)?" in question
    qtbot.waitUntil(lambda: len(window.session.rows) == 2, timeout=20000)
    assert commit_count(library) == before + 2
    assert prompts.unexpected == [] and prompts.take_errors() == []


def test_no_at_the_preview_writes_nothing(qtbot, make_window, prompts, library: Path, manual: Path,
                                          state_of) -> None:
    window = make_window(library, rows=0)
    before = state_of(library)
    prompts.answer("choose_item", "One document...").answer("choose_file_to_open", manual / "IJNDC.docx")
    prompts.answer("ask_yes_no", False)
    run_import(qtbot, window)
    assert state_of(library) == before
    assert window.session.rows == []


def test_tracked_changes_are_accepted_only_when_the_user_says_so(qtbot, make_window, prompts, library: Path,
                                                                 tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from policyeditor.core.redline import compare
    from policyeditor.export.docx import redline_docx, save_docx
    from policyeditor.export.html import PageParts

    path = tmp_path / "Fees.docx"
    save_docx(redline_docx(compare("Fees are $5.\n", "Fees are $10.\n"), PageParts("Fees"), author="Counsel",
                           when=datetime(2026, 1, 5, tzinfo=timezone.utc)), path)
    window = make_window(library, rows=0)
    prompts.answer("choose_item", "One document...").answer("choose_file_to_open", path)
    prompts.answer("ask_yes_no", True).answer("ask_yes_no", True)
    run_import(qtbot, window)
    questions = [text for method, text in prompts.asked if method == "ask_yes_no"]
    assert "1 document(s) still hold tracked changes or comments:\nFees.docx" in questions[0]
    assert "fees: Fees, no versions (draft only)" in questions[1]
    qtbot.waitUntil(lambda: len(window.session.rows) == 1, timeout=20000)
    with Library.open(library) as lib:
        assert lib.draft_text("fees") == "Fees are $10.\n"


def test_a_document_that_does_not_say_its_title_is_asked_for_it(qtbot, make_window, prompts, library: Path,
                                                                tmp_path: Path) -> None:
    (tmp_path / "0001.md").write_text("Visitors sign in.\n", encoding="utf-8")
    window = make_window(library, rows=0)
    prompts.answer("choose_item", "One document...").answer("choose_file_to_open", tmp_path / "0001.md")
    prompts.answer("ask_text", "Visitors to Schools").answer("ask_yes_no", True)
    run_import(qtbot, window)
    assert "0001.md does not say which policy it is" in [t for m, t in prompts.asked if m == "ask_text"][0]
    qtbot.waitUntil(lambda: len(window.session.rows) == 1, timeout=20000)
    with Library.open(library) as lib:
        assert lib.policy("visitors-to-schools").title == "Visitors to Schools"
