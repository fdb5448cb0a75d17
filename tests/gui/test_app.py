"""The real main window on a real demo library (offscreen): open, type, see the
redline follow, save (a commit appears), record events, settings, first run.

The window asks through scripted prompts (conftest ``prompts``): each test
writes down the answers; dialogs of the application (event, settings, first
run) are real and filled in through their widgets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from app_helpers import commit_count, open_policy
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from policyeditor.gui.event_dialog import EventDialog
from policyeditor.gui.first_run import FirstRunDialog
from policyeditor.gui.settings_dialog import SettingsDialog


@pytest.fixture
def library(demo_path: Path) -> Path:
    return demo_path


@pytest.fixture
def window(make_window, library: Path):
    win = make_window(library)
    win.activateWindow()
    return win


def _to_end(win) -> None:
    cursor = win.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    win.editor.setTextCursor(cursor)
    win.editor.setFocus()


def test_the_list_shows_code_title_and_state_and_filters(qtbot, window) -> None:
    rows = {r.id: r for r in window.policy_list.model.rows()}
    assert rows["website-privacy"].code == "IJNDC"
    assert "first reading held" in rows["website-privacy"].state
    assert "in force" in rows["policy-adoption"].state
    window.policy_list.search.setText("ijndc")                 # a code
    assert window.policy_list.proxy.rowCount() == 1
    window.policy_list.search.setText("personally identifiable")  # words of the text
    ids = {window.policy_list.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
           for r in range(window.policy_list.proxy.rowCount())}
    assert "website-privacy" in ids and "policy-adoption" not in ids
    window.policy_list.search.clear()
    assert window.policy_list.proxy.rowCount() == 4


def test_open_recent_lists_the_library(window, library: Path) -> None:
    window.session.runner.wait_idle(20000)
    window._fill_recent_menu()
    assert str(library) in [a.text() for a in window.recent_menu.actions()]


def test_type_see_the_redline_update_and_save_a_commit(qtbot, window, library: Path) -> None:
    open_policy(qtbot, window, "website-privacy")
    assert window.windowTitle().startswith("Website Privacy Policy")
    assert not window.isWindowModified()
    before_summary = window.redline.summary.text()
    assert "Change class" in before_summary
    _to_end(window)
    qtbot.keyClicks(window.editor, " Zebra crossings are patrolled daily.")
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: "Zebra" in window.redline.browser.toHtml(), timeout=20000)
    assert window.redline.summary.text() != before_summary
    commits = commit_count(library)
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20000)
    assert window.session.runner.wait_idle(20000)
    assert commit_count(library) == commits + 1
    saved = (library / "policies" / "website-privacy" / "policy.md").read_text(encoding="utf-8")
    assert "Zebra crossings are patrolled daily." in saved.splitlines()[-1]
    assert saved == window.editor.text()


def test_open_and_save_without_changes_changes_no_byte(qtbot, window, library: Path) -> None:
    open_policy(qtbot, window, "website-privacy")
    draft = library / "policies" / "website-privacy" / "policy.md"
    before = draft.read_bytes()
    commits = commit_count(library)
    window.editor.document().setModified(True)    # as if touched: the conversion runs
    window.actions["save"].trigger()
    assert window.session.runner.wait_idle(20000)
    assert draft.read_bytes() == before
    assert commit_count(library) == commits


def test_ctrl_b_makes_the_selection_bold_in_the_draft(qtbot, window) -> None:
    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " Extra")
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 5)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.text().rstrip().endswith("**Extra**")
    assert window.actions["bold"].isChecked()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.text().rstrip().endswith("**Extra**")


def test_closing_with_unsaved_changes_asks(qtbot, window, prompts) -> None:
    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " unsaved")
    prompts.answer("ask_save_discard_cancel", "cancel")
    assert not window.close()
    assert window.isVisible() and "not saved" in prompts.asked[-1][1]
    prompts.answer("ask_save_discard_cancel", "discard")
    assert window.close()


def test_switching_policy_with_unsaved_changes_can_save_first(qtbot, window, library: Path,
                                                             prompts) -> None:
    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " Kept.")
    commits = commit_count(library)
    prompts.answer("ask_save_discard_cancel", "save")
    window.policy_list.select("student-records")
    qtbot.waitUntil(lambda: window.session.data is not None and window.session.data.policy.id == "student-records",
                    timeout=20000)
    assert window.session.runner.wait_idle(20000)
    assert commit_count(library) == commits + 1
    text = (library / "policies" / "policy-adoption" / "policy.md").read_text(encoding="utf-8")
    assert text.rstrip().endswith("Kept.")


def _record(window, prompts, event: str, when, version: int | None = None) -> None:
    """Record an event through the real event dialog, filled in as a user would."""
    def fill(dialog: EventDialog) -> None:
        dialog.event_box.setCurrentIndex(dialog.event_box.findData(event))
        if version is not None:
            dialog.version_box.setCurrentIndex(dialog.version_box.findData(version))
        dialog.set_when(when)
        assert not dialog.problems(), dialog.problems()
        dialog.accept()

    prompts.answer("run_dialog", fill)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)


def test_record_a_first_reading_and_an_adoption(qtbot, window, library: Path, prompts) -> None:
    open_policy(qtbot, window, "student-records")
    versions_before = len(window.session.data.policy.versions)
    today = window.session.data.today
    _record(window, prompts, "first_reading", today - timedelta(days=1))
    qtbot.waitUntil(lambda: len(window.session.data.policy.versions) == versions_before + 1, timeout=20000)
    new = window.session.data.policy.versions[-1]
    assert new.first_reading == today - timedelta(days=1)
    _record(window, prompts, "adopted", today, version=new.number)
    qtbot.waitUntil(lambda: window.session.data.policy.versions[-1].adopted == today, timeout=20000)
    tags = commit_tags(library)
    assert f"student-records/v{new.number}" in tags
    assert window.versions.model.rowCount() == versions_before + 1


def commit_tags(library: Path) -> list[str]:
    from app_helpers import git

    return git(library, "tag", "--list").split()


def test_settings_dialog_saves_name_and_email(qtbot, window, tmp_path: Path, prompts) -> None:
    def fill(dialog: SettingsDialog) -> None:
        dialog.name_edit.setText("Pat Clerk")
        dialog.email_edit.setText("not-an-address")
        assert dialog.problems()                     # refused in plain words
        dialog.email_edit.setText("pat@district.example")
        dialog.accept()

    prompts.answer("run_dialog", fill)
    window.actions["settings"].trigger()
    assert window.session.runner.wait_idle(20000)
    from policyeditor.store.usersettings import UserSettings

    saved = UserSettings.load()
    assert (saved.name, saved.email) == ("Pat Clerk", "pat@district.example")
    assert window.session.lib.author.email == "pat@district.example"
    assert str(window.session.lib.path) in saved.recent


def test_first_run_offers_the_demo_and_creates_it(qtbot, make_window, prompts, data_dir: Path) -> None:
    prompts.answer("run_dialog", lambda d: d.buttons["open_demo"].click())
    win = make_window()
    qtbot.waitUntil(lambda: win.session.lib is not None, timeout=60000)
    qtbot.waitUntil(lambda: len(win.policy_list.model.rows()) == 4, timeout=30000)
    assert ("run_dialog", "FirstRunDialog") in prompts.asked
    assert (data_dir / "demo-library" / "library.toml").is_file()
    assert win.session.runner.wait_idle(20000)


def test_every_action_has_text_and_the_standard_shortcuts(window) -> None:
    actions = window.actions
    assert all(a.text() for a in actions.values())
    assert actions["save"].shortcut().toString() == "Ctrl+S"
    assert actions["undo"].shortcut().toString() == "Ctrl+Z"
    assert actions["find"].shortcut().toString() == "Ctrl+F"
    assert actions["export_packet"].shortcut().toString() == "Ctrl+P"
    shortcuts = [a.shortcut().toString() for a in actions.values() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert window.editor.accessibleName() and window.policy_list.view.accessibleName()


def test_ctrl_p_exports_the_packet_with_its_memo(qtbot, window, tmp_path: Path, prompts) -> None:
    from pypdf import PdfReader

    target = tmp_path / "out" / "packet.pdf"
    target.parent.mkdir()
    prompts.answer("choose_file_to_save", target)
    open_policy(qtbot, window, "website-privacy")
    from datetime import date

    window.memo.set_meeting_date(date(2027, 1, 14))       # the meeting's date, picked in the memo panel
    exporter = window.exports.exporter
    with qtbot.waitSignal(exporter.finished, timeout=120000):
        qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert prompts.asked[-1] == ("choose_file_to_save", "Export the packet as PDF")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "January 14, 2027" in text
    assert "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE" in text
    assert "align the policy" in text                          # the memo's description
    assert "Website Privacy Policy" in text
    exporter.done_box.close()


def test_an_effective_date_ten_days_after_posting_is_refused_with_the_earliest(qtbot, window,
                                                                              prompts) -> None:
    open_policy(qtbot, window, "student-records")
    today = window.session.data.today
    _record(window, prompts, "first_reading", today - timedelta(days=3))
    qtbot.waitUntil(lambda: window.session.data.policy.versions[-1].first_reading is not None
                    and window.session.data.policy.versions[-1].adopted is None, timeout=20000)
    number = window.session.data.policy.versions[-1].number
    _record(window, prompts, "adopted", today - timedelta(days=2), version=number)
    _record(window, prompts, "posted", today - timedelta(days=1), version=number)
    qtbot.waitUntil(lambda: window.session.data.policy.versions[-1].posted == today - timedelta(days=1),
                    timeout=20000)
    seen: dict = {}

    def try_too_early(dialog: EventDialog) -> None:
        dialog.event_box.setCurrentIndex(dialog.event_box.findData("effective"))
        dialog.version_box.setCurrentIndex(dialog.version_box.findData(number))
        dialog.set_when(today + timedelta(days=9))          # 10 days after the posting
        seen["problems"] = dialog.problems()
        seen["earliest"] = dialog.earliest()
        seen["button"] = dialog.earliest_button.isVisible() and dialog.earliest_button.text()
        dialog.reject()

    prompts.answer("run_dialog", try_too_early)
    window.actions["record_event"].trigger()
    assert seen["problems"] and "30" in " ".join(seen["problems"])
    assert seen["earliest"] == today - timedelta(days=1) + timedelta(days=30)
    assert seen["button"]
    assert window.session.data.policy.versions[-1].effective is None     # nothing recorded


def test_no_command_and_gui_demo_open_the_window(qtbot, data_dir: Path, library: Path) -> None:
    """The GUI command runs until its window closes, even while another
    top-level window is shown (a bare window once kept ``app.exec()`` running)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from policyeditor import cli
    from policyeditor.gui.mainwindow import MainWindow
    from policyeditor.store.usersettings import UserSettings

    other = MainWindow(UserSettings())       # shown all along, never closed by the command
    qtbot.addWidget(other)
    other.show()
    opened: list[str] = []

    def close_when_ready(left: int = 1500) -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and w is not other]
        ready = [w for w in windows if w.session.lib is not None and w.session.rows]
        if ready:
            opened.append(str(ready[0].session.lib.path))
            ready[0].close()
        elif left:
            QTimer.singleShot(20, lambda: close_when_ready(left - 1))

    QTimer.singleShot(0, close_when_ready)
    assert cli.main(["--library", str(library)]) == 0            # no command: the GUI
    QTimer.singleShot(0, close_when_ready)
    assert cli.main(["gui", "--demo"]) == 0
    assert opened == [str(library), str(data_dir / "demo-library")]
    assert other.isVisible()


