"""PolicyDialog: a policy's details kept in its policy.toml.

Title, classification code, review cycle and the policy's own notice period
(DESIGN rule 2: the library's period unless the policy sets its own). The
dialog edits nothing on disk: ``changes()`` after ``exec()`` gives the
fields that differ from the record, as keyword arguments of
``Library.update_policy_info``, which the window runs off the UI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from policyeditor.core.versions import Policy

FAIL_STYLE = "color: #b01010;"


class PolicyDialog(QDialog):
    """Edit ``policy``'s details; ``library_notice_days`` is the library's period."""

    def __init__(self, policy: Policy, library_notice_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._library_days = library_notice_days
        self.setWindowTitle(self.tr("Details of %1").replace("%1", policy.title))
        self.setAccessibleName(self.tr("Policy details"))
        self.title_edit = QLineEdit(policy.title, self)
        self.code_edit = QLineEdit(policy.code, self)
        self.code_edit.setPlaceholderText(self.tr("for example IJNDC"))
        self.review_spin = QSpinBox(self)
        self.review_spin.setRange(0, 240)
        self.review_spin.setSpecialValueText(self.tr("no review cycle"))
        self.review_spin.setSuffix(self.tr(" months"))
        self.review_spin.setValue(policy.review_months or 0)
        self.own_notice_box = QCheckBox(self.tr("&Own notice period"), self)
        self.own_notice_box.setToolTip(self.tr(
            "Without its own period, the library's applies (%1 days).").replace("%1", str(library_notice_days)))
        self.notice_spin = QSpinBox(self)
        self.notice_spin.setRange(0, 3650)
        self.notice_spin.setSuffix(self.tr(" days"))
        own = policy.notice_days is not None
        self.own_notice_box.setChecked(own)
        self.notice_spin.setValue(policy.notice_days if own else library_notice_days)
        self.notice_spin.setEnabled(own)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(FAIL_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self._lay_out()
        self.title_edit.textChanged.connect(self.validate)
        self.own_notice_box.toggled.connect(self.notice_spin.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.validate()

    def _lay_out(self) -> None:
        form = QFormLayout()
        notice = QHBoxLayout()
        notice.addWidget(self.own_notice_box)
        notice.addWidget(self.notice_spin, 1)
        rows = ((self.tr("&Title:"), self.tr("Title"), self.title_edit),
                (self.tr("&Code:"), self.tr("Classification code"), self.code_edit),
                (self.tr("&Review every:"), self.tr("Review cycle"), self.review_spin))
        for text, name, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.notice_spin.setAccessibleName(self.tr("Notice period for substantive changes"))
        self.own_notice_box.setAccessibleName(self.tr("The policy has its own notice period"))
        form.addRow(QLabel(self.tr("Notice period:"), self), notice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def problems(self) -> list[str]:
        """What stops the details from being saved, in plain words."""
        if not self.title_edit.text().strip():
            return [self.tr("Write the policy's title, for example Website Privacy Policy.")]
        return []

    def validate(self) -> bool:
        problems = self.problems()
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)
        return not problems

    def changes(self) -> dict:
        """The fields changed, as ``Library.update_policy_info`` keywords
        (``review_months=0`` clears the cycle, ``notice_days=-1`` the own period)."""
        p = self._policy
        out: dict = {}
        title = " ".join(self.title_edit.text().split())
        if title != p.title:
            out["title"] = title
        code = self.code_edit.text().strip()
        if code != p.code:
            out["code"] = code
        months = self.review_spin.value()
        if months != (p.review_months or 0):
            out["review_months"] = months
        days = self.notice_spin.value() if self.own_notice_box.isChecked() else None
        if days != p.notice_days:
            out["notice_days"] = -1 if days is None else days
        return out

    def accept(self) -> None:
        if self.validate():
            super().accept()
