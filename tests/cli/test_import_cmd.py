"""policyeditor import through policyeditor.cli.main: a report line per document, exit 2 on a refusal."""

from __future__ import annotations

import sys
from pathlib import Path

from policyeditor.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ops"))
from _importdocs import word_policy  # noqa: E402


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_a_folder_twice_and_diff_two_word_files(capsys, tmp_library, tmp_path, state_of):
    folder = tmp_path / "manual"
    folder.mkdir()
    word_policy(folder / "IJNDC.docx")
    (folder / "Old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    lib = str(tmp_library.path)
    before = state_of(tmp_library.path)
    code, out, err = run(capsys, "--library", lib, "import", str(folder), "--dry-run")
    assert code == 2 and "would import IJNDC.docx: website-privacy: Website Privacy [IJNDC]" in out
    assert "would refuse Old.doc: Old.doc is an old Word document" in out and "Nothing was written" in out
    assert state_of(tmp_library.path) == before
    code, out, err = run(capsys, "--library", lib, "import", str(folder))
    assert code == 2
    assert "imported  IJNDC.docx: website-privacy: Website Privacy [IJNDC], 2 legacy versions" in out
    assert 'refused   Old.doc: Old.doc is an old Word document (.doc)' in out
    assert "1 imported, 0 already in the library, 1 refused." in out
    assert "Nothing was written for the refused documents" in err
    before = state_of(tmp_library.path)
    code, out, _ = run(capsys, "--library", lib, "import", str(folder / "IJNDC.docx"))
    assert code == 0 and "unchanged IJNDC.docx: already in the library as website-privacy" in out
    assert state_of(tmp_library.path) == before
    code, out, err = run(capsys, "diff", str(folder / "IJNDC.docx"), str(folder / "IJNDC.docx"), "--stats")
    assert code == 0 and '"change_class"' in out


def test_a_document_naming_nothing_asks_for_its_title(capsys, tmp_library, tmp_path):
    (tmp_path / "0001.txt").write_text("Visitors sign in.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--library", str(tmp_library.path), "import", str(tmp_path / "0001.txt"))
    assert code == 2 and "Neither 0001.txt nor its name says which policy it is" in out and "--title" in out
    code, out, _ = run(capsys, "--library", str(tmp_library.path), "import", str(tmp_path / "0001.txt"),
                       "--title", "Visitors", "--code", "KI")
    assert code == 0 and "imported  0001.txt: visitors: Visitors [KI], no versions (draft only)" in out
