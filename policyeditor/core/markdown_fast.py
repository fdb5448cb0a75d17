"""A chunk of Markdown read by markdown-it-pyrs, where it reads as markdown-it-py would.

markdown-it-pyrs is markdown-it ported to Rust (the algorithm markdown-it-py
follows, CommonMark plus GFM tables), some fifteen times faster. The reader
(``markdown_read``) is defined by markdown-it-py; this module gives the same
blocks and written lines for the chunks where both are known to agree and
``None`` for any other chunk, which markdown-it-py then reads:

- a chunk holding a character that starts what the two might read apart
  (backslash escapes, entities, inline code, HTML and autolinks, images,
  tables, link reference definitions, NUL) is not read here at all;
- a tree holding a node outside paragraphs, ATX headings, lists, quotes of
  paragraphs, text, breaks, strong, emphasis and links is refused;
- a paragraph written on several lines is read here at the top level, where
  its source lines are what markdown-it-py's inline token holds, and in lists
  when only the blocks are wanted (``read_chunk(chunk, lines=False)``, the
  redline's reading), in a chunk where no quote can begin; its * and _ must
  be unable to pair across its lines (one alone, underscores inside words,
  **strong** pairs written on one line).

``tests/core/test_markdown_fast.py`` compares both readers chunk by chunk on
the corpus and on generated soups of Markdown's punctuation.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from policyeditor.core.textdoc import BULLET, CELL, HEADER_CELL, HEADING, NUMBERED, PARAGRAPH, QUOTE, RAW, Block, Run


def _rust_markdown_it() -> Any:
    """markdown-it-pyrs's parser class, or None without the wheel (markdown-it-py then reads all)."""
    try:
        from markdown_it_pyrs import MarkdownIt
    except ImportError:                                 # pragma: no cover - the wheel is a dependency
        return None
    return MarkdownIt


_RustMarkdownIt = _rust_markdown_it()

# HTML declarations and processing instructions (<!X, <?: CommonMark 0.31 widened them).
_HTML_DECLARATION = re.compile(r"<!(?!--)|<\?")
# markdown-it-py follows CommonMark 0.31, where Unicode symbols count as punctuation
# beside * and _ (flanking); markdown-it-pyrs does not, nor do the two agree on every
# Unicode space. Beside a delimiter only ASCII, letters and digits are read here.
_NON_ASCII = re.compile("[^\x00-\x7f]")
# Nor on where a link's destination ends when a Unicode space follows it.
_UNICODE_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# A line end inside a link's parentheses: its paragraph is written on several lines
# though no break says so.
_LINK_OVER_LINES = re.compile(r"\]\([^)]*\n")
# A link target that held a non-ASCII character (markdown-it-pyrs percent-encodes it).
_ENCODED_NON_ASCII = re.compile("%[89A-Fa-f][0-9A-Fa-f]")
# Where markdown-it-pyrs draws a table as markdown-it-py does: a chunk of table rows
# alone, each line opening and closing with a pipe (as the Markdown writer writes them).
_TABLE_ONLY = re.compile(r"(?:[ ]{0,3}\|[^\n]*\|[ \t]*(?:\n|\Z))+\n*\Z")
# An autolink's target that both readers write and show as it stands.
_PLAIN_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$'()*+,;=]+")
# An underscore that may open or close emphasis: not inside a word of ASCII letters and
# digits ("redirect_from", "a__b" are text in either reader, whatever the lines).
_LOOSE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9_])_|_(?![A-Za-z0-9_])")
_STRONG_ON_ONE_LINE = re.compile(r"(?<![^\s(\[])\*\*[A-Za-z0-9](?:[^*_\n]*[A-Za-z0-9])?\*\*(?=[\s.,;:!?)\]]|$)")
_BULLET_STAR = re.compile(r"^[ ]*\*[ ]", re.M)
# Where a quote might begin: a > first on its line, or after list markers.
_QUOTE_MARK = re.compile(r"^[ ]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ ]+)*>", re.M)
_LISTS = {"bullet_list": BULLET, "ordered_list": NUMBERED}
_INLINE = frozenset(("text", "softbreak", "hardbreak", "strong", "em", "link", "autolink", "html_inline"))

# (blocks, written lines); the lines are None when read without them (see ``read_chunk``).
Parsed = tuple[tuple[Block, ...], "tuple[tuple[str, str], ...] | None"]


class _Refused(Exception):
    """The chunk holds something this reader does not read as markdown-it-py does."""


@lru_cache(maxsize=1)
def _parser():
    return _RustMarkdownIt("commonmark").enable("table")


def available() -> bool:
    return _RustMarkdownIt is not None


