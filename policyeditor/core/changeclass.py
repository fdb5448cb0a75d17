"""Editorial or substantive: the class of a change between two texts (docs/design.md).

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

Letters, digits and symbols ($, +, −, <, ©) stay: "$500" and "500" differ.
Numbers keep their shape (rule 9): punctuation between two digits stays, with
or without spaces around it ("1,000" and "1000", "3.5" and "35", "6 - 8" and
"68" differ), so does a point, separator or dash right before a digit (".5",
"$.50", "-5"), a space right between two digits ("1 000"), and the signs that
give a number its meaning although Unicode files them under punctuation
(% ‰ § ¶ ° #: "50%" and "50" differ). Two more checks of rule 9 run when the
keys are equal: the number of negation words ("not ice" -> "notice"), and the
defined terms with their capitals ('"Records" means ...': "Records" applies
the definition, "records" does not). A link's target is content, not
formatting: pointing a link elsewhere is substantive. "cannot" and "can not"
have the same key and so are editorial.

The reason is a plain sentence for the redline and the version list; for a
substantive change it quotes the first changed words and counts the places,
read from the redline's own segments (no second word-by-word matching: the
whole classification is linear in the texts).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from policyeditor.core import textmodel
from policyeditor.core.errors import TextError
from policyeditor.core.textmodel import Document
from policyeditor.core.change_classes import EDITORIAL, SUBSTANTIVE

_IGNORED_CATEGORIES = ("P", "Z", "C")
_QUOTE_WORDS = 8          # words quoted in a reason before "..."


@dataclass(frozen=True)
class Classification:
    """``change_class`` is versions.SUBSTANTIVE or versions.EDITORIAL; ``reason`` says why."""

    change_class: str
    reason: str

    @property
    def editorial(self) -> bool:
        return self.change_class == EDITORIAL


def _document(text: object) -> Document:
    if isinstance(text, Document):
        return text
    if isinstance(text, str):
        return textmodel.parse(text)
    raise TextError("A change can only be classified between two texts.")


def _drop(text: str, categories: tuple[str, ...]) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in categories)


_NUMBER_SIGNS = frozenset("%\u2030\u2031\u00a7\u00b6\u00b0#")
# Punctuation that gives a number its value when it stands right before a digit:
# a decimal point (".5"), a separator, a minus written as a hyphen or a dash ("-5").
_BEFORE_DIGIT = frozenset(".,\u00b7\u066b\u066c'\u2019")


_NUMBER_STRETCHES: dict[str, re.Pattern] = {}


def _number_stretches(digits: str) -> re.Pattern:
    """A digit, and every later digit reached through characters that are not letters or
    digits, with the one character before the first: all the context rule 9 reads."""
    pattern = _NUMBER_STRETCHES.get(digits)
    if pattern is None:
        digit = "[" + "".join(re.escape(d) for d in digits) + "]"
        pattern = _NUMBER_STRETCHES[digits] = re.compile(rf"[\W_]?{digit}(?:[\W_]*{digit})*")
    return pattern


def _key(text: str) -> str:
    """``_key_chars``'s result, fast: outside the stretches around digits a character is kept
    or dropped by its category alone, so one regular expression (of the text's own characters to
    drop) does it; the stretches around digits, where rule 9 reads the neighbours, go through
    ``_key_chars``. Linear in the text."""
    chars = set(text)
    dropped = "".join(sorted(ch for ch in chars
                             if unicodedata.category(ch)[0] in _IGNORED_CATEGORIES and ch not in _NUMBER_SIGNS))
    drop = (re.compile("[" + "".join(re.escape(ch) for ch in dropped) + "]+").sub if dropped
            else lambda _empty, chunk: chunk)
    digits = "".join(sorted(ch for ch in chars if ch.isdigit()))
    if not digits:
        return drop("", text)
    out: list[str] = []
    pos = 0
    for m in _number_stretches(digits).finditer(text):
        start, end = m.span()
        out.append(drop("", text[pos:start]))
        out.append(_key_chars(text[start:end]))
        pos = end
    out.append(drop("", text[pos:]))
    return "".join(out)


def _key_chars(text: str) -> str:
    """Drop punctuation, spaces and controls, except what belongs to a number (rule 9).

    Kept: the number signs (% § ° ...); punctuation between two digits, also with
    spaces around it ("1,000", "3.5", "6 - 8", "5, 2009"); a decimal point, separator
    or dash right before a digit (".5", "$.50", "-5"); a space right between two
    digits ("1 000", as " "). One pass forward, one backward: linear in the text.
    """
    n = len(text)
    cats = [unicodedata.category(ch) for ch in text]
    next_solid = [-1] * n          # index of the next character that is not a space
    following = -1
    for i in range(n - 1, -1, -1):
        next_solid[i] = following
        if cats[i][0] != "Z":
            following = i
    out: list[str] = []
    prev_solid = ""                # the last character before i that is not a space
    for i, ch in enumerate(text):
        category = cats[i]
        major = category[0]
        if major not in _IGNORED_CATEGORIES or ch in _NUMBER_SIGNS:
            out.append(ch)
        elif major == "P":
            j = next_solid[i]
            after = text[j] if j >= 0 else ""
            if prev_solid.isdigit() and after.isdigit():
                out.append(ch)
            elif (i + 1 < n and text[i + 1].isdigit()
                  and (ch in _BEFORE_DIGIT or category == "Pd")):
                out.append(ch)
        elif major == "Z" and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            out.append(" ")
        if major != "Z":
            prev_solid = ch
    return "".join(out)


def content_key(text: object) -> str:
    """The letters, digits and symbols of a text, case-folded: equal keys = editorial."""
    plain = unicodedata.normalize("NFC", _document(text).plain_text)
    return _key(plain.casefold())


_CHUNK = 1 << 16


_ASCII_NOT_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())
_ASCII = bytes(range(128))


def _letters(text: str) -> str:
    """The letters and digits of text: ASCII punctuation and spaces dropped by bytes.translate,
    then each other character that is no letter or digit (’, “, a no-break space ...) by
    str.replace: C speed throughout, whatever the mix."""
    kept = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_ALNUM)
    if kept.isascii():
        return kept.decode("ascii")
    out = kept.decode("utf-8", "surrogatepass")
    others = set(kept.translate(None, _ASCII).decode("utf-8", "surrogatepass"))   # the few non-ASCII ones
    for ch in others:
        if not ch.isalnum():
            out = out.replace(ch, "")
    return out


def _reduced_pieces(doc: Document, reduce) -> Iterator[str]:
    """``reduce`` (``_key`` or ``_letters``) applied to the NFC, case-folded text, a few blocks
    (``_CHUNK`` characters) at a time, cut at block ends: joined, the whole text's.

    The key never reads across the line break between two blocks (a break is
    neither a space nor a digit, so no number spans it, and NFC and case
    folding work within a line), so the key of the whole text is the keys of
    its pieces cut at block ends, one after the other. Memory: one piece
    (~64 k characters), not copies of the whole text.
    """
    piece: list[str] = []
    size = 0
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        text = block.text
        piece.append(text)
        size += len(text) + 1
        if size >= _CHUNK or index == len(blocks) - 1:
            joined = "\n".join(piece) + ("\n" if index < len(blocks) - 1 else "")
            yield reduce(unicodedata.normalize("NFC", joined).casefold())
            piece, size = [], 0


def _same_reduced(a: Document, b: Document, reduce) -> bool:
    """Whether the two texts reduce alike (``_reduced_pieces``): their pieces compared as they
    come, stopping at the first difference (a substantive change is usually found in the
    first piece, not after reading both texts whole).

    With ``_letters``: the content key keeps every letter and digit of the
    case-folded text (it drops punctuation, spaces and controls only) and adds
    none, so different letters mean different keys (equal ones decide
    nothing), and the letters are found at C speed.
    """
    pieces_a, pieces_b = _reduced_pieces(a, reduce), _reduced_pieces(b, reduce)
    left = right = ""
    while True:
        if not left:
            left = next((p for p in pieces_a if p), "")      # "" only when the text is through
        if not right:
            right = next((p for p in pieces_b if p), "")
        if not left or not right:
            return left == right
        n = min(len(left), len(right))
        if left[:n] != right[:n]:
            return False
        left, right = left[n:], right[n:]


def _links(doc: Document) -> list[str]:
    return [r.link.strip() for b in doc.blocks for r in b.runs if r.link]


def _layout(doc: Document) -> list[tuple]:
    """What formatting shows: block kinds and levels, and which words are bold or italic."""
    shape: list[tuple] = [(b.kind, b.level) for b in doc.blocks]
    for b in doc.blocks:
        shape += [(_key(unicodedata.normalize("NFC", r.text).casefold()), r.bold, r.italic)
                  for r in b.runs if r.bold or r.italic]
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


_NOT_ALNUM = re.compile(r"[\W_]+")


def _changed_stretches(redline) -> list[tuple[str, str]]:
    """The redline's changes whose content differs: (old words, new words) per stretch, in order.

    A stretch is a run of deleted and inserted segments inside a paragraph (a
    paragraph removed, added or moved is one stretch), widened to whole words
    (the redline may change a single character: "$.50" -> "$50"). It counts
    when its old and new content keys differ, read with the word on each side,
    so a number's punctuation is judged with its digits ("6 - 8" -> "68").
    One pass over the segments the redline already found: linear in the texts.
    """
    from policyeditor.core.redline import DELETED, EQUAL, INSERTED, MOVED_FROM, MOVED_TO

    found: list[tuple[str, str]] = []
    for block in redline.blocks:
        if block.status == EQUAL:
            continue
        if block.status in (INSERTED, MOVED_TO):
            found.append(("", block.new_text))
            continue
        if block.status in (DELETED, MOVED_FROM):
            found.append((block.old_text, ""))
            continue
        segs = block.segments
        k = 0
        while k < len(segs):
            if segs[k].op not in (INSERTED, DELETED):
                k += 1
                continue
            prev = segs[k - 1].text if k else ""
            old: list[str] = []
            new: list[str] = []
            while k < len(segs) and segs[k].op in (INSERTED, DELETED):
                (new if segs[k].op == INSERTED else old).append(segs[k].text)
                k += 1
            following = segs[k].text if k < len(segs) else ""
            left, left_word = _tail(prev)
            right, right_word = _head(following)
            old_text, new_text = "".join(old), "".join(new)
            # Letters and digits always stay in a key: when they differ the keys differ (the
            # common case, and cheap); else the keys decide.
            if (_NOT_ALNUM.sub("", old_text).casefold() != _NOT_ALNUM.sub("", new_text).casefold()
                    or _key(f"{left_word}{old_text}{right_word}".casefold())
                    != _key(f"{left_word}{new_text}{right_word}".casefold())):
                changed = old_text + new_text
                left = left if _glued(left, old_text or new_text, changed, end=False) else ""
                right = right if _glued(right, new_text or old_text, changed, end=True) else ""
                found.append((f"{left}{old_text}{right}", f"{left}{new_text}{right}"))
    return found


def _alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _glued(fragment: str, stretch: str, changed: str, *, end: bool) -> bool:
    """Whether the part of a word next to a change belongs in its quote: the change is inside
    the word ("user" + "s"), or is only punctuation ("$" + "." + "50"), or the part is only
    punctuation ("it" + ".")."""
    if not fragment or not stretch:
        return bool(fragment) and not _alnum(changed)
    touching = stretch[0] if not end else stretch[-1]
    if touching.isspace():
        return False
    return (not _alnum(fragment) or not _alnum(changed)
            or (touching.isalnum() and (fragment[-1] if not end else fragment[0]).isalnum()))


def _tail(text: str) -> tuple[str, str]:
    """The part of a word ``text`` ends in ('' after a space), and its last word with the spaces after.

    Read from the end only: ``text`` is the equal stretch before a change, often a long one."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    word = text[start:end]
    return (word if end == len(text) else ""), word + text[end:]


