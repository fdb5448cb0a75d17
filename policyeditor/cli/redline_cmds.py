"""Redline commands: diff (two files), redline (a policy's versions), packet.

    policyeditor diff OLD NEW -o FILE.{html,pdf,docx} [--stats] [--summary]
    policyeditor redline ID [--from N] [--to N|draft] [--summary] -o FILE.{html,pdf,docx}
    policyeditor packet ID [--reading first|second|adopted] [--version N] [--date YYYY-MM-DD] [--summary]
                       -o FILE.{pdf,docx}

The work is in ``policyeditor.ops`` (the window exports through the same
functions). Files are written atomically; refusals are PolicyEditorErrors
with plain messages (exit 2) and write nothing.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone

from policyeditor.cli.library_cmds import open_library
from policyeditor.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction) -> None:
    """Add diff, redline and packet to ``sub``."""
    p = sub.add_parser("diff", help="redline two Word, Markdown or text files (outside any library)")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.html, FILE.pdf or FILE.docx")
    p.add_argument("--stats", action="store_true", help="print the change statistics as JSON")
    p.add_argument("--title", help="the title printed on the redline (default: from NEW's file name)")
    p.add_argument("--summary", action="store_true", help="open the redline with a summary of the changes and a key to the marks")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("redline", help="redline two versions of a policy (or a version and the draft)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--from", dest="from_version", type=int, metavar="N",
                   help="the older version (default: the version in force)")
    p.add_argument("--to", dest="to_version", default="draft", metavar="N|draft",
                   help="the newer version, or 'draft' (the default)")
    p.add_argument("--summary", action="store_true", help="open the redline with a summary of the changes and a key to the marks")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.html, FILE.pdf or FILE.docx")
    p.set_defaults(func=cmd_redline)

    p = sub.add_parser("packet", help="the committee packet: cover memo, redline, history line")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reading", choices=("first", "second", "adopted"), default="first",
                   help="first or second reading packet, or 'adopted' for the clean adopted copy")
    p.add_argument("--version", type=int, metavar="N",
                   help="the version presented (default: the latest not yet adopted, else the draft)")
    p.add_argument("--date", dest="on", metavar="YYYY-MM-DD",
                   help="the meeting's date printed on the memo (default: the day the reading was "
                        "recorded, else today)")
    p.add_argument("--summary", action="store_true",
                   help="add a page with a summary of the changes and a key to the marks")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.pdf or FILE.docx")
    p.set_defaults(func=cmd_packet)


# ---------------------------------------------------------------- commands

def cmd_diff(args: argparse.Namespace) -> int:
    from policyeditor.ops.formats import REDLINE, format_for
    from policyeditor.ops.redline import file_redline, write_redline

    if not args.output and not args.stats:
        raise InvalidInput("Say where to write the redline with -o FILE.html, FILE.pdf or FILE.docx "
                           "(or ask for --stats).")
    fmt = format_for(args.output, REDLINE) if args.output else None   # refuse a bad name before any work
    compared = file_redline(args.old, args.new, title=args.title, summary=args.summary)
    if fmt is not None:
        author = ""
        if fmt.names_author:
            from policyeditor.store.usersettings import UserSettings

            author = UserSettings.load().name
        write_redline(compared, args.output, author=author, when=datetime.now(timezone.utc))
    if args.stats:
        print(json.dumps(compared.stats.as_dict(), indent=2, ensure_ascii=False))
    elif args.output:
        print(f"Wrote {args.output}: {compared.stats.summary}")
    return 0


def _version_number(value: str) -> int | None:
    if value.strip().lower() == "draft":
        return None
    try:
        return int(value)
    except ValueError:
        raise InvalidInput(f"--to takes a version number or 'draft', not \u201c{value}\u201d.") from None


def cmd_redline(args: argparse.Namespace) -> int:
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.ops.formats import REDLINE, format_for
    from policyeditor.ops.redline import write_policy_redline

    policy_id = validate_policy_id(args.id)
    format_for(args.output, REDLINE)
    to_number = _version_number(args.to_version)
    with open_library(args) as lib:
        compared = write_policy_redline(lib, policy_id, args.output, from_version=args.from_version,
                                        to_version=to_number, summary=args.summary)
    print(f"Wrote {args.output}: {compared.stats.summary}")
    return 0


def cmd_packet(args: argparse.Namespace) -> int:
    from policyeditor.core.dates import parse_date
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.ops.formats import PACKET, format_for
    from policyeditor.ops.packet import write_packet

    policy_id = validate_policy_id(args.id)
    format_for(args.output, PACKET)
    on = parse_date(args.on) if args.on else None
    with open_library(args) as lib:
        policy = write_packet(lib, policy_id, args.output, reading=args.reading, number=args.version, on=on,
                              summary=args.summary)
    what = "clean adopted copy" if args.reading == "adopted" else f"{args.reading}-reading packet"
    print(f"Wrote the {what} of {policy.title} to {args.output}.")
    return 0
