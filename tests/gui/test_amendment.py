"""Rule 10 in the window: adopting a text changed since its first reading shows the
amendment and asks; No records nothing, Yes records the adoption as amended."""

from __future__ import annotations

from pathlib import Path

from app_helpers import commit_count, open_policy

from policyeditor.gui.event_dialog import EventDialog
from policyeditor.store import Library

PID = "website-privacy"


def _adopt(window, prompts, answer: bool) -> None:
    today = window.session.data.today

    def fill(dialog: EventDialog) -> None:
        dialog.event_box.setCurrentIndex(dialog.event_box.findData("adopted"))
        dialog.version_box.setCurrentIndex(dialog.version_box.findData(2))
        dialog.set_when(today)
        assert not dialog.problems(), dialog.problems()
        dialog.accept()

    prompts.answer("run_dialog", fill).answer("ask_yes_no", answer)
    window.actions["record_event"].trigger()
    assert window.session.runner.wait_idle(20000)


def test_the_window_shows_the_amendment_and_asks(qtbot, make_window, prompts, demo_path: Path) -> None:
    with Library.open(demo_path) as lib:
        lib.save_draft(PID, lib.draft_text(PID) + "\nAmended at the second reading.\n")
    window = make_window(demo_path)
    open_policy(qtbot, window, PID)
    assert "{+Amended at the second reading.+}" in window.session.data.amendment
    commits = commit_count(demo_path)
    _adopt(window, prompts, False)
    question = [text for method, text in prompts.asked if method == "ask_yes_no"][-1]
    assert "{+Amended at the second reading.+}" in question and "([-removed-] {+added+})" in question
    assert commit_count(demo_path) == commits
    assert window.session.data.policy.version(2).adopted is None
    _adopt(window, prompts, True)
    qtbot.waitUntil(lambda: window.session.data.policy.version(2).adopted is not None, timeout=20000)
    v2 = window.session.data.policy.version(2)
    assert v2.read_sha256 and v2.read_sha256 != v2.text_sha256
