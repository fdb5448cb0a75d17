"""PDF output through QTextDocument and QPdfWriter (QtGui only, no widgets).

Letter paper, one-inch margins, a running header with the policy's title,
"Page N of M" at the foot. The redline is drawn as the seed packet draws it:
deletions struck through in red, insertions underlined in blue, and a
"Formatted: Font: Not Bold" note under a paragraph whose formatting changed.

``qt_redline_html`` gives the redline in the HTML subset Qt's rich text
understands (no CSS classes or hidden labels: ``PrintMarkup`` says how print
draws each piece; the walk is ``core.redline_markup``'s);
``render_pdf`` paginates any such HTML into a PDF file, atomically.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from policyeditor.core.errors import ExportError
from policyeditor.core.redline import (
    DELETED, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock,
)
from policyeditor.core.redline_markup import RedlineMarkup, kinds_present
from policyeditor.export.html import PageParts, starts_with_title
from policyeditor.export.output import write_atomic

INS_COLOR = "#1f3fbf"
DEL_COLOR = "#c00000"
MOVE_COLOR = "#1b6e20"
NOTE_COLOR = "#7a4f00"
FONT_FAMILY = "Liberation Serif, Times New Roman, Times, DejaVu Serif, serif"
PAGE_BREAK = '<p style="page-break-before: always; margin: 0;"></p>'
# The page (inches), shared with export.docx so a packet looks the same in both: Letter, one inch at
# the sides, the header and footer bands 0.9 inch from the edges and 0.35 inch tall, the text between.
SIDE_MARGIN_IN, EDGE_MARGIN_IN, BAND_IN = 1.0, 0.9, 0.35


def ensure_gui_app():
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name == "posix":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["policyeditor"])
    return app


_INS_CSS = f"color:{INS_COLOR}; text-decoration: underline;"
_DEL_CSS = f"color:{DEL_COLOR}; text-decoration: line-through;"
_FMT_CSS = "background-color:#fff3c4;"


class PrintMarkup(RedlineMarkup):
    """The redline in Qt's rich text for print: inline styles, notes in words, the first block centred
    when it is the title (``center_first``)."""

    segment = {
        INSERTED: f'<span style="{_INS_CSS}">{{body}}</span>',
        DELETED: f'<span style="{_DEL_CSS}">{{body}}</span>',
        FORMATTED: f'<span style="{_FMT_CSS}">{{body}}</span>',
        MOVED_FROM: f'<span style="color:{MOVE_COLOR}; text-decoration: line-through;">{{body}}</span>',
        MOVED_TO: f'<span style="color:{MOVE_COLOR}; text-decoration: underline;">{{body}}</span>',
    }
    replacement_gap = "\u2009"      # a thin space between a deletion and its replacement
    break_mark = {INSERTED: f'<span style="{_INS_CSS}">\u00b6</span>',
                  DELETED: f'<span style="{_DEL_CSS}">\u00b6</span>'}
    moved_note = {MOVED_FROM: "Moved from here (move {move_id})", MOVED_TO: "Moved here (move {move_id})"}
    break_notes = {INSERTED: "Paragraph break inserted", DELETED: "Paragraph break deleted"}
    note = f'<p style="margin: -6px 0 10px 36px; font-size: 9pt; color:{NOTE_COLOR};"><i>{{note}}</i></p>'
    note_apart = True
    table_open = ('<table border="1" cellspacing="0" cellpadding="4" width="100%" '
                  'style="border-collapse: collapse; margin: 6px 0 10px 0;">')
    row_open = {INSERTED: '<tr style="background-color:#eef4ff;">', DELETED: '<tr style="background-color:#fff0f0;">'}
    cell = '<{tag} valign="top" align="left">{body}{note}</{tag}>'

    def __init__(self, *, center_first: bool = False) -> None:
        self.center_first = center_first

    def paragraph(self, block: RedlineBlock, body: str, note: str, index: int) -> str:
        kind, level = block.style.kind, block.style.level
        if kind == "heading":
            size = {1: 16, 2: 14, 3: 13}.get(level, 12)
            return f'<p style="font-size:{size}pt; font-weight:bold; margin-top:12px;">{body}</p>'
        if kind in ("bullet", "numbered"):
            marker = "\u2022" if kind == "bullet" else "\u2013"
            indent = 24 + 24 * level
            return f'<p style="margin-left:{indent}px; text-indent:-14px;">{marker}&#160;{body}</p>'
        if kind == "raw":
            return f'<pre style="font-size:9pt;">{body}</pre>'
        if kind == "quote":
            return f'<p style="margin-left:36px; margin-right:36px; text-align: justify;">{body}</p>'
        if index == 0 and self.center_first:
            return f'<p align="center">{body}</p>'
        return f'<p align="justify">{body}</p>'


def qt_redline_html(redline: Redline, *, center_first: bool = False) -> str:
    """The redline's blocks in Qt's rich-text HTML (the first centred: a title)."""
    return PrintMarkup(center_first=center_first).render(redline)


_KEY = {
    INSERTED: f'<span style="{_INS_CSS}">inserted</span>',
    DELETED: f'<span style="{_DEL_CSS}">deleted</span>',
    FORMATTED: f'<span style="{_FMT_CSS}">formatting changed</span>',
    "moved": f'<span style="color:{MOVE_COLOR};">moved</span>',
    "break": "\u00b6 paragraph break inserted or deleted",
}


def legend_html(kinds=None) -> str:
    """A one-line key to the marks, naming only ``kinds`` (all when None); '' when none."""
    names = [html for kind, html in _KEY.items() if kinds is None or kind in kinds]
    return f'<p style="font-size:10pt;">Key: {" &#160; ".join(names)}</p>' if names else ""


def summary_html(redline: Redline, parts: PageParts) -> str:
    """The summary page's content: what is compared, the counts, the class and why, the key."""
    out = [f'<p align="center" style="font-size:12pt;"><b>Summary of changes: {escape(parts.title)}</b></p>']
    out += [f'<p style="font-size:10pt;">{escape(line)}</p>' for line in parts.summary_lines]
    out.append(legend_html(kinds_present(redline)))
    return "\n".join(out)


