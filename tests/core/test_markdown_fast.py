"""markdown-it-pyrs reads a chunk as markdown-it-py reads it, or leaves it to markdown-it-py.

``markdown_fast.read_chunk`` gives (blocks, written lines) for the chunks it
accepts; each test compares them with what markdown-it-py gives for the same
chunk (``markdown_read._blocks`` and ``_written``), blocks compared as the
reader returns them (normalized). The regression texts are what earlier
versions of the fast reader read differently: each must now agree or be refused.
"""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from policyeditor.core import markdown_fast, markdown_read
from policyeditor.core.textdoc import Document, normalize
from shared_data import CORPORA, DATA

_PLAIN = MarkdownIt("commonmark").enable("table")

pytestmark = pytest.mark.skipif(not markdown_fast.available(), reason="markdown-it-pyrs is not installed")


def slow(chunk: str):
    tokens = _PLAIN.parse(chunk)
    return normalize(Document(tuple(markdown_read._blocks(tokens, chunk.split("\n"))))), markdown_read._written(tokens)


def agree(chunk: str) -> bool:
    """True when the chunk is read here as markdown-it-py reads it; False when it is refused.

    Read with its written lines and without them (the redline's reading: paragraphs written
    on several lines in lists are read then, and the lines are None when one was)."""
    expected = slow(chunk)
    fast = markdown_fast.read_chunk(chunk)
    if fast is not None:
        assert (normalize(Document(fast[0])), fast[1]) == expected, chunk
    blocks_only = markdown_fast.read_chunk(chunk, lines=False)
    if blocks_only is not None:
        assert normalize(Document(blocks_only[0])) == expected[0], chunk
        assert blocks_only[1] is None or blocks_only[1] == expected[1], chunk
    assert fast is None or blocks_only is not None, chunk        # without lines, never less is read
    return fast is not None or blocks_only is not None


# What earlier versions read apart from markdown-it-py (found by the soups below).
REGRESSIONS = [
    ",  \xa0", "# \u2003/", "\xa0- x *y*", "a [12.](\xa0\n   ",            # Unicode spaces at the edges
    "](http://a.b/c)$^__=\u20ac*%%20#x***10.", "x \u20ac*y*", "*\u00a3*a",     # symbols beside * and _
    "+ ****__{word\u200b\n    1:\u00e9word \"10. ~~](\u00df\n   =\u202e10.\n   [****](~~",  # bad offsets
    "_i\ny*_***\"*", "_\u00efx\ny*_***\"*",                                    # delimiters across a line
    "- [- %20](\n 2) x", "[a](/x 'ti\ntle') b\n\n- [c](/y 'ti\ntle')",         # a link over two lines
    "[x](mailto:x@y-1\u00e92)", "[x](http://b\u00fccher.de/\u00e4)",          # a host in punycode
    "a\n---:", "x | y\n-:", "\"# @%\n  -:",                                   # tables without pipes
    "mailto:x@y\n  <b>\n---:", "(c)1\n   <b>\n:-:",                           # <tag> breaking a paragraph
    "<!word<a@b.cd>.x", "<?php x ?>", "- 1. <div>^\n   + x",                  # declarations, HTML in lists
    "<https://x.org/%41> and <x@y.org>", "- <https://x.org/a> b",             # autolinks
    "| b | c |\n|--|--|\n 2) > x| b | c |\n|--|--|\n| a |",                 # a table and what breaks it
    "---\n\n* * *\n\n  ___  ", "- a\n\n  ---", "x\n===\n\ny\n---",          # rules, setext headings
    "# h\n<b>x", "---\n<div>\nx\n</div>", "<!-- a -->\n<b>", "a\n<b>\nc",         # HTML after a block
    "1. The first item\n2. The\n> quote\n6. \u201cContent\u201d refers to content\n7. An item",  # lazy lines
]


@pytest.mark.parametrize("chunk", REGRESSIONS)
def test_a_text_read_apart_before_now_agrees_or_is_refused(chunk):
    for piece in markdown_read._chunks(chunk):
        agree(piece)


def test_a_policy_is_read_by_the_fast_reader():
    # If the wheel or the checks stopped accepting ordinary policy text, the reader would
    # still be right but slow: the seed policy's chunks are read here, nearly all of them.
    text = (DATA / "seeds" / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
    chunks = markdown_read._chunks(markdown_read.split_front_matter(text)[1])
    read = sum(agree(chunk) for chunk in chunks)
    assert read >= 0.9 * len(chunks), (read, len(chunks))
    assert agree("# Heading\n\n1. **Run-in.** A [link](https://example.org/a) and *words*.\n   - nested item\n")
    assert agree("| Fee | Amount |\n| --- | --- |\n| Copy | $0.10 |\n")
    assert agree("A paragraph\nwritten on two lines.")
    assert agree("# A **bold** heading\nA paragraph written\non two lines, without marks.")


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_chunk_of_the_corpus_agrees_or_is_refused(corpus):
    seen: set[str] = set()
    read = 0
    for path in sorted(corpus.rglob("*.md")):
        body = markdown_read.split_front_matter(path.read_text(encoding="utf-8").replace("\r\n", "\n"))[1]
        for chunk in markdown_read._chunks(body):
            if chunk not in seen:
                seen.add(chunk)
                read += agree(chunk)
    assert read > 0.8 * len(seen)


PIECES = ["*", "**", "_", "__", "***", "[", "]", "(", ")", "](", "](http://a.b/c)", "](/x 'ti\ntle')",
          "](<a b>)", "](http://b\u00fccher.de/\u00e4)", "](mailto:\u00e9@\u00fc.de)", " ", "  ", "\n", "\n\n",
          "\n  ", "\n   ", "\n    ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "# ", "## ", "#", "> ",
          "=", "===", "---", "\n---\n", "\n* * *", "a", "word", "\u00dcn\u00ef", "\u00df", "$", "\u20ac", "+",
          "-", ".", ",", "!", "?", "\"", "'", "\u00a0", "\u2003", "(c)", "1", "12.", "\u00e9", "\u65e5\u672c",
          "~", "^", "%", "%20", "javascript:", "mailto:x@y", ":", "/", "\u200b", "\u202e", "|", "| a |",
          "|---|", "|:-:|", "\n|", "| b | c |\n|--|--|\n", "\n-:", "\n:-:", "<", "<!-- c -->", "<div>",
          "</div>", "<b>", "<https://x.org/a>", "<a@b.cd>", "\n<!--\n", "-->"]


@pytest.mark.parametrize("seed", range(4))
def test_soups_of_markdown_punctuation_agree_or_are_refused(seed):
    rng = random.Random(seed)
    read = 0
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))).lstrip(" \t\n") or "x"
        for chunk in markdown_read._chunks(text):
            read += agree(chunk)
    assert read > 150


