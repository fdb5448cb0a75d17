"""Packets and redline files as users get them: PDF text, DOCX, LibreOffice conversion."""

from __future__ import annotations

import io
import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import docx
import pytest

from docx_revisions import texts
from policyeditor.core.errors import ExportError
from policyeditor.core.redline import compare
from policyeditor.core.versions import LibrarySettings, Memo, Policy, Version
from policyeditor.export.docx import redline_docx, save_docx
from policyeditor.export.html import PageParts
from policyeditor.export.memo import history_line
from policyeditor.export.packet import clean_copy, packet_docx, packet_pdf, reading_packet
from policyeditor.export.pdf import redline_pdf
from shared_data import SEEDS

OLD = (SEEDS / "website-privacy-2009.md").read_text(encoding="utf-8")
NEW = (SEEDS / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
WHEN = datetime(2018, 5, 1, 12, tzinfo=timezone.utc)
POLICY = Policy("website-privacy", "Website Privacy Policy", "IJNDC", versions=(
    Version(1, legacy=True, adopted=date(2009, 10, 5), effective=date(2009, 10, 5)),
    Version(2, first_reading=date(2018, 5, 1)),
))
SETTINGS = LibrarySettings(district="Cambridge Public Schools", signer="Kenneth N. Salim, Ed.D.")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MEMO = Memo(description="These revisions to the Website Privacy Policy are being presented to align the "
                        "policy with current best practices relevant to website security and privacy practices.")


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def soffice_to_pdf(source: Path, tmp_path: Path) -> Path:
    """Convert with LibreOffice headless in a throw-away profile; the PDF it made."""
    home = tmp_path / "lo-home"
    home.mkdir(exist_ok=True)
    out = tmp_path / "lo-out"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{home}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(home)},
    )
    produced = out / (source.stem + ".pdf")
    assert result.returncode == 0 and produced.exists(), result.stderr
    return produced


def signature_png(qapp) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def first_reading(signature: bytes | None = None, reading: str = "first"):
    return reading_packet(POLICY, SETTINGS, old=OLD, new=NEW, memo=MEMO, reading=reading,
                          on=date(2018, 5, 1), signature=signature, upto=1)


def test_history_line_from_recorded_adoptions():
    assert history_line(POLICY) == "Adopted: October 5, 2009"
    revised = Policy("p", "P", versions=(*POLICY.versions[:1], Version(2, adopted=date(2018, 6, 4)),
                                          Version(3, adopted=date(2020, 1, 6))))
    assert history_line(revised) == "Adopted: October 5, 2009; Revised: June 4, 2018, January 6, 2020"
    assert history_line(revised, upto=2) == "Adopted: October 5, 2009; Revised: June 4, 2018"


def test_packet_pdf_has_memo_then_redline_then_history(qapp, tmp_path):
    target = tmp_path / "packet.pdf"
    packet_pdf(first_reading(signature_png(qapp)), target)
    page1 = " ".join(pdf_text(target, 1, 1).split())
    for words in ("May 1, 2018", "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:",
                  "Approval of Revisions to the Website Privacy Policy", "Recommendation:",
                  "That the School Committee approve the revisions to the Website Privacy Policy",
                  "Description: These revisions", "This is the first reading of these proposed revisions "
                  "to the Website Privacy Policy.", "Supporting Data: Attached redline of revisions to "
                  "Cambridge Public Schools Website Privacy Policy.", "Respectfully submitted,",
                  "Kenneth N. Salim, Ed.D.", "Superintendent of Schools", "Page 1 of"):
        assert words in page1
    assert "WEBSITE PRIVACY POLICY" not in page1       # the redline starts on page 2
    rest = " ".join(pdf_text(target, 2).split())
    assert rest.startswith("Website Privacy Policy")   # running header from page 2
    for words in ("his/her", "the user's", "him or her", "themselves", "he/she",
                  "specific vendors that it uses", "Adopted: October 5, 2009", "Page 2 of"):
        assert words in rest


