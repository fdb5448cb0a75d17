"""Version records, policies and library settings: plain data, no I/O.

The store reads and writes these from ``library.toml`` and
``policies/<id>/policy.toml``; the rules (``core.rules``) check them; the
timeline (``core.timeline``) answers which version is in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from typing import Any

from policyeditor.core.change_classes import EDITORIAL, SUBSTANTIVE

CHANGE_CLASSES = (SUBSTANTIVE, EDITORIAL)

@dataclass(frozen=True)
class EventKind:
    """One kind of event of a version's process: the one table every module reads.

    ``key`` is the name stored in policy.toml and typed (with '-') on the command
    line; ``label`` the words in sentences ("the adoption on ..."); ``fact``: it
    records something that has happened, so never after today (rule 1);
    ``fixes_text``: it records which text it concerns (the draft's commit and
    hash) and the change class is settled then; ``reading``: it belongs to the
    chain first reading <= second reading <= adoption (rule 1); ``order``: the
    order of the process, for lists and menus.
    """

    key: str
    label: str
    fact: bool
    fixes_text: bool = False
    reading: bool = False
    order: int = 0

    @property
    def cli_name(self) -> str:
        return self.key.replace("_", "-")


EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind("first_reading", "first reading", fact=True, fixes_text=True, reading=True, order=1),
    EventKind("second_reading", "second reading", fact=True, reading=True, order=2),
    EventKind("adopted", "adoption", fact=True, fixes_text=True, reading=True, order=3),
    EventKind("posted", "posting", fact=True, order=4),
    EventKind("effective", "effective date", fact=False, order=5),
    EventKind("reviewed", "review", fact=True, order=6),
    EventKind("withdrawn", "withdrawal", fact=True, order=7),
)
EVENT_KIND = {k.key: k for k in EVENT_KINDS}

# Views of the table, in process order.
EVENTS = tuple(k.key for k in sorted(EVENT_KINDS, key=lambda k: k.order))
EVENT_LABELS = {k.key: k.label for k in EVENT_KINDS}
FACT_EVENTS = tuple(k for k in EVENTS if EVENT_KIND[k].fact)          # never after today
TEXT_EVENTS = tuple(k for k in EVENTS if EVENT_KIND[k].fixes_text)    # record their text
READING_CHAIN = tuple(k for k in EVENTS if EVENT_KIND[k].reading)     # rule 1's chain
FIRST_READING, SECOND_READING, ADOPTED, POSTED, EFFECTIVE, REVIEWED, WITHDRAWN = EVENTS


def event_from_cli(name: str) -> str:
    """'first-reading' -> 'first_reading'; unknown names raise ValueError."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in EVENT_KIND:
        raise ValueError(name)
    return key


class State(str, Enum):
    """A version's state, derived from its events and today; never stored."""

    PRESENTED = "first reading held"
    SECOND_READING = "second reading held"
    ADOPTED = "adopted"              # adopted, no effective date yet
    PENDING = "adopted, effective later"  # effective date in the future
    IN_FORCE = "in force"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Memo:
    """The cover memo's fields for a version's packets."""

    recommendation: str = ""
    description: str = ""
    supporting_data: str = ""


@dataclass(frozen=True)
class Correction:
    """A recorded correction of a fact's date: the history keeps both dates.

    ``when`` is the instant it was recorded (ISO 8601), ``who`` the person
    ("Name <e-mail>")."""

    event: str
    old: date
    new: date
    reason: str
    when: str = ""
    who: str = ""


@dataclass(frozen=True)
class Version:
    """One numbered text of a policy and the dates of its process.

    ``text_commit``/``text_sha256`` name the text: set at first reading (the
    text presented) and again at adoption (the text adopted). ``posted_sha256``
    and ``posted_commit`` name the text that was posted (rule 3). When the
    adopted text differs from the first reading's (an amendment, rule 10),
    ``read_commit``/``read_sha256`` keep the text of the first reading.
    """

    number: int
    change_class: str = SUBSTANTIVE
    justification: str = ""          # why a substantive-looking change is editorial
    legacy: bool = False             # predates the tool: exempt from rules 2 and 3
    first_reading: date | None = None
    second_reading: date | None = None
    adopted: date | None = None
    posted: date | None = None
    effective: date | None = None
    withdrawn: date | None = None
    reviewed: tuple[date, ...] = ()
    text_commit: str = ""
    text_sha256: str = ""
    posted_commit: str = ""
    posted_sha256: str = ""
    read_commit: str = ""            # rule 10: the first reading's text, when the adopted one differs
    read_sha256: str = ""
    memo: Memo = field(default_factory=Memo)
    corrections: tuple[Correction, ...] = ()   # dates corrected after they were recorded

    @property
    def label(self) -> str:
        return f"version {self.number}"

    @property
    def effective_date(self) -> date | None:
        """The date this version takes effect, as every rule and the timeline read it.

        A legacy version imported with only an adoption date took effect on
        that date (rule 6). The default is applied here, when the record is
        read, not written into policy.toml: the file keeps what was entered.
        """
        if self.effective is not None:
            return self.effective
        if self.legacy:
            return self.adopted
        return None

    def with_event(self, event: str, when: date) -> "Version":
        """A copy with ``event`` recorded on ``when`` (reviews accumulate)."""
        if event == REVIEWED:
            return replace(self, reviewed=tuple(sorted({*self.reviewed, when})))
        if event not in EVENT_KIND:
            raise ValueError(event)
        changes: dict[str, Any] = {event: when}
        return replace(self, **changes)

    def state(self, today: date) -> State:
        """The state on ``today`` ignoring later versions (see timeline.states)."""
        if self.withdrawn is not None and self.withdrawn <= today:
            return State.WITHDRAWN
        if self.adopted is not None:
            effective = self.effective_date
            if effective is None:
                return State.ADOPTED
            if effective > today:
                return State.PENDING
            return State.IN_FORCE
        if self.second_reading is not None:
            return State.SECOND_READING
        return State.PRESENTED


@dataclass(frozen=True)
class Policy:
    """A policy's record (policy.toml), without its draft text."""

    id: str
    title: str
    code: str = ""
    review_months: int | None = None
    notice_days: int | None = None   # overrides the library's when set
    versions: tuple[Version, ...] = ()
    # The memo for the draft's next version, kept until its first reading (which starts the
    # version's memo from it and clears it); prefilled by a model-policy update. Not a fact.
    draft_memo: Memo = Memo()

    def version(self, number: int) -> Version:
        for v in self.versions:
            if v.number == number:
                return v
        from policyeditor.core.errors import NotFound

        raise NotFound(
            f"{self.title} has no version {number}. "
            f"Its versions are: {', '.join(str(v.number) for v in self.versions) or 'none yet'}."
        )

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class LibrarySettings:
    """library.toml: who the library belongs to and its process settings."""

    district: str
    committee: str = "School Committee"
    salutation: str = "TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:"
    signer: str = ""
    signer_title: str = "Superintendent of Schools"
    signature_image: str = ""        # path inside the library, optional
    timezone: str = "America/New_York"
    notice_days: int = 30
    website: str = ""                # public address the notice site is served from

    def notice_days_for(self, policy: Policy) -> int:
        return policy.notice_days if policy.notice_days is not None else self.notice_days