def test_tables_of_pipe_rows_agree_or_are_refused():
    rng = random.Random(5)
    cells = ["a", "b c", "**b**", "*i*", "[l](http://x.y)", " ", "", "\u65e5\u672c", "\u00e9*", "-", ":-:",
             "---", "*", "_", "1.", "> q", "# h"]
    read = 0
    for _ in range(3000):
        lines = []
        for row in range(rng.randint(1, 5)):
            n = max(0, rng.randint(1, 4) + rng.choice([0, 0, 0, 1, -1]))
            line = "|" + "|".join(f" {rng.choice(cells)} " for _ in range(n)) + "|"
            if row == 1 and rng.random() < 0.7:
                line = "|" + "|".join(rng.choice(["---", ":--", "--:", ":-:", "-"]) for _ in range(max(n, 1))) + "|"
            lines.append(rng.choice(["", "", " ", "    "]) + line + rng.choice(["", " ", "\t"]))
        read += agree("\n".join(lines) + rng.choice(["", "\n"]))
    assert read > 300


def test_lists_written_on_several_lines_are_read_for_their_blocks():
    # The redline needs the blocks only: a list item's paragraph written on several lines (lazy
    # lines too) is read here then, its written lines left unknown (None); with the lines
    # wanted it goes to markdown-it-py, which works out how the lines were written.
    chunk = ("---\ntitle: A policy\nredirect_from:\n  - /privacy\n  - /privacy-policy\nversions:\n"
             "  fpt: '*'\n---\n<!-- markdownlint-disable -->")
    assert markdown_fast.read_chunk(chunk) is None
    blocks, lines = markdown_fast.read_chunk(chunk, lines=False)
    assert lines is None and agree(chunk)
    chunk = ("  1. **Specifically on these pages**\n\n     Any page with cookies links to settings.\n"
             "  1. **Generally for all websites**\n  You can control cookies with tools.")
    assert markdown_fast.read_chunk(chunk, lines=False) is not None and agree(chunk)
    # a quote could take a lazy line: not read
    assert markdown_fast.read_chunk("- a\nb\n> c", lines=False) is None


def test_bold_on_one_line_and_underscores_in_words_do_not_stop_a_paragraph_of_several_lines():
    assert agree("The **Board** meets\nmonthly; see redirect_from and **the clerk**.")
    assert markdown_fast.read_chunk("The **Board** meets\nmonthly, see **the clerk**.") is not None
    # delimiters that might pair across the line: refused
    assert markdown_fast.read_chunk("The *Board meets\nmonthly* here.") is None
    assert markdown_fast.read_chunk("The **Board**x meets\nmonthly **a**.") is None


_LIST_WORDS = ["word", "redirect_from", "a_b", "'*'", "**bold**", "**two words**", "(**p**)", "**x**.", "_em_",
               "*em*", "x*", "*", "_", "__", "**", "\u2019s", "caf\u00e9", "[link](http://a.b)", "[**l**](http://a.b)",
               "***", "a__b", "_a", "b_", "**a*", "*a**", ":", "-", "fpt:", "1.", "#", "x", "**a**b", "**b**:"]


@pytest.mark.parametrize("seed", range(3))
def test_lists_and_paragraphs_of_several_lines_agree_or_are_refused(seed):
    rng = random.Random(seed)
    read = 0
    for _ in range(1500):
        lines = []
        for _ in range(rng.randint(1, 7)):
            words = " ".join(rng.choice(_LIST_WORDS) for _ in range(rng.randint(1, 6)))
            lines.append(rng.choice(["", "", "", "  ", "   ", "    ", " "]) +
                         rng.choice(["", "", "", "- ", "* ", "+ ", "1. ", "2) "]) + words)
        text = "\n".join(lines).lstrip(" \n") or "x"
        for chunk in markdown_read._chunks(text):
            read += agree(chunk)
    assert read > 300


def test_a_delimiters_non_ascii_neighbour_is_found_from_either_side():
    # _odd_neighbour looks at the few non-ASCII characters and their neighbours: the same
    # answer as looking beside each run of * and _ (its definition)
    import re
    import unicodedata

    def beside_runs(chunk):
        return any(0 <= at < len(chunk) and ord(chunk[at]) > 127 and unicodedata.category(chunk[at])[0] not in "LN"
                   for run in re.finditer(r"[*_]+", chunk) for at in (run.start() - 1, run.end()))

    rng = random.Random(7)
    alphabet = list("*_a \u2019\u00e9\u20ac\u00a0\n\u65e5")
    for _ in range(20000):
        chunk = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert markdown_fast._odd_neighbour(chunk) == beside_runs(chunk), repr(chunk)
