"""The demo library: Cambridge Public Schools' Website Privacy Policy and three more.

Built through the ordinary Library operations (so the rules check every
step), with the clock set to each step's date so that ``git log`` reads as
the manual's history. Texts are package data in policyeditor/resources/demo/. The Website Privacy
Policy is as in the seed packet: version 1 adopted 2009-10-05 (imported as
legacy, in force since), version 2 presented at a first reading on
2018-05-01 with the packet's memo. The seed gives no classification code;
the demo uses IJNDC, the NEPN/NSBA code of school websites policies.
"""

from __future__ import annotations

import shutil
from datetime import datetime, time
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from policyeditor import resources
from policyeditor.core.errors import InvalidInput, LibraryError, NotALibrary
from policyeditor.core.versions import LibrarySettings, Memo
from policyeditor.store.library import Library
from policyeditor.store.records import Author

TIMEZONE = "America/New_York"
RESOURCES = "demo"          # the texts' folder in policyeditor/resources (package data)
AUTHOR = Author("Policy Office", "policy.office@example.org")
DEMO_FOLDER = "demo-library"   # in the user's data folder: see ensure_demo

SETTINGS = LibrarySettings(
    district="Cambridge Public Schools",
    committee="School Committee",
    salutation="TO THE HONORABLE MEMBERS OF THE SCHOOL COMMITTEE:",
    signer="Kenneth N. Salim, Ed.D.",
    signer_title="Superintendent of Schools",
    timezone=TIMEZONE,
    notice_days=30,
)

WEBSITE_MEMO = Memo(
    recommendation=(
        "That the School Committee approve the revisions to the Website Privacy Policy as "
        "detailed in the attached document."
    ),
    description=(
        "These revisions to the Website Privacy Policy are being presented to align the policy "
        "with current best practices relevant to website security and privacy practices."
    ),
    supporting_data="Attached redline of revisions to Cambridge Public Schools Website Privacy Policy.",
)

ACCEPTABLE_USE_MEMO = Memo(
    recommendation=(
        "That the School Committee approve the revisions to the Acceptable Use of Technology "
        "policy as detailed in the attached document."
    ),
    description=(
        "These revisions address online services used in classrooms, data privacy agreements "
        "with their providers, and bullying through social media."
    ),
    supporting_data="Attached redline of revisions to the Acceptable Use of Technology policy.",
)

# (id, title, code, review months, first text)
POLICIES = (
    ("policy-adoption", "Policy Adoption", "BG", None, "policy-adoption-1997.md"),
    ("student-records", "Student Records", "JRA", 60, "student-records-2002.md"),
    ("acceptable-use", "Acceptable Use of Technology", "IJNDB", 36, "acceptable-use-2012.md"),
    ("website-privacy", "Website Privacy Policy", "IJNDC", 36, "website-privacy-2009.md"),
)
_TEXT_FILES = (                     # every text the demo reads (checked before anything is made)
    "policy-adoption-1997.md", "student-records-2002.md", "acceptable-use-2012.md",
    "website-privacy-2009.md", "website-privacy-2018-draft.md", "acceptable-use-2019.md",
    "student-records-draft.md",
)
LEGACY_ADOPTIONS = {
    "policy-adoption": "1997-11-04",
    "student-records": "2002-03-19",
    "acceptable-use": "2012-06-19",
    "website-privacy": "2009-10-05",
}


@cache
def _text(name: str) -> str:
    return resources.text(RESOURCES, name)


class _Clock:
    """A settable clock: every commit of the demo carries the date of its step."""

    def __init__(self) -> None:
        self.now = datetime(2018, 3, 12, 10, 0, tzinfo=ZoneInfo(TIMEZONE))

    def set(self, day: str, hour: int = 10, minute: int = 0) -> None:
        self.now = datetime.combine(datetime.fromisoformat(day).date(), time(hour, minute), ZoneInfo(TIMEZONE))

    def __call__(self) -> datetime:
        return self.now


def create_demo(path: str | Path) -> Library:
    """Create the demo library in ``path`` (a new or empty folder) and return it.

    All or nothing: when a step fails (a demo text missing from the
    installation, a full disk), what was made is removed, so the folder is
    as before (absent, or empty) and a second try can succeed.
    """
    root = Path(path).expanduser().absolute()
    existed = root.exists()
    if existed and (not root.is_dir() or any(root.iterdir())):
        raise InvalidInput(f"{root} is not an empty folder. Choose a new folder for the demo library.")
    lib = None
    try:
        lib = _build(root)
    except BaseException:
        if lib is not None:
            lib.close()
        _remove_made(root, existed)
        raise
    return lib


