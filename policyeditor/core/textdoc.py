"""The blocks of styled runs a policy's text is made of, and their normal form.

``Document`` (blocks), ``Block`` (a paragraph, heading, list item, quote,
table cell or raw block) and ``Run`` (text with one formatting); ``normalize`` makes a
document what canonical Markdown can express. Reading and writing Markdown
(``core.markdown_read``, ``core.markdown_write``) build on this module;
``core.textmodel`` gathers both for callers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH = "paragraph"
HEADING = "heading"
BULLET = "bullet"
NUMBERED = "numbered"
RAW = "raw"
QUOTE = "quote"              # a paragraph of a block quote ("> ")
HEADER_CELL = "header-cell"  # a cell of a table's first (header) row; level = its column
CELL = "cell"                # a cell of a table's other rows; level = its column
BLOCK_KINDS = (PARAGRAPH, HEADING, BULLET, NUMBERED, RAW, QUOTE, HEADER_CELL, CELL)
CELL_KINDS = (HEADER_CELL, CELL)


def table_rows(blocks, start: int = 0) -> tuple[list[list[int]], int]:
    """The table beginning at ``blocks[start]``: its rows (lists of block
    indexes) and the index after it.

    A table is a run of cell blocks; it starts with its header row, a row
    starts at a cell of column 0, and a header cell after body cells, or a
    second header row, starts the next table. Any sequence of blocks whose kind has ``kind`` and
    ``level`` (text model blocks, redline block styles) can be grouped.
    """
    rows: list[list[int]] = []
    i = start
    seen_body = False
    while i < len(blocks):
        kind, level = _kind_level(blocks[i])
        if kind not in CELL_KINDS:
            break
        if kind == HEADER_CELL and (seen_body or (level == 0 and rows)):
            break       # a table has one header row: another one starts the next table
        seen_body = seen_body or kind == CELL
        if not rows or level == 0 or (rows[-1] and _kind_level(blocks[rows[-1][-1]])[0] != kind):
            rows.append([])
        rows[-1].append(i)
        i += 1
    return rows, i


def _kind_level(item) -> tuple[str, int]:
    style = getattr(item, "style", None)    # a redline block: its style
    if style is not None and not isinstance(item, Block):
        return style.kind, style.level
    return item.kind, item.level


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    # Written out (not left to the dataclass), so that the compiled build runs them natively:
    # the generated ones are interpreted Python even there, and runs are made by the ten thousand.
    def __init__(self, text: str, bold: bool = False, italic: bool = False, link: str | None = None) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "bold", bold)
        object.__setattr__(self, "italic", italic)
        object.__setattr__(self, "link", link)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Run) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text == other.text and self.bold == other.bold and self.italic == other.italic
                and self.link == other.link)

    def __hash__(self) -> int:          # written out too: compiled, an __eq__ alone leaves none
        return hash((self.text, self.bold, self.italic, self.link))

    @property
    def style(self) -> tuple[bool, bool, str | None]:
        return (self.bold, self.italic, self.link)


@dataclass(frozen=True)
class Block:
    """A paragraph, heading (level 1-6), list item (level = nesting, 0 = top), quote
    paragraph, table cell (level = column, from 0) or raw block."""

    kind: str
    runs: tuple[Run, ...] = ()
    level: int = 0

    def __init__(self, kind: str, runs: tuple[Run, ...] = (), level: int = 0) -> None:   # as Run's
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "runs", runs)
        object.__setattr__(self, "level", level)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block) or other.__class__ is not self.__class__:
            return NotImplemented
        return self.kind == other.kind and self.level == other.level and self.runs == other.runs

    def __hash__(self) -> int:
        return hash((self.kind, self.runs, self.level))

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...] = ()
    front_matter: str = ""   # YAML front matter between '---' lines, verbatim, without the fences

    @property
    def plain_text(self) -> str:
        """The words without formatting: one block per line."""
        return "\n".join(b.text for b in self.blocks)


# ---------------------------------------------------------------- normalize

_WS = re.compile(r"[ \t\r\n\f\v]+")


def _to_fold(text: str) -> bool:
    """Whether text holds whitespace that folds to one space (string searches: faster than a pattern)."""
    return "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text
_PLAIN = (False, False, None)


def _clean_runs(runs) -> tuple[Run, ...]:
    """Fold whitespace, keep spaces outside styled runs, merge equal styles, trim.

    A styled run never starts or ends with a space (Markdown could not mark
    it), no run is empty, and no two neighbours share a style.
    """
    if len(runs) == 1 and not runs[0].bold and not runs[0].italic and runs[0].link is None:
        only = runs[0]                             # one plain run, the common case: fold and trim
        text = _WS.sub(" ", only.text) if _to_fold(only.text) else only.text
        text = text.strip()
        if not text:
            return ()
        return tuple(runs) if text == only.text else (Run(text),)
    texts: list[str] = []
    styles: list[tuple] = []
    for run in runs:
        text = run.text
        if _to_fold(text):
            text = _WS.sub(" ", text)
        if not run.bold and not run.italic and run.link is None:
            _add(texts, styles, text, _PLAIN)
            continue
        style = (run.bold, run.italic, run.link)
        core = text.strip()
        if not core:
            _add(texts, styles, text, _PLAIN)
            continue
        _add(texts, styles, text[: len(text) - len(text.lstrip())], _PLAIN)
        _add(texts, styles, core, style)
        _add(texts, styles, text[len(text.rstrip()):], _PLAIN)
    if texts:
        texts[0] = texts[0].lstrip()
        texts[-1] = texts[-1].rstrip()
    return tuple(Run(t, *st) for t, st in zip(texts, styles) if t)


def _add(texts: list[str], styles: list[tuple], text: str, style: tuple) -> None:
    """``_clean_runs``'s step: text of a style after the texts so far (one space between runs)."""
    if texts and text.startswith(" ") and texts[-1].endswith(" "):
        text = text[1:]
    if not text:
        return
    if styles and styles[-1] == style:
        texts[-1] += text
    else:
        texts.append(text)
        styles.append(style)


