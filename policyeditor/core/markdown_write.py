"""Text model -> canonical Markdown. Ours, and deterministic.

One block per line, a blank line between blocks, list items of one list on
consecutive lines (nested four spaces a level, numbered 1., 2., ... afresh in
each list), ``**bold**`` outside ``*italic*``, ``[text](url)``. Characters
Markdown would read as markup are escaped with a backslash. A quote
paragraph is a ``> `` line; a table is GFM pipe rows (``| a | b |``, the
header row, then ``| --- | --- |``), ``|`` in a cell escaped.

A run boundary that CommonMark cannot mark (emphasis whose inner edge is
punctuation against a letter outside, or markers that would run into each
other) is caught by reading the line back; such a run loses the formatting
Markdown cannot express, so ``serialize(parse(s)) == s`` always holds.
"""

from __future__ import annotations

import re
from itertools import groupby

from policyeditor.core.textdoc import (
    BULLET,
    CELL_KINDS,
    HEADING,
    NUMBERED,
    QUOTE,
    RAW,
    Block,
    Document,
    Run,
    normalize,
    table_rows,
)

_ALWAYS = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>+=\-|~:])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
_TRAILING_HASHES = re.compile(r"(?<!\\)(#+)$")   # not a "#" the line start escaped
_INDENT = "    "


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as inline markup."""
    return _ENTITY.sub(r"\\&", _ALWAYS.sub(r"\\\1", text))


def serialize(doc: Document) -> str:
    """Canonical Markdown for ``doc``; "" for an empty document."""
    doc = normalize(doc)
    parts: list[str] = []
    if doc.front_matter:
        parts.append(f"---\n{doc.front_matter}\n---")
    numbers: list[int] = []
    previous: Block | None = None
    i = 0
    while i < len(doc.blocks):
        block = doc.blocks[i]
        if block.kind in CELL_KINDS:
            rows, i = table_rows(doc.blocks, i)
            line = _table_lines([[doc.blocks[k] for k in row] for row in rows])
            parts.append("\n\n" + line if parts else line)
            previous = None
            continue
        i += 1
        line = _block_line(block, numbers, previous)
        joiner = "\n" if _same_list(previous, block) else "\n\n"
        parts.append(joiner + line if parts else line)
        previous = block
    return "".join(parts) + "\n" if parts else ""


def _same_list(previous: Block | None, block: Block) -> bool:
    if previous is None or block.kind not in (BULLET, NUMBERED):
        return False
    if previous.kind not in (BULLET, NUMBERED):
        return False
    return block.level > 0 or previous.kind == block.kind or previous.level > 0


def _table_lines(rows: list[list[Block]]) -> str:
    """A normalized table (``textdoc.normalize``) as GFM pipe rows."""
    def row_line(row: list[Block]) -> str:
        return "|" + "|".join(f" {render_inline(c.runs).replace('|', chr(92) + '|')} " for c in row) + "|"

    lines = [row_line(rows[0]), "|" + "|".join(" --- " for _ in rows[0]) + "|"]
    lines.extend(row_line(row) for row in rows[1:])
    return "\n".join(lines)


def _block_line(block: Block, numbers: list[int], previous: Block | None) -> str:
    if block.kind == RAW:
        return block.text
    if block.kind == QUOTE:
        return "> " + render_inline(block.runs)
    inline = render_inline(block.runs, heading=block.kind == HEADING)
    if block.kind == HEADING:
        return "#" * block.level + " " + inline
    if block.kind not in (BULLET, NUMBERED):
        return inline
    in_list = previous is not None and _same_list(previous, block)
    del numbers[block.level + 1 if in_list else 0:]
    if block.kind == BULLET:
        marker = "-"
        numbers[block.level:] = [0]
    else:
        count = numbers[block.level] + 1 if len(numbers) > block.level else 1
        numbers[block.level:] = [count]
        marker = f"{count}."
    while len(numbers) <= block.level:
        numbers.insert(0, 0)
    return _INDENT * block.level + marker + " " + inline


def render_inline(runs: tuple[Run, ...], *, heading: bool = False) -> str:
    """Markdown for a block's runs, checked by reading it back."""
    runs = tuple(runs)
    for _ in range(4):
        line = _guard(_emit(runs), heading)
        if not _needs_check(runs):
            return line
        back = _read_back(line)
        if back == runs:
            return line
        runs = _drop_lost_styles(runs, back)
    return _guard(escape("".join(r.text for r in runs)), heading)


def _guard(line: str, heading: bool) -> str:
    """Escape what would start a block (a list, heading, quote) at line start."""
    line = _LINE_START.sub(r"\\\1", line)
    line = _ORDERED_START.sub(r"\1\\\2", line)
    if heading:
        line = _TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), line)
    return line


def _emit(runs: tuple[Run, ...]) -> str:
    out: list[str] = []
    for link, group in groupby(runs, key=lambda r: r.link):
        inner = _emphasis(list(group))
        if link is not None and out and out[-1].endswith("!"):  # escape() never escapes "!"
            out[-1] = out[-1][:-1] + "\\!"   # "!" before "[...](...)" would make an image
        out.append(inner if link is None else f"[{inner}]({_destination(link)})")
    return "".join(out)


def _destination(url: str) -> str:
    if re.search(r"[\s()<>]", url):
        return "<" + re.sub(r"[<>\s]", lambda m: f"%{ord(m.group()):02X}", url) + ">"
    return url.replace("\\", "%5C")


def _emphasis(runs: list[Run]) -> str:
    out: list[str] = []
    bold = italic = False
    for run in runs:
        if italic and (not run.italic or bold != run.bold):
            out.append("*")
            italic = False
        if bold and not run.bold:
            out.append("**")
            bold = False
        if run.bold and not bold:
            out.append("**")
            bold = True
        if run.italic and not italic:
            out.append("*")
            italic = True
        out.append(escape(run.text))
    out.append("*" * italic + "**" * bold)
    return "".join(out)


def _needs_check(runs: tuple[Run, ...]) -> bool:
    """Only runs with emphasis next to punctuation or to other styled runs can misparse."""
    for a, b in zip((None, *runs), (*runs, None)):
        if a is None or b is None or a.style == b.style:
            continue
        styled = (a.bold or a.italic) or (b.bold or b.italic)
        if styled and not (a.text[-1] == " " or b.text[0] == " "):
            return True
        edge = a.text[-1] + b.text[0]
        if styled and any(not ch.isalnum() and not ch.isspace() for ch in edge):
            return True
    return False


def _read_back(line: str) -> tuple[Run, ...]:
    from policyeditor.core.markdown_read import parse

    doc = parse(line)
    return doc.blocks[0].runs if doc.blocks else ()


def _drop_lost_styles(wanted: tuple[Run, ...], got: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs whose style did not survive the round trip become plain."""
    got_styles: list[tuple] = []
    for run in got:
        got_styles.extend([run.style] * len(run.text))
    kept: list[Run] = []
    pos = 0
    for run in wanted:
        span = got_styles[pos:pos + len(run.text)]
        pos += len(run.text)
        if all(style == run.style for style in span) and len(span) == len(run.text):
            kept.append(run)
        else:
            kept.append(Run(run.text, link=run.link))
    doc = normalize(Document((Block("paragraph", tuple(kept)),)))
    return doc.blocks[0].runs if doc.blocks else ()
