"""GUI test fixtures shared by the window tests."""

from __future__ import annotations

import pytest
from app_helpers import ModalWatchdog


@pytest.fixture
def no_unanswered_dialogs(qapp):
    """A dialog no test answers (an unexpected error, say) fails the test instead of hanging it.

    Use it with ``pytestmark = pytest.mark.usefixtures("no_unanswered_dialogs")``.
    """
    watchdog = ModalWatchdog()
    yield
    assert watchdog.stop() == [], "a dialog was left unanswered"


@pytest.fixture(autouse=True)
def no_window_left_shown(qapp):
    """Hide every window a test leaves shown.

    The application quits when its last shown window closes; a window left
    shown by one test kept a later test's ``app.exec()`` (the GUI command)
    from ever returning. Hidden, not closed: closing a main window with a
    draft would ask about saving.
    """
    yield
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            widget.hide()
