"""Sync with a policy changed on both workstations: joined when the changes do not clash,
kept both ways and marked "conflict" when they do, resolved by a person (store.conflicts)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from gitcmd import git

from policyeditor.core.errors import InvalidInput, NotFound
from policyeditor.store import Author, Library, conflicts
from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync
from policyeditor.store.verify import verify

TZ = ZoneInfo("America/New_York")
BASE = ("The district collects little information.\n\n"
        "Visitors may ask to see what is kept about them.\n\n"
        "The superintendent reviews this policy every year.\n")


def clock() -> datetime:
    return datetime(2024, 3, 1, 10, 0, tzinfo=TZ)


@pytest.fixture
def office(tmp_path: Path, library_settings, shared: Path) -> Library:
    lib = Library.create(tmp_path / "office", library_settings, Author("Office", "office@example.org"), clock=clock)
    lib.create_policy("privacy", "Website Privacy Policy", "IJNDC", BASE)
    lib.create_policy("conduct", "Code of Conduct", "JIC", "Be kind.\n")
    lib.record_event("conduct", "first_reading", "2024-01-10")
    set_remote(lib, str(shared))
    sync(lib)
    yield lib
    lib.close()


@pytest.fixture
def clerk(tmp_path: Path, office: Library, shared: Path) -> Library:
    lib = clone_library(str(shared), tmp_path / "clerk", author=Author("Clerk", "clerk@example.org"), clock=clock)
    yield lib
    lib.close()


def head(path: Path, ref: str = "HEAD") -> str:
    return git(path, "rev-parse", ref).strip()


def test_different_paragraphs_of_one_draft_are_merged(office: Library, clerk: Library, shared: Path) -> None:
    office.save_draft("privacy", BASE.replace("collects little", "collects very little"))
    clerk.save_draft("privacy", BASE.replace("every year", "every two years"))
    sync(office)
    result = sync(clerk)
    assert result.joined and result.conflicts == () and result.problems == ()
    sync(office)
    both = BASE.replace("collects little", "collects very little").replace("every year", "every two years")
    for lib in (office, clerk):
        assert lib.draft_text("privacy") == both
        assert conflicts.conflicts(lib) == []
        assert verify(lib) == []
        assert git(lib.path, "status", "--porcelain") == ""
    assert head(office.path) == head(clerk.path) == head(shared, "main")


def _same_paragraph(office: Library, clerk: Library) -> tuple[str, str]:
    ours = BASE.replace("collects little", "collects no")
    theirs = BASE.replace("collects little", "collects some")
    office.save_draft("privacy", theirs)
    sync(office)
    clerk.save_draft("privacy", ours)
    return ours, theirs


def test_same_paragraph_is_a_conflict_with_both_texts_kept(office: Library, clerk: Library, shared: Path) -> None:
    ours, theirs = _same_paragraph(office, clerk)
    result = sync(clerk)
    assert result.conflicts == ("privacy",) and "policyeditor conflicts" in result.summary()
    assert head(shared, "main") == head(clerk.path)               # the sync went through: sent
    assert clerk.draft_text("privacy") == ours                      # nothing half-merged in policy.md
    [found] = conflicts.conflicts(clerk)
    assert found.text and found.policy_id == "privacy"
    assert conflicts.draft_texts(clerk, "privacy") == (BASE, ours, theirs)
    [clash] = conflicts.draft_merge(clerk, "privacy").conflicts
    assert "collects no" in clash.ours_text and "collects some" in clash.theirs_text
    # the other workstation sees the conflict too after its sync, and the mark survives reopening
    sync(office)
    reopened = Library.open(office.path)
    assert [c.policy_id for c in conflicts.conflicts(reopened)] == ["privacy"]
    reopened.close()
    assert verify(clerk) == []


@pytest.mark.parametrize("take", ["ours", "theirs", "file"])
def test_a_conflict_is_resolved_each_way(office: Library, clerk: Library, tmp_path: Path, take: str) -> None:
    ours, theirs = _same_paragraph(office, clerk)
    sync(clerk)
    if take == "file":
        conflicts.resolve(clerk, "privacy", text=BASE.replace("collects little", "collects hardly any"))
        expected = BASE.replace("collects little", "collects hardly any")
    else:
        conflicts.resolve(clerk, "privacy", take=take)
        expected = ours if take == "ours" else theirs
    assert clerk.draft_text("privacy") == expected
    assert conflicts.conflicts(clerk) == []
    assert git(clerk.path, "status", "--porcelain") == ""
    assert "Resolve the conflict in privacy" in git(clerk.path, "log", "-1", "--format=%s")
    sync(clerk)
    sync(office)
    assert office.draft_text("privacy") == expected and conflicts.conflicts(office) == []
    assert verify(office) == [] and verify(clerk) == []


def test_resolving_refuses_bad_requests_and_changes_nothing(office: Library, clerk: Library, state_of) -> None:
    _same_paragraph(office, clerk)
    sync(clerk)
    before = state_of(clerk.path)
    with pytest.raises(InvalidInput, match="not a choice"):
        conflicts.resolve(clerk, "privacy", take="mine")
    with pytest.raises(NotFound, match="has no conflict"):
        conflicts.resolve(clerk, "conduct", take="ours")
    with pytest.raises(NotFound):
        conflicts.resolve(clerk, "nosuch", take="ours")
    assert state_of(clerk.path) == before


def test_conflicting_adoption_dates_show_both_and_keep_the_shared_one(
    office: Library, clerk: Library, shared: Path, state_of
) -> None:
    office.record_event("conduct", "adopted", "2024-02-01")
    sync(office)
    clerk.record_event("conduct", "adopted", "2024-02-05")
    result = sync(clerk)
    assert result.conflicts == ("conduct",)
    [found] = conflicts.conflicts(clerk)
    assert not found.text
    [clash] = found.fields
    assert (clash.field, clash.version, clash.ours, clash.theirs) == ("adopted", 1, date(2024, 2, 5), date(2024, 2, 1))
    assert "2024-02-05 here and 2024-02-01 on the shared library" in found.describe()
    # the date already shared is never rewritten: it is the one in the record until someone chooses
    assert clerk.policy("conduct").version(1).adopted == date(2024, 2, 1)
    assert verify(clerk) == []
    before = state_of(clerk.path)
    with pytest.raises(InvalidInput, match="never rewritten"):
        conflicts.resolve(clerk, "conduct", take="ours")
    assert state_of(clerk.path) == before
    conflicts.resolve(clerk, "conduct", take="theirs")
    assert conflicts.conflicts(clerk) == [] and clerk.policy("conduct").version(1).adopted == date(2024, 2, 1)
    sync(clerk)
    sync(office)
    assert verify(office) == [] and verify(clerk) == []
    assert head(office.path, "conduct/v1") == head(shared, "conduct/v1")


def test_record_details_and_reviews_join_field_by_field(office: Library, clerk: Library) -> None:
    office.record_event("conduct", "adopted", "2024-01-20")
    sync(office)
    sync(clerk)
    office.update_policy_info("privacy", title="Website Privacy (office)")
    office.record_event("conduct", "reviewed", "2024-02-01")
    sync(office)
    clerk.update_policy_info("privacy", title="Website Privacy (clerk)")
    clerk.record_event("conduct", "reviewed", "2024-02-10")
    result = sync(clerk)
    assert result.conflicts == ("privacy",)
    # both reviews are kept: reviews only accumulate
    assert [d.isoformat() for d in clerk.policy("conduct").version(1).reviewed] == ["2024-02-01", "2024-02-10"]
    [found] = conflicts.conflicts(clerk)
    assert [(c.field, c.ours, c.theirs, c.fact) for c in found.fields] == [
        ("title", "Website Privacy (clerk)", "Website Privacy (office)", False)]
    assert clerk.policy("privacy").title == "Website Privacy (office)"
    conflicts.resolve(clerk, "privacy", take="ours")      # a detail, not a recorded fact: either side
    assert clerk.policy("privacy").title == "Website Privacy (clerk)"
    assert clerk.draft_text("privacy") == BASE               # the draft did not clash: left as joined
    assert verify(clerk) == [] and conflicts.conflicts(clerk) == []