def _head(text: str) -> tuple[str, str]:
    """The part of a word ``text`` starts with ('' before a space), and its first word with the spaces before."""
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    end = start
    while end < n and not text[end].isspace():
        end += 1
    word = text[start:end]
    return (word if start == 0 else ""), text[:end]


def _shown_words(text: str) -> list[str]:
    """The words of ``text`` as written, leaving out pure punctuation."""
    return [w for w in unicodedata.normalize("NFC", text).split() if _key(w.casefold())]


def _word_change(old: Document, new: Document, redline=None) -> str:
    """"words changed, for example 'his/her' became 'the user's'", from the redline's segments.

    ``redline`` (``core.redline.compare(old, new)``) is computed when not given;
    either way the work is linear in the texts (no word-by-word matching here).
    """
    if redline is None:
        from policyeditor.core.redline import compare

        redline = compare(old, new)
    changes = _changed_stretches(redline)
    if not changes:   # the keys differ across stretches only: quote the first change there is
        changes = [(b.old_text if b.in_old else "", b.new_text if b.status != "deleted" else "")
                   for b in redline.blocks if b.status != "equal"][:1] or [("", "")]
    before, after = (_shown_words(text) for text in changes[0])
    if not after and before:
        example = f"{_quote(before)} was removed"
    elif not before and after:
        example = f"{_quote(after)} was added"
    elif before:
        example = f"{_quote(before)} became {_quote(after)}"
    else:
        example = "the words differ"
    where = "" if len(changes) <= 1 else f" in {len(changes)} places"
    return f"words changed{where}, for example {example}"


