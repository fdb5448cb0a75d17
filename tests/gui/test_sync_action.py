"""File > Sync with Shared Library, offscreen, on a demo library shared through a real bare remote.

The window syncs in its worker and shows what came in; the first sync asks for
the address; refusals (unreachable) come as the one error
dialog with a plain message (through the window's prompts, scripted here),
and the library is left as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import git, open_policy

from policyeditor.store import Author, Library
from policyeditor.store.remote import remote_url, set_remote
from policyeditor.store.sync import clone_library, sync

ADDED = "A paragraph added on the other workstation."


@pytest.fixture
def library(demo_path: Path) -> Path:
    """A fresh copy of the demo library (conftest's ``demo_path``)."""
    return demo_path


@pytest.fixture
def shared_library(library: Path, shared: Path) -> Path:
    """The demo library, shared and synced once."""
    with Library.open(library) as lib:
        set_remote(lib, str(shared))
        sync(lib)
    return library


@pytest.fixture
def other(shared_library: Path, shared: Path, tmp_path: Path) -> Library:
    """A second workstation with a copy of the shared library."""
    lib = clone_library(str(shared), tmp_path / "other", author=Author("Other", "other@example.org"))
    yield lib
    lib.close()


@pytest.fixture
def window(make_window, shared_library: Path):
    return make_window(shared_library)


def sync_and_wait(qtbot, win) -> None:
    win.actions["sync"].trigger()
    qtbot.waitUntil(lambda: not win.session.runner.is_busy(), timeout=30000)
    assert win.session.runner.wait_idle(20000)


def test_sync_receives_and_sends_and_shows_the_received_draft(
    qtbot, window, other: Library, shared: Path, shared_library: Path
) -> None:
    open_policy(qtbot, window, "website-privacy")
    other.save_draft("website-privacy", other.draft_text("website-privacy") + "\n" + ADDED + "\n")
    sync(other)
    with Library.open(shared_library) as here:          # a change made here, to another policy
        here.author = Author("Clerk", "clerk@example.org")
        here.save_draft("student-records", here.draft_text("student-records") + "\nMade here.\n")
    window.actions["sync"].trigger()
    qtbot.waitUntil(lambda: "1 change received, 1 sent." in window.statusBar().currentMessage(), timeout=30000)
    assert window.statusBar().currentMessage().startswith("Up to date with the shared library: ")
    assert window.session.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: ADDED in window.editor.text(), timeout=20000)
    assert not window.isWindowModified()
    assert git(shared_library, "rev-parse", "HEAD") == git(shared, "rev-parse", "main")
    assert sync(other).received == 1


def test_the_first_sync_asks_for_the_address(qtbot, make_window, prompts, library: Path, shared: Path) -> None:
    win = make_window(library)
    prompts.answer("ask_text", f"  {shared}  ")     # pasted with spaces around it
    win.actions["sync"].trigger()
    qtbot.waitUntil(lambda: "Up to date with the shared library" in win.statusBar().currentMessage(),
                    timeout=30000)
    assert win.session.runner.wait_idle(20000)
    assert prompts.asked[-1][0] == "ask_text" and "Address of the shared library" in prompts.asked[-1][1]
    assert git(shared, "rev-parse", "main") == git(library, "rev-parse", "HEAD")
    assert remote_url(Library.open(library)) == str(shared)


def test_a_new_address_that_cannot_be_reached_is_forgotten(qtbot, make_window, prompts, library: Path,
                                                           state_of) -> None:
    win = make_window(library)
    before = state_of(library)
    prompts.answer("ask_text", "https://127.0.0.1:9/policies.git")
    sync_and_wait(qtbot, win)
    seen = prompts.take_errors()
    assert seen[0].startswith("The shared library at https://127.0.0.1:9/policies.git could not be reached")
    assert remote_url(Library.open(library)) == ""       # the next sync asks again
    assert state_of(library) == before


def test_a_cancelled_address_syncs_nothing(qtbot, make_window, prompts, library: Path, state_of) -> None:
    win = make_window(library)
    before = state_of(library)
    prompts.answer("ask_text", None)
    sync_and_wait(qtbot, win)
    assert remote_url(Library.open(library)) == ""
    assert state_of(library) == before


def test_unreachable_shared_library_is_a_plain_error(
    qtbot, window, prompts, shared: Path, shared_library: Path, tmp_path: Path, state_of
) -> None:
    shared.rename(tmp_path / "moved.git")
    before = state_of(shared_library)
    sync_and_wait(qtbot, window)
    seen = prompts.take_errors()
    assert seen[0].startswith(f"The shared library at {shared} could not be reached: ")
    assert "Traceback" not in seen[0]
    assert window.statusBar().currentMessage() == "The sync did not happen."
    assert state_of(shared_library) == before
    assert remote_url(Library.open(shared_library)) == str(shared)   # a stored address is kept


# The same policy changed on both workstations: marked "conflict" and resolved in the window,
# tests/gui/test_conflicts.py.


def test_sync_is_disabled_until_a_library_is_open(qtbot, make_window, library: Path) -> None:
    from policyeditor.gui.mainwindow import MainWindow
    from policyeditor.store.usersettings import UserSettings

    bare = MainWindow(UserSettings())        # as on first run, before a library is chosen
    qtbot.addWidget(bare)
    bare.show()
    assert not bare.actions["sync"].isEnabled()
    win = make_window(library)
    assert win.actions["sync"].isEnabled()
