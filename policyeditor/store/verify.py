"""Rule 5's proof: the text of every adopted version is as it was adopted.

For each adopted version: its recorded commit is in the library's history,
the SHA-256 of ``policies/<id>/policy.md`` at that commit is the recorded
hash, and the annotated tag ``<id>/v<N>`` exists and points at that commit.
A legacy version imported from a history line whose text was never known
(no commit, no hash, no tag) has nothing to prove. Each problem is one plain sentence naming the policy, the version and what
was altered. Editing the draft after an adoption is not a problem: the
adopted text lives in the recorded commit, not in the draft.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from policyeditor.core.versions import Policy, Version
from policyeditor.store.files import draft_path

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo
    from policyeditor.store.library import Library


def verify(lib: "Library") -> list[str]:
    """Plain sentences naming what was altered; [] when every adopted text is intact."""
    repo = lib.repo()
    reachable = repo.reachable()
    tags = repo.tags()
    problems: list[str] = []
    for policy in lib.policies():
        for version in policy.versions:
            if version.adopted is not None and not _text_not_kept(policy, version, tags):
                problems += _check_version(repo, policy, version, reachable, tags)
    return problems


def _text_not_kept(policy: Policy, v: Version, tags: dict[str, tuple[str, str]]) -> bool:
    """A legacy version known only from a history line (``ops.importing``): no text, no hash, no tag."""
    return v.legacy and not v.text_commit and not v.text_sha256 and f"{policy.id}/v{v.number}" not in tags


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
