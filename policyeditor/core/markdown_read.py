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

from policyeditor.core.errors import TextError
from policyeditor.core.markdown_fast import read_chunk
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


@lru_cache(maxsize=8)
def _markdown(idle: tuple[str, ...] = (), inline: bool = True):
    """CommonMark with GFM tables, less the rules named (rules that cannot
    match the text at hand: see ``_idle_rules``); without ``inline``, the
    blocks only (an inline token's content and lines, no children)."""
    from markdown_it import MarkdownIt              # loaded when a chunk needs it (markdown_fast reads most)

    md = MarkdownIt("commonmark").enable("table")
    off = list(idle) if inline else [*idle, "inline", "text_join"]
    return md.disable(off) if off else md


# Rules that can match only where the text holds the pattern: when it does not,
# the rule is left out (markdown-it tries each rule at every line or character;
# a rule that cannot match changes nothing but the time). Each pattern is a
# superset of what its rule needs; the prefix class is what container markers
# (quotes, list items) and indentation can put before a block's first character.
_PREFIX = r"(?m)^[ \t>*+\-0-9.)]*"
_RULE_NEEDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("fence", re.compile(r"```|~~~")),
    ("reference", re.compile(r"\]:")),
    ("html_block", re.compile(_PREFIX + "<")),
    ("hr", re.compile(_PREFIX + r"([*_-])(?:[ \t]*\1){2}")),
    ("lheading", re.compile(r"(?m)^[ \t>]*(?:=+|-+)[ \t]*$")),
    ("html_inline", re.compile(r"<\S")),
    ("autolink", re.compile(r"<\S")),
    ("entity", re.compile("&")),
    ("backticks", re.compile("`")),
    ("escape", re.compile(r"\\")),
    ("image", re.compile(r"!\[")),
)


def _idle_rules(text: str) -> tuple[str, ...]:
    """The rules of ``_RULE_NEEDS`` that cannot match anywhere in text."""
    return tuple(name for name, needs in _RULE_NEEDS if not needs.search(text))


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
    global _last_chunks
    previous, chunks = _last_chunks, {}
    pieces = _chunks(body)
    for chunk in pieces:
        parsed = previous.get(chunk) or read_chunk(chunk, lines=False)
        if parsed is not None:
            chunks[chunk] = parsed
    rest = [chunk for chunk in pieces if chunk not in chunks]
    if rest:                                       # what markdown-it-pyrs did not read
        md = _markdown(_idle_rules("\n\n".join(rest)))
        for chunk in rest:
            tokens = md.parse(chunk)
            chunks[chunk] = tuple(_blocks(tokens, chunk.split("\n"))), _written(tokens)
    blocks: list[Block] = []
    for chunk in pieces:
        blocks.extend(chunks[chunk][0])
    _last_chunks = chunks
    return normalize(Document(tuple(blocks), front))


def written_lines(text: str) -> dict[str, str]:
    """The inline contents (paragraphs, mostly) that Markdown text writes on more than one
    line: each with its spaces folded to one -> as written, the last one of each.

    The whole text is read, front matter too, as markdown-it reads it
    (``MarkdownIt("commonmark").enable("table")``): only the blocks, in chunks,
    reusing the chunks of the text read or parsed last.
    """
    global _last_lines
    previous, parsed, chunks = _last_lines, _last_chunks, {}
    md = _markdown(_idle_rules(text), inline=False)
    found: dict[str, str] = {}
    for chunk in _chunks(text):
        pairs = previous.get(chunk)
        if pairs is None:
            both = parsed.get(chunk)
            pairs = both[1] if both is not None and both[1] is not None else _written(md.parse(chunk))
        chunks[chunk] = pairs
        found.update(pairs)
    _last_lines = chunks
    return found


def _written(tokens) -> tuple[tuple[str, str], ...]:
    return tuple((" ".join(tok.content.split()), tok.content) for tok in tokens
                 if tok.type == "inline" and tok.map and tok.map[1] - tok.map[0] > 1)


_last_lines: dict[str, tuple[tuple[str, str], ...]] = {}

# The chunks of the text parsed last, with their blocks and ``written_lines``:
# a redline parses two texts that share most of their chunks (and the import
# asks for the lines of the text it parsed), and each shared chunk is parsed
# once. Only the last text's are kept (all immutable, the chunk is the key).
_last_chunks: dict[str, tuple[tuple[Block, ...], tuple[tuple[str, str], ...] | None]] = {}

# Where a text may be cut into chunks parsed on their own: a blank line, then
# a line starting with a non-space character. Nothing of CommonMark's crosses
# such a line except fenced code, HTML blocks of kinds 1-5 (script, pre,
# style, textarea, comments, processing instructions, declarations, CDATA),
# which run to their closing sequence, and link reference definitions, which
# serve the whole text: a list item's content is indented, a quote, table,
# paragraph, indented code and other HTML block ends at a blank line.
_CUT = re.compile(r"\n\n(?=\S)")
_HTML_OPENER = re.compile(r"<(?:(?i:script|pre|style|textarea)|!--|\?|!\[CDATA\[|![A-Za-z])")
_HTML_CLOSER = {"<!--": re.compile("-->"), "<?": re.compile(r"\?>"), "<![": re.compile(r"\]\]>"),
                "<!": re.compile(">"), "<": re.compile(r"</(?:script|pre|style|textarea)>", re.I | re.A)}


_last_cut: tuple[str, list[str]] = ("", [""])


def forget() -> None:
    """Let go of the last texts' chunks, blocks and lines kept for the next reading (the
    caches above): a caller done reading says so, and a large text's copies are freed
    before the work that follows (a 40 MB redline: ~170 MB less at its page)."""
    global _last_chunks, _last_lines, _last_cut
    _last_chunks, _last_lines, _last_cut = {}, {}, ("", [""])


def _chunks(body: str) -> list[str]:
    """body cut where parsing the pieces apart gives the blocks of the whole (the cut of the
    text cut last is kept: the import cuts a text twice, for its blocks and for its lines)."""
    global _last_cut
    if body == _last_cut[0]:
        return list(_last_cut[1])
    pieces = _cut(body)
    _last_cut = (body, pieces)
    return list(pieces)


def _cut(body: str) -> list[str]:
    if "```" in body or "~~~" in body or "]:" in body:
        return [body]
    # Spans no cut may fall in: from each opener of an HTML block of kinds 1-5
    # (wherever it stands, a superset) to its closer or the end of the text.
    spans: list[tuple[int, int]] = []
    found: dict[str, tuple[int, int]] = {}        # closer kind -> (searched from, found at)
    for opener in _HTML_OPENER.finditer(body):
        start, text = opener.start(), opener.group()
        kind = next(k for k in ("<!--", "<?", "<![", "<!", "<") if text.startswith(k))
        searched, at = found.get(kind, (-1, -1))
        # The closer found from an earlier opener is this one's too if it ends past it
        # (no closer holds an opener's '<' past its first character).
        if not (searched <= start and (at > start or at == len(body))):
            closer = _HTML_CLOSER[kind].search(body, start)
            at = closer.end() if closer else len(body)
            found[kind] = (start, at)
        spans.append((start, at))
    pieces: list[str] = []
    begin = 0
    spans.sort()
    k = 0
    reach = -1                                     # end of the spans begun before the cut
    for cut in _CUT.finditer(body):
        at = cut.start()
        while k < len(spans) and spans[k][0] < at:
            reach = max(reach, spans[k][1])
            k += 1
        if reach > at:
            continue
        pieces.append(body[begin:at])
        begin = cut.end()
    pieces.append(body[begin:])
    return pieces


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
