"""EventDialog: record a reading, adoption, posting, effective date, review or withdrawal.

The dialog checks the rules live: every change of event, version, date or
the editorial mark calls the caller's ``preview`` and shows what it returns,
in the core's own words. While any rule fails, the Record button is disabled;
when the core names the earliest date that would pass, a button sets it.
Marking a change editorial needs a written justification (it is printed on
the redline).

``preview`` is called as ``preview(event, when, version=N_or_None,
editorial=bool, justification=str)`` and returns ``core.rules.RuleFailure``
objects; a ``PolicyEditorError`` it raises is shown as a refusal too. It runs
on the UI thread, so it must be cheap and must not touch git: use
``core_preview(...)`` below (backed by ``core.rules.preview_event``), or any
callable of that shape. The dialog
records nothing itself: read ``request()`` after ``exec()`` and hand it to
the library off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from policyeditor.core.dates import long_date
from policyeditor.core.errors import PolicyEditorError
from policyeditor.core.versions import EDITORIAL, EVENTS, TEXT_EVENTS, Policy

Preview = Callable[..., Sequence]

# Events that fix a version's change class (the store refuses the mark elsewhere).
CLASSED_EVENTS = TEXT_EVENTS
FAIL_STYLE = "color: #b01010;"
PASS_STYLE = "color: #106020;"


@dataclass(frozen=True)
class EventRequest:
    """What the user asked to record; pass to ``Library.record_event``:
    ``lib.record_event(policy_id, r.event, r.when, version=r.version,
    editorial=r.editorial, justification=r.justification)``."""

    event: str
    when: date
    version: int | None        # None: a new version (first reading of the draft)
    editorial: bool
    justification: str


def core_preview(policy: Policy, context=None, **context_fields) -> Preview:
    """A ``preview`` for EventDialog backed by ``core.rules.preview_event`` (pure, no git).

    ``context`` is the ``core.rules.RuleContext`` the store checks with
    (``Library.rule_context(policy_id)``, read off the UI thread): with it the
    live check is exactly the check made when the event is recorded (the
    posted-text facts of rule 3, the tagged data of rule 7). Its fields may be
    given as keywords instead (``today``, ``notice_days``, ...).
    ``editorial=True`` previews the version as if marked editorial.
    """
    from policyeditor.core import rules

    ctx = rules.context_of(context, **context_fields)

    def preview(event: str, when: date, version: int | None = None, editorial: bool = False,
                justification: str = ""):
        if version is None:   # a first reading: the next number is the new version
            version = max((v.number for v in policy.versions), default=0) + 1
        checked = policy
        if editorial:
            checked = replace(policy, versions=tuple(
                replace(v, change_class=EDITORIAL) if v.number == version else v
                for v in policy.versions))
        return rules.preview_event(checked, version, event, when, ctx)

    return preview


def next_event(v) -> str | None:
    """The next step of version ``v`` in the process (what a double-click on its row
    opens the event dialog on); None when it is withdrawn (no step follows)."""
    if v.withdrawn is not None:
        return None
    if v.adopted is None:
        return "adopted" if v.second_reading is not None else "second_reading"
    if v.legacy:
        return "reviewed"
    if v.posted is None:
        return "posted"
    if v.effective is None:
        return "effective"
    return "reviewed"


def pending_older(policy: Policy) -> list:
    """Versions read but neither adopted nor withdrawn: a new reading supersedes them."""
    return [v for v in policy.versions
            if v.first_reading is not None and v.adopted is None and v.withdrawn is None and not v.legacy]


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class EventDialog(QDialog):
    """Record one event of one policy.

    Args:
        policy: the policy as last read (core data).
        today: today in the library's time zone.
        preview: see the module docstring.
        event: the event preselected (one of ``core.versions.EVENTS``).
        version: the version preselected (default: the latest).
        classification: the draft's ``core.changeclass.Classification`` against
            the version before it, when known: its reason is shown beside the
            editorial mark (at first reading and adoption), and an editorial
            draft needs no mark.
        parent: the parent window.
    """

    def __init__(self, policy: Policy, today: date, preview: Preview, *,
                 event: str | None = None, version: int | None = None,
                 classification=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._classification = classification
        self._today = today
        self._preview = preview
        self._earliest: date | None = None
        self._problems: list[str] = []
        self.setWindowTitle(self.tr("Record an event: %1").replace("%1", policy.title))
        self.setAccessibleName(self.tr("Record an event"))
        self._build()
        if event in EVENTS:
            self.event_box.setCurrentIndex(EVENTS.index(event))
        self._fill_versions(version)
        self._connect()
        self.refresh()

    # -- construction ---------------------------------------------------------
    def _build(self) -> None:
        self.event_box = QComboBox(self)
        for key, text in self._event_texts().items():
            self.event_box.addItem(text, key)
        self.version_box = QComboBox(self)
        self.record_label = self._text_label()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(to_qdate(self._today))
        self.earliest_button = QPushButton(self)
        self.earliest_button.setVisible(False)
        self.editorial_box = QCheckBox(self.tr("This change is &editorial, not substantive"), self)
        self.class_label = self._text_label()
        self.justification_label = QLabel(
            self.tr("&Why is it editorial? (printed on the redline)"), self)
        self.justification_edit = QPlainTextEdit(self)
        self.justification_edit.setTabChangesFocus(True)
        self.justification_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        self.justification_label.setBuddy(self.justification_edit)
        self.checks_label = self._text_label()
        self.checks_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("&Record"))
        self._name_controls()
        self._lay_out()

    def _name_controls(self) -> None:
        """Accessible names, read out by screen readers."""
        for widget, name in (
            (self.event_box, self.tr("Event")), (self.version_box, self.tr("Version")),
            (self.date_edit, self.tr("Date")), (self.earliest_button, self.tr("Use the earliest valid date")),
            (self.editorial_box, self.tr("Editorial change")),
            (self.justification_edit, self.tr("Why the change is editorial")),
            (self.checks_label, self.tr("Rule checks")),
            (self.record_label, self.tr("Dates on record")),
            (self.class_label, self.tr("Change class")), (self.ok_button, self.tr("Record")),
        ):
            widget.setAccessibleName(name)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self._label(self.tr("E&vent:"), self.event_box), self.event_box)
        form.addRow(self._label(self.tr("Versi&on:"), self.version_box), self.version_box)
        form.addRow("", self.record_label)
        form.addRow(self._label(self.tr("&Date:"), self.date_edit), self.date_edit)
        form.addRow("", self.earliest_button)
        form.addRow("", self.class_label)
        form.addRow("", self.editorial_box)
        form.addRow(self.justification_label, self.justification_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.checks_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)

    def _text_label(self) -> QLabel:
        """A wrapping label for plain text (never read as HTML)."""
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.PlainText)
        return label

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _event_texts(self) -> dict[str, str]:
        return {
            "first_reading": self.tr("First reading"),
            "second_reading": self.tr("Second reading"),
            "adopted": self.tr("Adoption"),
            "posted": self.tr("Posting"),
            "effective": self.tr("Effective date"),
            "reviewed": self.tr("Review"),
            "withdrawn": self.tr("Withdrawal"),
        }

    def _connect(self) -> None:
        self.event_box.currentIndexChanged.connect(self._on_event_changed)
        self.version_box.currentIndexChanged.connect(self._on_version_changed)
        self.date_edit.dateChanged.connect(self.refresh)
        self.editorial_box.toggled.connect(self.refresh)
        self.justification_edit.textChanged.connect(self.refresh)
        self.earliest_button.clicked.connect(self.use_earliest)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _fill_versions(self, preferred: int | None = None) -> None:
        """Versions the chosen event applies to: a new one for a first reading."""
        self.version_box.blockSignals(True)
        self.version_box.clear()
        if self.chosen_event() == "first_reading":
            latest = self._policy.latest
            number = (latest.number + 1) if latest else 1
            self.version_box.addItem(
                self.tr("New version %1 (the current draft)").replace("%1", str(number)), None)
        else:
            for v in reversed(self._policy.versions):
                text = self.tr("Version %1").replace("%1", str(v.number))
                if v.legacy:
                    text += " " + self.tr("(legacy)")
                self.version_box.addItem(text, v.number)
            if preferred is not None:
                row = self.version_box.findData(preferred)
                self.version_box.setCurrentIndex(max(row, 0))
        self.version_box.blockSignals(False)
        self._sync_editorial()

    def _sync_editorial(self) -> None:
        """Preset the editorial mark from the chosen version's record."""
        number = self.version_number()
        v = None
        if number is not None:
            v = next((x for x in self._policy.versions if x.number == number), None)
        self.editorial_box.blockSignals(True)
        self.editorial_box.setChecked(bool(v and v.change_class == EDITORIAL))
        self.editorial_box.blockSignals(False)
        if v and v.justification and not self.justification_edit.toPlainText().strip():
            self.justification_edit.setPlainText(v.justification)

    def _on_event_changed(self) -> None:
        self._fill_versions(self.version_number())
        self.refresh()

    def _on_version_changed(self) -> None:
        self._sync_editorial()
        self.refresh()

    # -- public API ---------------------------------------------------------------
    def chosen_event(self) -> str:
        """The chosen event key (one of ``core.versions.EVENTS``)."""
        return self.event_box.currentData()

    def when(self) -> date:
        """The chosen date."""
        return self.date_edit.date().toPython()

    def set_when(self, d: date) -> None:
        """Choose date ``d`` (the checks rerun)."""
        self.date_edit.setDate(to_qdate(d))

    def version_number(self) -> int | None:
        """The chosen version's number; None for a new version (first reading)."""
        return self.version_box.currentData()

    def editorial(self) -> bool:
        return self.editorial_box.isEnabled() and self.editorial_box.isChecked()

    def justification(self) -> str:
        return self.justification_edit.toPlainText().strip() if self.editorial() else ""

    def earliest(self) -> date | None:
        """The earliest valid date the core offered for the current choice, or None."""
        return self._earliest

    def problems(self) -> list[str]:
        """What currently stops the event from being recorded, in the core's words."""
        return list(self._problems)

    def request(self) -> EventRequest:
        """The event to record, for ``Library.record_event``."""
        return EventRequest(self.chosen_event(), self.when(), self.version_number(),
                            self.editorial(), self.justification())

    def use_earliest(self) -> None:
        """Set the date to the earliest valid date offered."""
        if self._earliest is not None:
            self.set_when(self._earliest)
            if self.ok_button.isEnabled():   # Enter now records (the button that had focus is hidden)
                self.ok_button.setDefault(True)
                self.ok_button.setFocus()

    # -- live checks --------------------------------------------------------------
    def refresh(self) -> None:
        """Rerun the rule checks for the current choice and show the result."""
        classed = self.chosen_event() in CLASSED_EVENTS
        v_number = self.version_number()
        v = next((x for x in self._policy.versions if x.number == v_number), None)
        self.record_label.setText(self._on_record(v))
        auto_editorial = bool(self._classification and self._classification.change_class == EDITORIAL)
        self.class_label.setVisible(classed and self._classification is not None)
        if self._classification is not None:
            text = (self.tr("The change is editorial: %1") if auto_editorial
                    else self.tr("The change looks substantive: %1"))
            self.class_label.setText(text.replace("%1", self._classification.reason))
        classed = classed and not auto_editorial
        self.editorial_box.setEnabled(classed)
        self.editorial_box.setVisible(classed)
        show_why = classed and self.editorial_box.isChecked()
        self.justification_label.setVisible(show_why)
        self.justification_edit.setVisible(show_why)
        problems: list[str] = []
        earliest: date | None = None
        if self.chosen_event() != "first_reading" and v is None:
            problems.append(self.tr("This policy has no version yet. Record a first reading first."))
        else:
            try:
                failures = list(self._preview(self.chosen_event(), self.when(), version=v_number,
                                              editorial=self.editorial(),
                                              justification=self.justification()))
            except PolicyEditorError as exc:
                failures = []
                problems.append(exc.message)
            problems += [f.message for f in failures]
            earliest = next((f.earliest for f in failures if f.earliest), None)
        if show_why and not self.justification_edit.toPlainText().strip():
            problems.append(self.tr("Write why this change is editorial; the justification is "
                                    "recorded and printed on the redline."))
        self._problems = problems
        self._show_checks(problems, earliest)

    def _on_record(self, v) -> str:
        """The chosen version's dates, so the clerk sees what the new date follows."""
        if v is None:
            return self.tr("Nothing recorded yet: this begins a new version.")
        names = {"first_reading": self.tr("first reading %1"),
                 "second_reading": self.tr("second reading %1"), "adopted": self.tr("adopted %1"),
                 "posted": self.tr("posted %1"), "effective": self.tr("effective %1"),
                 "withdrawn": self.tr("withdrawn %1")}
        parts = [text.replace("%1", long_date(getattr(v, e))) for e, text in names.items()
                 if getattr(v, e) is not None]
        if v.legacy:
            parts.append(self.tr("legacy (exempt from the notice rules)"))
        if not parts:
            return self.tr("Nothing recorded yet.")
        return self.tr("On record: %1").replace("%1", "; ".join(parts))

    def _show_checks(self, problems: list[str], earliest: date | None) -> None:
        self._earliest = earliest if earliest != self.when() else None
        if self._earliest is not None:
            self.earliest_button.setText(
                self.tr("Use the earliest valid date: %1").replace("%1", long_date(self._earliest)))
        self.earliest_button.setVisible(self._earliest is not None)
        if problems:
            self.checks_label.setStyleSheet(FAIL_STYLE)
            self.checks_label.setText("\n".join("✗ " + p for p in problems))
        else:
            self.checks_label.setStyleSheet(PASS_STYLE)
            self.checks_label.setText("✓ " + self.tr("Every rule passes for this date."))
        self.checks_label.setAccessibleDescription(self.checks_label.text())
        self.ok_button.setEnabled(not problems)
        self._fit()

    def _fit(self) -> None:
        """Grow to show every wrapped line (the "On record" line, the checks) in full."""
        if self.isVisible() and self.layout() is not None:
            self.layout().activate()
            wanted = self.layout().totalHeightForWidth(self.width()) if self.layout().hasHeightForWidth() \
                else self.sizeHint().height()
            if wanted > self.height():
                self.resize(self.width(), wanted)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit()

    def accept(self) -> None:
        """Close with OK only when nothing stops the event (Enter cannot bypass the checks)."""
        self.refresh()
        if not self._problems:
            super().accept()


