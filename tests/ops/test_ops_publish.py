"""Publishing the notice site: where it may go, and recording its postings all or none."""

from __future__ import annotations

import pytest

from _opslib import PID
from policyeditor.core.errors import ExportError, RuleViolation
from policyeditor.ops.publish import publish_site


def test_the_site_is_written_outside_the_library(lib, tmp_path, state_of):
    before = state_of(lib.path)
    lines, pages = publish_site(lib, tmp_path / "site")
    assert lines == [] and pages >= 2
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Website Privacy" in index and (tmp_path / "site" / "feed.xml").is_file()
    assert state_of(lib.path) == before              # no posting recorded unless asked


def test_a_folder_inside_the_library_is_refused_and_nothing_is_written(lib, state_of):
    before = state_of(lib.path)
    with pytest.raises(ExportError, match="is inside the policy library"):
        publish_site(lib, lib.path / "site", record_posting=True)
    assert state_of(lib.path) == before


def test_recording_the_posting_of_the_version_on_its_way(lib, tmp_path):
    lib.record_event(PID, "adopted", "2026-11-16")
    lines, _pages = publish_site(lib, tmp_path / "site", record_posting=True)
    assert lines == ["Recorded the posting of Website Privacy version 3 on 2026-11-29."]
    version = lib.policy(PID).version(3)
    assert str(version.posted) == "2026-11-29" and version.posted_sha256 == version.text_sha256
    assert publish_site(lib, tmp_path / "site", record_posting=True)[0] == []     # once only


def test_a_draft_changed_since_the_reading_records_no_posting(lib, tmp_path, state_of):
    lib.save_draft(PID, "# Website Privacy\n\nSomething else entirely.\n")
    before = state_of(lib.path)
    with pytest.raises(RuleViolation, match="has changed since version 3 was presented"):
        publish_site(lib, tmp_path / "site", record_posting=True)
    assert state_of(lib.path) == before and not (tmp_path / "site").exists()
