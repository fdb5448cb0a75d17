"""The model policies an association changed since the last update taken, with their redlines.

``load_updates(lib, name)`` (in a worker) reads the model manual again (ops.upstream) and draws
each changed model policy's redline (the model as last taken -> the model now); the dialog lists
them with what a pull would do (merges cleanly, touches the district's wording, new policy) and
shows the selected one's redline. Accepting it merges them into the drafts (the feature does it
in the worker, gui/features/upstream.py) under the update's name typed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelUpdatesDialog", text)


@dataclass(frozen=True)
class LoadedUpdates:
    name: str
    association: str
    updates: tuple                 # ops.upstream.PendingUpdate
    redlines: tuple[str, ...]      # HTML, one per update


def load_updates(lib, name: str) -> LoadedUpdates:
    from policyeditor.core.textmodel import parse
    from policyeditor.gui.redline_html import compute_redline
    from policyeditor.ops import upstream

    updates = tuple(upstream.pending_updates(lib, name))
    redlines = tuple(compute_redline(u.old_text, parse(u.new_text)).html for u in updates)
    return LoadedUpdates(name, upstream.association_of(lib, name), updates, redlines)


class ModelUpdatesDialog(QDialog):
    """The pending model updates of one model manual; Merge into Drafts accepts."""

    def __init__(self, loaded: LoadedUpdates, default_update: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.setWindowTitle(tr("Model policy updates: {association}").format(association=loaded.association))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        if not loaded.updates:
            layout.addWidget(QLabel(tr("No model policy changed since the last update taken.")))
        self.list = QListWidget()
        for u in loaded.updates:
            target = u.policy_id or tr("not in this library")
            self.list.addItem(f"{u.code}  {u.title}  ({target}): {u.status}")
        layout.addWidget(self.list)
        self.redline = QTextBrowser()
        layout.addWidget(self.redline, 1)
        self.list.currentRowChanged.connect(self._show)
        form = QFormLayout()
        self.update_name = QLineEdit(default_update)
        form.addRow(tr("Name of this update (for the memo):"), self.update_name)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton(tr("Merge into Drafts"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setEnabled(bool(loaded.updates))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if loaded.updates:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        self.redline.setHtml(self.loaded.redlines[row] if 0 <= row < len(self.loaded.redlines) else "")
