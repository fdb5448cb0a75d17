"""The live redline as HTML for QTextBrowser (inline styles it understands).

Pure (core.redline, core.redline_stats); ``compute_redline`` runs in a worker
and is imported by the pane only there, so start-up does not load the diff
engine. The walk is ``core.redline_markup``'s, shared with the HTML and PDF
exports; ``PaneMarkup`` says how the pane draws each piece. Every piece of
policy text is escaped, and only web, mail and in-page links are kept.
"""

from __future__ import annotations

from policyeditor.core import redline as rl
from policyeditor.core.redline_markup import RedlineMarkup, heading_level
from policyeditor.core.redline_stats import redline_stats
from policyeditor.core.textmodel import Document
from policyeditor.gui.redline_pane import RedlineResult, tr

INS_STYLE = "color:#0645ad; text-decoration:underline; background-color:#eef4ff;"
DEL_STYLE = "color:#b00020; text-decoration:line-through; background-color:#fff0f0;"
FMT_STYLE = "background-color:#fff4d6;"
NOTE_STYLE = "color:#7a4f00; font-size:small;"


class PaneMarkup(RedlineMarkup):
    """The redline for the window's pane (QTextBrowser): inline styles, an anchor before each change
    for Previous / Next change."""

    bold_outside = False
    newline = "<br>"
    segment = {
        rl.INSERTED: f'<span style="{INS_STYLE}">{{body}}</span>',
        rl.DELETED: f'<span style="{DEL_STYLE}">{{body}}</span>',
        rl.FORMATTED: f'<span style="{FMT_STYLE}">{{body}}</span>',
        rl.MOVED_TO: f'<span style="{INS_STYLE}">{{body}}</span>',
        rl.MOVED_FROM: f'<span style="{DEL_STYLE}">{{body}}</span>',
    }
    break_mark = {rl.INSERTED: f'<span style="{INS_STYLE}">\u00b6</span>',
                  rl.DELETED: f'<span style="{DEL_STYLE}">\u00b6</span>'}
    note = f'<p style="{NOTE_STYLE}">{{note}}</p>'
    anchor = '<a name="change-{n}"></a>'
    table_open = '<table border="1" cellspacing="0" cellpadding="3" style="border-collapse: collapse;">'
    cell = '<{tag} valign="top" align="left">{body}{note}</{tag}>'

    def __init__(self) -> None:
        # Translated at the time of drawing, like every message of the window.
        self.moved_note = {rl.MOVED_FROM: _literal(tr("Moved from here")), rl.MOVED_TO: _literal(tr("Moved here"))}

    def paragraph(self, block: rl.RedlineBlock, body: str, note: str, index: int) -> str:
        kind, level = block.style.kind, block.style.level
        if kind == "heading":
            tag = f"h{heading_level(block)}"
            return f"<{tag}>{body}</{tag}>{note}"
        if kind in ("bullet", "numbered"):
            mark = "\u2022" if kind == "bullet" else "#"
            return f'<p style="margin-left:{1.5 * (level + 1):g}em">{mark} {body}</p>{note}'
        if kind == "raw":
            return f"<pre>{body}</pre>{note}"
        if kind == "quote":
            return f'<blockquote style="margin-left:2em; margin-right:2em">{body}</blockquote>{note}'
        return f"<p>{body}</p>{note}"


def _literal(text: str) -> str:
    """``text`` as a template that formats to itself."""
    return text.replace("{", "{{").replace("}", "}}")


def compute_redline(old_text: str, new_doc: Document) -> RedlineResult:
    """The redline of ``new_doc`` against ``old_text`` (pure; for a worker)."""
    redline = rl.compare(old_text, new_doc)
    stats = redline_stats(redline, old_text, new_doc)
    changes = sum(block.status != rl.EQUAL for block in redline.blocks)
    return RedlineResult(PaneMarkup().render(redline), stats.summary, stats.reason, redline.has_changes, changes)