class CorrectionDialog(QDialog):
    """Correct the date of a recorded fact of one version: the right date and a reason.

    The store checks the rules with the corrected date and refuses (nothing
    written) a correction that would break one or move tagged data; read
    ``request()`` after ``exec()``: ``(event, date, reason)``."""

    def __init__(self, policy: Policy, version: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from policyeditor.core.versions import EVENT_LABELS

        self._version = policy.version(version)
        self.setWindowTitle(self.tr("Correct a date: %1, version %2").replace("%1", policy.title)
                            .replace("%2", str(version)))
        self.event_box = QComboBox(self)
        for key in ("first_reading", "second_reading", "adopted", "posted", "withdrawn"):
            recorded = getattr(self._version, key)
            if recorded is not None:
                self.event_box.addItem(f"{EVENT_LABELS[key].capitalize()} ({recorded.isoformat()})", key)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(to_qdate(today))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        self.reason_edit.setAccessibleName(self.tr("Reason for the correction"))
        self.note = QLabel(self.tr("A correction is recorded as its own entry: the history keeps the date "
                                   "first recorded, the right date, the reason, when and who."), self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("&Correct"))
        form = QFormLayout()
        label = QLabel(self.tr("&Event:"), self)
        label.setBuddy(self.event_box)
        form.addRow(label, self.event_box)
        label = QLabel(self.tr("&Right date:"), self)
        label.setBuddy(self.date_edit)
        form.addRow(label, self.date_edit)
        label = QLabel(self.tr("&Why (kept in the history):"), self)
        label.setBuddy(self.reason_edit)
        form.addRow(label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.event_box.currentIndexChanged.connect(self._event_changed)
        self.reason_edit.textChanged.connect(self._refresh)
        self.date_edit.dateChanged.connect(self._refresh)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._event_changed()

    def version_number(self) -> int:
        return self._version.number

    def set_when(self, d: date) -> None:
        self.date_edit.setDate(to_qdate(d))

    def _event_changed(self) -> None:
        recorded = getattr(self._version, self.event_box.currentData() or "", None) if self.event_box.count() else None
        if recorded is not None:
            self.date_edit.setDate(to_qdate(recorded))
        self._refresh()

    def _ready(self) -> bool:
        key = self.event_box.currentData()
        return bool(key and self.reason_edit.toPlainText().strip()
                    and self.date_edit.date().toPython() != getattr(self._version, key))

    def _refresh(self) -> None:
        self.ok_button.setEnabled(self._ready())

    def request(self) -> tuple[str, date, str]:
        return (self.event_box.currentData(), self.date_edit.date().toPython(),
                " ".join(self.reason_edit.toPlainText().split()))

    def accept(self) -> None:
        if self._ready():
            super().accept()
