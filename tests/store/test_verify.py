"""verify (rule 5) catches each kind of tampering, on real repositories altered with plain git."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policyeditor.core.errors import LibraryStateError
from policyeditor.store import Author, Library
from policyeditor.store.events import check_policy
from policyeditor.store.verify import verify
from gitcmd import git

TZ = ZoneInfo("America/New_York")


def commit_all(path: Path, message: str) -> None:
    git(path, "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "-qam", message)


def squash_history(path: Path) -> None:
    """Replace branch main by one new root commit holding every file (the tags stay)."""
    git(path, "checkout", "-q", "--orphan", "rewritten")
    commit_all(path, "one commit holding everything")
    git(path, "branch", "-D", "main")
    git(path, "branch", "-m", "main")


@pytest.fixture
def lib(tmp_path: Path, library_settings) -> Library:
    """Bylaws: v1 legacy (1999), v2 adopted 2018-06-05; the draft moved on afterwards."""
    clock = lambda: datetime(2018, 7, 1, 12, 0, tzinfo=TZ)  # noqa: E731
    library = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "clerk@example.org"), clock=clock)
    library.create_policy("bylaws", "Bylaws", "BA", "The committee meets monthly.\n")
    library.record_event("bylaws", "adopted", "1999-01-05", legacy=True)
    library.save_draft("bylaws", "The committee meets twice a month.\n")
    library.record_event("bylaws", "first_reading", "2018-05-01")
    library.record_event("bylaws", "adopted", "2018-06-05")
    library.save_draft("bylaws", "The committee meets weekly.\n")
    yield library
    library.close()


def edit_record(lib: Library, pattern: str, replacement: str, count: int = 1) -> None:
    """Change policy.toml as someone with a text editor would, and commit it."""
    record = lib.path / "policies/bylaws/policy.toml"
    text, n = re.subn(pattern, replacement, record.read_text(), count=count)
    assert n == count
    record.write_text(text)
    commit_all(lib.path, "edit by hand")


def test_intact_library_verifies_even_after_the_draft_changed(lib: Library) -> None:
    assert verify(lib) == []


def test_text_commit_pointed_at_another_text(lib: Library) -> None:
    other = git(lib.path, "rev-parse", "HEAD").strip()  # holds the newer draft
    v2 = lib.policy("bylaws").version(2)
    edit_record(lib, v2.text_commit, other)
    problems = verify(Library.open(lib.path))
    assert any("Bylaws (bylaws), version 2" in p and "does not match the recorded hash" in p for p in problems)
    assert any("version 2" in p and "tag bylaws/v2 points at commit" in p for p in problems)
    assert not any("version 1" in p for p in problems)


def test_edited_hash(lib: Library) -> None:
    v1 = lib.policy("bylaws").version(1)
    edit_record(lib, v1.text_sha256, "0" * 64)
    problems = verify(Library.open(lib.path))
    assert problems[0] == (
        f"Bylaws (bylaws), version 1: the text at the recorded commit {v1.text_commit[:10]} does not match the "
        "recorded hash; the recorded commit or the hash in policy.toml was altered.")
    assert len(problems) == 2 and problems[1].startswith(
        "Bylaws (bylaws), version 1: its text sha256 was changed after the adoption, in commit ")
    assert problems[1].endswith("('edit by hand'); an adopted version never changes.")


def test_moved_tag(lib: Library) -> None:
    git(lib.path, "-c", "user.name=X", "-c", "user.email=x@example.org",
        "tag", "-f", "-a", "-m", "moved", "bylaws/v2", "HEAD")
    problems = verify(lib)
    assert len(problems) == 1 and "version 2: the tag bylaws/v2 points at commit" in problems[0]


def test_lightweight_tag_replacing_the_annotated_one(lib: Library) -> None:
    v2 = lib.policy("bylaws").version(2)
    git(lib.path, "tag", "-f", "bylaws/v2", v2.text_commit)
    assert verify(lib) == ["Bylaws (bylaws), version 2: the tag bylaws/v2 was replaced by a plain (not annotated) tag."]


def test_deleted_tag(lib: Library) -> None:
    git(lib.path, "tag", "-d", "bylaws/v1")
    assert verify(lib) == ["Bylaws (bylaws), version 1: the tag bylaws/v1 marking the adopted text was deleted."]


def test_history_rewritten_so_the_commit_no_longer_exists(lib: Library) -> None:
    """Squash everything into one new root commit, drop the tags and the reflog, prune."""
    v1 = lib.policy("bylaws").version(1)
    path = lib.path
    lib.close()
    squash_history(path)
    for tag in git(path, "tag").split():
        git(path, "tag", "-d", tag)
    git(path, "reflog", "expire", "--expire=now", "--all")
    git(path, "gc", "-q", "--prune=now")
    assert subprocess.run(["git", "cat-file", "-e", v1.text_commit], cwd=path).returncode != 0
    problems = verify(Library.open(path))
    assert (f"Bylaws (bylaws), version 1: the commit holding the adopted text ({v1.text_commit[:10]}) is no "
            "longer in the library's history; the history was rewritten.") in problems
    assert sum("no longer in the library's history" in p for p in problems) == 2
    assert sum("was deleted" in p for p in problems) == 2


def test_rewritten_history_is_caught_even_while_tags_keep_the_old_commits(lib: Library) -> None:
    path = lib.path
    lib.close()
    squash_history(path)
    problems = verify(Library.open(path))
    assert len(problems) == 2 and all("no longer in the library's history" in p for p in problems)


def test_a_recorded_commit_that_is_not_an_object_id_is_reported(lib: Library) -> None:
    v2 = lib.policy("bylaws").version(2)
    edit_record(lib, v2.text_commit, "--output=/tmp/x")
    problems = verify(Library.open(lib.path))
    assert any("version 2: the commit holding the adopted text (--output=/) is no longer" in p for p in problems)
    with pytest.raises(LibraryStateError, match="missing from the library's history"):
        Library.open(lib.path).version_text("bylaws", 2)


# ---- verify sees everything (issue 10) ----------------------------------------------

def test_a_deleted_version_record_whose_tag_remains(lib: Library) -> None:
    record = lib.path / "policies/bylaws/policy.toml"
    text = record.read_text()
    record.write_text(text[:text.index("[[versions]]", text.index("number = 1"))])
    commit_all(lib.path, "drop version 2")
    problems = verify(Library.open(lib.path))
    assert ("Bylaws (bylaws), version 2: the tag bylaws/v2 marks its adopted text, but policy.toml "
            "has no version 2; its record was deleted.") in problems
    assert any(p.startswith("Bylaws (bylaws): the record of version 2 was deleted in commit ")
               for p in problems)


def test_a_removed_policy_folder(lib: Library) -> None:
    git(lib.path, "rm", "-rq", "policies/bylaws")
    commit_all(lib.path, "remove bylaws")
    problems = verify(Library.open(lib.path))
    assert problems == ["The policy 'bylaws' (policies/bylaws) was removed from the library; policies "
                        "are never deleted. Restore the folder from the library's history."]


def test_a_posting_moved_before_the_first_reading(lib: Library) -> None:
    lib.record_event("bylaws", "posted", "2018-06-06")
    edit_record(lib, "posted = 2018-06-06", "posted = 2018-04-01")
    problems = verify(Library.open(lib.path))
    assert any("version 2: the posting recorded as 2018-06-06 was changed to 2018-04-01 in commit" in p
               and "a recorded fact never changes" in p for p in problems)


def test_a_posting_recorded_by_hand_before_the_first_reading(lib: Library) -> None:
    edit_record(lib, "first_reading = 2018-05-01", "first_reading = 2018-05-01\nposted = 2018-04-01")
    problems = verify(Library.open(lib.path))
    assert any("rule 1 fails after the change in commit" in p and "edit by hand" in p for p in problems)


def test_class_edited_to_editorial_with_an_unposted_effective_date(lib: Library) -> None:
    edit_record(lib, 'change_class = "substantive"\nfirst_reading', 'change_class = "editorial"\nfirst_reading')
    edit_record(lib, "adopted = 2018-06-05", "adopted = 2018-06-05\neffective = 2018-06-06")
    problems = verify(Library.open(lib.path))
    assert any("version 2: its change class was changed after the adoption" in p for p in problems)
    assert any("version 2: recorded as an editorial change without a justification, but its text "
               "differs substantively from version 1" in p for p in problems)
    assert check_policy(Library.open(lib.path), lib.policy("bylaws")) == []   # the rules alone see nothing wrong: verify does


def test_an_effective_date_recorded_by_hand_without_notice(lib: Library) -> None:
    lib.record_event("bylaws", "posted", "2018-06-06")
    edit_record(lib, "posted = 2018-06-06", "posted = 2018-06-06\neffective = 2018-06-10")
    problems = verify(Library.open(lib.path))
    assert any("rule 2 fails after the change in commit" in p and "4 days after posting" in p
               for p in problems)


def test_records_of_tagged_data_never_change(lib: Library, tmp_path: Path) -> None:
    from policyeditor.store import coverage
    from policyeditor.store.register import VersionCount

    when = datetime(2017, 1, 1, 12, tzinfo=TZ).timestamp()
    coverage.record_coverage(lib, lib.policy("bylaws"), "a" * 64, [VersionCount(1, "", 3, when, when)])
    assert verify(lib) == []
    rel = "policies/bylaws/tagged/" + "a" * 64 + ".toml"
    record = lib.path / rel
    record.write_text(record.read_text().replace("records = 3", "records = 0"))
    commit_all(lib.path, "fewer records")
    problems = verify(Library.open(lib.path))
    assert problems == [f"The record of tagged data {rel} was changed after it was recorded; records of "
                        "tagged data never change (rule 7)."]
    git(lib.path, "rm", "-q", rel)
    commit_all(lib.path, "no records")
    assert verify(Library.open(lib.path)) == [
        f"The record of tagged data {rel} was removed; records of tagged data are never removed (rule 7). "
        "Restore it from the library's history."]


def test_moving_an_effective_date_under_tagged_data_by_hand(lib: Library) -> None:
    from policyeditor.store import coverage
    from policyeditor.store.register import VersionCount

    lib.record_event("bylaws", "posted", "2018-06-06")
    when = datetime(2018, 6, 20, 12, tzinfo=TZ).timestamp()
    coverage.record_coverage(lib, lib.policy("bylaws"), "b" * 64, [VersionCount(1, "", 5, when, when)])
    edit_record(lib, "posted = 2018-06-06", "posted = 2018-06-06\neffective = 2018-06-15")
    problems = verify(Library.open(lib.path))
    assert any("puts 5 tagged data record(s) of version 1 under another version (rule 7)" in p
               for p in problems)