def redline_body_html(redline: Redline, parts: PageParts) -> str:
    """The policy as the committee reads it: its title (unless the text opens with it), the redline,
    the history line. Before it, on a page of its own, the summary when ``parts.wants_summary``."""
    out = []
    if parts.wants_summary:
        out += [summary_html(redline, parts), PAGE_BREAK]
    titled = starts_with_title(redline, parts.title)
    if not titled:
        out.append(f'<p align="center" style="font-size:12pt;"><b>{escape(parts.title.upper())}</b></p>')
    out.append(qt_redline_html(redline, center_first=titled))
    if parts.history:
        out.append(history_html(parts.history))
    return "\n".join(out)


def history_html(history: str) -> str:
    """The history line under the policy."""
    return f'<p style="margin-top:18px;"><i>{escape(history)}</i></p>'


def wrap_html(body: str) -> str:
    return (f'<html><head><meta charset="utf-8"></head>'
            f'<body style="font-family: {FONT_FAMILY}; font-size: 12pt;">{body}</body></html>')


def render_pdf(body_html: str, path, *, title: str, header_from_page: int = 1,
               images: dict[str, bytes] | None = None) -> Path:
    """Paginate Qt HTML into a Letter PDF at ``path`` with header and page numbers.

    ``images`` maps names used in ``<img src="NAME">`` to image file bytes.
    """
    ensure_gui_app()
    return write_atomic(path, lambda tmp: _paint(body_html, tmp, title, header_from_page, images or {}))


