"""Markdown -> text model, with markdown-it-py (CommonMark).

Any Markdown parses: GFM pipe tables become cell blocks and quotes of plain
paragraphs quote blocks; what the canonical subset lacks (code, raw HTML,
rules, quotes holding lists or headings) becomes a ``raw`` block holding its
source lines, and a YAML front matter block is kept verbatim. Inline code keeps its backticks as
text; an image keeps its alt text.
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from markdown_it import MarkdownIt

from policyeditor.core.errors import TextError
from policyeditor.core.textdoc import (
    BULLET,
    CELL,
    HEADER_CELL,
    HEADING,
    NUMBERED,
    PARAGRAPH,
    QUOTE,
    RAW,
    Block,
    Document,
    Run,
    normalize,
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_LIST_KIND = {"bullet_list_open": BULLET, "ordered_list_open": NUMBERED}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter without its fences, the rest) for text opening with '---'."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    return (match.group(1) or "").rstrip("\n"), text[match.end():]


def parse(text: object) -> Document:
    """Markdown text -> normalized Document. Never fails on a str."""
    if not isinstance(text, str):
        raise TextError("The policy text could not be read: it is not text.")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(text)
    blocks = _blocks(_markdown().parse(body), body.split("\n"))
    return normalize(Document(tuple(blocks), front))


def _blocks(tokens, lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    lists: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in _LIST_KIND:
            lists.append(_LIST_KIND[tok.type])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type in ("list_item_open", "list_item_close"):
            pass
        elif tok.type == "heading_open":
            blocks.append(Block(HEADING, _runs(tokens[i + 1]), int(tok.tag[1:])))
            i += 2
        elif tok.type == "paragraph_open":
            kind = lists[-1] if lists else PARAGRAPH
            level = len(lists) - 1 if lists else 0
            blocks.append(Block(kind, _runs(tokens[i + 1]), level))
            i += 2
        elif tok.type == "table_open":
            end = _skip_to_close(tokens, i)
            blocks.extend(_table(tokens[i:end + 1]))
            i = end
        elif tok.type == "blockquote_open" and _plain_quote(tokens, i):
            end = _skip_to_close(tokens, i)
            blocks.extend(Block(QUOTE, _runs(t)) for t in tokens[i:end] if t.type == "inline")
            i = end
        else:
            source = _raw_source(tok, lines)
            if source:
                blocks.append(Block(RAW, (Run(source),)))
            i = _skip_to_close(tokens, i)
        i += 1
    return blocks


def _table(tokens) -> list[Block]:
    """A GFM table's cells, row by row (the header row first)."""
    cells: list[Block] = []
    column = 0
    for tok in tokens:
        if tok.type == "tr_open":
            column = 0
        elif tok.type == "inline":
            cells.append(Block(CELL, _runs(tok), column))
            column += 1
        elif tok.type == "th_open":
            pass
    header = sum(1 for tok in tokens if tok.type == "th_open")
    return [Block(HEADER_CELL, b.runs, b.level) if k < header else b for k, b in enumerate(cells)]


def _plain_quote(tokens, i: int) -> bool:
    """Whether the block quote opened at tokens[i] holds only paragraphs."""
    end = _skip_to_close(tokens, i)
    return end > i + 1 and all(t.type in ("paragraph_open", "paragraph_close", "inline")
                               for t in tokens[i + 1:end])


def _raw_source(tok, lines: list[str]) -> str:
    """A block outside the subset, verbatim, so it reads the same anywhere.

    Indented code becomes a fenced block and other blocks lose their common
    indentation: placed after a list item, indentation would change meaning.
    """
    if tok.type == "code_block":
        return "```\n" + tok.content.rstrip("\n") + "\n```"
    if not tok.map:
        return ""
    return textwrap.dedent("\n".join(lines[tok.map[0]:tok.map[1]])).strip("\n")


def _skip_to_close(tokens, i: int) -> int:
    """Index of the token closing tokens[i] (itself if it opens nothing)."""
    tok = tokens[i]
    if tok.nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _runs(inline) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    links: list[str] = []

    def add(text: str) -> None:
        if text:
            runs.append(Run(text, bold > 0, italic > 0, links[-1] if links else None))

    for child in inline.children or ():
        kind = child.type
        if kind in ("text", "html_inline"):
            add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            links.append(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            links.pop()
        elif kind == "code_inline":
            add(f"{child.markup}{child.content}{child.markup}")
        elif kind == "image":
            add(child.content)
        else:
            add(child.content)
    return tuple(runs)
