"""Helpers of the application tests (test_app*, test_sync*, test_recovery*): git,
the window on a library, and ``ScriptedPrompts``, the stand-in for the
window's prompts (gui/prompts.py) that answers each question the way the
test wrote down. The demo library per test is conftest's ``demo_path``.

``answer_next_box`` and ``ModalWatchdog`` drive real modal message boxes;
only the tests of the real prompts (test_prompts.py) need them."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from gitcmd import git

from policyeditor.gui.errors import plain_message


def commit_count(path: Path) -> int:
    return int(git(path, "rev-list", "--count", "HEAD").strip())


class ScriptedPrompts:
    """Answers the window's questions from a script, and records them.

    ``answer(method, value)`` queues the answer to the next call of
    ``method`` (``"ask_text"``, ``"run_dialog"``, ...). For ``run_dialog`` the
    value is a function given the real dialog (shown, not modal): it fills the
    dialog's widgets and accepts or rejects it, as a user would. A question
    nobody scripted is recorded in ``unexpected`` and answered "cancel".
    Errors shown are kept in ``errors`` (their plain messages); a test that
    expects one takes it with ``take_errors()``.
    """

    CANCEL = {"ask_yes_no": False, "ask_save_discard_cancel": "cancel", "run_dialog": False}

    def __init__(self) -> None:
        self.script: deque[tuple[str, object]] = deque()
        self.asked: list[tuple[str, str]] = []        # (method, the question's text)
        self.unexpected: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def answer(self, method: str, value) -> "ScriptedPrompts":
        self.script.append((method, value))
        return self

    def take_errors(self) -> list[str]:
        errors, self.errors = self.errors, []
        return errors

    def _next(self, method: str, text: str):
        self.asked.append((method, text))
        if self.script and self.script[0][0] == method:
            return self.script.popleft()[1], True
        self.unexpected.append((method, text))
        return self.CANCEL.get(method), False

    # -- the Prompts interface ------------------------------------------------------
    def ask_yes_no(self, title: str, text: str) -> bool:
        return self._next("ask_yes_no", text)[0]

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        return self._next("ask_save_discard_cancel", text)[0]

    def ask_text(self, title: str, label: str, default: str = ""):
        value, ok = self._next("ask_text", label)
        return value(default) if ok and callable(value) else value

    def ask_multiline(self, title: str, label: str):
        return self._next("ask_multiline", label)[0]

    def choose_item(self, title: str, label: str, items, current: int = 0):
        return self._next("choose_item", label)[0]

    def ask_choice(self, title: str, text: str, choices, detail_html: str = ""):
        """The value may be a function given the detail shown (the redline's HTML)."""
        value, ok = self._next("ask_choice", text)
        return value(detail_html) if ok and callable(value) else value

    def choose_folder(self, title: str, start: str = ""):
        return self._next("choose_folder", title)[0]

    def choose_file_to_save(self, title: str, suggested: Path, file_filter: str = ""):
        return self._next("choose_file_to_save", title)[0]

    def choose_file_to_open(self, title: str, start: Path, file_filter: str = ""):
        return self._next("choose_file_to_open", title)[0]

    def run_dialog(self, dialog: QDialog) -> bool:
        act, ok = self._next("run_dialog", type(dialog).__name__)
        if not ok:
            return False
        dialog.show()
        act(dialog)
        if dialog.isVisible():          # the script neither accepted nor rejected it
            dialog.reject()
        return dialog.result() == QDialog.DialogCode.Accepted

    def show_error(self, exc: BaseException, title: str = "") -> None:
        self.errors.append(plain_message(exc))

    def show_warning(self, title: str, text: str) -> None:
        self.warnings.append(text)

    def show_about(self, title: str, text: str) -> None:
        self.asked.append(("show_about", text))


def open_policy(qtbot, window, policy_id: str) -> None:
    """Pick ``policy_id`` in the list and wait until the window shows it."""
    session = window.session
    window.policy_list.select(policy_id)
    qtbot.waitUntil(lambda: session.data is not None and session.data.policy.id == policy_id, timeout=20000)
    assert session.runner.wait_idle(20000)


def answer_next_box(button: QMessageBox.StandardButton, seen: list | None = None, tries: int = 1500) -> None:
    """When the next real QMessageBox is up, press ``button`` (records its text in ``seen``)."""

    def attempt(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            box.button(button).click()
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def with_next_dialog(kind: type, act, tries: int = 1500) -> None:
    """When a real modal dialog of ``kind`` is up, call ``act(dialog)``."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


class ModalWatchdog:
    """Closes a real modal dialog nobody answered within ``limit_ms`` and remembers
    its text, so a test meeting an unexpected dialog fails instead of hanging."""

    def __init__(self, limit_ms: int = 45000) -> None:
        self.stuck: list[str] = []
        self._seen: dict[int, int] = {}
        self._limit = limit_ms // 500
        self.timer = QTimer()
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            self._seen.clear()
            return
        ticks = self._seen[id(dialog)] = self._seen.get(id(dialog), 0) + 1
        if ticks >= self._limit:
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            self.stuck.append(text)
            dialog.reject()

    def stop(self) -> list[str]:
        self.timer.stop()
        return self.stuck


__all__ = ["ModalWatchdog", "ScriptedPrompts", "answer_next_box", "commit_count", "git", "open_policy",
           "with_next_dialog"]
