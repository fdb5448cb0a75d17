"""Building a redline: block diff, then token diffs of the changed runs.

``build_blocks(old, new)`` gives ``redline._compare`` its blocks: the two
documents' blocks are diffed as units (their words, spacing normalized);
each run of changed blocks is diffed token by token (``core.tokens``,
``core.seqdiff``: one character per token, anchored, semantic cleanup), and
``_Builder`` turns the diffs into ``RedlineBlock``s with their segments,
formatting changes and paragraph breaks (``core.redline_model``);
``core.redline`` marks moves.
"""

from __future__ import annotations

from policyeditor.core.redline_model import (
    CHANGED, DELETED, EQUAL, FORMATTED, INSERTED, RedlineBlock, Segment,
)
from policyeditor.core.seqdiff import (
    DELETE, EQUAL as DIFF_EQUAL, common_prefix, common_suffix, diff_semantic, diff_units, edges_hold,
)
from policyeditor.core.textmodel import CELL_KINDS, Document
from policyeditor.core.tokens import (
    BlockStyle, BlockTokens, KeyMap, RunStyle, TokenCursor, TokenKeyMap, block_keys, block_runs,
    region_tokens,
)

# A pair of changed paragraphs of lengths within PAIR_LENGTHS of each other,
# sharing at least PAIR_SHARE of the longer at their ends, is compared on its
# own (see _Builder.regions).
PAIR_SHARE = 0.5
PAIR_LENGTHS = 0.8
ALIGN_WINDOW = 4     # blocks looked ahead for an alike pair in a run of unequal counts

BREAK = "\n"   # the code of a paragraph break in a token string (see tokens.TokenKeyMap)


def build_blocks(old_doc: Document, new_doc: Document, trim: bool = True) -> list[RedlineBlock]:
    """The redline's blocks, before moves are marked (see ``redline._compare``);
    ``trim=False`` tokenizes changed blocks whole (the reference the shortcut
    of ``tokens.region_tokens`` is tested against)."""
    blocks = KeyMap()
    builder = _Builder(old_doc, new_doc, trim)
    old_keys = block_keys(old_doc.blocks, builder.old_texts)
    new_keys = block_keys(new_doc.blocks, builder.new_texts)
    block_diff = diff_units(blocks.encode(old_keys), blocks.encode(new_keys))

    ia = ib = 0
    pending_old: list[int] = []
    pending_new: list[int] = []
    for op, units in block_diff:
        n = len(units)
        if op == DIFF_EQUAL:
            builder.regions(pending_old, pending_new)
            pending_old, pending_new = [], []
            for k in range(n):
                builder.equal_block(ia + k, ib + k)
            ia, ib = ia + n, ib + n
        elif op == DELETE:
            pending_old.extend(range(ia, ia + n))
            ia += n
        else:
            pending_new.extend(range(ib, ib + n))
            ib += n
    builder.regions(pending_old, pending_new)
    return builder.blocks


