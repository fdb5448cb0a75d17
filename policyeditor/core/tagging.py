"""Which version of a policy governs a collected record (rule 7): pure, no I/O.

A record collected at instant t is governed by the version in force at t, in
the library's time zone, where a version comes into force at 00:00 local time
of its effective date. ``Tagger`` turns a policy's in-force periods (from
``core.timeline``) into sorted UTC epoch seconds once, so tagging one row is a
timestamp parse (cached per distinct string, since collected data repeats
times) and a bisect. The store streams files through it; this module never
reads or writes one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo

from policyeditor.core import dates, timeline
from policyeditor.core.errors import DataError, InvalidDate
from policyeditor.core.versions import Policy

# The columns (CSV) or keys (JSON Lines) tagging adds to every record.
TAG_COLUMNS = ("policy_id", "policy_version", "policy_text_sha256")
DST_CHOICES = ("earlier", "later")
_CACHE_LIMIT = 200_000
_EPOCH = datetime(1970, 1, 1)
_fromisoformat = datetime.fromisoformat
_bisect = bisect_right


@dataclass(frozen=True)
class Tag:
    """The answer for one record: the policy, its version in force, its text hash."""

    policy_id: str
    version: int
    text_sha256: str

    @property
    def fields(self) -> tuple[str, str, str]:
        """The values written under TAG_COLUMNS, as text."""
        return (self.policy_id, str(self.version), self.text_sha256)


class BadRow(NamedTuple):
    """A record that cannot be tagged: its line in the file and why, in plain words."""

    line: int
    reason: str


class RowProblem(DataError):
    """One record cannot be tagged; the message is the reason for that row."""


class Tagger:
    """Answers "which version governs a record collected at this time" for one policy.

    ``now`` is the moment of the run: records dated after it are refused, since
    data cannot be collected in the future. ``dst`` ("earlier"/"later") says
    how to read a local time that happens twice or never at a clock change;
    without it such a row is bad.
    """

    def __init__(
        self,
        policy: Policy,
        tz: str,
        *,
        now: datetime,
        dst: str | None = None,
    ) -> None:
        if dst is not None and dst not in DST_CHOICES:
            raise DataError("--dst must be 'earlier' or 'later'.")
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        self.policy = policy
        self.tz_name = tz
        self._tz = ZoneInfo(tz)
        self.dst = dst
        self.now = now.timestamp()
        periods = [(v, start, end) for v, start, end in timeline.intervals(policy)]
        if not periods:
            raise DataError(
                f"No version of {policy.title} ({policy.id}) has an effective date yet, "
                "so no collected record can be tagged. Record the effective date of "
                "the version in force first."
            )
        self.tags = [Tag(policy.id, v.number, v.text_sha256) for v, _s, _e in periods]
        self.start_dates = [start for _v, start, _e in periods]
        self.end_dates = [end for _v, _s, end in periods]
        self.starts = [self._midnight(start) for start in self.start_dates]
        self.ends = [self._midnight(end) if end else float("inf") for end in self.end_dates]
        self._cache: dict[str, tuple[int, float] | str] = {}
        self._day_offsets: dict[date, float | bool] = {}
        self.classify: Callable[[str], tuple[int, float]] = self._quick()

    def _midnight(self, day: date) -> float:
        return dates.start_of_day(day, self._tz).timestamp()

    def instant(self, text: str) -> float:
        """The collection time ``text`` as UTC epoch seconds, or RowProblem.

        Accepts a date (that day's 00:00 local), an ISO 8601 time with an
        offset or "Z", or a naive ISO 8601 time read in the library's zone
        (``dates.localize``; on a day without a clock change the day's one
        UTC offset gives the same answer faster).
        """
        value = text.strip()
        if not value:
            raise RowProblem("the collection time is empty")
        try:
            if len(value) == 10:
                return self._midnight(dates.parse_date(value))
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                return moment.timestamp()
            offset = self._day_offsets.get(moment.date())
            if offset is None:
                offset = self._day_offset(moment.date())
            if offset is not False:
                return (moment - _EPOCH).total_seconds() - offset
            try:
                return dates.localize(moment, self._tz, self.dst).timestamp()
            except InvalidDate as exc:
                raise RowProblem(_lower_first(exc.message).rstrip(".") +
                                 ", or tag again with --dst earlier or --dst later") from None
        except InvalidDate as exc:
            raise RowProblem(_lower_first(exc.message)) from None
        except ValueError:
            raise RowProblem(
                f"the collection time '{_clip(value)}' is not a date (2018-07-01) "
                "or an ISO 8601 time (2018-07-01T09:30:00-04:00)"
            ) from None

    def _day_offset(self, day: date) -> float | bool:
        """The UTC offset (seconds) of a local day without a clock change, else False."""
        if len(self._day_offsets) > 100_000:
            self._day_offsets.clear()
        probes = [datetime.combine(day, time(h), self._tz).utcoffset() for h in (0, 6, 12, 18)]
        probes.append(datetime.combine(day + timedelta(days=1), time(0), self._tz).utcoffset())
        same = all(p == probes[0] for p in probes)
        offset: float | bool = probes[0].total_seconds() if same and probes[0] is not None else False
        self._day_offsets[day] = offset
        return offset

    def locate(self, instant: float, shown: str = "") -> int:
        """The index (into ``tags``) of the version in force at ``instant``, or RowProblem."""
        shown = shown or self.describe(instant)
        if instant > self.now:
            raise RowProblem(
                f"the collection time {shown} is in the future; records can only be "
                "tagged once they have been collected"
            )
        i = bisect_right(self.starts, instant) - 1
        if i < 0:
            first = self.tags[0]
            raise RowProblem(
                f"the collection time {shown} is before version {first.version} of "
                f"{self.policy.title} took effect on {self.start_dates[0].isoformat()}; "
                "no version was in force then"
            )
        if instant >= self.ends[i]:
            raise RowProblem(
                f"the collection time {shown} falls after version {self.tags[i].version} "
                f"stopped being in force ({self.end_dates[i]}) and before any later "
                "version took effect"
            )
        return i

    def _quick(self) -> Callable[[str], tuple[int, float]]:
        """``classify``: (index into ``tags``, epoch seconds) for a collection time, or RowProblem.

        The common case (a well-formed time on a day without a clock change,
        in force, not in the future) is answered in one step, its lookups bound
        once since it runs once per row; anything else goes the long way,
        through ``instant`` and ``locate``, whose answers (problems included)
        are cached per distinct string.
        """
        offsets, starts, ends, now, slow = (self._day_offsets, self.starts, self.ends, self.now,
                                            self._classify_slow)

        def classify(text: str, parse=_fromisoformat, bisect=_bisect, epoch=_EPOCH,
                     get=offsets.get) -> tuple[int, float]:
            try:
                moment = parse(text)
            except (ValueError, TypeError):
                return slow(text)
            if moment.tzinfo is None:
                offset = get(moment.date())
                if offset is None or offset is False:
                    return slow(text)
                instant = (moment - epoch).total_seconds() - offset
            else:
                instant = moment.timestamp()
            i = bisect(starts, instant) - 1
            if i < 0 or instant >= ends[i] or instant > now:
                return slow(text)
            return i, instant

        return classify

    def _classify_slow(self, text: str) -> tuple[int, float]:
        hit = self._cache.get(text)
        if hit is None:
            hit = self._classify_new(text)
        if type(hit) is str:
            raise RowProblem(hit)
        return hit  # type: ignore[return-value]

    def _classify_new(self, text: str) -> tuple[int, float] | str:
        try:
            instant = self.instant(text)
            i = bisect_right(self.starts, instant) - 1
            if i < 0 or instant >= self.ends[i] or instant > self.now:
                self.locate(instant, f"'{_clip(text.strip())}'")   # raises with the reason
            hit: tuple[int, float] | str = (i, instant)
        except RowProblem as exc:
            hit = exc.message
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = hit
        return hit

    def tag(self, text: str) -> Tag:
        """The Tag for a record collected at ``text``, or RowProblem."""
        return self.tags[self.classify(text)[0]]

    def describe(self, instant: float) -> str:
        """An epoch as a local time for messages: '2018-07-01 09:30 EDT'."""
        local = datetime.fromtimestamp(instant, timezone.utc).astimezone(self._tz)
        return local.strftime("%Y-%m-%d %H:%M %Z")


def regoverned_windows(before: Policy, after: Policy, tz: str) -> list[tuple[float, float]]:
    """The spans of time (UTC epoch seconds, [start, end)) whose governing version differs.

    ``before`` and ``after`` are the same policy before and after a change of
    dates (an effective date moved, set or a withdrawal): a record collected in
    one of these spans would fall under another version (rule 7), so a change
    with tagged records in them must be refused.
    """
    days = sorted({d for p in (before, after) for _v, start, end in timeline.intervals(p)
                   for d in (start, end) if d is not None})
    windows: list[tuple[float, float]] = []
    for i, first in enumerate(days):
        old = timeline.in_force(before, first, tz)
        new = timeline.in_force(after, first, tz)
        if (old and old.number) == (new and new.number):
            continue
        start = dates.start_of_day(first, tz).timestamp()
        end = dates.start_of_day(days[i + 1], tz).timestamp() if i + 1 < len(days) else float("inf")
        if windows and windows[-1][1] == start:
            start = windows.pop()[0]
        windows.append((start, end))
    return windows


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:] if message else message
