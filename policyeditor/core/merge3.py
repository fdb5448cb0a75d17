"""Three-way merge of policy texts: the common ancestor, ours and theirs.

    result = merge_texts(base_md, ours_md, theirs_md)
    if result.clean: text = result.text()
    else: text = result.text(["ours", "theirs", "both", ("edit", "My wording.")])  # one per conflict

Paragraph first: each text is a sequence of blocks (one paragraph, heading or
list item each, as canonical Markdown has one per line); the changes each
side made to the ancestor are found with the redline's sequence diff
(``seqdiff.diff_units``, one unit per block). A change of one side applies
when no change of the other side touches the same paragraphs. Where both
sides changed the same paragraphs and each still has the same number of
them, the paragraphs are paired by position: one changed on one side only
takes that side's text (unless it is another paragraph of the stretch moved
there), and each paragraph changed on both sides is merged again word by word (the
redline's tokens: words, spaces, punctuation): changes to different words
join; changes to the same words, or an insertion at or right beside the other
side's change, or any change meeting it that adds or removes units, are a
conflict (which comes first is for a person to say). Anything else both sides changed is a conflict too: a conflict is
never resolved here, and nothing either side wrote is lost.

A conflict keeps the ancestor's paragraphs, ours and theirs. Inside a
paragraph merged word by word, each side of the conflict already carries the
other side's changes to other words, so choosing one side loses none of the
changes that did not clash.

Pure: no I/O. Cost: two sequence diffs of the blocks, and two token diffs for
each paragraph changed on both sides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence, Union

from policyeditor.core.errors import TextError
from policyeditor.core.markdown_write import render_inline
from policyeditor.core.seqdiff import DELETE, EQUAL, INSERT, diff_units
from policyeditor.core.textdoc import HEADING, RAW, Block, Document, Run
from policyeditor.core.tokens import KeyMap, _findall

OURS, THEIRS, BOTH, EDIT = "ours", "theirs", "both", "edit"

# A unit of the merge: (kind, level, inline Markdown) of one block; the front
# matter is one unit of kind "front".
Unit = tuple[str, int, str]
_FRONT = "front"


@dataclass(frozen=True)
class Conflict:
    """Paragraphs both sides changed differently: the ancestor's, ours, theirs (as Markdown)."""

    base: tuple[Unit, ...]
    ours: tuple[Unit, ...]
    theirs: tuple[Unit, ...]
    words: bool = False     # found word by word inside one paragraph (each side carries the clean changes)

    @property
    def base_text(self) -> str:
        return units_text(self.base)

    @property
    def ours_text(self) -> str:
        return units_text(self.ours)

    @property
    def theirs_text(self) -> str:
        return units_text(self.theirs)

    def choose(self, choice: "Choice") -> tuple[Unit, ...]:
        """The units of one resolution: 'ours', 'theirs', 'both' (ours then theirs) or ('edit', markdown)."""
        if choice == OURS:
            return self.ours
        if choice == THEIRS:
            return self.theirs
        if choice == BOTH:
            return self.ours + tuple(u for u in self.theirs if u not in self.ours)
        if isinstance(choice, tuple) and len(choice) == 2 and choice[0] == EDIT:
            return text_units(str(choice[1]))
        raise TextError(f"A conflict is resolved by taking ours, theirs, both, or an edited text; "
                        f"{choice!r} is none of these.")


Choice = Union[str, tuple[str, str]]
Chunk = Union[tuple[Unit, ...], Conflict]


@dataclass(frozen=True)
class MergeResult:
    """The merged text as chunks: runs of merged units and conflicts, in reading order."""

    chunks: tuple[Chunk, ...]

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.chunks if isinstance(c, Conflict))

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def text(self, choices: Sequence[Choice] | None = None) -> str:
        """Canonical Markdown of the merge, each conflict resolved by ``choices`` (one per conflict, in order)."""
        conflicts = self.conflicts
        if choices is None:
            if conflicts:
                raise TextError(f"The merge has {len(conflicts)} conflicting passage(s); choose a text for each.")
            choices = ()
        if len(choices) != len(conflicts):
            raise TextError(f"The merge has {len(conflicts)} conflicting passage(s) and {len(choices)} "
                            "choice(s) were given; choose one for each.")
        units: list[Unit] = []
        picks = iter(choices)
        for chunk in self.chunks:
            units.extend(chunk.choose(next(picks)) if isinstance(chunk, Conflict) else chunk)
        return units_text(units)


# ------------------------------------------------------------------ units

def _block_unit(block: Block) -> Unit:
    if block.kind == RAW:
        return (RAW, 0, block.text)
    return (block.kind, block.level, render_inline(block.runs, heading=block.kind == HEADING))


def doc_units(doc: Document) -> list[Unit]:
    units = [(_FRONT, 0, doc.front_matter)] if doc.front_matter else []
    return units + [_block_unit(b) for b in doc.blocks]