def test_new_policy_is_created_opened_and_a_bad_id_refused(qtbot, window, library: Path, prompts) -> None:
    prompts.answer("ask_text", "Bus Safety").answer("ask_text", lambda suggested: suggested + "!")
    window.actions["new_policy"].trigger()
    assert prompts.asked[-1][0] == "ask_text" and "lowercase" in prompts.asked[-1][1]
    errors = prompts.take_errors()
    assert len(errors) == 1 and "lowercase" in errors[0].lower()      # refused in plain words
    assert not (library / "policies" / "bus-safety").exists()
    prompts.answer("ask_text", "Bus Safety").answer("ask_text", lambda suggested: suggested)
    window.actions["new_policy"].trigger()
    session = window.session
    qtbot.waitUntil(lambda: session.data is not None and session.data.policy.id == "bus-safety", timeout=20000)
    assert session.data.policy.title == "Bus Safety"
    assert (library / "policies" / "bus-safety" / "policy.toml").is_file()
    assert window.policy_list.selected_id() == "bus-safety"


def test_save_with_a_message_and_the_busy_indicator(qtbot, window, library: Path, prompts) -> None:
    from app_helpers import git

    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " Noted.")
    busy: list[bool] = []
    window.session.runner.busy_changed.connect(busy.append)
    prompts.answer("ask_multiline", "  Clarify the review clause\n")
    window.actions["save_with_message"].trigger()
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20000)
    assert window.session.runner.wait_idle(20000)
    assert busy[0] is True and busy[-1] is False
    assert git(library, "log", "-1", "--format=%B").strip() == "Clarify the review clause"


