"""The notice site's Atom 1.0 feed (RFC 4287): one entry per version with news.

An entry per version that has been posted, adopted or given an effective
date, updated at its latest such date, so a feed reader shows a change when
it is posted and again when it is adopted. Ids are ``urn:uuid`` values derived
from the district, policy and version, so they never change between
publications. ElementTree writes the XML, so every text is escaped.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

from policyeditor.core import dates
from policyeditor.core.versions import LibrarySettings, Policy, Version

ATOM = "http://www.w3.org/2005/Atom"
_NEWS = (("posted", "posted"), ("adopted", "adopted"), ("effective", "takes effect"))


def site_address(settings: LibrarySettings, rel: str) -> str:
    """The public address of a site file: absolute when the library names its website."""
    base = settings.website.strip()
    if not base:
        return rel
    return base.rstrip("/") + "/" + rel


def entry_id(settings: LibrarySettings, policy_id: str, number: int) -> str:
    """A permanent id for version ``number`` of a policy of this district."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL,
                                        f"policyeditor:{settings.district}:{policy_id}:v{number}"))


def _instant(d: date, settings: LibrarySettings) -> str:
    return dates.start_of_day(d, settings.timezone).isoformat()


def _events(v: Version) -> list[tuple[str, date]]:
    found = []
    for attr, words in _NEWS:
        when = v.effective_date if attr == "effective" else getattr(v, attr)
        if when is not None:
            found.append((words, when))
    return found


def _summary(policy: Policy, v: Version, events: list[tuple[str, date]]) -> str:
    parts = [f"{words} {dates.long_date(when)}" for words, when in events]
    kind = "Editorial change" if v.change_class == "editorial" else "Substantive change"
    return f"{policy.title}, version {v.number}: {kind}; " + "; ".join(parts) + "."


def feed(settings: LibrarySettings, policies: list[Policy], *, generated: datetime) -> str:
    """The feed.xml text."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _sub(root, "title", f"{settings.district}: policy changes")
    _sub(root, "subtitle", "Postings, adoptions and effective dates of the district's policies.")
    _sub(root, "id", "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"policyeditor:{settings.district}")))
    author = _sub(root, "author")
    _sub(author, "name", settings.district)
    _sub(root, "link", rel="alternate", type="text/html", href=site_address(settings, "index.html"))
    if settings.website.strip():
        _sub(root, "link", rel="self", type="application/atom+xml", href=site_address(settings, "feed.xml"))
    entries = []
    for policy in policies:
        for v in policy.versions:
            events = _events(v)
            if events:
                entries.append((max(when for _w, when in events), policy, v, events))
    entries.sort(key=lambda e: (e[0], e[1].id, e[2].number), reverse=True)
    newest = max((e[0] for e in entries), default=None)
    stamp = _instant(newest, settings) if newest else generated.astimezone(timezone.utc).isoformat()
    _sub(root, "updated", stamp)
    for updated, policy, v, events in entries:
        entry = _sub(root, "entry")
        words, when = events[-1]
        if words == "takes effect" and when <= generated.date():
            words = "took effect"
        _sub(entry, "title", f"{policy.title}: version {v.number} {words} {dates.long_date(when)}")
        _sub(entry, "id", entry_id(settings, policy.id, v.number))
        _sub(entry, "updated", _instant(updated, settings))
        _sub(entry, "link", rel="alternate", type="text/html",
             href=site_address(settings, f"{policy.id}/v{v.number}.html"))
        _sub(entry, "summary", _summary(policy, v, events), type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element
