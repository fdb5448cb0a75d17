"""Editorial or substantive: the class of a change between two texts (DESIGN.md).

A change is editorial exactly when the two texts are equal after removing
formatting, punctuation, letter case and whitespace differences; anything else
is substantive. Concretely, both texts are reduced to a content key:

- Markdown is parsed into the text model and only its words are kept
  (``Document.plain_text``): bold, italic, headings and list markers are
  formatting;
- Unicode NFC normalization (the same letters stored two ways are the same);
- letter case folded (``str.casefold``);
- every character of Unicode category P* (punctuation), Z* (spaces) and C*
  (line breaks, tabs, invisible format characters) removed.

Letters, digits and symbols ($, +, <, ©) stay: "$500" and "500" differ.
Numbers keep their shape: punctuation or a space between two digits stays
("1,000" and "10,00", "3.5" and "35" differ), and the signs that give a
number its meaning stay although Unicode files them under punctuation
(% ‰ § ¶ ° #: "50%" and "50" differ). A link's target is content, not
formatting: pointing a link elsewhere is substantive. "cannot" and "can not"
have the same key and so are editorial.

The reason is a plain sentence for the redline and the version list; for a
substantive change it quotes the first changed words (difflib over word
lists).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from policyeditor.core import textmodel
from policyeditor.core.errors import TextError
from policyeditor.core.textmodel import Document
from policyeditor.core.versions import EDITORIAL, SUBSTANTIVE

_IGNORED_CATEGORIES = ("P", "Z", "C")
_QUOTE_WORDS = 8          # words quoted in a reason before "..."
_EXACT_DIFF_LIMIT = 4000  # word lists longer than this use difflib's fast heuristics


@dataclass(frozen=True)
class Classification:
    """``change_class`` is versions.SUBSTANTIVE or versions.EDITORIAL; ``reason`` says why."""

    change_class: str
    reason: str

    @property
    def editorial(self) -> bool:
        return self.change_class == EDITORIAL


def _document(text: str | Document) -> Document:
    if isinstance(text, Document):
        return text
    if isinstance(text, str):
        return textmodel.parse(text)
    raise TextError("A change can only be classified between two texts.")


def _drop(text: str, categories: tuple[str, ...]) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in categories)


_NUMBER_SIGNS = frozenset("%\u2030\u2031\u00a7\u00b6\u00b0#")


def _key(text: str) -> str:
    """Drop punctuation, spaces and controls, except inside numbers and number signs."""
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)[0]
        if category not in _IGNORED_CATEGORIES or ch in _NUMBER_SIGNS:
            out.append(ch)
        elif (category != "C" and 0 < i < last
              and text[i - 1].isdigit() and text[i + 1].isdigit()):
            out.append(ch if category == "P" else " ")
    return "".join(out)


def content_key(text: str | Document) -> str:
    """The letters, digits and symbols of a text, case-folded: equal keys = editorial."""
    plain = unicodedata.normalize("NFC", _document(text).plain_text)
    return _key(plain.casefold())


def _links(doc: Document) -> list[str]:
    return [r.link.strip() for b in doc.blocks for r in b.runs if r.link]


def _layout(doc: Document) -> list[tuple]:
    """What formatting shows: block kinds and levels, and which words are bold or italic."""
    shape: list[tuple] = [(b.kind, b.level) for b in doc.blocks]
    for b in doc.blocks:
        shape += [(content_key(r.text), r.bold, r.italic) for r in b.runs if r.bold or r.italic]
    return shape


def _kinds(old: Document, new: Document) -> list[str]:
    """Which of formatting, punctuation, letter case and spacing differ (editorial pairs)."""
    a = unicodedata.normalize("NFC", old.plain_text)
    b = unicodedata.normalize("NFC", new.plain_text)
    kinds = []
    if _layout(old) != _layout(new):
        kinds.append("formatting")
    if _drop(a.casefold(), ("Z", "C")) != _drop(b.casefold(), ("Z", "C")):
        kinds.append("punctuation")
    if _drop(a, _IGNORED_CATEGORIES) != _drop(b, _IGNORED_CATEGORIES):
        kinds.append("letter case")
    if _drop(a.casefold(), ("P",)) != _drop(b.casefold(), ("P",)):
        kinds.append("spacing")
    return kinds


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _quote(words: list[str]) -> str:
    shown = " ".join(words[:_QUOTE_WORDS])
    return f"'{shown} ...'" if len(words) > _QUOTE_WORDS else f"'{shown}'"


def _words(doc: Document) -> tuple[list[str], list[str]]:
    """The words as written, and their keys (pure punctuation is not a word)."""
    shown, keys = [], []
    for word in unicodedata.normalize("NFC", doc.plain_text).split():
        key = _key(word.casefold())
        if key:
            shown.append(word)
            keys.append(key)
    return shown, keys


def _word_change(old: Document, new: Document) -> str:
    """"words changed, for example 'his/her' became 'the user's'"."""
    shown_a, keys_a = _words(old)
    shown_b, keys_b = _words(new)
    start = 0
    while start < min(len(keys_a), len(keys_b)) and keys_a[start] == keys_b[start]:
        start += 1
    end = 0
    while (end < min(len(keys_a), len(keys_b)) - start
           and keys_a[-1 - end] == keys_b[-1 - end]):
        end += 1
    mid_a, mid_b = keys_a[start:len(keys_a) - end], keys_b[start:len(keys_b) - end]
    exact = max(len(mid_a), len(mid_b)) <= _EXACT_DIFF_LIMIT
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=not exact)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:   # the keys differ inside words only: quote the differing stretch
        changes = [("replace", 0, len(mid_a), 0, len(mid_b))]
    tag, i1, i2, j1, j2 = changes[0]
    before = shown_a[start + i1:start + i2]
    after = shown_b[start + j1:start + j2]
    if tag == "delete" or not after:
        example = f"{_quote(before)} was removed"
    elif tag == "insert" or not before:
        example = f"{_quote(after)} was added"
    else:
        example = f"{_quote(before)} became {_quote(after)}"
    where = "" if len(changes) == 1 else f" in {len(changes)} places"
    return f"words changed{where}, for example {example}"


def _link_change(old: Document, new: Document) -> str:
    a, b = _links(old), _links(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    tag, i1, i2, j1, j2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    if tag == "delete":
        return f"a link to {a[i1]} was removed"
    if tag == "insert":
        return f"a link to {b[j1]} was added"
    return f"a link changed from {a[i1]} to {b[j1]}"


def classify(old: str | Document, new: str | Document) -> Classification:
    """Classify the change from ``old`` to ``new`` (Markdown text or Documents)."""
    doc_a, doc_b = _document(old), _document(new)
    written_differently = isinstance(old, str) and isinstance(new, str) and old != new
    if content_key(doc_a) != content_key(doc_b):
        return Classification(SUBSTANTIVE, f"Substantive: {_word_change(doc_a, doc_b)}.")
    if _links(doc_a) != _links(doc_b):
        return Classification(SUBSTANTIVE, f"Substantive: {_link_change(doc_a, doc_b)}.")
    if doc_a == doc_b:
        if written_differently:
            return Classification(EDITORIAL, "Editorial: only spacing or formatting changed.")
        return Classification(EDITORIAL, "Editorial: nothing changed.")
    kinds = _kinds(doc_a, doc_b)
    if not kinds and doc_a.front_matter != doc_b.front_matter:
        return Classification(EDITORIAL, "Editorial: the text is the same; only the settings "
                                         "block at the top of the file (front matter) changed.")
    kinds = kinds or ["formatting"]
    return Classification(EDITORIAL, f"Editorial: only {_join(kinds)} changed.")
