"""Dates and instants in the library's time zone.

Everything in the policy process is a calendar date (a reading, a posting, an
effective date) and takes effect at 00:00 local time in the library's time
zone (docs/design.md, "In force"). A question about a moment ("which version was in
force at 2026-11-01T01:30?") is answered by turning the moment into an aware
datetime in that zone. This module does that, once, with clear messages for
what a clerk may type: a date, a local date-time, or a date-time with a UTC
offset.

Time zones are ``zoneinfo.ZoneInfo`` objects; every function also accepts the
zone's name ("America/New_York").
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from policyeditor.core.errors import InvalidDate, InvalidInput

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
DST_CHOICES = (None, "earlier", "later")
# The span of dates the program accepts: a policy's process happens within it, and
# every date computed from one (plus a notice period of at most MAX_NOTICE_DAYS, or a
# review cycle) stays a valid date.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)
MAX_NOTICE_DAYS = 3650


def check_day(d: date) -> date:
    """``d`` when it lies between 1900 and 2200, else InvalidDate saying so."""
    day = d.date() if isinstance(d, datetime) else d
    if not MIN_DATE <= day <= MAX_DATE:
        raise InvalidDate(
            f"{day.isoformat()} is outside the dates this program accepts "
            f"({MIN_DATE.year} to {MAX_DATE.year}). Check the year."
        )
    return d


def check_notice_days(days: int, where: str = "A notice period") -> int:
    """``days`` when it is a notice period of 0 to 3650 days, else InvalidInput."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_NOTICE_DAYS:
        raise InvalidInput(f"{where} is {days} days; a notice period is a whole number of days "
                           f"from 0 to {MAX_NOTICE_DAYS} (ten years).")
    return days


def zone(tz: tzinfo | str) -> tzinfo:
    """The time zone ``tz`` names; InvalidInput for a name that is not a zone."""
    if isinstance(tz, tzinfo):
        return tz
    try:
        return ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: "America" is a folder
        raise InvalidInput(
            f"'{tz}' is not a time zone. Use a name such as America/New_York or Europe/London."
        ) from exc


def _zone_name(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)


def parse_date(text: str) -> date:
    """Read a calendar date written as year-month-day ("2018-05-01").

    Only that form is accepted: "5/1/2018" means May 1 in one country and
    January 5 in another, and a policy date must not be guessed.
    """
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    cleaned = str(text).strip()
    if not _DATE.fullmatch(cleaned):
        raise InvalidDate(
            f"'{cleaned[:40]}' is not a date the program can read. "
            "Write dates as year-month-day, for example 2018-05-01."
        )
    try:
        day = date.fromisoformat(cleaned)
    except ValueError as exc:
        raise InvalidDate(
            f"{cleaned} is not a day of the calendar (check the month and the day). "
            "Write dates as year-month-day, for example 2018-05-01."
        ) from exc
    return check_day(day)


def parse_when(text: str, tz: tzinfo | str) -> datetime:
    """Read a date or an ISO 8601 date-time as an aware datetime in ``tz``.

    - "2018-05-01": 00:00 local time that day (the day's first instant);
    - "2018-05-01T09:30" or "2018-05-01 09:30" (no offset): local time in ``tz``;
      a time skipped or repeated by a clock change is refused with a message;
    - "2018-05-01T13:30Z" or "...+02:00": that instant, converted to ``tz``.
    """
    tz = zone(tz)
    cleaned = str(text).strip()
    if _DATE.fullmatch(cleaned):
        return start_of_day(parse_date(cleaned), tz)
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError as exc:
        raise InvalidDate(
            f"'{cleaned[:40]}' is not a date or time the program can read. "
            "Write a date as 2018-05-01, or a time as 2018-05-01T09:30 "
            "(add Z or an offset such as -04:00 for a time that is not local)."
        ) from exc
    check_day(parsed)
    if parsed.tzinfo is None:
        return check_day(localize(parsed, tz))
    try:
        return check_day(parsed.astimezone(tz))
    except OverflowError:
        raise InvalidDate(
            f"{cleaned} is outside the dates this program accepts "
            f"({MIN_DATE.year} to {MAX_DATE.year}). Check the year."
        ) from None


