"""The redline: what changed between two texts of a policy, word by word.

``compare(old, new)`` gives a ``Redline``: blocks in reading order, each with
its status and its segments (equal, inserted, deleted, or equal in words but
changed in formatting, with the old and the new style). Renderers (HTML, PDF,
DOCX) draw it; ``redline_stats`` counts and explains it.

The data (``Redline``, ``RedlineBlock``, ``Segment``, the statuses) is
defined in ``core.redline_model`` and given here. How (``core.redline_build``): blocks are compared as units first (their
words, spacing normalized);
runs of changed blocks are then compared token by token (``core.tokens``)
with diff-match-patch on one character per token, anchored so the result
stays minimal on any size (``core.seqdiff``), followed by semantic cleanup on
the token string (only the stretch between a run's first and last difference
is tokenized, see ``tokens.region_tokens``). A change therefore never starts
or ends inside a word, and spacing alone is never a change. Paragraph breaks are tokens: a paragraph that
appears, vanishes, splits or merges carries an inserted or deleted break.
"""

from __future__ import annotations

from policyeditor.core.errors import TextError
from policyeditor.core.redline_model import (
    CHANGED,
    DELETED,
    EQUAL,
    FORMATTED,
    INSERTED,
    MOVED_FROM,
    MOVED_TO,
    Redline,
    RedlineBlock,
    Segment,
    font_change,
)
from policyeditor.core.textmodel import Document
from policyeditor.core.tokens import normalize_space

__all__ = ["CHANGED", "DELETED", "EQUAL", "FORMATTED", "INSERTED", "MOVED_FROM", "MOVED_TO", "Redline",
           "RedlineBlock", "Segment", "compare", "font_change"]

def _as_document(value: object) -> Document:
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        from policyeditor.core.textmodel import parse

        return parse(value)
    raise TextError("A redline compares two texts of a policy; this is not text.")


def compare(old: object, new: object) -> Redline:
    """The redline from ``old`` to ``new`` (Markdown strings or Documents)."""
    return _compare(_as_document(old), _as_document(new))


def _compare(old_doc: Document, new_doc: Document, trim: bool = True) -> Redline:
    """``compare`` on documents; ``trim=False`` tokenizes changed blocks whole
    (the reference the shortcut of ``tokens.region_tokens`` is tested against)."""
    from policyeditor.core.redline_build import build_blocks   # loaded on the first compare

    return Redline(_mark_moves(build_blocks(old_doc, new_doc, trim)))


def _mark_moves(blocks: list[RedlineBlock]) -> tuple[RedlineBlock, ...]:
    """Label a deleted paragraph that reappears whole elsewhere as a move.

    Only paragraphs of at least five words, and only when the text is deleted
    once and inserted once, so a move is never guessed.
    """
    deleted: dict[str, list[int]] = {}
    inserted: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.status == DELETED and b.break_op == DELETED:
            deleted.setdefault(normalize_space(b.old_text), []).append(i)
        elif b.status == INSERTED and b.break_op == INSERTED:
            inserted.setdefault(normalize_space(b.new_text), []).append(i)
    result = list(blocks)
    move_id = 0
    for text, where in deleted.items():
        there = inserted.get(text)
        if len(where) != 1 or not there or len(there) != 1 or len(text.split()) < 5:
            continue
        move_id += 1
        src, dst = blocks[where[0]], blocks[there[0]]
        result[where[0]] = RedlineBlock(MOVED_FROM, src.segments, src.style, src.old_style, DELETED, move_id)
        result[there[0]] = RedlineBlock(MOVED_TO, dst.segments, dst.style, None, INSERTED, move_id)
    return tuple(result)

