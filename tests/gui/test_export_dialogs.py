"""Exporter: real exports from the demo library, in the background, read back from disk.

The native file dialog is replaced by a ``choose_path`` that answers with a
temporary path; opening the result in the desktop's viewer (which cannot run
here) is replaced by an ``opener`` that records the address it was given.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from policyeditor.core.errors import ExportError
from policyeditor.gui import errors
from policyeditor.gui.export_dialogs import Exporter, with_suffix
from policyeditor.gui.export_jobs import data_columns, guess_time_column, suggested_name, work_for
from policyeditor.gui.tasks import TaskRunner

PID = "website-privacy"


class Harness:
    """A window, its runner and an Exporter whose dialogs answer from the test."""

    def __init__(self, qtbot, answer: Path | list[Path] | None, column: str | None = None) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.window.show()
        self.runner = TaskRunner(self.window)
        self.asked: list[tuple[str, Path]] = []
        self.opened: list[QUrl] = []
        self.errors: list[BaseException] = []
        answers = iter(answer) if isinstance(answer, list) else None

        def choose(kind, suggested):
            self.asked.append((kind.key, suggested))
            return next(answers) if answers is not None else answer

        self.exporter = Exporter(
            self.window, self.runner, choose_path=choose,
            choose_column=lambda path: column,
            opener=self.opened.append,
            report_error=lambda parent, exc: self.errors.append(exc))

    def run(self, key: str, work, suggested: Path) -> bool:
        started = self.exporter.export(key, work, suggested=suggested)
        if started:
            assert self.exporter.progress is not None and self.exporter.progress.isVisible()
            assert self.runner.wait_idle(60000)
        return started


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_packet_pdf_has_the_memo_and_the_redline(qtbot, demo_library, tmp_path):
    memo = demo_library.policy(PID).version(2).memo
    h = Harness(qtbot, tmp_path / "packet.pdf")
    work = work_for("packet-pdf", demo_library, policy_id=PID, version=2, reading="first")
    suggested = tmp_path / suggested_name("packet-pdf", policy_id=PID, version=2)
    assert h.run("packet-pdf", work, suggested)
    assert h.errors == []
    text = " ".join(pdf_text(tmp_path / "packet.pdf").split())
    for expected in ("May 1, 2018", "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:",
                     "Approval of Revisions to the Website Privacy Policy",
                     memo.recommendation, "This is the first reading of these proposed revisions",
                     "Respectfully submitted", "Kenneth N. Salim", "Adopted: October 5, 2009"):
        assert " ".join(expected.split()) in text, expected
    assert "Written to" in h.exporter.done_box.text()


def test_packet_docx_second_reading(qtbot, demo_library, tmp_path):
    import docx

    h = Harness(qtbot, tmp_path / "packet")      # the suffix is added
    work = work_for("packet-docx", demo_library, policy_id=PID, version=2, reading="second")
    assert h.run("packet-docx", work, tmp_path / "p.docx")
    assert h.errors == []
    document = docx.Document(str(tmp_path / "packet.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "This is the second reading of these proposed revisions" in text


def test_redline_pdf_of_the_draft(qtbot, demo_library, tmp_path):
    demo_library.save_draft(PID, demo_library.draft_text(PID).replace("Web Administrator", "Webmaster"))
    h = Harness(qtbot, tmp_path / "redline.pdf")
    assert h.run("redline-pdf", work_for("redline-pdf", demo_library, policy_id=PID), tmp_path / "r.pdf")
    assert h.errors == []
    text = pdf_text(tmp_path / "redline.pdf")
    # the redline holds the policy only: no "compared with" line (issue 12)
    assert "Webmaster" in text and "The draft compared with version 1." not in " ".join(text.split())


def test_redline_html_is_written_in_the_background_and_offered_to_open(qtbot, demo_library, tmp_path):
    demo_library.save_draft(PID, demo_library.draft_text(PID).replace("Web Administrator", "Webmaster"))
    h = Harness(qtbot, tmp_path / "out" / "privacy-redline")   # no suffix typed
    (tmp_path / "out").mkdir()
    suggested = tmp_path / suggested_name("redline-html", policy_id=PID)
    assert h.run("redline-html", work_for("redline-html", demo_library, policy_id=PID), suggested)

    assert h.errors == []
    written = tmp_path / "out" / "privacy-redline.html"
    html = written.read_text(encoding="utf-8")
    assert "<ins" in html and "<del" in html and "Webmaster" in html
    assert "Adopted: October 5, 2009" in html
    assert h.exporter.progress is None
    box = h.exporter.done_box
    assert box is not None and str(written) in box.text()
    open_button = next(b for b in box.buttons() if b.text() == "Open the file")
    open_button.click()
    assert h.opened == [QUrl.fromLocalFile(str(written))]
    assert h.errors == []


def test_cancelled_dialog_exports_nothing(qtbot, demo_library, tmp_path):
    h = Harness(qtbot, None)
    assert not h.run("redline-html", work_for("redline-html", demo_library, policy_id=PID), tmp_path / "x.html")
    assert h.asked and h.exporter.progress is None and not h.runner.is_busy()
    assert list(tmp_path.glob("*.html")) == []


def test_a_failure_comes_back_in_plain_words(qtbot, demo_library, tmp_path):
    h = Harness(qtbot, tmp_path / "no-such-folder" / "r.html")
    finished: list = []
    h.exporter.finished.connect(lambda key, path: finished.append(path))
    assert h.run("redline-html", work_for("redline-html", demo_library, policy_id=PID), tmp_path / "r.html")
    assert finished == [] and len(h.errors) == 1
    message = errors.plain_message(h.errors[0])
    assert isinstance(h.errors[0], ExportError)
    assert "no-such-folder does not exist. Choose an existing folder" in message
    assert h.exporter.progress is None and not h.exporter.is_running()


def test_publish_site_into_a_folder(qtbot, demo_library, tmp_path):
    target = tmp_path / "site"
    h = Harness(qtbot, target)
    assert h.run("site", work_for("site", demo_library), tmp_path / "notice-site")
    index = (target / "index.html").read_text(encoding="utf-8")
    assert "Website Privacy Policy" in index
    assert (target / PID / "latest.html").exists()
    box = h.exporter.done_box
    assert "pages" in box.text()
    open_button = next(b for b in box.buttons() if b.text() == "Open the site")
    open_button.click()
    assert h.opened == [QUrl.fromLocalFile(str(target / "index.html"))]


def test_publish_site_inside_the_library_is_refused(qtbot, demo_library):
    h = Harness(qtbot, Path(demo_library.path) / "site")
    assert h.run("site", work_for("site", demo_library), Path(demo_library.path))
    assert len(h.errors) == 1 and "inside the policy library" in errors.plain_message(h.errors[0])
    assert not (Path(demo_library.path) / "site").exists()


def test_tag_a_data_file(qtbot, demo_library, tmp_path):
    data = tmp_path / "survey.csv"
    with open(data, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["response_id", "submitted_at", "answer"])
        writer.writerow(["r1", "2015-03-02T10:00:00", "yes"])
        writer.writerow(["r2", "2020-06-01T12:30:00-04:00", "no"])
    assert data_columns(data) == ["response_id", "submitted_at", "answer"]
    assert guess_time_column(data_columns(data)) == 1
    h = Harness(qtbot, data, column="submitted_at")
    assert h.run("tag", work_for("tag", demo_library, policy_id=PID), tmp_path)
    assert h.errors == []
    out = h.exporter.done_box.text()
    assert "Tagged 2 records" in out
    tagged = next(tmp_path.glob("survey.tagged.csv"))
    rows = list(csv.DictReader(tagged.open(encoding="utf-8")))
    assert [r["policy_version"] for r in rows] == ["1", "1"]


def test_tag_without_an_open_policy_is_refused_plainly(qtbot, demo_library, tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("t\n2020-01-01\n", encoding="utf-8")
    h = Harness(qtbot, data, column="t")
    assert h.run("tag", work_for("tag", demo_library), tmp_path)
    assert "Open a policy first" in errors.plain_message(h.errors[0])


def test_helpers():
    assert with_suffix(Path("/a/b"), ".pdf") == Path("/a/b.pdf")
    assert with_suffix(Path("/a/b.PDF"), ".pdf") == Path("/a/b.PDF")
    assert suggested_name("packet-pdf", policy_id=PID, version=2) == \
        "website-privacy-v2-first-reading-packet.pdf"


def test_two_exports_at_once_each_finish(qtbot, demo_library, tmp_path):
    h = Harness(qtbot, [tmp_path / "a.html", tmp_path / "b.html"])
    finished: list = []
    h.exporter.finished.connect(lambda key, path: finished.append(path))
    work = work_for("redline-html", demo_library, policy_id=PID)
    assert h.exporter.export("redline-html", work, suggested=tmp_path / "x.html")
    assert h.exporter.export("redline-html", work, suggested=tmp_path / "x.html")
    assert h.exporter.is_running("redline-html")
    assert h.runner.wait_idle(60000)
    assert sorted(finished) == [tmp_path / "a.html", tmp_path / "b.html"]
    assert h.exporter.progress is None and not h.exporter.is_running()


def test_redline_docx_has_tracked_changes(qtbot, demo_library, tmp_path):
    import docx

    demo_library.save_draft(PID, demo_library.draft_text(PID).replace("Web Administrator", "Webmaster"))
    h = Harness(qtbot, tmp_path / "redline.docx")
    assert h.run("redline-docx", work_for("redline-docx", demo_library, policy_id=PID), tmp_path / "r.docx")
    assert h.errors == []
    body = docx.Document(str(tmp_path / "redline.docx")).element.body.xml
    assert "<w:ins " in body and "<w:del " in body and "Webmaster" in body


def test_packet_carries_the_meeting_date_chosen_in_the_window(qtbot, demo_library, tmp_path):
    from datetime import date

    h = Harness(qtbot, tmp_path / "packet.pdf")
    work = work_for("packet-pdf", demo_library, policy_id=PID, version=2, reading="first", on=date(2027, 1, 14))
    assert h.run("packet-pdf", work, tmp_path / suggested_name("packet-pdf", policy_id=PID, version=2,
                                                                 on=date(2027, 1, 14)))
    assert h.errors == []
    text = " ".join(pdf_text(tmp_path / "packet.pdf").split())
    assert "January 14, 2027" in text and "May 1, 2018" not in text.split("TO THE HONORABLE")[0]
