"""A real library for the ops tests: "Website Privacy" with a history and a version on its way.

Version 1 (legacy, adopted 2009-10-05), version 2 (in force from
2018-07-01), version 3 (first reading 2026-11-02, not adopted yet), and a
draft equal to version 3. The clock is fixed at 2026-11-29 12:00 New York
time, so "today" never depends on the day the tests run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _opslib import NOW, PID, TEXT_1, TEXT_2, TEXT_3


@pytest.fixture
def lib(tmp_path: Path, library_settings):
    from policyeditor.store import Author, Library

    lib = Library.create(tmp_path / "library", library_settings, Author("Test Clerk", "clerk@example.org"),
                         clock=lambda: NOW)
    lib.create_policy(PID, "Website Privacy", code="IJNDC", text=TEXT_1)
    lib.record_event(PID, "adopted", "2009-10-05", legacy=True)
    lib.save_draft(PID, TEXT_2)
    for event, when in (("first_reading", "2018-05-01"), ("adopted", "2018-05-15"),
                        ("posted", "2018-05-20"), ("effective", "2018-07-01")):
        lib.record_event(PID, event, when)
    lib.save_draft(PID, TEXT_3)
    lib.record_event(PID, "first_reading", "2026-11-02")
    yield lib
    lib.close()
