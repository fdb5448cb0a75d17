"""MemoPanel: the cover memo's fields, edited beside a preview of the packet's first page.

The fields are a version's ``Memo`` (recommendation, description, supporting
data), the reading the packet is for (first or second) and the meeting's date
printed on the memo (the day the reading was recorded, else today, until the
clerk picks another; the window's packet export prints the date shown). The preview is
the memo page in the packet's own words (``export.memo.cover_memo``), drawn
in a QTextBrowser; it is cheap (no git, no PDF) so it follows typing. The panel never saves: it
emits ``save_requested(number, memo)`` and the window writes it off the UI
thread (``Library.update_memo``).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QRadioButton,
    QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from policyeditor.core.versions import LibrarySettings, Memo, Policy, Version

READINGS = ("first", "second")


def memo_date(version: Version | None, reading: str, today: date) -> date:
    """The memo's date: the day of the reading it is for, else today."""
    if version is not None:
        held = version.second_reading if reading == "second" else version.first_reading
        if held is not None:
            return held
    return today


def render_memo_html(settings: LibrarySettings, policy: Policy, memo: Memo, *,
                     reading: str, when: date) -> str:
    """The memo page as HTML: the packet's own words (``export.memo.cover_memo``: subject,
    reading sentence, and the defaults it prints for empty fields), laid out like the
    seed packet. Every field is escaped."""
    from policyeditor.export.memo import cover_memo

    cover = cover_memo(policy, memo, settings, reading=reading, on=when)
    e = html.escape

    def field(label: str, text: str) -> str:
        paras = [p for p in text.split("\n") if p.strip()] or [""]
        first = f"<p><b>{e(label)}:</b> {e(paras[0])}</p>"
        return first + "".join(f"<p>{e(p)}</p>" for p in paras[1:])

    signer = "<br>".join(e(x) for x in (cover.signer, cover.signer_title) if x)
    return (
        "<html><body style='font-family: serif;'>"
        f"<p>{e(cover.date)}</p><p>{e(cover.salutation)}</p>"
        f"<p align='center'><b>{e(cover.subject)}</b></p>"
        + field("Recommendation", cover.recommendation)
        + field("Description", cover.description)
        + f"<p>{e(cover.reading)}</p>"
        + field("Supporting Data", cover.supporting_data)
        + f"<p>Respectfully submitted,</p><p><br></p><p>{signer}</p>"
        "</body></html>"
    )


