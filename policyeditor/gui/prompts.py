"""The one place the window's commands ask the user something.

Every question a command puts to the user (save or discard, a name, a
folder, a file, an error to acknowledge, a dialog to fill in) goes through a
``Prompts`` object held by the session. The real one shows Qt's dialogs over
the window; tests hand the session a scripted stand-in with the same methods
that records each question and returns the answer the test wrote down, so a
command's logic is tested without waiting for a modal dialog to appear.

Answers are plain values: ``None`` means the user cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from policyeditor.gui import errors


def tr(text: str) -> str:
    """Translate a string of this module's context."""
    return QCoreApplication.translate("prompts", text)


class Prompts:
    """Qt's dialogs over ``parent`` (the window); see the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # -- questions ---------------------------------------------------------------
    def ask_yes_no(self, title: str, text: str) -> bool:
        """A yes/no question (Yes is the default)."""
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self.parent, title, text, buttons.Yes | buttons.No,
                                    buttons.Yes) == buttons.Yes

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"`` (Save is the default)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.parent, title, text,
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        """One line of text, or None when cancelled."""
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def ask_multiline(self, title: str, label: str) -> str | None:
        """Several lines of text, or None when cancelled."""
        text, ok = QInputDialog.getMultiLineText(self.parent, title, label)
        return text if ok else None

    def choose_item(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        """One of ``items``, or None when cancelled."""
        item, ok = QInputDialog.getItem(self.parent, title, label, items, current, False)
        return item if ok else None

    def ask_choice(self, title: str, text: str, choices: list[tuple[str, str]],
                   detail_html: str = "") -> str | None:
        """One of ``choices`` (``(key, button text)``, the first the default) after
        ``text`` and, when given, ``detail_html`` (e.g. a redline) in a scrolling
        pane; None when cancelled."""
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        label = QLabel(text, dialog)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        if detail_html:
            pane = QTextBrowser(dialog)
            pane.setHtml(detail_html)
            pane.setAccessibleName(title)
            layout.addWidget(pane, 1)
            dialog.resize(720, 520)
        box = QDialogButtonBox(dialog)
        chosen: list[str] = []
        for i, (key, caption) in enumerate(choices):
            button = box.addButton(caption, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setDefault(i == 0)
            button.clicked.connect(lambda _c=False, k=key: (chosen.append(k), dialog.accept()))
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.rejected.connect(dialog.reject)
        layout.addWidget(box)
        return chosen[0] if dialog.exec() and chosen else None

    def choose_folder(self, title: str, start: str = "") -> Path | None:
        """An existing folder, or None when cancelled."""
        folder = QFileDialog.getExistingDirectory(self.parent, title, start)
        return Path(folder) if folder else None

    def choose_file_to_save(self, title: str, suggested: Path, file_filter: str = "") -> Path | None:
        """Where to write a new file, or None when cancelled."""
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def choose_file_to_open(self, title: str, start: Path, file_filter: str = "") -> Path | None:
        """An existing file to read, or None when cancelled."""
        chosen, _ = QFileDialog.getOpenFileName(self.parent, title, str(start), file_filter)
        return Path(chosen) if chosen else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog of the application (event, settings, ...); True when accepted."""
        return bool(dialog.exec())

    # -- telling -----------------------------------------------------------------
    def show_error(self, exc: BaseException, title: str = "") -> None:
        """``exc`` in plain words (errors.show_error), waiting for OK."""
        errors.show_error(self.parent, exc, title)

    def show_warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def show_about(self, title: str, text: str) -> None:
        QMessageBox.about(self.parent, title, text)
