"""Rule 7 across workstations: what tagged data covers is recorded in the library, travels
with sync, and every event that would move an in-force interval under it is refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policyeditor.store.remote import set_remote
from policyeditor.store.sync import clone_library, sync
from policyeditor.store.verify import verify
from policyeditor.cli import main
from policyeditor.core.errors import DataError, RuleViolation
from policyeditor.core.tagging import Tagger
from policyeditor.store import Author, Library
from policyeditor.store import coverage
from policyeditor.store.register import VersionCount, library_key, open_for
from policyeditor.store.tagging import TagJob, tag_file
from gitcmd import git

from _datalib import NOW, TEXT_2009, TEXT_2026

PID = "website-privacy"


def write_csv(path: Path, times: list[str]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "collected_at", "email"])
        writer.writerows([f"k{i}", t, f"person{i}@example.org"] for i, t in enumerate(times))
    return path


def tag(lib: Library, data: Path, policy_id: str = PID, dataset: str | None = None):
    tagger = Tagger(lib.policy(policy_id), lib.settings.timezone, now=NOW)
    with open_for(lib) as reg:
        return tag_file(TagJob(data, "collected_at", "id", dataset=dataset), tagger, register=reg,
                        library=library_key(lib), ran_by="Test Clerk", coverage=coverage.recorder(lib, tagger))


def adopted_v3(lib: Library) -> None:
    """Version 3 adopted and posted, its effective date not yet recorded."""
    lib.save_draft(PID, TEXT_2026)
    lib.record_event(PID, "first_reading", "2026-09-15")
    lib.record_event(PID, "posted", "2026-10-01")
    lib.record_event(PID, "adopted", "2026-11-16")


def test_tagging_records_its_coverage_in_the_library_without_personal_data(privacy_lib, tmp_path):
    lib = privacy_lib
    data = write_csv(tmp_path / "visits.csv", ["2018-06-30T23:00:00", "2018-07-01T09:00:00",
                                               "2019-01-01T12:00:00"])
    head = git(lib.path, "rev-parse", "HEAD")
    tag(lib, data)
    files = list((lib.path / "policies" / PID / "tagged").glob("*.toml"))
    assert len(files) == 1
    text = files[0].read_text()
    assert "person" not in text and "k0" not in text and "example.org" not in text
    assert git(lib.path, "status", "--porcelain") == ""
    assert git(lib.path, "rev-parse", "HEAD^") == head   # one commit
    assert "tagged data recorded (version 1: 1, version 2: 2)" in git(lib.path, "log", "-1", "--format=%s")
    spans = coverage.coverage(lib, PID)
    assert (spans[1].records, spans[2].records) == (1, 2)
    assert spans[2].first == NOW.fromisoformat("2018-07-01T13:00:00+00:00").timestamp()
    assert spans[2].last == NOW.fromisoformat("2019-01-01T17:00:00+00:00").timestamp()


def test_a_workstation_that_never_tagged_is_refused_after_sync(tmp_path, library_settings, shared,
                                                                monkeypatch, state_of):
    from _datalib import build_privacy_library

    first = build_privacy_library(tmp_path / "first", library_settings, pending=False)
    adopted_v3(first)
    tag(first, write_csv(tmp_path / "v.csv", [f"2026-11-{d:02d}T09:00:00" for d in range(17, 29)]))
    set_remote(first, str(shared))
    sync(first)
    # Another workstation: its own (empty) data folder, so no register at all.
    monkeypatch.setenv("POLICYEDITOR_DATA_DIR", str(tmp_path / "other-data"))
    second = clone_library(str(shared), tmp_path / "second", author=Author("B", "b@example.org"),
                                clock=lambda: NOW)
    before = state_of(second.path)
    with pytest.raises(RuleViolation) as info:
        second.record_event(PID, "effective", "2026-11-20")
    assert info.value.rule == 7 and "12 tagged data records governed by version 2" in info.value.message
    assert info.value.earliest.isoformat() == "2026-11-29"
    assert state_of(second.path) == before
    assert second.record_event(PID, "effective", "2026-12-31").effective.isoformat() == "2026-12-31"
    first.close()
    second.close()


def test_withdrawal_under_tagged_data_is_refused(privacy_lib, tmp_path, state_of):
    lib = privacy_lib
    tag(lib, write_csv(tmp_path / "w.csv", ["2020-03-01T09:00:00", "2026-11-20T09:00:00"]))
    before = state_of(lib.path)
    with pytest.raises(RuleViolation) as info:
        lib.record_event(PID, "withdrawn", "2026-11-10", version=2)
    assert info.value.rule == 7 and "2 tagged data records governed by version 2" in info.value.message
    assert "Version 2 cannot be withdrawn on 2026-11-10" in info.value.message
    assert state_of(lib.path) == before
    # a withdrawal after every tagged record moves nothing
    assert lib.record_event(PID, "withdrawn", "2026-11-21", version=2).withdrawn.isoformat() == "2026-11-21"


def test_legacy_adoption_under_tagged_data_is_refused(tmp_path, library_settings, state_of):
    lib = Library.create(tmp_path / "lib", library_settings, Author("Clerk", "c@example.org"), clock=lambda: NOW)
    lib.create_policy("dress-code", "Dress Code", text=TEXT_2009)
    lib.record_event("dress-code", "adopted", "2009-10-05", legacy=True)
    tag(lib, write_csv(tmp_path / "d.csv", ["2012-01-01T09:00:00", "2016-06-01T09:00:00"]), "dress-code")
    lib.save_draft("dress-code", TEXT_2009 + "\nAn older rule, imported late.\n")
    before = state_of(lib.path)
    with pytest.raises(RuleViolation) as info:
        lib.record_event("dress-code", "adopted", "2015-01-01", legacy=True)
    assert info.value.rule == 7 and "2 tagged data records governed by version 1" in info.value.message
    assert state_of(lib.path) == before
    lib.close()


def test_retagging_the_same_content_under_another_version_is_refused(privacy_lib, tmp_path, capsys, state_of):
    lib = privacy_lib
    data = write_csv(tmp_path / "v.csv", ["2019-01-01T09:00:00", "2020-01-01T09:00:00"])
    assert main(["--library", str(lib.path), "tag", PID, str(data), "--time-column", "collected_at"]) == 0
    head = git(lib.path, "rev-parse", "HEAD")
    # the same content again, under another dataset name: same versions, nothing new recorded
    assert main(["--library", str(lib.path), "tag", PID, str(data), "--time-column", "collected_at",
                 "--dataset", "OTHER", "-o", str(tmp_path / "again.csv")]) == 0
    assert git(lib.path, "rev-parse", "HEAD") == head
    # the same content tagged to another version is refused, and nothing is written
    sha = next((lib.path / "policies" / PID / "tagged").glob("*.toml")).stem
    before = state_of(lib.path)
    moved = [VersionCount(3, "", 2, NOW.timestamp() - 100, NOW.timestamp() - 50)]
    with pytest.raises(DataError, match="tagged before with version 2.*under version 3"):
        coverage.record_coverage(lib, lib.policy(PID), sha, moved)
    assert state_of(lib.path) == before


def test_two_workstations_tagging_join_on_sync(tmp_path, library_settings, shared, monkeypatch):
    from _datalib import build_privacy_library

    first = build_privacy_library(tmp_path / "first", library_settings, pending=False)
    set_remote(first, str(shared))
    sync(first)
    monkeypatch.setenv("POLICYEDITOR_DATA_DIR", str(tmp_path / "other-data"))
    second = clone_library(str(shared), tmp_path / "second", author=Author("B", "b@example.org"),
                                clock=lambda: NOW)
    same = write_csv(tmp_path / "same.csv", ["2019-01-01T09:00:00"])
    tag(first, same)
    tag(second, same)                                                  # the same content on both
    tag(second, write_csv(tmp_path / "other.csv", ["2012-01-01T09:00:00", "2020-01-01T09:00:00"]))
    sync(first)
    sync(second)
    sync(first)
    assert coverage.coverage(first, PID) == coverage.coverage(second, PID)
    spans = coverage.coverage(first, PID)
    assert (spans[1].records, spans[2].records) == (1, 2)
    assert verify(first) == [] and verify(second) == []
    first.close()
    second.close()