def _paint(body_html: str, target: Path, title: str, header_from_page: int, images: dict[str, bytes]) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument,
    )

    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(SIDE_MARGIN_IN, EDGE_MARGIN_IN, SIDE_MARGIN_IN, EDGE_MARGIN_IN),
                          QPageLayout.Unit.Inch)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("policyeditor")
    dpi = writer.resolution()
    area = writer.pageLayout().paintRectPixels(dpi)
    band = int(BAND_IN * dpi)                   # header and footer bands
    body = QRectF(0, band, area.width(), area.height() - 2 * band)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("Liberation Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(12)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)        # the text starts at the page margin, as in the DOCX
    for name, data in images.items():
        image = QImage.fromData(data)
        if image.isNull():
            raise ExportError(f"The image \u201c{name}\u201d cannot be read. Use a PNG or JPEG file.")
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(wrap_html(body_html))
    doc.setPageSize(QSizeF(body.width(), body.height()))
    pages = doc.pageCount()
    plans = page_plans(doc, body.height())

    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"Cannot write the PDF {target.name}. Check that the folder can be written to.")
    small = QFont(font)
    small.setPointSizeF(9)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            page = QRectF(0, index * body.height(), body.width(), body.height())
            painter.save()
            painter.translate(0, body.top() - index * body.height())
            painter.setClipRect(page)
            plan = plans.get(index)
            if plan is not None:
                for line, origin in plan.carried:         # a paragraph begun on an earlier page
                    line.draw(painter, origin)
                if plan.clip is not None:
                    context = QAbstractTextDocumentLayout.PaintContext()
                    context.clip = plan.clip
                    doc.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(small)
            if index + 1 >= header_from_page:
                painter.drawText(QRectF(0, 0, area.width(), band * 0.8),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), title)
            painter.drawText(QRectF(0, area.height() - band * 0.8, area.width(), band * 0.8),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             f"Page {index + 1} of {pages}")
    finally:
        painter.end()
        doc.documentLayout().setPaintDevice(None)
        del writer      # closes the file now, before it is renamed (Windows keeps open files)


class PagePlan:
    """How one page is drawn: the lines of a paragraph carried over from the page before, drawn one
    by one, and the clip (document coordinates) for the layout to draw the rest (None: nothing)."""

    def __init__(self) -> None:
        self.carried: list = []     # (QTextLine, origin QPointF)
        self.clip = None


def page_plans(doc, page_height: float) -> dict[int, PagePlan]:
    """For each page, what to draw so that every line of text is drawn once, on its own page.

    Qt's layout, asked to draw a clip rectangle, also draws the last line of a
    paragraph that lies above the rectangle (``QTextLayout::draw`` starts at
    the last line wholly above the clip). A paragraph running from one page
    onto the next therefore had its last line of the earlier page drawn again
    at the top of the next, outside the visible area but in the PDF's text
    layer: search, copy and screen readers saw it twice. So the lines of a
    paragraph carried over from an earlier page are drawn one by one
    (``QTextLine.draw``: text, its formats and inline images), and the
    layout draws the page from the next paragraph on. A line belongs to the
    page that holds its middle.
    """
    from PySide6.QtCore import QPointF, QRectF

    layout = doc.documentLayout()
    plans: dict[int, PagePlan] = {}
    spans: dict[int, list[float]] = {}          # page -> [top, bottom] of the lines the layout draws
    carried_bottom: dict[int, float] = {}
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        if text_layout is not None and text_layout.lineCount():
            rect = layout.blockBoundingRect(block)
            origin = QPointF(rect.left(), rect.top())
            first_page = None
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                top = rect.top() + line.y()
                bottom = top + line.height()
                page = int((top + bottom) / 2 // page_height)
                if first_page is None:
                    first_page = page
                plan = plans.setdefault(page, PagePlan())
                if page != first_page:
                    plan.carried.append((line, origin))
                    carried_bottom[page] = max(carried_bottom.get(page, bottom), bottom)
                else:
                    span = spans.setdefault(page, [top, bottom])
                    span[0], span[1] = min(span[0], top), max(span[1], bottom)
        block = block.next()
    hair = 0.5
    width = doc.pageSize().width()
    for page, (top, bottom) in spans.items():
        top = max(top, carried_bottom.get(page, top))
        plans[page].clip = QRectF(0, top + hair, width, max(bottom - top - 2 * hair, hair))
    return plans


def redline_pdf(redline: Redline, parts: PageParts, path) -> Path:
    """A PDF of the redline alone (the summary page when asked for, the policy, its history line)."""
    return render_pdf(redline_body_html(redline, parts), path, title=parts.title)



