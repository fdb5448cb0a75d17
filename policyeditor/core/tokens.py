"""Tokens of a document for the redline: words, whitespace, punctuation, breaks.

A token is the smallest unit a redline marks: a word (letters and digits, with
inner apostrophes or hyphens: "user's", "e-mail"), a run of whitespace, or one
punctuation character. The redline ends every block with a paragraph-break
unit, so a paragraph that appears, vanishes, splits or merges is a change like
any word.

Each token is compared by its key: whitespace runs have the key " " (or
"\\n" when they hold a line break, in verbatim blocks), so a difference in
spacing alone is never a change. ``BlockTokens`` keeps where each token lies
in its block's runs, so the redline can compare formatting separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from bisect import bisect_left
from itertools import accumulate

from policyeditor.core.textmodel import Block, Run


# Whitespace first and possessive quantifiers: the same tokens as
# r"\w+(?:['\u2019\-]\w+)*|\s+|[^\w\s]", found ~15% faster (no backtracking
# states kept; spaces are about half the tokens).
_TOKEN_RE = re.compile(r"\s++|\w++(?:['\u2019\-]\w++)*+|[^\w\s]", re.UNICODE)
_findall = _TOKEN_RE.findall


@dataclass(frozen=True)
class RunStyle:
    """The formatting of a stretch of text: bold, italic, link target."""

    bold: bool = False
    italic: bool = False
    link: str | None = None

    # Written out, as textdoc.Run's are: the compiled build then runs it natively.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RunStyle) or other.__class__ is not self.__class__:
            return NotImplemented
        return self.bold == other.bold and self.italic == other.italic and self.link == other.link

    def __hash__(self) -> int:          # written out too: compiled, an __eq__ alone leaves none
        return hash((self.bold, self.italic, self.link))

    @classmethod
    def of(cls, run: Run) -> "RunStyle":
        """The run's style, one shared object per style (so comparisons are cheap)."""
        key = (run.bold, run.italic, run.link)
        style = _STYLES.get(key)
        if style is None:
            if len(_STYLES) > 4096:     # many distinct links: keep the cache bounded
                _STYLES.clear()
            style = _STYLES[key] = cls(*key)
        return style

    def describe(self) -> str:
        """Word's wording for a style: 'Bold, Italic', or 'Not Bold' for plain."""
        parts = [name for name, on in (("Bold", self.bold), ("Italic", self.italic)) if on]
        if self.link:
            parts.append("Link")
        return ", ".join(parts) or "Regular"


PLAIN = RunStyle()
_STYLES: dict[tuple[bool, bool, str | None], RunStyle] = {(False, False, None): PLAIN}


@dataclass(frozen=True)
class BlockStyle:
    """A block's kind (paragraph, heading, bullet, numbered, raw, quote, header-cell, cell) and level."""

    kind: str
    level: int = 0

    def __init__(self, kind: str, level: int = 0) -> None:     # as textdoc.Run's
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "level", level)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BlockStyle) or other.__class__ is not self.__class__:
            return NotImplemented
        return self.kind == other.kind and self.level == other.level

    def __hash__(self) -> int:
        return hash((self.kind, self.level))

    def describe(self) -> str:
        """Plain name: 'Heading 2', 'Bulleted list', 'Paragraph'."""
        if self.kind == "heading":
            return f"Heading {self.level}"
        if self.kind in ("header-cell", "cell"):
            return f"{'Table header' if self.kind == 'header-cell' else 'Table cell'}, column {self.level + 1}"
        names = {"bullet": "Bulleted list", "numbered": "Numbered list", "raw": "Verbatim", "quote": "Quotation"}
        name = names.get(self.kind, "Paragraph")
        if self.kind in ("bullet", "numbered") and self.level:
            name += f" (level {self.level + 1})"
        return name


def block_runs(block: Block) -> list[tuple[int, RunStyle]]:
    """(end offset, style) of the block's non-empty runs, in order."""
    runs: list[tuple[int, RunStyle]] = []
    end = 0
    for run in block.runs:
        if run.text:
            end += len(run.text)
            runs.append((end, RunStyle.of(run)))
    return runs


