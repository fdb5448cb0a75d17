"""Who is working (issue 13): on a first run (no name and e-mail in the settings) the
window asks for them before anything is written; the commit is by that person, the
status bar says who saved, and a DOCX redline's tracked changes carry the name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app_helpers import git, open_policy
from PySide6.QtGui import QTextCursor

from policyeditor.gui.settings_dialog import IdentityDialog
from policyeditor.store.usersettings import UserSettings

PID = "website-privacy"


def _identify(dialog: IdentityDialog) -> None:
    assert not dialog.ok_button.isEnabled()              # both are needed
    dialog.name_edit.setText("Pat Clerk")
    dialog.email_edit.setText("not an address")
    assert not dialog.ok_button.isEnabled() and "e-mail" in dialog.problem.text()
    dialog.email_edit.setText("pat@district.org")
    assert dialog.ok_button.isEnabled()
    dialog.accept()


def test_first_run_asks_who_is_working_and_commits_use_it(qtbot, make_window, prompts, demo_path: Path,
                                                         tmp_path: Path) -> None:
    window = make_window(demo_path, identity=False)
    open_policy(qtbot, window, PID)
    _type(window, "\n\nA sentence by Pat.")
    prompts.answer("run_dialog", _identify)
    window.actions["save"].trigger()
    assert ("run_dialog", "IdentityDialog") in prompts.asked
    assert window.session.runner.wait_idle(20000)
    settings = UserSettings.load()
    assert (settings.name, settings.email) == ("Pat Clerk", "pat@district.org")
    qtbot.waitUntil(lambda: not window.editor.is_modified(), timeout=20000)
    assert git(demo_path, "log", "-1", "--format=%an <%ae>").strip() == "Pat Clerk <pat@district.org>"
    assert "Pat Clerk" in window.statusBar().currentMessage()
    from policyeditor.ops.redline import write_policy_redline

    out = tmp_path / "redline.docx"
    write_policy_redline(window.session.lib, PID, out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert 'w:author="Pat Clerk"' in xml


def _type(window, text: str) -> None:
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText(text)


def test_a_user_who_declines_is_told_and_not_asked_again_this_session(qtbot, make_window, prompts,
                                                                      demo_path: Path) -> None:
    window = make_window(demo_path, identity=False)
    open_policy(qtbot, window, PID)
    prompts.answer("run_dialog", lambda d: d.reject())
    for n in range(2):
        _type(window, f"\n\nSentence {n}.")
        window.actions["save"].trigger()
        assert window.session.runner.wait_idle(20000)
        qtbot.waitUntil(lambda: not window.editor.is_modified(), timeout=20000)
    assert UserSettings.load().name == ""
    assert [m for m, t in prompts.asked if t == "IdentityDialog"] == ["run_dialog"]   # asked once
