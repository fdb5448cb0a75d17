"""verify: the library's records are what the tool recorded, and every rule held.

1. Rule 5: for each adopted version, its recorded commit is in the library's
   history, the SHA-256 of ``policies/<id>/policy.md`` at that commit is the
   recorded hash, and the annotated tag ``<id>/v<N>`` exists and points at
   that commit. Editing the draft after an adoption is not a problem: the
   adopted text lives in the recorded commit, not in the draft.
2. Tags as well as records: every tag ``<id>/v<N>`` has its version on record
   (a deleted version record, a removed policy folder), and every policy that
   ever was in the history is still there (the tool never deletes one).
3. Facts never change: each commit that changed a ``policy.toml`` is compared
   with its parents; a recorded reading, adoption, posting, review or
   withdrawal, and an adopted version's text and class, stay as recorded (a
   re-posting of a posting that no longer counts, rule 3, is the one
   exception; an effective date may move only while it is in the future).
   Records of tagged data (``policies/<id>/tagged/``) are never changed or
   removed. A correction is its own recorded event (``[[versions.corrections]]``,
   never changed once recorded): ``_permitted`` is the one place that accepts it.
4. Every rule re-run on the recorded history: each such commit must not add a
   rule failure on its own day (rules 1-4, 8 with the library's notice period
   at that commit) nor move tagged data (rule 7).
5. Each adopted version's change class recomputed from the texts in git: a
   version recorded editorial without a justification must be editorial.

A legacy version imported from a history line whose text was never known
(no commit, no hash, no tag: ``ops.importing``) has no text to prove.
Each problem is one plain sentence naming the policy, the version and what
was altered.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from policyeditor.core import dates, rules
from policyeditor.core.errors import PolicyEditorError
from policyeditor.core.versions import (
    EDITORIAL,
    EVENT_LABELS,
    FACT_EVENTS,
    POSTED,
    REVIEWED,
    SUBSTANTIVE,
    Policy,
    Version,
)
from policyeditor.store import coverage, files
from policyeditor.store.files import draft_path, record_path

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo
    from policyeditor.store.library import Library


_TAG = re.compile(r"([a-z0-9][a-z0-9-]*)/v([0-9]+)")
# Fields of an adopted version that never change afterwards.
_ADOPTED_FIXED = ("text_commit", "text_sha256", "change_class", "justification", "legacy",
                  "read_commit", "read_sha256")


def verify(lib: "Library") -> list[str]:
    """Plain sentences naming what was altered; [] when the library is intact."""
    repo = lib.repo()
    reachable = repo.reachable()
    tags = repo.tags()
    problems: list[str] = []
    current = set(lib.policy_ids())
    ever = {p.split("/")[1] for p in repo.paths_ever(files.POLICIES_DIR)
            if p.endswith("/" + files.RECORD_FILE) and p.count("/") == 2}
    for pid in sorted(ever - current):
        problems.append(f"The policy '{pid}' (policies/{pid}) was removed from the library; "
                        "policies are never deleted. Restore the folder from the library's history.")
    for policy in lib.policies():
        for version in policy.versions:
            if version.adopted is not None and not _text_not_kept(policy, version, tags):
                problems += _check_version(repo, policy, version, reachable, tags)
        problems += _tags_without_records(policy, tags)
        problems += _history(lib, policy)
        problems += _change_classes(lib, policy)
    for name in sorted(tags):
        m = _TAG.fullmatch(name)
        if m and m.group(1) not in current and m.group(1) not in ever:
            problems.append(f"The tag {name} marks an adopted version of a policy '{m.group(1)}' "
                            "that is not in the library.")
    problems += _tagged_records(lib)
    return problems


def _text_not_kept(policy: Policy, v: Version, tags: dict[str, tuple[str, str]]) -> bool:
    """A legacy version known only from a history line (``ops.importing``): no text, no hash, no tag."""
    return v.legacy and not v.text_commit and not v.text_sha256 and f"{policy.id}/v{v.number}" not in tags


def _tags_without_records(policy: Policy, tags: dict[str, tuple[str, str]]) -> list[str]:
    numbers = {v.number: v for v in policy.versions}
    out = []
    for name in sorted(tags):
        m = _TAG.fullmatch(name)
        if not m or m.group(1) != policy.id:
            continue
        n = int(m.group(2))
        v = numbers.get(n)
        if v is None:
            out.append(f"{policy.title} ({policy.id}), version {n}: the tag {name} marks its adopted "
                       f"text, but policy.toml has no version {n}; its record was deleted.")
        elif v.adopted is None:
            out.append(f"{policy.title} ({policy.id}), version {n}: the tag {name} marks its adopted "
                       "text, but policy.toml records no adoption; the adoption was removed.")
    return out


# --- the recorded history -------------------------------------------------------------

def _parse_policy(lib: "Library", pid: str, data: bytes | None) -> Policy | None:
    if data is None:
        return None
    try:
        return files.policy_from_toml(pid, tomllib.loads(data.decode("utf-8")), record_path(pid))
    except (PolicyEditorError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def _notice_at(lib: "Library", commit: str, policy: Policy) -> int:
    if policy.notice_days is not None:
        return policy.notice_days
    data = lib.repo().file_at(commit, files.LIBRARY_FILE)
    try:
        return files.settings_from_toml(tomllib.loads(data.decode("utf-8"))).notice_days if data else \
            lib.settings.notice_days
    except (PolicyEditorError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return lib.settings.notice_days


def _coverage_at(lib: "Library", commit: str, pid: str) -> dict[int, rules.TaggedSpan]:
    spans = []
    for name, data in lib.repo().files_under(commit, coverage.folder(pid)).items():
        try:
            spans += coverage.parse(tomllib.loads(data.decode("utf-8")), name)
        except (PolicyEditorError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
    return coverage.merge(spans)


def _history(lib: "Library", policy: Policy) -> list[str]:
    """Facts never change, and each commit passed the rules on its day (points 3 and 4)."""
    repo = lib.repo()
    rel = record_path(policy.id)
    out: list[str] = []
    changed_cache: dict[tuple, bool] = {}
    for sha, parents, when, subject in repo.commits_changing(rel):
        new = _parse_policy(lib, policy.id, repo.file_at(sha, rel))
        if new is None:
            continue
        day = dates.local_date(when, lib.settings.timezone)
        where = f"in commit {sha[:10]} of {day} ('{subject[:60]}')"
        olds = {}
        for parent in parents or ("",):
            if parent and repo.blob_id(parent, rel) == repo.blob_id(sha, rel):
                continue
            old = _parse_policy(lib, policy.id, repo.file_at(parent, rel)) if parent else None
            olds[parent] = old or replace(new, versions=())
        # A join of two workstations (store.sync) keeps one side's value of a fact both recorded
        # differently, and store.conflicts keeps the other until a person resolves it: a join
        # that changes no fact of one of its parents changes none.
        joined = len(parents) > 1 and (len(olds) < len(parents) or any(
            not _fact_changes(policy, o, new, day, where) for o in olds.values()))
        for parent, old in olds.items():
            problems = [] if joined else _fact_changes(policy, old, new, day, where)
            if not problems:
                problems = _replayed(lib, policy, old, new, sha, day, where, changed_cache)
            out += problems
            if problems:
                break
    return out


def _permitted(old: Version, new: Version, field: str) -> bool:
    """Whether ``field`` of a version may change from ``old`` to ``new`` (point 3).

    A re-posting replaces a posting that no longer counts (rule 3). A
    correction recorded in the same commit (``[[versions.corrections]]`` naming
    this event, the old date and the new one) is accepted here, and only here.
    """
    made = [c for c in new.corrections if c not in old.corrections]
    if any(c.event == field and c.old == getattr(old, field) and c.new == getattr(new, field) for c in made):
        return True
    if field == POSTED:
        return (new.posted is not None and old.posted is not None and new.posted > old.posted
                and old.posted_sha256 != old.text_sha256)
    return False


def _fact_changes(policy: Policy, old: Policy, new: Policy, day: date, where: str) -> list[str]:
    out = []
    name = f"{policy.title} ({policy.id})"
    after = {v.number: v for v in new.versions}
    for o in old.versions:
        n = after.get(o.number)
        if n is None:
            out.append(f"{name}: the record of version {o.number} was deleted {where}.")
            continue
        label = f"{name}, version {o.number}"
        if n.corrections[:len(o.corrections)] != o.corrections:
            out.append(f"{label}: a recorded correction was changed or removed {where}; the history of "
                       "corrections never changes.")
        for event in FACT_EVENTS:
            if event == REVIEWED:
                lost = sorted(set(o.reviewed) - set(n.reviewed))
                if lost:
                    out.append(f"{label}: the review of {lost[0]} was removed {where}; a recorded "
                               "fact never changes.")
                continue
            before, now = getattr(o, event), getattr(n, event)
            if before is not None and before != now and not _permitted(o, n, event):
                out.append(f"{label}: the {EVENT_LABELS[event]} recorded as {before} was changed to "
                           f"{now or 'nothing'} {where}; a recorded fact never changes.")
        if o.effective is not None and o.effective != n.effective and o.effective <= day:
            out.append(f"{label}: the effective date {o.effective} was changed to "
                       f"{n.effective or 'nothing'} {where}, after it had passed.")
        if o.adopted is not None:
            for field in _ADOPTED_FIXED:
                if getattr(o, field) != getattr(n, field):
                    out.append(f"{label}: its {field.replace('_', ' ')} was changed after the "
                               f"adoption, {where}; an adopted version never changes.")
    return out


def _replayed(lib: "Library", policy: Policy, old: Policy, new: Policy, sha: str, day: date,
              where: str, cache: dict) -> list[str]:
    """The rules as they stood on the commit's day: what the commit added (point 4)."""
    from policyeditor.store.events import posted_changed

    def changed(p: Policy) -> dict[int, bool]:
        out = {}
        for v in p.versions:
            key = (v.posted_commit, v.text_commit, v.posted_sha256, v.text_sha256, v.adopted is None)
            if key not in cache:
                cache[key] = posted_changed(lib, policy.id, v)
            out[v.number] = cache[key]
        return out

    try:
        notice = dates.check_notice_days(_notice_at(lib, sha, new))
    except PolicyEditorError:
        notice = lib.settings.notice_days
    ctx = rules.RuleContext(today=day, notice_days=notice, timezone=lib.settings.timezone,
                            tagged=_coverage_at(lib, sha, policy.id))
    before = rules.check_policy(old, replace(ctx, posted_changed=changed(old)))
    after = rules.check_policy(new, replace(ctx, posted_changed=changed(new)))
    added = [f for f in after if f not in before]
    name = f"{policy.title} ({policy.id})"
    out = [f"{name}: rule {f.rule} fails after the change {where}: {f.message}" for f in added]
    for span, _window in rules.data_moved(old, new, ctx):
        out.append(f"{name}: the change {where} puts {span.records} tagged data record(s) of "
                   f"version {span.version} under another version (rule 7).")
    return out


