"""The conflict view: a policy changed differently on two workstations, passage by passage.

``load_conflict(lib, policy_id)`` (in a worker) reads the conflict (store.conflicts) and the
three-way merge of its drafts (core.merge3), with a redline of each side of each conflicting
passage against the text both started from. ``ConflictDialog`` shows them: for each passage the
clerk keeps this workstation's wording, the shared library's, both, or writes it; clashing
record fields (two adoption dates of one version) are listed with both values. ``choices()``
and ``fields_side()`` say what was chosen; the feature (gui/features/conflicts.py) saves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from policyeditor.core import merge3


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


@dataclass(frozen=True)
class LoadedConflict:
    """What the view shows: the conflict, the merge of the drafts, and per passage two redlines."""

    policy_id: str
    title: str
    conflict: object                 # store.conflicts.PolicyConflict
    merge: merge3.MergeResult | None
    redlines: tuple[tuple[str, str], ...]   # per passage: (ancestor -> ours, ancestor -> theirs) as HTML


def load_conflict(lib, policy_id: str) -> LoadedConflict | None:
    """The policy's conflict with its redlines (None when it has none); run it in a worker."""
    from policyeditor.core.textmodel import parse
    from policyeditor.gui.redline_html import compute_redline
    from policyeditor.store import conflicts

    found = conflicts.read_conflict(lib, policy_id)
    if found is None:
        return None
    title = lib.policy(policy_id).title
    merge = conflicts.draft_merge(lib, policy_id) if found.text else None
    redlines = tuple(
        (compute_redline(c.base_text, parse(c.ours_text)).html, compute_redline(c.base_text, parse(c.theirs_text)).html)
        for c in (merge.conflicts if merge else ()))
    return LoadedConflict(policy_id, title, found, merge, redlines)


class ConflictDialog(QDialog):
    """One policy's conflict: a choice per passage and for the record's clashing fields."""

    CHOICES = (merge3.OURS, merge3.THEIRS, merge3.BOTH, merge3.EDIT)

    def __init__(self, loaded: LoadedConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.setWindowTitle(tr("Resolve conflict: {title}").format(title=loaded.title))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("This policy was changed differently on this workstation and on the shared library. "
                          "Both are kept until you choose. Red is what each side deleted, blue what it added."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget()
        rows = QVBoxLayout(body)
        self.choice_boxes: list[QComboBox] = []
        self.edits: list[QPlainTextEdit] = []
        passages = loaded.merge.conflicts if loaded.merge else ()
        for n, (clash, (ours_html, theirs_html)) in enumerate(zip(passages, loaded.redlines), 1):
            box = QGroupBox(tr("Passage {n}").format(n=n))
            inner = QVBoxLayout(box)
            theirs_label = (tr("In the model policy ({source}):").format(source=loaded.conflict.source)
                            if loaded.conflict.source else tr("On the shared library:"))
            for label, html in ((tr("Here (this workstation):"), ours_html), (theirs_label, theirs_html)):
                inner.addWidget(QLabel(label))
                view = QTextBrowser()
                view.setHtml(html)
                view.setMaximumHeight(110)
                inner.addWidget(view)
            combo = QComboBox()
            combo.addItems([tr("Keep this workstation's wording"), tr("Keep the shared library's wording"),
                            tr("Keep both, this workstation's first"), tr("Write the passage myself")])
            combo.setAccessibleName(tr("Choice for passage {n}").format(n=n))
            edit = QPlainTextEdit(clash.ours_text)
            edit.setVisible(False)
            edit.setMaximumHeight(90)
            combo.currentIndexChanged.connect(lambda i, e=edit: e.setVisible(self.CHOICES[i] == merge3.EDIT))
            inner.addWidget(combo)
            inner.addWidget(edit)
            self.choice_boxes.append(combo)
            self.edits.append(edit)
            rows.addWidget(box)
        self.fields_box: QComboBox | None = None
        clashes = loaded.conflict.fields
        if clashes:
            box = QGroupBox(tr("Recorded details"))
            inner = QVBoxLayout(box)
            for clash in clashes:
                said = clash.describe()
                line = QLabel(said[:1].upper() + said[1:])
                line.setWordWrap(True)
                inner.addWidget(line)
            self.fields_box = QComboBox()
            self.fields_box.addItems([tr("Keep the shared library's (already shared; a recorded fact never "
                                         "changes)"), tr("Keep this workstation's")])
            inner.addWidget(self.fields_box)
            rows.addWidget(box)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, n: int, choice: str, text: str = "") -> None:
        """Set passage ``n`` (0-based) to "ours", "theirs", "both" or "edit" (with ``text``)."""
        self.choice_boxes[n].setCurrentIndex(self.CHOICES.index(choice))
        if choice == merge3.EDIT:
            self.edits[n].setPlainText(text)

    def choices(self) -> list[merge3.Choice]:
        out: list[merge3.Choice] = []
        for combo, edit in zip(self.choice_boxes, self.edits):
            choice = self.CHOICES[combo.currentIndex()]
            out.append((merge3.EDIT, edit.toPlainText()) if choice == merge3.EDIT else choice)
        return out

    def fields_side(self) -> str:
        return "ours" if self.fields_box is not None and self.fields_box.currentIndex() == 1 else "theirs"

    def merged_text(self) -> str | None:
        """The draft the choices make (None when the drafts did not clash)."""
        return self.loaded.merge.text(self.choices()) if self.loaded.merge is not None else None
