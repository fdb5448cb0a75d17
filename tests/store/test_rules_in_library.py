"""Rules 3, 8 and 10 on a real library, and the live check that is the store's own check."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policyeditor.store.events import check_policy
from policyeditor.store.verify import verify
from policyeditor.cli import main
from policyeditor.core import rules
from policyeditor.core.errors import InvalidDate, InvalidInput, RuleViolation
from policyeditor.store import Author, Library
from gitcmd import git

TZ = ZoneInfo("America/New_York")
PID = "website-privacy"
TEXT = "# Website Privacy\n\nThe district keeps visitor data for 30 days.\n\nIt does not sell it.\n"


@pytest.fixture
def lib(tmp_path: Path, library_settings) -> Library:
    """Legacy version 1 (2009); today is 2018-09-01."""
    library = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"),
                             clock=lambda: datetime(2018, 9, 1, 12, 0, tzinfo=TZ))
    library.create_policy(PID, "Website Privacy Policy", "IJNDC", TEXT)
    library.record_event(PID, "adopted", "2009-10-05", legacy=True)
    yield library
    library.close()


def new_version(lib: Library, text: str, first_reading: str = "2018-05-01") -> None:
    lib.save_draft(PID, text)
    lib.record_event(PID, "first_reading", first_reading)


# ---- rule 8 ---------------------------------------------------------------------

def test_a_legacy_adoption_after_a_tool_recorded_version_is_refused(lib, state_of):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.save_draft(PID, TEXT.replace("30 days", "1 day"))
    before = state_of(lib.path)
    with pytest.raises(RuleViolation) as info:
        lib.record_event(PID, "adopted", "2018-08-01", legacy=True)
    assert info.value.rule == 8
    assert "version 2 was already recorded with this program" in info.value.message
    assert "first reading instead" in info.value.message
    assert state_of(lib.path) == before


def test_legacy_versions_before_the_first_tool_version_are_fine(lib):
    lib.save_draft(PID, TEXT.replace("30 days", "45 days"))
    v2 = lib.record_event(PID, "adopted", "2012-01-01", legacy=True)
    assert v2.legacy and check_policy(lib, lib.policy(PID)) == []


# ---- rule 10 ----------------------------------------------------------------------

def test_adopting_an_amended_text_shows_the_amendment_and_needs_confirming(lib, state_of, capsys):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.save_draft(PID, TEXT.replace("30 days", "90 days"))
    before = state_of(lib.path)
    code = main(["--library", str(lib.path), "record", PID, "adopted", "2018-06-05"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "[-60-]{+90+}" in err.replace(" ", "") and "--amended" in err
    assert "changed after the first reading of version 2 on 2018-05-01" in err
    assert state_of(lib.path) == before
    # the live check says the same
    [failure] = lib.preview_event(PID, "adopted", "2018-06-05")
    assert failure.rule == 10
    assert lib.preview_event(PID, "adopted", "2018-06-05", amended=True) == []

    read = lib.policy(PID).version(2)
    assert main(["--library", str(lib.path), "record", PID, "adopted", "2018-06-05", "--amended"]) == 0
    v2 = lib.policy(PID).version(2)
    assert (v2.read_commit, v2.read_sha256) == (read.text_commit, read.text_sha256)
    assert v2.text_sha256 != v2.read_sha256
    assert "amended after the first reading" in git(lib.path, "log", "-1", "--format=%s")
    assert verify(lib) == []


def test_an_unamended_adoption_needs_no_confirmation(lib):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    v2 = lib.record_event(PID, "adopted", "2018-06-05")
    assert v2.read_sha256 == "" and v2.read_commit == ""


def test_a_substantive_amendment_after_posting_makes_the_posting_stale(lib, state_of):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.record_event(PID, "posted", "2018-05-02")
    lib.save_draft(PID, TEXT.replace("30 days", "90 days"))
    lib.record_event(PID, "adopted", "2018-06-05", amended=True)
    before = state_of(lib.path)
    with pytest.raises(RuleViolation) as info:
        lib.record_event(PID, "effective", "2018-07-01")   # 60 days after the posting
    assert info.value.rule == 3 and "re-post the adopted text" in info.value.message
    assert state_of(lib.path) == before
    lib.record_event(PID, "posted", "2018-06-06")          # the re-posting replaces it
    assert lib.record_event(PID, "effective", "2018-07-06").effective.isoformat() == "2018-07-06"


def test_an_editorial_amendment_after_posting_keeps_the_posting(lib):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.record_event(PID, "posted", "2018-05-02")
    lib.save_draft(PID, TEXT.replace("30 days", "60 days").replace("It does", "It DOES"))
    lib.record_event(PID, "adopted", "2018-06-05", amended=True)
    assert lib.record_event(PID, "effective", "2018-07-01").effective.isoformat() == "2018-07-01"


# ---- one check: the live preview is the store's ---------------------------------

def test_the_live_check_uses_the_store_context(lib):
    from policyeditor.gui.event_dialog import core_preview

    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.record_event(PID, "posted", "2018-05-02")
    lib.save_draft(PID, TEXT.replace("30 days", "90 days"))
    lib.record_event(PID, "adopted", "2018-06-05", amended=True)
    context = lib.rule_context(PID)
    assert context.posted_changed == {1: False, 2: True}
    preview = core_preview(lib.policy(PID), context)
    [failure] = preview("effective", datetime(2018, 7, 1).date(), version=2)
    with pytest.raises(RuleViolation) as info:
        lib.record_event(PID, "effective", "2018-07-01")
    assert (failure.rule, failure.message) == (info.value.rule, info.value.message) == (3, failure.message)
    assert lib.preview_event(PID, "effective", "2018-07-01") == [failure]


def test_the_context_before_an_adoption_knows_the_draft_changes_the_posting(lib):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.record_event(PID, "posted", "2018-05-02")
    assert lib.rule_context(PID).draft_posted_changed is False
    lib.save_draft(PID, TEXT.replace("30 days", "90 days"))
    assert lib.rule_context(PID).draft_posted_changed is True


# ---- dates and notice periods out of range ---------------------------------------

@pytest.mark.parametrize("when", ["1899-12-31", "2201-01-01", "9999-12-31"])
def test_dates_outside_1900_2200_are_refused(lib, state_of, when):
    new_version(lib, TEXT.replace("30 days", "60 days"))
    lib.record_event(PID, "adopted", "2018-06-05")
    before = state_of(lib.path)
    with pytest.raises(InvalidDate, match="outside the dates this program accepts"):
        lib.record_event(PID, "effective", when)
    assert state_of(lib.path) == before


@pytest.mark.parametrize("at", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00", "2201-01-01"])
def test_in_force_far_instants_are_a_sentence(lib, capsys, at):
    assert main(["--library", str(lib.path), "in-force", PID, "--at", at]) == 2
    err = capsys.readouterr().err
    assert "outside the dates this program accepts (1900 to 2200)" in err and "Traceback" not in err


def test_hand_edited_far_effective_date_with_a_review_cycle_lists(lib, capsys):
    lib.update_policy_info(PID, review_months=36)
    record = lib.path / "policies" / PID / "policy.toml"
    record.write_text(record.read_text().replace("adopted = 2009-10-05", "adopted = 2009-10-05\neffective = 9999-12-31"))
    git(lib.path, "-c", "user.name=Someone", "-c", "user.email=s@example.org", "commit", "-qam", "hand edit")
    assert main(["--library", str(lib.path), "list"]) == 0
    assert "Website Privacy Policy" in capsys.readouterr().out
    assert main(["--library", str(lib.path), "check"]) == 1
    assert "9999-12-31, outside the dates this program accepts" in capsys.readouterr().out


def test_a_notice_period_out_of_range_is_a_sentence(lib, capsys):
    settings = lib.path / "library.toml"
    settings.write_text(settings.read_text().replace("notice_days = 30", "notice_days = 100000000000000"))
    git(lib.path, "-c", "user.name=Someone", "-c", "user.email=s@example.org", "commit", "-qam", "hand edit")
    assert main(["--library", str(lib.path), "list"]) == 2
    err = capsys.readouterr().err
    assert "notice_days is 100000000000000; a notice period is a whole number of days from 0 to 3650" in err
    with pytest.raises(InvalidInput):
        rules.RuleContext(today=datetime(2018, 1, 1).date(), notice_days=100000000000000)


def test_the_amendment_is_shown_with_a_little_context():
    from policyeditor.store.events import redline_text

    words = " ".join(f"w{i}" for i in range(60))
    shown = redline_text(f"{words} keep it.\n", f"{words} keep it not.\n")
    assert "{+ not+}" in shown and shown.count("...") == 1 and "w0 " not in shown and "w59 keep it" in shown
    assert redline_text("Same.\n", "Same.\n") == "  (only the spacing or formatting changed)"
