"""The packet of a version: the reading packet (memo, redline, history) or the clean adopted copy.

``library_packet(lib, policy, reading, number)`` decides what is printed:
for a "first" or "second" reading, version ``number`` (default: the latest
still on its way, else the draft) against the version in force (or, when
that is this version or a later one, the latest adopted before it), with
the memo, the date of the reading and the signature named in the library's
settings; for "adopted", the clean copy of version ``number`` (default: the
latest adopted; a version never adopted is refused, naming its state).
At the second reading the text is the draft while the version is on its way,
so amendments since the first reading are in it, and the memo names the
first reading's date and whether the text was amended (rule 10). The DOCX's
tracked changes carry the author and date of the commit that saved the new
text. ``write_packet`` writes it as PDF or DOCX.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.dates import long_date
from policyeditor.core.errors import ExportError, InvalidInput, LibraryError, LibraryStateError, NotFound
from policyeditor.ops.formats import PACKET, format_for, write

if TYPE_CHECKING:
    from policyeditor.core.versions import Policy
    from policyeditor.export.packet import Packet
    from policyeditor.store.library import Library

READINGS = ("first", "second", "adopted")


def library_packet(lib: "Library", policy: "Policy", reading: str, number: int | None = None, *,
                   on: date | None = None, summary: bool = False) -> "Packet":
    """The packet of ``policy``: 'first'/'second' reading, or 'adopted' (the clean copy).

    ``on``: the meeting's date printed on the memo (default: the day the reading
    was recorded, else today). ``summary``: a page with the change summary.
    """
    if reading == "adopted":
        packet = _clean_packet(lib, policy, number)
    else:
        packet = _reading_packet(lib, policy, reading, number, on, summary)
    return packet


def write_packet(lib: "Library", policy_id: str, output: str | os.PathLike, *, reading: str = "first",
                 number: int | None = None, on: date | None = None, summary: bool = False) -> "Policy":
    """Write the packet of ``policy_id`` to ``output`` (.pdf or .docx); the policy's record."""
    format_for(output, PACKET)
    policy = lib.policy(policy_id)
    packet = library_packet(lib, policy, reading, number, on=on, summary=summary)
    write(PACKET, packet, output, author=document_author(lib), when=lib.now())
    return policy


def document_author(lib: "Library") -> str:
    """Who an exported document is by: the name set in the user's settings or git's, else the district."""
    from policyeditor.store.identity import os_user
    from policyeditor.store.usersettings import UserSettings

    name = lib.author.name
    if name and (name != os_user() or UserSettings.load().name):
        return name
    return lib.settings.district or name


def saved_by(lib: "Library", policy_id: str, commit: str = "") -> tuple[str, datetime | None]:
    """The author and date of the commit that last saved the policy's text, at ``commit`` ('' : now).

    The tracked changes of a DOCX carry them: who wrote the new text, and when.
    ("", None) when the history holds no such commit.
    """
    from policyeditor.store.files import draft_path

    args = ["-1", "--format=%an%x00%aI"]
    if commit:
        if not all(c in "0123456789abcdef" for c in commit.lower()):
            return "", None
        args.append(commit)
    try:
        out = lib.repo().run("log", *args, "--", draft_path(policy_id)).strip()
    except LibraryError:
        return "", None
    if "\x00" not in out:
        return "", None
    name, when = out.split("\x00", 1)
    try:
        return name, datetime.fromisoformat(when.strip())
    except ValueError:
        return name, None


def _parts_for(lib: "Library", policy: "Policy", packet: "Packet", commit: str) -> "Packet":
    """The packet with the policy's code, the document's author and the changes' author and date."""
    by, at = saved_by(lib, policy.id, commit)
    parts = replace(packet.parts, code=policy.code, document_author=document_author(lib),
                    revised_by=by, revised_at=at)
    return replace(packet, parts=parts)


def _clean_packet(lib: "Library", policy: "Policy", number: int | None) -> "Packet":
    from policyeditor.export.packet import clean_copy

    adopted = [v for v in policy.versions if v.adopted is not None]
    if number is None:
        if not adopted:
            raise NotFound(f"{policy.title} has no adopted version yet, so there is no adopted copy to print.")
        number = adopted[-1].number
    version = policy.version(number)
    if version.adopted is None:
        raise InvalidInput(
            f"Version {number} of {policy.title} was never adopted ({_state(version)}), so it has no "
            "adopted copy. Print its reading packet with --reading first or second, or choose an adopted "
            "version" + (f" (the latest is version {adopted[-1].number})." if adopted else "."))
    packet = clean_copy(policy, lib.version_text(policy.id, number), upto=number)
    return _parts_for(lib, policy, packet, version.text_commit)


def _state(version) -> str:
    """A version's state in words, from its recorded events."""
    if version.withdrawn is not None:
        return f"withdrawn on {long_date(version.withdrawn)}"
    if version.second_reading is not None:
        return f"second reading held on {long_date(version.second_reading)}, not adopted"
    if version.first_reading is not None:
        return f"first reading held on {long_date(version.first_reading)}, not adopted"
    return "no reading or adoption recorded"


def _reading_packet(lib: "Library", policy: "Policy", reading: str, number: int | None,
                    on: date | None, summary: bool) -> "Packet":
    from policyeditor.export.packet import reading_packet
    from policyeditor.store.files import sha256_text

    if number is None:
        latest = policy.latest
        if latest is not None and latest.adopted is None and latest.withdrawn is None:
            number = latest.number
    version = policy.version(number) if number is not None else None
    # The text presented: at the first reading, the version's text as read; at the second, the
    # draft while the version is on its way (amendments included), else the adopted text.
    read_commit = (version.read_commit or version.text_commit) if version is not None else ""
    if version is None:
        new_text, commit = lib.draft_text(policy.id), ""
    elif (reading == "second" and version.adopted is None and version.withdrawn is None
          and policy.latest is not None and policy.latest.number == version.number):
        new_text, commit = lib.draft_text(policy.id), ""      # the draft is this version's, amended
    elif reading == "first" and read_commit:
        new_text, commit = _text_at(lib, policy.id, read_commit), read_commit
    else:
        new_text, commit = lib.version_text(policy.id, version.number), version.text_commit
    today = lib.today()
    base = lib.in_force(policy.id, today)
    if base is not None and version is not None and base.number >= version.number:
        earlier = [v for v in policy.versions if v.number < version.number and v.adopted is not None]
        base = earlier[-1] if earlier else None
    old_text = lib.version_text(policy.id, base.number) if base is not None else None
    held = None
    amended = None
    if version is not None:
        held = version.first_reading if reading == "first" else version.second_reading
        if reading == "second" and read_commit:
            amended = sha256_text(new_text) != sha256_text(_text_at(lib, policy.id, read_commit))
    packet = reading_packet(
        policy, lib.settings, old=old_text, new=new_text,
        memo=version.memo if version is not None else policy.draft_memo, reading=reading, on=on or held or today,
        justification=version.justification if version is not None else "",
        signature=signature(lib), upto=base.number if base is not None else None,
        first_read=version.first_reading if version is not None else None, amended=amended,
        summary_page=summary,
    )
    return _parts_for(lib, policy, packet, commit)


def _text_at(lib: "Library", policy_id: str, commit: str) -> str:
    from policyeditor.store.files import decode_text, draft_path

    data = lib.repo().file_at(commit, draft_path(policy_id))
    if data is None:
        raise LibraryStateError(f"The text read at the first reading of {policy_id} is missing from the "
                                f"library's history (commit {commit[:8]}). Run verify to see what was altered.")
    return decode_text(data, policy_id)


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
