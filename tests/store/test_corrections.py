"""Corrections (issue 13): a mistyped date of a recorded fact is corrected by its own
recorded event, with the old date, the new one, the reason, when and who, so the
history keeps both; the rules run with the corrected date; verify accepts recorded
corrections and nothing else."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from gitcmd import git

from policyeditor.core.errors import InvalidInput, RuleViolation
from policyeditor.store import Author, Library
from policyeditor.store.verify import verify

TZ = ZoneInfo("America/New_York")
PID = "bylaws"


@pytest.fixture
def lib(tmp_path: Path, library_settings) -> Library:
    clock = lambda: datetime(2018, 7, 1, 12, 0, tzinfo=TZ)  # noqa: E731
    library = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"), clock=clock)
    library.create_policy(PID, "Bylaws", text="Version one.\n")
    library.record_event(PID, "first_reading", "2018-05-01")
    library.record_event(PID, "adopted", "2018-05-15")      # mistyped: the meeting was on June 5
    yield library
    library.close()


def test_a_correction_is_recorded_with_both_dates_and_verify_accepts_it(lib: Library) -> None:
    v = lib.correct_event(PID, 1, "adopted", "2018-06-05", "The minutes say June 5; May 15 was a typing error.")
    assert v.adopted == date(2018, 6, 5)
    (c,) = v.corrections
    assert (c.event, c.old, c.new) == ("adopted", date(2018, 5, 15), date(2018, 6, 5))
    assert "typing error" in c.reason and c.who == "Clerk <clerk@example.org>" and c.when.startswith("2018-07-01")
    record = (lib.path / "policies" / PID / "policy.toml").read_text()
    assert "[[versions.corrections]]" in record and "old = 2018-05-15" in record
    assert lib.policy(PID).version(1).corrections == (c,)          # read back as written
    assert "Correct the adoption" in git(lib.path, "log", "-1", "--format=%s")
    assert verify(lib) == []


def test_a_hand_edit_of_the_same_date_is_still_flagged(lib: Library) -> None:
    path = lib.path / "policies" / PID / "policy.toml"
    path.write_text(path.read_text().replace("adopted = 2018-05-15", "adopted = 2018-06-05"))
    git(lib.path, "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "-qam", "hand edit")
    assert any("was changed to 2018-06-05" in p for p in verify(lib))


def test_a_correction_that_breaks_a_rule_is_refused(lib: Library, state_of) -> None:
    before = state_of(lib.path)
    with pytest.raises(RuleViolation):
        lib.correct_event(PID, 1, "adopted", "2018-04-20", "Earlier.")   # before the first reading
    with pytest.raises(RuleViolation):
        lib.correct_event(PID, 1, "adopted", "2018-08-01", "Later.")     # after today: a fact
    assert state_of(lib.path) == before


def test_refused_requests(lib: Library, state_of) -> None:
    before = state_of(lib.path)
    with pytest.raises(InvalidInput, match="reason"):
        lib.correct_event(PID, 1, "adopted", "2018-06-05", "  ")
    with pytest.raises(InvalidInput, match="no posting on record"):
        lib.correct_event(PID, 1, "posted", "2018-06-05", "why")
    with pytest.raises(InvalidInput, match="already"):
        lib.correct_event(PID, 1, "adopted", "2018-05-15", "why")
    with pytest.raises(InvalidInput, match="effective date"):
        lib.correct_event(PID, 1, "effective", "2018-09-01", "why")
    assert state_of(lib.path) == before


def test_a_correction_that_would_move_tagged_data_is_refused(tmp_path: Path, library_settings, state_of) -> None:
    from policyeditor.store import coverage
    from policyeditor.store.register import VersionCount

    clock = lambda: datetime(2018, 7, 1, 12, 0, tzinfo=TZ)  # noqa: E731
    lib = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"), clock=clock)
    try:
        lib.create_policy(PID, "Bylaws", text="Version one.\n")
        lib.record_event(PID, "adopted", "2010-01-05", legacy=True)     # in force from its adoption
        first = datetime(2010, 3, 1, 9, 0, tzinfo=TZ).timestamp()
        coverage.record_coverage(lib, lib.policy(PID), "c" * 64, [VersionCount(1, "", 5, first, first + 3600)])
        before = state_of(lib.path)
        with pytest.raises(RuleViolation) as refused:
            lib.correct_event(PID, 1, "adopted", "2010-04-05", "The register says April.")
        assert refused.value.rule == 7
        assert state_of(lib.path) == before
    finally:
        lib.close()


def test_a_forged_correction_added_by_hand_with_other_dates_is_flagged(lib: Library) -> None:
    lib.correct_event(PID, 1, "adopted", "2018-06-05", "The minutes say June 5.")
    path = lib.path / "policies" / PID / "policy.toml"
    path.write_text(path.read_text().replace("reason = \"The minutes say June 5.\"", "reason = \"Rewritten.\""))
    git(lib.path, "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "-qam", "hand edit")
    assert any("recorded correction was changed" in p for p in verify(lib))
