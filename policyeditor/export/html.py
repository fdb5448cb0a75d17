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
from html import escape

from policyeditor.core.redline import (
    CHANGED, DELETED, FORMATTED, INSERTED, MOVED_FROM, MOVED_TO, Redline, RedlineBlock,
)
from policyeditor.core.redline_markup import RedlineMarkup, heading_level, safe_href

__all__ = ["CSS", "LEGEND", "PageParts", "WebMarkup", "redline_fragment", "redline_page", "safe_href",
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
header h1 { font-size: 1.4rem; margin-bottom: .25rem; }
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
        return f'<p class="block">{body}</p>{note}'


def redline_fragment(redline: Redline) -> str:
    """The redline's blocks as an HTML fragment: ``<div class="redline">``."""
    return WebMarkup().render(redline)


LEGEND = (
    '<section class="legend" aria-label="How to read this redline"><strong>How to read this redline</strong><ul>'
    '<li><ins>Underlined blue text</ins> is inserted.</li>'
    '<li><del>Struck-through red text</del> is deleted.</li>'
    '<li><span class="fmt">Dotted underline</span>: same words, formatting changed (see the note below the paragraph).</li>'
    '<li>\u00b6 marks a paragraph break that was inserted or deleted; a badge names each changed paragraph.</li>'
    "</ul></section>"
)


def redline_page(redline: Redline, parts: PageParts) -> str:
    """A complete, self-contained HTML page showing ``redline``."""
    head = [f"<h1>{escape(parts.title)}</h1>"]
    if parts.subtitle:
        head.append(f"<p>{escape(parts.subtitle)}</p>")
    summary = []
    for text, cls in ((parts.summary, "summary-line"), (parts.explanation, "why"),
                      (parts.justification and f"Marked editorial because: {parts.justification}", "justification")):
        if text:
            summary.append(f'<p class="{cls}">{escape(text)}</p>')
    summary_html = (f'<section class="summary" aria-label="Summary of changes">{"".join(summary)}</section>'
                    if summary else "")
    history = f'<p class="history">{escape(parts.history)}</p>' if parts.history else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(parts.title)} \u2013 redline</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f"<header>{''.join(head)}</header>\n{summary_html}\n{LEGEND}\n<main>\n"
        f"{redline_fragment(redline)}\n{history}\n</main>\n</body>\n</html>\n"
    )
