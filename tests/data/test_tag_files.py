"""Tagging real CSV and JSON Lines files into a real SQLite register (store.tagging, store.register)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from policyeditor.core.errors import RegisterError, RuleViolation
from policyeditor.core.tagging import Tagger
from policyeditor.store.register import Register, default_path, library_key, open_for
from policyeditor.store.coverage import recorder
from policyeditor.store.tagging import BadRows, TagJob, iter_bad_report, tag_file

from _datalib import NOW


def write_csv(path: Path, rows: list[list[str]], header=("id", "collected_at", "page")) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run(lib, job: TagJob, register: Register | None = None):
    tagger = Tagger(lib.policy("website-privacy"), lib.settings.timezone, now=NOW, dst=None)
    if register is not None:
        return tag_file(job, tagger, register=register, library=library_key(lib), ran_by="Test Clerk",
                        coverage=recorder(lib, tagger))
    with open_for(lib) as reg:
        return tag_file(job, tagger, register=reg, library=library_key(lib), ran_by="Test Clerk",
                        coverage=recorder(lib, tagger))


def folder_names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_csv_rows_get_the_version_in_force_at_midnight_boundaries(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "visits.csv", [
        ["r1", "2018-06-30T23:59:59", "/"],
        ["r2", "2018-07-01T00:00:00", "/a, with comma"],
        ["r3", "2018-07-01T03:59:59Z", "/b"],
        ["r4", "2018-07-01T04:00:00Z", "/c"],
        ["r5", "2009-10-05", "/d"],
        ["r6", "2026-11-29T11:59:00", "/e"],
    ])
    outcome = run(privacy_lib, TagJob(data, "collected_at", "id"))
    assert outcome.output == tmp_path / "visits.tagged.csv"
    rows = read_csv(outcome.output)
    assert [(r["id"], r["policy_version"]) for r in rows] == [
        ("r1", "1"), ("r2", "2"), ("r3", "1"), ("r4", "2"), ("r5", "1"), ("r6", "2")]
    v2 = privacy_lib.policy("website-privacy").version(2)
    assert rows[1] == {"id": "r2", "collected_at": "2018-07-01T00:00:00", "page": "/a, with comma",
                       "policy_id": "website-privacy", "policy_version": "2", "policy_text_sha256": v2.text_sha256}
    assert outcome.counts == {1: 3, 2: 3}
    assert outcome.bad_count == 0 and outcome.report is None
    assert folder_names(tmp_path) == {"visits.csv", "visits.tagged.csv", "library"}


def test_jsonl_records_are_tagged_and_other_fields_kept(privacy_lib, tmp_path: Path) -> None:
    data = tmp_path / "forms.jsonl"
    data.write_text(
        '{"form": "Ã©lan", "when": "2018-06-30", "n": 3}\n\n'
        '{"form": "b", "when": "2018-07-01T00:00:00-04:00", "nested": {"x": [1, 2]}}\n', encoding="utf-8")
    outcome = run(privacy_lib, TagJob(data, "when", output=tmp_path / "out.jsonl"))
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(x["form"], x["policy_version"]) for x in lines] == [("Ã©lan", 1), ("b", 2)]
    assert lines[1]["nested"] == {"x": [1, 2]} and lines[0]["policy_id"] == "website-privacy"
    assert outcome.counts == {1: 1, 2: 1}


BAD_CSV = [
    ["ok1", "2019-01-01T10:00:00", "/"],
    ["bad-time", "last tuesday", "/"],
    ["short"],
    ["early", "2001-05-05T10:00:00", "/"],
    ["future", "2026-11-30T09:00:00", "/"],
    ["", "2019-01-01T10:00:00", "/"],
    ["ok2", "2019-02-01T10:00:00", "/"],
]


def test_every_bad_row_class_is_reported_by_line_and_nothing_is_written(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "visits.csv", BAD_CSV)
    with pytest.raises(BadRows) as caught:
        run(privacy_lib, TagJob(data, "collected_at", "id"))
    bad = {b.line: b.reason for b in caught.value.bad_rows}
    assert sorted(bad) == [3, 4, 5, 6, 7]
    assert "'last tuesday' is not a date" in bad[3]
    assert "column is missing" in bad[4]
    assert "before version 1" in bad[5] and "2009-10-05" in bad[5]
    assert "in the future" in bad[6]
    assert "key column 'id' is empty" in bad[7]
    assert "line 3:" in caught.value.message and "Nothing was written" not in caught.value.message
    assert "nothing was written" in caught.value.message
    assert folder_names(tmp_path) == {"visits.csv", "library"}       # no output, no temporary file
    with open_for(privacy_lib) as reg:
        assert reg.datasets(library_key(privacy_lib)) == []
        assert reg.lookup(library_key(privacy_lib), "ok1") == []


def test_skip_bad_writes_good_rows_and_a_report_without_row_contents(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "visits.csv", BAD_CSV)
    outcome = run(privacy_lib, TagJob(data, "collected_at", "id", skip_bad=True))
    assert [r["id"] for r in read_csv(outcome.output)] == ["ok1", "ok2"]
    assert outcome.report == tmp_path / "visits.tagged.csv.bad-rows.csv"
    report = list(iter_bad_report(outcome.report))
    assert [b.line for b in report] == [3, 4, 5, 6, 7]
    assert "tuesday" in report[0].reason            # the bad value is quoted in the reason ...
    assert "/" not in outcome.report.read_text()    # ... but the other fields are not copied
    with open_for(privacy_lib) as reg:
        [summary] = reg.datasets(library_key(privacy_lib))
        assert summary.counts == {("website-privacy", 2): 2} and summary.keyed_records == 2


def test_jsonl_bad_lines(privacy_lib, tmp_path: Path) -> None:
    data = tmp_path / "forms.jsonl"
    data.write_text('{"when": "2019-01-01"}\n{"when": 5}\n[1]\n{"other": 1}\nnot json\n'
                    '{"when": "2019-01-01", "policy_id": "x"}\n', encoding="utf-8")
    with pytest.raises(BadRows) as caught:
        run(privacy_lib, TagJob(data, "when"))
    reasons = {b.line: b.reason for b in caught.value.bad_rows}
    assert sorted(reasons) == [2, 3, 4, 5, 6]
    assert "not text" in reasons[2] and "JSON object" in reasons[3]
    assert "has no 'when'" in reasons[4] and "not valid JSON" in reasons[5] and "already tagged" in reasons[6]


def test_clock_change_rows_need_dst(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "night.csv", [["a", "2019-11-03T01:30:00", "/"]])
    with pytest.raises(BadRows, match="happened twice"):
        run(privacy_lib, TagJob(data, "collected_at"))
    tagger = Tagger(privacy_lib.policy("website-privacy"), "America/New_York", now=NOW, dst="later")
    outcome = tag_file(TagJob(data, "collected_at"), tagger)
    assert outcome.counts == {2: 1}


def test_missing_header_column_and_tagged_input_are_refused(privacy_lib, tmp_path: Path) -> None:
    from policyeditor.core.errors import DataError

    data = write_csv(tmp_path / "v.csv", [["a", "2019-01-01", "/"]])
    with pytest.raises(DataError, match="has no column 'when'. Its columns are: 'id', 'collected_at', 'page'"):
        run(privacy_lib, TagJob(data, "when"))
    out = run(privacy_lib, TagJob(data, "collected_at")).output
    with pytest.raises(DataError, match="already has a 'policy_id' column"):
        run(privacy_lib, TagJob(out, "collected_at", output=tmp_path / "again.csv"))


def test_retagging_a_key_with_another_version_is_refused(privacy_lib, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "first.csv", [["k1", "2018-06-15T12:00:00", "/"], ["k2", "2019-01-01", "/"]])
    run(privacy_lib, TagJob(first, "collected_at", "id", dataset="visits"))
    # The same answers again: fine, and recorded as a second run.
    same = write_csv(tmp_path / "same.csv", [["k1", "2018-06-16T12:00:00", "/"]])
    run(privacy_lib, TagJob(same, "collected_at", "id", dataset="visits"))
    # k1 now claims a collection time under version 2: refused, nothing written.
    moved = write_csv(tmp_path / "moved.csv", [["k3", "2019-01-02", "/"], ["k1", "2018-07-02T12:00:00", "/"]])
    with pytest.raises(RuleViolation) as caught:
        run(privacy_lib, TagJob(moved, "collected_at", "id", dataset="visits"))
    assert caught.value.rule == 7
    assert "key 'k1': tagged version 1 before, version 2 now" in caught.value.message
    assert not (tmp_path / "moved.tagged.csv").exists()
    with open_for(privacy_lib) as reg:
        key = library_key(privacy_lib)
        assert reg.lookup(key, "k3") == []
        [answer] = reg.lookup(key, "k1", "visits")
        assert (answer.version, answer.dataset) == (1, "visits")
        [summary] = reg.datasets(key)
        assert summary.runs == 2 and summary.keyed_records == 2
    # Another dataset may use the same key freely.
    run(privacy_lib, TagJob(moved, "collected_at", "id", dataset="forms"))


def test_one_key_twice_in_a_file_under_two_versions_is_refused(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", [["k", "2018-06-01", "/"], ["k", "2018-08-01", "/"]])
    with pytest.raises(RuleViolation, match="appears in this file under two versions"):
        run(privacy_lib, TagJob(data, "collected_at", "id"))


def test_failure_midway_leaves_the_old_output_and_no_partial_file(privacy_lib, tmp_path: Path) -> None:
    data = tmp_path / "big.csv"
    good = "".join(f"r{i},2019-01-01T10:{i % 60:02d}:00,/\n" for i in range(50_000))
    data.write_bytes(b"id,collected_at,page\n" + good.encode() + b"bad,\xff\xfe,/\n")
    out = tmp_path / "big.tagged.csv"
    out.write_text("the previous tagged copy\n", encoding="utf-8")
    from policyeditor.core.errors import DataError

    with pytest.raises(DataError, match="not UTF-8"):
        run(privacy_lib, TagJob(data, "collected_at", "id"))
    assert out.read_text(encoding="utf-8") == "the previous tagged copy\n"
    assert folder_names(tmp_path) == {"big.csv", "big.tagged.csv", "library"}
    with open_for(privacy_lib) as reg:
        assert reg.lookup(library_key(privacy_lib), "r1") == []


def test_register_file_is_wal_with_foreign_keys_and_outside_the_library(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "v.csv", [["a", "2019-01-01", "/"]])
    run(privacy_lib, TagJob(data, "collected_at", "id"))
    path = default_path()
    assert path.is_file() and privacy_lib.path not in path.parents
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    runs = db.execute("SELECT source_sha256, rows_tagged, ran_by FROM runs").fetchall()
    import hashlib

    assert runs == [(hashlib.sha256(data.read_bytes()).hexdigest(), 1, "Test Clerk")]
    db.close()
    with open_for(privacy_lib) as reg:
        assert reg._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(RegisterError, match="inside the policy library"):
        Register.open(privacy_lib.path / "register.sqlite", library_root=privacy_lib.path)


def test_a_damaged_register_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(RegisterError, match="is damaged .* Move the file aside"):
        Register.open(path)


def test_setting_an_effective_date_that_regoverns_tagged_data_is_refused(tmp_path: Path, library_settings) -> None:
    from _datalib import TEXT_2026, build_privacy_library

    lib = build_privacy_library(tmp_path / "library", library_settings, pending=False)
    lib.save_draft("website-privacy", TEXT_2026)
    lib.record_event("website-privacy", "first_reading", "2026-09-15")
    lib.record_event("website-privacy", "posted", "2026-10-01")
    lib.record_event("website-privacy", "adopted", "2026-11-16")
    data = write_csv(tmp_path / "v.csv", [[f"k{d}", f"2026-11-{d:02d}T09:00:00", "/"] for d in range(17, 29)])
    run(lib, TagJob(data, "collected_at", "id"))
    before = (lib.path / "policies/website-privacy/policy.toml").read_bytes()
    # The live check (the event dialog's, through the library) says the same before anything is tried.
    [failure] = lib.preview_event("website-privacy", "effective", "2026-11-20")
    assert failure.rule == 7 and "12 tagged data records governed by version 2" in failure.message
    with pytest.raises(RuleViolation, match="12 tagged data records"):
        lib.record_event("website-privacy", "effective", "2026-11-20")    # records of 11-20 .. 11-28
    assert (lib.path / "policies/website-privacy/policy.toml").read_bytes() == before
    # A date after every tagged record moves nothing and is accepted.
    assert lib.record_event("website-privacy", "effective", "2026-12-21").effective.isoformat() == "2026-12-21"
    lib.close()


def test_line_numbers_count_line_breaks_inside_quoted_fields(privacy_lib, tmp_path: Path) -> None:
    data = tmp_path / "notes.csv"
    data.write_text('id,collected_at,note\n'
                    'a,2019-01-01,"two\nlines"\n'
                    'b,never,x\n'
                    '\n'
                    'c,"2019-01-01","three\nline\nnote"\n'
                    'd,2001-01-01,x\n', encoding="utf-8")
    with pytest.raises(BadRows) as caught:
        run(privacy_lib, TagJob(data, "collected_at"))
    assert [b.line for b in caught.value.bad_rows] == [4, 9]
    outcome = run(privacy_lib, TagJob(data, "collected_at", skip_bad=True))
    rows = read_csv(outcome.output)
    assert [(r["id"], r["note"]) for r in rows] == [("a", "two\nlines"), ("c", "three\nline\nnote")]


def test_a_key_repeated_across_batches_with_another_version_is_refused(
        privacy_lib, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policyeditor.store.tagging as tagging

    monkeypatch.setattr(tagging, "_BATCH", 2)       # keys reach the register two at a time
    rows = [[f"k{i}", "2019-01-01", "/"] for i in range(7)] + [["k1", "2018-01-01", "/"]]
    data = write_csv(tmp_path / "d.csv", rows)
    with pytest.raises(RuleViolation, match="key 'k1': appears in this file under two versions"):
        run(privacy_lib, TagJob(data, "collected_at", "id"))
    with open_for(privacy_lib) as reg:
        assert reg.lookup(library_key(privacy_lib), "k0") == []
    # The same key twice with the same answer is one record.
    rows[-1] = ["k1", "2019-06-01", "/"]
    outcome = run(privacy_lib, TagJob(write_csv(tmp_path / "d.csv", rows), "collected_at", "id"))
    assert outcome.rows_tagged == 8
    with open_for(privacy_lib) as reg:
        assert reg.datasets(library_key(privacy_lib))[0].keyed_records == 7


def test_a_register_busy_with_another_writer_is_a_plain_error(privacy_lib, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "v.csv", [["a", "2019-01-01", "/"]])
    run(privacy_lib, TagJob(data, "collected_at", "id"))       # creates the register
    other = sqlite3.connect(default_path(), timeout=0)
    other.execute("BEGIN IMMEDIATE")                           # another program holds the write lock
    try:
        reg = Register.open(default_path())
        reg._db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(RegisterError, match="being written by another policyeditor"):
            run(privacy_lib, TagJob(data, "collected_at", "id", output=tmp_path / "again.csv"), reg)
        reg.close()
    finally:
        other.rollback()
        other.close()
    assert not (tmp_path / "again.csv").exists()


def test_jsonl_keys_1_and_text_1_do_not_collide(privacy_lib, tmp_path: Path) -> None:
    data = tmp_path / "forms.jsonl"
    data.write_text('{"id": 1, "when": "2019-01-01"}\n{"id": "1", "when": "2019-01-02"}\n'
                    '{"id": 2, "when": "2019-01-03"}\n', encoding="utf-8")
    with pytest.raises(BadRows) as caught:
        run(privacy_lib, TagJob(data, "when", "id"))
    [bad] = caught.value.bad_rows
    assert bad.line == 2 and "text here but a number in earlier records" in bad.reason
    assert list(tmp_path.glob("forms.tagged*")) == []


def test_exported_and_tagged_files_respect_the_umask(privacy_lib, tmp_path: Path) -> None:
    import os

    data = write_csv(tmp_path / "visits.csv", [["r1", "2018-06-30T23:59:59", "/"]])
    old = os.umask(0o022)
    try:
        outcome = run(privacy_lib, TagJob(data, "collected_at"))
    finally:
        os.umask(old)
    assert outcome.output.stat().st_mode & 0o777 == 0o644
