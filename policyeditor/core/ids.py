"""Policy ids: the allow-list."""

from __future__ import annotations

import re

from policyeditor.core.errors import InvalidPolicyId

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64


def validate_policy_id(policy_id: str) -> str:
    """Return ``policy_id`` if it is allowed, else raise InvalidPolicyId.

    Allowed: lowercase letters a-z, digits and single hyphens between them,
    at most 64 characters ("website-privacy", "ijndc-2"). This keeps ids safe
    as folder names, git tag names and URL parts on every platform.
    """
    if not isinstance(policy_id, str) or not policy_id:
        raise InvalidPolicyId("A policy id is needed, for example 'website-privacy'.")
    if len(policy_id) > MAX_ID_LENGTH or not _ID.fullmatch(policy_id):
        raise InvalidPolicyId(
            f"'{policy_id[:80]}' cannot be a policy id. Use lowercase letters, digits "
            "and single hyphens between them, for example 'website-privacy'."
        )
    return policy_id
