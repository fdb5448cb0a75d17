"""Tables and quotes in the draft editor: shown as a real table and an indented quote, saved unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from policyeditor.gui.editor import DraftEditor

TEXT = ("Intro.\n\n| Item | Fee |\n| --- | --- |\n| **Copy** | $5 \\| page |\n| Scan |  |\n\n"
        "> Quoted *words*.\n\nOutro.\n")


@pytest.fixture
def editor(qtbot) -> DraftEditor:
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_table_opens_as_a_qt_table_and_saves_byte_for_byte(editor: DraftEditor) -> None:
    editor.set_text(TEXT)
    tables = [f for f in editor.document().rootFrame().childFrames()]
    assert len(tables) == 1 and tables[0].rows() == 3 and tables[0].columns() == 2
    assert editor.text() == TEXT


def test_typing_in_a_cell_changes_that_cell_only(editor: DraftEditor) -> None:
    editor.set_text(TEXT)
    table = editor.document().rootFrame().childFrames()[0]
    cursor = table.cellAt(2, 1).firstCursorPosition()
    cursor.insertText("$2")
    cursor.insertBlock()            # Enter in a cell: a second paragraph of the same cell
    cursor.insertText("each")
    assert editor.text() == TEXT.replace("| Scan |  |", "| Scan | $2 each |")


def test_a_quote_stays_a_quote_when_edited(editor: DraftEditor) -> None:
    editor.set_text(TEXT)
    cursor = editor.document().find("words")
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" More.")
    assert "> Quoted *words*. More.\n" in editor.text()


def test_a_new_table_its_rows_and_columns_and_a_quotation_from_the_format_commands(editor: DraftEditor) -> None:
    editor.set_text("Intro.\n\nOutro.\n")
    cursor = editor.document().find("Intro.")
    editor.setTextCursor(cursor)
    editor.insert_table(2, 2)
    editor.textCursor().insertText("Item")
    assert editor.add_table_row() and editor.add_table_column()
    table = editor.document().rootFrame().childFrames()[0]
    table.cellAt(1, 0).firstCursorPosition().insertText("Copy")
    table.cellAt(0, 2).firstCursorPosition().insertText("Note")
    assert editor.text() == ("Intro.\n\n| Item |  | Note |\n| --- | --- | --- |\n| Copy |  |  |\n|  |  |  |\n\n"
                             "Outro.\n")
    editor.setTextCursor(editor.document().find("Outro."))
    assert not editor.add_table_row()
    editor.set_block_kind("quote")
    assert editor.text().endswith("\n\n> Outro.\n")


def test_the_redline_pane_draws_a_table_and_counts_each_changed_cell() -> None:
    from policyeditor.core.textmodel import parse
    from policyeditor.gui.redline_html import compute_redline

    new = TEXT.replace("$5", "$6").replace("| Scan |  |", "| Scan | $2 |")
    result = compute_redline(TEXT, parse(new))
    assert "<table" in result.html and "<th" in result.html and result.changes == 2
    assert '<a name="change-1"></a>' in result.html and '<a name="change-2"></a>' in result.html
    assert "<blockquote" in result.html
