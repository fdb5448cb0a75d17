"""The JSON feed a website backend uses to stamp data when it collects it.

For every policy, every version with its in-force interval (local dates and
the UTC instants they begin at: 00:00 in the library's time zone), its text
hash and its public address. A backend stamps a record with the version
whose interval holds the collection instant, the same answer
``policyeditor tag`` gives afterwards.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from policyeditor.core import dates, timeline
from policyeditor.core.versions import LibrarySettings, Policy
from policyeditor.export.atom import site_address

FEED_FORMAT = 1


def _utc(d: date | None, tz: str) -> str | None:
    if d is None:
        return None
    instant = dates.start_of_day(d, tz).astimezone(timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def feed_data(settings: LibrarySettings, policies: list[Policy], *, today: date,
              generated: datetime) -> dict:
    """The feed as plain data (dicts, lists, strings, numbers)."""
    tz = settings.timezone
    out = []
    for policy in policies:
        periods = {v.number: (start, end) for v, start, end in timeline.intervals(policy)}
        states = timeline.states(policy, today)
        current = timeline.in_force(policy, today, tz)
        versions = []
        for v in policy.versions:
            start, end = periods.get(v.number, (None, None))
            versions.append({
                "number": v.number,
                "state": str(states.get(v.number, v.state(today)).value),
                "change_class": v.change_class,
                "legacy": v.legacy,
                "adopted": _iso(v.adopted),
                "posted": _iso(v.posted),
                "effective_from": _iso(start),
                "effective_until": _iso(end),
                "effective_from_utc": _utc(start, tz),
                "effective_until_utc": _utc(end, tz),
                "text_sha256": v.text_sha256,
                "posted_text_sha256": v.posted_sha256,
                "url": site_address(settings, f"{policy.id}/v{v.number}.html"),
            })
        out.append({
            "id": policy.id,
            "code": policy.code,
            "title": policy.title,
            "in_force": current.number if current else None,
            "url": site_address(settings, f"{policy.id}/latest.html"),
            "versions": versions,
        })
    return {
        "format": FEED_FORMAT,
        "district": settings.district,
        "timezone": tz,
        "generated": generated.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "note": ("A version is in force from effective_from_utc (inclusive) until "
                 "effective_until_utc (exclusive; null: still in force or not yet scheduled)."),
        "policies": out,
    }


def feed_json(settings: LibrarySettings, policies: list[Policy], *, today: date,
              generated: datetime) -> str:
    """The feed as JSON text, stable key order, ending with a newline."""
    return json.dumps(feed_data(settings, policies, today=today, generated=generated),
                      indent=2, ensure_ascii=False) + "\n"
