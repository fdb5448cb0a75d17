"""Tables (GFM pipe tables) and block quotes as blocks of the text model, and their redline."""

from __future__ import annotations

from policyeditor.core.redline import DELETED, EQUAL, INSERTED, compare
from policyeditor.core.textmodel import (
    CELL, HEADER_CELL, PARAGRAPH, QUOTE, RAW, Block, Document, Run, normalize, parse, serialize,
)

FEES = ("Intro.\n\n| Item | Fee |\n| --- | --- |\n| Copy | $5 per page |\n| Scan | $2 |\n\nEnd.\n")


def test_a_pipe_table_is_cells_row_by_row_and_writes_back_the_same():
    doc = parse(FEES)
    cells = [(b.kind, b.level, b.text) for b in doc.blocks[1:-1]]
    assert cells == [(HEADER_CELL, 0, "Item"), (HEADER_CELL, 1, "Fee"), (CELL, 0, "Copy"),
                     (CELL, 1, "$5 per page"), (CELL, 0, "Scan"), (CELL, 1, "$2")]
    assert serialize(doc) == FEES


def test_tables_are_canonical_alignment_dropped_short_rows_padded_pipes_escaped():
    text = "| A | B |\n|:--|--:|\n| **x** \\| y |\n"
    doc = parse(text)
    assert [b.text for b in doc.blocks] == ["A", "B", "x | y", ""]
    out = serialize(doc)
    assert out == "| A | B |\n| --- | --- |\n| **x** \\| y |  |\n"
    assert serialize(parse(out)) == out


def test_two_tables_in_a_row_stay_two_tables():
    text = "| a |\n| --- |\n| 1 |\n\n| b |\n| --- |\n| 2 |\n"
    doc = parse(text)
    assert [b.kind for b in doc.blocks] == [HEADER_CELL, CELL, HEADER_CELL, CELL]
    assert serialize(doc) == text


def test_normalize_gives_a_table_a_header_row_and_one_width():
    doc = normalize(Document((Block(CELL, (Run("a"),), 0), Block(CELL, (Run("b"),), 1),
                              Block(CELL, (Run("c"),), 0))))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        (HEADER_CELL, 0, "a"), (HEADER_CELL, 1, "b"), (CELL, 0, "c"), (CELL, 1, "")]
    assert normalize(Document((Block(CELL, (), 0), Block(CELL, (), 1)))).blocks == ()


def test_quotes_of_paragraphs_are_quote_blocks_other_quotes_stay_verbatim():
    text = "> Quoted *words*.\n\n> Second.\n\n> - a list\n\nAfter.\n"
    doc = parse(text)
    assert [b.kind for b in doc.blocks] == [QUOTE, QUOTE, RAW, PARAGRAPH]
    assert doc.blocks[0].runs[1] == Run("words", italic=True)
    assert serialize(doc) == text
    assert serialize(parse("> one\n>\n> two\n")) == "> one\n\n> two\n"


def test_a_changed_cell_is_marked_word_by_word_and_an_added_row_is_inserted():
    new = FEES.replace("$5", "$10").replace("| Scan", "| Fax | $1 |\n| Scan")
    redline = compare(FEES, new)
    by_text = {b.new_text: b for b in redline.blocks}
    fee = by_text["$10 per page"]
    assert [(s.op, s.text) for s in fee.segments] == [
        (EQUAL, "$"), (DELETED, "5"), (INSERTED, "10"), (EQUAL, " per page")]
    assert by_text["Fax"].status == INSERTED and by_text["$1"].status == INSERTED
    assert by_text["Scan"].status == EQUAL


def test_cells_are_compared_with_cells_not_with_the_paragraph_after_the_table():
    new = FEES.replace("| Scan | $2 |\n", "").replace("End.", "> A new quote.\n\nEnd.")
    redline = compare(FEES, new)
    deleted = [b.old_text for b in redline.blocks if b.status == DELETED]
    inserted = [b.new_text for b in redline.blocks if b.status == INSERTED]
    assert deleted == ["Scan", "$2"] and inserted == ["A new quote."]


def test_random_tables_and_quotes_write_back_the_same_and_keep_their_cells():
    import random

    alphabet = list("ab |\\*_`[]()<>#-:!&;1.>~=+ ") + ["\u00e9", "\u00a0"]
    rng = random.Random(7)
    for _ in range(800):
        blocks = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.choice([CELL, CELL, HEADER_CELL, QUOTE, PARAGRAPH])
            runs = tuple(Run("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))),
                             rng.random() < .3, rng.random() < .3, rng.choice([None, None, "https://x.org/?a=1"]))
                         for _ in range(rng.randint(0, 3)))
            blocks.append(Block(kind, runs, rng.randint(0, 3)))
        doc = normalize(Document(tuple(blocks)))
        text = serialize(doc)
        again = parse(text)
        assert serialize(again) == text
        assert [(b.kind, b.level, b.text) for b in again.blocks] == [(b.kind, b.level, b.text) for b in doc.blocks]


def test_a_table_of_one_header_row_before_another_table_stays_apart():
    doc = normalize(Document((Block(HEADER_CELL, (Run("a"),), 0), Block(HEADER_CELL, (Run("b"),), 1),
                              Block(HEADER_CELL, (Run("c"),), 0), Block(CELL, (Run("1"),), 0))))
    assert serialize(doc) == "| a | b |\n| --- | --- |\n\n| c |\n| --- |\n| 1 |\n"
