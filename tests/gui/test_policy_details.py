"""Policy > Policy Details...: title, code, review cycle and the policy's own
notice period, edited in the real dialog, saved as one commit in the worker,
refusals shown as a sentence with nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import commit_count, git, open_policy

from policyeditor.core.versions import Policy
from policyeditor.gui.policy_dialog import PolicyDialog
from policyeditor.store import Library

PID = "website-privacy"


@pytest.fixture
def window(make_window, demo_path: Path, qtbot):
    win = make_window(demo_path)
    open_policy(qtbot, win, PID)
    return win


def details(dialog: PolicyDialog, *, title=None, code=None, months=None, notice=None, own=None) -> None:
    if title is not None:
        dialog.title_edit.setText(title)
    if code is not None:
        dialog.code_edit.setText(code)
    if months is not None:
        dialog.review_spin.setValue(months)
    if own is not None:
        dialog.own_notice_box.setChecked(own)
    if notice is not None:
        dialog.notice_spin.setValue(notice)
    dialog.accept()


def test_details_are_saved_as_one_commit_and_shown(qtbot, window, prompts, demo_path: Path) -> None:
    commits = commit_count(demo_path)
    assert window.session.data.notice_days == 30
    prompts.answer("run_dialog", lambda d: details(d, title="Website  Privacy", code="IJNDC-R", months=36,
                                                   own=True, notice=45))
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: window.session.data.policy.title == "Website Privacy", timeout=20000)
    with Library.open(demo_path) as lib:
        policy = lib.policy(PID)
    assert (policy.title, policy.code, policy.review_months, policy.notice_days) == \
        ("Website Privacy", "IJNDC-R", 36, 45)
    assert commit_count(demo_path) == commits + 1
    assert "Update the details of Website Privacy" in git(demo_path, "log", "-1", "--format=%s")
    assert window.session.data.notice_days == 45                  # the rules now use the policy's own
    assert window.windowTitle().startswith("Website Privacy")
    row = next(r for r in window.policy_list.model.rows() if r.id == PID)
    assert (row.code, row.title) == ("IJNDC-R", "Website Privacy")
    assert window.statusBar().currentMessage() in ("Saved the details of Website Privacy.", "4 policies")


def test_the_own_notice_period_can_be_dropped_again(qtbot, window, prompts, demo_path: Path) -> None:
    prompts.answer("run_dialog", lambda d: details(d, own=True, notice=60))
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: window.session.data.notice_days == 60, timeout=20000)

    def check_and_drop(dialog: PolicyDialog) -> None:
        assert dialog.own_notice_box.isChecked() and dialog.notice_spin.value() == 60
        details(dialog, own=False)

    prompts.answer("run_dialog", check_and_drop)
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: window.session.data.notice_days == 30, timeout=20000)   # the library's again
    with Library.open(demo_path) as lib:
        assert lib.policy(PID).notice_days is None


def test_nothing_changed_writes_nothing(qtbot, window, prompts, demo_path: Path) -> None:
    commits = commit_count(demo_path)
    prompts.answer("run_dialog", lambda d: d.accept())
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    assert commit_count(demo_path) == commits
    assert window.statusBar().currentMessage() == "Nothing was changed."


def test_cancel_writes_nothing(qtbot, window, prompts, demo_path: Path, state_of) -> None:
    before = state_of(demo_path)
    prompts.answer("run_dialog", lambda d: (d.title_edit.setText("Other"), d.reject()))
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    assert state_of(demo_path) == before


def test_a_busy_library_is_a_sentence_and_nothing_changes(qtbot, window, prompts, demo_path: Path,
                                                          state_of) -> None:
    lock = Path(git(demo_path, "rev-parse", "--absolute-git-dir").strip()) / "index.lock"
    lock.write_text("")                       # another program is writing
    before = state_of(demo_path)
    prompts.answer("run_dialog", lambda d: details(d, code="IJNDC-X"))
    window.actions["policy_details"].trigger()
    assert window.session.runner.wait_idle(20000)
    errors = prompts.take_errors()
    assert len(errors) == 1 and errors[0].startswith("Another program is writing to the library")
    assert "Traceback" not in errors[0]
    assert state_of(demo_path) == before
    assert window.session.data.policy.code == "IJNDC"
    lock.unlink()


def test_details_need_an_open_policy(make_window, demo_path: Path) -> None:
    win = make_window(demo_path)
    assert not win.actions["policy_details"].isEnabled()
    assert win.actions["policy_details"] in win.menus["policy"].actions()


def test_the_dialog_gives_only_what_changed_and_needs_a_title(qtbot) -> None:
    policy = Policy("p", "Bus Safety", code="EEAEC", review_months=None, notice_days=None)
    dialog = PolicyDialog(policy, 30)
    qtbot.addWidget(dialog)
    assert not dialog.own_notice_box.isChecked() and dialog.notice_spin.value() == 30
    assert not dialog.notice_spin.isEnabled()
    assert dialog.changes() == {}
    dialog.title_edit.setText("   ")
    assert dialog.problems() and not dialog.ok_button.isEnabled()
    dialog.title_edit.setText(" Bus  Safety ")
    assert dialog.ok_button.isEnabled() and dialog.changes() == {}
    dialog.review_spin.setValue(24)
    dialog.own_notice_box.setChecked(True)
    assert dialog.notice_spin.isEnabled()
    dialog.notice_spin.setValue(14)
    dialog.code_edit.setText("")
    assert dialog.changes() == {"code": "", "review_months": 24, "notice_days": 14}
    with_own = PolicyDialog(Policy("p", "Bus Safety", review_months=12, notice_days=14), 30)
    qtbot.addWidget(with_own)
    with_own.review_spin.setValue(0)
    with_own.own_notice_box.setChecked(False)
    assert with_own.changes() == {"review_months": 0, "notice_days": -1}
