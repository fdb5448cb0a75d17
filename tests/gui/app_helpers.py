"""Helpers of the application tests (test_app*, test_recovery*): git, the window
on a library, and answering the next modal dialog the way a user would
(clicking its button). The demo library per test is conftest's ``demo_path``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from gitcmd import git


def commit_count(path: Path) -> int:
    return int(git(path, "rev-list", "--count", "HEAD").strip())


def answer_next_box(button: QMessageBox.StandardButton, seen: list | None = None, tries: int = 1500) -> None:
    """When the next QMessageBox is up, press ``button`` (records its text in ``seen``)."""

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
    """When a modal dialog of ``kind`` is up, call ``act(dialog)``."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def open_policy(qtbot, window, policy_id: str) -> None:
    """Pick ``policy_id`` in the list and wait until the window shows it."""
    window.policy_list.select(policy_id)
    qtbot.waitUntil(lambda: window.data is not None and window.data.policy.id == policy_id, timeout=20000)
    assert window.runner.wait_idle(20000)


class ModalWatchdog:
    """Closes a modal dialog nobody answered within ``limit_ms`` and remembers
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


__all__ = ["ModalWatchdog", "QDialog", "answer_next_box", "commit_count", "git", "open_policy", "with_next_dialog"]