def _change_classes(lib: "Library", policy: Policy) -> list[str]:
    """Point 5: an adopted version recorded editorial without a justification is editorial."""
    from policyeditor.core import changeclass
    from policyeditor.store.events import previous_version

    out = []
    for v in policy.versions:
        if v.adopted is None or v.legacy or v.change_class != EDITORIAL or v.justification:
            continue
        prev = previous_version(policy, v.number)
        if prev is None:
            continue
        try:
            old_text = lib.version_text(policy.id, prev.number)
            new_text = lib.version_text(policy.id, v.number)
        except PolicyEditorError:
            continue   # a missing text is reported by the rule 5 checks
        result = changeclass.classify(old_text, new_text)
        if result.change_class == SUBSTANTIVE:
            out.append(f"{policy.title} ({policy.id}), version {v.number}: recorded as an editorial "
                       f"change without a justification, but its text differs substantively from "
                       f"version {prev.number} ({result.reason[len('Substantive: '):].rstrip('.')}); "
                       "the change class in policy.toml was altered.")
    return out


def _tagged_records(lib: "Library") -> list[str]:
    """Records of tagged data are never changed or removed once committed."""
    repo = lib.repo()
    modified = repo.modified_paths(files.POLICIES_DIR)
    out = []
    for rel in sorted(repo.paths_ever(files.POLICIES_DIR)):
        if not coverage.is_record(rel):
            continue
        if not (lib.path / rel).is_file():
            out.append(f"The record of tagged data {rel} was removed; records of tagged data are "
                       "never removed (rule 7). Restore it from the library's history.")
        elif rel in modified:
            out.append(f"The record of tagged data {rel} was changed after it was recorded; "
                       "records of tagged data never change (rule 7).")
    return out