def text_units(markdown: str) -> tuple[Unit, ...]:
    from policyeditor.core.markdown_read import parse

    return tuple(doc_units(parse(markdown)))


def _inline_runs(text: str) -> tuple[Run, ...]:
    from policyeditor.core.markdown_read import parse

    doc = parse(text)
    runs: list[Run] = []
    for i, block in enumerate(doc.blocks):
        if i:
            runs.append(Run(" "))
        runs.extend(block.runs if block.kind != RAW else (Run(block.text),))
    return tuple(runs)


def units_document(units: Iterable[Unit]) -> Document:
    front = ""
    blocks: list[Block] = []
    for kind, level, text in units:
        if kind == _FRONT:
            front = text
        elif kind == RAW:
            blocks.append(Block(RAW, (Run(text),)))
        else:
            blocks.append(Block(kind, _inline_runs(text), level))
    return Document(tuple(blocks), front)


def units_text(units: Iterable[Unit]) -> str:
    from policyeditor.core.markdown_write import serialize

    return serialize(units_document(units))


# ------------------------------------------------------------------ the merge

def _hunks(base_codes: str, side_codes: str) -> list[tuple[int, int, int, int]]:
    """(base start, base end, side start, side end) of each change of one side."""
    hunks: list[tuple[int, int, int, int]] = []
    i = j = 0
    for op, text in diff_units(base_codes, side_codes):
        n = len(text)
        if op == EQUAL:
            i += n
            j += n
            continue
        if hunks and hunks[-1][1] == i and hunks[-1][3] == j:   # join a deletion and its insertion
            s0, _, t0, _ = hunks[-1]
            hunks.pop()
        else:
            s0, t0 = i, j
        if op == DELETE:
            i += n
        else:
            j += n
        hunks.append((s0, i, t0, j))
    return hunks