def normalize(doc: Document) -> Document:
    """The document as canonical Markdown can express it.

    Runs merged and trimmed, empty blocks dropped, list nesting no deeper than
    one level below the item before, heading levels within 1-6; a table
    (``table_rows``) has a header row and every row as many cells as its
    widest, numbered from column 0 (empty cells kept), and a table of empty
    cells is dropped.
    """
    blocks: list[Block] = []
    prev_list_level = -1
    source = doc.blocks
    i = 0
    while i < len(source):
        block = source[i]
        if block.kind in CELL_KINDS:
            rows, i = table_rows(source, i)
            blocks.extend(_normal_table([[source[k] for k in row] for row in rows]))
            prev_list_level = -1
            continue
        i += 1
        if block.kind == RAW:
            text = block.text.strip("\n")
            if text.strip():
                blocks.append(Block(RAW, (Run(text),)))
            prev_list_level = -1
            continue
        runs = _clean_runs(block.runs)
        if not runs:
            continue
        level = block.level
        if block.kind in (BULLET, NUMBERED):
            level = max(0, min(level, prev_list_level + 1))
            prev_list_level = level
        else:
            prev_list_level = -1
            level = min(max(level, 1), 6) if block.kind == HEADING else 0
        blocks.append(block if runs == block.runs and level == block.level else Block(block.kind, runs, level))
    front = doc.front_matter.strip("\n")
    return Document(tuple(blocks), front)


def _normal_table(rows: list[list[Block]]) -> list[Block]:
    cleaned = [[_clean_runs(cell.runs) for cell in row] for row in rows]
    if not any(runs for row in cleaned for runs in row):
        return []
    width = max(len(row) for row in cleaned)
    out: list[Block] = []
    for r, row in enumerate(cleaned):
        kind = HEADER_CELL if r == 0 else CELL
        row = row + [()] * (width - len(row))
        out.extend(Block(kind, runs, c) for c, runs in enumerate(row))
    return out
