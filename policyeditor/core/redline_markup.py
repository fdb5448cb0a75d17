"""The one walk of a redline into HTML, for every face that shows one.

Three faces draw a ``core.redline.Redline`` as HTML: the web page and the
notice site (``export.html``: semantic ``<ins>``/``<del>``, classes, labels
for screen readers), print (``export.pdf``: the rich-text subset Qt's
QTextDocument paints, inline styles only) and the window's redline pane
(``gui.redline_html``: QTextBrowser, with an anchor before each change for
Previous / Next change). ``RedlineMarkup.render`` is the walk they share:
blocks in order, lists, tables (cell blocks grouped
into rows, ``core.textdoc.table_rows``), segments and the marks of a changed paragraph break,
the note under a paragraph, anchors. What differs between the faces is data
on a subclass (templates and switches below) and one method,
``paragraph``, that wraps a block by its kind.

Pure string work: no Qt, no I/O. Every piece of policy text passes through
``html.escape``, and link targets other than web, mail and in-page addresses
are dropped, so a policy can never inject markup or script into any face.
"""

from __future__ import annotations

from html import escape as _html_escape
from typing import Mapping

from policyeditor.core.redline import (
    DELETED, EQUAL, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock, Segment, font_change,
)
from policyeditor.core.textdoc import CELL_KINDS, HEADER_CELL, table_rows
from policyeditor.core.tokens import PLAIN, RunStyle

def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, returning text with nothing to escape as it is: five searches
    cost a fifth of five replacements, and most of a policy has none of the five."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return _html_escape(text, quote)
    return text


SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/")
# A paragraph that is wholly inserted, deleted or moved: its status marks every segment.
WHOLE = (INSERTED, DELETED, MOVED_FROM, MOVED_TO)


def safe_href(url: str | None) -> str | None:
    """The link target if it is a web, mail or in-page address; else None."""
    if not url:
        return None
    cleaned = "".join(url.split())
    return url if cleaned.lower().startswith(SAFE_SCHEMES) else None


def break_news(block: RedlineBlock) -> bool:
    """Whether the paragraph break after ``block`` changed and the block's own status does not say so
    already (an inserted paragraph brings its break, a deleted one takes its break away)."""
    if block.break_op == INSERTED:
        return block.status not in (INSERTED, MOVED_TO)
    if block.break_op == DELETED:
        return block.status not in (DELETED, MOVED_FROM)
    return False


# The kinds of change a key to the marks can name, in the key's order.
KEY_KINDS = (INSERTED, DELETED, FORMATTED, "moved", "break")


def kinds_present(redline: Redline) -> set[str]:
    """Which kinds of change the redline shows: of INSERTED, DELETED, FORMATTED, "moved" and
    "break" (a paragraph break inserted or deleted inside a paragraph kept), so a key lists only those."""
    kinds: set[str] = set()
    for block in redline.blocks:
        if block.status == EQUAL:
            continue
        if block.status in (MOVED_FROM, MOVED_TO):
            kinds.add("moved")
            continue
        if block.status in (INSERTED, DELETED):
            kinds.add(block.status)
        if block.style_changed:
            kinds.add(FORMATTED)
        if break_news(block):
            kinds.add("break")
        for seg in block.segments:
            if seg.op != EQUAL:
                kinds.add(seg.op)
        if len(kinds) == len(KEY_KINDS):
            break
    return kinds


def heading_level(block: RedlineBlock) -> int:
    """The HTML heading level of a heading block (h1 is the page's or pane's title)."""
    return min(max(block.style.level + 1, 2), 6)


