"""Tokens of a document for the redline: words, whitespace, punctuation, breaks.

A token is the smallest unit a redline marks: a word (letters and digits, with
inner apostrophes or hyphens: "user's", "e-mail"), a run of whitespace, or one
punctuation character. Every block ends with a paragraph-break token, so a
paragraph that appears, vanishes, splits or merges is a change like any word.

Each token has a ``key``: the text compared by the diff. Whitespace runs have
the key " " (or "\\n" when they hold a line break, in verbatim blocks), so a
difference in spacing alone is never a change. Tokens keep the formatting of
the runs they come from (``pieces``), which the redline compares separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policyeditor.core.textmodel import Block, Document, Run

BREAK_KEY = "\u00b6"   # the paragraph break's key (never produced by a text token)

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


@dataclass(frozen=True)
class Token:
    """One token: its text, the key compared, and its formatting pieces."""

    text: str
    key: str
    pieces: tuple[tuple[str, RunStyle], ...]   # (text, style) in order; joined == text
    block: int                                  # index of the block it belongs to

    @property
    def is_break(self) -> bool:
        return self.key == BREAK_KEY

    @property
    def is_space(self) -> bool:
        return self.key in (" ", "\n")

    @property
    def is_word(self) -> bool:
        return bool(self.text) and (self.text[0].isalnum() or self.text[0] == "_")


def whitespace_key(text: str) -> str:
    """The key of a whitespace run: a line break matters, its width does not."""
    return "\n" if "\n" in text else " "


def normalize_space(text: str) -> str:
    """Collapse whitespace runs and trim: the text as the redline compares it."""
    return " ".join(text.split())


def block_key(block: Block) -> str:
    """A block's comparison key: its words with spacing normalized."""
    return normalize_space(block.text) if block.kind != "raw" else block.text.strip()


def tokenize_block(block: Block, index: int) -> list[Token]:
    """The tokens of one block, its closing paragraph break included."""
    text = block.text
    styles: list[tuple[int, int, RunStyle]] = []
    pos = 0
    for run in block.runs:
        if run.text:
            styles.append((pos, pos + len(run.text), RunStyle.of(run)))
            pos += len(run.text)
    tokens: list[Token] = []
    si = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        piece_list: list[tuple[str, RunStyle]] = []
        while si < len(styles) and styles[si][1] <= start:
            si += 1
        j = si
        while j < len(styles) and styles[j][0] < end:
            lo, hi = max(start, styles[j][0]), min(end, styles[j][1])
            piece_list.append((text[lo:hi], styles[j][2]))
            j += 1
        tok_text = match.group()
        key = whitespace_key(tok_text) if tok_text.isspace() else tok_text
        tokens.append(Token(tok_text, key, tuple(piece_list), index))
    # Leading/trailing whitespace of a block is not content.
    while tokens and tokens[0].is_space:
        tokens.pop(0)
    while tokens and tokens[-1].is_space:
        tokens.pop()
    tokens.append(Token("", BREAK_KEY, (), index))
    return tokens


def tokenize(doc: Document) -> list[list[Token]]:
    """The tokens of every block of ``doc``, one list per block."""
    return [tokenize_block(block, i) for i, block in enumerate(doc.blocks)]


class KeyMap:
    """Maps keys to single characters, so diff-match-patch diffs units.

    Like diff-match-patch's ``diff_linesToChars``: each distinct key gets one
    code point, shared by both texts. Used as is for blocks.
    """

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys: list[str]) -> str:
        codes = self._codes
        out = []
        for key in keys:
            code = codes.get(key)
            if code is None:
                code = self._new_code(key)
                codes[key] = code
            out.append(code)
        return "".join(out)

    def _new_code(self, key: str) -> str:
        return chr(len(self._codes))


# Word codes come from ranges of letters (CJK ideographs, Hangul), so that
# diff-match-patch's semantic cleanup, which looks at the characters' classes,
# sees a word as a letter, a space as a space, punctuation as itself and a
# paragraph break as a line break: edits then slide to natural boundaries.
_WORD_RANGES = ((0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x20000, 0x2A6DF), (0x2A700, 0x2EBE0))
_SPARE = (0xF0000, 0x10FFFD)   # private use, when the letters run out


class TokenKeyMap(KeyMap):
    """Token keys -> characters whose class matches the token's (see above)."""

    _FIXED = {" ": " ", "\n": "\r", BREAK_KEY: "\n"}

    def __init__(self) -> None:
        super().__init__()
        self._words = 0

    def _new_code(self, key: str) -> str:
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
