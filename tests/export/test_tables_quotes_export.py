"""Tables and quotes drawn as real tables and indented quotes in HTML, print HTML and DOCX."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import docx

from policyeditor.core.redline import compare
from policyeditor.export.docx import docx_bytes, redline_docx
from policyeditor.export.html import PageParts, redline_fragment
from policyeditor.export.pdf import qt_redline_html

OLD = "Intro.\n\n| Item | Fee |\n| --- | --- |\n| Copy | $5 per page |\n| Old | gone |\n\nEnd.\n"
NEW = "Intro.\n\n| Item | Fee |\n| --- | --- |\n| Fax | $1 |\n| Copy | $10 per page |\n\n> A quote.\n\nEnd.\n"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_web_html_has_a_table_with_marked_cells_and_added_and_removed_rows():
    html = redline_fragment(compare(OLD, NEW))
    assert '<table class="policy-table">' in html and "<th" in html and "|" not in html
    assert '<tr class="row-inserted">' in html and '<tr class="row-deleted">' in html
    assert "<del><span class=\"sr-only\">[deleted: </span>5" in html
    assert '<blockquote class="block">' in html


def test_print_html_draws_a_bordered_table_and_an_indented_quote():
    html = qt_redline_html(compare(OLD, NEW))
    assert '<table border="1"' in html and html.count("<tr") == 4
    table = html[html.index("<table"):html.index("</table>")]
    assert "\u00b6" not in table and "Paragraph break" not in table   # rows and cells show their own bounds
    assert "margin-left:36px; margin-right:36px" in html


def test_docx_has_a_word_table_with_changes_tracked_in_cells_and_rows():
    data = docx_bytes(redline_docx(compare(OLD, NEW), PageParts("Fees"), author="Clerk",
                                   when=datetime(2026, 1, 2, tzinfo=timezone.utc)))
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style.name == "Table Grid" and len(table.rows) == 4
    fee = table.rows[2].cells[1]._tc
    assert [t.text for t in fee.iter(W + "delText")] == ["5"]
    assert [t.text for t in fee.iter(W + "t")] == ["$", "10", " per page"]
    assert table.rows[1]._tr.find(W + "trPr").find(W + "ins") is not None
    assert table.rows[3]._tr.find(W + "trPr").find(W + "del") is not None
    assert any(p.style.name == "Quote" for p in document.paragraphs)
