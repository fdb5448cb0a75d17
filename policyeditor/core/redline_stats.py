"""Change statistics of a redline, and why the change is editorial or substantive.

Counts words inserted, deleted and reformatted, paragraphs added, removed,
changed and moved, and names the sections touched: by heading, or by the
run-in bold heading that opens a paragraph ("**Security.** Because ...").
The change class is ``core.changeclass.classify``'s, so the redline and the
version record always agree; the explanation adds examples from the redline.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from policyeditor.core.redline import (
    CHANGED, DELETED, EQUAL, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock,
)
from policyeditor.core.textmodel import Document

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
BEFORE_FIRST_SECTION = "Opening paragraphs"
MAX_EXAMPLES = 3


@dataclass(frozen=True)
class RedlineStats:
    """What a redline changes, in numbers and in words."""

    words_inserted: int
    words_deleted: int
    words_reformatted: int
    paragraphs_inserted: int
    paragraphs_deleted: int
    paragraphs_changed: int
    paragraphs_moved: int
    sections: tuple[str, ...]
    change_class: str
    reason: str
    explanation: str

    def as_dict(self) -> dict:
        """Plain data for JSON (``diff --stats``)."""
        data = asdict(self)
        data["sections"] = list(self.sections)
        return data

    @property
    def summary(self) -> str:
        """One sentence for the top of a redline."""
        if not (self.words_inserted or self.words_deleted or self.words_reformatted
                or self.paragraphs_moved or self.paragraphs_changed):
            return "No changes."
        parts = [f"{_n(self.words_inserted, 'word')} inserted",
                 f"{_n(self.words_deleted, 'word')} deleted"]
        if self.words_reformatted:
            parts.append(f"{_n(self.words_reformatted, 'word')} reformatted")
        if self.paragraphs_moved:
            parts.append(f"{_n(self.paragraphs_moved, 'paragraph')} moved")
        where = f" in {_n(len(self.sections), 'section')}" if self.sections else ""
        return f"{', '.join(parts)}{where}. Change class: {self.change_class}."


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def words(text: str) -> int:
    """The number of words in text (as the redline's tokens count them)."""
    return len(_WORD.findall(text))


def section_names(redline: Redline) -> list[str]:
    """The section each block belongs to, in order (one name per block)."""
    names: list[str] = []
    current = BEFORE_FIRST_SECTION
    for block in redline.blocks:
        heading = _heading_of(block)
        if heading:
            current = heading
        names.append(current)
    return names


def _heading_of(block: RedlineBlock) -> str:
    """The block's own section name: a heading's text or a run-in bold heading.

    The new text's formatting decides; the old one's when the new has none
    (a heading that lost its bold still names its section).
    """
    # An unchanged block's old side is its new one: asked once.
    for side in ("new",) if block.status == EQUAL else ("new", "old"):
        if side == "new" and block.status in (DELETED, MOVED_FROM):
            continue
        segs = [s for s in block.segments if (s.in_new if side == "new" else s.in_old)]
        style = block.style if side == "new" else (block.old_style or block.style)
        text = "".join(s.text for s in segs).strip()
        if style.kind == "heading":
            return text.rstrip(".:")
        if not segs:
            continue
        first = segs[0]
        bold = first.style.bold if side == "new" or first.old_style is None else first.old_style.bold
        lead = first.text.strip()
        if bold and lead.endswith((".", ":")) and len(lead.split()) <= 12:
            return lead.rstrip(".:").strip()
    return ""


def redline_stats(redline: Redline, old: str | Document, new: str | Document) -> RedlineStats:
    """Count and explain ``redline`` (which compares ``old`` with ``new``)."""
    from policyeditor.core.changeclass import classify

    inserted = deleted = reformatted = 0
    counts = {INSERTED: 0, DELETED: 0, CHANGED: 0, "moved": 0}
    touched: list[str] = []
    names = section_names(redline)
    for block, section in zip(redline.blocks, names):
        if block.status == EQUAL:
            continue
        if block.status in (MOVED_FROM, MOVED_TO):
            counts["moved"] += block.status == MOVED_TO
        else:
            counts[block.status] += 1
            for seg in block.segments:
                if seg.op == INSERTED:
                    inserted += words(seg.text)
                elif seg.op == DELETED:
                    deleted += words(seg.text)
                elif seg.op == FORMATTED or (seg.op == EQUAL and block.style_changed):
                    reformatted += words(seg.text)
        if section not in touched:
            touched.append(section)
    result = classify(old, new, redline)
    return RedlineStats(
        words_inserted=inserted, words_deleted=deleted, words_reformatted=reformatted,
        paragraphs_inserted=counts[INSERTED], paragraphs_deleted=counts[DELETED],
        paragraphs_changed=counts[CHANGED], paragraphs_moved=counts["moved"],
        sections=tuple(touched), change_class=result.change_class, reason=result.reason,
        explanation=_explain(redline, result.change_class, result.reason, names),
    )


def _explain(redline: Redline, change_class: str, reason: str, names: list[str] | None = None) -> str:
    """The class and its reason, with a few changes from the redline as examples."""
    seen: dict[tuple[str, str], int] = {}
    for example in change_examples(redline, names):
        seen[example] = seen.get(example, 0) + 1
    reason = reason.strip().rstrip(".")
    text = reason if reason.lower().startswith(change_class) else f"{change_class.capitalize()}: {reason}"
    shown = [f"{phrase} ({where}{f', {n} times' if n > 1 else ''})"
             for (phrase, where), n in list(seen.items())[:MAX_EXAMPLES]]
    if shown:
        text += ". Changes include: " + "; ".join(shown)
    return text + "."


def change_examples(redline: Redline, names: list[str] | None = None) -> list[tuple[str, str]]:
    """Each change as a short phrase ('"his/her" to "the user's"') and its section (``names``: each
    block's section, when the caller has them)."""
    found: list[tuple[str, str]] = []
    for block, section in zip(redline.blocks, names if names is not None else section_names(redline)):
        if block.status == EQUAL:
            continue
        if block.status in (INSERTED, DELETED, MOVED_TO):
            verb = {INSERTED: "paragraph added", DELETED: "paragraph removed", MOVED_TO: "paragraph moved"}
            found.append((f"{verb[block.status]}: \u201c{_short(block.new_text or block.old_text)}\u201d", section))
            continue
        if block.status == MOVED_FROM:
            continue
        if block.style_changed and block.old_style is not None:
            found.append((f"{block.old_style.describe()} to {block.style.describe()}", section))
        if block.break_op in (INSERTED, DELETED):
            found.append(("paragraph split" if block.break_op == INSERTED else "paragraphs joined", section))
        found.extend((phrase, section) for phrase in _segment_changes(block))
    return found


def _segment_changes(block: RedlineBlock) -> list[str]:
    phrases: list[str] = []
    dels: list[str] = []
    ins: list[str] = []
    for seg in (*block.segments, None):
        if seg is not None and seg.op in (INSERTED, DELETED):
            (ins if seg.op == INSERTED else dels).append(seg.text)
            continue
        if dels or ins:
            old, new = "".join(dels).strip(), "".join(ins).strip()
            if old and new:
                phrases.append(f"\u201c{_short(old)}\u201d to \u201c{_short(new)}\u201d")
            elif new:
                phrases.append(f"added \u201c{_short(new)}\u201d")
            elif old:
                phrases.append(f"removed \u201c{_short(old)}\u201d")
            dels, ins = [], []
        if seg is not None and seg.op == FORMATTED:
            phrases.append(f"\u201c{_short(seg.text)}\u201d reformatted")
    return phrases


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
