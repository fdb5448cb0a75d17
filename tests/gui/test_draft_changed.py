"""Issue 11 in the window: a save never silently overwrites a draft saved elsewhere
(the command line, another workstation) since the window loaded it. The window
shows both texts as a redline and asks: keep mine, take theirs, or cancel. What
the crash recovery repaired on opening a library is said too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app_helpers import commit_count, open_policy
from PySide6.QtGui import QTextCursor

from policyeditor.store import Library

PID = "website-privacy"
ROOT = Path(__file__).resolve().parents[2]


def _type(window, text: str) -> None:
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText(text)


def _cli_save(path: Path, extra: str) -> str:
    with Library.open(path) as lib:
        text = lib.draft_text(PID) + extra
        lib.save_draft(PID, text, "saved on the command line")
    return text


def _save_and_answer(qtbot, window, prompts, answer: str | None) -> str:
    seen: dict = {}

    def choose(detail: str):
        seen["detail"] = detail
        return answer

    prompts.answer("ask_choice", choose)
    window.actions["save"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: "detail" in seen, timeout=20000)
    assert window.session.runner.wait_idle(20000)
    return seen["detail"]


def test_cancel_keeps_both_and_shows_the_redline(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    theirs = _cli_save(demo_path, "\nA paragraph from the command line.\n")
    _type(window, "\n\nA paragraph typed in the window.")
    commits = commit_count(demo_path)
    detail = _save_and_answer(qtbot, window, prompts, None)
    assert "command line" in detail and "typed in the window" in detail   # the redline, both sides
    assert commit_count(demo_path) == commits
    with Library.open(demo_path) as lib:
        assert lib.draft_text(PID) == theirs                               # nothing overwritten
    assert window.editor.is_modified() and "typed in the window" in window.editor.text()


def test_keep_mine_overwrites_knowingly(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    _cli_save(demo_path, "\nA paragraph from the command line.\n")
    _type(window, "\n\nA paragraph typed in the window.")
    _save_and_answer(qtbot, window, prompts, "mine")
    qtbot.waitUntil(lambda: not window.editor.is_modified(), timeout=20000)
    with Library.open(demo_path) as lib:
        text = lib.draft_text(PID)
    assert "typed in the window" in text and "from the command line" not in text


def test_take_theirs_reloads_their_text(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    theirs = _cli_save(demo_path, "\nA paragraph from the command line.\n")
    _type(window, "\n\nA paragraph typed in the window.")
    commits = commit_count(demo_path)
    _save_and_answer(qtbot, window, prompts, "theirs")
    qtbot.waitUntil(lambda: not window.editor.is_modified(), timeout=20000)
    assert window.editor.text() == theirs
    assert commit_count(demo_path) == commits
    # the next save starts from their text: no question any more
    _type(window, "\n\nAfter taking theirs.")
    window.actions["save"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: not window.editor.is_modified(), timeout=20000)
    with Library.open(demo_path) as lib:
        text = lib.draft_text(PID)
    assert "from the command line" in text and "After taking theirs." in text


def test_an_unchanged_editor_follows_a_save_made_elsewhere(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    theirs = _cli_save(demo_path, "\nA paragraph from the command line.\n")
    window.session.refresh()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: window.editor.text() == theirs, timeout=20000)
    assert not window.editor.is_modified()


KILLED_SAVE = """
import os, signal, sys
import policyeditor.store.gitrepo as gitrepo
from policyeditor.cli import main
gitrepo.GitRepo.commit = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
raise SystemExit(main(sys.argv[1:]))
"""


def test_what_recovery_repaired_is_said_on_opening(qtbot, make_window, prompts, demo_path: Path) -> None:
    new = demo_path.parent / "new.md"
    new.write_text("A save that was killed.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILLED_SAVE, "--library", str(demo_path), "save", PID,
                             str(new)], env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9
    window = make_window(demo_path)
    assert any("was undone" in w for w in prompts.warnings), prompts.warnings
    assert "was undone" in window.statusBar().currentMessage() or window.session.lib.repairs


def test_a_reading_waits_for_its_save_and_a_refused_save_reads_nothing(qtbot, make_window, prompts,
                                                                      demo_path: Path) -> None:
    from policyeditor.gui.event_dialog import EventDialog

    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    _cli_save(demo_path, "\nA paragraph from the command line.\n")
    _type(window, "\n\nA paragraph typed in the window.")
    commits = commit_count(demo_path)

    def read_first(dialog: EventDialog) -> None:
        dialog.event_box.setCurrentIndex(dialog.event_box.findData("first_reading"))
        dialog.accept()

    prompts.answer("run_dialog", read_first).answer("ask_yes_no", False)   # keep version 2 pending
    seen: dict = {}
    prompts.answer("ask_choice", lambda detail: seen.setdefault("detail", detail) and None)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: "detail" in seen, timeout=20000)
    assert window.session.runner.wait_idle(20000)
    assert commit_count(demo_path) == commits                    # no save, no reading
    with Library.open(demo_path) as lib:
        assert len(lib.policy(PID).versions) == 2
