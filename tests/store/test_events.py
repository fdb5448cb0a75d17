"""Recording events on real repositories: text fields, tags, change class, refusals, rollback."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policyeditor.core.errors import InvalidInput, LibraryStateError, NotFound, RuleViolation
from policyeditor.core.versions import EDITORIAL, SUBSTANTIVE
from policyeditor.store import Author, Library
from policyeditor.store.events import check_policy
from policyeditor.store.verify import verify
from gitcmd import git

SEEDS = Path(__file__).resolve().parents[2] / "policyeditor" / "resources" / "demo"
TZ = ZoneInfo("America/New_York")


@pytest.fixture
def lib(tmp_path: Path, library_settings) -> Library:
    """A library whose clock reads 2018-07-01 noon, with the website policy v1 legacy and a 2018 draft."""
    clock = lambda: datetime(2018, 7, 1, 12, 0, tzinfo=TZ)  # noqa: E731
    library = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"), clock=clock)
    library.create_policy("website-privacy", "Website Privacy Policy", "IJNDC",
                          (SEEDS / "website-privacy-2009.md").read_text())
    library.record_event("website-privacy", "adopted", "2009-10-05", legacy=True)
    library.save_draft("website-privacy", (SEEDS / "website-privacy-2018-draft.md").read_text())
    yield library
    library.close()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_legacy_import_records_text_and_tag(lib: Library) -> None:
    v1 = lib.policy("website-privacy").version(1)
    assert v1.legacy and v1.adopted == date(2009, 10, 5) and v1.effective is None
    assert v1.effective_date == date(2009, 10, 5)
    assert lib.version_text("website-privacy", 1) == (SEEDS / "website-privacy-2009.md").read_text()
    assert sha(lib.version_text("website-privacy", 1)) == v1.text_sha256
    tag = git(lib.path, "for-each-ref", "--format=%(objecttype) %(*objectname) %(contents:subject)",
              "refs/tags/website-privacy/v1")
    assert tag == f"tag {v1.text_commit} Website Privacy Policy, version 1, adopted 2009-10-05\n"
    assert lib.in_force("website-privacy", date(2018, 1, 1)) == v1


def test_first_reading_records_the_draft(lib: Library) -> None:
    head = git(lib.path, "rev-parse", "HEAD").strip()
    v2 = lib.record_event("website-privacy", "first-reading", "2018-05-01")
    assert v2.number == 2 and v2.first_reading == date(2018, 5, 1)
    assert v2.text_commit == head
    assert v2.text_sha256 == sha(lib.draft_text("website-privacy"))
    assert v2.change_class == SUBSTANTIVE
    assert lib.policy("website-privacy").version(2) == v2
    assert git(lib.path, "log", "-1", "--format=%s|%ad", "--date=iso") == (
        "Website Privacy Policy, version 2: first reading 2018-05-01 (substantive change)|2018-07-01 12:00:00 -0400\n")
    assert lib.draft_changed("website-privacy") is False


def test_full_cycle_adoption_posting_effective(lib: Library) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.save_draft("website-privacy", lib.draft_text("website-privacy") + "\nAmended at the meeting.\n")
    amended = lib.draft_text("website-privacy")
    head = git(lib.path, "rev-parse", "HEAD").strip()
    read = lib.policy("website-privacy").version(2)
    with pytest.raises(RuleViolation, match=r"\{\+Amended at the meeting\.\+\}") as info:
        lib.record_event("website-privacy", "adopted", "2018-06-05")   # rule 10
    assert info.value.rule == 10 and "--amended" in info.value.message
    assert git(lib.path, "rev-parse", "HEAD").strip() == head
    v2 = lib.record_event("website-privacy", "adopted", "2018-06-05", amended=True)
    assert (v2.text_commit, v2.text_sha256) == (head, sha(amended))
    assert (v2.read_commit, v2.read_sha256) == (read.text_commit, read.text_sha256)
    tags = git(lib.path, "tag", "-n")
    assert "website-privacy/v2 Website Privacy Policy, version 2, adopted 2018-06-05" in tags
    assert git(lib.path, "rev-parse", "website-privacy/v2^{commit}").strip() == head
    v2 = lib.record_event("website-privacy", "posted", "2018-06-06")
    assert (v2.posted_commit, v2.posted_sha256) == (head, sha(amended))
    with pytest.raises(RuleViolation, match="earliest 2018-07-06"):
        lib.record_event("website-privacy", "effective", "2018-07-05")
    v2 = lib.record_event("website-privacy", "effective", "2018-07-06")
    assert check_policy(lib, lib.policy("website-privacy")) == [] and verify(lib) == []
    assert lib.in_force("website-privacy", datetime(2018, 7, 6, 0, 0)) == v2
    assert lib.in_force("website-privacy", datetime(2018, 7, 5, 23, 59, 59)).number == 1
    # The draft moves on after adoption: that starts the next revision, it is not tampering.
    lib.save_draft("website-privacy", "A new revision begins.\n")
    assert verify(lib) == [] and lib.version_text("website-privacy", 2) == amended


def test_rule_violation_writes_nothing(lib: Library, state_of) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    before = state_of(lib.path)
    with pytest.raises(RuleViolation, match="after today"):
        lib.record_event("website-privacy", "adopted", "2018-07-02")
    with pytest.raises(RuleViolation):
        lib.record_event("website-privacy", "effective", "2018-08-01")
    with pytest.raises(RuleViolation, match="before the first reading"):
        lib.record_event("website-privacy", "second-reading", "2018-04-30")
    assert state_of(lib.path) == before


def test_refused_requests(lib: Library, state_of) -> None:
    before = state_of(lib.path)
    with pytest.raises(InvalidInput, match="not an event"):
        lib.record_event("website-privacy", "approved", "2018-05-01")
    with pytest.raises(InvalidInput, match="Only an adoption"):
        lib.record_event("website-privacy", "first-reading", "2018-05-01", legacy=True)
    with pytest.raises(NotFound, match="no version 7"):
        lib.record_event("website-privacy", "posted", "2018-05-01", version=7)
    with pytest.raises(InvalidInput, match="next version .* is number 2"):
        lib.record_event("website-privacy", "first-reading", "2018-05-01", version=5)
    with pytest.raises(InvalidInput, match="looks substantive"):
        lib.record_event("website-privacy", "first-reading", "2018-05-01", editorial=True)
    with pytest.raises(InvalidInput, match="only together with"):
        lib.record_event("website-privacy", "first-reading", "2018-05-01", justification="why")
    assert state_of(lib.path) == before


def test_same_text_cannot_be_presented_again(lib: Library, state_of) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.record_event("website-privacy", "withdrawn", "2018-05-15")
    before = state_of(lib.path)
    with pytest.raises(InvalidInput, match="same text as version 2"):
        lib.record_event("website-privacy", "first_reading", "2018-06-01")
    assert state_of(lib.path) == before


def test_editorial_change_is_classified_and_justified(lib: Library) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.record_event("website-privacy", "adopted", "2018-06-05")
    text = lib.draft_text("website-privacy")
    lib.save_draft("website-privacy", text.replace("Website Privacy.", "Website privacy:"))
    v3 = lib.record_event("website-privacy", "first_reading", "2018-06-10")
    assert v3.change_class == EDITORIAL and v3.justification == ""
    lib.record_event("website-privacy", "withdrawn", "2018-06-11")
    lib.save_draft("website-privacy", text.replace("Massachusetts", "the Commonwealth"))
    v4 = lib.record_event("website-privacy", "first_reading", "2018-06-12", editorial=True,
                          justification="Naming the state as statute does; no change in meaning.")
    assert v4.change_class == EDITORIAL
    assert v4.justification == "Naming the state as statute does; no change in meaning."
    assert "Marked editorial: Naming the state" in git(lib.path, "log", "-1", "--format=%B")


def test_reviewed_goes_to_the_version_in_force(lib: Library) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    v1 = lib.record_event("website-privacy", "reviewed", "2018-06-01")
    assert v1.number == 1 and v1.reviewed == (date(2018, 6, 1),)


def test_recording_the_same_date_again_changes_nothing(lib: Library) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.record_event("website-privacy", "reviewed", "2018-06-01")
    head = git(lib.path, "rev-parse", "HEAD")
    lib.record_event("website-privacy", "reviewed", "2018-06-01")
    assert git(lib.path, "rev-parse", "HEAD") == head


def test_preview_reports_without_writing(lib: Library, state_of) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    before = state_of(lib.path)
    failures = lib.preview_event("website-privacy", "adopted", "2018-07-02")
    assert failures and failures[0].rule == 1
    assert lib.preview_event("website-privacy", "adopted", "2018-06-05") == []
    assert state_of(lib.path) == before


def test_existing_tag_rolls_the_adoption_back(lib: Library, state_of) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    git(lib.path, "tag", "website-privacy/v2")
    before = state_of(lib.path)
    with pytest.raises(LibraryStateError, match="tag website-privacy/v2 already exists"):
        lib.record_event("website-privacy", "adopted", "2018-06-05")
    assert state_of(lib.path) == before
    assert lib.policy("website-privacy").version(2).adopted is None


@pytest.mark.skipif(os.name == "nt", reason="the hook is a POSIX shell script")
@pytest.mark.parametrize("hook", ["pre-commit", "post-commit"])
def test_failing_hook_leaves_the_library_as_before(lib: Library, state_of, hook: str) -> None:
    script = lib.git_dir / "hooks" / hook
    script.write_text("#!/bin/sh\necho refused by policy >&2\nexit 1\n")
    script.chmod(0o755)
    before = state_of(lib.path)
    with pytest.raises(LibraryStateError, match="git hook"):
        lib.record_event("website-privacy", "first_reading", "2018-05-01")
    with pytest.raises(LibraryStateError, match="git hook"):
        lib.save_draft("website-privacy", "Other text.\n")
    with pytest.raises(LibraryStateError, match="git hook"):
        lib.create_policy("new-one", "New One", text="Text.\n")
    assert state_of(lib.path) == before
    assert not (lib.path / "policies" / "new-one").exists()


def test_check_reports_rule_failures_of_records(lib: Library) -> None:
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.record_event("website-privacy", "adopted", "2018-06-05")
    lib.record_event("website-privacy", "posted", "2018-06-06")
    lib.record_event("website-privacy", "effective", "2018-07-06")
    lib.update_policy_info("website-privacy", notice_days=45)
    failures = check_policy(lib, lib.policy("website-privacy"))
    assert [f.rule for f in failures] == [2]
    assert "earliest 2018-07-21" in failures[0].message


def test_a_text_identical_to_the_version_in_force_is_not_presented(lib: Library, state_of) -> None:
    in_force = lib.version_text("website-privacy", 1)
    lib.record_event("website-privacy", "first_reading", "2018-05-01")    # version 2, pending
    lib.save_draft("website-privacy", in_force)                           # back to the text in force
    before = state_of(lib.path)
    with pytest.raises(InvalidInput, match="same text as version 1, the version in force"):
        lib.record_event("website-privacy", "first_reading", "2018-06-01")
    assert state_of(lib.path) == before
