"""The packet of a version: which version, compared with which, the reading, the signature."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import docx
import pytest

from _opslib import PID
from policyeditor.core.errors import ExportError, NotFound
from policyeditor.ops.packet import library_packet, signature, write_packet


def test_first_reading_of_the_version_on_its_way_against_the_version_in_force(lib):
    packet = library_packet(lib, lib.policy(PID), "first")
    assert packet.marked and packet.signature is None
    assert packet.parts.subtitle == "Revisions compared with the version in force."
    assert packet.redline.text("old").endswith("thirty (30) days before they take effect.")
    assert packet.redline.text("new").endswith("sixty (60) days before they take effect.")
    assert packet.memo.date == "November 2, 2026"          # the day of the reading, not today
    assert "first reading" in packet.memo.reading


def test_second_reading_not_yet_held_is_dated_today(lib):
    packet = library_packet(lib, lib.policy(PID), "second", 3)
    assert packet.memo.date == "November 29, 2026" and "second reading" in packet.memo.reading


def test_a_version_already_in_force_is_compared_with_the_adopted_one_before(lib):
    packet = library_packet(lib, lib.policy(PID), "first", 2)
    assert "Changes are posted" in packet.redline.text("new")
    assert "Changes are posted" not in packet.redline.text("old")
    assert packet.memo.date == "May 1, 2018"


def test_the_adopted_copy_is_the_latest_adopted_version_unmarked(lib):
    packet = library_packet(lib, lib.policy(PID), "adopted")
    assert not packet.marked and packet.memo is None
    assert packet.redline.text("new").endswith("thirty (30) days before they take effect.")
    lib.create_policy("graduation", "Graduation Requirements", text="Students earn 24 credits.\n")
    with pytest.raises(NotFound, match="Graduation Requirements has no adopted version yet"):
        library_packet(lib, lib.policy("graduation"), "adopted")


def test_the_signature_comes_from_a_file_inside_the_library(lib, tmp_path):
    (lib.path / "signature.png").write_bytes(b"\x89PNG signature")
    lib.settings = replace(lib.settings, signature_image="signature.png")
    assert signature(lib) == b"\x89PNG signature"
    assert library_packet(lib, lib.policy(PID), "first").signature == b"\x89PNG signature"
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    lib.settings = replace(lib.settings, signature_image="../outside.png")
    with pytest.raises(ExportError, match="must be a file inside the library folder"):
        signature(lib)
    lib.settings = replace(lib.settings, signature_image="missing.png")
    with pytest.raises(ExportError, match="cannot be read"):
        signature(lib)


def test_written_as_word_and_a_web_page_is_refused(lib, tmp_path, state_of):
    policy = write_packet(lib, PID, tmp_path / "packet.docx", reading="second")
    assert policy.title == "Website Privacy"
    body = docx.Document(str(tmp_path / "packet.docx")).element.body
    text = "".join(t.text or "" for t in body.iter("{*}t"))      # inserted words too (inside w:ins)
    assert "second reading" in text and "sixty (60)" in text
    before = state_of(lib.path)
    with pytest.raises(ExportError, match="end the file name with .pdf, .docx"):
        write_packet(lib, PID, tmp_path / "packet.html")
    assert not (tmp_path / "packet.html").exists() and state_of(lib.path) == before
    assert lib.policy(PID).version(3).first_reading == date(2026, 11, 2)
