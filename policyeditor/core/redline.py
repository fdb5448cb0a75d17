"""The redline: what changed between two texts of a policy, word by word.

``compare(old, new)`` gives a ``Redline``: blocks in reading order, each with
its status and its segments (equal, inserted, deleted, or equal in words but
changed in formatting, with the old and the new style). Renderers (HTML, PDF,
DOCX) draw it; ``redline_stats`` counts and explains it.

How: blocks are compared as units first (their words, spacing normalized);
runs of changed blocks are then compared token by token (``core.tokens``)
with diff-match-patch on one character per token, anchored so the result
stays minimal on any size (``core.seqdiff``), followed by semantic cleanup on
the token string. A change therefore never starts or ends inside a word, and
spacing alone is never a change. Paragraph breaks are tokens: a paragraph that
appears, vanishes, splits or merges carries an inserted or deleted break.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyeditor.core.errors import TextError
from policyeditor.core.seqdiff import DELETE, EQUAL as DIFF_EQUAL, INSERT, cleanup_semantic, diff_units
from policyeditor.core.textmodel import Block, Document, Run
from policyeditor.core.tokens import (
    BlockStyle, KeyMap, RunStyle, Token, TokenKeyMap, block_key, normalize_space, tokenize,
)

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
        return self.old_style is not None

    @property
    def in_new(self) -> bool:
        return self.status not in (DELETED, MOVED_FROM) and (
            self.break_op != DELETED or any(s.in_new for s in self.segments)
        )

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
            notes.append(f"Formatted: {self.style.describe()} (was {self.old_style.describe()})")
        for seg in self.segments:
            if seg.op == FORMATTED:
                note = f"Formatted: Font: {font_change(seg.old_style, seg.style)}"
                if note not in notes:
                    notes.append(note)
        return "; ".join(notes)


def font_change(old: RunStyle | None, new: RunStyle) -> str:
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
        return any(b.status != EQUAL for b in self.blocks)

    def text(self, side: str) -> str:
        """The old or the new words ('old'/'new'), one paragraph a line.

        Spacing is normalized; it equals the compared document's plain text
        with ``tokens.normalize_space`` applied to each block.
        """
        paragraphs: list[str] = []
        current = ""
        for block in self.blocks:
            if side == "old":
                if not block.in_old:
                    continue
                current += block.old_text
                ends = block.break_op != INSERTED
            else:
                if block.status in (DELETED, MOVED_FROM):
                    continue
                current += block.new_text
                ends = block.break_op != DELETED
            if ends:
                paragraphs.append(current)
                current = ""
        if current:
            paragraphs.append(current)
        return "\n".join(paragraphs)


def _as_document(value: str | Document) -> Document:
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        from policyeditor.core.textmodel import parse

        return parse(value)
    raise TextError("A redline compares two texts of a policy; this is not text.")


def compare(old: str | Document, new: str | Document) -> Redline:
    """The redline from ``old`` to ``new`` (Markdown strings or Documents)."""
    old_doc, new_doc = _as_document(old), _as_document(new)
    old_tokens, new_tokens = tokenize(old_doc), tokenize(new_doc)
    blocks = KeyMap()
    block_diff = diff_units(
        blocks.encode([_block_unit(b) for b in old_doc.blocks]),
        blocks.encode([_block_unit(b) for b in new_doc.blocks]),
    )
    builder = _Builder(old_doc, new_doc)
    ia = ib = 0
    pending_old: list[Token] = []
    pending_new: list[Token] = []
    for op, units in block_diff:
        n = len(units)
        if op == DIFF_EQUAL:
            builder.region(pending_old, pending_new)
            pending_old, pending_new = [], []
            for k in range(n):
                builder.equal_block(old_tokens[ia + k], new_tokens[ib + k])
            ia, ib = ia + n, ib + n
        elif op == DELETE:
            for k in range(n):
                pending_old.extend(old_tokens[ia + k])
            ia += n
        else:
            for k in range(n):
                pending_new.extend(new_tokens[ib + k])
            ib += n
    builder.region(pending_old, pending_new)
    return Redline(_mark_moves(builder.blocks))


def _block_unit(block: Block) -> str:
    return block_key(block)


class _Builder:
    """Turns a stream of token operations into redline blocks."""

    def __init__(self, old_doc: Document, new_doc: Document) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.blocks: list[RedlineBlock] = []
        self._reset()

    def _reset(self) -> None:
        self.segments: list[Segment] = []
        self.old_index: int | None = None
        self.new_index: int | None = None

    def equal_block(self, old: list[Token], new: list[Token]) -> None:
        for ot, nt in zip(old, new):
            self.token(DIFF_EQUAL, ot, nt)

    def region(self, old: list[Token], new: list[Token]) -> None:
        """Diff a run of changed blocks token by token and add the result."""
        if not old and not new:
            return
        keymap = TokenKeyMap()
        diffs = cleanup_semantic(diff_units(
            keymap.encode([t.key for t in old]), keymap.encode([t.key for t in new])
        ))
        ia = ib = 0
        for op, units in diffs:
            for _ in units:
                if op == DIFF_EQUAL:
                    self.token(op, old[ia], new[ib])
                    ia, ib = ia + 1, ib + 1
                elif op == DELETE:
                    self.token(op, old[ia], None)
                    ia += 1
                else:
                    self.token(op, None, new[ib])
                    ib += 1

    def token(self, op: int, old: Token | None, new: Token | None) -> None:
        if old is not None:
            self.old_index = old.block
        if new is not None:
            self.new_index = new.block
        tok = new if new is not None else old
        if tok.is_break:
            self._end_block({DIFF_EQUAL: EQUAL, DELETE: DELETED, INSERT: INSERTED}[op])
            return
        if op == DELETE:
            self._add(DELETED, old.pieces)
        elif op == INSERT:
            self._add(INSERTED, new.pieces)
        elif new.is_space or [s for _, s in old.pieces] == [s for _, s in new.pieces]:
            self._add(EQUAL, new.pieces)
        else:
            for text, style in new.pieces:
                self._append(Segment(FORMATTED, text, style, _style_at(old, 0)))

    def _add(self, op: str, pieces: tuple[tuple[str, RunStyle], ...]) -> None:
        for text, style in pieces:
            self._append(Segment(op, text, style))

    def _append(self, seg: Segment) -> None:
        last = self.segments[-1] if self.segments else None
        if last and (last.op, last.style, last.old_style) == (seg.op, seg.style, seg.old_style):
            self.segments[-1] = Segment(seg.op, last.text + seg.text, seg.style, seg.old_style)
        else:
            self.segments.append(seg)

    def _end_block(self, break_op: str) -> None:
        segs = tuple(self.segments)
        old_style = _block_style(self.old_doc, self.old_index) if self._has_old(segs, break_op) else None
        new_style = _block_style(self.new_doc, self.new_index) if self._has_new(segs, break_op) else None
        if new_style is None:
            status = DELETED
        elif old_style is None:
            status = INSERTED
        elif break_op != EQUAL or old_style != new_style or any(s.op != EQUAL for s in segs):
            status = CHANGED
        else:
            status = EQUAL
        style = new_style or old_style
        self.blocks.append(RedlineBlock(status, segs, style, old_style, break_op))
        self._reset()

    @staticmethod
    def _has_old(segs: tuple[Segment, ...], break_op: str) -> bool:
        return break_op != INSERTED or any(s.in_old for s in segs)

    @staticmethod
    def _has_new(segs: tuple[Segment, ...], break_op: str) -> bool:
        return break_op != DELETED or any(s.in_new for s in segs)


def _style_at(token: Token, offset: int) -> RunStyle:
    return token.pieces[0][1] if token.pieces else RunStyle()


def _block_style(doc: Document, index: int | None) -> BlockStyle:
    if index is None or index >= len(doc.blocks):
        return BlockStyle("paragraph")
    block = doc.blocks[index]
    return BlockStyle(block.kind, block.level)


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


def document_from_runs(blocks: list[tuple[str, list[Run], int]]) -> Document:
    """A Document from (kind, runs, level) triples: handy for callers and tests."""
    return Document(tuple(Block(kind, tuple(runs), level) for kind, runs, level in blocks))
