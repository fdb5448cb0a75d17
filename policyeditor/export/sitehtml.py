"""HTML pieces of the public notice site: the page frame, policy text, tables.

Everything written into a page goes through ``esc`` (or markdown-it with raw
HTML switched off), so a policy text or title holding ``<script>`` shows as
text. Pages follow WCAG 2.1 AA: a language, one h1 and headings in order, a
skip link, text contrast above 7:1, tables with captions and header cells,
changes marked by <ins>/<del> with words as well as colour, and no script.
"""

from __future__ import annotations

from datetime import date
import re
from html import escape

from markdown_it import MarkdownIt

from policyeditor.core.dates import long_date

STYLE = """\
:root { color: #1b1b1b; background: #ffffff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.5;
       max-width: 48rem; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; }
header { border-bottom: 2px solid #1b1b1b; margin-bottom: 1rem; }
header p { margin: .5rem 0; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1.5rem; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #595959; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.notice { border: 2px solid #1b1b1b; padding: .5rem 1rem; margin: 1rem 0; }
.policy-text { border-left: 4px solid #595959; padding-left: 1rem; }
ins { background: #e3f1e6; color: #0d3d1a; text-decoration: underline; }
del { background: #fbe4e4; color: #5c0b0b; text-decoration: line-through; }
.fmt { border-bottom: 2px dotted #5a3a00; }
.moved { color: #14521a; }
.badge { font-size: .8rem; font-weight: bold; color: #1b1b1b; background: #f0f0f0;
         border: 1px solid #595959; padding: 0 .3rem; margin-right: .4rem; }
.note { display: block; font-size: .9rem; color: #5a3a00; margin: -.5rem 0 1rem 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
           clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { border-top: 1px solid #595959; margin-top: 2rem; font-size: .95rem; }
"""

_MD = MarkdownIt("commonmark", {"html": False}).enable("table")   # policy texts hold GFM tables


def esc(text: object) -> str:
    """Text made safe for an HTML element or a quoted attribute."""
    return escape(str(text), quote=True)


def day(d: date | None) -> str:
    """A date for a person ("October 5, 2009") in a machine-readable <time>."""
    if d is None:
        return "not set"
    return f'<time datetime="{d.isoformat()}">{esc(long_date(d))}</time>'


def policy_text_html(markdown: str, top_level: int) -> str:
    """A policy text as HTML, its headings moved to start at ``top_level``, never skipping one.

    The page's own h1/h2 come first, so a text's "# Heading" becomes h3 and a
    jump from "#" to "###" in the text is closed up: headings stay in order.
    """
    tokens = _MD.parse(markdown or "")
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    lowest = min(levels) if levels else 1
    previous = top_level - 1
    for token in tokens:
        if token.type == "heading_open":
            wanted = top_level + int(token.tag[1]) - lowest
            level = max(top_level, min(6, wanted, previous + 1))
            previous = level
            token.tag = f"h{level}"
        elif token.type == "heading_close":
            token.tag = f"h{previous}"
    body = _MD.renderer.render(tokens, _MD.options, {})
    return body or "<p>(This version has no text.)</p>\n"


def shift_headings(fragment: str, top_level: int) -> str:
    """An HTML fragment (a redline) with its headings moved to start at ``top_level``, in order."""
    levels = [int(m) for m in re.findall(r"<h([1-6])[\s>]", fragment)]
    if not levels:
        return fragment
    offset = top_level - min(levels)
    return re.sub(r"(</?h)([1-6])(?=[\s>])",
                  lambda m: f"{m.group(1)}{max(1, min(6, int(m.group(2)) + offset))}", fragment)


def page(*, title: str, district: str, depth: int, body: str, generated: date,
         feed_title: str) -> str:
    """A whole page: ``depth`` is how many folders below the site root it sits."""
    up = "../" * depth
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} - {esc(district)}</title>
<link rel="stylesheet" href="{up}style.css">
<link rel="alternate" type="application/atom+xml" href="{up}feed.xml" title="{esc(feed_title)}">
</head>
<body>
<a class="skip" href="#main">Skip to the main content</a>
<header>
<p><strong>{esc(district)}</strong>: policies</p>
<nav aria-label="Site">
<ul>
<li><a href="{up}index.html">All policies</a></li>
<li><a href="{up}feed.xml">Subscribe to changes (Atom feed)</a></li>
</ul>
</nav>
</header>
<main id="main">
{body}</main>
<footer>
<p>Published {day(generated)}. Dates of effect begin at 00:00 local time.
Information collected under a version of a policy remains subject to that version.</p>
</footer>
</body>
</html>
"""


def table(caption: str, headers: list[str], rows: list[list[str]]) -> str:
    """A data table; cells are HTML already escaped by the caller."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return (f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}</tbody>\n</table>\n")


def link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'
