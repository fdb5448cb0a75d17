"""Library commands: demo, init, new, policy, list, show, save, versions, record, check,
in-force, verify, config.

Handlers import the store inside the function so that building the parser
stays cheap. A refusal is a PolicyEditorError (exit 2, one plain sentence,
nothing written); check and verify exit 1 when they find a problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EVENT_CHOICES = ("first-reading", "second-reading", "adopted", "posted", "effective", "reviewed", "withdrawn")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library commands to ``sub``, in the order of issue 2."""
    _register_texts(sub)
    _register_process(sub)


def _register_texts(sub: argparse._SubParsersAction) -> None:
    """demo, init, new, list, show, save."""
    p = sub.add_parser("demo", help="create the demo library (Cambridge Public Schools' Website Privacy Policy)")
    p.add_argument("path", metavar="PATH", help="a new or empty folder")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("init", help="create a new, empty policy library")
    p.add_argument("path", metavar="PATH", help="a new or empty folder")
    p.add_argument("--district", required=True, metavar="NAME", help="the district, e.g. 'Cambridge Public Schools'")
    p.add_argument("--committee", required=True, metavar="NAME", help="the committee, e.g. 'School Committee'")
    p.add_argument("--timezone", default="America/New_York", metavar="TZ", help="default America/New_York")
    p.add_argument("--notice-days", type=int, default=30, metavar="N", help="days of notice for substantive changes (30)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("new", help="add a policy (its draft; versions come with readings)")
    p.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens, e.g. website-privacy")
    p.add_argument("--title", required=True)
    p.add_argument("--code", default="", help="classification code, e.g. IJNDC")
    p.add_argument("--text", metavar="FILE", help="a Markdown or text file with the policy's text")
    p.add_argument("--review-months", type=int, metavar="N", help="review the policy every N months")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "policy", help="show or change a policy's title, code, review cycle or notice period",
        description="Without options: the policy's details. Each option changes one detail; all the "
        "changes of one command are recorded together, in one commit.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--title", metavar="TITLE")
    p.add_argument("--code", metavar="CODE", help="classification code, e.g. IJNDC ('' to remove it)")
    p.add_argument("--review-months", metavar="N", help="review the policy every N months (1-240), or 'none'")
    p.add_argument("--notice-days", metavar="N",
                   help="days of notice this policy's substantive changes need (0-3650), or 'library' "
                        "to use the library's setting")
    p.set_defaults(func=cmd_policy)

    p = sub.add_parser("list", help="the policies: version in force and what is pending")
    p.add_argument("--due", action="store_true", help="only policies whose review is due")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="print a policy's text (the draft unless a version or date is given)")
    p.add_argument("id", metavar="ID")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--version", type=int, metavar="N")
    which.add_argument("--at", metavar="DATE", help="the version in force at this date or time")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("save", help="make FILE's content the draft of a policy")
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-m", "--message", default="", metavar="MESSAGE", help="what changed (the commit message)")
    p.set_defaults(func=cmd_save)