def _link_change(old: Document, new: Document) -> str:
    a, b = _links(old), _links(new)
    import difflib                                       # only here: not loaded for every classification

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    tag, i1, i2, j1, j2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    if tag == "delete":
        return f"a link to {a[i1]} was removed"
    if tag == "insert":
        return f"a link to {b[j1]} was added"
    return f"a link changed from {a[i1]} to {b[j1]}"


# Negations (rule 9): a change of spacing or punctuation that makes one appear or vanish
# ("not ice" -> "notice") is substantive. "cannot" and "can't" are negations too, so
# "can not" -> "cannot" keeps the count.
NEGATIONS = frozenset({"not", "no", "never", "unless", "except", "without", "nor", "neither",
                       "none", "nobody", "nothing", "nowhere", "cannot"})
_CONTRACTIONS = frozenset({"dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont",
                           "cant", "couldnt", "shouldnt", "wouldnt", "hasnt", "havent", "hadnt",
                           "mustnt", "neednt", "shant", "aint", "mightnt"})
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def negations(text: str) -> int:
    """How many negation words ``text`` holds (case-insensitive; "don't" and "dont" count)."""
    count = 0
    for m in _WORD.finditer(text.casefold()):
        word = m.group()
        if word in NEGATIONS or word.endswith(("n't", "n\u2019t")):
            count += 1
        elif "'" not in word and "\u2019" not in word and word in _CONTRACTIONS:
            count += 1
    return count


