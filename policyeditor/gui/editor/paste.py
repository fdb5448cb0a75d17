"""Pasting from Word (or a web page): keep bold, italic and lists; drop the rest.

Word puts HTML on the clipboard in which lists are not ``<ul>``/``<ol>`` but
paragraphs styled ``mso-list:l0 level2 lfo1`` whose bullet or number sits in
an ``<![if !supportLists]> ... <![endif]>`` section. This parser reads both
kinds of list, ``<b>``/``<strong>``/``font-weight`` and ``<i>``/``<em>``/
``font-style``, and turns everything else (fonts, colours, sizes, tables,
images, links, headings, Word's ``<o:p>``) into plain paragraphs of text.
The result is a ``core.textmodel.Document`` the editor inserts like any other.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from policyeditor.core import textmodel as tm

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote",
               "pre", "table", "ul", "ol", "dt", "dd", "section", "article", "header", "footer"}
_SKIP_TAGS = {"style", "script", "head", "title", "xml", "template"}
_MSO_LEVEL = re.compile(r"mso-list\s*:\s*\S+\s+level(\d+)", re.I)
_NUMBER_MARK = re.compile(r"^\s*(\(?[0-9]+|\(?[a-zA-Z]{1,4})[.)]")


def _style_flags(style: str) -> tuple[bool | None, bool | None]:
    """(bold, italic) from an inline style; None where the style says nothing."""
    style = style.lower().replace(" ", "")
    bold = italic = None
    m = re.search(r"font-weight:(\w+)", style)
    if m:
        value = m.group(1)
        bold = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
    m = re.search(r"font-style:(\w+)", style)
    if m:
        italic = m.group(1) in ("italic", "oblique")
    return bold, italic


class _Reader(HTMLParser):
    """Collects blocks of runs; see the module docstring."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tm.Block] = []
        self._runs: list[tm.Run] = []
        self._kind = tm.PARAGRAPH
        self._level = 0
        self._styles: list[tuple[str, bool | None, bool | None]] = []
        self._lists: list[str] = []
        self._skip = 0
        self._mso_marker: str | None = None  # inside <![if !supportLists]>

    # -- state
    def _flag(self, index: int) -> bool:
        for entry in reversed(self._styles):
            if entry[index] is not None:
                return bool(entry[index])
        return False

    def _end_block(self) -> None:
        if any(r.text.strip() for r in self._runs):
            level = self._level if self._kind != tm.PARAGRAPH else 0
            self.blocks.append(tm.Block(self._kind, tuple(self._runs), level))
        self._runs = []
        self._kind = tm.PARAGRAPH
        self._level = 0

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if tag in ("ul", "ol"):
            self._end_block()
            self._lists.append(tm.NUMBERED if tag == "ol" else tm.BULLET)
        elif tag in _BLOCK_TAGS or tag == "br":
            self._end_block()
            if tag == "li" and self._lists:
                self._kind, self._level = self._lists[-1], len(self._lists) - 1
            mso = _MSO_LEVEL.search(attr.get("style", ""))
            if mso:
                self._kind, self._level = tm.BULLET, int(mso.group(1)) - 1
        if tag in ("td", "th"):
            self._runs.append(tm.Run(" "))   # cells of a row: one paragraph, words apart
        bold, italic = _style_flags(attr.get("style", ""))
        if tag in ("b", "strong"):
            bold = True
        if tag in ("i", "em", "cite"):
            italic = True
        if tag not in ("br", "img", "hr", "meta", "link", "input"):
            self._styles.append((tag, bold, italic))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        for i in range(len(self._styles) - 1, -1, -1):
            if self._styles[i][0] == tag:
                del self._styles[i:]
                break
        if tag in ("ul", "ol"):
            self._end_block()
            if self._lists:
                self._lists.pop()
        elif tag in _BLOCK_TAGS:
            self._end_block()

    def unknown_decl(self, data: str) -> None:
        text = data.strip().lower()
        if text.startswith("if") and "supportlists" in text:
            self._mso_marker = ""
        elif text.startswith("endif") and self._mso_marker is not None:
            if _NUMBER_MARK.match(self._mso_marker):
                self._kind = tm.NUMBERED
            self._mso_marker = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._mso_marker is not None:
            self._mso_marker += data
            return
        text = data.replace("\u00a0", " ")
        if text:
            self._runs.append(tm.Run(text, bold=self._flag(1), italic=self._flag(2)))

    def close(self) -> None:
        super().close()
        self._end_block()


def document_from_html(html: str) -> tm.Document:
    """The bold, italic and lists of pasted HTML as a normalized Document."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return tm.normalize(tm.Document(tuple(reader.blocks)))


def document_from_plain(text: str) -> tm.Document:
    """Plain pasted text: one paragraph per non-empty line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tm.normalize(tm.Document(tuple(tm.Block(tm.PARAGRAPH, (tm.Run(line),)) for line in lines)))