def _register_process(sub: argparse._SubParsersAction) -> None:
    """versions, record, check, in-force, verify, config."""
    p = sub.add_parser("versions", help="every version of a policy with its dates, change class and state")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_versions)

    p = sub.add_parser("record", help="record a reading, adoption, posting, effective date, review or withdrawal")
    p.add_argument("id", metavar="ID")
    p.add_argument("event", metavar="EVENT", help=", ".join(EVENT_CHOICES))
    p.add_argument("date", metavar="DATE", help="year-month-day, e.g. 2018-05-01")
    p.add_argument("--version", type=int, metavar="N", help="default: the latest version")
    p.add_argument("--editorial", action="store_true", help="mark the change editorial")
    p.add_argument("--justification", default="", metavar="TEXT", help="why a substantive-looking change is editorial")
    p.add_argument("--legacy", action="store_true", help="import the draft as a version adopted before this library")
    p.add_argument("--amended", action="store_true",
                   help="confirm an adoption of a text changed since its first reading (shown when refused)")
    p.set_defaults(func=cmd_record)

    p = sub.add_parser("correct", help="correct a mistyped date of a recorded reading, adoption, posting "
                       "or withdrawal (the history keeps both dates and the reason)")
    p.add_argument("id", metavar="ID")
    p.add_argument("event", metavar="EVENT", help="the event whose date was mistyped")
    p.add_argument("date", metavar="NEWDATE", help="the right date, year-month-day")
    p.add_argument("--version", type=int, metavar="N", required=True, help="the version whose date is wrong")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the history)")
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser("search", help="search the drafts and every adopted version for words, best first")
    p.add_argument("words", metavar="WORDS", nargs="+", help="every word must occur; a word's start matches")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("check", help="check every rule for every version; exit 1 if any fails")
    p.add_argument("id", metavar="ID", nargs="?")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("in-force", help="the version in force at a date or time")
    p.add_argument("id", metavar="ID")
    p.add_argument("--at", required=True, metavar="DATE_OR_DATETIME", help="2018-07-01 or 2018-07-01T09:30")
    p.set_defaults(func=cmd_in_force)

    p = sub.add_parser("verify", help="prove adopted texts were not altered; exit 1 naming what was")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("config", help="set (or show) who your commits are by")
    p.add_argument("--name", metavar="NAME")
    p.add_argument("--email", metavar="EMAIL")
    p.set_defaults(func=cmd_config)


def open_library(args: argparse.Namespace):
    """The Library named by --library, $POLICYEDITOR_LIBRARY or the current folder (every command's)."""
    from policyeditor.cli import library_path
    from policyeditor.store import Library

    return Library.open(library_path(args))


def _read_file(name: str) -> bytes:
    from policyeditor.core.errors import InvalidInput

    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"The file {name} cannot be read ({exc.strerror}). Check its name and location.") from exc


