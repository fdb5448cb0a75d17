"""The redline: what changed between two texts of a policy, word by word.

``compare(old, new)`` gives a ``Redline``: blocks in reading order, each with
its status and its segments (equal, inserted, deleted, or equal in words but
changed in formatting, with the old and the new style). Renderers (HTML, PDF,
DOCX) draw it; ``redline_stats`` counts and explains it.

How (``core.redline_build``): blocks are compared as units first (their
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

from dataclasses import dataclass

from policyeditor.core.errors import TextError
from policyeditor.core.textmodel import Document
from policyeditor.core.tokens import BlockStyle, RunStyle, normalize_space

# Segment and block statuses.
EQUAL = "equal"
INSERTED = "inserted"
DELETED = "deleted"
FORMATTED = "formatted"      # same words, other formatting
CHANGED = "changed"          # a block holding changes of any kind
MOVED_FROM = "moved-from"    # a whole paragraph moved away from here ...
MOVED_TO = "moved-to"        # ... and to here (same move_id)


@dataclass(frozen=True)
class Segment:
    """A stretch of text with one status and style (old_style for FORMATTED)."""

    op: str
    text: str
    style: RunStyle
    old_style: RunStyle | None = None

    @property
    def in_old(self) -> bool:
        return self.op != INSERTED

    @property
    def in_new(self) -> bool:
        return self.op != DELETED


@dataclass(frozen=True)
class RedlineBlock:
    """One paragraph of the redline.

    ``style`` is the new block style (the old one for a deleted block);
    ``old_style`` the old one when the block exists in the old text.
    ``break_op`` says whether the paragraph break ending this block is in both
    texts (EQUAL), only in the new (INSERTED: the old text ran on into the
    next block) or only in the old (DELETED: the new text runs on).
    """

    status: str
    segments: tuple[Segment, ...]
    style: BlockStyle
    old_style: BlockStyle | None
    break_op: str = EQUAL
    move_id: int | None = None

    @property
    def in_old(self) -> bool:
        """Whether the old text has (part of) this paragraph."""
        return self.old_style is not None

    @property
    def old_text(self) -> str:
        return "".join(s.text for s in self.segments if s.in_old)

    @property
    def new_text(self) -> str:
        return "".join(s.text for s in self.segments if s.in_new)

    @property
    def style_changed(self) -> bool:
        return self.old_style is not None and self.old_style != self.style

    @property
    def format_note(self) -> str:
        """Word's balloon for this block: 'Formatted: Font: Not Bold', '' if none."""
        notes = []
        if self.style_changed:
            old = self.old_style
            assert old is not None
            notes.append(f"Formatted: {self.style.describe()} (was {old.describe()})")
        for seg in self.segments:
            if seg.op == FORMATTED:
                note = f"Formatted: Font: {font_change(seg.old_style, seg.style)}"
                if note not in notes:
                    notes.append(note)
        return "; ".join(notes)


def font_change(old: RunStyle | None, new: RunStyle) -> str:
    """What changed in a run's font, in Word's words: 'Not Bold', 'Italic, Link'."""
    old = old or RunStyle()
    parts = []
    if old.bold != new.bold:
        parts.append("Bold" if new.bold else "Not Bold")
    if old.italic != new.italic:
        parts.append("Italic" if new.italic else "Not Italic")
    if old.link != new.link:
        parts.append("Link" if new.link else "No Link")
    return ", ".join(parts)


@dataclass(frozen=True)
class Redline:
    """A whole redline: blocks in reading order."""

    blocks: tuple[RedlineBlock, ...]

    @property
    def has_changes(self) -> bool:
        """Whether anything at all changed (words, formatting, breaks, moves)."""
        return any(b.status != EQUAL for b in self.blocks)

    def paragraphs(self, side: str) -> list[str]:
        """The old or the new text ('old'/'new') as a list of paragraphs.

        Equal words carry the new text's spacing; with spacing normalized
        (``tokens.normalize_space``) each paragraph equals the compared
        document's block.
        """
        paragraphs: list[str] = []
        current: str | None = None
        for block in self.blocks:
            if side == "old":
                if not block.in_old:
                    continue
                current = (current or "") + block.old_text
                ends = block.break_op != INSERTED
            else:
                if block.status in (DELETED, MOVED_FROM):
                    continue
                current = (current or "") + block.new_text
                ends = block.break_op != DELETED
            if ends:
                paragraphs.append(current)
                current = None
        if current is not None:
            paragraphs.append(current)
        return paragraphs

    def text(self, side: str) -> str:
        """The old or the new text, one paragraph a line."""
        return "\n".join(self.paragraphs(side))


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
    from policyeditor.core.redline_build import build_blocks

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