def _touch(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two changes of the ancestor (one per side) clash: they touch the same units, or
    they meet (an insertion at the other's place, changes side by side) and one of them adds or
    removes units, so which comes first would be a guess."""
    (s1, e1, t0, t1), (s2, e2, u0, u1) = a, b
    if s1 < e2 and s2 < e1:
        return True
    if s1 <= e2 and s2 <= e1:
        return not (e1 - s1 == t1 - t0 and e2 - s2 == u1 - u0)
    return False


def merge_sequences(base: Sequence, ours: Sequence, theirs: Sequence, key=str):
    """Three-way merge of sequences: a list of ('ok', items) and ('conflict', base, ours, theirs)."""
    keys = KeyMap()
    codes = [keys.encode([key(x) for x in seq]) for seq in (base, ours, theirs)]
    ours_h = [(h, 0) for h in _hunks(codes[0], codes[1])]
    theirs_h = [(h, 1) for h in _hunks(codes[0], codes[2])]
    events = sorted(ours_h + theirs_h, key=lambda item: (item[0][0], item[0][1], item[1]))
    sides = (ours, theirs)
    out: list[tuple] = []
    pos = 0

    def emit_ok(items) -> None:
        if items:
            if out and out[-1][0] == "ok":
                out[-1] = ("ok", out[-1][1] + list(items))
            else:
                out.append(("ok", list(items)))

    groups: list[list] = []
    span_end = -1
    for event in events:
        if groups and (event[0][0] < span_end
                       or any(g[1] != event[1] and _touch(g[0], event[0]) for g in groups[-1])):
            groups[-1].append(event)
            span_end = max(span_end, event[0][1])
        else:
            groups.append([event])
            span_end = event[0][1]
    for group in groups:
        start = min(g[0][0] for g in group)
        end = max(g[0][1] for g in group)
        emit_ok(base[pos:start])
        pos = end
        by_side = [[g[0] for g in group if g[1] == s] for s in (0, 1)]
        if not by_side[0] or not by_side[1]:
            side = 0 if by_side[0] else 1
            emit_ok(_apply(base, sides[side], by_side[side], start, end))
            continue
        mine = _apply(base, ours, by_side[0], start, end)
        yours = _apply(base, theirs, by_side[1], start, end)
        if [key(x) for x in mine] == [key(x) for x in yours]:
            emit_ok(mine)
        else:
            out.append(("conflict", list(base[start:end]), mine, yours))
    emit_ok(base[pos:])
    return out


def _apply(base: Sequence, side: Sequence, hunks, start: int, end: int) -> list:
    """The ancestor's ``base[start:end]`` with one side's changes in that stretch applied."""
    result: list = []
    pos = start
    for s, e, t0, t1 in sorted(hunks):
        result.extend(base[pos:s])
        result.extend(side[t0:t1])
        pos = e
    result.extend(base[pos:end])
    return result


def _clash(base: object, ours: object, theirs: object) -> bool:
    return ours != base and theirs != base and ours != theirs


def _merge_unit(base: Unit, ours: Unit, theirs: Unit) -> Unit | Conflict:
    """One block changed on both sides: its kind and level, then its words."""
    if ours == theirs:
        return ours
    if _clash(base[0], ours[0], theirs[0]) or _clash(base[1], ours[1], theirs[1]):
        return Conflict((base,), (ours,), (theirs,))      # made a heading on one side, a list item on the other
    kind = theirs[0] if ours[0] == base[0] else ours[0]
    level = theirs[1] if ours[1] == base[1] else ours[1]
    if kind in (RAW, _FRONT) and ours[2] != base[2] and theirs[2] != base[2]:
        return Conflict((base,), (ours,), (theirs,))
    pieces = merge_sequences(_findall(base[2]), _findall(ours[2]), _findall(theirs[2]), key=lambda s: s)
    if all(p[0] == "ok" for p in pieces):
        return (kind, level, "".join(t for p in pieces for t in p[1]))
    mine = "".join(t for p in pieces for t in (p[1] if p[0] == "ok" else p[2]))
    yours = "".join(t for p in pieces for t in (p[1] if p[0] == "ok" else p[3]))
    return Conflict((base,), ((kind, level, mine),), ((kind, level, yours),), words=True)


def _words(text: str) -> Counter:
    return Counter(w for w in _findall(text) if w[0].isalnum() or w[0] == "_")


def _kin(base: Unit, side: Unit) -> bool:
    """Whether a side's block at a base block's place is that block edited (it keeps at least
    half the block's words), not another paragraph that happens to stand there."""
    if base == side:
        return True
    words = _words(base[2])
    kept = sum((words & _words(side[2])).values())
    return 2 * kept >= sum(words.values()) > 0


def merge_units(base: Sequence[Unit], ours: Sequence[Unit], theirs: Sequence[Unit]) -> MergeResult:
    chunks: list[Chunk] = []

    def add_clean(units) -> None:
        if not units:
            return
        if chunks and not isinstance(chunks[-1], Conflict):
            chunks[-1] = chunks[-1] + tuple(units)
        else:
            chunks.append(tuple(units))

    for piece in merge_sequences(base, ours, theirs, key=lambda u: f"{u[0]}\0{u[1]}\0{u[2]}"):
        if piece[0] == "ok":
            add_clean(piece[1])
            continue
        b, o, t = piece[1], piece[2], piece[3]
        if not (len(b) == len(o) == len(t)) or not all(
                _paired(b, k, o[k]) and _paired(b, k, t[k]) for k in range(len(b))):
            chunks.append(Conflict(tuple(b), tuple(o), tuple(t)))
            continue
        clashing = _clashing(b, o, t) | _clashing(b, t, o)
        pending: list[int] = []          # neighbouring paragraphs that clash, reported as one conflict

        def flush() -> None:
            if pending:
                chunks.append(Conflict(tuple(b[k] for k in pending), tuple(o[k] for k in pending),
                                       tuple(t[k] for k in pending)))
                pending.clear()

        for k, (bu, ou, tu) in enumerate(zip(b, o, t)):
            if k in clashing:
                pending.append(k)
                continue
            flush()
            if ou == bu or ou == tu:
                add_clean([tu])
            elif tu == bu:
                add_clean([ou])
            else:
                merged = _merge_unit(bu, ou, tu)
                if isinstance(merged, Conflict):
                    chunks.append(merged)
                else:
                    add_clean([merged])
        flush()
    return MergeResult(tuple(chunks))


def _clashing(base: Sequence[Unit], side: Sequence[Unit], other: Sequence[Unit]) -> set[int]:
    """Positions of a stretch (three equal-length block lists) where ``side`` wrote new text
    that ``other`` also changed: each run of neighbouring blocks ``side`` rewrote (not kin to
    the ancestor's) is one rewrite whose paragraphs cannot be told apart, so a change of the
    other side anywhere in the run makes the whole run a conflict."""
    out: set[int] = set()
    run: list[int] = []
    for k in range(len(base) + 1):
        if k < len(base) and side[k] != base[k] and not _kin(base[k], side[k]):
            run.append(k)
            continue
        if any(other[m] != base[m] and other[m] != side[m] for m in run):
            out.update(run)
        run = []
    return out


def _paired(base: Sequence[Unit], k: int, side: Unit) -> bool:
    """Whether a side's block at position ``k`` of a stretch both sides changed (each keeping
    the ancestor's number of blocks) may be taken as standing for ``base[k]``: it is that block
    edited, or new text, not another ancestor block of the stretch (paragraphs shifted, not
    rewritten in place). Whether new text is taken or is a conflict is ``_clashing``'s."""
    if _kin(base[k], side):
        return True
    return not any(_kin(bu, side) for m, bu in enumerate(base) if m != k)


def merge_documents(base: Document, ours: Document, theirs: Document) -> MergeResult:
    return merge_units(doc_units(base), doc_units(ours), doc_units(theirs))


def merge_texts(base: str, ours: str, theirs: str) -> MergeResult:
    """Three-way merge of three Markdown texts of one policy (see the module docstring)."""
    from policyeditor.core.markdown_read import parse

    return merge_documents(parse(base), parse(ours), parse(theirs))
