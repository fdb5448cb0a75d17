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
from policyeditor.export.memo import CoverMemo, cover_memo, history_line, without_history

SIGNATURE = "signature"   # the image's name inside the PDF's HTML
SIGNATURE_GAP_LINES = 3   # empty lines left to sign by hand when there is no signature image


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
                   upto: int | None = None, summary_page: bool = False,
                   first_read: date | None = None, amended: bool | None = None) -> Packet:
    """The packet for a reading: ``new`` compared with ``old`` (None: no version in force).

    A history line the texts end with gives way to the one made from the
    recorded adoptions (never two). ``summary_page``: a page with the change
    summary and the key to the marks between the memo and the policy.
    """
    history = history_line(policy, upto=upto)
    old_doc = without_history(parse(old) if isinstance(old, str) else (old or Document()), history)
    new_doc = without_history(parse(new) if isinstance(new, str) else new, history)
    redline = compare(old_doc, new_doc)
    stats = redline_stats(redline, old_doc, new_doc)
    parts = PageParts(
        title=policy.title,
        subtitle=("Revisions compared with the version in force." if old is not None
                  else "No version is in force yet: all of the text is new."),
        summary=stats.summary,
        explanation=stats.explanation,
        justification=justification if stats.change_class != EDITORIAL or justification else "",
        history=history,
        show_summary=summary_page,
    )
    memo_page = cover_memo(policy, memo, settings, reading=reading, on=on, first_read=first_read, amended=amended)
    return Packet(parts, redline, memo_page, signature)


def clean_copy(policy: Policy, text: str | Document, *, upto: int | None = None) -> Packet:
    """The adopted text, unmarked, with its history line (the one it ends with replaced)."""
    history = history_line(policy, upto=upto)
    doc = without_history(parse(text) if isinstance(text, str) else text, history)
    parts = PageParts(title=policy.title, history=history)
    return Packet(parts, compare(doc, doc), None, None, marked=False)


# ----------------------------------------------------------------------- PDF

def _memo_html(memo: CoverMemo, has_signature: bool) -> str:
    def labelled(label: str, text: str) -> str:
        return f'<p style="margin-bottom:12px;"><b>{escape(label)}:</b> {escape(text)}</p>'

    signature = (f'<p><img src="{SIGNATURE}" height="70"></p>' if has_signature
                 else "".join(['<p style="margin:0;">&#160;</p>'] * SIGNATURE_GAP_LINES))
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
    from policyeditor.export.pdf import PAGE_BREAK, redline_body_html, render_pdf

    images = {SIGNATURE: packet.signature} if packet.signature else {}
    body = redline_body_html(packet.redline, packet.parts)   # the clean copy: no marks, no summary
    header_from = 1
    if packet.memo is not None:
        body = _memo_html(packet.memo, bool(packet.signature)) + PAGE_BREAK + body
        header_from = 2
    render_pdf(body, path, title=packet.parts.title, header_from_page=header_from, images=images)


# ---------------------------------------------------------------------- DOCX

def _memo_docx(document, memo: CoverMemo, signature: bytes | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Pt

    from policyeditor.export.docx import xml_text

    wide = Pt(13.5)                                  # the PDF's 18 px
    document.add_paragraph(xml_text(memo.date)).paragraph_format.space_after = wide
    document.add_paragraph(xml_text(memo.salutation)).paragraph_format.space_after = wide
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.paragraph_format.space_after = wide
    subject.add_run(xml_text(memo.subject)).bold = True
    for label, text in (("Recommendation", memo.recommendation), ("Description", memo.description),
                        ("", memo.reading), ("Supporting Data", memo.supporting_data)):
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(xml_text(text))
    document.add_paragraph("Respectfully submitted,").paragraph_format.space_before = wide
    if signature:
        try:
            document.add_paragraph().add_run().add_picture(io.BytesIO(signature), height=Inches(0.75))
        except Exception as exc:   # python-docx raises several kinds for unreadable images
            raise ExportError("The signature image cannot be read. Use a PNG or JPEG file "
                              "in the library settings.", details=str(exc)) from exc
    else:
        for _ in range(SIGNATURE_GAP_LINES):    # room to sign by hand, as in the PDF
            document.add_paragraph().paragraph_format.space_after = Pt(0)
    closing = document.add_paragraph(xml_text(memo.signer))
    closing.add_run().add_break()
    closing.add_run(xml_text(memo.signer_title))
    document.add_page_break()


def packet_docx(packet: Packet, path, *, author: str, when: datetime) -> None:
    """Write the packet as DOCX: memo, then the policy as tracked changes and its history line.

    Laid out as the PDF is (``export.docx.new_document``). ``author``/``when`` name the
    document unless ``packet.parts`` says who it is by; the changes carry
    ``parts.revised_by``/``revised_at`` (who saved the new text, and when) when known.
    """
    from policyeditor.export.docx import add_policy, new_document, save_docx

    parts = packet.parts
    document = new_document(parts.title, subject=parts.code, author=parts.document_author or author,
                            when=when, memo_page=packet.memo is not None)
    if packet.memo is not None:
        _memo_docx(document, packet.memo, packet.signature)
    add_policy(document, packet.redline, parts, author=parts.revised_by or author,
               when=parts.revised_at or when, tracked=packet.marked)
    save_docx(document, path)
