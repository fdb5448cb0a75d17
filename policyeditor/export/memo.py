"""The words of a packet: the cover memo to the committee and the history line.

Format-free: ``packet`` draws these parts as PDF or DOCX. The memo follows
the seed packet (date, salutation, "Approval of Revisions to the <title>",
Recommendation, Description, the reading sentence, Supporting Data,
"Respectfully submitted,", signer and title). Empty memo fields of a version
get the seed's wording with the library's committee and district filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from policyeditor.core.dates import long_date
from policyeditor.core.errors import InvalidInput
from policyeditor.core.textmodel import PARAGRAPH, Document
from policyeditor.core.versions import LibrarySettings, Memo, Policy

READINGS = ("first", "second")


@dataclass(frozen=True)
class CoverMemo:
    """The cover memo's parts, as printed (plain text)."""

    date: str
    salutation: str
    subject: str
    recommendation: str
    description: str
    reading: str
    supporting_data: str
    signer: str
    signer_title: str


def reading_sentence(reading: str, title: str, *, first_read: date | None = None,
                     amended: bool | None = None) -> str:
    """'This is the first reading of these proposed revisions to the <title>.'

    For the second reading, the date of the first (``first_read``) and whether
    the text was amended since (``amended``; None: not known) follow (rule 10).
    """
    if reading not in READINGS:
        raise InvalidInput(f"A packet is for the first or the second reading, not \u201c{reading}\u201d.")
    sentence = f"This is the {reading} reading of these proposed revisions to the {title}."
    if reading != "second":
        return sentence
    if first_read is not None:
        sentence += f" The first reading was held on {long_date(first_read)}."
    if amended:
        sentence += (" The text has been amended since the first reading; the attached redline shows "
                     "the text as amended.")
    elif amended is not None:
        sentence += " The text has not been amended since the first reading."
    return sentence


def cover_memo(policy: Policy, memo: Memo, settings: LibrarySettings, *, reading: str, on: date,
               first_read: date | None = None, amended: bool | None = None) -> CoverMemo:
    """The memo for ``policy``'s packet of ``reading`` dated ``on`` (the meeting's date).

    ``first_read``/``amended``: the second reading's memo names the first
    reading's date and says whether the text changed since (rule 10).
    """
    title, committee = policy.title, settings.committee or "School Committee"
    return CoverMemo(
        date=long_date(on),
        salutation=settings.salutation,
        subject=f"Approval of Revisions to the {title}",
        recommendation=memo.recommendation.strip() or (
            f"That the {committee} approve the revisions to the {title} as detailed in the attached document."),
        description=memo.description.strip() or (
            f"These revisions to the {title} are presented to the {committee} for its review."),
        reading=reading_sentence(reading, title, first_read=first_read, amended=amended),
        supporting_data=memo.supporting_data.strip() or (
            f"Attached redline of revisions to {settings.district + ' ' if settings.district else ''}{title}."),
        signer=settings.signer,
        signer_title=settings.signer_title,
    )


def history_line(policy: Policy, *, upto: int | None = None) -> str:
    """'Adopted: October 5, 2009; Revised: May 1, 2018' from the recorded adoptions.

    The first adopted version gives "Adopted", each later one "Revised";
    versions after ``upto`` (a version number) are left out.
    """
    adopted = sorted(
        v.adopted for v in policy.versions
        if v.adopted is not None and v.withdrawn is None and (upto is None or v.number <= upto)
    )
    if not adopted:
        return ""
    parts = [f"Adopted: {long_date(adopted[0])}"]
    if len(adopted) > 1:
        parts.append("Revised: " + ", ".join(long_date(d) for d in adopted[1:]))
    return "; ".join(parts)


# "Adopted: October 5, 2009", "Adopted: Oct 5, 2009; Revised: May 1, 2018", "Revised 6/1/2015":
# a short last paragraph opening with the word of a recorded event and a date-like tail.
_HISTORY = re.compile(r"^\s*(adopted|revised|amended|reviewed|approved)\b[^.]{0,60}?[:\s]\s*\S",
                      re.IGNORECASE)
_HISTORY_MAX = 300


def is_history(text: str) -> bool:
    """Whether a paragraph reads as a history line ("Adopted: October 5, 2009; Revised: ...")."""
    text = text.strip().strip("*_ ")
    return bool(text) and len(text) <= _HISTORY_MAX and bool(_HISTORY.match(text)) and any(
        ch.isdigit() for ch in text)


def without_history(doc: Document, history: str) -> Document:
    """``doc`` without the history line its text ends with, when a generated ``history`` replaces it.

    The packets print the history line made from the recorded adoptions; a
    policy text that already ends with one (typed, or imported from the
    district's file) would otherwise print it twice. With no generated line
    (no adoption recorded) the text keeps its own.
    """
    if not history or not doc.blocks:
        return doc
    last = doc.blocks[-1]
    if last.kind != PARAGRAPH or not is_history(last.text):
        return doc
    return replace(doc, blocks=doc.blocks[:-1])
