"""The packet of a version: the reading packet (memo, redline, history) or the clean adopted copy.

``library_packet(lib, policy, reading, number)`` decides what is printed:
for a "first" or "second" reading, version ``number`` (default: the latest
still on its way, else the draft) against the version in force (or, when
that is this version or a later one, the latest adopted before it), with
the memo, the date of the reading and the signature named in the library's
settings; for "adopted", the clean copy of version ``number`` (default: the
latest adopted). ``write_packet`` writes it as PDF or DOCX.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.errors import ExportError, NotFound
from policyeditor.ops.formats import PACKET, format_for, write

if TYPE_CHECKING:
    from policyeditor.core.versions import Policy
    from policyeditor.export.packet import Packet
    from policyeditor.store.library import Library

READINGS = ("first", "second", "adopted")


def library_packet(lib: "Library", policy: "Policy", reading: str, number: int | None = None) -> "Packet":
    """The packet of ``policy``: 'first'/'second' reading, or 'adopted' (the clean copy)."""
    if reading == "adopted":
        return _clean_packet(lib, policy, number)
    return _reading_packet(lib, policy, reading, number)


def write_packet(lib: "Library", policy_id: str, output: str | os.PathLike, *, reading: str = "first",
                 number: int | None = None) -> "Policy":
    """Write the packet of ``policy_id`` to ``output`` (.pdf or .docx); the policy's record."""
    format_for(output, PACKET)
    policy = lib.policy(policy_id)
    packet = library_packet(lib, policy, reading, number)
    write(PACKET, packet, output, author=lib.author.name, when=lib.now())
    return policy


def _clean_packet(lib: "Library", policy: "Policy", number: int | None) -> "Packet":
    from policyeditor.export.packet import clean_copy

    adopted = [v for v in policy.versions if v.adopted is not None]
    if number is None:
        if not adopted:
            raise NotFound(f"{policy.title} has no adopted version yet, so there is no adopted copy to print.")
        number = adopted[-1].number
    return clean_copy(policy, lib.version_text(policy.id, number), upto=number)


def _reading_packet(lib: "Library", policy: "Policy", reading: str, number: int | None) -> "Packet":
    from policyeditor.core.versions import Memo
    from policyeditor.export.packet import reading_packet

    if number is None:
        latest = policy.latest
        if latest is not None and latest.adopted is None and latest.withdrawn is None:
            number = latest.number
    version = policy.version(number) if number is not None else None
    new_text = lib.version_text(policy.id, number) if version is not None else lib.draft_text(policy.id)
    today = lib.today()
    base = lib.in_force(policy.id, today)
    if base is not None and version is not None and base.number >= version.number:
        earlier = [v for v in policy.versions if v.number < version.number and v.adopted is not None]
        base = earlier[-1] if earlier else None
    old_text = lib.version_text(policy.id, base.number) if base is not None else None
    held = None
    if version is not None:
        held = version.first_reading if reading == "first" else version.second_reading
    return reading_packet(
        policy, lib.settings, old=old_text, new=new_text,
        memo=version.memo if version is not None else Memo(), reading=reading, on=held or today,
        justification=version.justification if version is not None else "",
        signature=signature(lib), upto=base.number if base is not None else None,
    )


def signature(lib: "Library") -> bytes | None:
    """The signature image named in the library settings, or None when none is set."""
    name = lib.settings.signature_image.strip()
    if not name:
        return None
    path = (Path(lib.path) / name).resolve()
    if Path(lib.path).resolve() not in path.parents:
        raise ExportError(f"The signature image \u201c{name}\u201d must be a file inside the library folder.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExportError(f"The signature image \u201c{name}\u201d named in the library settings cannot be "
                          f"read ({exc.strerror}). Put the file in the library folder or clear the setting.") from exc
