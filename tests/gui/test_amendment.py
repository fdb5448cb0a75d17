"""Rule 10 in the window: adopting a text changed since its first reading shows the
amendment and asks; No records nothing, Yes records the adoption as amended."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import answer_next_box, commit_count, open_policy, with_next_dialog
from PySide6.QtWidgets import QMessageBox

from policyeditor.gui.app import build_window
from policyeditor.gui.event_dialog import EventDialog
from policyeditor.store import Library

pytestmark = pytest.mark.usefixtures("no_unanswered_dialogs")
PID = "website-privacy"


@pytest.fixture
def window(qtbot, demo_path: Path, data_dir: Path):
    with Library.open(demo_path) as lib:
        lib.save_draft(PID, lib.draft_text(PID) + "\nAmended at the second reading.\n")
    win = build_window(library=str(demo_path))
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: len(win.policy_list.model.rows()) == 4, timeout=30000)
    assert win.runner.wait_idle(20000)
    yield win
    win.editor.document().setModified(False)
    win.close()
    win.deleteLater()


def _adopt(window, answer, seen: list) -> None:
    today = window.data.today

    def fill(dialog: EventDialog) -> None:
        dialog.event_box.setCurrentIndex(dialog.event_box.findData("adopted"))
        dialog.version_box.setCurrentIndex(dialog.version_box.findData(2))
        dialog.set_when(today)
        assert not dialog.problems(), dialog.problems()
        dialog.accept()

    with_next_dialog(EventDialog, fill)
    answer_next_box(answer, seen)
    window.record_event()
    assert window.runner.wait_idle(20000)


def test_the_window_shows_the_amendment_and_asks(qtbot, window, demo_path: Path) -> None:
    open_policy(qtbot, window, PID)
    assert "{+Amended at the second reading.+}" in window.data.amendment
    commits = commit_count(demo_path)
    seen: list = []
    _adopt(window, QMessageBox.StandardButton.No, seen)
    assert "{+Amended at the second reading.+}" in seen[0]
    assert commit_count(demo_path) == commits and window.data.policy.version(2).adopted is None
    seen.clear()
    _adopt(window, QMessageBox.StandardButton.Yes, seen)
    qtbot.waitUntil(lambda: window.data.policy.version(2).adopted is not None, timeout=20000)
    v2 = window.data.policy.version(2)
    assert v2.read_sha256 and v2.read_sha256 != v2.text_sha256
