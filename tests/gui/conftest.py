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
