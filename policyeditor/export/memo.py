"""The words of a packet: the cover memo to the committee and the history line.

Format-free: ``packet`` draws these parts as PDF or DOCX. The memo follows
the seed packet (date, salutation, "Approval of Revisions to the <title>",
Recommendation, Description, the reading sentence, Supporting Data,
"Respectfully submitted,", signer and title). Empty memo fields of a version
get the seed's wording with the library's committee and district filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from policyeditor.core.dates import long_date
from policyeditor.core.errors import InvalidInput
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


def reading_sentence(reading: str, title: str) -> str:
    """'This is the first reading of these proposed revisions to the <title>.'"""
    if reading not in READINGS:
        raise InvalidInput(f"A packet is for the first or the second reading, not \u201c{reading}\u201d.")
    return f"This is the {reading} reading of these proposed revisions to the {title}."


def cover_memo(policy: Policy, memo: Memo, settings: LibrarySettings, *, reading: str, on: date) -> CoverMemo:
    """The memo for ``policy``'s packet of ``reading`` dated ``on``."""
    title, committee = policy.title, settings.committee or "School Committee"
    return CoverMemo(
        date=long_date(on),
        salutation=settings.salutation,
        subject=f"Approval of Revisions to the {title}",
        recommendation=memo.recommendation.strip() or (
            f"That the {committee} approve the revisions to the {title} as detailed in the attached document."),
        description=memo.description.strip() or (
            f"These revisions to the {title} are presented to the {committee} for its review."),
        reading=reading_sentence(reading, title),
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
