"""Tag a data file: each record gets the version of a policy in force when it was collected.

``tag_data(lib, policy_id, job, dst=)`` writes the tagged copy (and, with
``job.skip_bad``, a report of the rows left out) and records the run in this
workstation's register, and what the data covers in the library itself
(``store.coverage``: rule 7, travels with sync); nothing is written when a row cannot be tagged and
bad rows are not to be skipped. ``counts_text`` says how many records went
to each version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyeditor.core.versions import Policy
    from policyeditor.store.library import Library
    from policyeditor.store.tagging import TagJob, TagOutcome


@dataclass(frozen=True)
class Tagged:
    """The policy the data was tagged with, and what tagging wrote."""

    policy: "Policy"
    outcome: "TagOutcome"

    def counts_text(self) -> str:
        """'version 1: 3, version 2: 5', or 'none' when no record was tagged."""
        counts = sorted(self.outcome.counts.items())
        return ", ".join(f"version {n}: {c}" for n, c in counts) or "none"


def tag_data(lib: "Library", policy_id: str, job: "TagJob", *, dst: str | None = None) -> Tagged:
    """Tag ``job.data`` with ``policy_id``'s version in force at each record's time; record the run."""
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.core.tagging import Tagger
    from policyeditor.store.coverage import recorder
    from policyeditor.store.register import library_key, open_for
    from policyeditor.store.tagging import tag_file

    policy = lib.policy(validate_policy_id(policy_id))
    tagger = Tagger(policy, lib.settings.timezone, now=lib.now(), dst=dst)
    with open_for(lib) as register:
        outcome = tag_file(job, tagger, register=register, library=library_key(lib), ran_by=str(lib.author),
                           coverage=recorder(lib, tagger))
    return Tagged(policy, outcome)
