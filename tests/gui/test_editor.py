"""The draft editor on real Qt (offscreen): text model in, text model out.

Open-and-save must not change a byte; typing, formatting, lists, links, undo,
find/replace and pasting from Word must give the canonical Markdown a person
would expect.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from policyeditor.core import textmodel as tm
from policyeditor.gui.editor import DraftEditor, FindBar
from policyeditor.gui.editor.paste import document_from_html
from shared_data import CORPUS, SEEDS


def _texts() -> list[Path]:
    files = sorted(p for p in SEEDS.glob("*") if p.suffix in (".md", ".txt"))
    manifest = CORPUS / "manifest.json"
    if manifest.is_file():
        files += sorted(p for p in CORPUS.glob("*/*") if p.is_file())[::8]
    return files


@pytest.fixture
def editor(qtbot) -> DraftEditor:
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _put_cursor(editor: DraftEditor, needle: str, select: bool = True) -> None:
    found = editor.document().find(needle)
    assert not found.isNull(), needle
    if not select:
        found.clearSelection()
    editor.setTextCursor(found)


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_canonical_text_survives_the_editor_byte_for_byte(editor: DraftEditor, path: Path) -> None:
    canonical = tm.canonical(path.read_text(encoding="utf-8"))
    editor.set_text(canonical)
    assert editor.text() == canonical                 # unchanged: the loaded bytes
    editor.document().setModified(True)               # forces the conversion back
    assert editor.text() == canonical


def test_unchanged_noncanonical_text_is_returned_as_loaded(editor: DraftEditor) -> None:
    odd = "Title\n=====\n\n* one\n* two\n\nsome   spaced  text\n"
    editor.set_text(odd)
    assert editor.text() == odd
    assert not editor.is_modified()


def test_typing_marks_modified_and_reaches_the_text(qtbot, editor: DraftEditor) -> None:
    editor.set_text("# Policy\n\nFirst paragraph.\n")
    _put_cursor(editor, "paragraph.", select=False)
    qtbot.keyClicks(editor, " More words")
    assert editor.is_modified()
    assert editor.text() == "# Policy\n\nFirst paragraph. More words\n"
    editor.undo()
    assert editor.text() == "# Policy\n\nFirst paragraph.\n"


def test_bold_italic_and_link_become_markdown(editor: DraftEditor) -> None:
    editor.set_text("Users may read the notice here.\n")
    _put_cursor(editor, "read")
    editor.set_bold(True)
    _put_cursor(editor, "notice")
    editor.set_italic(True)
    _put_cursor(editor, "here")
    editor.set_link("https://example.org/notice")
    assert editor.text() == "Users may **read** the *notice* [here](https://example.org/notice).\n"
    _put_cursor(editor, "read")
    editor.set_bold(False)
    assert editor.text().startswith("Users may read the")


def test_headings_lists_and_nesting(editor: DraftEditor) -> None:
    editor.set_text("Scope\n\nStaff\n\nStudents\n\nVisitors\n\nEnd.\n")
    _put_cursor(editor, "Scope")
    editor.set_block_kind(tm.HEADING, 2)
    for word in ("Staff", "Students", "Visitors"):
        _put_cursor(editor, word)
        editor.set_block_kind(tm.BULLET)
    _put_cursor(editor, "Students")
    editor.change_list_level(+1)
    assert editor.text() == "## Scope\n\n- Staff\n    - Students\n- Visitors\n\nEnd.\n"
    _put_cursor(editor, "Staff")
    editor.set_block_kind(tm.NUMBERED)
    assert "1. Staff" in editor.text()
    _put_cursor(editor, "Scope")
    editor.set_block_kind(tm.PARAGRAPH)
    assert editor.text().startswith("Scope\n\n")


def test_enter_after_a_heading_starts_a_paragraph(qtbot, editor: DraftEditor) -> None:
    editor.set_text("# Title\n")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Body text")
    assert editor.text() == "# Title\n\nBody text\n"


def test_raw_markdown_the_editor_does_not_model_is_kept(editor: DraftEditor) -> None:
    text = "Intro.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nOutro.\n"
    canonical = tm.canonical(text)
    editor.set_text(canonical)
    _put_cursor(editor, "Outro.", select=False)
    editor.textCursor().insertText(" Done")
    assert editor.text() == canonical.replace("Outro.", "Outro. Done")


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
p.MsoNormal {font-family: Calibri}</style></head><body lang=EN-US>
<p class=MsoNormal><span style='font-size:14pt;color:#C00000;font-family:"Times New Roman"'>Plain
<b>strong words</b> and <i>slanted</i> and <span style='font-weight:bold'>styled bold</span>.</span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]>
<span style='font-family:Symbol'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>
<![endif]>First item<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:1in;text-indent:-.25in;mso-list:l0 level2 lfo1'>
<![if !supportLists]><span>o<span>&nbsp;</span></span><![endif]>Nested item</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;</span>
</span><![endif]>Numbered item</p>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
<p><a href="https://evil.example/">a link</a> <img src="x.png"> <font color=red>red</font></p>
</body></html>"""


def test_paste_from_word_keeps_bold_italic_and_lists_only(editor: DraftEditor) -> None:
    doc = document_from_html(WORD_HTML)
    assert tm.serialize(doc) == (
        "Plain **strong words** and *slanted* and **styled bold**.\n\n"
        "- First item\n    - Nested item\n1. Numbered item\n\ncell one cell two\n\na link red\n"
    )
    editor.set_text("Before.\n")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    editor.setTextCursor(cursor)
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    editor.insertFromMimeData(mime)
    text = editor.text()
    assert text.startswith("Before.\n\nPlain **strong words** and *slanted*")
    assert "- First item\n    - Nested item\n" in text
    assert "evil.example" not in text and "font" not in text.lower()


def test_paste_plain_text_inside_a_paragraph(editor: DraftEditor) -> None:
    editor.set_text("One two.\n")
    _put_cursor(editor, "two", select=True)
    mime = QMimeData()
    mime.setText("three")
    editor.insertFromMimeData(mime)
    assert editor.text() == "One three.\n"


def test_find_and_replace(qtbot, editor: DraftEditor) -> None:
    editor.set_text("his/her rights; his/her data.\n\nHis/her notice.\n")
    bar = FindBar(editor)
    qtbot.addWidget(bar)
    bar.open_bar()
    bar.find_edit.setText("his/her")
    assert bar.find_next()
    assert editor.textCursor().selectedText() == "his/her"
    bar.replace_edit.setText("the user's")
    assert bar.replace_all() == 3
    assert editor.text() == "the user's rights; the user's data.\n\nthe user's notice.\n"
    editor.undo()                                    # one step for the whole replace-all
    assert editor.text() == "his/her rights; his/her data.\n\nHis/her notice.\n"
    bar.case_box.setChecked(True)
    bar.find_edit.setText("absent")
    assert not bar.find_next()
    assert bar.status.text() == "Not found"


def test_corpus_manifest_is_readable() -> None:
    """The corpus the round-trip test samples is where the brief says."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    assert manifest
