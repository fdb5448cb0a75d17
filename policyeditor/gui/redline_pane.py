"""The live redline beside the editor: the draft against a version.

``compute_redline(old_text, new_doc)`` is pure (core.redline, core.redline_stats,
core.changeclass) and runs in a worker; the window asks for it as the user
types and the TaskRunner drops results that arrive after a newer request.
``RedlinePane`` shows the result: a version chooser ("compare with"), a
summary line (words inserted, deleted, reformatted; editorial or substantive
and why) and the marked-up text in a QTextBrowser. The HTML is drawn here
with inline styles QTextBrowser understands; every piece of text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from policyeditor.core import redline as rl
from policyeditor.core.redline_stats import redline_stats
from policyeditor.core.textmodel import Document

INS_STYLE = "color:#0645ad; text-decoration:underline; background-color:#eef4ff;"
DEL_STYLE = "color:#b00020; text-decoration:line-through; background-color:#fff0f0;"
FMT_STYLE = "background-color:#fff4d6;"
NOTE_STYLE = "color:#7a4f00; font-size:small;"


def tr(text: str) -> str:
    return QCoreApplication.translate("RedlinePane", text)


@dataclass(frozen=True)
class RedlineResult:
    """What the pane shows: the redline's HTML and its summary sentences."""

    html: str
    summary: str
    reason: str
    has_changes: bool


def _styled(text: str, style) -> str:
    body = escape(text).replace("\n", "<br>")
    if style.bold:
        body = f"<b>{body}</b>"
    if style.italic:
        body = f"<i>{body}</i>"
    if style.link:
        body = f'<a href="{escape(style.link, quote=True)}">{body}</a>'
    return body


def _segment_html(seg: rl.Segment, block_status: str) -> str:
    body = _styled(seg.text, seg.style)
    op = seg.op
    if block_status in (rl.INSERTED, rl.MOVED_TO):
        op = rl.INSERTED
    elif block_status in (rl.DELETED, rl.MOVED_FROM):
        op = rl.DELETED
    if op == rl.INSERTED:
        return f'<span style="{INS_STYLE}">{body}</span>'
    if op == rl.DELETED:
        return f'<span style="{DEL_STYLE}">{body}</span>'
    if op == rl.FORMATTED:
        return f'<span style="{FMT_STYLE}">{body}</span>'
    return body


def _block_html(block: rl.RedlineBlock) -> str:
    inner = "".join(_segment_html(s, block.status) for s in block.segments)
    if block.break_op == rl.INSERTED and block.status not in (rl.INSERTED, rl.MOVED_TO):
        inner += f'<span style="{INS_STYLE}">\u00b6</span>'
    elif block.break_op == rl.DELETED and block.status not in (rl.DELETED, rl.MOVED_FROM):
        inner += f'<span style="{DEL_STYLE}">\u00b6</span>'
    kind, level = block.style.kind, block.style.level
    if kind == "heading":
        tag = f"h{min(max(level + 1, 2), 6)}"
        html = f"<{tag}>{inner}</{tag}>"
    elif kind in ("bullet", "numbered"):
        mark = "\u2022" if kind == "bullet" else "#"
        html = f'<p style="margin-left:{1.5 * (level + 1):g}em">{mark} {inner}</p>'
    elif kind == "raw":
        html = f"<pre>{inner}</pre>"
    else:
        html = f"<p>{inner}</p>"
    note = block.format_note
    if block.status in (rl.MOVED_FROM, rl.MOVED_TO):
        note = tr("Moved from here") if block.status == rl.MOVED_FROM else tr("Moved here")
    if note:
        html += f'<p style="{NOTE_STYLE}">{escape(note)}</p>'
    return html


def compute_redline(old_text: str, new_doc: Document) -> RedlineResult:
    """The redline of ``new_doc`` against ``old_text`` (pure; for a worker)."""
    redline = rl.compare(old_text, new_doc)
    stats = redline_stats(redline, old_text, new_doc)
    parts, changes = [], 0
    for block in redline.blocks:
        if block.status != rl.EQUAL:
            changes += 1
            parts.append(f'<a name="change-{changes}"></a>')
        parts.append(_block_html(block))
    html = "\n".join(parts)
    return RedlineResult(html, stats.summary, stats.reason, redline.has_changes)


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
        font = self.browser.document().defaultFont()
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.browser.document().setDefaultFont(font)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.base_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self.base_box.activated.connect(self._on_base_chosen)
        self._fresh = True

    def set_bases(self, choices: list[tuple[str, int]], selected: int | None) -> None:
        """Fill the chooser with (label, version number) and select ``selected``."""
        self._fresh = True
        self.base_box.clear()
        for text, number in choices:
            self.base_box.addItem(text, number)
        index = self.base_box.findData(selected) if selected is not None else -1
        self.base_box.setCurrentIndex(max(index, 0))
        self.base_box.setEnabled(bool(choices))

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
        if self._fresh:
            self._fresh = False
            self.browser.scrollToAnchor("change-1")
        else:
            bar.setValue(position)
        text = result.summary if not result.has_changes else f"{result.summary} {result.reason}"
        self.summary.setText(text)

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a redline (no version yet, or computing)."""
        self.browser.setHtml(f"<p><i>{escape(text)}</i></p>")
        self.summary.setText("")
