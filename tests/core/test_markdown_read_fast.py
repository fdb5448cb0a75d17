"""The Markdown reader's shortcuts give the document of a plain, whole-text parse.

``markdown_read.parse`` cuts the text at blank lines, reuses the chunks of the
text it read last (a redline reads two texts sharing most chunks) and leaves
out markdown-it rules that cannot match. Each test compares it with the
reader without any of that: markdown-it's full CommonMark + tables on the
whole text.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from policyeditor.core import markdown_read
from policyeditor.core.textdoc import Document, normalize
from shared_data import CORPORA

_PLAIN = MarkdownIt("commonmark").enable("table")


def plain_parse(text: str) -> Document:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body = markdown_read.split_front_matter(text)
    return normalize(Document(tuple(markdown_read._blocks(_PLAIN.parse(body), body.split("\n"))), front))


TRICKY = [
    # HTML blocks of kinds 1-5 run across blank lines to their closer.
    "<!-- a comment\n\nstill the comment -->\n\nafter\n\n- x\n\n- y\n\n  y's second paragraph\n",
    "<script>\n\nx\n\n</SCRIPT>\n\nafter\n\n<?php\n\n?>\n\n<!DOCTYPE\n\n>\n\ny\n\n<![CDATA[\n\n]]>\n\nz",
    "text\n\n<pre>\n\n  kept\n\n</pre>\n\n<style>\n\n", "z <!--\n\nq\n\n-->", "<!-->\n\nx\n\n--><!--\n\ny\n\n-->\n\nw",
    # Fenced code and link reference definitions: no cut at all.
    "```\na\n\nb\n```\n\nc", "~~~\n\n~~~", "[x]: /u\n\n[x]\n\nd", "[y]\n\n[y]:\n/v",
    # Lists, quotes, code, rules, setext headings, tables, inline HTML and autolinks.
    "1. a\n\n3. b\n\n   * c\n\n     d\n\ne", "> q\n\n> r\n\nt\n===\n\n---\n\n***\n\n    code\n\n    more\n\nw",
    "&amp; `c` \\* ![i](u) <b>x</b> <http://a> _ _ _\n\n- - -\n\n  ---",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\npara\n\n<div>\n\nblock\n\n</div>\n\nend",
    "---\ntitle: x\n---\n\n# Heading\n\nBody text.\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_read_as_a_plain_parse_reads_them(text):
    markdown_read.parse("unrelated\n\ntext")
    assert markdown_read.parse(text) == plain_parse(text)
    assert markdown_read.parse(text) == plain_parse(text)      # its chunks now reused


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_and_edited_corpus_read_as_a_plain_parse_reads_them(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.md"))]
    assert texts
    rng = random.Random(12)
    pieces = ["", "", "<!--", "-->", "<pre>", "</pre>", "- item", "  indented", "    code", "> quote",
              "1. one", "---", "===", "| a | b |", "|---|---|", "<?", "?>", "<!X", ">", "* * *", "<div>",
              "&amp;", "\\", "`x`", "```", "[r]: /u"]
    previous = ""
    for text in texts:
        lines = text.split("\n")
        for _ in range(rng.randint(1, 6)):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(pieces))
        edited = "\n".join(lines)
        for one in (text, edited):
            markdown_read.parse(previous)
            assert markdown_read.parse(one) == plain_parse(one)
        previous = text


LINES = st.sampled_from(["", "", "", "para text", "*em* **strong**", "- item", "  - nested", "    code",
                         "> quote", "1. one", "2) two", "---", "===", "| a | b |", "|---|---|", "<!--", "-->",
                         "<pre>", "</pre>", "<div>", "<?x", "?>", "<!A", ">", "# head", "[l](u)", "<u@x.y>"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(LINES, max_size=30), st.lists(LINES, max_size=30))
def test_line_soup_reads_as_a_plain_parse_reads_it(first, second):
    markdown_read.parse("\n".join(first))
    text = "\n".join(first + second)
    assert markdown_read.parse(text) == plain_parse(text)


def plain_written_lines(text: str) -> dict[str, str]:
    found = {}
    for tok in _PLAIN.parse(text):
        if tok.type == "inline" and tok.map and tok.map[1] - tok.map[0] > 1:
            found[" ".join(tok.content.split())] = tok.content
    return found


@pytest.mark.parametrize("corpus", CORPORA)
def test_paragraphs_written_on_several_lines_are_found_as_a_plain_parse_finds_them(corpus):
    # The import keeps a paragraph's lines (a history line written on several is found).
    texts = TRICKY + ["one\ntwo\n\n- three\n  four\n\n> five\n> six\n\n| a |\n|---|\n| b |\n\nseven\n eight  nine\n"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.md"))]
    wrapped = 0
    for text in texts:
        expected = plain_written_lines(text)
        wrapped += bool(expected)
        assert markdown_read.written_lines(text) == expected
        assert markdown_read.written_lines(text) == expected     # its chunks now reused
        markdown_read.parse(text)                                # as the import does: parse, then lines
        assert markdown_read.written_lines(text) == expected
    assert wrapped


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(LINES, max_size=30), st.lists(LINES, max_size=30))
def test_line_soup_lines_are_found_as_a_plain_parse_finds_them(first, second):
    markdown_read.written_lines("\n".join(first))
    text = "\n".join(first + second)
    assert markdown_read.written_lines(text) == plain_written_lines(text)
    markdown_read.parse("---\nfront: matter\n---\n" + text)
    assert markdown_read.written_lines(text) == plain_written_lines(text)
