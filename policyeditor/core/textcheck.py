"""Flag invisible and bidirectional control characters in policy text.

Such characters change how text reads (a right-to-left override can make a
sentence display in a different order than it is stored) or hide words from a
redline. They rarely belong in a policy, so the tool shows each one to the
person saving the text, by line and column, with its Unicode name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ALLOWED_CONTROLS = frozenset("\n\t")
_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE", "\x9b": "CONTROL SEQUENCE INTRODUCER"}


@dataclass(frozen=True)
class Finding:
    """One suspicious character: 1-based line and column, the character, why."""

    line: int
    column: int
    char: str
    name: str
    bidi: bool

    @property
    def message(self) -> str:
        kind = ("a bidirectional control" if self.bidi else
                "a control character" if unicodedata.category(self.char) == "Cc" else "an invisible character")
        return (f"Line {self.line}, column {self.column}: {kind} "
                f"(U+{ord(self.char):04X} {self.name}).")


def _is_suspicious(ch: str) -> bool:
    if ch in BIDI_CONTROLS:
        return True
    category = unicodedata.category(ch)
    if category == "Cc":
        return ch not in _ALLOWED_CONTROLS and ch != "\r"
    return category in ("Cf", "Co", "Cn") or ch in "\u115f\u1160\u3164\uffa0"


def suspicious_characters(text: str) -> list[Finding]:
    """Every invisible or bidirectional control character in ``text``."""
    findings: list[Finding] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.isascii() and line.isprintable():
            continue
        for col, ch in enumerate(line, start=1):
            if _is_suspicious(ch):
                name = unicodedata.name(ch, _CONTROL_NAMES.get(ch, "unnamed character"))
                findings.append(Finding(line_no, col, ch, name, ch in BIDI_CONTROLS))
    return findings


def _is_refused(ch: str) -> bool:
    if ch in BIDI_CONTROLS:
        return True
    return unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS and ch != "\r"


def refused_characters(text: str) -> list[Finding]:
    """Control characters a policy text never holds: NUL, terminal escapes (ESC), other C0/C1
    controls, and the bidirectional controls (right-to-left override...).

    The store refuses a text holding one (other invisible characters, such as
    a soft hyphen pasted from Word, are only flagged: ``suspicious_characters``).
    """
    return [f for f in suspicious_characters(text) if _is_refused(f.char)]


def visible(text: str) -> str:
    """``text`` with each refused character shown as ``<U+202E>``, safe to print on a terminal."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"<U+{ord(ch):04X}>" if _is_refused(ch) else ch for ch in text)


def describe(findings: list[Finding], limit: int = 5) -> str:
    """A plain paragraph listing the first findings, for a dialog or the CLI."""
    if not findings:
        return ""
    lines = [f.message for f in findings[:limit]]
    more = len(findings) - limit
    if more > 0:
        lines.append(f"... and {more} more.")
    return ("The text contains characters that cannot be seen or that reorder text: "
            + " ".join(lines)
            + " Remove them unless you are sure they belong.")
