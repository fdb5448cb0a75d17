"""Reading packets and the clean adopted copy, as PDF or DOCX.

A packet is what the committee receives (the seed): page 1 the cover memo,
then the policy's redline against the version in force, then its history
line. The second-reading packet is the same with its own reading sentence;
the clean adopted copy is the policy text and history line with no memo and
no marks. All are drawn from the same parts (``Packet``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from policyeditor.core.errors import ExportError
from policyeditor.core.redline import Redline, compare
from policyeditor.core.redline_stats import redline_stats
from policyeditor.core.textmodel import Document, parse
from policyeditor.core.versions import EDITORIAL, LibrarySettings, Memo, Policy
from policyeditor.export.html import PageParts
from policyeditor.export.memo import CoverMemo, cover_memo, history_line

SIGNATURE = "signature"   # the image's name inside the PDF's HTML


@dataclass(frozen=True)
class Packet:
    """Everything a packet prints. ``memo`` is None for the clean copy."""

    parts: PageParts
    redline: Redline
    memo: CoverMemo | None = None
    signature: bytes | None = None
    marked: bool = True        # False: the clean copy, no legend or summary


def reading_packet(policy: Policy, settings: LibrarySettings, *, old: str | Document | None,
                   new: str | Document, memo: Memo, reading: str, on: date,
                   justification: str = "", signature: bytes | None = None,
                   upto: int | None = None) -> Packet:
    """The packet for a reading: ``new`` compared with ``old`` (None: no version in force)."""
    old_doc = parse(old) if isinstance(old, str) else (old or Document())
    new_doc = parse(new) if isinstance(new, str) else new
    redline = compare(old_doc, new_doc)
    stats = redline_stats(redline, old_doc, new_doc)
    parts = PageParts(
        title=policy.title,
        subtitle=("Revisions compared with the version in force." if old is not None
                  else "No version is in force yet: all of the text is new."),
        summary=stats.summary,
        explanation=stats.explanation,
        justification=justification if stats.change_class != EDITORIAL or justification else "",
        history=history_line(policy, upto=upto),
    )
    return Packet(parts, redline, cover_memo(policy, memo, settings, reading=reading, on=on), signature)


def clean_copy(policy: Policy, text: str | Document, *, upto: int | None = None) -> Packet:
    """The adopted text, unmarked, with its history line."""
    doc = parse(text) if isinstance(text, str) else text
    parts = PageParts(title=policy.title, history=history_line(policy, upto=upto))
    return Packet(parts, compare(doc, doc), None, None, marked=False)


# ----------------------------------------------------------------------- PDF

def _memo_html(memo: CoverMemo, has_signature: bool) -> str:
    def labelled(label: str, text: str) -> str:
        return f'<p style="margin-bottom:12px;"><b>{escape(label)}:</b> {escape(text)}</p>'

    signature = (f'<p><img src="{SIGNATURE}" height="70"></p>' if has_signature
                 else '<p><br><br></p>')
    return "\n".join([
        f'<p style="margin-bottom:18px;">{escape(memo.date)}</p>',
        f'<p style="margin-bottom:18px;">{escape(memo.salutation)}</p>',
        f'<p align="center" style="margin-bottom:18px;"><b>{escape(memo.subject)}</b></p>',
        labelled("Recommendation", memo.recommendation),
        labelled("Description", memo.description),
        f'<p style="margin-bottom:12px;">{escape(memo.reading)}</p>',
        labelled("Supporting Data", memo.supporting_data),
        '<p style="margin-top:18px;">Respectfully submitted,</p>',
        signature,
        f"<p>{escape(memo.signer)}<br>{escape(memo.signer_title)}</p>",
    ])


def packet_pdf(packet: Packet, path) -> None:
    """Write the packet as a Letter PDF (memo page without the running header)."""
    from policyeditor.export.pdf import PAGE_BREAK, qt_redline_html, redline_body_html, render_pdf

    images = {SIGNATURE: packet.signature} if packet.signature else {}
    if packet.marked:
        body = redline_body_html(packet.redline, packet.parts)
    else:
        from policyeditor.export.html import starts_with_title

        body = qt_redline_html(packet.redline,
                               center_first=starts_with_title(packet.redline, packet.parts.title))
        if packet.parts.history:
            body += f'<p style="margin-top:18px;"><i>{escape(packet.parts.history)}</i></p>'
    header_from = 1
    if packet.memo is not None:
        body = _memo_html(packet.memo, bool(packet.signature)) + PAGE_BREAK + body
        header_from = 2
    render_pdf(body, path, title=packet.parts.title, header_from_page=header_from, images=images)


# ---------------------------------------------------------------------- DOCX

def _memo_docx(document, memo: CoverMemo, signature: bytes | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches

    from policyeditor.export.docx import xml_text

    document.add_paragraph(xml_text(memo.date))
    document.add_paragraph(xml_text(memo.salutation))
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run(xml_text(memo.subject)).bold = True
    for label, text in (("Recommendation", memo.recommendation), ("Description", memo.description),
                        ("", memo.reading), ("Supporting Data", memo.supporting_data)):
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(xml_text(text))
    document.add_paragraph("Respectfully submitted,")
    if signature:
        try:
            document.add_paragraph().add_run().add_picture(io.BytesIO(signature), height=Inches(0.75))
        except Exception as exc:   # python-docx raises several kinds for unreadable images
            raise ExportError("The signature image cannot be read. Use a PNG or JPEG file "
                              "in the library settings.", details=str(exc)) from exc
    closing = document.add_paragraph(xml_text(memo.signer))
    closing.add_run().add_break()
    closing.add_run(xml_text(memo.signer_title))
    document.add_page_break()


def packet_docx(packet: Packet, path, *, author: str, when: datetime) -> None:
    """Write the packet as DOCX: memo, then the redline as tracked changes, then history."""
    from policyeditor.export.docx import (
        TrackedWriter, add_note, add_title, new_document, save_docx, track_revisions,
    )
    from policyeditor.export.html import starts_with_title

    document = new_document(packet.parts.title)
    if packet.memo is not None:
        document.sections[0].different_first_page_header_footer = True
        _memo_docx(document, packet.memo, packet.signature)
    titled = starts_with_title(packet.redline, packet.parts.title)
    if not titled:
        add_title(document, packet.parts.title)
    if packet.marked:
        for text in (packet.parts.subtitle, packet.parts.summary, packet.parts.explanation):
            add_note(document, text, color="444444")
        if packet.parts.justification:
            add_note(document, f"Marked editorial because: {packet.parts.justification}", color="444444")
    TrackedWriter(document, author, when).add_redline(packet.redline, center_first=titled)
    add_note(document, packet.parts.history)
    if packet.marked:
        track_revisions(document)
    save_docx(document, path)