class BlockTokens:
    """The tokens of one block, or of the part of it a redline needs to compare.

    ``tokens`` cover ``text[start:end]`` (token boundaries; the whole block by
    default); ``tokens[lo:hi]`` are its content tokens (whitespace at the
    block's ends is not content); ``offsets[i]`` is where token i starts in
    ``text``; ``runs`` are (end offset, style) of the block's runs. ``head``
    and ``tail`` are the (start, end) character ranges of content left out
    before and after the tokens (equal on both sides, see ``region_tokens``).
    """

    __slots__ = ("text", "tokens", "offsets", "lo", "hi", "runs", "single_style", "head", "tail")

    def __init__(self, text: str, runs: list[tuple[int, RunStyle]], start: int = 0,
                 end: int | None = None, tokens: list[str] | None = None) -> None:
        self.text = text
        if end is None:
            end = len(text)
        if tokens is None:
            tokens = _findall(text, start, end)
        self.tokens = tokens
        self.offsets = list(accumulate(map(len, tokens), initial=start))
        lo, hi = 0, len(tokens)
        while lo < hi and tokens[lo].isspace():
            lo += 1
        while hi > lo and tokens[hi - 1].isspace():
            hi -= 1
        self.lo, self.hi = lo, hi
        self.runs = runs
        self.head = (len(text) - len(text.lstrip()), start) if start else None
        self.tail = (end, len(text.rstrip())) if end < len(text) else None
        # The block's one style, or None when its runs differ.
        if not runs:
            self.single_style: RunStyle | None = PLAIN
        elif len(runs) == 1:
            self.single_style = runs[0][1]
        else:
            first = runs[0][1]
            same = all(style is first or style == first for _, style in runs)
            self.single_style = first if same else None

    @classmethod
    def of(cls, block: Block) -> "BlockTokens":
        """All the tokens of a block."""
        return cls(block.text, block_runs(block))

    def pieces(self, start: int, end: int) -> list[tuple[str, RunStyle]]:
        """The text of tokens start..end as (text, style) pieces, by run."""
        return self.char_pieces(self.offsets[start], self.offsets[end])

    def char_pieces(self, c0: int, c1: int) -> list[tuple[str, RunStyle]]:
        """The text of characters c0..c1 as (text, style) pieces, by run."""
        runs, text = self.runs, self.text
        if len(runs) == 1:      # most blocks: the loop below, for one run
            run_end, style = runs[0]
            return [(text[c0:min(c1, run_end)], style)] if run_end > c0 and c1 > 0 else []
        out: list[tuple[str, RunStyle]] = []
        run_start = 0
        for run_end, style in runs:
            if run_end > c0 and run_start < c1:
                out.append((text[max(c0, run_start):min(c1, run_end)], style))
            if run_end >= c1:
                break
            run_start = run_end
        return out

    def styles(self, start: int, end: int) -> list[RunStyle]:
        """The style of each token start..end (at its first character)."""
        if not self.runs:
            return [PLAIN] * (end - start)
        out: list[RunStyle] = []
        offsets, first = self.offsets, start
        for run_end, style in self.runs:
            last = min(bisect_left(offsets, run_end, first, end), end)  # first token starting after the run
            out.extend([style] * (last - first))
            first = last
            if first >= end:
                break
        out.extend([self.runs[-1][1]] * (end - first))
        return out


class TokenCursor:
    """Walks the tokens of a run of blocks, one diff unit (token or break) at a time."""

    def __init__(self, blocks: list[tuple[int, BlockTokens]]) -> None:
        self.blocks = blocks
        self.k = 0
        self.t = blocks[0][1].lo if blocks else 0

    def take(self, n: int) -> list[tuple[int, BlockTokens, int, int, bool]]:
        """The (block index, tokens, start, end, is_break) spans covering n units."""
        spans = []
        while n > 0:
            index, bt = self.blocks[self.k]
            start = self.t
            avail = bt.hi - start
            if avail > 0:
                m = min(n, avail)
                self.t += m
                n -= m
                spans.append((index, bt, start, start + m, False))
            else:
                self.k += 1
                n -= 1
                if self.k < len(self.blocks):
                    self.t = self.blocks[self.k][1].lo
                spans.append((index, bt, start, start, True))
        return spans


def whitespace_key(text: str) -> str:
    """The key of a whitespace run: a line break matters, its width does not."""
    return "\n" if "\n" in text else " "