def read_chunk(chunk: str, lines: bool = True) -> Parsed | None:
    """(blocks, written lines) of a chunk as ``markdown_read`` defines them, or None.

    Without ``lines`` (a reading that needs the blocks only), a paragraph
    written on several lines inside a list is read too, in a chunk without
    quotes (no > where one could begin) or tabs; its written lines are not
    worked out, and the lines are then None.
    """
    if _RustMarkdownIt is None or _outside(chunk):
        return None
    source = chunk.encode("utf-8")                      # the tree's offsets count bytes
    blocks: list[Block] = []
    written: list[tuple[str, str]] = []
    previous = ""
    state = _Lines(not lines and "\t" not in chunk and (">" not in chunk or _QUOTE_MARK.search(chunk) is None),
                   chunk)
    try:
        for node in _parser().tree(chunk).children:
            if node.name == "paragraph":
                start, end = node.srcmap
                if b"\n" in source[start:end]:
                    content = source[source.rfind(b"\n", 0, start) + 1:end].decode("utf-8").strip()
                    written.append((" ".join(content.split()), content))
                blocks.append(Block(PARAGRAPH, _runs(node.children, state)))
            elif node.name == "hr":                      # kept as written, a raw block
                line = source.rfind(b"\n", 0, node.srcmap[0]) + 1
                end = source.find(b"\n", line)
                raw = textwrap.dedent(source[line:end if end >= 0 else len(source)].decode("utf-8")).strip("\n")
                blocks.append(Block(RAW, (Run(raw),)))
            elif node.name == "html_block":
                if previous not in ("hr", "heading", "html_block") and not _after_blank_line(source, node.srcmap[0]):
                    raise _Refused                      # markdown-it-pyrs lets <tag> break a paragraph
                raw = textwrap.dedent(str(node.meta.get("content") or "")).strip("\n")
                if raw:
                    blocks.append(Block(RAW, (Run(raw),)))
            else:
                _block(node, [], blocks.append, state)
            previous = node.name
    except _Refused:
        return None
    if "|" not in chunk and any(block.kind in (CELL, HEADER_CELL) for block in blocks):
        return None                                     # markdown-it-pyrs's table without pipes
    return tuple(blocks), (None if state.unknown else tuple(written))


class _Lines:
    """Whether paragraphs written on several lines may be read in lists (``may``), and
    whether one was (``unknown``: the chunk's written lines were not worked out); and
    whether the chunk's * and _ cannot pair across a line (``inert``, worked out once)."""

    def __init__(self, may: bool, chunk: str) -> None:
        self.may = may
        self.unknown = False
        self.chunk = chunk
        self._inert: bool | None = None

    @property
    def inert(self) -> bool:
        if self._inert is None:
            self._inert = _inert(self.chunk)
        return self._inert


def _inert(chunk: str) -> bool:
    """Whether every * of the chunk is a list's bullet or one of a **strong** pair written on
    one line (opening after a space, '(' or '[' and before a letter or digit, closing after
    one and before a space, punctuation or the line's end, nothing between them that either
    reader might read as a delimiter), and every _ is inside a word: then each reader has
    one way to pair them, the same, wherever the paragraph's lines break."""
    if "*" in chunk:
        chunk = _BULLET_STAR.sub("", _STRONG_ON_ONE_LINE.sub("", chunk))
    return "*" not in chunk and ("_" not in chunk or _LOOSE_UNDERSCORE.search(chunk) is None)


def _after_blank_line(source: bytes, start: int) -> bool:
    """Whether the line holding byte ``start`` opens the chunk or follows a blank line."""
    line = source.rfind(b"\n", 0, start) + 1
    return line == 0 or not source[source.rfind(b"\n", 0, line - 1) + 1:line].strip()


def _outside(chunk: str) -> bool:
    """Whether the chunk holds what the two readers may read apart (plain string tests first).

    What markdown-it-py's reading depends on beyond the nodes this reader takes:
    escapes (\\), entities (&), code (`), images (![), link reference definitions
    (]:), NUL; then the patterns above; then the characters beside * and _.
    """
    return ("\\" in chunk or "&" in chunk or "`" in chunk or "\x00" in chunk or "![" in chunk or "]:" in chunk
            or (("<!" in chunk or "<?" in chunk) and _HTML_DECLARATION.search(chunk) is not None)
            or ("](" in chunk and ((not chunk.isascii() and _UNICODE_SPACE.search(chunk) is not None)
                                   or _LINK_OVER_LINES.search(chunk) is not None))
            or ("|" in chunk and _TABLE_ONLY.match(chunk) is None)
            or (not chunk.isascii() and _odd_neighbour(chunk)))


def _odd_neighbour(chunk: str) -> bool:
    """Whether a * or _ stands beside a non-ASCII character other than a letter or digit
    (the non-ASCII characters, few in a policy, are looked at, each with its two neighbours)."""
    end = len(chunk)
    for found in _NON_ASCII.finditer(chunk):
        at = found.start()
        if ((at and chunk[at - 1] in "*_") or (at + 1 < end and chunk[at + 1] in "*_")) \
                and unicodedata.category(chunk[at])[0] not in "LN":
            return True
    return False