def test_save_with_a_message_cancelled_saves_nothing(qtbot, window, library: Path, prompts) -> None:
    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " Noted.")
    commits = commit_count(library)
    prompts.answer("ask_multiline", None)
    window.actions["save_with_message"].trigger()
    assert window.session.runner.wait_idle(20000)
    assert commit_count(library) == commits and window.isWindowModified()


def test_a_chosen_comparison_survives_a_save(qtbot, window) -> None:
    open_policy(qtbot, window, "acceptable-use")
    box = window.redline.base_box
    numbers = [box.itemData(i) for i in range(box.count())]
    assert len(numbers) >= 2
    older = min(numbers)
    box.setCurrentIndex(box.findData(older))
    box.activated.emit(box.currentIndex())
    assert window.session.runner.wait_idle(20000)
    summary = window.redline.summary.text()
    _to_end(window)
    qtbot.keyClicks(window.editor, " Saved once.")
    window.actions["save"].trigger()
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20000)
    assert window.session.runner.wait_idle(20000)
    assert window.redline.base_number() == older
    assert window.redline.summary.text() != summary


def test_closing_waits_for_a_running_save_and_ends_the_worker(qtbot, window, library: Path) -> None:
    from policyeditor.gui.recovery import RecoveryFile

    open_policy(qtbot, window, "policy-adoption")
    _to_end(window)
    qtbot.keyClicks(window.editor, " Closed at once.")
    commits = commit_count(library)
    window.actions["save"].trigger()          # the commit runs in the worker ...
    window.close()                            # ... and closing waits for it, asking nothing
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert commit_count(library) == commits + 1
    assert not window.session.runner.is_busy()
    assert window.session.runner._serial_pool.activeThreadCount() == 0   # no worker outlives the window
    assert not RecoveryFile(library).path.exists()


