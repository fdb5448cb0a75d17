"""What an imported document says about itself: its history line, code and title.

Pure text work over the text model (no I/O): ``ops.importing`` reads the
file and gives the document here.

- ``parse_history(text)``: a line such as "Adopted: October 5, 2009 /
  Revised: May 15, 2018; Reviewed: 6/1/2020" as its entries, or None when
  the line is not wholly a history line. Dates are read in three forms:
  "October 5, 2009" (also "Oct. 5, 2009", "5 October 2009"), "10/5/2009"
  (month first, as in the United States) and "2009-10-05".
- ``split_document(doc)``: the document without its history lines, its
  "File: IJNDC" line and its title line, and what they said.
- ``from_file_name(stem)``: code and title from "IJNDC Website Privacy".
- ``policy_id_for(title, code)``: an id of the allow-list (``core.ids``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from policyeditor.core.textdoc import HEADING, PARAGRAPH, Block, Document, Run

ADOPTED, REVISED, REVIEWED = "adopted", "revised", "reviewed"
_KEYWORDS = {"adopted": ADOPTED, "approved": ADOPTED, "revised": REVISED, "amended": REVISED,
             "updated": REVISED, "reviewed": REVIEWED}
_KEYWORD = re.compile(r"\b(adopted|approved|revised|amended|updated|reviewed)\b\s*(?:on\b)?\s*:?", re.I)
_MONTHS = {name: k for k, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DATE = re.compile(
    rf"(?P<mdy>{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})\s+{_MONTH.replace('(', '(?P<m2>', 1)}\s+(?P<y2>\d{{4}}))"
    r"|(?P<us>(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4}|\d{2}))"
    r"|(?P<iso>(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2}))",
    re.I)
_SEPARATORS = re.compile(r"^[\s,;/|&.\u2013\u2014-]*(?:\band\b)?[\s,;/|&.\u2013\u2014-]*$", re.I)
_CODE = r"[A-Z]{1,6}(?:-[A-Z]{1,2}(?:\(\d+\))?)?|\d{3,4}(?:\.\d{1,3})*(?:-[A-Z]{1,2})?"
_FILE_LINE = re.compile(rf"^\s*(?:file|code|policy(?:\s+code)?|nepn\s*/\s*nsba\s+code)\s*(?:no\.?)?\s*:\s*({_CODE})\s*$",
                        re.I)
_CODE_TITLE = re.compile(rf"^\s*(?:file\s*:\s*)?({_CODE})(?:\s*[:\u2013\u2014|]\s*|\s+-\s+)(\S.*)$")
_CODE_FIRST = re.compile(rf"^({_CODE})\s+(\S.*)$")
_GENERIC = re.compile(r"^(document|untitled|new document|scan|image|file|policy|copy)\s*\d*$", re.I)


class HistoryError(ValueError):
    """A history entry whose date cannot be a calendar day (it names the text)."""


@dataclass(frozen=True)
class HistoryEntry:
    kind: str       # ADOPTED, REVISED or REVIEWED
    when: date
    source: str     # the words as written ("Revised: May 15, 2018")


def _date_of(m: re.Match) -> date:
    if m.group("mdy"):
        month, day, year = _MONTHS[m.group(2).lower()], int(m.group("d1")), int(m.group("y1"))
    elif m.group("dmy"):
        month, day, year = _MONTHS[m.group("m2").lower()], int(m.group("d2")), int(m.group("y2"))
    elif m.group("us"):
        month, day, year = int(m.group("m3")), int(m.group("d3")), int(m.group("y3"))
        if year < 100:
            year += 2000 if year < 70 else 1900
    else:
        year, month, day = int(m.group("y4")), int(m.group("m4")), int(m.group("d4"))
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise HistoryError(f"the date \"{m.group(0)}\" is not a day of the calendar") from exc


def parse_history(text: str) -> list[HistoryEntry] | None:
    """The entries of a history line, or None when ``text`` is not wholly one.

    Every word must belong to an entry ("Adopted:" and its dates); a line
    with other words ("The policy was revised on May 1, 2018 to ...") is
    text, not history. ``HistoryError`` when an entry's date is impossible.
    """
    text = " ".join(text.split())
    keywords = list(_KEYWORD.finditer(text))
    if not keywords or text[:keywords[0].start()].strip(" -\u2013\u2014:;,/|").lower() not in ("", "history"):
        return None
    entries: list[HistoryEntry] = []
    for k, kw in enumerate(keywords):
        end = keywords[k + 1].start() if k + 1 < len(keywords) else len(text)
        segment = text[kw.end():end]
        found = list(_DATE.finditer(segment))
        if not found:
            return None
        rest, last = [], 0
        for m in found:
            rest.append(segment[last:m.start()])
            last = m.end()
        rest.append(segment[last:])
        if not all(_SEPARATORS.match(piece) for piece in rest):
            return None
        kind = _KEYWORDS[kw.group(1).lower()]
        for m in found:
            entries.append(HistoryEntry(kind, _date_of(m), f"{kw.group(1).capitalize()}: {m.group(0)}"))
    return entries


@dataclass(frozen=True)
class Split:
    """A document without the lines that describe it, and what they said."""

    document: Document
    title: str = ""
    code: str = ""
    history: list[HistoryEntry] = field(default_factory=list)
    history_lines: list[str] = field(default_factory=list)


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.split("\n") if line.strip()]


def split_document(doc: Document, *, title_hints: frozenset[int] = frozenset()) -> Split:
    """Take out the history lines (anywhere), a first "File: CODE" line, and a title line.

    A block that is wholly a history line is taken out, and so are history
    lines ending a block of several lines (joined by line breaks). The first block is a title line
    when it reads "IJNDC - Website Privacy", or when it is a short line that
    ``title_hints`` marks (the reader saw it centred, all capitals or in a
    Title style); it is taken out. A first heading gives the title and stays.
    """
    blocks: list[Block] = []
    history: list[HistoryEntry] = []
    history_lines: list[str] = []
    for index, block in enumerate(doc.blocks):
        if block.kind in (PARAGRAPH, HEADING) and block.text.strip():
            lines = _lines(block)
            parsed = [parse_history(line) for line in lines]
            tail = 0
            while tail < len(parsed) and parsed[len(parsed) - 1 - tail] is not None:
                tail += 1
            if tail:
                for line, entries in zip(lines[len(lines) - tail:], parsed[len(parsed) - tail:]):
                    history.extend(entries or ())
                    history_lines.append(" ".join(line.split()))
                if tail == len(lines):
                    continue
                block = _cut_lines(block, len(lines) - tail)   # text, then its history lines
        blocks.append(block)
    title = code = ""
    for position, block in enumerate(blocks[:4]):      # "File: IJNDC", above or below the title
        m = _FILE_LINE.match(" ".join(block.text.split())) if block.kind in (PARAGRAPH, HEADING) else None
        if m:
            code = m.group(1)
            blocks = blocks[:position] + blocks[position + 1:]
            break
    kept: list[Block] = []
    for block in blocks:
        text = " ".join(block.text.split())
        first = not kept and not title and block.kind in (PARAGRAPH, HEADING)
        if first and (m := _CODE_TITLE.match(text)) and not text.endswith(".") and len(text.split()) <= 16:
            code = code or m.group(1)
            title = _title_case(m.group(2))
            continue
        if first and block.kind == PARAGRAPH and _short_line(text) and (
                _index_of(doc, block) in title_hints or _all_caps(text)):
            title = _title_case(text)
            continue
        if first and block.kind == HEADING and _short_line(text):
            title = text
        kept.append(block)
        if not title:
            title = "\0"        # only the first block may give the title
    if title == "\0":
        title = ""
    return Split(Document(tuple(kept), doc.front_matter), title.strip(), code, history, history_lines)


def _cut_lines(block: Block, keep: int) -> Block:
    """The block's first ``keep`` non-empty lines (its runs cut where the next line starts)."""
    text = block.text
    seen, end = 0, len(text)
    position = 0
    for line in text.split("\n"):
        if line.strip():
            if seen == keep:
                end = max(0, position - 1)   # without the line break before it
                break
            seen += 1
        position += len(line) + 1
    runs, at = [], 0
    for run in block.runs:
        piece = run.text[:max(0, end - at)]
        if piece:
            runs.append(Run(piece, run.bold, run.italic, run.link))
        at += len(run.text)
    return Block(block.kind, tuple(runs), block.level)