def test_second_reading_and_clean_copy(qapp, tmp_path):
    second = tmp_path / "second.pdf"
    packet_pdf(first_reading(reading="second"), second)
    assert "This is the second reading of these proposed revisions" in " ".join(pdf_text(second).split())
    clean = tmp_path / "adopted.docx"
    packet_docx(clean_copy(POLICY, NEW, upto=1), clean, author="Clerk", when=WHEN)
    data = clean.read_bytes()
    assert texts(data, "accept") == texts(data, "reject")       # no marks at all
    assert "Adopted: October 5, 2009" in texts(data, "accept")
    clean_pdf = tmp_path / "adopted.pdf"
    packet_pdf(clean_copy(POLICY, NEW, upto=1), clean_pdf)
    text = " ".join(pdf_text(clean_pdf).split())
    assert "specific vendors" in text and "his/her" not in text and "Respectfully" not in text


def test_packet_docx_converts_in_libreoffice(qapp, tmp_path):
    target = tmp_path / "packet.docx"
    packet_docx(first_reading(signature_png(qapp)), target, author="Clerk", when=WHEN)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "May 1, 2018"
    assert document.inline_shapes and len(document.inline_shapes) == 1
    accepted = texts(target.read_bytes(), "accept")
    assert "This is the first reading of these proposed revisions to the Website Privacy Policy." in accepted
    assert any("identify a user, including the user's name" in t for t in accepted)
    assert any("identify a user, including his/her name" in t for t in texts(target.read_bytes(), "reject"))
    text = " ".join(pdf_text(soffice_to_pdf(target, tmp_path)).split())
    assert "Approval of Revisions to the Website Privacy Policy" in text and "themselves" in text


def test_redline_docx_and_pdf_convert_and_read_back(qapp, tmp_path):
    redline = compare(OLD, NEW.replace("**Security.**", "Security."))
    parts = PageParts(title="Website Privacy Policy", history="Adopted: October 5, 2009")
    target = tmp_path / "redline.docx"
    save_docx(redline_docx(redline, parts, author="Clerk", when=WHEN), target)
    text = " ".join(pdf_text(soffice_to_pdf(target, tmp_path)).split())
    assert "the user's" in text and "Adopted: October 5, 2009" in text
    pdf = tmp_path / "redline.pdf"
    redline_pdf(redline, parts, pdf)
    text = " ".join(pdf_text(pdf).split())
    assert "Formatted: Font: Not Bold" in text and "his/her" in text and "Page 1 of" in text


