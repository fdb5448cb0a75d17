"""The text model: canonical Markdown <-> blocks of styled runs.

Canonical Markdown (DESIGN.md): one paragraph per line, a blank line between
blocks, ``**bold**``, ``*italic*``, ``- `` and ``1. `` lists (items of one list
on consecutive lines, nested items indented four spaces a level), ``#``
headings, ``[links](url)``. The serializer is deterministic:
``serialize(parse(s)) == s`` for canonical ``s``, so a save that changes
nothing changes no byte.

GFM pipe tables (``| a | b |`` rows under a ``| --- |`` line) are blocks
of cells (``HEADER_CELL``/``CELL``, level = column), and ``> `` quotes of
paragraphs are ``QUOTE`` blocks.

What the subset does not cover (code blocks, raw HTML, images, quotes
holding lists or headings) is kept verbatim as a ``raw`` block, so any Markdown file parses and
nothing in it is lost; YAML front matter is kept verbatim in
``Document.front_matter``, and HTML comments become ``raw`` blocks.

The model itself lives in ``core.textdoc`` (below the reader and the
writer); this module gives callers the model with ``parse``/``serialize``.
"""

from __future__ import annotations

from policyeditor.core.textdoc import (
    BLOCK_KINDS,
    BULLET,
    CELL,
    CELL_KINDS,
    HEADER_CELL,
    QUOTE,
    HEADING,
    NUMBERED,
    PARAGRAPH,
    RAW,
    Block,
    Document,
    Run,
    normalize,
    table_rows,
)

__all__ = ["BLOCK_KINDS", "BULLET", "CELL", "CELL_KINDS", "HEADER_CELL", "HEADING", "NUMBERED", "PARAGRAPH",
           "QUOTE", "RAW", "Block", "Document", "Run", "canonical", "normalize", "parse", "serialize", "table_rows"]


def parse(markdown: object) -> Document:
    """Markdown -> Document (see core.markdown_read)."""
    from policyeditor.core.markdown_read import parse as _parse

    return _parse(markdown)


def serialize(doc: Document) -> str:
    """Document -> canonical Markdown (see core.markdown_write)."""
    from policyeditor.core.markdown_write import serialize as _serialize

    return _serialize(doc)


def canonical(markdown: object) -> str:
    """The canonical form of a Markdown text: serialize(parse(markdown))."""
    return serialize(parse(markdown))
