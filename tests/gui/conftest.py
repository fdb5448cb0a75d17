"""GUI test fixtures shared by the window tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from app_helpers import ModalWatchdog, ScriptedPrompts


@pytest.fixture
def no_unanswered_dialogs(qapp):
    """A real modal dialog no test answers fails the test instead of hanging it
    (only the tests of the real prompts meet real modal dialogs)."""
    watchdog = ModalWatchdog()
    yield
    assert watchdog.stop() == [], "a dialog was left unanswered"


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """The window's prompts, scripted by the test; a question or an error the
    test did not expect fails it."""
    scripted = ScriptedPrompts()
    yield scripted
    assert scripted.unexpected == [], f"questions nobody answered: {scripted.unexpected}"
    assert scripted.errors == [], f"errors nobody expected: {scripted.errors}"
    assert not scripted.script, f"answers never asked for: {list(scripted.script)}"


@pytest.fixture
def make_window(qtbot, data_dir, prompts):
    """``make_window(library=None)``: the real window (gui.app.build_window) with the
    scripted prompts, shown; with a library, once its list is shown. Every window
    made is closed (its work drained, its threads ended) and deleted after the test.
    The user has given a name and e-mail before (``identity=False``: a first run,
    when the window asks for them)."""
    from policyeditor.gui.app import build_window
    from policyeditor.store.usersettings import UserSettings

    made = []

    def make(library=None, rows: int = 4, identity: bool = True):
        if identity:
            settings = UserSettings.load()
            if not settings.name:
                settings["name"], settings["email"] = "Test Clerk", "clerk@example.org"
                settings.save()
        win = build_window(library=str(library) if library is not None else None, prompts=prompts)
        made.append(win)
        win.show()
        qtbot.waitExposed(win)
        if library is not None:
            qtbot.waitUntil(lambda: len(win.session.rows) == rows, timeout=30000)
            assert win.session.runner.wait_idle(20000)
        return win

    yield make
    for win in made:
        win.editor.document().setModified(False)   # the test's typing is not to be saved
        win.close()
        win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # now, not in a later test
