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
    from policyeditor.core import textmodel

    return textmodel.serialize(textmodel.parse(text.replace("\r\n", "\n").replace("\r", "\n")))


def validate_settings(settings: LibrarySettings) -> LibrarySettings:
    """Refuse settings a library cannot work with (InvalidInput with the remedy)."""
    from policyeditor.core import dates

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
    if not title:
        raise InvalidInput("A policy needs a title, for example 'Website Privacy Policy'.")
    return title


def review_months(months: int | None) -> int | None:
    """A review cycle in months (1-240), or None for none."""
    if months is not None and not 1 <= months <= 240:
        raise InvalidInput("A review cycle is a number of months between 1 and 240.")
    return months
