"""The user's settings: name and e-mail for saving, the library folder, recent libraries.

These are the person's settings on this workstation (``store.usersettings``),
not the library's; the district's details are in the District Details
dialog. The dialog edits copies and writes nothing: ``apply_to(settings)``
after ``exec()``, then the window saves them off the UI thread.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class SettingsDialog(QDialog):
    """Edit a ``UserSettings``; see the module docstring."""

    def __init__(self, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.name_edit = QLineEdit(settings.name, self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.email_edit = QLineEdit(settings.email, self)
        self.email_edit.setAccessibleName(self.tr("Your e-mail address"))
        self.library_edit = QLineEdit(settings.library, self)
        self.library_edit.setAccessibleName(self.tr("Library folder"))
        self.recent = QListWidget(self)
        self.recent.addItems(settings.recent)
        self.recent.setAccessibleName(self.tr("Recent libraries"))
        self.recent.itemActivated.connect(lambda item: self.library_edit.setText(item.text()))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b01010;")
        self.problem.setWordWrap(True)
        self._build()
        self.name_edit.textChanged.connect(self.validate)
        self.email_edit.textChanged.connect(self.validate)
        self.validate()

    def _build(self) -> None:
        browse = QPushButton(self.tr("&Browse..."), self)
        browse.setAccessibleName(self.tr("Choose the library folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.library_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("Your &e-mail:"), self.email_edit)
        form.addRow(self.tr("&Library folder:"), folder_row)
        form.addRow(self.tr("&Recent libraries:"), self.recent)
        for widget in (self.name_edit, self.email_edit, self.library_edit, self.recent):
            label = form.labelForField(widget if widget is not self.library_edit else folder_row)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        note = QLabel(self.tr("Your name and e-mail are written into the library's history with "
                              "every save, so everyone can see who changed what."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.library_edit.text())
        if folder:
            self.library_edit.setText(folder)

    def problems(self) -> list[str]:
        """What keeps the settings from being saved, in plain words."""
        found = []
        email = self.email_edit.text().strip()
        if email and not EMAIL.match(email):
            found.append(self.tr("The e-mail address should look like name@district.org."))
        if bool(email) != bool(self.name_edit.text().strip()):
            found.append(self.tr("Give both your name and your e-mail, or neither."))
        return found

    def validate(self) -> bool:
        found = self.problems()
        self.problem.setText(" ".join(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)
        return not found

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def apply_to(self, settings) -> None:
        """Write the dialog's values into ``settings`` (not to disk)."""
        settings["name"] = self.name_edit.text().strip()
        settings["email"] = self.email_edit.text().strip()
        settings["library"] = self.library_edit.text().strip()


class IdentityDialog(QDialog):
    """Who is working: the name and e-mail every save is signed with (asked on a first
    run, and whenever the settings have none). Both are needed."""

    def __init__(self, name: str = "", email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.setAccessibleName(self.tr("Who is working?"))
        intro = QLabel(self.tr("Every change you save is recorded in the library's history with your "
                               "name and e-mail, so everyone can see who changed what; Word's tracked "
                               "changes show your name too. You can change them later in Settings."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.email_edit = QLineEdit(email, self)
        self.email_edit.setAccessibleName(self.tr("Your e-mail address"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b01010;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        for text, widget in ((self.tr("Your &name:"), self.name_edit), (self.tr("Your &e-mail:"), self.email_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self.validate)
        self.email_edit.textChanged.connect(self.validate)
        self.validate()

    def problems(self) -> list[str]:
        found = []
        email = self.email_edit.text().strip()
        if email and not EMAIL.match(email):
            found.append(self.tr("The e-mail address should look like name@district.org."))
        if not email or not self.name_edit.text().strip():
            found.append(self.tr("Give your name and your e-mail."))
        return found

    def validate(self) -> bool:
        found = self.problems()
        shown = [p for p in found if "look like" in p] if self.email_edit.text().strip() else []
        self.problem.setText(" ".join(shown))
        self.ok_button.setEnabled(not found)
        return not found

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def apply_to(self, settings) -> None:
        settings["name"] = " ".join(self.name_edit.text().split())
        settings["email"] = self.email_edit.text().strip()
