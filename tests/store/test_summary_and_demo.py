"""The list's summaries (and their cache) and the demo library."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policyeditor.core.versions import Memo
from policyeditor.store import Author, Library
from policyeditor.store.demo import create_demo
from policyeditor.core.review import add_months
from policyeditor.store.events import check_policy
from policyeditor.store.summary import summaries
from policyeditor.store.verify import verify
from gitcmd import git

TZ = ZoneInfo("America/New_York")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = create_demo(tmp_path_factory.mktemp("demo") / "cambridge")
    yield lib
    lib.close()


def test_demo_settings_follow_the_seed_packet(demo: Library) -> None:
    s = demo.settings
    assert (s.district, s.committee, s.timezone) == ("Cambridge Public Schools", "School Committee", "America/New_York")
    assert s.salutation == "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:"
    assert (s.signer, s.signer_title) == ("Kenneth N. Salim, Ed.D.", "Superintendent of Schools")


def test_demo_website_privacy(demo: Library) -> None:
    policy = demo.policy("website-privacy")
    assert (policy.title, policy.code) == ("Website Privacy Policy", "IJNDC")
    v1, v2 = policy.versions
    assert v1.legacy and v1.adopted == date(2009, 10, 5) and v1.effective_date == date(2009, 10, 5)
    assert v2.first_reading == date(2018, 5, 1) and v2.adopted is None
    assert v2.memo == Memo(
        recommendation="That the School Committee approve the revisions to the Website Privacy Policy as "
        "detailed in the attached document.",
        description="These revisions to the Website Privacy Policy are being presented to align the policy with "
        "current best practices relevant to website security and privacy practices.",
        supporting_data="Attached redline of revisions to Cambridge Public Schools Website Privacy Policy.",
    )
    assert demo.in_force("website-privacy", date(2018, 5, 1)) == v1
    assert "the user's name" in demo.version_text("website-privacy", 2)
    assert "his/her name" in demo.version_text("website-privacy", 1)


def test_demo_is_consistent_and_reads_as_a_history(demo: Library) -> None:
    assert [f for pid in demo.policy_ids() for f in check_policy(demo, demo.policy(pid))] == [] and verify(demo) == []
    assert demo.policy_ids() == ["acceptable-use", "policy-adoption", "student-records", "website-privacy"]
    log = git(demo.path, "log", "--reverse", "--format=%ad|%s", "--date=short").splitlines()
    assert log[0] == "2018-03-12|Create the policy library of Cambridge Public Schools"
    assert "2018-05-01|Website Privacy Policy, version 2: first reading 2018-05-01 (substantive change)" in log
    assert [line.split("|")[0] for line in log] == sorted(line.split("|")[0] for line in log)
    tags = git(demo.path, "tag", "-n").splitlines()
    assert "website-privacy/v1 Website Privacy Policy, version 1, adopted 2009-10-05" in tags
    assert git(demo.path, "show", "website-privacy/v1:policies/website-privacy/policy.md") == \
        demo.version_text("website-privacy", 1)
    assert git(demo.path, "status", "--porcelain") == ""


def test_demo_summaries(demo: Library) -> None:
    by_id = {s.id: s for s in summaries(demo)}
    assert by_id["website-privacy"].in_force == 1
    assert by_id["website-privacy"].pending == ("version 2: first reading held 2018-05-01",)
    assert by_id["student-records"].pending == ("draft changed",)
    assert by_id["acceptable-use"].in_force == 2
    assert by_id["acceptable-use"].in_force_since == date(2019, 3, 11)
    assert by_id["policy-adoption"].review_due is False
    assert by_id["acceptable-use"].review_due is True


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2019, 11, 30), 3) == date(2020, 2, 29)
    assert add_months(date(2018, 6, 5), 36) == date(2021, 6, 5)


def test_review_due_boundary(tmp_path: Path, library_settings) -> None:
    now = [datetime(2021, 6, 4, 23, 59, 59, tzinfo=TZ)]
    lib = Library.create(tmp_path / "lib", library_settings, Author("C", "c@example.org"), clock=lambda: now[0])
    lib.create_policy("bylaws", "Bylaws", text="Text.\n", review_months=36)
    lib.record_event("bylaws", "adopted", "2018-06-05", legacy=True)
    assert summaries(lib)[0].review_due is False
    now[0] = datetime(2021, 6, 5, 0, 0, tzinfo=TZ)
    assert summaries(lib)[0].review_due is True
    lib.record_event("bylaws", "reviewed", "2021-06-05")
    assert summaries(lib)[0].review_due is False


def test_cache_is_used_and_follows_changes(tmp_library: Library) -> None:
    lib = tmp_library
    lib.create_policy("bylaws", "Bylaws", text="Text.\n")
    lib.record_event("bylaws", "adopted", "2001-01-01", legacy=True)
    old = time.time() - 60
    for name in ("policy.toml", "policy.md"):
        os.utime(lib.path / "policies/bylaws" / name, (old, old))
    first = summaries(lib)
    cache = lib.git_dir / "policyeditor" / "summaries.json"
    assert cache.is_file() and '"bylaws"' in cache.read_text()
    assert summaries(Library.open(lib.path)) == first
    # The cached line is what is shown while the files are unchanged ...
    cache.write_text(cache.read_text().replace('"title": "Bylaws"', '"title": "From the cache"'))
    assert summaries(Library.open(lib.path))[0].title == "From the cache"
    # ... and a change of the files replaces it.
    lib.update_policy_info("bylaws", title="Bylaws of the Committee")
    assert summaries(lib)[0].title == "Bylaws of the Committee"
    lib.save_draft("bylaws", "Changed text.\n")
    assert summaries(lib)[0].pending == ("draft changed",)
    cache.write_text("not json")
    assert summaries(lib)[0].pending == ("draft changed",)


def test_cached_summary_holds_until_the_next_date_of_the_policy(tmp_path: Path, library_settings) -> None:
    now = [datetime(2018, 7, 1, 12, 0, tzinfo=TZ)]
    lib = Library.create(tmp_path / "lib", library_settings, Author("C", "c@example.org"), clock=lambda: now[0])
    lib.create_policy("bylaws", "Bylaws", text="Meets monthly.\n")
    lib.record_event("bylaws", "adopted", "2001-01-01", legacy=True)
    lib.save_draft("bylaws", "Meets weekly.\n")
    for event, day in (("first_reading", "2018-05-01"), ("adopted", "2018-06-05"), ("posted", "2018-06-06"),
                       ("effective", "2018-07-20")):
        lib.record_event("bylaws", event, day)
    old = time.time() - 60
    for name in ("policy.toml", "policy.md"):
        os.utime(lib.path / "policies/bylaws" / name, (old, old))
    first = summaries(lib)[0]
    assert (first.in_force, first.pending) == (1, ("version 2: adopted 2018-06-05, effective 2018-07-20",))
    cache = lib.git_dir / "policyeditor" / "summaries.json"
    cache.write_text(cache.read_text().replace('"title": "Bylaws"', '"title": "From the cache"'))
    now[0] = datetime(2018, 7, 19, 23, 59, tzinfo=TZ)
    assert summaries(lib)[0].title == "From the cache"
    now[0] = datetime(2018, 7, 20, 0, 0, tzinfo=TZ)
    second = summaries(lib)[0]
    assert (second.title, second.in_force, second.pending) == ("Bylaws", 2, ())


def test_the_copied_demo_is_a_working_library(demo_library: Library, demo_template: Path) -> None:
    """conftest's demo_library is a copy of a demo built once: git works on it, apart from the template."""
    path = demo_library.path
    assert git(path, "status", "--porcelain") == ""
    assert git(path, "rev-parse", "--show-toplevel").strip() == str(path.resolve())
    assert verify(demo_library) == []
    head = git(demo_template, "rev-parse", "HEAD")
    sha = demo_library.save_draft("website-privacy", demo_library.draft_text("website-privacy") + "\nOne more line.\n",
                                  "Copy check")
    assert sha and git(path, "rev-parse", "HEAD").strip() == sha
    assert git(demo_template, "rev-parse", "HEAD") == head


def test_ensure_demo_creates_the_demo_in_the_data_folder_once(tmp_path: Path, monkeypatch) -> None:
    """The GUI's "Open demo" and the register share one user data folder (POLICYEDITOR_DATA_DIR)."""
    from policyeditor.store.demo import DEMO_FOLDER, ensure_demo
    from policyeditor.store.register import default_path
    from policyeditor.store.usersettings import data_dir

    monkeypatch.setenv("POLICYEDITOR_DATA_DIR", str(tmp_path / "data"))
    assert data_dir() == tmp_path / "data" and default_path().parent == data_dir()
    with ensure_demo() as lib:
        assert lib.path == tmp_path / "data" / DEMO_FOLDER
        head = git(lib.path, "rev-parse", "HEAD")
    with ensure_demo() as again:
        assert again.path == tmp_path / "data" / DEMO_FOLDER
        assert git(again.path, "rev-parse", "HEAD") == head