def _block(node, lists: list[str], add: Callable[[Block], None], state: _Lines) -> None:
    """The blocks of a node below the top level (or of a top-level non-paragraph)."""
    name = node.name
    if name in _LISTS:
        lists.append(_LISTS[name])
        for item in node.children:
            if item.name != "list_item":
                raise _Refused
            _item(item.children, lists, add, state)
        lists.pop()
    elif name == "paragraph":
        _one_line(node.children, state if lists else None)
        add(Block(lists[-1] if lists else PARAGRAPH, _runs(node.children, state), len(lists) - 1 if lists else 0))
    elif name == "heading":
        add(Block(HEADING, _runs(node.children, state), int(node.meta["level"])))
    elif name == "blockquote":
        if not node.children or any(child.name != "paragraph" for child in node.children):
            raise _Refused                              # markdown-it-py keeps it as raw source
        for child in node.children:
            _one_line(child.children, None)
            add(Block(QUOTE, _runs(child.children, state)))
    elif name == "table":
        _table(node, add, state)
    else:
        raise _Refused                                  # rules, code, HTML in lists, setext headings


def _table(node, add: Callable[[Block], None], state: _Lines) -> None:
    """A table's cells row by row, the header row's first, each numbered by its column."""
    for part in node.children:
        if part.name not in ("thead", "tbody"):
            raise _Refused
        kind = HEADER_CELL if part.name == "thead" else CELL
        for row in part.children:
            for column, cell in enumerate(row.children):
                if row.name != "trow" or cell.name != "tcell":
                    raise _Refused
                add(Block(kind, _runs(cell.children, state), column))


def _item(children, lists: list[str], add: Callable[[Block], None], state: _Lines) -> None:
    """A list item's blocks; a tight item's paragraph is its run of inline nodes."""
    inline: list = []
    for child in [*children, None]:
        if child is not None and child.name in _INLINE:
            inline.append(child)
            continue
        if inline:
            _one_line(inline, state)
            add(Block(lists[-1], _runs(inline, state), len(lists) - 1))
            inline = []
        if child is not None:
            _block(child, lists, add, state)


def _one_line(inline, state: _Lines | None) -> None:
    """Refuse a paragraph written on several lines inside a list or quote, whose written
    form (markdown-it-py's inline content) keeps or drops the container's indentation,
    unless ``state`` (a list's paragraph) says the lines are not wanted: then it is read
    and ``state`` notes that the chunk's lines are unknown.

    A line end inside a paragraph is a break, or sits in a link's title (code
    spans and HTML, which may hold one too, are not read here); the inline
    nodes' source offsets are not used: markdown-it-pyrs gets some wrong.
    """
    for node in inline:
        if "\n" in str(node.meta.get("title") or ""):
            raise _Refused
        if node.name in ("softbreak", "hardbreak"):
            if state is None or not state.may:
                raise _Refused
            state.unknown = True
        _one_line(node.children, state)


def _runs(children, state: _Lines) -> tuple[Run, ...]:
    """The runs of a paragraph; refused when it has a line break and * or _ that might pair
    (as text or as emphasis): markdown-it-pyrs pairs some delimiters across a line break as
    markdown-it-py does not. Every * and _ of the paragraph's text ends up in one of the two;
    not refused when there is one alone (nothing to pair with), or when the chunk's are
    ``_inert`` (underscores inside words, **strong** spans on one line)."""
    runs: list[Run] = []
    seen = [0, 0, 0]                    # line breaks; * and loose _ of the text; strong and em

    def walk(nodes, bold: bool, italic: bool, link: str | None) -> None:
        for node in nodes:
            name = node.name
            if name == "text":
                content = node.meta["content"]
                if content:
                    if "*" in content or "_" in content:
                        seen[1] += content.count("*") + len(_LOOSE_UNDERSCORE.findall(content))
                    runs.append(Run(content, bold, italic, link))
            elif name in ("softbreak", "hardbreak"):
                seen[0] += 1
                runs.append(Run(" ", bold, italic, link))
            elif name == "strong":
                seen[2] += 1
                walk(node.children, True, italic, link)
            elif name == "em":
                seen[2] += 1
                walk(node.children, bold, True, link)
            elif name == "html_inline":
                runs.append(Run(str(node.meta["content"]), bold, italic, link))
            elif name == "autolink":
                url = str(node.meta.get("url") or "")
                if not _PLAIN_URL.fullmatch(url) or [child.name for child in node.children] != ["text_special"]:
                    raise _Refused                      # markdown-it-py shows it decoded
                runs.append(Run(str(node.children[0].meta["content"]), bold, italic, url))
            elif name == "link":
                url = str(node.meta.get("url") or "")
                if _ENCODED_NON_ASCII.search(url):     # markdown-it-py spells a host in punycode
                    raise _Refused
                walk(node.children, bold, italic, url)
            else:
                raise _Refused

    walk(children, False, False, None)
    # one delimiter left as text pairs with nothing; two might, across a line
    if seen[0] and (seen[1] > 1 or seen[2]) and not state.inert:
        raise _Refused
    return tuple(runs)