class MemoPanel(QWidget):
    """Edit a version's cover memo and see the packet's memo page.

    Signals:
        memo_edited(): a field or the reading changed (the panel is now modified).
        save_requested(int, object): the user pressed "Save memo"; the version's
            number (0: the draft's memo, kept until its first reading) and the ``Memo`` to write.
    """

    memo_edited = Signal()
    save_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings: LibrarySettings | None = None
        self._policy: Policy | None = None
        self._version: Version | None = None
        self._data = None   # the loaded policy (loading.PolicyData), see show_policy
        self._today = date.today()
        self._saved = Memo()
        self._date_chosen = False      # the clerk picked the meeting's date (else it follows the reading)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        self._build()

    def _build(self) -> None:
        self.recommendation_edit = self._text_edit(self.tr("Recommendation"))
        self.description_edit = self._text_edit(self.tr("Description"))
        self.supporting_edit = self._text_edit(self.tr("Supporting data"))
        self.first_radio = QRadioButton(self.tr("F&irst reading"), self)
        self.second_radio = QRadioButton(self.tr("Seco&nd reading"), self)
        self.first_radio.setChecked(True)
        self.reading_group = QButtonGroup(self)
        for radio in (self.first_radio, self.second_radio):
            self.reading_group.addButton(radio)
            radio.toggled.connect(self._on_edit)
        self.first_radio.setAccessibleName(self.tr("Packet for the first reading"))
        self.second_radio.setAccessibleName(self.tr("Packet for the second reading"))
        self.meeting_edit = QDateEdit(self)
        self.meeting_edit.setCalendarPopup(True)
        self.meeting_edit.setDisplayFormat("MMMM d, yyyy")
        self.meeting_edit.setMinimumDate(QDate(1900, 1, 1))
        self.meeting_edit.setAccessibleName(self.tr("Meeting date printed on the memo"))
        self.meeting_edit.setToolTip(self.tr("The date printed on the memo: the day the reading was recorded, "
                                             "else today, unless you choose another."))
        self.meeting_edit.dateChanged.connect(self._on_date)
        self.save_button = QPushButton(self.tr("&Save memo"), self)
        self.save_button.setAccessibleName(self.tr("Save memo"))
        self.save_button.clicked.connect(self._on_save)
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Packet preview: memo page"))

        reading = QHBoxLayout()
        reading.addWidget(self.first_radio)
        reading.addWidget(self.second_radio)
        reading.addStretch(1)
        form = QFormLayout()
        for label, edit in ((self.tr("&Recommendation:"), self.recommendation_edit),
                            (self.tr("&Description:"), self.description_edit),
                            (self.tr("S&upporting data:"), self.supporting_edit)):
            buddy = QLabel(label, self)
            buddy.setBuddy(edit)
            form.addRow(buddy, edit)
        form.addRow(self.tr("Reading:"), reading)
        meeting = QLabel(self.tr("Meetin&g date:"), self)
        meeting.setBuddy(self.meeting_edit)
        form.addRow(meeting, self.meeting_edit)
        fields = QWidget(self)
        left = QVBoxLayout(fields)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        left.addLayout(save_row)
        left.addStretch(1)
        preview_box = QWidget(self)
        right = QVBoxLayout(preview_box)
        right.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("Pac&ket preview (memo page):"), self)
        preview_label.setBuddy(self.preview)
        right.addWidget(preview_label)
        right.addWidget(self.preview)
        splitter = QSplitter(self)
        splitter.addWidget(fields)
        splitter.addWidget(preview_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        edit.setMinimumHeight(self.fontMetrics().height() * 3)
        edit.textChanged.connect(self._on_edit)
        return edit

    # -- public API -------------------------------------------------------------
    def show_policy(self, data, same: bool = False) -> None:
        """Show the memo of the loaded policy (``loading.PolicyData``): the version
        shown before if it still exists, else the newest while it is on its way, else
        the draft's memo (``Policy.draft_memo``, which its first reading starts from)."""
        self._data = data
        number = self._version.number if self._version is not None else None
        numbers = [v.number for v in data.policy.versions]
        if number not in numbers:
            latest = data.policy.latest
            pending = latest is not None and latest.adopted is None and latest.withdrawn is None
            number = latest.number if pending else None
        self.show_version(number)

    def show_version(self, number: int | None) -> None:
        """Show the memo of version ``number`` of the loaded policy (the versions table's choice)."""
        data = self._data
        if data is None:
            return
        version = next((v for v in data.policy.versions if v.number == number), None)
        self.set_context(data.settings, data.policy, version, data.today)

    def set_context(self, settings: LibrarySettings, policy: Policy, version: Version | None,
                    today: date) -> None:
        """Show ``version``'s memo (None: the draft's memo, for its next version).

        Showing the same version again (the window refreshed after a save
        elsewhere) keeps what the user typed and has not saved yet.
        """
        same = (self._policy is not None and self._policy.id == policy.id
                and (version is None) == (self._version is None)
                and (version is None or self._version.number == version.number))
        keep = same and self.is_modified()
        if not same:
            self._date_chosen = False
        self._settings, self._policy, self._version, self._today = settings, policy, version, today
        self._saved = version.memo if version is not None else policy.draft_memo
        if not keep:
            self.set_memo(self._saved)
        if not same:
            self.set_reading("second" if version and version.second_reading else "first")
        self._set_enabled(True)
        self._follow_reading_date()
        self._show_defaults()
        self.update_preview()

    def _show_defaults(self) -> None:
        """An empty field shows (greyed) the wording the memo prints for it."""
        from policyeditor.export.memo import cover_memo

        if self._policy is None or self._settings is None:
            return
        default = cover_memo(self._policy, Memo(), self._settings, reading=self.reading(), on=self._today)
        for edit, text in ((self.recommendation_edit, default.recommendation),
                           (self.description_edit, default.description),
                           (self.supporting_edit, default.supporting_data)):
            edit.setPlaceholderText(self.tr("Printed when left empty: %1").replace("%1", text) if text else "")

    def set_memo(self, memo: Memo) -> None:
        """Put ``memo`` in the fields (without emitting ``memo_edited``)."""
        for edit, text in ((self.recommendation_edit, memo.recommendation),
                           (self.description_edit, memo.description),
                           (self.supporting_edit, memo.supporting_data)):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self._schedule()

    def memo(self) -> Memo:
        """The memo as the fields hold it now."""
        return Memo(self.recommendation_edit.toPlainText().strip(),
                    self.description_edit.toPlainText().strip(),
                    self.supporting_edit.toPlainText().strip())

    def meeting_date(self) -> date:
        """The meeting's date printed on the memo, as the field shows it."""
        return self.meeting_edit.date().toPython()

    def set_meeting_date(self, when: date | None) -> None:
        """Print ``when`` on the memo; None: the day the reading was recorded, else today."""
        self._date_chosen = when is not None
        if when is None:
            self._follow_reading_date()
        else:
            self._put_date(when)
        self._schedule()

    def reading(self) -> str:
        """``"first"`` or ``"second"``: the reading the packet is for."""
        return "second" if self.second_radio.isChecked() else "first"

    def set_reading(self, reading: str) -> None:
        """Choose the reading the packet is for: ``"first"`` or ``"second"``."""
        (self.second_radio if reading == "second" else self.first_radio).setChecked(True)

    def is_modified(self) -> bool:
        """True when the fields differ from the memo last set or saved."""
        return self.memo() != self._saved

    def mark_saved(self, memo: Memo | None = None) -> None:
        """Tell the panel its memo was written (after ``save_requested`` succeeded)."""
        self._saved = memo if memo is not None else self.memo()

    def preview_html(self) -> str:
        """The HTML of the memo page for the current fields."""
        if self._settings is None or self._policy is None:
            return ""
        return render_memo_html(self._settings, self._policy, self.memo(),
                                reading=self.reading(), when=self.meeting_date())

    def update_preview(self) -> None:
        """Render the preview now (it otherwise follows typing after a short pause)."""
        self._timer.stop()
        html_text = self.preview_html()
        if html_text:
            self.preview.setHtml(html_text)
        else:
            self.preview.setPlainText(self.tr("Choose a policy with a version to see its memo."))

    # -- internals ----------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for w in (self.recommendation_edit, self.description_edit, self.supporting_edit,
                  self.first_radio, self.second_radio, self.meeting_edit, self.save_button):
            w.setEnabled(on)

    def _follow_reading_date(self) -> None:
        """Unless the clerk chose a date, show the reading's: the day it was recorded, else today."""
        if not self._date_chosen:
            self._put_date(memo_date(self._version, self.reading(), self._today))

    def _put_date(self, when: date) -> None:
        self.meeting_edit.blockSignals(True)
        self.meeting_edit.setDate(QDate(when.year, when.month, when.day))
        self.meeting_edit.blockSignals(False)

    def _on_date(self) -> None:
        self._date_chosen = True
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    def _on_edit(self) -> None:
        self._follow_reading_date()         # the reading may have changed
        self._schedule()
        self.memo_edited.emit()

    def _on_save(self) -> None:
        if self._policy is not None:
            self.save_requested.emit(self._version.number if self._version is not None else 0, self.memo())
