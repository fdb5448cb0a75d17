"""The public notice site: static pages a web administrator uploads as they are.

Addresses are stable, so a notice, a record or a letter can cite them:

- ``index.html``            every policy: code, title, version in force, dates
- ``<id>/latest.html``      the policy now: text in force, pending changes with
                            posting date, effective date and countdown, redline,
                            and the archive of earlier versions (also ``<id>/index.html``)
- ``<id>/v<N>.html``        version N's text and the dates it was in force
- ``<id>/at.html``          "which version was in force on a date": a table of
                            date ranges linking to each version. It resolves any
                            date without a server or JavaScript, where a page per
                            day (``at/<date>.html``) would mean thousands of files.
- ``feed.xml``              Atom feed of adoptions, postings and effective dates

The builder is pure (core objects in, ``{path: text}`` out); ``write_site``
writes it into a folder of its own (see ``write_site``).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from policyeditor import atomicfile
from policyeditor.core import timeline
from policyeditor.core.errors import ExportError
from policyeditor.core.versions import LibrarySettings, Policy, State, Version
from policyeditor.export import atom
from policyeditor.export.sitehtml import (
    STYLE, day, esc, link, page, policy_text_html, shift_headings, table,
)

PENDING_STATES = (State.PRESENTED, State.SECOND_READING, State.ADOPTED, State.PENDING)


@dataclass(frozen=True)
class PublishedPolicy:
    """A policy with the texts the site shows.

    ``texts`` maps version numbers to their Markdown; ``redlines`` maps a
    pending version to an HTML redline fragment against the text in force
    (when a redline engine supplies one; else its full text is shown).
    """

    policy: Policy
    texts: Mapping[int, str]
    redlines: Mapping[int, str] = field(default_factory=dict)


def pending_versions(policy: Policy, today: date) -> list[Version]:
    """Versions still on their way: presented, read, or adopted but not yet in force.

    A version read but never adopted is superseded once a later version is
    presented: it is no longer on its way and is not listed."""
    states = timeline.states(policy, today)
    later_read = {v.number for v in policy.versions if v.first_reading is not None and v.withdrawn is None}
    return [v for v in policy.versions if states.get(v.number) in PENDING_STATES
            and not (v.adopted is None and any(n > v.number for n in later_read))]


def build_site(settings: LibrarySettings, policies: list[PublishedPolicy], *,
               today: date, generated: datetime) -> dict[str, str]:
    """Every file of the site, by relative path."""
    feed_title = f"{settings.district}: policy changes"
    files = {"style.css": STYLE,
             "index.html": _index(settings, policies, today, feed_title),
             "feed.xml": atom.feed(settings, [p.policy for p in policies], generated=generated)}
    for item in policies:
        pid = item.policy.id
        ctx = _Ctx(settings, item, today, feed_title)
        files[f"{pid}/latest.html"] = files[f"{pid}/index.html"] = ctx.policy_page()
        files[f"{pid}/at.html"] = ctx.at_page()
        for version in item.policy.versions:
            files[f"{pid}/v{version.number}.html"] = ctx.version_page(version)
    return files


def _index(settings: LibrarySettings, policies: list[PublishedPolicy], today: date,
           feed_title: str) -> str:
    rows = []
    for item in sorted(policies, key=lambda p: (p.policy.code or "~", p.policy.title)):
        policy = item.policy
        current = timeline.in_force(policy, today, settings.timezone)
        pending = pending_versions(policy, today)
        rows.append([
            esc(policy.code or "none"),
            link(f"{policy.id}/latest.html", policy.title),
            link(f"{policy.id}/v{current.number}.html", f"Version {current.number}") if current else "None yet",
            day(current.adopted) if current else "not adopted",
            day(current.effective_date) if current else "not set",
            "; ".join(_pending_summary(v, today) for v in pending) or "None",
        ])
    body = (f"<h1>Policies of {esc(settings.district)}</h1>\n"
            f"<p>The text in force of each policy, as of {day(today)}, and changes on their way. "
            "Each policy page keeps every earlier version and the dates it was in force.</p>\n"
            + table("Policies", ["Code", "Policy", "Version in force", "Adopted", "Effective",
                                 "Pending change"], rows))
    return page(title="Policies", district=settings.district, depth=0, body=body,
                generated=today, feed_title=feed_title)


def _pending_summary(v: Version, today: date) -> str:
    """"Version 3 (adopted November 16, 2026) takes effect December 21, 2026 (in 22 days ...)"."""
    if v.adopted is not None:
        step = f"adopted {day(v.adopted)}"
    elif v.second_reading is not None:
        step = f"second reading {day(v.second_reading)}"
    else:
        step = f"first reading {day(v.first_reading)}"
    posted = f", posted {day(v.posted)}" if v.posted else ""
    effective = v.effective_date
    if effective is None:
        return f"Version {v.number} ({step}{posted}): effective date not yet set"
    return (f"Version {v.number} ({step}{posted}) takes effect {day(effective)}, "
            f"{_countdown(effective, today)}")


def _countdown(effective: date, today: date) -> str:
    days = (effective - today).days
    if days <= 0:
        return f"in force as of {esc(today.isoformat())}"
    unit = "day" if days == 1 else "days"
    return f"in {days} {unit} as of {day(today)}"


class _Ctx:
    """The pages of one policy."""

    def __init__(self, settings: LibrarySettings, item: PublishedPolicy, today: date,
                 feed_title: str) -> None:
        self.settings, self.item, self.today, self.feed_title = settings, item, today, feed_title
        self.policy = item.policy
        # A version in force twice (around a withdrawal) is described by its latest period.
        self.periods = {v.number: (start, end) for v, start, end in timeline.intervals(self.policy)}
        self.current = timeline.in_force(self.policy, today, settings.timezone)

    def _page(self, title: str, body: str) -> str:
        return page(title=title, district=self.settings.district, depth=1, body=body,
                    generated=self.today, feed_title=self.feed_title)

    def _heading(self) -> str:
        code = f" ({esc(self.policy.code)})" if self.policy.code else ""
        return f"<h1>{esc(self.policy.title)}{code}</h1>\n"

    def policy_page(self) -> str:
        body = [self._heading(), self._pending_notice(), '<h2 id="in-force">Text in force</h2>\n']
        if self.current is None:
            body.append("<p>No version of this policy is in force yet.</p>\n")
        else:
            start, end = self.periods[self.current.number]
            body.append(f"<p>Version {self.current.number}, adopted {day(self.current.adopted)}, "
                        f"in force since {day(start)}. Permanent address: "
                        f"{link(f'v{self.current.number}.html', f'version {self.current.number}')}.</p>\n")
            body.append(self._text(self.current, 3))
        body.append(self._pending_section())
        body.append(self._archive_section())
        return self._page(self.policy.title, "".join(body))

    def _pending_notice(self) -> str:
        """A notice at the top of the page when a change is on its way (the posting's purpose)."""
        lines = [f"<li>{_pending_summary(v, self.today)}</li>" for v in pending_versions(self.policy, self.today)]
        if not lines:
            return ""
        return ('<div class="notice" role="note"><p><strong>Notice of pending change:</strong></p>\n'
                f"<ul>{''.join(lines)}</ul>\n<p>{link('#pending', 'Read the pending changes')}</p></div>\n")

    def _text(self, version: Version, top: int) -> str:
        if version.number not in self.item.texts:
            return ("<p>The text of this version was not kept: it predates this library and is known only "
                    "from the policy's history line.</p>\n")
        text = self.item.texts[version.number]
        return f'<div class="policy-text">\n{policy_text_html(text, top)}</div>\n'

    def _pending_section(self) -> str:
        pending = pending_versions(self.policy, self.today)
        parts = ['<h2 id="pending">Pending changes</h2>\n']
        if not pending:
            parts.append("<p>No change to this policy is pending.</p>\n")
        for v in pending:
            parts.append(f'<h3 id="v{v.number}">Version {v.number}</h3>\n<div class="notice">\n')
            parts.append(self._dates_list(v))
            effective = v.effective_date
            if effective is not None:
                parts.append(f"<p><strong>Takes effect {day(effective)}: "
                             f"{_countdown(effective, self.today)}.</strong></p>\n")
            parts.append("</div>\n")
            parts.append(self._change_text(v))
        return "".join(parts)

    def _change_text(self, v: Version) -> str:
        redline = self.item.redlines.get(v.number)
        if redline and self.current is not None:
            return (f"<p><strong>Changes from the text in force (version {self.current.number}):</strong> "
                    "inserted text is underlined and announced as inserted; deleted text is struck "
                    "through and announced as deleted.</p>\n"
                    f'<div class="policy-text">\n{shift_headings(redline, 4)}\n</div>\n')
        return f"<p><strong>Full text of version {v.number}:</strong></p>\n" + self._text(v, 4)

    def _dates_list(self, v: Version) -> str:
        items = [("First reading", v.first_reading), ("Second reading", v.second_reading),
                 ("Adopted", v.adopted), ("Posted", v.posted), ("Effective", v.effective_date)]
        shown = "".join(f"<dt>{esc(k)}</dt><dd>{day(d)}</dd>" for k, d in items if d is not None)
        change = "An editorial change." if v.change_class == "editorial" else "A substantive change."
        if v.legacy:
            change = "Adopted before these records were kept; the posting rules did not apply to it."
        return f"<p>{change}</p>\n<dl>{shown}</dl>\n" if shown else ""

    def _archive_section(self) -> str:
        rows = []
        for v, start, end in reversed(timeline.intervals(self.policy)):
            if start > self.today:
                continue    # scheduled: shown under pending changes
            until = day(end) if end and end <= self.today else "still in force"
            if end and end > self.today:
                until += f" (until {day(end)}, when the pending change takes effect)"
            rows.append([link(f"v{v.number}.html", f"Version {v.number}"), day(v.adopted),
                         day(start), until])
        body = ['<h2 id="archive">All versions and when they were in force</h2>\n',
                f"<p>To find the version in force on a given date, see "
                f"{link('at.html', 'versions by date')}.</p>\n"]
        if rows:
            body.append(table(f"Versions of {self.policy.title}",
                              ["Version", "Adopted", "In force from", "In force until (not including)"],
                              rows))
        else:
            body.append("<p>No version has been in force yet.</p>\n")
        return "".join(body)

    def version_page(self, v: Version) -> str:
        period = self.periods.get(v.number)
        if period is None:
            status = f"Version {v.number} has not been in force."
            if v.withdrawn is not None:
                status = f"Version {v.number} was withdrawn on {day(v.withdrawn)} and was never in force."
        elif period[1] is None:
            status = f"Version {v.number} has been in force since {day(period[0])}."
        else:
            status = (f"Version {v.number} was in force from {day(period[0])} until {day(period[1])} "
                      f"(not including that day).")
        if period and period[0] > self.today:
            status = f"Version {v.number} takes effect {day(period[0])}: {_countdown(period[0], self.today)}."
        body = (f"<h1>{esc(self.policy.title)}: version {v.number}</h1>\n<p>{status}</p>\n"
                + self._dates_list(v)
                + f"<p>{link('latest.html', 'The policy now')} · {link('at.html', 'Versions by date')}</p>\n"
                + '<h2 id="text">Text</h2>\n' + self._text(v, 3))
        return self._page(f"{self.policy.title}, version {v.number}", body)

    def at_page(self) -> str:
        rows = [[day(start), day(end) if end else "no end date yet",
                 link(f"v{v.number}.html", f"Version {v.number}") + (" (scheduled)" if start > self.today else "")]
                for v, start, end in timeline.intervals(self.policy)]
        body = (f"<h1>{esc(self.policy.title)}: versions by date</h1>\n"
                f"<p>Find the row whose dates include yours: that version was in force on that date. "
                f"A version takes effect at 00:00 in {esc(self.settings.timezone)} on its first day "
                f"and stops at 00:00 on the day in the second column.</p>\n")
        body += (table("Version in force by date", ["From", "Until (not including)", "Version"], rows)
                 if rows else "<p>No version has been in force yet.</p>\n")
        return self._page(f"{self.policy.title}: versions by date", body)


MARKER = ".policyeditor-site"
_BUILD = ".policyeditor-build-"
_SHOWN = 5


def _site_files(outdir: Path) -> set[str] | None:
    """The files the site wrote (from its marker), or None when ``outdir`` holds no site."""
    try:
        data = json.loads((outdir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != "policyeditor":
        return None
    names = data.get("files")
    if not isinstance(names, list):
        return None
    return {n for n in names if isinstance(n, str) and _safe_rel(n)}


def _safe_rel(rel: str) -> bool:
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def _remove_dead_builds(outdir: Path) -> None:
    """Remove staging folders of a publish that was killed (their process is gone)."""
    for entry in outdir.iterdir():
        if entry.name.startswith(_BUILD) and entry.is_dir() and not entry.is_symlink():
            pid = entry.name[len(_BUILD):].split("-")[0]
            if pid.isdigit() and not atomicfile.pid_alive(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)


def _refuse_foreign(outdir: Path, ours: set[str] | None, new: Mapping[str, str]) -> None:
    """ExportError naming what is in ``outdir`` that the site did not write (and would be touched)."""
    if ours is None:
        present = sorted(e.name + ("/" if e.is_dir() else "") for e in outdir.iterdir()
                         if not e.name.startswith(_BUILD))
        if not present:
            return
        shown = ", ".join(present[:_SHOWN]) + (f" and {len(present) - _SHOWN} more" if len(present) > _SHOWN else "")
        raise ExportError(
            f"{outdir} already holds files that policyeditor did not write ({shown}), so the site "
            "was not published there. Choose an empty or new folder for the site; nothing was changed.")
    clash = sorted(rel for rel in new if rel not in ours and (outdir / rel).exists())
    clash += sorted(rel for rel in new if any(
        (outdir / "/".join(rel.split("/")[:i])).is_file() and "/".join(rel.split("/")[:i]) not in ours
        for i in range(1, rel.count("/") + 1)))
    if clash:
        raise ExportError(
            f"{outdir} holds {', '.join(clash[:_SHOWN])}, which the site did not write and would "
            "replace. Move it out of the site's folder and publish again; nothing was changed.")


def write_site(outdir: Path, files: Mapping[str, str]) -> None:
    """Write the site into ``outdir``: a new or empty folder, or one holding an earlier site.

    The folder's marker file (``.policyeditor-site``, written on the first
    publish) lists the files the site wrote. Anything else in the folder is
    never replaced or deleted: a folder with other files and no marker is
    refused, naming them. The pages are built in a staging folder first (a
    failure there leaves the old site unchanged), then each moves into place
    atomically; pages of the old site that the new one lacks are removed; the
    marker is written last.
    """
    outdir = Path(outdir)
    parent = outdir.parent
    if not parent.is_dir():
        raise ExportError(f"The folder {parent} does not exist; create it or choose another place.")
    if outdir.is_symlink() or (outdir.exists() and not outdir.is_dir()):
        raise ExportError(f"{outdir} is not a folder; choose a folder for the site.")
    if any(not _safe_rel(rel) or rel == MARKER for rel in files):
        raise ExportError("The site names a page outside its folder; nothing was written.")
    try:
        outdir.mkdir(exist_ok=True)
        _remove_dead_builds(outdir)
        ours = _site_files(outdir)
        _refuse_foreign(outdir, ours, files)
        build = outdir / f"{_BUILD}{os.getpid()}-{os.urandom(4).hex()}"
        build.mkdir()
    except OSError as exc:
        raise ExportError(f"Cannot write in {outdir}: {exc.strerror or exc}.") from None
    try:
        for rel, text in files.items():
            target = build / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            atomicfile.write_text(target, text)
    except OSError as exc:
        shutil.rmtree(build, ignore_errors=True)
        raise ExportError(f"The site could not be written to {outdir}: {exc.strerror or exc}. "
                          "The site that was there is unchanged.") from None
    try:
        # the marker first names old and new pages, so a publish killed halfway is no stranger's files
        _write_marker(outdir, (ours or set()) | set(files))
        for rel in sorted((ours or set()) - set(files), key=lambda r: -r.count("/")):
            old = outdir / rel
            if old.is_file() and not old.is_symlink():
                old.unlink()
                _prune(old.parent, outdir)
        for rel in files:
            target = outdir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(build / rel, target)
        _write_marker(outdir, set(files))
    except OSError as exc:
        raise ExportError(f"The site could not be written completely to {outdir}: {exc.strerror or exc}. "
                          "Each page is whole (old or new); publish again to finish.") from None
    finally:
        shutil.rmtree(build, ignore_errors=True)


def _write_marker(outdir: Path, names: set[str]) -> None:
    marker = {"generator": "policyeditor", "files": sorted(names)}
    atomicfile.write_text(outdir / MARKER, json.dumps(marker, indent=1) + "\n")


def _prune(folder: Path, top: Path) -> None:
    """Remove folders emptied by removing old pages, up to (not including) ``top``."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
