"""The version lifecycle in the window (issue 13): a double-click on a version's row
opens the event dialog on that version's next step; a new reading while an older
version is still pending offers to withdraw it; a reading of the text in force is
refused with a sentence."""

from __future__ import annotations

from pathlib import Path

from app_helpers import commit_count, open_policy
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from policyeditor.gui.event_dialog import EventDialog, next_event
from policyeditor.store import Library

PID = "website-privacy"


def _double_click_row(qtbot, window, row: int) -> None:
    view = window.versions.view
    window.show_versions()
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_opens_the_versions_next_step(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    seen = []

    def look(dialog: EventDialog) -> None:
        seen.append((dialog.chosen_event(), dialog.version_number()))
        dialog.reject()

    commits = commit_count(demo_path)
    prompts.answer("run_dialog", look).answer("run_dialog", look)
    _double_click_row(qtbot, window, 1)      # version 2: first reading held
    _double_click_row(qtbot, window, 0)      # version 1: legacy, in force
    assert seen == [("second_reading", 2), ("reviewed", 1)]
    assert commit_count(demo_path) == commits


def test_next_steps_follow_the_process() -> None:
    from datetime import date

    from policyeditor.core.versions import Version

    d = date(2018, 5, 1)
    assert next_event(Version(1, first_reading=d)) == "second_reading"
    assert next_event(Version(1, first_reading=d, second_reading=d)) == "adopted"
    assert next_event(Version(1, first_reading=d, adopted=d)) == "posted"
    assert next_event(Version(1, first_reading=d, adopted=d, posted=d)) == "effective"
    assert next_event(Version(1, first_reading=d, adopted=d, posted=d, effective=d)) == "reviewed"
    assert next_event(Version(1, first_reading=d, withdrawn=d)) is None


def _type(window, text: str) -> None:
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText(text)


def _read_first(dialog: EventDialog) -> None:
    dialog.event_box.setCurrentIndex(dialog.event_box.findData("first_reading"))
    assert dialog.version_number() is None
    assert not dialog.problems(), dialog.problems()
    dialog.accept()


def test_a_new_reading_offers_to_withdraw_the_older_pending_version(qtbot, make_window, prompts,
                                                                     demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    _type(window, "\n\nA third text, read instead of the second.")
    prompts.answer("run_dialog", _read_first).answer("ask_yes_no", True)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: len(window.session.data.policy.versions) == 3, timeout=20000)
    question = [t for m, t in prompts.asked if m == "ask_yes_no"][-1]
    assert "Version 2" in question and "withdraw" in question.lower()
    policy = window.session.data.policy
    assert policy.version(2).withdrawn == window.session.data.today
    assert policy.version(3).first_reading == window.session.data.today


def test_no_keeps_the_older_version_pending(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    _type(window, "\n\nA third text.")
    prompts.answer("run_dialog", _read_first).answer("ask_yes_no", False)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: len(window.session.data.policy.versions) == 3, timeout=20000)
    assert window.session.data.policy.version(2).withdrawn is None


def test_a_reading_of_the_text_in_force_is_refused(qtbot, make_window, prompts, demo_path: Path) -> None:
    with Library.open(demo_path) as lib:
        lib.record_event(PID, "withdrawn", lib.today(), version=2)
        lib.save_draft(PID, lib.version_text(PID, 1))
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    commits = commit_count(demo_path)
    prompts.answer("run_dialog", _read_first)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    assert "same text as version 1" in prompts.take_errors()[0]
    assert commit_count(demo_path) == commits