def test_unreadable_signature_is_a_plain_error_and_writes_nothing(qapp, tmp_path):
    for writer in (lambda p, t: packet_pdf(p, t), lambda p, t: packet_docx(p, t, author="C", when=WHEN)):
        target = tmp_path / "packet.out"
        with pytest.raises(ExportError, match="signature|image"):
            writer(first_reading(b"not an image"), target)
        assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_plain_error(qapp, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        packet_pdf(first_reading(), tmp_path / "nowhere" / "packet.pdf")


def test_moves_convert_in_libreoffice(qapp, tmp_path):
    a = "Cookies are files that a website can place on a computer."
    redline = compare(f"{a}\n\nShort one.\n\nAnother paragraph.\n", f"Short one.\n\nAnother paragraph.\n\n{a}\n")
    target = tmp_path / "moved.docx"
    save_docx(redline_docx(redline, PageParts(title="Moves"), author="Clerk", when=WHEN), target)
    text = " ".join(pdf_text(soffice_to_pdf(target, tmp_path)).split())
    assert text.count("Cookies are files") == 2     # shown where it was and where it is
    pdf = tmp_path / "moved.pdf"
    redline_pdf(redline, PageParts(title="Moves"), pdf)
    text = " ".join(pdf_text(pdf).split())
    assert "Moved from here (move 1)" in text and "Moved here (move 1)" in text


# ------------------------------------------------------- issue 12: packets a clerk sends untouched

def _paragraphs(markdown: str) -> list[str]:
    from policyeditor.core.textmodel import parse

    return [" ".join(b.text.split()) for b in parse(markdown).blocks]


def _policy_part(paragraphs: list[str]) -> list[str]:
    """The paragraphs from the policy's title on (after the memo page)."""
    start = paragraphs.index("WEBSITE PRIVACY POLICY")
    return paragraphs[start:]


def test_seed_packets_print_exactly_one_history_line(qapp, tmp_path):
    # The seed texts end with "*Adopted: October 5, 2009*" and the recorded adoption gives it again.
    outputs = {"first": first_reading(), "second": first_reading(reading="second"),
               "clean": clean_copy(POLICY, NEW, upto=1)}
    for name, packet in outputs.items():
        pdf, word = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
        packet_pdf(packet, pdf)
        packet_docx(packet, word, author="Clerk", when=WHEN)
        assert pdf_text(pdf).count("Adopted: October 5, 2009") == 1, name
        for mode in ("accept", "reject"):
            assert texts(word.read_bytes(), mode).count("Adopted: October 5, 2009") == 1, (name, mode)
    packet = first_reading()
    for page in (redline_docx(packet.redline, packet.parts, author="C", when=WHEN),):
        assert [p.text for p in page.paragraphs].count("Adopted: October 5, 2009") == 1
    from policyeditor.export.html import redline_page

    assert redline_page(packet.redline, packet.parts).count("Adopted: October 5, 2009") == 1


def test_seed_redline_docx_accepts_to_the_new_text_and_rejects_to_the_old(qapp, tmp_path):
    packet = first_reading()
    data = io.BytesIO()
    redline_docx(packet.redline, packet.parts, author="Clerk", when=WHEN).save(data)
    assert texts(data.getvalue(), "accept") == _paragraphs(NEW)
    assert texts(data.getvalue(), "reject") == _paragraphs(OLD)
    target = tmp_path / "packet.docx"
    packet_docx(packet, target, author="Clerk", when=WHEN)
    assert _policy_part(texts(target.read_bytes(), "accept")) == _paragraphs(NEW)
    assert _policy_part(texts(target.read_bytes(), "reject")) == _paragraphs(OLD)
    # The summary is a comment on the title, where Word shows it in the margin.
    comments = docx.Document(str(target)).comments
    assert any("words inserted" in c.text for c in comments)


def test_seed_redline_pages_hold_no_tool_text(qapp, tmp_path):
    packet = first_reading()
    pdf = tmp_path / "packet.pdf"
    packet_pdf(packet, pdf)
    text = " ".join(pdf_text(pdf).split())
    for tool in ("Revisions compared with", "words inserted", "Change class", "Substantive:", "Key:",
                 "formatting changed", "moved", "\u00b6"):
        assert tool not in text, tool
    from policyeditor.export.html import redline_page

    page = redline_page(packet.redline, packet.parts)
    assert "Revisions compared with" not in page and "words inserted" not in page
    key = page.split("</style>")[1].split("<main>")[0]
    assert "Struck-through" in key and "moved" not in key   # the key names only the kinds present
    with_summary = tmp_path / "summary.pdf"
    packet_pdf(reading_packet(POLICY, SETTINGS, old=OLD, new=NEW, memo=MEMO, reading="first",
                              on=date(2018, 5, 1), upto=1, summary_page=True), with_summary)
    summary = " ".join(pdf_text(with_summary, 2, 2).split())
    assert "words inserted" in summary and "Key:" in summary and "inserted" in summary
    assert "moved" not in summary and "Formatted" not in summary
    assert "WEBSITE PRIVACY POLICY" not in summary     # a page of its own, before the policy


def test_inserted_paragraph_has_no_pilcrow(qapp, tmp_path):
    redline = compare("First.\n\nLast.\n", "First.\n\nA new paragraph.\n\nLast.\n")
    pdf = tmp_path / "r.pdf"
    redline_pdf(redline, PageParts(title="Rules"), pdf)
    assert "\u00b6" not in pdf_text(pdf) and "A new paragraph." in pdf_text(pdf)


def test_docx_core_properties_name_the_policy(qapp, tmp_path):
    target = tmp_path / "packet.docx"
    packet = first_reading()
    from dataclasses import replace as dc_replace

    parts = dc_replace(packet.parts, code="IJNDC", document_author="Cambridge Public Schools",
                       revised_by="Kenneth Salim", revised_at=datetime(2018, 4, 20, 15, 30, tzinfo=timezone.utc))
    packet_docx(dc_replace(packet, parts=parts), target, author="Clerk", when=WHEN)
    props = docx.Document(str(target)).core_properties
    assert props.title == "Website Privacy Policy" and props.subject == "IJNDC"
    assert props.author == "Cambridge Public Schools"
    assert "python-docx" not in (props.comments + props.author + props.last_modified_by)
    assert props.created.date() == props.modified.date() == date(2018, 5, 1)
    body = docx.Document(str(target)).element.body
    changes = [el for el in body.iter() if el.tag in ("{%s}ins" % W_NS, "{%s}del" % W_NS)]
    assert changes and {el.get(f"{{{W_NS}}}author") for el in changes} == {"Kenneth Salim"}
    assert {el.get(f"{{{W_NS}}}date") for el in changes} == {"2018-04-20T15:30:00Z"}


def test_pdf_text_layer_holds_each_line_once(qapp, tmp_path):
    # A paragraph running onto the next page had the page's last line drawn again, clipped, at the
    # top of the next: pdftotext (search, copy, screen readers) read it twice.
    target = tmp_path / "packet.pdf"
    packet_pdf(first_reading(), target)
    pages = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    bodies = [[line for line in page.splitlines() if line.strip() and not line.startswith("Page ")
               and line.strip() != "Website Privacy Policy"] for page in pages if page.strip()]
    assert len(bodies) >= 4
    for before, after in zip(bodies[1:], bodies[2:]):
        assert after[0] not in before[-1] and before[-1] not in after[0], (before[-1], after[0])
    words = " ".join(" ".join(b) for b in bodies[1:]).split()
    expected = " ".join(_paragraphs(NEW)).split()
    # every word of the new text is printed (deleted words come in addition), none of it twice
    assert len(words) - len(expected) == sum(len(s.text.split()) for b in first_reading().redline.blocks
                                             for s in b.segments if s.op == "deleted")


def test_pdf_and_docx_of_a_packet_share_page_layout(qapp, tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    target = tmp_path / "packet.docx"
    packet_docx(first_reading(), target, author="Clerk", when=WHEN)
    document = docx.Document(str(target))
    section = document.sections[0]
    assert (section.left_margin.inches, section.right_margin.inches) == (1.0, 1.0)
    assert round(section.top_margin.inches, 2) == round(section.bottom_margin.inches, 2) == 1.25
    assert round(section.header_distance.inches, 2) == 0.9
    # "Page N of M" on every page, the memo page too (as the PDF prints it); no running header there
    for footer in (section.footer, section.first_page_footer):
        fields = [f.get(f"{{{W_NS}}}instr") for f in footer._element.iter(f"{{{W_NS}}}fldSimple")]
        assert fields == ["PAGE", "NUMPAGES"] and footer.paragraphs[0].text.startswith("Page ")
    assert section.different_first_page_header_footer and not section.first_page_header.paragraphs[0].text
    assert document.styles["Normal"].font.name == "Times New Roman"
    body = [p for p in document.paragraphs if "Cambridge School Committee and Cambridge" in p.text]
    assert body and all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in body)
    pdf = tmp_path / "packet.pdf"
    packet_pdf(first_reading(), pdf)
    assert "Page 1 of" in pdf_text(pdf, 1, 1)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "612 x 792 pts" in info


def test_a_justification_is_printed_on_a_summary_page_and_in_the_word_comment(qapp, tmp_path):
    packet = reading_packet(POLICY, SETTINGS, old=OLD, new=NEW, memo=MEMO, reading="first",
                            on=date(2018, 5, 1), upto=1, justification="Only pronouns changed.")
    pdf = tmp_path / "packet.pdf"
    packet_pdf(packet, pdf)
    assert "Marked editorial because: Only pronouns changed." in " ".join(pdf_text(pdf, 2, 2).split())
    word = tmp_path / "packet.docx"
    packet_docx(packet, word, author="Clerk", when=WHEN)
    assert any("Only pronouns changed." in c.text for c in docx.Document(str(word)).comments)
    assert _policy_part(texts(word.read_bytes(), "accept")) == _paragraphs(NEW)
