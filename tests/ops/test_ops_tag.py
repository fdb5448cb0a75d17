"""Tagging a data file with the version in force when each record was collected."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from _opslib import PID
from policyeditor.core.errors import DataError, InvalidInput, NotFound
from policyeditor.ops.tag import tag_data
from policyeditor.store.register import library_key, open_for
from policyeditor.store.tagging import TagJob


def _data(tmp_path: Path) -> Path:
    path = tmp_path / "signups.csv"
    path.write_text("email,collected\na@example.org,2017-03-01\nb@example.org,2019-01-15\n"
                    "c@example.org,2020-06-30\n", encoding="utf-8")
    return path


def test_each_record_gets_the_version_in_force_and_the_run_is_registered(lib, tmp_path):
    tagged = tag_data(lib, PID, TagJob(_data(tmp_path), "collected"))
    assert tagged.policy.title == "Website Privacy"
    assert tagged.counts_text() == "version 1: 1, version 2: 2"
    with open(tagged.outcome.output, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["email"], r["policy_version"]) for r in rows] == [
        ("a@example.org", "1"), ("b@example.org", "2"), ("c@example.org", "2")]
    with open_for(lib) as register:
        [dataset] = register.datasets(library_key(lib))
    assert dataset.name == "signups" and dataset.runs == 1


def test_an_unknown_policy_or_column_writes_nothing(lib, tmp_path):
    data = _data(tmp_path)
    with pytest.raises(InvalidInput):
        tag_data(lib, "Not An Id", TagJob(data, "collected"))
    with pytest.raises(NotFound):
        tag_data(lib, "graduation", TagJob(data, "collected"))
    with pytest.raises(DataError, match="when"):
        tag_data(lib, PID, TagJob(data, "when"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library", "signups.csv"]
    with open_for(lib) as register:
        assert register.datasets(library_key(lib)) == []
