"""The real prompts (gui/prompts.py): Qt's dialogs, answered by clicking them.

The window's tests answer through scripted prompts; these few check that the
real seam maps each dialog's buttons to the plain answers the commands
expect."""

from __future__ import annotations

import pytest
from app_helpers import answer_next_box, with_next_dialog
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from policyeditor.core.errors import LibraryBusy
from policyeditor.gui.prompts import Prompts

pytestmark = pytest.mark.usefixtures("no_unanswered_dialogs")


@pytest.fixture
def prompts(qtbot) -> Prompts:
    parent = QWidget()
    qtbot.addWidget(parent)
    return Prompts(parent)


@pytest.mark.parametrize("button, answer", [(QMessageBox.StandardButton.Save, "save"),
                                            (QMessageBox.StandardButton.Discard, "discard"),
                                            (QMessageBox.StandardButton.Cancel, "cancel")])
def test_save_discard_cancel(prompts, button, answer) -> None:
    seen: list[str] = []
    answer_next_box(button, seen)
    assert prompts.ask_save_discard_cancel("Unsaved changes", "Save them?") == answer
    assert seen == ["Save them?"]


def test_yes_no(prompts) -> None:
    answer_next_box(QMessageBox.StandardButton.No)
    assert prompts.ask_yes_no("Restore?", "Restore them?") is False
    answer_next_box(QMessageBox.StandardButton.Yes)
    assert prompts.ask_yes_no("Restore?", "Restore them?") is True


def test_text_is_returned_and_cancel_is_none(prompts) -> None:
    def type_and_accept(dialog: QInputDialog) -> None:
        assert dialog.textValue() == "https://"           # the default offered
        dialog.setTextValue("bus-safety")
        dialog.accept()

    with_next_dialog(QInputDialog, type_and_accept)
    assert prompts.ask_text("New policy", "Short name:", "https://") == "bus-safety"
    with_next_dialog(QInputDialog, lambda d: d.reject())
    assert prompts.ask_text("New policy", "Short name:") is None


def test_an_error_is_shown_in_plain_words(prompts) -> None:
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    prompts.show_error(LibraryBusy("Another program is writing to the library. Wait a moment and try again."))
    assert seen == ["Another program is writing to the library. Wait a moment and try again."]


def test_the_scripted_prompts_of_the_tests_ask_what_the_real_ones_ask() -> None:
    """The window's tests answer through ScriptedPrompts: it must offer every
    question of the real seam, with the same parameters, or a test would pass
    against a method the window does not have."""
    import inspect

    from app_helpers import ScriptedPrompts

    public = [name for name, _ in inspect.getmembers(Prompts, inspect.isfunction) if not name.startswith("_")]
    assert {"ask_yes_no", "ask_save_discard_cancel", "ask_text", "run_dialog", "show_error"} <= set(public)
    for name in public:
        real = list(inspect.signature(getattr(Prompts, name)).parameters)
        fake = list(inspect.signature(getattr(ScriptedPrompts, name)).parameters)
        assert fake == real, name
