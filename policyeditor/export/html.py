"""The redline as HTML: semantic <ins>/<del>, labels for every reader.

``redline_fragment`` gives the blocks alone (for the notice site, or the PDF
renderer); ``redline_page`` a complete, self-contained page with legend,
change summary and history line. The walk is ``core.redline_markup``'s, shared
with the PDF and the window's pane; ``WebMarkup`` says how the web draws each
piece. Every piece of policy text passes through ``html.escape``; link targets
other than web, mail and in-page addresses are dropped, so a policy can never
inject markup or script.

Screen readers hear "inserted:", "deleted:" and "formatting changed:" before
each change (visually hidden text); sighted readers see colour, underline or
strike-through, a badge on each changed paragraph and the legend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from policyeditor.core.redline import (
    CHANGED, DELETED, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock,
)
from policyeditor.core.redline_markup import RedlineMarkup, heading_level, kinds_present, safe_href

__all__ = ["CSS", "LEGEND", "PageParts", "WebMarkup", "legend", "redline_fragment", "redline_page", "safe_href",
           "starts_with_title"]

_BADGES = {
    CHANGED: "Changed",
    INSERTED: "Added paragraph",
    DELETED: "Removed paragraph",
    MOVED_FROM: "Moved from here",
    MOVED_TO: "Moved here",
}

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #111; }
main > h1 { font-size: 1.4rem; margin-bottom: .25rem; }
ins { color: #0645ad; text-decoration: underline; background: #eef4ff; }
del { color: #b00020; text-decoration: line-through; background: #fff0f0; }
del + ins { margin-left: .25em; }
.fmt { border-bottom: 2px dotted #7a4f00; }
.moved { color: #1b6e20; }
.redline .block { position: relative; }
.badge { font: 600 .7rem/1 system-ui, sans-serif; color: #444; background: #eee; border-radius: .2rem;
         padding: .15rem .35rem; margin-right: .4rem; vertical-align: .15rem; }
.note { display: block; font: .8rem system-ui, sans-serif; color: #7a4f00; margin: -.5rem 0 1rem 1rem; }
.legend, .summary { font: .9rem system-ui, sans-serif; border: 1px solid #ccc; padding: .5rem .75rem;
                    margin: 1rem 0; }
.legend ul { margin: .25rem 0; padding-left: 1.25rem; }
.history { font-style: italic; margin-top: 2rem; }
.policy-table { border-collapse: collapse; margin: 1rem 0; }
.policy-table th, .policy-table td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top;
                                     text-align: left; }
.row-inserted { background: #eef4ff; }
.row-deleted { background: #fff0f0; }
blockquote.block { margin: 1rem 2.5rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
           clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print { .legend { display: none; } }
""".strip()


@dataclass(frozen=True)
class PageParts:
    """What a redline page shows besides the redline (all plain text)."""

    title: str
    subtitle: str = ""          # e.g. "Version 3 compared with version 2"
    summary: str = ""           # RedlineStats.summary
    explanation: str = ""       # RedlineStats.explanation
    justification: str = ""     # why a substantive-looking change is editorial
    history: str = ""           # "Adopted: October 5, 2009; Revised: May 1, 2018"
    show_summary: bool = False  # a summary of the changes before the policy (always with a justification)
    code: str = ""              # the policy's classification code (a DOCX's subject)
    document_author: str = ""   # who the document is by (DOCX core properties); '' -> the exporter
    revised_by: str = ""        # the author of the changes (who saved the new text); '' -> the exporter
    revised_at: datetime | None = None   # when the new text was saved; None -> the export's time

    @property
    def summary_lines(self) -> list[str]:
        """The summary's sentences: what is compared, the counts, why the class, the justification."""
        lines = [self.subtitle, self.summary, self.explanation]
        if self.justification:
            lines.append(f"Marked editorial because: {self.justification}")
        return [line for line in lines if line]

    @property
    def wants_summary(self) -> bool:
        """Whether the output shows the summary (asked for, or a justification to print)."""
        return bool(self.show_summary or self.justification) and bool(self.summary_lines)


def starts_with_title(redline: Redline, title: str) -> bool:
    """Whether the policy text itself opens with its title (then it is not repeated)."""
    if not redline.blocks or not title.strip():
        return False
    first = redline.blocks[0]
    text = first.new_text if first.status != DELETED else first.old_text
    return " ".join(text.split()).strip(" .:").casefold() == " ".join(title.split()).casefold()


