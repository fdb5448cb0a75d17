"""The text model: canonical Markdown <-> blocks of styled runs.

Canonical Markdown (DESIGN.md): one paragraph per line, a blank line between
blocks, ``**bold**``, ``*italic*``, ``- `` and ``1. `` lists (items of one list
on consecutive lines, nested items indented four spaces a level), ``#``
headings, ``[links](url)``. The serializer is deterministic:
``serialize(parse(s)) == s`` for canonical ``s``, so a save that changes
nothing changes no byte.

What the subset does not cover (tables, block quotes, code blocks, raw HTML,
images) is kept verbatim as a ``raw`` block, so any Markdown file parses and
nothing in it is lost; YAML front matter is kept verbatim in
``Document.front_matter``, and HTML comments become ``raw`` blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH = "paragraph"
HEADING = "heading"
BULLET = "bullet"
NUMBERED = "numbered"
RAW = "raw"
BLOCK_KINDS = (PARAGRAPH, HEADING, BULLET, NUMBERED, RAW)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    @property
    def style(self) -> tuple[bool, bool, str | None]:
        return (self.bold, self.italic, self.link)


@dataclass(frozen=True)
class Block:
    """A paragraph, heading (level 1-6), list item (level = nesting, 0 = top) or raw block."""

    kind: str
    runs: tuple[Run, ...] = ()
    level: int = 0

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
