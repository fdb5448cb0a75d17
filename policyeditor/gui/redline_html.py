"""The live redline as HTML for QTextBrowser (inline styles it understands).

Pure (core.redline, core.redline_stats); ``compute_redline`` runs in a worker
and is imported by the pane only there, so start-up does not load the diff
engine. Every piece of policy text is escaped.
"""

from __future__ import annotations

from html import escape

from policyeditor.core import redline as rl
from policyeditor.core.redline_stats import redline_stats
from policyeditor.core.textmodel import Document
from policyeditor.gui.redline_pane import RedlineResult, tr

INS_STYLE = "color:#0645ad; text-decoration:underline; background-color:#eef4ff;"
DEL_STYLE = "color:#b00020; text-decoration:line-through; background-color:#fff0f0;"
FMT_STYLE = "background-color:#fff4d6;"
NOTE_STYLE = "color:#7a4f00; font-size:small;"



def _styled(text: str, style) -> str:
    body = escape(text).replace("\n", "<br>")
    if style.bold:
        body = f"<b>{body}</b>"
    if style.italic:
        body = f"<i>{body}</i>"
    if style.link:
        body = f'<a href="{escape(style.link, quote=True)}">{body}</a>'
    return body


def _segment_html(seg: rl.Segment, block_status: str) -> str:
    body = _styled(seg.text, seg.style)
    op = seg.op
    if block_status in (rl.INSERTED, rl.MOVED_TO):
        op = rl.INSERTED
    elif block_status in (rl.DELETED, rl.MOVED_FROM):
        op = rl.DELETED
    if op == rl.INSERTED:
        return f'<span style="{INS_STYLE}">{body}</span>'
    if op == rl.DELETED:
        return f'<span style="{DEL_STYLE}">{body}</span>'
    if op == rl.FORMATTED:
        return f'<span style="{FMT_STYLE}">{body}</span>'
    return body


def _block_html(block: rl.RedlineBlock) -> str:
    inner = "".join(_segment_html(s, block.status) for s in block.segments)
    if block.break_op == rl.INSERTED and block.status not in (rl.INSERTED, rl.MOVED_TO):
        inner += f'<span style="{INS_STYLE}">\u00b6</span>'
    elif block.break_op == rl.DELETED and block.status not in (rl.DELETED, rl.MOVED_FROM):
        inner += f'<span style="{DEL_STYLE}">\u00b6</span>'
    kind, level = block.style.kind, block.style.level
    if kind == "heading":
        tag = f"h{min(max(level + 1, 2), 6)}"
        html = f"<{tag}>{inner}</{tag}>"
    elif kind in ("bullet", "numbered"):
        mark = "\u2022" if kind == "bullet" else "#"
        html = f'<p style="margin-left:{1.5 * (level + 1):g}em">{mark} {inner}</p>'
    elif kind == "raw":
        html = f"<pre>{inner}</pre>"
    else:
        html = f"<p>{inner}</p>"
    note = block.format_note
    if block.status in (rl.MOVED_FROM, rl.MOVED_TO):
        note = tr("Moved from here") if block.status == rl.MOVED_FROM else tr("Moved here")
    if note:
        html += f'<p style="{NOTE_STYLE}">{escape(note)}</p>'
    return html


def compute_redline(old_text: str, new_doc: Document) -> RedlineResult:
    """The redline of ``new_doc`` against ``old_text`` (pure; for a worker)."""
    redline = rl.compare(old_text, new_doc)
    stats = redline_stats(redline, old_text, new_doc)
    parts, changes = [], 0
    for block in redline.blocks:
        if block.status != rl.EQUAL:
            changes += 1
            parts.append(f'<a name="change-{changes}"></a>')
        parts.append(_block_html(block))
    html = "\n".join(parts)
    return RedlineResult(html, stats.summary, stats.reason, redline.has_changes, changes)
