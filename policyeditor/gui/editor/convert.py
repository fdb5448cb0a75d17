"""The text model <-> QTextDocument, both ways, without Qt's Markdown writer.

The editor shows a ``core.textmodel.Document`` as Qt blocks and reads it back
block by block, so a draft opened and saved without changes gives the same
canonical Markdown (``textmodel.serialize``) byte for byte.

How each block kind looks in the QTextDocument:
- paragraph: a plain block;
- heading N: ``QTextBlockFormat.headingLevel() == N``, larger demi-bold text;
- bullet / numbered at level L: a block in a ``QTextList`` (disc / decimal)
  with indent L + 1;
- quote: a block marked with ``QUOTE_PROPERTY``, indented on both sides;
- table cells: a ``QTextTable`` (a thin grid, the header row first); a
  cell's blocks read back as one cell (joined by a space);
- raw (Markdown the editor does not model: code, HTML, other quotes): a block
  marked with ``RAW_PROPERTY``, in a fixed-pitch font, its line breaks kept as
  Qt line separators (U+2028), read back verbatim.
Runs: bold is a font weight of at least ``QFont.Bold`` (heading text itself
is demi-bold, below that), italic is italic, a link is an anchor.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextList,
    QTextListFormat,
    QTextTableFormat,
)

from policyeditor.core import textmodel as tm

RAW_PROPERTY = QTextFormat.Property.UserProperty + 1
QUOTE_PROPERTY = QTextFormat.Property.UserProperty + 2
QUOTE_INDENT = 28
LINE_SEPARATOR = "\u2028"
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 0.95}
LINK_COLOR = QColor(0x1A, 0x4F, 0x9C)
HEADER_SHADE = QColor(0xEE, 0xEE, 0xEE)
LIST_STYLES = {tm.BULLET: QTextListFormat.Style.ListDisc, tm.NUMBERED: QTextListFormat.Style.ListDecimal}


# ------------------------------------------------------------ formats
def char_format(run: tm.Run, base_size: float, heading: int = 0, raw: bool = False) -> QTextCharFormat:
    """The character format showing ``run`` (in a heading of level ``heading``)."""
    fmt = QTextCharFormat()
    if raw:
        fmt.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return fmt
    weight = QFont.Weight.Normal
    if heading:
        fmt.setFontPointSize(round(base_size * HEADING_SCALE[heading], 1))
        weight = QFont.Weight.DemiBold
    if run.bold:
        weight = QFont.Weight.ExtraBold if heading else QFont.Weight.Bold
    fmt.setFontWeight(weight)
    fmt.setFontItalic(run.italic)
    if run.link:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.link)
        fmt.setFontUnderline(True)
        fmt.setForeground(LINK_COLOR)
    return fmt


def block_format(block: tm.Block) -> QTextBlockFormat:
    """The block format for a paragraph, heading or raw block (lists get a QTextList)."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    if block.kind == tm.HEADING:
        fmt.setHeadingLevel(block.level)
        fmt.setTopMargin(8)
    elif block.kind == tm.RAW:
        fmt.setProperty(RAW_PROPERTY, True)
        fmt.setBackground(QColor(0xF3, 0xF3, 0xF3))
    elif block.kind == tm.QUOTE:
        fmt.setProperty(QUOTE_PROPERTY, True)
        fmt.setLeftMargin(QUOTE_INDENT)
        fmt.setRightMargin(QUOTE_INDENT)
    return fmt


def is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.Bold.value


def run_of(text: str, fmt: QTextCharFormat) -> tm.Run:
    """The text model run for a fragment of ``text`` shown with ``fmt``."""
    link = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    return tm.Run(text, bold=is_bold(fmt), italic=fmt.fontItalic(), link=link)