def _alike(a: str, b: str) -> bool:
    """Whether two paragraphs look like one edited a little (PAIR_SHARE, PAIR_LENGTHS)."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < PAIR_LENGTHS * longer:
        return False
    p = common_prefix(a, b)
    return p + common_suffix(a[p:], b[p:]) >= PAIR_SHARE * longer


class _Builder:
    """Turns diffs of blocks and tokens into redline blocks."""

    def __init__(self, old_doc: Document, new_doc: Document, trim: bool = True) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.trim = trim
        # Each block's text, worked out once (``Block.text`` joins its runs).
        self.old_texts = [b.text for b in old_doc.blocks]
        self.new_texts = [b.text for b in new_doc.blocks]
        self.blocks: list[RedlineBlock] = []
        self.keymap = TokenKeyMap()   # one map for the whole comparison
        self._reset()

    def _reset(self) -> None:
        # Segments of the current block as [op, style, old_style, texts]:
        # neighbours with the same op and styles are joined once, at the end.
        self.segments: list[list] = []
        self._last: list | None = None
        self.old_index: int | None = None
        self.new_index: int | None = None

    def equal_block(self, ia: int, ib: int) -> None:
        """A block whose words did not change (its formatting may have)."""
        old, new = self.old_doc.blocks[ia], self.new_doc.blocks[ib]
        if old is not new and old != new:
            self.region([ia], [ib])
            return
        # What _append and _end_block would make of it, without their bookkeeping.
        segs: list[Segment] = []
        last = None
        for run in new.runs:
            if run.text:
                style = RunStyle.of(run)
                if last is style:
                    segs[-1] = Segment(EQUAL, segs[-1].text + run.text, style, None)
                else:
                    segs.append(Segment(EQUAL, run.text, style, None))
                    last = style
        block_style = _block_style(self.new_doc, ib)
        self.blocks.append(RedlineBlock(EQUAL, tuple(segs), block_style, block_style, EQUAL))

    def regions(self, old: list[int], new: list[int]) -> None:
        """A run of changed blocks, compared token by token.

        When there are as many new blocks as old ones, a pair (k-th old,
        k-th new) that looks like one paragraph edited a little (``_alike``)
        is compared on its own: the paragraphs stay paragraphs (no
        paragraph break matched across them), and the shared ends are left
        out (see ``tokens.region_tokens``). The other blocks are compared
        as runs.
        """
        if self._mixed(old, new):
            self._by_table(old, new)
            return
        if len(old) < 2 and len(new) < 2:
            self.region(old, new)
            return
        if len(old) != len(new):
            self._aligned_regions(old, new)
            return
        pending: list[tuple[int, int]] = []
        for i, j in zip(old, new):
            if _alike(self.old_texts[i], self.new_texts[j]):
                if pending:
                    self.region([x for x, _ in pending], [y for _, y in pending])
                    pending = []
                self.region([i], [j])
            else:
                pending.append((i, j))
        if pending:
            self.region([x for x, _ in pending], [y for _, y in pending])

    def _in_table(self, doc: Document, i: int) -> bool:
        return doc.blocks[i].kind in CELL_KINDS

    def _mixed(self, old: list[int], new: list[int]) -> bool:
        """Whether runs of changed blocks hold table cells and other blocks."""
        kinds = {self._in_table(self.old_doc, i) for i in old}
        kinds.update(self._in_table(self.new_doc, i) for i in new)
        return len(kinds) > 1

    def _by_table(self, old: list[int], new: list[int]) -> None:
        """Changed blocks compared so that a table's cells meet only cells and other blocks only
        other blocks: each side cut into runs of one kind, runs of the same kind paired in order
        (an unpaired old run first, as deleted, then an unpaired new one)."""
        def runs(doc: Document, indexes: list[int]) -> list[tuple[bool, list[int]]]:
            out: list[tuple[bool, list[int]]] = []
            for i in indexes:
                cell = self._in_table(doc, i)
                if out and out[-1][0] == cell:
                    out[-1][1].append(i)
                else:
                    out.append((cell, [i]))
            return out

        old_runs, new_runs = runs(self.old_doc, old), runs(self.new_doc, new)
        while old_runs or new_runs:
            if old_runs and new_runs and old_runs[0][0] == new_runs[0][0]:
                self.regions(old_runs.pop(0)[1], new_runs.pop(0)[1])
            elif old_runs:
                self.region(old_runs.pop(0)[1], [])
            else:
                self.region([], new_runs.pop(0)[1])

    def _aligned_regions(self, old: list[int], new: list[int]) -> None:
        """``regions`` for a run whose old and new block counts differ (a paragraph added,
        removed, split or joined among edited ones).

        Walks both lists, pairing paragraphs that look like one edited a little
        (``_alike``); where the next two do not, the nearest alike pair within
        ``ALIGN_WINDOW`` blocks on either side decides which blocks stay
        unpaired. Each pair is compared on its own and the blocks between
        pairs as a run. Without it a manual with scattered edits (nearly every
        paragraph changed, one added) was one run of the whole text, its
        tokens all held at once: memory and time grew with the run, not the
        edits. A rewrite with no alike pairs stays one run, as before.
        """
        alike, old_texts, new_texts = _alike, self.old_texts, self.new_texts
        pend_old: list[int] = []
        pend_new: list[int] = []
        i = j = 0
        while i < len(old) and j < len(new):
            if alike(old_texts[old[i]], new_texts[new[j]]):
                if pend_old or pend_new:
                    self.region(pend_old, pend_new)
                    pend_old, pend_new = [], []
                self.region([old[i]], [new[j]])
                i, j = i + 1, j + 1
                continue
            skip = None
            for step in range(1, ALIGN_WINDOW + 1):
                for di in range(step + 1):
                    dj = step - di
                    if (i + di < len(old) and j + dj < len(new)
                            and alike(old_texts[old[i + di]], new_texts[new[j + dj]])):
                        skip = (di, dj)
                        break
                if skip is not None:
                    break
            if skip is None:
                pend_old.append(old[i])
                pend_new.append(new[j])
                i, j = i + 1, j + 1
            else:
                pend_old.extend(old[i:i + skip[0]])
                pend_new.extend(new[j:j + skip[1]])
                i, j = i + skip[0], j + skip[1]
        pend_old.extend(old[i:])
        pend_new.extend(new[j:])
        if pend_old or pend_new:
            self.region(pend_old, pend_new)

    def region(self, old: list[int], new: list[int], trim: bool | None = None) -> None:
        """Diff a run of changed blocks token by token and add the result."""
        if not old and not new:
            return
        old_blocks = [self.old_doc.blocks[i] for i in old]
        new_blocks = [self.new_doc.blocks[i] for i in new]
        old_prep = [(self.old_texts[i], block_runs(b)) for i, b in zip(old, old_blocks)]
        new_prep = [(self.new_texts[i], block_runs(b)) for i, b in zip(new, new_blocks)]
        if self.trim if trim is None else trim:
            old_bt, new_bt = region_tokens(old_blocks, new_blocks, old_prep, new_prep)
        else:
            old_bt = [BlockTokens(t, r) for t, r in old_prep]
            new_bt = [BlockTokens(t, r) for t, r in new_prep]
        encode = self.keymap.encode
        a = "".join([encode(bt.tokens[bt.lo:bt.hi]) + BREAK for bt in old_bt])
        b = "".join([encode(bt.tokens[bt.lo:bt.hi]) + BREAK for bt in new_bt])
        diffs = diff_semantic(a, b)
        head = new_bt[0].head if new_bt else None
        tail = new_bt[-1].tail if new_bt else None
        if (head or tail) and not edges_hold(diffs, bool(head), bool(tail)):
            self.region(old, new, trim=False)   # see tokens.region_tokens
            return
        if head:
            self.old_index, self.new_index = old[0], new[0]
            for text, style in new_bt[0].char_pieces(*head):
                self._append(EQUAL, text, style)
        old_cur, new_cur = TokenCursor(list(zip(old, old_bt))), TokenCursor(list(zip(new, new_bt)))
        for op, units in diffs:
            n = len(units)
            if op == DIFF_EQUAL:
                for o, w in zip(old_cur.take(n), new_cur.take(n)):
                    self._equal_span(o, w)
            elif op == DELETE:
                for span in old_cur.take(n):
                    self._one_side(span, DELETED)
            else:
                for span in new_cur.take(n):
                    self._one_side(span, INSERTED)

    def _one_side(self, span, op: str) -> None:
        index, bt, start, end, is_break = span
        if op == DELETED:
            self.old_index = index
        else:
            self.new_index = index
        if is_break:
            self._end_block(op)
            return
        for text, style in bt.pieces(start, end):
            self._append(op, text, style)

    def _equal_span(self, old_span, new_span) -> None:
        oi, obt, o0, o1, is_break = old_span
        ni, nbt, n0, n1, _ = new_span
        self.old_index, self.new_index = oi, ni
        if is_break:
            if nbt.tail:
                for text, style in nbt.char_pieces(*nbt.tail):
                    self._append(EQUAL, text, style)
            self._end_block(EQUAL)
            return
        same = obt.single_style
        if same is not None and (same is nbt.single_style or same == nbt.single_style):
            for text, style in nbt.pieces(n0, n1):
                self._append(EQUAL, text, style)
            return
        old_styles, new_styles = obt.styles(o0, o1), nbt.styles(n0, n1)
        if old_styles == new_styles:
            for text, style in nbt.pieces(n0, n1):
                self._append(EQUAL, text, style)
            return
        tokens = nbt.tokens
        start, current = n0, None   # current: the old style of a formatted stretch, or False
        for k in range(n1 - n0):
            if tokens[n0 + k].isspace():
                continue            # spacing joins the stretch it is in
            differs = old_styles[k] if old_styles[k] != new_styles[k] else False
            if current is not None and differs != current:
                self._formatted(nbt, start, n0 + k, current)
                start = n0 + k
            current = differs
        self._formatted(nbt, start, n1, current)

    def _formatted(self, bt: BlockTokens, start: int, end: int, old_style) -> None:
        for text, style in bt.pieces(start, end):
            # The spacing inside a stretch keeps its own style: unchanged spacing is equal text.
            if old_style and style != old_style:
                self._append(FORMATTED, text, style, old_style)
            else:
                self._append(EQUAL, text, style)

    def _append(self, op: str, text: str, style: RunStyle, old_style: RunStyle | None = None) -> None:
        last = self._last
        if (last is not None and last[0] == op and (last[1] is style or last[1] == style)
                and last[2] == old_style):
            last[3].append(text)
        else:
            self._last = [op, style, old_style, [text]]
            self.segments.append(self._last)

    def _end_block(self, break_op: str) -> None:
        segs = tuple([Segment(op, texts[0] if len(texts) == 1 else "".join(texts), style, old)
                      for op, style, old, texts in self.segments])
        ops = {seg.op for seg in segs}
        has_old = break_op != INSERTED or bool(ops - {INSERTED})
        has_new = break_op != DELETED or bool(ops - {DELETED})
        old_style = _block_style(self.old_doc, self.old_index) if has_old else None
        new_style = _block_style(self.new_doc, self.new_index) if has_new else None
        if new_style is None:
            status = DELETED
        elif old_style is None:
            status = INSERTED
        elif (break_op != EQUAL or (old_style is not new_style and old_style != new_style)
              or bool(ops - {EQUAL})):
            status = CHANGED
        else:
            status = EQUAL
        self.blocks.append(RedlineBlock(status, segs, new_style or old_style or _block_style(self.new_doc, None),
                                        old_style, break_op))
        self._reset()


_BLOCK_STYLES: dict[tuple[str, int], BlockStyle] = {}


def _block_style(doc: Document, index: int | None) -> BlockStyle:
    if index is None or index >= len(doc.blocks):
        key = ("paragraph", 0)
    else:
        block = doc.blocks[index]
        key = (block.kind, block.level)
    style = _BLOCK_STYLES.get(key)
    if style is None:
        style = _BLOCK_STYLES[key] = BlockStyle(*key)
    return style
