"""Helpers of the data tests: a real library with a policy history.

The library holds "Website Privacy": version 1 (legacy, adopted 2009-10-05),
version 2 (in force from 2018-07-01) and version 3 (adopted, posted
2026-11-20, taking effect 2026-12-21). Its clock is fixed at 2026-11-29
12:00 New York time, so "today" and "the future" never depend on the day
the tests run.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=ZoneInfo("America/New_York"))

TEXT_2009 = """# Website Privacy

The district respects the privacy of visitors to its website.

Any information collected under the current website privacy policy will remain subject to its terms.
"""
TEXT_2018 = TEXT_2009.replace("respects", "**protects**") + (
    "\nSubstantive changes are posted at least thirty (30) days before they take effect.\n")
TEXT_2026 = TEXT_2018 + "\nThe district does not sell information <script>alert('x')</script> it collects.\n"


def build_privacy_library(path: Path, settings, *, pending: bool = True):
    """The Website Privacy library described above (``pending``: with version 3)."""
    from policyeditor.store import Author, Library

    lib = Library.create(path, settings, Author("Test Clerk", "clerk@example.org"), clock=lambda: NOW)
    lib.create_policy("website-privacy", "Website Privacy", code="IJNDC", text=TEXT_2009)
    lib.record_event("website-privacy", "adopted", "2009-10-05", legacy=True)
    lib.save_draft("website-privacy", TEXT_2018)
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    lib.record_event("website-privacy", "adopted", "2018-05-15")
    lib.record_event("website-privacy", "posted", "2018-05-20")
    lib.record_event("website-privacy", "effective", "2018-07-01")
    if pending:
        lib.save_draft("website-privacy", TEXT_2026)
        lib.record_event("website-privacy", "first_reading", "2026-11-02")
        lib.record_event("website-privacy", "adopted", "2026-11-16")
        lib.record_event("website-privacy", "posted", "2026-11-20")
        lib.record_event("website-privacy", "effective", "2026-12-21")
    return lib


