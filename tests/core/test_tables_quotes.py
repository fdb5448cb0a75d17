"""Tables (GFM pipe tables) and block quotes as blocks of the text model, and their redline."""

from __future__ import annotations

from policyeditor.core.redline import CHANGED, DELETED, EQUAL, INSERTED, compare
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


# ---------------------------------------------------------------- row-aware table redlines

def _docx_texts(old, new) -> tuple[list[str], list[str]]:
    """Accept All and Reject All texts of the redline written as a Word document."""
    import sys
    from datetime import datetime, timezone
    from pathlib import Path

    import docx

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
    from docx_revisions import W, body_of, texts

    from policyeditor.export.docx import TrackedWriter, docx_bytes

    document = docx.Document()
    body = document.element.body
    for p in body.findall(W + "p"):
        body.remove(p)
    TrackedWriter(document, "Clerk", datetime(2026, 1, 2, tzinfo=timezone.utc)).add_redline(compare(old, new))
    body = body_of(docx_bytes(document))
    return texts(body, "accept"), texts(body, "reject")


def _plain(doc: Document) -> list[str]:
    return [" ".join(b.text.split()) for b in doc.blocks]


def _rows(redline) -> list[list[tuple[str, str]]]:
    from policyeditor.core.textdoc import table_rows

    start = next(k for k, b in enumerate(redline.blocks) if b.style.kind in (HEADER_CELL, CELL))
    rows, _ = table_rows(redline.blocks, start)
    return [[(redline.blocks[k].status, redline.blocks[k].new_text or redline.blocks[k].old_text)
             for k in row] for row in rows]


ROWS = ("| Item | Fee | Note |\n| --- | --- | --- |\n| Copy | $5 per page | paper |\n"
        "| Scan | $2 | pdf |\n| Fax | $1 per page | old |\n| Mail | $3 | post |\n")


def test_a_table_redline_keeps_rows_whole_a_deleted_row_then_a_changed_one_and_an_added_row():
    # The changed fee is the deleted row's: a cell-by-cell diff paired it there.
    new = (ROWS.replace("| Scan | $2 | pdf |\n", "").replace("$1 per page", "$2")
           + "| Email | free | none |\n")
    redline = compare(ROWS, new)
    rows = _rows(redline)
    assert rows == [
        [(EQUAL, "Item"), (EQUAL, "Fee"), (EQUAL, "Note")],
        [(EQUAL, "Copy"), (EQUAL, "$5 per page"), (EQUAL, "paper")],
        [(DELETED, "Scan"), (DELETED, "$2"), (DELETED, "pdf")],
        [(EQUAL, "Fax"), (CHANGED, "$2"), (EQUAL, "old")],
        [(EQUAL, "Mail"), (EQUAL, "$3"), (EQUAL, "post")],
        [(INSERTED, "Email"), (INSERTED, "free"), (INSERTED, "none")],
    ]
    fee = [b for b in redline.blocks if b.new_text == "$2"][0]
    assert [(s.op, s.text) for s in fee.segments] == [
        (EQUAL, "$"), (DELETED, "1 per page"), (INSERTED, "2")]
    accept, reject = _docx_texts(ROWS, new)
    assert accept == _plain(parse(new)) and reject == _plain(parse(ROWS))


def test_a_column_added_or_removed_is_a_cell_inserted_or_deleted_in_each_row():
    new = "| Item | Fee |\n| --- | --- |\n| Copy | $5 per page |\n| Scan | $3 |\n"
    redline = compare(ROWS, new)
    rows = _rows(redline)
    assert [len(r) for r in rows] == [3, 3, 3, 3, 3]
    assert rows[0] == [(EQUAL, "Item"), (EQUAL, "Fee"), (DELETED, "Note")]
    for old, new_ in ((ROWS, new), (new, ROWS)):
        accept, reject = _docx_texts(old, new_)
        assert accept == _plain(parse(new_)) and reject == _plain(parse(old))


def test_random_row_and_cell_edits_accept_gives_new_and_reject_gives_old():
    import random

    from policyeditor.core.textmodel import serialize

    rng = random.Random(11)
    words = ["fee", "copy", "$5", "page", "scan", "days", "30", "each", "none", "form"]

    def cell() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))

    def table(rows: list[list[str]]) -> str:
        width = len(rows[0])
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "Before.\n\n" + "\n".join(lines) + "\n\nAfter.\n"

    for _ in range(150):
        width = rng.randint(1, 4)
        old_rows = [[cell() for _ in range(width)] for _ in range(rng.randint(2, 7))]
        new_rows = [list(r) for r in old_rows]
        for _ in range(rng.randint(1, 4)):
            action = rng.random()
            body = len(new_rows) - 1
            if action < .1 and len(new_rows[0]) > 1:
                column = rng.randrange(len(new_rows[0]))
                for row in new_rows:
                    del row[column]
            elif action < .2:
                column = rng.randint(0, len(new_rows[0]))
                for row in new_rows:
                    row.insert(column, cell())
            elif action < .4 and body > 1:
                del new_rows[rng.randint(1, body)]
            elif action < .65:
                new_rows.insert(rng.randint(1, body + 1), [cell() for _ in new_rows[0]])
            else:
                row = new_rows[rng.randint(0, body)]
                row[rng.randrange(len(row))] = cell()
        old, new = parse(table(old_rows)), parse(table(new_rows))
        accept, reject = _docx_texts(serialize(old), serialize(new))
        assert accept == _plain(new), (table(old_rows), table(new_rows))
        assert reject == _plain(old), (table(old_rows), table(new_rows))
        rows = _rows(compare(old, new))
        kept = [r for r in rows if any(s != DELETED for s, _ in r)]
        dropped = [r for r in rows if any(s != INSERTED for s, _ in r)]
        assert len(kept) == len(new_rows) and len(dropped) == len(old_rows)
