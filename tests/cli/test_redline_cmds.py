"""diff, redline and packet through policyeditor.cli.main, on files and the demo library."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from policyeditor.cli import main
from shared_data import SEEDS

OLD, NEW = SEEDS / "website-privacy-2009.md", SEEDS / "website-privacy-2018-draft.md"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def status(path: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=path, capture_output=True, text=True).stdout


def test_diff_stats_as_json(capsys):
    code, out, err = run(capsys, "diff", str(OLD), str(NEW), "--stats")
    assert (code, err) == (0, "")
    stats = json.loads(out)
    assert stats["words_deleted"] == 15 and stats["paragraphs_inserted"] == 1
    assert stats["change_class"] == "substantive"
    assert stats["sections"][0] == "Personally Identifiable Information"


def test_diff_writes_each_format(qapp, capsys, tmp_path):
    for name in ("r.html", "r.pdf", "r.docx"):
        code, out, err = run(capsys, "diff", str(OLD), str(NEW), "-o", str(tmp_path / name))
        assert code == 0 and err == "" and out.startswith(f"Wrote {tmp_path / name}")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<del>" in html and "the user&#x27;s" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.html", "r.pdf"]


def test_diff_of_text_files_one_paragraph_a_line(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("First line stays.\nSecond line old.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("First line stays.\nSecond line new.\n", encoding="utf-8")
    code, out, _ = run(capsys, "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--stats")
    stats = json.loads(out)
    assert code == 0 and (stats["words_inserted"], stats["words_deleted"], stats["paragraphs_changed"]) == (1, 1, 1)


def test_diff_refusals_are_plain_and_write_nothing(capsys, tmp_path):
    code, out, err = run(capsys, "diff", str(OLD), str(NEW), "-o", str(tmp_path / "r.txt"))
    assert code == 2 and "end the file name with .html, .pdf, .docx" in err and "Traceback" not in err
    code, _, err = run(capsys, "diff", str(tmp_path / "missing.md"), str(NEW), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "cannot be read" in err
    (tmp_path / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    code, _, err = run(capsys, "diff", str(tmp_path / "latin1.md"), str(NEW), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "UTF-8" in err
    code, _, err = run(capsys, "diff", str(OLD), str(NEW))
    assert code == 2 and "-o FILE.html" in err
    assert [p.name for p in tmp_path.iterdir()] == ["latin1.md"]


def test_redline_of_the_draft_against_the_version_in_force(qapp, capsys, demo_path, tmp_path):
    target = tmp_path / "redline.html"
    code, out, err = run(capsys, "--library", str(demo_path), "redline", "website-privacy", "-o", str(target))
    assert (code, err) == (0, "")
    html = target.read_text(encoding="utf-8")
    assert "compared with version 1" not in html and "<ins>" in html      # no tool text unless asked
    code, out, err = run(capsys, "--library", str(demo_path), "redline", "website-privacy", "--summary",
                         "-o", str(target))
    assert (code, err) == (0, "")
    assert "compared with version 1" in target.read_text(encoding="utf-8")
    code, _, err = run(capsys, "--library", str(demo_path), "redline", "website-privacy", "--from", "1", "--to", "2",
                       "-o", str(tmp_path / "v2.docx"))
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "--library", str(demo_path), "redline", "website-privacy", "--to", "9",
                       "-o", str(tmp_path / "v9.pdf"))
    assert code == 2 and "has no version 9" in err and not (tmp_path / "v9.pdf").exists()
    code, _, err = run(capsys, "--library", str(demo_path), "redline", "Bad Id", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "Traceback" not in err
    assert status(demo_path) == ""


def test_packet_first_reading_pdf_and_adopted_copy(qapp, capsys, demo_path, tmp_path):
    target = tmp_path / "packet.pdf"
    code, out, err = run(capsys, "--library", str(demo_path), "packet", "website-privacy", "-o", str(target))
    assert (code, err) == (0, "") and "first-reading packet" in out
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "This is the first reading of these proposed revisions to the Website Privacy Policy." in text
    assert "Approval of Revisions to the Website Privacy Policy" in text and "themselves" in text
    assert "Adopted: October 5, 2009" in text
    code, out, err = run(capsys, "--library", str(demo_path), "packet", "website-privacy", "--reading", "second",
                         "-o", str(tmp_path / "second.docx"))
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "--library", str(demo_path), "packet", "website-privacy", "--reading", "adopted",
                         "-o", str(tmp_path / "adopted.pdf"))
    assert (code, err) == (0, "") and "clean adopted copy" in out
    code, _, err = run(capsys, "--library", str(demo_path), "packet", "website-privacy", "-o", str(tmp_path / "p.html"))
    assert code == 2 and ".pdf, .docx" in err
    assert status(demo_path) == ""
