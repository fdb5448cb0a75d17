"""Publish the public notice site: every policy's text in force, pending changes with their redlines.

``publish_site(lib, outdir, record_posting=)`` records today's posting of
each pending version first when asked (all or none, each checked against
the rules), then writes the site into ``outdir`` (a folder outside the
library), replaced as a whole only when everything was written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.errors import ExportError, RuleViolation

if TYPE_CHECKING:
    from policyeditor.core.versions import Policy
    from policyeditor.export.site import PublishedPolicy
    from policyeditor.store.library import Library


def publish_site(lib: "Library", outdir: Path, *, record_posting: bool = False) -> tuple[list[str], int]:
    """Record postings (when asked), then write the site; (what was recorded, pages written)."""
    from policyeditor.export.site import build_site, write_site

    outdir = Path(outdir)
    refuse_inside_library(lib, outdir)
    lines = record_postings(lib) if record_posting else []
    items = [published(lib, policy) for policy in lib.policies()]
    files = build_site(lib.settings, items, today=lib.today(), generated=lib.now())
    write_site(outdir, files)
    return lines, sum(1 for name in files if name.endswith(".html"))


def refuse_inside_library(lib: "Library", outdir: Path) -> None:
    """ExportError when ``outdir`` lies inside the library (the site would mix into its files)."""
    try:
        outdir.resolve().relative_to(Path(lib.path).resolve())
    except ValueError:
        return
    raise ExportError(f"{outdir} is inside the policy library; the site would be mixed into the "
                      "library's files. Choose a folder outside the library.")


def published(lib: "Library", policy: "Policy") -> "PublishedPolicy":
    """The texts (and redlines of pending versions against the text in force) of a policy."""
    from policyeditor.core import timeline
    from policyeditor.core.redline import compare
    from policyeditor.export.html import redline_fragment
    from policyeditor.export.site import PublishedPolicy, pending_versions

    # A legacy version imported from a history line has no text (ops.importing): none is shown.
    texts = {v.number: lib.version_text(policy.id, v.number) for v in policy.versions if v.text_commit}
    today = lib.today()
    current = timeline.in_force(policy, today, lib.settings.timezone)
    redlines = {}
    if current is not None:
        for v in pending_versions(policy, today):
            redlines[v.number] = redline_fragment(compare(texts.get(current.number, ""), texts[v.number]))
    return PublishedPolicy(policy, texts, redlines)


def record_postings(lib: "Library") -> list[str]:
    """Record today's posting of every pending version whose text is not yet on record as posted.

    Every posting is checked against the rules first, so either all are
    recorded or none (a refusal names the rule and the dates).
    """
    from policyeditor.export.site import pending_versions

    today = lib.today()
    todo = []
    for policy in lib.policies():
        for v in pending_versions(policy, today):
            if v.posted_sha256 and v.posted_sha256 == v.text_sha256:
                continue
            if v.adopted is None and lib.draft_changed(policy.id):
                raise RuleViolation(
                    f"The draft of {policy.title} has changed since version {v.number} was "
                    "presented, so a posting would not record the text the site shows. Present "
                    "the draft, or publish without --record-posting. Nothing was recorded.", rule=3)
            failures = lib.preview_event(policy.id, "posted", today, version=v.number)
            if failures:
                raise RuleViolation(f"{failures[0].message} Nothing was recorded or published.",
                                    rule=failures[0].rule, earliest=failures[0].earliest)
            todo.append((policy, v))
    lines = []
    for policy, v in todo:
        lib.record_event(policy.id, "posted", today, version=v.number)
        lines.append(f"Recorded the posting of {policy.title} version {v.number} on {today}.")
    return lines
