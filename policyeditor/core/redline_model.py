"""The redline's data: blocks of segments, each equal, inserted, deleted or reformatted.

``Redline`` (blocks in reading order), ``RedlineBlock`` and ``Segment`` with
their statuses, and ``font_change`` (how a formatting change is described).
``core.redline_build`` builds these, ``core.redline`` compares and marks
moves; callers import them from ``core.redline``.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyeditor.core.tokens import BlockStyle, RunStyle

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

    # Written out, as textdoc.Run's are: the compiled build then runs them natively.
    def __init__(self, op: str, text: str, style: RunStyle, old_style: RunStyle | None = None) -> None:
        object.__setattr__(self, "op", op)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "old_style", old_style)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Segment) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.op == other.op and self.text == other.text and self.style == other.style
                and self.old_style == other.old_style)

    def __hash__(self) -> int:          # written out too: compiled, an __eq__ alone leaves none
        return hash((self.op, self.text, self.style, self.old_style))

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

    def __init__(self, status: str, segments: tuple[Segment, ...], style: BlockStyle,
                 old_style: BlockStyle | None, break_op: str = EQUAL, move_id: int | None = None) -> None:
        object.__setattr__(self, "status", status)           # as Segment's
        object.__setattr__(self, "segments", segments)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "old_style", old_style)
        object.__setattr__(self, "break_op", break_op)
        object.__setattr__(self, "move_id", move_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RedlineBlock) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.status == other.status and self.style == other.style and self.old_style == other.old_style
                and self.break_op == other.break_op and self.move_id == other.move_id
                and self.segments == other.segments)

    def __hash__(self) -> int:
        return hash((self.status, self.segments, self.style, self.old_style, self.break_op, self.move_id))

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