def normalize_space(text: str) -> str:
    """Collapse whitespace runs and trim: the text as the redline compares it.

    A normalized block's text (``textdoc.normalize``: ASCII spaces folded and trimmed) is
    most often this already: then it is returned as it is, found by string searches."""
    if (text.isascii() and text[:1] != " " and text[-1:] != " " and "  " not in text and "\n" not in text
            and "\t" not in text and "\r" not in text and "\x0b" not in text and "\x0c" not in text
            and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text):
        return text                     # (\x1c-\x1f: ASCII separators str.split takes for whitespace)
    return " ".join(text.split())


def block_keys(blocks: tuple[Block, ...] | list[Block], texts: list[str]) -> list[str]:
    """Each block's comparison key, given the blocks' texts: its words with
    spacing normalized (a verbatim block's text, trimmed)."""
    return [normalize_space(t) if b.kind != "raw" else t.strip() for b, t in zip(blocks, texts)]


class KeyMap:
    """Maps keys to single characters, so diff-match-patch diffs units.

    Like diff-match-patch's ``diff_linesToChars``: each distinct key gets one
    code point, shared by both texts. Used as is for blocks.
    """

    def __init__(self) -> None:
        self._codes: dict[str, str] = _Codes(self)

    def encode(self, keys: list[str]) -> str:
        """One character per key, in order."""
        return "".join(map(self._codes.__getitem__, keys))

    def _new_code(self, key: str) -> str:
        return chr(len(self._codes))


class _Codes(dict):
    """A dict that makes a code for a key it has not seen (C-speed lookups)."""

    def __init__(self, owner: KeyMap) -> None:
        super().__init__()
        self._owner = owner

    def __missing__(self, key: str) -> str:
        code = self[key] = self._owner._new_code(key)
        return code


# Word codes come from ranges of letters (CJK ideographs, Hangul), so that
# diff-match-patch's semantic cleanup, which looks at the characters' classes,
# sees a word as a letter, a space as a space, punctuation as itself and a
# paragraph break as a line break: edits then slide to natural boundaries.
_WORD_RANGES = ((0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x20000, 0x2A6DF), (0x2A700, 0x2EBE0))
_SPARE = (0xF0000, 0x10FFFD)   # private use, when the letters run out


class TokenKeyMap(KeyMap):
    """Token keys -> characters whose class matches the token's (see above)."""

    _FIXED = {" ": " ", "\n": "\r"}   # "\n" itself is the paragraph break's code

    def __init__(self) -> None:
        self._words = 0
        super().__init__()

    def _new_code(self, key: str) -> str:
        if key.isspace():
            key = whitespace_key(key)
        fixed = self._FIXED.get(key)
        if fixed is not None:
            return fixed
        if len(key) == 1 and not (key.isalnum() or key == "_" or key.isspace()):
            return key          # punctuation stands for itself
        n = self._words
        self._words += 1
        for lo, hi in _WORD_RANGES:
            if n <= hi - lo:
                return chr(lo + n)
            n -= hi - lo + 1
        if n <= _SPARE[1] - _SPARE[0]:
            return chr(_SPARE[0] + n)
        raise OverflowError("too many distinct words to compare")


# --- Tokenizing only what a comparison needs -------------------------------
#
# A changed paragraph usually differs in a few words. ``region_tokens`` leaves
# out the characters its first (and last) paragraphs share at the start (and
# end), keeping a window of WINDOW shared characters (a dozen words or so,
# cut between tokens) beside the difference. The
# diff of the shortened texts is the diff of the whole ones with a shorter
# first (last) equal stretch; diff-match-patch's semantic cleanup reads such a
# stretch only near its inner edge. ``seqdiff.edges_hold`` checks on the
# cleaned diff that the cleanup stayed inside the windows; when it did not,
# the redline compares the paragraphs whole. The left-out text is the same on
# both sides, with the same formatting, and is added to the redline as is.

WINDOW = 64


