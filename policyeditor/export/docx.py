"""The redline as a Word document with native tracked changes.

python-docx has no API for revisions, so the elements are built with its OXML
helpers: inserted text in ``w:ins``, deleted text in ``w:del`` with
``w:delText``, formatting changes as ``w:rPrChange`` (the complete old run
properties, last child of ``w:rPr``), paragraph style changes as
``w:pPrChange``, inserted and deleted paragraph marks in the paragraph's
``w:rPr``; a paragraph moved whole is a ``w:moveFrom``/``w:moveTo`` pair
with named ranges, as Word's Compare writes it. A table is a Word table
(style Table Grid, the header row repeated on each page) with the changes
tracked inside its cells, and a row inserted or deleted whole tracked as a
row (``w:trPr/w:ins``, ``w:del``). Every revision has a unique
id, the author and the date. Accepting
all changes in Word or LibreOffice gives the new text, rejecting all the old.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from itertools import count

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from policyeditor.core.redline import (
    DELETED, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock,
)
from policyeditor.core.textdoc import CELL_KINDS, table_rows
from policyeditor.core.tokens import BlockStyle, RunStyle
from policyeditor.export.html import PageParts, safe_href, starts_with_title
from policyeditor.export.output import write_atomic
from policyeditor.export.pdf import BAND_IN, EDGE_MARGIN_IN, SIDE_MARGIN_IN

# Characters XML 1.0 cannot hold; they never come from typed text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LINK_COLOR = "0563C1"
# The revision element around changed runs (and in a changed paragraph mark).
_WRAPPERS = {INSERTED: "w:ins", DELETED: "w:del", MOVED_FROM: "w:moveFrom", MOVED_TO: "w:moveTo"}


def xml_text(text: str) -> str:
    """Text safe for an XML document (control characters removed)."""
    return _NOT_XML.sub("", text)


def paragraph_style(document: DocxDocument, style: BlockStyle) -> str:
    """The Word paragraph style name for a block style."""
    if style.kind == "heading":
        return f"Heading {min(max(style.level, 1), 6)}"
    if style.kind in ("bullet", "numbered"):
        base = "List Bullet" if style.kind == "bullet" else "List Number"
        return base if style.level == 0 else f"{base} {min(style.level + 1, 3)}"
    if style.kind == "quote":
        return "Quote"
    return "Normal"


class TrackedWriter:
    """Adds redline blocks to a python-docx Document as tracked changes."""

    def __init__(self, document: DocxDocument, author: str, when: datetime) -> None:
        self.document = document
        self.author = author or "policyeditor"
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        self.date = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = count(1)
        self._style_ids: dict[str, str] = {}
        self._links: dict[str, str] = {}

    def _revision(self, tag: str) -> OxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self._ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element

    def _style_id(self, style: BlockStyle) -> str:
        """The style id for a block style (python-docx's name lookup is slow: cached)."""
        name = paragraph_style(self.document, style)
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def _link_id(self, part, href: str) -> str:
        """One relationship per link target (python-docx searches them linearly)."""
        if href not in self._links:
            self._links[href] = part.relate_to(href, RT.HYPERLINK, is_external=True)
        return self._links[href]

    def add_redline(self, redline: Redline, *, center_first: bool = False) -> None:
        """Every block of the redline; the first centred when it is the title."""
        styles = _merged_styles(redline.blocks)
        index = 0
        while index < len(redline.blocks):
            block = redline.blocks[index]
            if block.style.kind in CELL_KINDS:
                index = self.add_table(redline, index)
                continue
            paragraph = self.add_block(block, *styles[index])
            if index == 0 and center_first:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            index += 1

    def add_table(self, redline: Redline, start: int) -> int:
        """The table whose first cell is block ``start``, as a Word table; the index after it.

        Cells are placed in their row's order (a cell deleted beside one
        inserted takes its own column); a row whose every cell is inserted or
        deleted is tracked as an inserted or deleted row.
        """
        rows, end = table_rows(redline.blocks, start)
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = self.document.styles["Table Grid"]
        for r, row in enumerate(rows):
            blocks = [redline.blocks[k] for k in row]
            tr = table.rows[r]._tr
            trpr = tr.get_or_add_trPr()
            if r == 0:
                trpr.append(OxmlElement("w:tblHeader"))
            whole = {b.status for b in blocks}
            for op, statuses in ((INSERTED, {INSERTED, MOVED_TO}), (DELETED, {DELETED, MOVED_FROM})):
                if whole <= statuses:
                    trpr.append(self._revision(_WRAPPERS[op]))
            cells = table.rows[r].cells
            for c, block in enumerate(blocks):
                self.add_block(block, paragraph=cells[c].paragraphs[0])
        following = redline.blocks[end] if end < len(redline.blocks) else None
        if following is None or following.style.kind in CELL_KINDS:
            # Word needs a paragraph between two tables and after a table that ends the
            # document; anywhere else an empty one would be a paragraph Accept All keeps.
            self.document.add_paragraph()
        return end

    def add_block(self, block: RedlineBlock, style: BlockStyle | None = None,
                  old_style: BlockStyle | None = None, *, paragraph=None):
        """One paragraph with its changes, its style change and its mark's change.

        ``style``/``old_style`` override the block's own (see ``_merged_styles``).
        Given ``paragraph`` (a table cell's), the changes go there, with no
        paragraph style and no paragraph mark change (a cell has one mark).
        """
        in_cell = paragraph is not None
        style = style or block.style
        old_style = old_style or block.old_style or style
        if paragraph is None:
            paragraph = self.document.add_paragraph()
            if style.kind == "paragraph":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY    # as the PDF sets its paragraphs
        ppr = paragraph._p.get_or_add_pPr()
        style_id = "Normal" if in_cell else self._style_id(style)
        if style_id != "Normal":
            ppr.style = style_id
        moved = block.status if block.status in (MOVED_FROM, MOVED_TO) else None
        if in_cell:
            old_style = style
        elif block.break_op in (INSERTED, DELETED):
            mark = OxmlElement("w:rPr")
            mark.append(self._revision(_WRAPPERS[moved or block.break_op]))
            ppr.append(mark)
        if old_style != style:
            change = self._revision("w:pPrChange")
            old_ppr = OxmlElement("w:pPr")
            style_el = OxmlElement("w:pStyle")
            style_el.set(qn("w:val"), self._style_id(old_style))
            old_ppr.append(style_el)
            change.append(old_ppr)
            ppr.append(change)
        if moved:
            kind = "moveFrom" if moved == MOVED_FROM else "moveTo"
            start = self._revision(f"w:{kind}RangeStart")
            start.set(qn("w:name"), f"move{block.move_id}")
            paragraph._p.append(start)
        for seg in block.segments:
            op = moved or seg.op
            self._add_segment(paragraph, op, seg.text, seg.style, seg.old_style if op == FORMATTED else None)
        if moved:
            end = OxmlElement(f"w:{kind}RangeEnd")
            end.set(qn("w:id"), start.get(qn("w:id")))
            paragraph._p.append(end)
        return paragraph

    def _add_segment(self, paragraph, op: str, text: str, style: RunStyle, old_style: RunStyle | None) -> None:
        text = xml_text(text)
        if not text:
            return
        container = paragraph._p
        href = safe_href(style.link)
        if href:
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), self._link_id(paragraph.part, href))
            container.append(link)
            container = link
        run = _run(text, style, deleted=op == DELETED)
        if old_style is not None:
            change = self._revision("w:rPrChange")
            change.append(_rpr(old_style))
            run.find(qn("w:rPr")).append(change)    # last child of w:rPr
        if op in _WRAPPERS:
            wrapper = self._revision(_WRAPPERS[op])
            wrapper.append(run)
            container.append(wrapper)
        else:
            container.append(run)


