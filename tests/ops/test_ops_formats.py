"""The export-format table: which file ending writes what, and the refusal of any other."""

from __future__ import annotations

import pytest

from policyeditor.core.errors import ExportError
from policyeditor.ops.formats import FORMATS, PACKET, REDLINE, format_for, formats_for


@pytest.mark.parametrize(("name", "export", "expected"), [
    ("redline.html", REDLINE, "html"), ("REDLINE.HTM", REDLINE, "html"), ("r.pdf", REDLINE, "pdf"),
    ("r.docx", REDLINE, "docx"), ("packet.PDF", PACKET, "pdf"), ("packet.docx", PACKET, "docx"),
])
def test_the_ending_names_the_format(name, export, expected):
    assert format_for(name, export).name == expected


@pytest.mark.parametrize(("name", "export", "endings"), [
    ("redline.txt", REDLINE, ".html, .pdf, .docx"), ("redline", REDLINE, ".html, .pdf, .docx"),
    ("packet.html", PACKET, ".pdf, .docx"),
])
def test_another_ending_is_refused_with_the_endings_to_use(name, export, endings):
    with pytest.raises(ExportError) as caught:
        format_for(name, export)
    assert str(caught.value) == (f"Cannot tell what to write for \u201c{name}\u201d: "
                                 f"end the file name with {endings}.")


def test_the_table_says_which_exports_each_format_allows():
    assert [f.name for f in formats_for(REDLINE)] == ["html", "pdf", "docx"]
    assert [f.name for f in formats_for(PACKET)] == ["pdf", "docx"]
    assert FORMATS["html"].suffix == ".html" and not FORMATS["html"].allows(PACKET)