def _remove_made(root: Path, existed: bool) -> None:
    """Remove what a failed create_demo made: the folder, or its contents if it was there."""
    if not existed:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in list(root.iterdir()) if root.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _build(root: Path) -> Library:
    for name in _TEXT_FILES:          # all read first: a text missing from the installation changes nothing
        _text(name)
    clock = _Clock()
    lib = Library.create(root, SETTINGS, AUTHOR, clock=clock)
    try:
        for minute, (pid, title, code, months, text) in enumerate(POLICIES):
            clock.set("2018-03-12", 10, minute * 5)
            lib.create_policy(pid, title, code, _text(text), months)
            lib.record_event(pid, "adopted", LEGACY_ADOPTIONS[pid], legacy=True)
        _website_privacy(lib, clock)
        _acceptable_use(lib, clock)
        clock.set("2025-10-20", 14, 30)
        lib.save_draft("student-records", _text("student-records-draft.md"),
                       "Student Records: add a section on electronic records")
    except BaseException:
        lib.close()
        raise
    lib.clock = None
    return lib


def _website_privacy(lib: Library, clock: _Clock) -> None:
    """The seed packet's revision: drafted in April, first reading on May 1, 2018."""
    clock.set("2018-04-17", 15, 10)
    lib.save_draft("website-privacy", _text("website-privacy-2018-draft.md"),
                   "Website Privacy Policy: gender-neutral wording; a paragraph on website vendors")
    clock.set("2018-05-01", 18, 0)
    lib.record_event("website-privacy", "first_reading", "2018-05-01")
    clock.set("2018-05-01", 18, 5)
    lib.update_memo("website-privacy", 2, WEBSITE_MEMO)


def _acceptable_use(lib: Library, clock: _Clock) -> None:
    """A complete revision: readings, adoption, posting and an effective date 32 days later."""
    clock.set("2019-01-08", 11, 20)
    lib.save_draft("acceptable-use", _text("acceptable-use-2019.md"),
                   "Acceptable Use: online services, data privacy agreements, cyberbullying")
    steps = (
        ("2019-01-15", "first_reading", 18, 0),
        ("2019-02-05", "second_reading", 18, 0),
        ("2019-02-05", "adopted", 19, 30),
        ("2019-02-07", "posted", 9, 0),
        ("2019-02-07", "effective", 9, 5),
    )
    for day, event, hour, minute in steps:
        clock.set(day, hour, minute)
        when = "2019-03-11" if event == "effective" else day
        lib.record_event("acceptable-use", event, when)
        if event == "first_reading":
            clock.set(day, hour, minute + 5)
            lib.update_memo("acceptable-use", 2, ACCEPTABLE_USE_MEMO)


def ensure_demo() -> Library:
    """The demo library in the user's data folder (usersettings.data_dir), created on first use.

    What is at that place is checked before it is opened: a complete demo is
    opened; nothing there, an empty folder, or a demo left half-made (an older
    version's failed first run: the demo's library.toml without all its
    policies) is (re)built; anything else (a folder of the user's, another
    library) is left untouched and reported.
    """
    from policyeditor.store.usersettings import data_dir

    path = data_dir() / DEMO_FOLDER
    state = demo_state(path)
    if state == "complete":
        return Library.open(path)
    if state == "half-made":
        _remove_made(path, existed=True)
    elif state == "foreign":
        raise LibraryError(
            f"The folder {path}, where policyeditor keeps its demo library, holds something else. "
            "Move or rename that folder, then open the demo again (policyeditor makes a new one)."
        )
    return create_demo(path)


def demo_state(path: Path) -> str:
    """What is at ``path``: "missing", "empty", "complete", "half-made" or "foreign"."""
    if not path.exists():
        return "missing"
    if not path.is_dir():
        return "foreign"
    if not any(path.iterdir()):
        return "empty"
    try:
        with Library.open(path) as lib:
            if lib.settings.district != SETTINGS.district:
                return "foreign"
            ids = set(lib.policy_ids())
    except NotALibrary:        # busy or mid-merge: those errors are the answer, nothing is removed
        return _made_by_demo(path)
    return "complete" if {pid for pid, *_ in POLICIES} <= ids else "half-made"


def _made_by_demo(path: Path) -> str:
    """A folder that does not open as a library: half-made only if it holds nothing but the demo's start."""
    names = {child.name for child in path.iterdir()}
    if names <= {".git", "library.toml", ".gitattributes", "policies"}:
        library_toml = path / "library.toml"
        if not library_toml.exists() or SETTINGS.district in library_toml.read_text(encoding="utf-8", errors="replace"):
            return "half-made"
    return "foreign"