def _merged_styles(blocks) -> list[tuple[BlockStyle, BlockStyle]]:
    """(style, old style) to write for each block, so merged paragraphs agree.

    Accepting a deleted paragraph mark joins the paragraph to the next, and
    rejecting an inserted mark does the same; which paragraph's properties the
    joined one keeps differs between word processors. So every paragraph of a
    group that accepting joins gets the style of the group's last (the new
    paragraph it becomes), and every paragraph of a group that rejecting joins
    gets that group's last old style.
    """
    result: list[tuple[BlockStyle, BlockStyle]] = [None] * len(blocks)   # type: ignore[list-item]
    new_next = old_next = None
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        new = new_next if block.break_op == DELETED and new_next is not None else block.style
        old = (old_next if block.break_op == INSERTED and old_next is not None
               else block.old_style or block.style)
        result[index] = (new, old)
        new_next, old_next = new, old
    return result


def _rpr(style: RunStyle) -> OxmlElement:
    """Run properties, in the schema's order (b, i, color, u)."""
    rpr = OxmlElement("w:rPr")
    if style.bold:
        rpr.append(OxmlElement("w:b"))
    if style.italic:
        rpr.append(OxmlElement("w:i"))
    if style.link:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), LINK_COLOR)
        rpr.append(color)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        rpr.append(underline)
    return rpr


def _run(text: str, style: RunStyle, *, deleted: bool) -> OxmlElement:
    run = OxmlElement("w:r")
    run.append(_rpr(style))
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


# The page as the PDF draws it (export.pdf): Letter, one-inch sides; the header and the footer
# 0.9 inch from the edges and the text 1.25 inches (PDF: 0.9 inch margin + its 0.35 inch band).
PAGE_WIDTH, PAGE_HEIGHT = Pt(612), Pt(792)
SIDE_MARGIN = Inches(SIDE_MARGIN_IN)
EDGE_TO_BAND = Inches(EDGE_MARGIN_IN)
EDGE_TO_TEXT = Inches(EDGE_MARGIN_IN + BAND_IN)
FONT = "Times New Roman"
HEADING_SIZES = {1: 16, 2: 14, 3: 13}     # as export.pdf.PrintMarkup draws headings
PARAGRAPH_GAP = Pt(9)                     # Qt's default paragraph margin, 12 px of 1/96 inch


