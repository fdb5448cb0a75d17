"""A small reader of Word tracked changes, for tests: accept all or reject all.

It reads the XML that Word and LibreOffice read (word/document.xml through
python-docx), not our own objects: accepting keeps w:ins and drops w:del;
a deleted paragraph mark joins its paragraph to the next. Rejecting does the
opposite; a move (w:moveFrom/w:moveTo) is a deletion there and an insertion
here. Formatting is read from w:rPr (accept) or w:rPrChange (reject).
"""

from __future__ import annotations

import io

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _inside(element, tag: str) -> bool:
    return any(a.tag == tag for a in element.iterancestors())


def _run_bold(run, mode: str) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    if mode == "reject":
        change = rpr.find(W + "rPrChange")
        if change is not None:
            rpr = change.find(W + "rPr")
    return rpr is not None and rpr.find(W + "b") is not None


def body_of(data: bytes):
    """word/document.xml's body, read with python-docx."""
    return docx.Document(io.BytesIO(data)).element.body


def _paragraphs(body, mode: str):
    """The body's paragraphs in reading order, a table's cells row by row (w:tc's own w:p).

    A row tracked as deleted (w:trPr/w:del) is gone after accepting, one tracked
    as inserted after rejecting; a cell with no run is a placeholder of the grid.
    The empty paragraph Word needs after a table that ends the document is left out.
    """
    gone = W + ("del" if mode == "accept" else "ins")
    children = [c for c in body if c.tag in (W + "p", W + "tbl")]
    for k, child in enumerate(children):
        if child.tag == W + "p":
            last_after_table = k == len(children) - 1 and k > 0 and children[k - 1].tag == W + "tbl"
            if not (last_after_table and not list(child.iter(W + "r"))):
                yield child
            continue
        for tr in child.findall(W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(gone) is not None:
                continue
            for tc in tr.findall(W + "tc"):
                for p in tc.findall(W + "p"):
                    if list(p.iter(W + "r")):
                        yield p


def read(data, mode: str) -> list[tuple[str, str, list[tuple[str, bool]]]]:
    """The paragraphs after accepting ('accept') or rejecting ('reject') all changes.

    ``data`` is the .docx bytes or a body from ``body_of``.
    Each paragraph: (text, style id, [(run text, bold)]).
    """
    body = body_of(data) if isinstance(data, bytes) else data
    out: list[tuple[str, str, list[tuple[str, bool]]]] = []
    text, runs, style = "", [], None
    for p in _paragraphs(body, mode):
        ppr = p.find(W + "pPr")
        if style is None:
            style = _style(ppr, mode)
        for el in p.iter(W + "t", W + "delText"):
            if mode == "accept":
                keep = el.tag == W + "t" and not _inside(el, W + "del") and not _inside(el, W + "moveFrom")
            else:
                keep = not _inside(el, W + "ins") and not _inside(el, W + "moveTo")
            if keep and el.text:
                text += el.text
                runs.append((el.text, _run_bold(el.getparent(), mode)))
        mark = ppr.find(W + "rPr") if ppr is not None else None
        gone = ("del", "moveFrom") if mode == "accept" else ("ins", "moveTo")
        joined = mark is not None and any(mark.find(W + tag) is not None for tag in gone)
        if not joined:
            out.append((text, style, runs))
            text, runs, style = "", [], None
    if text or runs:
        out.append((text, style or "Normal", runs))
    return out


def _style(ppr, mode: str) -> str:
    if ppr is None:
        return "Normal"
    if mode == "reject":
        change = ppr.find(W + "pPrChange")
        if change is not None:
            ppr = change.find(W + "pPr")
    style = ppr.find(W + "pStyle")
    return style.get(W + "val") if style is not None else "Normal"


def texts(data, mode: str) -> list[str]:
    """Only the paragraph texts, spacing normalized."""
    return [" ".join(t.split()) for t, _, _ in read(data, mode)]
