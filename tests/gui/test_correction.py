"""Corrections in the window (issue 13): Correct... on the versions panel records a
correction (the right date and a reason) as its own record; the versions panel
shows the corrected date with the correction in its tooltip; a correction that
breaks a rule is refused with a sentence and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app_helpers import commit_count, open_policy
from PySide6.QtCore import Qt

from policyeditor.gui.event_dialog import CorrectionDialog
from policyeditor.store import Library

PID = "acceptable-use"


def _correct(window, prompts, event: str, when, reason: str) -> None:
    def fill(dialog: CorrectionDialog) -> None:
        assert dialog.version_number() == 2
        dialog.event_box.setCurrentIndex(dialog.event_box.findData(event))
        dialog.set_when(when)
        dialog.reason_edit.setPlainText(reason)
        dialog.accept()

    prompts.answer("run_dialog", fill)
    window.versions.select_version(2)
    window.actions["correct_event"].trigger()
    assert window.session.runner.wait_idle(20000)


def test_a_correction_is_recorded_and_shown_in_the_history(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    assert window.actions["correct_event"] in window.versions.view.actions()   # on the panel too
    old = window.session.data.policy.version(2).adopted
    new = old + timedelta(days=1)
    commits = commit_count(demo_path)
    _correct(window, prompts, "adopted", new, "The minutes give the next day.")
    qtbot.waitUntil(lambda: window.session.data.policy.version(2).adopted == new, timeout=20000)
    assert commit_count(demo_path) == commits + 1
    model = window.versions.model
    index = model.index(model.row_of(2), 4)                     # the Adopted column
    assert "corrected" in model.data(index, Qt.DisplayRole)
    tip = model.data(index, Qt.ToolTipRole)
    assert str(old) in tip and str(new) in tip and "The minutes give the next day." in tip
    with Library.open(demo_path) as lib:
        (c,) = lib.policy(PID).version(2).corrections
        assert (c.old, c.new) == (old, new)


def test_a_correction_breaking_a_rule_is_refused(qtbot, make_window, prompts, demo_path: Path) -> None:
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    v2 = window.session.data.policy.version(2)
    commits = commit_count(demo_path)
    _correct(window, prompts, "adopted", v2.first_reading - timedelta(days=3), "Typed earlier.")
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    assert "is refused" in prompts.take_errors()[0]
    assert commit_count(demo_path) == commits