def region_tokens(old_blocks: list[Block], new_blocks: list[Block],
                  old: list[tuple[str, list[tuple[int, RunStyle]]]] | None = None,
                  new: list[tuple[str, list[tuple[int, RunStyle]]]] | None = None,
                  ) -> tuple[list[BlockTokens], list[BlockTokens]]:
    """Tokens of a run of changed blocks on each side, shared ends left out.

    ``old`` and ``new``, when given, are the blocks' (text, ``block_runs``)
    already worked out by the caller (the redline keeps them per comparison).
    """
    from policyeditor.core.seqdiff import common_prefix, common_suffix

    if old is None:
        old = [(b.text, block_runs(b)) for b in old_blocks]
    if new is None:
        new = [(b.text, block_runs(b)) for b in new_blocks]
    if not old or not new:
        return [BlockTokens(t, r) for t, r in old], [BlockTokens(t, r) for t, r in new]
    single = len(old) == 1 and len(new) == 1
    (ot0, or0), (nt0, nr0) = old[0], new[0]
    (otl, orl), (ntl, nrl) = old[-1], new[-1]
    p = common_prefix(ot0, nt0)
    q = _head_window(ot0, p - 1) if p > 1 else 0
    if q and not _same_styles(or0, 0, q, nr0, 0):
        q = 0
    d = 0        # the tail cut, counted from the end (the same on both sides)
    if single or (len(old) > 1 and len(new) > 1):
        s = common_suffix(otl[p:], ntl[p:]) if single else common_suffix(otl, ntl)
        if s > 1:
            d = len(otl) - _tail_window(otl, len(otl) - s + 1)
        # From the start of the last token kept: a formatting change there
        # would reach the space after it.
        c = _cut_before(otl, len(otl) - d - 1) if d else 0
        if d and not _same_styles(orl, c, len(otl), nrl, len(ntl) - len(otl) + c):
            d = 0
    result = []
    for blocks in (old, new):
        bts = [BlockTokens(t, r) for t, r in blocks[1:-1]]
        (t0, r0), (tl, rl) = blocks[0], blocks[-1]
        if len(blocks) == 1:
            bts.insert(0, BlockTokens(t0, r0, q, len(t0) - d))
        else:
            bts.insert(0, BlockTokens(t0, r0, q, len(t0)))
            bts.append(BlockTokens(tl, rl, 0, len(tl) - d))
        result.append(bts)
    return result[0], result[1]


def _head_window(text: str, i: int) -> int:
    """Where to start tokenizing so that about WINDOW characters of whole
    tokens precede character i; 0 when that leaves out nothing."""
    cut = _cut_before(text, i)
    content = len(text) - len(text.lstrip())
    if cut - WINDOW <= content:
        return 0
    start = _cut_before(text, cut - WINDOW)
    return start if start > content else 0


def _tail_window(text: str, i: int) -> int:
    """Where to stop tokenizing so that about WINDOW characters of whole
    tokens follow character i; len(text) when that leaves out nothing."""
    n = len(text)
    cut = _cut_after(text, i)
    if cut + WINDOW >= n:
        return n
    end = _cut_after(text, cut + WINDOW)
    return end if end < len(text.rstrip()) else n


def _cut_before(text: str, i: int) -> int:
    """The last token start at or before i that follows whitespace, or 0."""
    while i > 0:
        if text[i - 1].isspace() and not text[i].isspace():
            return i
        i -= 1
    return 0


def _cut_after(text: str, i: int) -> int:
    """The first whitespace at or after i that follows a non-space, or len(text)."""
    n = len(text)
    while i < n:
        if text[i].isspace() and not text[i - 1].isspace():
            return i
        i += 1
    return n


def _same_styles(old_runs: list[tuple[int, RunStyle]], o0: int, o1: int,
                 new_runs: list[tuple[int, RunStyle]], n0: int) -> bool:
    """Whether old characters o0..o1 and the new ones from n0 have the same styles."""
    return _styles_in(old_runs, o0, o1) == _styles_in(new_runs, n0, n0 + o1 - o0)


def _styles_in(runs: list[tuple[int, RunStyle]], c0: int, c1: int) -> list[tuple[int, RunStyle]]:
    """(end relative to c0, style) of the stretches of one style within c0..c1."""
    out: list[tuple[int, RunStyle]] = []
    for end, style in runs:
        if end <= c0:
            continue
        if out and out[-1][1] == style:
            out[-1] = (min(end, c1) - c0, style)
        else:
            out.append((min(end, c1) - c0, style))
        if end >= c1:
            break
    return out
