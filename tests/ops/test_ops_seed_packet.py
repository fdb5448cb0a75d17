"""Issue 12 on the seed pair in a real library: the packet a clerk sends as it comes out.

Version 1 is the 2009 policy (legacy, adopted October 5, 2009); the 2018
draft was saved on April 20, 2018 by the superintendent's office and read
for the first time on May 1, 2018. Both texts end with their own history
line ("*Adopted: October 5, 2009*").
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import pytest

from policyeditor.core.errors import InvalidInput
from policyeditor.ops.packet import library_packet, write_packet
from policyeditor.ops.redline import write_policy_redline
from shared_data import SEEDS

NY = ZoneInfo("America/New_York")
OLD = (SEEDS / "website-privacy-2009.md").read_text(encoding="utf-8")
NEW = (SEEDS / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
PID = "website-privacy"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HISTORY = "Adopted: October 5, 2009"


class Clock:
    def __init__(self, when: datetime) -> None:
        self.when = when

    def __call__(self) -> datetime:
        return self.when


@pytest.fixture
def seed(tmp_path: Path, library_settings):
    from policyeditor.store import Author, Library

    clock = Clock(datetime(2009, 10, 6, 9, 0, tzinfo=NY))
    lib = Library.create(tmp_path / "library", library_settings, Author("Policy Office", "office@example.org"),
                         clock=clock)
    lib.create_policy(PID, "Website Privacy Policy", code="IJNDC", text=OLD)
    lib.record_event(PID, "adopted", "2009-10-05", legacy=True)
    clock.when = datetime(2018, 4, 20, 14, 30, tzinfo=NY)
    lib.author = Author("Kenneth Salim", "ks@example.org")
    lib.save_draft(PID, NEW)
    clock.when = datetime(2018, 5, 1, 19, 0, tzinfo=NY)
    lib.author = Author("Committee Clerk", "clerk@example.org")
    lib.record_event(PID, "first_reading", "2018-05-01")
    clock.when = datetime(2018, 6, 1, 10, 0, tzinfo=NY)
    yield lib
    lib.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def word_text(path: Path) -> str:
    """Every word of a DOCX's body, inserted and deleted words alike."""
    body = docx.Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t", W + "delText")) for p in body.iter(W + "p"))


def test_adopted_copy_of_a_version_never_adopted_is_refused_naming_its_state(qapp, seed, tmp_path, state_of):
    before = state_of(seed.path)
    with pytest.raises(InvalidInput) as refused:
        write_packet(seed, PID, tmp_path / "adopted.pdf", reading="adopted", number=2)
    message = str(refused.value)
    assert "Version 2 of Website Privacy Policy was never adopted" in message
    assert "first reading held on May 1, 2018" in message and "version 1" in message
    assert not (tmp_path / "adopted.pdf").exists() and state_of(seed.path) == before
    # Version 1 was adopted: its clean copy is printed, with one history line.
    write_packet(seed, PID, tmp_path / "v1.pdf", reading="adopted", number=1)
    assert pdf_text(tmp_path / "v1.pdf").count(HISTORY) == 1


def test_every_output_of_the_seed_has_one_history_line(qapp, seed, tmp_path):
    for reading in ("first", "second"):
        for suffix in (".pdf", ".docx"):
            target = tmp_path / f"{reading}{suffix}"
            write_packet(seed, PID, target, reading=reading)
            text = pdf_text(target) if suffix == ".pdf" else word_text(target)
            assert text.count(HISTORY) == 1, target.name
    for suffix in (".html", ".pdf", ".docx"):
        target = tmp_path / f"redline{suffix}"
        write_policy_redline(seed, PID, target)
        text = {".html": lambda p: p.read_text(encoding="utf-8"), ".pdf": pdf_text, ".docx": word_text}[suffix](target)
        assert text.count(HISTORY) == 1, target.name


def test_docx_names_the_policy_and_the_changes_carry_who_saved_them_and_when(qapp, seed, tmp_path):
    target = tmp_path / "first.docx"
    write_packet(seed, PID, target, reading="first")
    document = docx.Document(str(target))
    props = document.core_properties
    assert (props.title, props.subject, props.author) == ("Website Privacy Policy", "IJNDC", "Committee Clerk")
    assert props.comments == "" and "python-docx" not in props.last_modified_by
    assert props.created.date() == props.modified.date() == date(2018, 6, 1)
    changes = [el for el in document.element.body.iter(W + "ins", W + "del")]
    assert changes
    assert {el.get(W + "author") for el in changes} == {"Kenneth Salim"}         # who wrote the draft
    assert {el.get(W + "date") for el in changes} == {"2018-04-20T18:30:00Z"}      # when it was saved


def test_second_reading_memo_names_the_meeting_the_first_reading_and_any_amendment(seed):
    policy = seed.policy(PID)
    packet = library_packet(seed, policy, "second", on=date(2018, 6, 4))
    assert packet.memo.date == "June 4, 2018"
    assert "The first reading was held on May 1, 2018." in packet.memo.reading
    assert "has not been amended since the first reading" in packet.memo.reading
    seed.save_draft(PID, NEW.replace("at least thirty (30) days", "at least forty-five (45) days"))
    packet = library_packet(seed, seed.policy(PID), "second", on=date(2018, 6, 4))
    assert "has been amended since the first reading" in packet.memo.reading
    assert "forty-five (45)" in packet.redline.text("new")        # the text as amended
    first = library_packet(seed, seed.policy(PID), "first")
    assert "forty-five" not in first.redline.text("new")          # the first reading's text, as read
    assert first.memo.date == "May 1, 2018"


def test_packet_command_takes_the_meeting_date(qapp, seed, tmp_path, capsys):
    from policyeditor.cli import main

    target = tmp_path / "second.pdf"
    code = main(["--library", str(seed.path), "packet", PID, "--reading", "second", "--date", "2018-06-04",
                 "-o", str(target)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    text = " ".join(pdf_text(target).split())
    assert "June 4, 2018" in text and "The first reading was held on May 1, 2018." in text
    code = main(["--library", str(seed.path), "packet", PID, "--date", "6/4/2018", "-o", str(target)])
    assert code == 2 and "2018" in capsys.readouterr().err


def test_redline_docx_changes_carry_who_saved_the_draft(qapp, seed, tmp_path):
    target = tmp_path / "redline.docx"
    write_policy_redline(seed, PID, target)
    document = docx.Document(str(target))
    assert document.core_properties.subject == "IJNDC"
    changes = [el for el in document.element.body.iter(W + "ins", W + "del")]
    assert {el.get(W + "author") for el in changes} == {"Kenneth Salim"}
    assert {el.get(W + "date") for el in changes} == {"2018-04-20T18:30:00Z"}


def test_second_reading_memo_of_an_adopted_amended_version_says_it_was_amended(seed):
    seed.save_draft(PID, NEW.replace("at least thirty (30) days", "at least forty-five (45) days"))
    seed.record_event(PID, "second_reading", "2018-05-29")
    seed.record_event(PID, "adopted", "2018-05-29", amended=True)
    packet = library_packet(seed, seed.policy(PID), "second", 2)
    assert packet.memo.date == "May 29, 2018"
    assert "has been amended since the first reading" in packet.memo.reading
    assert "forty-five (45)" in packet.redline.text("new")       # the adopted text, as amended
    first = library_packet(seed, seed.policy(PID), "first", 2)
    assert "forty-five" not in first.redline.text("new")         # the text read on May 1