def test_the_memo_follows_the_chosen_version_and_is_saved_as_a_commit(qtbot, window, library: Path) -> None:
    from policyeditor.store import Library

    open_policy(qtbot, window, "website-privacy")
    with Library.open(library) as lib:
        policy = lib.policy("website-privacy")
    assert window.versions.selected_version() == 2
    assert window.memo.recommendation_edit.toPlainText() == policy.version(2).memo.recommendation
    window.versions.select_version(1)
    assert window.memo.recommendation_edit.toPlainText() == policy.version(1).memo.recommendation
    window.versions.select_version(2)
    commits = commit_count(library)
    window.memo.description_edit.setPlainText("Aligns the policy with the records law.")
    qtbot.mouseClick(window.memo.save_button, Qt.MouseButton.LeftButton)
    assert window.session.runner.wait_idle(20000)
    assert commit_count(library) == commits + 1
    with Library.open(library) as lib:
        assert lib.policy("website-privacy").version(2).memo.description == "Aligns the policy with the records law."
    assert not window.memo.is_modified() and window.versions.selected_version() == 2


def test_district_details_are_written_and_shown(qtbot, window, library: Path, prompts) -> None:
    def rename(dialog) -> None:
        dialog.district_edit.setText("Springfield Public Schools")
        dialog.accept()

    open_policy(qtbot, window, "website-privacy")
    prompts.answer("run_dialog", rename)
    window.actions["district"].trigger()
    assert window.session.runner.wait_idle(20000)
    assert 'district = "Springfield Public Schools"' in (library / "library.toml").read_text(encoding="utf-8")
    assert window.windowTitle().endswith("Springfield Public Schools \u2014 policyeditor")
