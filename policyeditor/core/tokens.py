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


_TOKEN_RE = re.compile(r"\w+(?:['\u2019\-]\w+)*|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class RunStyle:
    """The formatting of a stretch of text: bold, italic, link target."""

    bold: bool = False
    italic: bool = False
    link: str | None = None

    @classmethod
    def of(cls, run: Run) -> "RunStyle":
        return cls(run.bold, run.italic, run.link)

    def describe(self) -> str:
        """Word's wording for a style: 'Bold, Italic', or 'Not Bold' for plain."""
        parts = [name for name, on in (("Bold", self.bold), ("Italic", self.italic)) if on]
        if self.link:
            parts.append("Link")
        return ", ".join(parts) or "Regular"


PLAIN = RunStyle()


@dataclass(frozen=True)
class BlockStyle:
    """A block's kind (paragraph, heading, bullet, numbered, raw) and level."""

    kind: str
    level: int = 0

    def describe(self) -> str:
        """Plain name: 'Heading 2', 'Bulleted list', 'Paragraph'."""
        if self.kind == "heading":
            return f"Heading {self.level}"
        names = {"bullet": "Bulleted list", "numbered": "Numbered list", "raw": "Verbatim"}
        name = names.get(self.kind, "Paragraph")
        if self.kind in ("bullet", "numbered") and self.level:
            name += f" (level {self.level + 1})"
        return name


class BlockTokens:
    """The tokens of one block, with what is needed to cut its text by token.

    ``tokens[lo:hi]`` are the block's content tokens (leading and trailing
    whitespace is not content); ``offsets[i]`` is where token i starts in
    ``text``; ``runs`` are (end offset, style) of the block's runs, in order.
    """

    __slots__ = ("text", "tokens", "offsets", "lo", "hi", "runs", "single_style")

    def __init__(self, block: Block) -> None:
        self.text = block.text
        self.tokens = _TOKEN_RE.findall(self.text)
        self.offsets = [0, *accumulate(map(len, self.tokens))]
        lo, hi = 0, len(self.tokens)
        while lo < hi and self.tokens[lo].isspace():
            lo += 1
        while hi > lo and self.tokens[hi - 1].isspace():
            hi -= 1
        self.lo, self.hi = lo, hi
        runs: list[tuple[int, RunStyle]] = []
        end = 0
        for run in block.runs:
            if run.text:
                end += len(run.text)
                runs.append((end, RunStyle.of(run)))
        self.runs = runs
        styles = {style for _, style in runs}
        # The block's one style, or None when its runs differ.
        self.single_style: RunStyle | None = (
            PLAIN if not styles else next(iter(styles)) if len(styles) == 1 else None)

    def pieces(self, start: int, end: int) -> list[tuple[str, RunStyle]]:
        """The text of tokens start..end as (text, style) pieces, by run."""
        c0, c1 = self.offsets[start], self.offsets[end]
        out: list[tuple[str, RunStyle]] = []
        run_start = 0
        for run_end, style in self.runs:
            if run_end > c0 and run_start < c1:
                out.append((self.text[max(c0, run_start):min(c1, run_end)], style))
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


def whitespace_key(text: str) -> str:
    """The key of a whitespace run: a line break matters, its width does not."""
    return "\n" if "\n" in text else " "


def normalize_space(text: str) -> str:
    """Collapse whitespace runs and trim: the text as the redline compares it."""
    return " ".join(text.split())


def block_key(block: Block) -> str:
    """A block's comparison key: its words with spacing normalized."""
    return normalize_space(block.text) if block.kind != "raw" else block.text.strip()


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
