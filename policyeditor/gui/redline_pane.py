"""The live redline beside the editor: the draft against a version.

``redline_html.compute_redline(old_text, new_doc)`` is pure and runs in a
worker; the window asks for it as the user types and the TaskRunner drops
results that arrive after a newer request.
``RedlinePane`` shows the result: a version chooser ("compare with"), a
summary line (words inserted, deleted, reformatted; editorial or substantive
and why), the marked-up text in a QTextBrowser, and Previous / Next change
buttons (F8 / Shift+F8 in the window) that bring each changed paragraph into
view, saying which one of how many it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("RedlinePane", text)


@dataclass(frozen=True)
class RedlineResult:
    """What the pane shows: the redline's HTML and its summary sentences."""

    html: str
    summary: str
    reason: str
    has_changes: bool
    changes: int = 0      # changed paragraphs, anchored "change-1" ... in ``html``


class RedlinePane(QWidget):
    """Compare-with chooser, summary line, redline text; see the module docstring."""

    #: the user chose another version to compare with (its number)
    base_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_box = QComboBox(self)
        self.base_box.setAccessibleName(tr("Compare the draft with"))
        label = QLabel(tr("&Compare with:"), self)
        label.setBuddy(self.base_box)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setAccessibleName(tr("Summary of the changes"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Redline of the draft"))
        self.browser.setPlaceholderText(tr("The redline of the draft appears here."))
        font = self.browser.document().defaultFont()
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.browser.document().setDefaultFont(font)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(tr("\u25b2 Previous change"))
        self.previous_button.setToolTip(tr("Show the previous change (Shift+F8)"))
        self.previous_button.setAccessibleName(tr("Previous change"))
        self.next_button = QToolButton(self)
        self.next_button.setText(tr("Next change \u25bc"))
        self.next_button.setToolTip(tr("Show the next change (F8)"))
        self.next_button.setAccessibleName(tr("Next change"))
        self.position = QLabel(self)
        self.position.setAccessibleName(tr("Which change is shown"))
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.base_box, 1)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addWidget(self.position, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(steps)
        layout.addWidget(self.browser, 1)
        self.base_box.activated.connect(self._on_base_chosen)
        self.previous_button.clicked.connect(self.previous_change)
        self.next_button.clicked.connect(self.next_change)
        for keys, slot in (("F8", self.next_change), ("Shift+F8", self.previous_change)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.browser.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._stepping = False  # Previous / Next is scrolling: it sets the change itself
        self._fresh = True
        self._showing = False   # a redline is shown (not a message)
        self._changes = 0
        self._current = 0
        self._update_steps()

    def set_bases(self, choices: list[tuple[str, int]], selected: int | None,
                  keep_position: bool = False) -> None:
        """Fill the chooser with (label, version number) and select ``selected``;
        ``keep_position``: the same comparison again (keep the scroll position)."""
        if not keep_position or selected != self.base_number():
            self._fresh = True           # another comparison: open at its first change
        self.base_box.blockSignals(True)
        self.base_box.clear()
        for text, number in choices:
            self.base_box.addItem(text, number)
        index = self.base_box.findData(selected) if selected is not None else -1
        self.base_box.setCurrentIndex(max(index, 0))
        self.base_box.setEnabled(bool(choices))
        self.base_box.blockSignals(False)

    def show_policy(self, data, same: bool = False) -> None:
        """Offer the versions of the loaded policy (``loading.PolicyData``) to compare
        with; the same policy read again keeps the chosen comparison and the place."""
        from policyeditor.gui.loading import default_base

        choices = []
        for version in data.policy.versions:
            if version.number in data.texts:
                label = tr("Version {n}").format(n=version.number)
                state = data.states.get(version.number)
                if state is not None:
                    label += f" ({QCoreApplication.translate('MainWindow', state.value)})"
                choices.append((label, version.number))
        if not choices:
            choices.append((tr("Nothing yet (a new policy)"), 0))
        base = self.base_number() if same else None
        if base is None or base not in data.texts:
            base = default_base(data)
        self.set_bases(choices, base, keep_position=same)

    def base_number(self) -> int | None:
        data = self.base_box.currentData()
        return int(data) if data is not None else None

    def _on_base_chosen(self, _index: int) -> None:
        number = self.base_number()
        self._fresh = True
        if number is not None:
            self.base_changed.emit(number)

    def show_result(self, result: RedlineResult) -> None:
        """Show a computed redline: the first one of a comparison opens at the
        first change, later ones (as the user types) keep the scroll position."""
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(result.html)
        self._showing = True
        self._changes = result.changes
        if self._fresh:
            self._fresh = False
            self._current = 1 if result.changes else 0
            self.browser.scrollToAnchor("change-1")
        else:
            self._stepping = True
            bar.setValue(position)
            self._stepping = False
            self._current = self._change_in_view() if result.changes else 0
        self._update_steps()
        text = result.summary if not result.has_changes else f"{result.summary} {result.reason}"
        self.summary.setText(text)

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a redline (no version yet, or computing)."""
        self.browser.setHtml(f"<p><i>{escape(text)}</i></p>")
        self.summary.setText("")
        self._showing = False
        self._changes = self._current = 0
        self._update_steps()

    def next_change(self) -> None:
        """Bring the next changed paragraph into view."""
        self._go(self._current + 1)

    def previous_change(self) -> None:
        """Bring the previous changed paragraph into view."""
        self._go(self._current - 1)

    def _go(self, number: int) -> None:
        if not self._changes:
            return
        self._current = min(max(number, 1), self._changes)
        self._stepping = True
        self.browser.scrollToAnchor(f"change-{self._current}")
        self._stepping = False
        self._update_steps()

    def _anchor_tops(self) -> dict[int, float]:
        """Where each change's anchor ("change-N") starts in the document (y)."""
        doc = self.browser.document()
        layout = doc.documentLayout()
        tops: dict[int, float] = {}
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name.startswith("change-") and name[7:].isdigit():
                        tops.setdefault(int(name[7:]), layout.blockBoundingRect(block).top())
                it += 1
            block = block.next()
        return tops

    def _change_in_view(self) -> int:
        """The change shown at the scroll position: the last one starting above the
        upper third of the view (the first when none does)."""
        bar = self.browser.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return self._changes          # at the very end: the last change is in view
        line = bar.value() + self.browser.viewport().height() / 3
        tops = self._anchor_tops()
        above = [n for n, top in tops.items() if top <= line and n <= self._changes]
        return max(above) if above else 1

    def _on_scrolled(self, _value: int) -> None:
        if self._stepping or not self._changes:
            return
        current = self._change_in_view()
        if current != self._current:
            self._current = current
            self._update_steps()

    def _update_steps(self) -> None:
        self.previous_button.setEnabled(self._current > 1)
        self.next_button.setEnabled(self._current < self._changes)
        if not self._changes:
            self.position.setText(tr("No changes") if self._showing else "")
        else:
            self.position.setText(tr("Change {n} of {total}").format(n=self._current, total=self._changes))