def cmd_demo(args: argparse.Namespace) -> int:
    from policyeditor.store.demo import create_demo

    with create_demo(args.path) as lib:
        print(f"Created the demo library in {lib.path}.")
        print(f"Try: policyeditor --library {lib.path} list")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from policyeditor.core.versions import LibrarySettings
    from policyeditor.store import Library

    settings = LibrarySettings(district=args.district, committee=args.committee,
                               timezone=args.timezone, notice_days=args.notice_days)
    with Library.create(args.path, settings) as lib:
        print(f"Created an empty policy library for {settings.district} in {lib.path}.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    text = _read_file(args.text) if args.text else ""
    with open_library(args) as lib:
        policy = lib.create_policy(args.id, args.title, args.code, text, args.review_months)
        print(f"Added {policy.title} ({policy.id}). Its first version begins with a first reading.")
    return 0


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _number_or(value: str, option: str, word: str) -> int | None:
    """``value`` as a whole number of 0 or more, None for ``word``; a sentence otherwise."""
    from policyeditor.core.errors import InvalidInput

    text = value.strip().lower()
    if text == word:
        return None
    if not text.isdigit():
        raise InvalidInput(f"{option} takes a whole number or '{word}', not \u201c{value}\u201d.")
    return int(text)


def _policy_details(policy, settings) -> list[str]:
    review = f"every {policy.review_months} months" if policy.review_months else "none"
    own = policy.notice_days is not None
    notice = f"{settings.notice_days_for(policy)} days" + (" (this policy's own)" if own else
                                                           " (the library's setting)")
    return [f"{policy.title} ({policy.id})", f"  code: {policy.code or '-'}",
            f"  review cycle: {review}", f"  notice for substantive changes: {notice}"]


def cmd_policy(args: argparse.Namespace) -> int:
    from policyeditor.core.errors import InvalidInput
    from policyeditor.core.ids import validate_policy_id

    policy_id = validate_policy_id(args.id)
    review = notice = None
    if args.review_months is not None:
        review = _number_or(args.review_months, "--review-months", "none")
        if review == 0:
            raise InvalidInput("A review cycle is a number of months between 1 and 240, or 'none' for no review.")
        review = 0 if review is None else review            # update_policy_info: 0 removes the cycle
    if args.notice_days is not None:
        notice = _number_or(args.notice_days, "--notice-days", "library")
        notice = -1 if notice is None else notice           # update_policy_info: -1 is the library's
    with open_library(args) as lib:
        before = lib.policy(policy_id)
        if (args.title, args.code, review, notice) == (None, None, None, None):
            print("\n".join(_policy_details(before, lib.settings)))
            return 0
        after = lib.update_policy_info(policy_id, title=args.title, code=args.code,
                                       review_months=review, notice_days=notice)
        lines = _policy_details(after, lib.settings)
    if after == before:
        print(f"Nothing changed: {after.title} already has these details.")
        return 0
    print(f"Updated the details of {after.title}:")
    print("\n".join(lines[1:]))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from policyeditor.store.summary import summaries

    with open_library(args) as lib:
        items = summaries(lib)
    if args.due:
        items = [s for s in items if s.review_due]
    if not items:
        print("No policy is due for review." if args.due else "The library has no policies yet.")
        return 0
    rows = [["ID", "CODE", "TITLE", "IN FORCE", "PENDING"]]
    for s in items:
        in_force = f"v{s.in_force} since {s.in_force_since}" if s.in_force else "none"
        pending = "; ".join(s.pending) or "-"
        if args.due:
            pending = f"review due (every {s.review_months} months; last {s.last_review or 'never'})"
        rows.append([s.id, s.code or "-", s.title, in_force, pending])
    print(_table(rows))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from policyeditor.core import dates
    from policyeditor.core.errors import NotFound

    with open_library(args) as lib:
        if args.version is not None:
            text = lib.version_text(args.id, args.version)
        elif args.at:
            when = dates.parse_when(args.at, lib.settings.timezone)
            version = lib.in_force(args.id, when)
            if version is None:
                raise NotFound(f"No version of '{args.id}' was in force at {args.at}.")
            text = lib.version_text(args.id, version.number)
        else:
            text = lib.draft_text(args.id)
    from policyeditor.core.textcheck import visible

    sys.stdout.write(visible(text))  # a terminal escape in a (hand-edited) text is shown, never acted on
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    data = _read_file(args.file)
    with open_library(args) as lib:
        sha = lib.save_draft(args.id, data, args.message)
    print(f"Saved the draft of '{args.id}' (commit {sha[:10]})." if sha else
          f"The draft of '{args.id}' is unchanged; nothing was saved.")
    return 0


def cmd_versions(args: argparse.Namespace) -> int:
    from policyeditor.core import timeline
    from policyeditor.core.versions import EVENT_LABELS

    with open_library(args) as lib:
        policy = lib.policy(args.id)
        states = timeline.states(policy, lib.today())
    print(f"{policy.title} ({policy.id}{', ' + policy.code if policy.code else ''})")
    if not policy.versions:
        print("No versions yet: the first begins with a first reading.")
        return 0
    rows = [["VERSION", "CLASS", "STATE", "FIRST READING", "SECOND READING", "ADOPTED", "POSTED", "EFFECTIVE"]]
    for v in policy.versions:
        cls = "legacy" if v.legacy else v.change_class
        state = states[v.number].value if v.number in states else v.state(lib.today()).value
        eff = v.effective_date
        rows.append([str(v.number), cls, state, *(str(d) if d else "-" for d in
                     (v.first_reading, v.second_reading, v.adopted, v.posted, eff))])
    print(_table(rows))
    for v in policy.versions:
        if v.withdrawn:
            print(f"Version {v.number} was withdrawn on {v.withdrawn}.")
        if v.reviewed:
            print(f"Version {v.number} reviewed: {', '.join(str(d) for d in v.reviewed)}.")
        if v.justification:
            print(f"Version {v.number} marked editorial: {v.justification}")
        for c in v.corrections:
            print(f"Version {v.number}: {EVENT_LABELS[c.event]} corrected from {c.old} to {c.new} "
                  f"on {c.when[:10]} by {c.who}: {c.reason}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from policyeditor.core.versions import EVENT_LABELS
    from policyeditor.store.events import event_name

    event = event_name(args.event)
    with open_library(args) as lib:
        version = lib.record_event(args.id, event, args.date, version=args.version, editorial=args.editorial,
                                   justification=args.justification, legacy=args.legacy,
                                   amended=args.amended)
    legacy = " (legacy)" if version.legacy else ""
    print(f"Recorded the {EVENT_LABELS[event]} of '{args.id}' version {version.number}{legacy} on {args.date}.")
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    from policyeditor.core.versions import EVENT_LABELS
    from policyeditor.store.events import event_name

    event = event_name(args.event)
    with open_library(args) as lib:
        version = lib.correct_event(args.id, args.version, event, args.date, args.reason)
    fix = version.corrections[-1]
    print(f"Corrected the {EVENT_LABELS[event]} of '{args.id}' version {version.number}: "
          f"{fix.old} -> {fix.new} (the history keeps both).")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from policyeditor.store.search import search

    with open_library(args) as lib:
        hits = search(lib, " ".join(args.words), limit=args.limit)
    if not hits:
        print(f"Nothing found for: {' '.join(args.words)}")
        return 1
    for hit in hits:
        code = f" ({hit.code})" if hit.code else ""
        print(f"{hit.policy_id}  {hit.label}  {hit.title}{code}")
        print(f"    {hit.snippet}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from policyeditor.store.events import check_policy

    with open_library(args) as lib:
        ids = [args.id] if args.id else lib.policy_ids()
        results = {pid: check_policy(lib, lib.policy(pid)) for pid in ids}
    failures = [(pid, f) for pid, items in results.items() for f in items]
    for pid, f in failures:
        print(f"{pid}: rule {f.rule}: {f.message}")
    if failures:
        return 1
    print(f"Every rule passes ({len(results)} {'policy' if len(results) == 1 else 'policies'} checked).")
    return 0


def cmd_in_force(args: argparse.Namespace) -> int:
    from policyeditor.core import dates
    from policyeditor.core.errors import NotFound

    with open_library(args) as lib:
        when = dates.parse_when(args.at, lib.settings.timezone)
        version = lib.in_force(args.id, when)
    if version is None:
        raise NotFound(f"No version of '{args.id}' was in force at {args.at}.")
    print(f"version {version.number}")
    print(f"effective {version.effective_date}")
    print(f"text sha256 {version.text_sha256}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from policyeditor.store.verify import verify

    with open_library(args) as lib:
        problems = verify(lib)
    for line in problems:
        print(line)
    if problems:
        return 1
    print("Every adopted text, hash and tag is intact.")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from policyeditor.core.errors import InvalidInput
    from policyeditor.store.usersettings import UserSettings

    settings = UserSettings.load()
    if args.name is not None:
        if not args.name.strip():
            raise InvalidInput("A name is needed, for example --name \"Maria Lopez\".")
        settings["name"] = " ".join(args.name.split())
    if args.email is not None:
        email = args.email.strip()
        if email.count("@") != 1 or email.startswith("@") or email.endswith("@") or " " in email:
            raise InvalidInput(f"'{email}' is not an e-mail address, for example maria.lopez@district.org.")
        settings["email"] = email
    if args.name is not None or args.email is not None:
        settings.save()
    name = settings.name or "(not set: git's user.name, else your login name)"
    email = settings.email or "(not set: git's user.email, else login@computer)"
    print(f"Commits are by: {name} <{email}>" if settings.name and settings.email else f"name: {name}\nemail: {email}")
    return 0
