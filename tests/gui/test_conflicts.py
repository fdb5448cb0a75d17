"""Policy > Resolve Conflict, offscreen, on a demo library shared through a real bare remote.

Two workstations change the same paragraph; the window's sync goes through and marks the
policy "conflict" in the list; the conflict view shows each side of the passage as a redline
and saves the clerk's choice per passage (in the worker, through the Session).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import git, open_policy
from PySide6.QtWidgets import QTextBrowser

from policyeditor.store import Author, Library, conflicts
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync

POLICY = "website-privacy"


@pytest.fixture
def shared_library(demo_path: Path, shared: Path) -> Path:
    with Library.open(demo_path) as lib:
        set_remote(lib, str(shared))
        sync(lib)
    return demo_path


@pytest.fixture
def other(shared_library: Path, shared: Path, tmp_path: Path) -> Library:
    lib = clone_library(str(shared), tmp_path / "other", author=Author("Other", "other@example.org"))
    yield lib
    lib.close()


def _paragraph(text: str) -> str:
    return next(line for line in text.splitlines() if len(line.split()) > 6 and not line.startswith(("#", "-")))


@pytest.fixture
def clashing(other: Library, shared_library: Path) -> tuple[str, str, str]:
    """The same paragraph reworded on both workstations; the other one has synced. (base, here, there)"""
    base = other.draft_text(POLICY)
    line = _paragraph(base)
    there = base.replace(line, line + " Added on the other workstation.", 1)
    here = base.replace(line, line + " Added here.", 1)
    other.save_draft(POLICY, there)
    sync(other)
    with Library.open(shared_library) as lib:
        lib.author = Author("Clerk", "clerk@example.org")
        lib.save_draft(POLICY, here)
    return base, here, there


def sync_and_wait(qtbot, win) -> None:
    win.actions["sync"].trigger()
    qtbot.waitUntil(lambda: not win.session.runner.is_busy(), timeout=30000)
    assert win.session.runner.wait_idle(20000)


def _state(win, policy_id: str) -> str:
    model = win.policy_list.model
    row = model.row_of(policy_id)
    return model.row_at(row).state


@pytest.mark.parametrize("choice", ["ours", "theirs", "both", "edit"])
def test_a_conflict_is_marked_shown_and_resolved_in_the_window(
    qtbot, make_window, prompts, clashing, shared_library: Path, shared: Path, choice: str
) -> None:
    base, here, there = clashing
    win = make_window(shared_library)
    sync_and_wait(qtbot, win)
    assert "kept both ways until you choose" in win.statusBar().currentMessage()
    assert git(shared_library, "rev-parse", "HEAD") == git(shared, "rev-parse", "main")   # sent
    qtbot.waitUntil(lambda: _state(win, POLICY).startswith("conflict"), timeout=20000)
    open_policy(qtbot, win, POLICY)
    seen = {}

    def decide(dialog) -> None:
        seen["passages"] = len(dialog.choice_boxes)
        seen["browsers"] = [w.toPlainText() for w in dialog.findChildren(QTextBrowser)]
        dialog.choose(0, choice, "A passage the clerk wrote.")
        dialog.accept()

    prompts.answer("run_dialog", decide)
    win.actions["resolve_conflict"].trigger()
    qtbot.waitUntil(lambda: "Conflict resolved" in win.statusBar().currentMessage(), timeout=20000)
    assert win.session.runner.wait_idle(20000)
    assert seen["passages"] == 1
    assert any("Added here." in b for b in seen["browsers"])
    assert any("Added on the other workstation." in b for b in seen["browsers"])
    with Library.open(shared_library) as lib:
        assert conflicts.conflicts(lib) == []
        text = lib.draft_text(POLICY)
    if choice == "ours":
        assert text == here
    elif choice == "theirs":
        assert text == there
    elif choice == "both":
        assert "Added here." in text and "Added on the other workstation." in text
    else:
        assert "A passage the clerk wrote." in text and "Added here." not in text
    qtbot.waitUntil(lambda: not _state(win, POLICY).startswith("conflict"), timeout=20000)
    assert git(shared_library, "status", "--porcelain") == ""


def test_resolve_conflict_on_a_policy_without_one_says_so(qtbot, make_window, shared_library: Path) -> None:
    win = make_window(shared_library)
    open_policy(qtbot, win, POLICY)
    win.actions["resolve_conflict"].trigger()
    qtbot.waitUntil(lambda: "no conflict to resolve" in win.statusBar().currentMessage(), timeout=20000)
