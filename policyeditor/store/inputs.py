"""Checks of what a user gives the library: text, settings, titles, review cycles.

Each refusal is an InvalidInput or TextError with a plain message; nothing
here touches the disk.
"""

from __future__ import annotations

from policyeditor.core.errors import InvalidInput, TextError
from policyeditor.core.versions import LibrarySettings
from policyeditor.store import files


def canonical_text(text: str | bytes, where: str = "The text") -> str:
    """Text as the library stores it: UTF-8 checked, canonical Markdown, LF line ends."""
    if isinstance(text, bytes):
        text = files.decode_text(text, where)
    if not isinstance(text, str):
        raise TextError(f"{where} must be text.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TextError(f"{where} contains characters that cannot be saved as UTF-8.") from exc
    refuse_controls(text, where)
    from policyeditor.core import textmodel

    return textmodel.serialize(textmodel.parse(text.replace("\r\n", "\n").replace("\r", "\n")))


def refuse_controls(text: str, where: str) -> None:
    """TextError naming each control character (NUL, ESC, a right-to-left override...) by line and column.

    Such characters never belong in a policy: a NUL would silently become
    U+FFFD, a terminal escape would act when the text is printed, and a
    bidirectional override makes a sentence display differently than it is
    stored (and redlined).
    """
    from policyeditor.core.textcheck import refused_characters

    found = refused_characters(text)
    if found:
        shown = " ".join(f.message for f in found[:3]) + (f" ... and {len(found) - 3} more." if len(found) > 3 else "")
        raise TextError(f"{where} contains control characters that do not belong in a policy: {shown} "
                        "Remove them and try again; nothing was saved.")


def validate_settings(settings: LibrarySettings) -> LibrarySettings:
    """Refuse settings a library cannot work with (InvalidInput with the remedy)."""
    from policyeditor.core import dates

    for name in ("district", "committee", "signer"):
        refuse_controls(str(getattr(settings, name, "")), f"The {name}")
    if not settings.district.strip():
        raise InvalidInput("A library needs the district's name, for example 'Cambridge Public Schools'.")
    if not settings.committee.strip():
        raise InvalidInput("A library needs the committee's name, for example 'School Committee'.")
    dates.zone(settings.timezone)
    if not 0 <= settings.notice_days <= 3650:
        raise InvalidInput(f"The notice period must be between 0 and 3650 days, not {settings.notice_days}.")
    return settings

def policy_title(title: str) -> str:
    """A title with its spaces tidied; refused when empty."""
    title = " ".join(str(title).split())
    refuse_controls(title, "The title")
    if not title:
        raise InvalidInput("A policy needs a title, for example 'Website Privacy Policy'.")
    return title


def review_months(months: int | None) -> int | None:
    """A review cycle in months (1-240), or None for none."""
    if months is not None and not 1 <= months <= 240:
        raise InvalidInput("A review cycle is a number of months between 1 and 240.")
    return months
