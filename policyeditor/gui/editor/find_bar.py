"""Find and replace under the editor: a bar like a browser's, not a modal dialog.

Ctrl+F shows it with the focus in "Find"; Enter finds the next match,
Shift+Enter the previous one; Escape hides it and gives the focus back to the
draft. Replacing goes through the editor's cursor, so every replacement is one
undo step and "Replace all" is a single one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


class FindBar(QWidget):
    """Find / replace for one QTextEdit; see the module docstring."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setAccessibleName(self.tr("Find text"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setAccessibleName(self.tr("Replacement text"))
        self.case_box = QCheckBox(self.tr("Match ca&se"), self)
        self.status = QLabel(self)
        self._build_layout()
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _t: self.status.clear())   # "Not found" was for the old text
        self.case_box.toggled.connect(lambda _on: self.status.clear())
        self.replace_edit.returnPressed.connect(self.replace_one)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, self.find_previous,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def _build_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        buttons = [
            (self.tr("&Next"), self.find_next),
            (self.tr("Previo&us"), self.find_previous),
            (self.tr("&Replace"), self.replace_one),
            (self.tr("Replace a&ll"), self.replace_all),
        ]
        layout.addWidget(self.find_edit, 2)
        for text, slot in buttons[:2]:
            layout.addWidget(self._button(text, slot))
        layout.addWidget(self.replace_edit, 2)
        for text, slot in buttons[2:]:
            layout.addWidget(self._button(text, slot))
        layout.addWidget(self.case_box)
        layout.addWidget(self.status, 1)
        close = self._button(self.tr("Close"), self.close_bar)
        close.setAccessibleName(self.tr("Close find bar"))
        layout.addWidget(close)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- commands ------------------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar, seeded with the selected words, focus in Find."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find(self, backward: bool = False) -> bool:
        """Select the next (previous) match, wrapping around; False when none."""
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self.editor.document()
        found = doc.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, self._flags(backward))
        if found.isNull():
            self.status.setText(self.tr("Not found"))
            return False
        self.status.setText("")
        self.editor.setTextCursor(found)
        return True

    def find_next(self) -> bool:
        return self.find(False)

    def find_previous(self) -> bool:
        return self.find(True)

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> None:
        """Replace the selected match, then find the next one."""
        if self.find_edit.text() and self._selection_matches():
            self.editor.textCursor().insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many."""
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self.editor.document()
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        count, cursor = 0, QTextCursor(doc)
        while True:
            cursor = doc.find(needle, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(self.replace_edit.text())
            count += 1
        edit.endEditBlock()
        self.status.setText(self.tr("%n replaced", "", count))
        return count