def _name(policy: Policy, version: Version) -> str:
    return f"{policy.title} ({policy.id}), version {version.number}"


def _check_version(
    repo: "GitRepo", policy: Policy, v: Version, reachable: set[str], tags: dict[str, tuple[str, str]]
) -> list[str]:
    name = _name(policy, v)
    tag = f"{policy.id}/v{v.number}"
    out: list[str] = []
    if not v.text_commit or not v.text_sha256:
        out.append(f"{name}: the record of the adopted text (its commit or hash) was removed from policy.toml.")
    elif v.text_commit not in reachable:
        out.append(
            f"{name}: the commit holding the adopted text ({v.text_commit[:10]}) is no longer in the "
            "library's history; the history was rewritten."
        )
    else:
        data = repo.file_at(v.text_commit, draft_path(policy.id))
        if data is None:
            out.append(f"{name}: the recorded commit {v.text_commit[:10]} holds no text of this policy.")
        elif hashlib.sha256(data).hexdigest() != v.text_sha256:
            out.append(
                f"{name}: the text at the recorded commit {v.text_commit[:10]} does not match the "
                "recorded hash; the recorded commit or the hash in policy.toml was altered."
            )
    if tag not in tags:
        out.append(f"{name}: the tag {tag} marking the adopted text was deleted.")
        return out
    kind, target = tags[tag]
    if kind != "tag":
        out.append(f"{name}: the tag {tag} was replaced by a plain (not annotated) tag.")
    if v.text_commit and target != v.text_commit:
        out.append(
            f"{name}: the tag {tag} points at commit {target[:10]}, not at the adopted text's "
            f"commit {v.text_commit[:10]}; the tag was moved or the recorded commit was altered."
        )
    return out
