"""A Word document (.docx) as the text model, with python-docx and its XML.

``read_docx(data, name, accept_changes=False)`` gives a ``DocxText``: the
blocks in reading order (not yet normalized: a line break inside a
paragraph is kept as "\\n", so a history line of several lines can be
found), which blocks looked like a title line (centred, all capitals or in
Word's Title style), and how many underlined stretches became italic.

What is read: paragraphs; bold and italic (direct, or from a character style
such as Strong or Emphasis); underline outside links, as italic (the policy
text has bold and italic only); headings (Heading 1-6, Title, an outline
level); bulleted and numbered lists with their levels (from the numbering
definitions, or from the List Bullet / List Number styles); hyperlinks;
quotes (the Quote styles); tables, one cell a block (merged cells give
empty ones). Content controls and fields are read through; text boxes,
footnotes, headers and footers are not the policy's text.

A document still holding tracked changes or comments is refused
(``ChangesPending``) unless ``accept_changes``: then inserted text is kept,
deleted text dropped and comments ignored, as Word's "Accept All" would.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from policyeditor.core.errors import InvalidInput
from policyeditor.core.textdoc import (
    BULLET, CELL, HEADER_CELL, HEADING, NUMBERED, PARAGRAPH, QUOTE, Block, Document, Run,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHANGES = ("ins", "del", "moveFrom", "moveTo")
_FORMAT_CHANGES = ("rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange",
                   "numberingChange")
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.I)
_LIST_STYLE = re.compile(r"^list\s+(bullet|number)(?:\s+(\d))?$", re.I)
_OFF = ("0", "false", "off", "none")


class ChangesPending(InvalidInput):
    """A Word document that still holds tracked changes or comments."""


@dataclass
class DocxText:
    document: Document
    title_hints: frozenset[int]
    underlined: int = 0


def refuse_unreadable(name: str) -> InvalidInput:
    return InvalidInput(f"{name} cannot be read as a Word document: the file is damaged or is not a .docx. "
                        "Open it in Word or LibreOffice, save it again as .docx, and import that.")


def open_docx(data: bytes, name: str):
    """The python-docx Document of ``data``, or a plain refusal naming the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InvalidInput(f"{name} is an old Word 97-2003 document (.doc), whatever its name says. Convert it "
                           f"first: soffice --headless --convert-to docx \"{name}\", then import the .docx.")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise refuse_unreadable(name) from exc
    except Exception as exc:    # lxml's XMLSyntaxError and the like: a damaged part
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise refuse_unreadable(name) from exc
        raise


def pending_changes(document) -> tuple[int, int]:
    """(tracked changes, comments) the document still holds."""
    body = document.element.body
    changes = sum(1 for tag in _CHANGES for _ in body.iter(W + tag))
    changes += sum(1 for tag in _FORMAT_CHANGES for _ in body.iter(W + tag))
    comments = sum(1 for _ in body.iter(W + "commentRangeStart")) or sum(1 for _ in body.iter(W + "commentReference"))
    return changes, comments