# ------------------------------------------------------------ model -> Qt
class _ListTracker:
    """Which QTextList a list item joins: one per (level, kind) in a run of items."""

    def __init__(self) -> None:
        self._open: dict[int, tuple[str, QTextList]] = {}

    def reset(self) -> None:
        self._open.clear()

    def join(self, cursor: QTextCursor, block: tm.Block) -> None:
        for level in [lv for lv in self._open if lv > block.level]:
            del self._open[level]
        current = self._open.get(block.level)
        if current is not None and current[0] == block.kind:
            current[1].add(cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(LIST_STYLES[block.kind])
        fmt.setIndent(block.level + 1)
        self._open[block.level] = (block.kind, cursor.createList(fmt))


def insert_blocks(cursor: QTextCursor, blocks: tuple[tm.Block, ...], base_size: float,
                  first_in_place: bool = True) -> None:
    """Insert ``blocks`` at ``cursor``; the first one reuses the cursor's block
    when ``first_in_place`` (loading into an empty document), else each block
    starts a new one."""
    lists = _ListTracker()
    in_place = first_in_place
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind in tm.CELL_KINDS:
            rows, i = tm.table_rows(blocks, i)
            _insert_table(cursor, [[blocks[k] for k in row] for row in rows], base_size)
            lists.reset()
            in_place = True     # the empty block Qt keeps after a table takes the next block
            continue
        if not in_place:
            cursor.insertBlock(block_format(block), QTextCharFormat())
        else:
            cursor.setBlockFormat(block_format(block))
        in_place = False
        if block.kind in LIST_STYLES:
            lists.join(cursor, block)
        else:
            lists.reset()
        _insert_runs(cursor, block, base_size)
        i += 1


def _insert_table(cursor: QTextCursor, rows: list[list[tm.Block]], base_size: float) -> None:
    """A table of the rows' cells at ``cursor``; the cursor ends in the block after it."""
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderBrush(QColor(0x99, 0x99, 0x99))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setHeaderRowCount(1)
    fmt.setBorderCollapse(True)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(8)
    width = max(len(row) for row in rows)
    table = cursor.insertTable(len(rows), width, fmt)
    for r, row in enumerate(rows):
        for c, block in enumerate(row):
            cell = table.cellAt(r, c)
            if r == 0:     # the header row shaded (not bold: bold is the text's own)
                cell_format = cell.format()
                cell_format.setBackground(HEADER_SHADE)
                cell.setFormat(cell_format)
            _insert_runs(cell.firstCursorPosition(), block, base_size)
    cursor.setPosition(table.lastPosition() + 1)


def _insert_runs(cursor: QTextCursor, block: tm.Block, base_size: float) -> None:
    heading = block.level if block.kind == tm.HEADING else 0
    raw = block.kind == tm.RAW
    for run in block.runs:
        text = run.text.replace("\r\n", "\n").replace("\n", LINE_SEPARATOR)
        cursor.insertText(text, char_format(run, base_size, heading, raw))
    if not block.runs:
        cursor.setBlockCharFormat(char_format(tm.Run(""), base_size, heading, raw))


def load(qdoc: QTextDocument, doc: tm.Document) -> None:
    """Replace ``qdoc``'s content with ``doc`` (no undo history, unmodified)."""
    qdoc.setUndoRedoEnabled(False)
    qdoc.clear()
    base = qdoc.defaultFont().pointSizeF()
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    insert_blocks(cursor, doc.blocks, base if base > 0 else 11.0)
    cursor.endEditBlock()
    qdoc.setUndoRedoEnabled(True)
    qdoc.setModified(False)


# ------------------------------------------------------------ Qt -> model
def block_of(qblock: QTextBlock) -> tm.Block:
    """The text model block a Qt block shows (not yet normalized)."""
    fmt = qblock.blockFormat()
    if fmt.property(RAW_PROPERTY):
        return tm.Block(tm.RAW, (tm.Run(qblock.text().replace(LINE_SEPARATOR, "\n")),))
    quote = bool(fmt.property(QUOTE_PROPERTY))
    runs = []
    it = qblock.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            runs.append(run_of(frag.text().replace(LINE_SEPARATOR, " "), frag.charFormat()))
        it += 1
    qlist = qblock.textList()
    if qlist is not None:
        style = qlist.format().style()
        kind = tm.BULLET if style in (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                                      QTextListFormat.Style.ListSquare) else tm.NUMBERED
        return tm.Block(kind, tuple(runs), max(0, qlist.format().indent() - 1))
    if fmt.headingLevel() > 0:
        return tm.Block(tm.HEADING, tuple(runs), fmt.headingLevel())
    return tm.Block(tm.QUOTE if quote else tm.PARAGRAPH, tuple(runs))


def read(qdoc: QTextDocument, front_matter: str = "") -> tm.Document:
    """The normalized text model of what ``qdoc`` shows (a table's cells row by row)."""
    blocks: list[tm.Block] = []
    last_cell = None
    qblock = qdoc.begin()
    while qblock.isValid():
        table = QTextCursor(qblock).currentTable()
        if table is None:
            blocks.append(block_of(qblock))
            last_cell = None
        else:
            cell = table.cellAt(qblock.position())
            key = (table.firstPosition(), cell.row(), cell.column())
            runs = block_of(qblock).runs
            if key == last_cell and blocks:     # a second paragraph typed in a cell joins it
                blocks[-1] = tm.Block(blocks[-1].kind, blocks[-1].runs + (tm.Run(" "),) + runs, blocks[-1].level)
            else:
                kind = tm.HEADER_CELL if cell.row() == 0 else tm.CELL
                blocks.append(tm.Block(kind, runs, cell.column()))
            last_cell = key
        qblock = qblock.next()
    return tm.normalize(tm.Document(tuple(blocks), front_matter))