def _field(paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_number(footer) -> None:
    """'Page N of M' centred, small, as the PDF prints it."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, instruction in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        paragraph.add_run(text).font.size = Pt(9)
        _field(paragraph, instruction, "1")
    for run in paragraph._p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.insert(0, rpr)
        if rpr.find(qn("w:sz")) is None:
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "18")
            rpr.append(size)


def new_document(title: str, *, subject: str = "", author: str = "", when: datetime | None = None,
                 memo_page: bool = False) -> DocxDocument:
    """A Letter-size document laid out as the PDF is: margins, Times 12, the title in the running
    header, "Page N of M" at the foot of every page.

    ``memo_page``: the first page (the cover memo) has the page number but no running header,
    as in the PDF. The core properties name the document (title, subject: the policy's code,
    author, created and modified: ``when``), replacing python-docx's template's.
    """
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin = section.bottom_margin = EDGE_TO_TEXT
    section.header_distance = section.footer_distance = EDGE_TO_BAND
    for name in ("Normal", "Title", *(f"Heading {n}" for n in range(1, 7))):
        style = document.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attr), None)
        if name != "Normal":
            level = int(name.split()[-1]) if name.startswith("Heading") else 1
            style.font.size = Pt(HEADING_SIZES.get(level, 12))
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    # Qt's rich text: single lines, 12 px (9 pt) between paragraphs; the template has 1.15 and 10 pt.
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = PARAGRAPH_GAP
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run(xml_text(title)).font.size = Pt(9)
    _page_number(section.footer)
    if memo_page:
        section.different_first_page_header_footer = True
        _page_number(section.first_page_footer)
    when = when or datetime.now(timezone.utc)
    props = document.core_properties
    props.title = xml_text(title)
    props.subject = xml_text(subject)
    props.author = props.last_modified_by = xml_text(author)
    props.comments = ""
    props.keywords = props.category = ""
    props.created = props.modified = when.astimezone(timezone.utc).replace(tzinfo=None)
    props.revision = 1
    return document


def track_revisions(document: DocxDocument) -> None:
    """Turn on Track Changes, so edits made to the redline are tracked too."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        settings.append(OxmlElement("w:trackRevisions"))


def add_title(document: DocxDocument, title: str) -> None:
    """The policy's title, bold and centred in capitals, as on the seed packet."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(xml_text(title.upper()))
    run.bold = True


def add_note(document: DocxDocument, text: str, *, italic: bool = True, color: str | None = None) -> None:
    """A plain paragraph of the packet's own words (the history line: 18 px above it, as in the PDF)."""
    if not text:
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(13.5)
    run = paragraph.add_run(xml_text(text))
    run.italic = italic
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def add_policy(document: DocxDocument, redline: Redline, parts: PageParts, *, author: str, when: datetime,
               tracked: bool = True) -> None:
    """The policy as tracked changes: its title (unless the text opens with it), the redline, the
    history line. Nothing else enters the body, so Accept All gives exactly the new text and
    Reject All the old; the summary of the changes is a Word comment on the title.

    ``author``/``when``: the author and the date of the changes (the commit that saved the new text).
    """
    titled = starts_with_title(redline, parts.title)
    if not titled:
        add_title(document, parts.title)
    first = len(document.paragraphs) - (0 if titled else 1)
    TrackedWriter(document, author, when).add_redline(redline, center_first=titled)
    add_note(document, parts.history)
    if tracked and parts.summary_lines and redline.has_changes and len(document.paragraphs) > first:
        anchor = document.paragraphs[first]
        runs = anchor.runs or [anchor.add_run("")]
        document.add_comment(runs, text="\n".join(xml_text(line) for line in parts.summary_lines),
                             author=xml_text(author) or "policyeditor", initials="")
    if tracked:
        track_revisions(document)


def redline_docx(redline: Redline, parts: PageParts, *, author: str, when: datetime) -> DocxDocument:
    """A Word document of the redline: the policy as tracked changes, the summary as a comment.

    ``parts.revised_by``/``revised_at`` (when set) are the changes' author and date; else
    ``author``/``when`` (who exports, and when), which also name the document.
    """
    document = new_document(parts.title, subject=parts.code, author=parts.document_author or author,
                            when=when)
    add_policy(document, redline, parts, author=parts.revised_by or author, when=parts.revised_at or when)
    return document


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_docx(document: DocxDocument, path) -> None:
    """Save atomically (temporary file, then rename)."""
    write_atomic(path, lambda tmp: document.save(str(tmp)))