def _index_of(doc: Document, block: Block) -> int:
    for i, b in enumerate(doc.blocks):
        if b is block:
            return i
    return -1


def _short_line(text: str) -> bool:
    return 0 < len(text.split()) <= 15 and not text.endswith((".", ":", ";", ","))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _title_case(text: str) -> str:
    """An all-capitals title in title case ("WEBSITE PRIVACY" -> "Website Privacy"); others as they are."""
    text = " ".join(text.split())
    if not _all_caps(text):
        return text
    words = text.lower().split(" ")
    return " ".join(w if k and w in _SMALL else w[:1].upper() + w[1:] for k, w in enumerate(words))


def from_file_name(stem: str) -> tuple[str, str]:
    """(code, title) from a file name: "IJNDC Website Privacy" -> ("IJNDC", "Website Privacy").

    ("", "") when the name says nothing (digits only, "Document1", "Untitled").
    """
    name = " ".join(stem.replace("_", " ").split())
    m = _CODE_TITLE.match(name) or _CODE_FIRST.match(name)
    if m and not _GENERIC.match(m.group(2)):
        return m.group(1), _title_case(m.group(2))
    if _GENERIC.match(name) or not any(c.isalpha() for c in name) or re.fullmatch(_CODE, name):
        return (name if re.fullmatch(_CODE, name) and any(c.isalpha() for c in name) else ""), ""
    if " " not in name:
        name = name.replace("-", " ")
    return "", _title_case(name) if not name.islower() else _title_case(name.upper())


def policy_id_for(title: str, code: str = "") -> str:
    """An id of the allow-list from the title (else the code): "Website Privacy" -> "website-privacy"."""
    for source in (title, code):
        words = re.findall(r"[a-z0-9]+", source.lower().replace("'", "").replace("\u2019", ""))
        slug = "-".join(words)[:60].strip("-")
        if slug:
            return slug
    return ""