def _candidates(naive: datetime, tz: tzinfo) -> tuple[str, datetime, datetime]:
    """Classify a wall-clock time in ``tz``: ("ok"|"ambiguous"|"missing", earlier, later).

    The two candidates are the instants the wall time denotes with the offset
    before and after a clock change; they are the same instant when there is
    no change nearby.
    """
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    a = first.astimezone(timezone.utc)
    b = second.astimezone(timezone.utc)
    if a == b:
        return "ok", first, first
    earlier, later = (a, b) if a < b else (b, a)
    back = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    kind = "missing" if back != naive else "ambiguous"
    return kind, earlier.astimezone(tz), later.astimezone(tz)


def localize(naive: datetime, tz: tzinfo | str, dst: str | None = None) -> datetime:
    """Attach ``tz`` to a local wall-clock time.

    When a clock change makes the wall time happen twice (autumn) or not at
    all (spring), ``dst`` chooses: "earlier" or "later" gives the earlier or
    later of the two instants it could mean; None (the default) refuses with
    InvalidDate so that nobody's data is filed under a guessed instant. An
    aware datetime is simply converted to ``tz``.
    """
    if dst not in DST_CHOICES:
        raise ValueError(f"dst must be None, 'earlier' or 'later', not {dst!r}")
    tz = zone(tz)
    if naive.tzinfo is not None:
        return naive.astimezone(tz)
    kind, earlier, later = _candidates(naive, tz)
    if kind == "ok":
        return earlier
    if dst == "earlier":
        return earlier
    if dst == "later":
        return later
    stamp = naive.strftime("%Y-%m-%d %H:%M")
    name = _zone_name(tz)
    if kind == "ambiguous":
        raise InvalidDate(
            f"{stamp} happened twice in {name} because the clocks were turned back that night. "
            f"Add the UTC offset to say which, for example {earlier.isoformat(timespec='minutes')} "
            f"or {later.isoformat(timespec='minutes')}."
        )
    raise InvalidDate(
        f"{stamp} did not exist in {name} because the clocks were turned forward that night. "
        f"Use a time that existed, for example {later.strftime('%H:%M')}, or add the UTC offset."
    )


def start_of_day(d: date, tz: tzinfo | str) -> datetime:
    """The first instant of local day ``d`` in ``tz`` (normally 00:00), aware.

    Where a clock change skips midnight the day starts when the clocks jump;
    where midnight happens twice the first one counts.
    """
    tz = zone(tz)
    kind, earlier, later = _candidates(datetime.combine(d, time()), tz)
    return later if kind == "missing" else earlier


def local_date(when: date | datetime, tz: tzinfo | str) -> date:
    """The calendar day in ``tz`` that ``when`` falls on.

    A date is itself; a naive datetime is read as local time in ``tz`` (its
    day needs no clock-change resolution); an aware one is converted first.
    """
    if not isinstance(when, datetime):
        return when
    if when.tzinfo is None:
        return when.date()
    return when.astimezone(zone(tz)).date()


def today_in(tz: tzinfo | str, now: datetime | None = None) -> date:
    """Today's date in ``tz``: from ``now`` when given (naive = local), else the clock."""
    tz = zone(tz)
    if now is None:
        now = datetime.now(tz)
    return local_date(now, tz)


def add_days(d: date, days: int) -> date:
    """``d`` plus ``days`` calendar days (negative goes back), held at the calendar's
    first and last day (a record edited by hand to 9999-12-31 gives no traceback)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def long_date(d: date) -> str:
    """"October 5, 2009": the form used in memos and history lines (any locale)."""
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def short_date(d: date) -> str:
    """"Oct 5, 2009": the form of a redline's "Adopted:" line (any locale)."""
    return f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