def read_docx(data: bytes, name: str, *, accept_changes: bool = False) -> DocxText:
    document = open_docx(data, name)
    changes, comments = pending_changes(document)
    if (changes or comments) and not accept_changes:
        what = " and ".join(filter(None, [
            f"{changes} tracked change{'s' * (changes != 1)}" if changes else "",
            f"{comments} comment{'s' * (comments != 1)}" if comments else ""]))
        raise ChangesPending(
            f"{name} still holds {what}. Open it in Word, accept or reject the changes and delete the comments "
            "(Review tab), save it, and import it again; or import it with --accept-changes to take the text "
            "as if every change were accepted.")
    return _Reader(document).read()


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.part = document.part
        self.styles: dict[str, object] = {}
        for style in document.styles:
            self.styles[style.style_id] = style
        self.blocks: list[Block] = []
        self.title_hints: set[int] = set()
        self.underlined = 0
        self._num_formats: dict[tuple[str, int], str] = {}
        self._carry: list[Run] = []      # runs of paragraphs whose mark was deleted (accepted: joined)
        self._char_styles: dict[str, tuple[bool, bool, bool]] = {}

    def read(self) -> DocxText:
        self._container(self.document.element.body)
        if self._carry:
            self.blocks.append(Block(PARAGRAPH, tuple(self._carry)))
        return DocxText(Document(tuple(self.blocks)), frozenset(self.title_hints), self.underlined)

    # ------------------------------------------------------------ body
    def _container(self, element) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self._table(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._container(content)
            elif tag in (W + "ins", W + "moveTo", W + "customXml"):
                self._container(child)

    def _style_name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        return (getattr(style, "name", "") or "") if style is not None else ""

    def _paragraph(self, p) -> None:
        ppr = p.find(W + "pPr")
        style_id = None
        if ppr is not None and ppr.find(W + "pStyle") is not None:
            style_id = ppr.find(W + "pStyle").get(W + "val")
        name = self._style_name(style_id)
        runs = tuple(self._runs(p, in_link=None))
        mark = ppr.find(W + "rPr") if ppr is not None else None
        if mark is not None and (mark.find(W + "del") is not None or mark.find(W + "moveFrom") is not None):
            self._carry.extend(runs)    # accepting joins this paragraph to the next
            return
        if self._carry:
            runs, self._carry = (*self._carry, *runs), []
        kind, level = PARAGRAPH, 0
        heading = _HEADING_STYLE.match(name)
        listed = _LIST_STYLE.match(name)
        direct = ppr is not None and ppr.find(W + "numPr") is not None
        numbering = self._numbering(ppr, style_id)
        outline = self._outline(ppr, style_id)
        if heading:
            kind, level = HEADING, int(heading.group(1))
        elif name.lower() == "title":
            self.title_hints.add(len(self.blocks))
        elif listed and not direct:
            kind = BULLET if listed.group(1).lower() == "bullet" else NUMBERED
            level = int(listed.group(2)) - 1 if listed.group(2) else 0
        elif numbering is not None:
            kind, level = numbering
        elif name.lower() in ("quote", "intense quote", "quotations", "block text"):
            kind = QUOTE
        elif outline is not None and outline < 6:
            kind, level = HEADING, outline + 1
        if kind == PARAGRAPH and ppr is not None:
            jc = ppr.find(W + "jc")
            if jc is not None and jc.get(W + "val") == "center":
                self.title_hints.add(len(self.blocks))
        if kind == HEADING:   # a heading's text is the heading, not bold words
            runs = tuple(Run(r.text, False, r.italic, r.link) for r in runs)
        self.blocks.append(Block(kind, runs, level))

    def _outline(self, ppr, style_id: str | None) -> int | None:
        for props in (ppr, self._style_ppr(style_id)):
            if props is not None:
                lvl = props.find(W + "outlineLvl")
                if lvl is not None:
                    try:
                        return int(lvl.get(W + "val"))
                    except (TypeError, ValueError):
                        return None
        return None

    def _style_ppr(self, style_id: str | None):
        style = self.styles.get(style_id or "")
        element = getattr(style, "element", None)
        return element.find(W + "pPr") if element is not None else None

    def _numbering(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        """(BULLET or NUMBERED, level) of a list paragraph, from its numbering."""
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is None:
            style_ppr = self._style_ppr(style_id)
            num_pr = style_ppr.find(W + "numPr") if style_ppr is not None else None
        if num_pr is None:
            return None
        num_id_el, ilvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
        num_id = num_id_el.get(W + "val") if num_id_el is not None else None
        if not num_id or num_id == "0":
            return None
        try:
            level = int(ilvl_el.get(W + "val")) if ilvl_el is not None else 0
        except (TypeError, ValueError):
            level = 0
        fmt = self._num_format(num_id, level)
        return (BULLET if fmt in ("bullet", "none", "") else NUMBERED), max(0, min(level, 8))

    def _num_format(self, num_id: str, level: int) -> str:
        key = (num_id, level)
        if key not in self._num_formats:
            self._num_formats[key] = ""
            try:
                numbering = self.part.numbering_part.element
            except (KeyError, NotImplementedError, AttributeError):
                return ""
            abstract_id = None
            for num in numbering.iter(W + "num"):
                if num.get(W + "numId") == num_id:
                    ref = num.find(W + "abstractNumId")
                    abstract_id = ref.get(W + "val") if ref is not None else None
                    break
            for abstract in numbering.iter(W + "abstractNum"):
                if abstract.get(W + "abstractNumId") == abstract_id:
                    for lvl in abstract.iter(W + "lvl"):
                        if lvl.get(W + "ilvl") == str(level):
                            fmt = lvl.find(W + "numFmt")
                            self._num_formats[key] = fmt.get(W + "val") if fmt is not None else ""
                    break
        return self._num_formats[key]

    # ------------------------------------------------------------ runs
    def _runs(self, element, in_link: str | None):
        for child in element:
            tag = child.tag
            if tag == W + "r":
                yield from self._run(child, in_link)
            elif tag == W + "hyperlink":
                target = in_link
                rid = child.get(R_ID)
                if rid and rid in self.part.rels:
                    rel = self.part.rels[rid]
                    target = rel.target_ref if rel.is_external else None
                elif child.get(W + "anchor"):
                    target = "#" + child.get(W + "anchor")
                yield from self._runs(child, target)
            elif tag in (W + "ins", W + "moveTo", W + "smartTag", W + "fldSimple", W + "customXml",
                         W + "bdo", W + "dir"):
                yield from self._runs(child, in_link)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self._runs(content, in_link)

    def _run(self, r, link: str | None):
        rpr = r.find(W + "rPr")
        bold, italic, underline = self._formatting(rpr)
        if underline and not link:
            if not italic:
                self.underlined += 1
            italic = True
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                parts.append("")
        text = "".join(parts)
        if text:
            yield Run(text, bold, italic, link)

    def _formatting(self, rpr) -> tuple[bool, bool, bool]:
        bold = italic = underline = False
        if rpr is not None:
            style = rpr.find(W + "rStyle")
            if style is not None:
                bold, italic, underline = self._char_style(style.get(W + "val"))
            bold = _flag(rpr.find(W + "b"), bold)
            italic = _flag(rpr.find(W + "i"), italic)
            u = rpr.find(W + "u")
            if u is not None:
                underline = (u.get(W + "val") or "single") not in _OFF
        return bold, italic, underline

    def _char_style(self, style_id: str | None) -> tuple[bool, bool, bool]:
        key = style_id or ""
        if key not in self._char_styles:
            style = self.styles.get(key)
            font = getattr(style, "font", None)
            name = (getattr(style, "name", "") or "").lower()
            bold = bool(font is not None and font.bold) or name == "strong"
            italic = bool(font is not None and font.italic) or name == "emphasis"
            underline = bool(font is not None and font.underline) and "hyperlink" not in name
            self._char_styles[key] = (bold, italic, underline)
        return self._char_styles[key]

    # ------------------------------------------------------------ tables
    def _table(self, tbl) -> None:
        rows = [tr for tr in tbl if tr.tag == W + "tr"]
        for r, tr in enumerate(rows):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue        # a row deleted with tracked changes (accepted)
            column = 0
            for tc in tr.iter(W + "tc"):
                if tc.getparent() is not tr and tc.getparent().tag != W + "sdtContent":
                    continue
                tcpr = tc.find(W + "tcPr")
                span = 1
                merged = False
                if tcpr is not None:
                    grid = tcpr.find(W + "gridSpan")
                    if grid is not None and (grid.get(W + "val") or "1").isdigit():
                        span = max(1, int(grid.get(W + "val")))
                    vmerge = tcpr.find(W + "vMerge")
                    merged = vmerge is not None and vmerge.get(W + "val") in (None, "continue")
                runs: list[Run] = []
                if not merged:
                    for p in tc.iter(W + "p"):
                        cell_runs = list(self._runs(p, None))
                        if cell_runs:
                            if runs:
                                runs.append(Run(" "))
                            runs.extend(cell_runs)
                kind = HEADER_CELL if r == 0 else CELL
                self.blocks.append(Block(kind, tuple(Run(x.text.replace("\n", " "), x.bold, x.italic, x.link)
                                                     for x in runs), column))
                column += 1
                for _ in range(span - 1):
                    self.blocks.append(Block(kind, (), column))
                    column += 1


def _flag(element, default: bool) -> bool:
    if element is None:
        return default
    return (element.get(W + "val") or "true").lower() not in _OFF
