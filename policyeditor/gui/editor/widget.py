"""The draft editor: a word-processor style QTextEdit over the text model.

``set_text(markdown)`` shows a draft, ``text()`` gives its canonical Markdown
back (``core.textmodel.serialize``). While nothing was changed ``text()``
returns the very string that was loaded, and after changes the text model
decides every byte, so a save never rewrites what the user did not touch.
Formatting commands (bold, italic, headings, lists, links) change only what
the text model can express; pasting keeps bold, italic and lists (paste.py).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from policyeditor.core import textmodel as tm
from policyeditor.gui.editor import convert, paste


class DraftEditor(QTextEdit):
    """Edits one policy's draft; see the module docstring."""

    #: the draft's text model changed (typing, formatting, undo); for the redline
    text_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName(self.tr("Draft text"))
        self.setAccessibleDescription(self.tr("The policy's draft. Save commits it to the library."))
        self._loaded = ""
        self._front_matter = ""
        font = self.document().defaultFont()
        if font.pointSizeF() < 11:
            font.setPointSizeF(11)
            self.document().setDefaultFont(font)
        self.document().setDocumentMargin(12)
        self.document().contentsChanged.connect(self.text_changed)

    # -- the draft -----------------------------------------------------------
    def set_text(self, markdown: str) -> None:
        """Show ``markdown`` as the unchanged draft (clears undo history)."""
        doc = tm.parse(markdown) if markdown else tm.Document()
        self._loaded = markdown
        self._front_matter = doc.front_matter
        self.document().blockSignals(True)
        convert.load(self.document(), doc)
        self.document().blockSignals(False)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.text_changed.emit()

    def model(self) -> tm.Document:
        """The text model of what is shown now."""
        return convert.read(self.document(), self._front_matter)

    def text(self) -> str:
        """The canonical Markdown of the draft (the loaded bytes while unchanged)."""
        if not self.document().isModified():
            return self._loaded
        return tm.serialize(self.model())

    def is_modified(self) -> bool:
        return self.document().isModified()

    def mark_saved(self, text: str) -> None:
        """The draft as shown was saved as ``text``: no longer modified."""
        self._loaded = text
        self.document().setModified(False)

    # -- character formatting ------------------------------------------------
    def _merge(self, fmt: QTextCharFormat) -> None:
        """Apply ``fmt`` to the selection, else to the word under the cursor and
        to what is typed next (one undo step either way)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            word = QTextCursor(cursor)
            word.select(QTextCursor.SelectionType.WordUnderCursor)
            if word.hasSelection():
                word.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def set_bold(self, on: bool) -> None:
        """Bold on or off for the selection (or the word under the cursor)."""
        heading = self.textCursor().blockFormat().headingLevel()
        fmt = QTextCharFormat()
        if heading:
            fmt.setFontWeight(QFont.Weight.ExtraBold if on else QFont.Weight.DemiBold)
        else:
            fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def set_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def set_link(self, url: str) -> None:
        """Make the selection a link to ``url``; an empty url removes the link."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.beginEditBlock()
        for start, end, fmt in self._fragments(cursor):
            run = convert.run_of("x", fmt)
            run = tm.Run("x", run.bold, run.italic, url.strip() or None)
            heading = cursor.blockFormat().headingLevel()
            part = QTextCursor(self.document())
            part.setPosition(start)
            part.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            part.setCharFormat(convert.char_format(run, self._base_size(), heading))
        cursor.endEditBlock()

    def _fragments(self, cursor: QTextCursor) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) of each fragment inside the selection."""
        out = []
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                lo, hi = max(start, frag.position()), min(end, frag.position() + frag.length())
                if lo < hi:
                    out.append((lo, hi, frag.charFormat()))
                it += 1
            block = block.next()
        return out

    def _base_size(self) -> float:
        size = self.document().defaultFont().pointSizeF()
        return size if size > 0 else 11.0

    # -- block formatting ----------------------------------------------------
    def set_block_kind(self, kind: str, level: int = 0) -> None:
        """Turn the selected blocks into paragraphs, headings (level 1-6) or lists."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            model = convert.block_of(block)
            new = tm.Block(kind, model.runs, level if kind == tm.HEADING else 0)
            if model.kind == tm.RAW:
                new = tm.Block(kind, (tm.Run(model.text.replace("\n", " ")),), new.level)
            self._restyle_block(block, new)
        cursor.endEditBlock()

    # -- tables ----------------------------------------------------------------
    def insert_table(self, rows: int = 2, columns: int = 2) -> None:
        """An empty table at the cursor (header row first; a table left empty is not saved)."""
        cells = tuple(tm.Block(tm.HEADER_CELL if r == 0 else tm.CELL, (), c)
                      for r in range(rows) for c in range(columns))
        cursor = self.textCursor()
        if cursor.currentTable() is not None:
            return
        start = cursor.position()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        convert.insert_blocks(cursor, cells, self._base_size(), first_in_place=False)
        cursor.endEditBlock()
        into = QTextCursor(self.document())
        into.setPosition(start)
        while into.currentTable() is None and into.movePosition(QTextCursor.MoveOperation.NextBlock):
            pass
        self.setTextCursor(into)      # in the first cell, ready to type

    def add_table_row(self) -> bool:
        """A row below the cursor's; False when the cursor is not in a table."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return False
        table.insertRows(table.cellAt(cursor).row() + 1, 1)
        return True

    def add_table_column(self) -> bool:
        """A column right of the cursor's; False when the cursor is not in a table."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return False
        table.insertColumns(table.cellAt(cursor).column() + 1, 1)
        return True

    def _selected_blocks(self, cursor: QTextCursor) -> list:
        first = self.document().findBlock(cursor.selectionStart())
        last = self.document().findBlock(cursor.selectionEnd())
        blocks, block = [], first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        return blocks

    def _restyle_block(self, block, new: tm.Block) -> None:
        cursor = QTextCursor(block)
        old_list = block.textList()
        if old_list is not None:
            old_list.remove(block)
        fmt = convert.block_format(new)
        fmt.setIndent(0)
        cursor.setBlockFormat(fmt)
        heading = new.level if new.kind == tm.HEADING else 0
        pos = block.position()
        for run in new.runs:
            part = QTextCursor(self.document())
            part.setPosition(pos)
            pos += len(run.text)
            part.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
            part.setCharFormat(convert.char_format(run, self._base_size(), heading))
        cursor.setBlockCharFormat(convert.char_format(tm.Run(""), self._base_size(), heading))
        if new.kind in convert.LIST_STYLES:
            self._join_list(cursor, new.kind)

    def _join_list(self, cursor: QTextCursor, kind: str) -> None:
        """Join the list of the block above when it is the same kind, else start one."""
        prev = cursor.block().previous()
        plist = prev.textList() if prev.isValid() else None
        if plist is not None and plist.format().style() == convert.LIST_STYLES[kind]:
            plist.add(cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(convert.LIST_STYLES[kind])
        fmt.setIndent(1)
        cursor.createList(fmt)

    def change_list_level(self, delta: int) -> None:
        """Indent (+1) or outdent (-1) the current list item."""
        cursor = self.textCursor()
        qlist = cursor.currentList()
        if qlist is None:
            return
        fmt = QTextListFormat(qlist.format())
        fmt.setIndent(max(1, fmt.indent() + delta))
        cursor.beginEditBlock()
        qlist.remove(cursor.block())
        cursor.createList(fmt)
        cursor.endEditBlock()

    # -- keyboard and clipboard ---------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter at the end of a heading starts a paragraph, as in Word."""
        heading = self.textCursor().blockFormat().headingLevel()
        if heading and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.textCursor().atBlockEnd():
            cursor = self.textCursor()
            plain = tm.Block(tm.PARAGRAPH)
            cursor.insertBlock(convert.block_format(plain), convert.char_format(tm.Run(""), self._base_size()))
            self.setTextCursor(cursor)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste: bold, italic and lists survive; fonts, colours, tables do not."""
        if source.hasHtml():
            doc = paste.document_from_html(source.html())
        elif source.hasText():
            doc = paste.document_from_plain(source.text())
        else:
            return
        self.insert_document(doc)

    def insert_document(self, doc: tm.Document) -> None:
        """Insert ``doc``'s blocks at the cursor (one undo step)."""
        if not doc.blocks:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if len(doc.blocks) == 1 and doc.blocks[0].kind == tm.PARAGRAPH:
            heading = cursor.blockFormat().headingLevel()
            for run in doc.blocks[0].runs:
                cursor.insertText(run.text, convert.char_format(run, self._base_size(), heading))
        else:
            at_empty = cursor.block().length() <= 1 and cursor.currentList() is None
            convert.insert_blocks(cursor, doc.blocks, self._base_size(), first_in_place=at_empty)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()
