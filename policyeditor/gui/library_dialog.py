"""LibraryDialog: the district's details kept in the library (library.toml).

District, committee, the memo's salutation, signer and title, the time zone
(checked with zoneinfo) and the notice period. The dialog edits a copy of
``LibrarySettings`` and writes nothing: read ``settings()`` after ``exec()``
and save it off the UI thread (``Library.update_settings``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from policyeditor.core.versions import LibrarySettings

FAIL_STYLE = "color: #b01010;"


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def is_timezone(name: str) -> bool:
    """True when zoneinfo knows ``name`` as a time zone ("America/New_York").

    Checked against the list of zones first: ``ZoneInfo("America")`` (a folder
    of the zone database, met while typing) raises IsADirectoryError.
    """
    name = name.strip()
    if name not in _zone_names():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


class LibraryDialog(QDialog):
    """Edit the district details of a library.

    Args:
        settings: the library's current settings.
        parent: the parent window.
    """

    def __init__(self, settings: LibrarySettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("District details"))
        self.setAccessibleName(self.tr("District details"))
        self._build()
        self._load(settings)
        self.validate()

    def _build(self) -> None:
        self.district_edit = QLineEdit(self)
        self.committee_edit = QLineEdit(self)
        self.salutation_edit = QLineEdit(self)
        self.signer_edit = QLineEdit(self)
        self.signer_title_edit = QLineEdit(self)
        self.website_edit = QLineEdit(self)
        self.website_edit.setPlaceholderText("https://www.example.org/policies/")
        self.timezone_box = QComboBox(self)
        self.timezone_box.setEditable(True)
        self.timezone_box.setInsertPolicy(QComboBox.NoInsert)
        self.timezone_box.addItems(sorted(_zone_names()))
        completer = self.timezone_box.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.notice_spin = QSpinBox(self)
        self.notice_spin.setRange(0, 365)
        self.notice_spin.setSuffix(self.tr(" days"))
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(FAIL_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self._lay_out()
        for edit in (self.district_edit, self.committee_edit):
            edit.textChanged.connect(self.validate)
        self.timezone_box.editTextChanged.connect(self.validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        form = QFormLayout()
        rows = (
            (self.tr("&District:"), self.tr("District"), self.district_edit),
            (self.tr("&Committee:"), self.tr("Committee"), self.committee_edit),
            (self.tr("&Salutation:"), self.tr("Memo salutation"), self.salutation_edit),
            (self.tr("Si&gner:"), self.tr("Memo signer"), self.signer_edit),
            (self.tr("Signer's &title:"), self.tr("Signer's title"), self.signer_title_edit),
            (self.tr("Time &zone:"), self.tr("Time zone"), self.timezone_box),
            (self.tr("&Notice period:"), self.tr("Notice period for substantive changes"),
             self.notice_spin),
            (self.tr("&Website:"), self.tr("Website of the notice site"), self.website_edit),
        )
        for text, name, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.notice_spin.setToolTip(self.tr(
            "Substantive changes must be posted at least this many days before they take effect."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 52)

    def _load(self, s: LibrarySettings) -> None:
        self.district_edit.setText(s.district)
        self.committee_edit.setText(s.committee)
        self.salutation_edit.setText(s.salutation)
        self.signer_edit.setText(s.signer)
        self.signer_title_edit.setText(s.signer_title)
        self.website_edit.setText(s.website)
        self.timezone_box.setEditText(s.timezone)
        self.notice_spin.setValue(s.notice_days)

    def problems(self) -> list[str]:
        """What stops the details from being saved, in plain words."""
        out = []
        if not self.district_edit.text().strip():
            out.append(self.tr("Write the district's name; it heads every memo."))
        if not self.committee_edit.text().strip():
            out.append(self.tr("Write the committee's name (for example School Committee)."))
        tz_name = self.timezone_box.currentText().strip()
        if not is_timezone(tz_name):
            out.append(self.tr("'%1' is not a time zone. Choose one from the list, for example "
                               "America/New_York or Europe/London.").replace("%1", tz_name))
        return out

    def validate(self) -> bool:
        """Show what is wrong and enable OK only when nothing is."""
        problems = self.problems()
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)
        return not problems

    def settings(self) -> LibrarySettings:
        """The settings as edited (other fields of the original kept)."""
        return replace(
            self._original,
            district=self.district_edit.text().strip(),
            committee=self.committee_edit.text().strip(),
            salutation=self.salutation_edit.text().strip(),
            signer=self.signer_edit.text().strip(),
            signer_title=self.signer_title_edit.text().strip(),
            timezone=self.timezone_box.currentText().strip(),
            notice_days=self.notice_spin.value(),
            website=self.website_edit.text().strip(),
        )

    def accept(self) -> None:
        if self.validate():
            super().accept()
