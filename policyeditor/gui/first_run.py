"""First run: no library yet. Open a folder, create a new library, or open the demo.

The dialog only asks; ``choice`` names the window's command to run
("open_library", "new_library" or "open_demo").
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    """Three ways to start; ``choice`` is set when the dialog is accepted."""

    CHOICES = ("open_library", "new_library", "open_demo")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Welcome to policyeditor"))
        self.setAccessibleName(self.tr("Welcome to policyeditor"))
        intro = QLabel(self.tr(
            "policyeditor keeps your district's policies in a library folder: every draft, "
            "every version, its readings, posting and effective dates.\n\nHow would you like to start?"),
            self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        texts = (
            (self.tr("&Open a library folder..."), self.tr("A library someone already set up, "
                                                          "for example on the file server.")),
            (self.tr("&Create a new library..."), self.tr("An empty library for your district.")),
            (self.tr("Open the &demo library"), self.tr("Sample policies to try things out; "
                                                        "nothing you do there matters.")),
        )
        self.buttons: dict[str, QPushButton] = {}
        for choice, (text, tip) in zip(self.CHOICES, texts):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.clicked.connect(lambda _c=False, key=choice: self.choose(key))
            layout.addWidget(button)
            self.buttons[choice] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.buttons["open_demo"].setDefault(True)

    def choose(self, key: str) -> None:
        self.choice = key
        self.accept()