# Defined terms (rule 9): a term in quotes, or a capitalized term, followed by "means" and
# the like, or a quoted term in parentheses ('(the "Records")'). Its uses are counted
# with their case, since "Records" applies the definition and "records" does not.
_Q_OPEN, _Q_CLOSE = "\"\u201c", "\"\u201d"
_DEFINES = r"(?:means|shall\s+mean|refers\s+to|is\s+defined\s+as|shall\s+include|includes)\b"
_QUOTED_DEF = re.compile(
    rf"[{_Q_OPEN}]([^\W\d_][^{_Q_CLOSE}\n]{{0,60}}?)[{_Q_CLOSE}]\s*\)?\s*,?\s*{_DEFINES}"
    rf"|\(\s*(?:the\s+|a\s+|an\s+|hereinafter\s+(?:the\s+)?)?"
    rf"[{_Q_OPEN}]([^\W\d_][^{_Q_CLOSE}\n]{{0,60}}?)[{_Q_CLOSE}]\s*\)")
_CAPITAL_DEF = re.compile(rf"\b((?:[A-Z][\w'\u2019-]*\s+){{0,5}}[A-Z][\w'\u2019-]*)\s+{_DEFINES}")
_ARTICLES = ("The ", "A ", "An ")


def defined_terms(text: str) -> set[str]:
    """The terms ``text`` defines, as written (spaces normalized)."""
    terms = set()
    for m in _QUOTED_DEF.finditer(text):
        term = m.group(1) or m.group(2)
        terms.add(" ".join(term.split()))
    for m in _CAPITAL_DEF.finditer(text):
        term = " ".join(m.group(1).split())
        for article in _ARTICLES:
            if term.startswith(article):
                term = term[len(article):]
        if term:
            terms.add(term)
    return terms


def _term_uses(text: str, pattern: re.Pattern) -> Counter:
    return Counter(" ".join(m.group().split()) for m in pattern.finditer(text))


def _defined_term_change(a: str, b: str) -> str | None:
    """Why the defined terms of ``a`` and ``b`` differ, or None (one regex pass each)."""
    old_terms, new_terms = defined_terms(a), defined_terms(b)
    if old_terms != new_terms:
        term = sorted(old_terms ^ new_terms)[0]
        which = "no longer defined" if term in old_terms else "newly defined"
        return f"the term '{term}' is {which}"
    if not old_terms:
        return None
    words = sorted(old_terms, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(
        r"\s+".join(re.escape(w) for w in t.split()) for t in words) + r")(?!\w)")
    before, after = _term_uses(a, pattern), _term_uses(b, pattern)
    for term in words:
        if before[term] != after[term]:
            return (f"the defined term '{term}' is used {_times(after[term])} with its capitals "
                    f"instead of {_times(before[term])}")
    return None


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _rule_9(doc_a: Document, doc_b: Document) -> str | None:
    """A negation or a defined term changed although the content keys are equal, or None."""
    a = unicodedata.normalize("NFC", doc_a.plain_text)
    b = unicodedata.normalize("NFC", doc_b.plain_text)
    before, after = negations(a), negations(b)
    if before != after:
        return "a negation was " + ("removed" if after < before else "added") + \
            f" ({_times(before)} before, {_times(after)} now)"
    return _defined_term_change(a, b)


def classify(old: object, new: object, redline=None) -> Classification:
    """Classify the change from ``old`` to ``new`` (Markdown text or Documents).

    ``redline``: their ``core.redline.compare``, when the caller has it (the
    reason for a substantive change is read from its segments). Linear in the texts.
    """
    doc_a, doc_b = _document(old), _document(new)
    written_differently = isinstance(old, str) and isinstance(new, str) and old != new
    if not _same_reduced(doc_a, doc_b, _letters) or not _same_reduced(doc_a, doc_b, _key):
        return Classification(SUBSTANTIVE, f"Substantive: {_word_change(doc_a, doc_b, redline)}.")
    rule_9 = _rule_9(doc_a, doc_b)
    if rule_9 is not None:
        return Classification(SUBSTANTIVE, f"Substantive: {rule_9}.")
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
