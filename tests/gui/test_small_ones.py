"""The small ones of issue 13, each through the real window or dialog."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from app_helpers import open_policy
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QToolBar

from policyeditor.gui.event_dialog import EventDialog, core_preview

PID = "website-privacy"


def test_after_the_earliest_date_enter_records(qtbot, posted_demo) -> None:
    policy = posted_demo.policy(PID)
    today = posted_demo.today()
    preview = core_preview(policy, posted_demo.rule_context(PID))
    dialog = EventDialog(policy, today, preview, event="effective", version=2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_when(policy.version(2).posted + timedelta(days=3))
    assert dialog.earliest() is not None and dialog.earliest_button.isVisible()
    record_text = dialog.record_label.text()
    dialog.earliest_button.setFocus()
    qtbot.mouseClick(dialog.earliest_button, Qt.MouseButton.LeftButton)
    assert not dialog.problems()
    assert dialog.focusWidget() is dialog.ok_button and dialog.ok_button.isDefault()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.result() == EventDialog.DialogCode.Accepted
    assert dialog.request().when == dialog.when()
    assert record_text.startswith("On record")


def test_the_on_record_line_is_never_clipped(qtbot, posted_demo) -> None:
    policy = posted_demo.policy(PID)
    preview = core_preview(policy, posted_demo.rule_context(PID))
    dialog = EventDialog(policy, posted_demo.today(), preview, event="effective", version=2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_when(policy.version(2).posted + timedelta(days=3))   # the earliest-date button shows
    QApplication.processEvents()
    for label in (dialog.record_label, dialog.checks_label):
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_find_bars_not_found_is_cleared_when_the_text_changes(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    window.actions["find"].trigger()
    bar = window.find_bar
    qtbot.keyClicks(bar.find_edit, "zzzz-nowhere")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.status.text() == "Not found"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Backspace)
    assert bar.status.text() == ""


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def test_each_menus_mnemonics_are_unique(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    for top in window.menuBar().actions():
        letters = [_mnemonic(a.text()) for a in top.menu().actions() if a.text()]
        assert all(letters), (top.text(), letters)
        assert len(set(letters)) == len(letters), (top.text(), [a.text() for a in top.menu().actions()])


def test_every_toolbar_action_has_text_and_a_tooltip(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if action.isSeparator():
                continue
            assert action.text().replace("&", "").strip(), action.objectName()
            assert action.toolTip().strip() and action.toolTip() != action.text(), action.objectName()


def test_saved_stays_in_the_status_bar(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText("\n\nOne more sentence.")
    window.actions["save"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved"), timeout=20000)
    qtbot.wait(1500)
    assert window.session.runner.wait_idle(20000)
    assert window.statusBar().currentMessage().startswith("Saved")


def test_memo_fields_show_the_default_wording(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    window.versions.select_version(2)
    memo = window.memo
    for edit in (memo.recommendation_edit, memo.description_edit, memo.supporting_edit):
        edit.clear()                 # an empty field shows what the memo will print instead
        assert edit.placeholderText().startswith("Printed when left empty: ")
        assert len(edit.placeholderText()) > len("Printed when left empty: ") + 5
    assert "Website Privacy" in memo.recommendation_edit.placeholderText()


def test_size_splitters_and_last_policy_are_remembered(qtbot, make_window, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    window.resize(760, 560)
    window.splitters["main"].setSizes([250, 500])
    qtbot.wait(50)
    size, sizes = window.size(), window.splitters["main"].sizes()
    window.close()
    again = make_window(demo_path)
    qtbot.waitUntil(lambda: again.session.data is not None and again.session.data.policy.id == PID,
                    timeout=20000)
    assert again.size() == size
    assert again.splitters["main"].sizes() == sizes


def test_the_new_dialogs_have_distinct_mnemonics(qtbot, posted_demo) -> None:
    from test_mnemonics import assert_unique, control_texts, mnemonics

    from policyeditor.gui.event_dialog import CorrectionDialog
    from policyeditor.gui.settings_dialog import IdentityDialog

    for dialog in (CorrectionDialog(posted_demo.policy(PID), 2, posted_demo.today()), IdentityDialog()):
        qtbot.addWidget(dialog)
        found = mnemonics(control_texts(dialog))
        assert len(found) >= 2, type(dialog).__name__
        assert_unique(found)