class WebMarkup(RedlineMarkup):
    """The redline for browsers: <ins>/<del>, classes of CSS, labels for screen readers, badges."""

    bold_tag, italic_tag = "strong", "em"
    segment = {
        INSERTED: '<ins><span class="sr-only">[inserted: </span>{body}<span class="sr-only">]</span></ins>',
        DELETED: '<del><span class="sr-only">[deleted: </span>{body}<span class="sr-only">]</span></del>',
        FORMATTED: ('<span class="fmt" title="Formatted: {change}">'
                    '<span class="sr-only">[formatting changed to {change}: </span>{body}'
                    '<span class="sr-only">]</span></span>'),
    }
    whole_paragraph = {
        MOVED_FROM: ('<del class="moved" id="move-{move_id}-del"><span class="sr-only">[moved from here: </span>'
                     '{body}<span class="sr-only">]</span></del>'),
        MOVED_TO: ('<ins class="moved" id="move-{move_id}-ins"><span class="sr-only">[moved here: </span>'
                   '{body}<span class="sr-only">]</span></ins>'),
        INSERTED: '<ins><span class="sr-only">[inserted paragraph: </span>{body}<span class="sr-only">]</span></ins>',
        DELETED: '<del><span class="sr-only">[deleted paragraph: </span>{body}<span class="sr-only">]</span></del>',
    }
    break_mark = {
        INSERTED: ('<ins class="mark" title="paragraph break inserted">\u00b6'
                   '<span class="sr-only"> paragraph break inserted</span></ins>'),
        DELETED: ('<del class="mark" title="paragraph break deleted">\u00b6'
                  '<span class="sr-only"> paragraph break deleted</span></del>'),
    }
    badge = '<span class="badge" aria-hidden="true">{label}</span>'
    badge_labels = _BADGES
    moved_note = {MOVED_FROM: "See the paragraph moved here (move {move_id}).",
                  MOVED_TO: "See the paragraph moved from (move {move_id})."}
    note = '<span class="note" role="note">{note}</span>'
    list_tags = True
    opening, closing = '<div class="redline">', "</div>"
    table_open = '<table class="policy-table">'
    row_open = {INSERTED: '<tr class="row-inserted">', DELETED: '<tr class="row-deleted">'}
    cell = '<{tag} class="block">{body}{note}</{tag}>'

    def paragraph(self, block: RedlineBlock, body: str, note: str, index: int) -> str:
        kind = block.style.kind
        if kind in ("bullet", "numbered"):
            indent = f' style="margin-left:{1.5 * block.style.level:g}em"' if block.style.level else ""
            return f'<li class="block"{indent}>{body}{note}</li>'
        if kind == "heading":
            level = heading_level(block)
            return f'<h{level} class="block">{body}</h{level}>{note}'
        if kind == "raw":
            return f'<pre class="block">{body}</pre>{note}'
        if kind == "quote":
            return f'<blockquote class="block"><p>{body}</p>{note}</blockquote>'
        return f'<p class="block">{body}</p>{note}'


def redline_fragment(redline: Redline) -> str:
    """The redline's blocks as an HTML fragment: ``<div class="redline">``."""
    return WebMarkup().render(redline)


_LEGEND_ITEMS = {
    INSERTED: "<li><ins>Underlined blue text</ins> is inserted.</li>",
    DELETED: "<li><del>Struck-through red text</del> is deleted.</li>",
    FORMATTED: '<li><span class="fmt">Dotted underline</span>: same words, formatting changed '
               "(see the note below the paragraph).</li>",
    "moved": '<li><del class="moved">Green text</del> is a paragraph moved (struck where it was, '
             '<ins class="moved">underlined</ins> where it is now).</li>',
    "break": "<li>\u00b6 marks a paragraph break that was inserted or deleted.</li>",
}


def legend(kinds) -> str:
    """The key to the marks, naming only the kinds of change present ('' when none)."""
    items = "".join(html for kind, html in _LEGEND_ITEMS.items() if kind in kinds)
    if not items:
        return ""
    return ('<aside class="legend" aria-label="How to read this redline"><strong>How to read this redline'
            f"</strong><ul>{items}<li>A badge names each changed paragraph.</li></ul></aside>")


LEGEND = legend(set(_LEGEND_ITEMS))


def redline_page(redline: Redline, parts: PageParts) -> str:
    """A complete, self-contained HTML page showing ``redline``.

    The page holds the policy as it reads (its title when the text does not
    open with it, the redline, the history line); the key to the marks
    (only the kinds present) stands beside it, hidden in print; the summary
    of the changes only when asked for or when a justification is recorded.
    """
    head = "" if starts_with_title(redline, parts.title) else f"<h1>{escape(parts.title)}</h1>"
    summary_html = ""
    if parts.wants_summary:
        lines = "".join(f"<p>{escape(line)}</p>" for line in parts.summary_lines)
        summary_html = f'<aside class="summary" aria-label="Summary of changes">{lines}</aside>\n'
    history = f'<p class="history">{escape(parts.history)}</p>' if parts.history else ""
    opening = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(parts.title)} \u2013 redline</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f"{summary_html}{legend(kinds_present(redline))}\n<main>\n{head}"
    )
    # The redline's lines joined once with the page's (a large redline is not copied twice).
    return "\n".join([opening, *(WebMarkup().render_lines(redline) or [""]),
                      f"{history}\n</main>\n</body>\n</html>\n"])
