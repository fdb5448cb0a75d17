"""Every error a user can meet is one class of this tree.

    PolicyEditorError                 a message a clerk can read, and what to do
     +-- InvalidInput                 something typed or chosen is not acceptable
     |    +-- InvalidPolicyId         an id outside the allow-list
     |    +-- InvalidDate             a date or time that cannot be read
     |    +-- TextError               text that is not UTF-8 or cannot be parsed
     +-- RuleViolation                a rule of docs/design.md refuses the change
     +-- NotFound                     unknown policy, version, dataset or record
     +-- LibraryError                 the library on disk cannot be used as it is
     |    +-- NotALibrary
     |    +-- LibraryBusy             another program is writing (git index lock)
     |    +-- LibraryStateError       detached HEAD, a dirty tree it did not make
     |    +-- SyncError               a remote could not be reached or refused
 |    +-- GitMissing              the git program is not on this computer
     +-- ExportError                  a document could not be written
     +-- DataError                    collected data that cannot be tagged
          +-- RegisterError           the workstation's tagging register cannot be used

Each message is one or two plain sentences: what is wrong, with the dates or
names involved, and what to do. ``details`` holds technical text (git's stderr)
for a folded-away "details" section; it is never the main message.
"""

from __future__ import annotations


class PolicyEditorError(Exception):
    """Base of every error policyeditor raises on purpose."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class InvalidInput(PolicyEditorError):
    """Something the user typed or chose is not acceptable."""


class InvalidPolicyId(InvalidInput):
    """A policy id outside the allow-list (lowercase letters, digits, '-')."""


class InvalidDate(InvalidInput):
    """A date or date-time that cannot be read."""


class TextError(InvalidInput):
    """Text that is not UTF-8, or that cannot be turned into the text model."""


class RuleViolation(PolicyEditorError):
    """A rule of the policy process refuses the change; nothing was written.

    ``rule`` is the rule's number in docs/design.md (1-7); ``earliest`` the earliest
    date that would pass, when there is one.
    """

    def __init__(self, message: str, *, rule: int, earliest=None, details: str = "") -> None:
        super().__init__(message, details=details)
        self.rule = rule
        self.earliest = earliest


class NotFound(PolicyEditorError):
    """An unknown policy, version, dataset or record."""


class LibraryError(PolicyEditorError):
    """The library on disk cannot be used as it is."""


class NotALibrary(LibraryError):
    """The folder is not a policy library."""


class LibraryBusy(LibraryError):
    """Another program is writing to the library (git's index is locked)."""


class DraftChanged(LibraryError):
    """The draft was saved elsewhere (another window, the command line, a sync) since it was loaded.

    Carries the three texts so the window can show a redline and ask:
    ``loaded`` (what the editor started from), ``theirs`` (the draft now),
    ``mine`` (what the editor wants to save). Nothing was written.
    """

    def __init__(self, policy_id: str, loaded: str, theirs: str, mine: str) -> None:
        super().__init__(
            f"The draft of '{policy_id}' was changed by someone else since you opened it, so your "
            "text was not saved. Compare the two texts, then save again to keep yours, or reload "
            "to keep theirs.")
        self.policy_id = policy_id
        self.loaded = loaded
        self.theirs = theirs
        self.mine = mine


class LibraryStateError(LibraryError):
    """The repository is in a state the tool will not write over."""


class SyncError(LibraryError):
    """A remote could not be reached, or refused what was sent."""


class GitMissing(LibraryError):
    """The git program, which keeps the library, cannot be found or does not run."""


class ExportError(PolicyEditorError):
    """A document could not be produced or written."""


class DataError(PolicyEditorError):
    """Collected data that cannot be tagged as it is."""


class RegisterError(DataError):
    """The workstation's tagging register (SQLite) cannot be opened or is damaged."""
