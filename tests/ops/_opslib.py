"""Texts and the clock of the ops tests' library (see conftest.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=ZoneInfo("America/New_York"))
PID = "website-privacy"
TEXT_1 = "# Website Privacy\n\nThe district respects the privacy of visitors to its website.\n"
TEXT_2 = TEXT_1 + "\nChanges are posted thirty (30) days before they take effect.\n"
TEXT_3 = TEXT_2.replace("thirty (30)", "sixty (60)")