class RedlineMarkup:
    """How one face marks up a redline; ``render`` walks it.

    Templates are ``str.format`` patterns; the walk escapes every piece of
    text before it fills one in (``{body}`` is markup the walk built from
    escaped text, ``{note}`` and ``{change}`` are escaped text).
    """

    # A run: its bold and italic tags, which of the two is outside, what a line break becomes.
    bold_tag: str = "b"
    italic_tag: str = "i"
    bold_outside: bool = True
    newline: str = "\n"
    # A segment by its op (EQUAL is the run as it is): {body}, and {change} for FORMATTED.
    # In a paragraph wholly inserted, deleted or moved, the paragraph's status is the op.
    segment: Mapping[str, str] = {}
    # Set: a whole paragraph is wrapped once ({body}, {move_id}) around its plain runs instead,
    # and shows no mark of a paragraph break.
    whole_paragraph: Mapping[str, str] | None = None
    # Between a deletion and the insertion that replaces it.
    replacement_gap: str = ""
    # A changed paragraph break, by break_op; shown only where the paragraph's own status does not
    # already say it, unless mark_every_break.
    break_mark: Mapping[str, str] = {}
    mark_every_break: bool = False
    # A badge before each changed paragraph ({label}), by status.
    badge: str = ""
    badge_labels: Mapping[str, str] = {}
    # The note under a paragraph: the formatting change, or for a moved one this text ({move_id});
    # break_notes adds the changed paragraph break to it, joined by "; ".
    moved_note: Mapping[str, str] = {}
    break_notes: Mapping[str, str] = {}
    note: str = "{note}"
    # Lists as <ul>/<ol> around the list paragraphs (else paragraph() draws the marker).
    list_tags: bool = False
    # An anchor before the n-th changed paragraph (n from 1): {n}.
    anchor: str = ""
    # The note on a line of its own after its paragraph, even when empty (else appended to it).
    note_apart: bool = False
    opening: str = ""
    closing: str = ""
    # A table: around it, around each row ({status}: "inserted", "deleted" when every cell of the row
    # is, else "equal"), and each cell ({tag}: th or td, {body}, {note} as the note template made it).
    table_open: str = "<table>"
    table_close: str = "</table>"
    row_open: Mapping[str, str] = {}
    row_close: str = "</tr>"
    cell: str = "<{tag}>{body}{note}</{tag}>"

    # ------------------------------------------------------------ the pieces

    def run(self, text: str, style: RunStyle) -> str:
        """Escaped text in its bold, italic and link."""
        out = escape(text)
        if self.newline != "\n" and "\n" in out:
            out = out.replace("\n", self.newline)
        if style is PLAIN or not (style.bold or style.italic or style.link):
            return out                                  # plain text, most of a policy
        tags = [(self.italic_tag, style.italic), (self.bold_tag, style.bold)]
        for tag, on in (tags if self.bold_outside else tags[::-1]):
            if on:
                out = f"<{tag}>{out}</{tag}>"
        href = safe_href(style.link)
        if href:
            out = f'<a href="{escape(href, quote=True)}">{out}</a>'
        return out

    def segment_html(self, seg: Segment, block: RedlineBlock) -> str:
        body = self.run(seg.text, seg.style)
        op = block.status if block.status in WHOLE else seg.op
        template = self.segment.get(op)
        if template is None:
            return body
        change = escape(font_change(seg.old_style, seg.style)) if op == FORMATTED else ""
        return template.format(body=body, change=change)

    def mark(self, block: RedlineBlock) -> str:
        """The mark of an inserted or deleted paragraph break at the end of ``block``."""
        if block.break_op not in (INSERTED, DELETED) or block.style.kind in CELL_KINDS:
            return ""       # a table's cells and rows show their own boundaries
        if not self.mark_every_break and not break_news(block):
            return ""
        return self.break_mark.get(block.break_op, "")

    def body(self, block: RedlineBlock) -> str:
        """The paragraph's content: its segments, the break's mark, a badge."""
        if self.whole_paragraph is not None and block.status in WHOLE:
            inner = "".join(self.run(s.text, s.style) for s in block.segments)
            inner = self.whole_paragraph[block.status].format(body=inner, move_id=block.move_id)
        else:
            parts = []
            gap, templates, run = self.replacement_gap, self.segment, self.run
            whole = block.status in WHOLE
            previous = ""
            for seg in block.segments:
                op = seg.op
                if gap and op == INSERTED and previous == DELETED:
                    parts.append(gap)
                previous = op
                if whole or op in templates:
                    parts.append(self.segment_html(seg, block))
                else:                                   # equal words: the run as it is
                    parts.append(run(seg.text, seg.style))
            inner = "".join(parts) + self.mark(block)
        if self.badge and block.status != EQUAL:
            inner = self.badge.format(label=self.badge_labels[block.status]) + inner
        return inner

    def note_text(self, block: RedlineBlock) -> str:
        note = block.format_note
        if block.status in (MOVED_FROM, MOVED_TO) and block.status in self.moved_note:
            note = self.moved_note[block.status].format(move_id=block.move_id)
        if self.break_notes and break_news(block) and block.style.kind not in CELL_KINDS:
            note = "; ".join(filter(None, [note, self.break_notes[block.break_op]]))
        return note

    def note_html(self, block: RedlineBlock) -> str:
        note = self.note_text(block)
        return self.note.format(note=escape(note)) if note else ""

    def paragraph(self, block: RedlineBlock, body: str, note: str, index: int) -> str:
        """The block in its paragraph, heading, list item or preformatted text, by its kind.

        ``note`` is given here (to put inside the element) only when not ``note_apart``.
        """
        raise NotImplementedError

    # ------------------------------------------------------------ the walk

    def row_status(self, blocks: list[RedlineBlock]) -> str:
        if all(b.status in (INSERTED, MOVED_TO) for b in blocks):
            return INSERTED
        if all(b.status in (DELETED, MOVED_FROM) for b in blocks):
            return DELETED
        return EQUAL

    def table(self, redline: Redline, start: int, changes: int, out: list[str]) -> tuple[int, int]:
        """The table starting at block ``start``; (the index after it, changes counted so far)."""
        rows, end = table_rows(redline.blocks, start)
        out.append(self.table_open)
        for row in rows:
            blocks = [redline.blocks[k] for k in row]
            out.append(self.row_open.get(self.row_status(blocks), "<tr>"))
            cells = []
            for block in blocks:
                anchor = ""
                if self.anchor and block.status != EQUAL:
                    changes += 1
                    anchor = self.anchor.format(n=changes)
                tag = "th" if block.style.kind == HEADER_CELL else "td"
                cells.append(self.cell.format(tag=tag, body=anchor + self.body(block), note=self.note_html(block)))
            out.append("".join(cells) + self.row_close)
        out.append(self.table_close)
        return end, changes

    def render(self, redline: Redline) -> str:
        return "\n".join(self.render_lines(redline))

    def render_lines(self, redline: Redline) -> list[str]:
        """``render``'s pieces, one per line of it (a page joins them once with its own)."""
        out = [self.opening] if self.opening else []
        open_list = ""
        changes = 0
        index = 0
        while index < len(redline.blocks):
            block = redline.blocks[index]
            if block.style.kind in CELL_KINDS:
                if open_list:
                    out.append(f"</{open_list}>")
                    open_list = ""
                index, changes = self.table(redline, index, changes, out)
                continue
            if self.list_tags:
                want = {"bullet": "ul", "numbered": "ol"}.get(block.style.kind, "")
                if open_list and want != open_list:
                    out.append(f"</{open_list}>")
                    open_list = ""
                if want and not open_list:
                    out.append(f"<{want}>")
                    open_list = want
            if self.anchor and block.status != EQUAL:
                changes += 1
                out.append(self.anchor.format(n=changes))
            note = self.note_html(block)
            out.append(self.paragraph(block, self.body(block), "" if self.note_apart else note, index))
            if self.note_apart:
                out.append(note)
            index += 1
        if open_list:
            out.append(f"</{open_list}>")
        if self.closing:
            out.append(self.closing)
        return out
