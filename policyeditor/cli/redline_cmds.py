"""Redline commands: diff (two files), redline (a policy's versions), packet.

    policyeditor diff OLD NEW -o FILE.{html,pdf,docx} [--stats]
    policyeditor redline ID [--from N] [--to N|draft] -o FILE.{html,pdf,docx}
    policyeditor packet ID [--reading first|second|adopted] [--version N] -o FILE.{pdf,docx}

Files are written atomically; refusals are PolicyEditorErrors with plain
messages (exit 2) and write nothing.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from pathlib import Path

from policyeditor.cli.library_cmds import open_library
from policyeditor.core.errors import ExportError, InvalidInput


def register(sub: argparse._SubParsersAction) -> None:
    """Add diff, redline and packet to ``sub``."""
    p = sub.add_parser("diff", help="redline two Markdown or text files (outside any library)")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.html, FILE.pdf or FILE.docx")
    p.add_argument("--stats", action="store_true", help="print the change statistics as JSON")
    p.add_argument("--title", help="the title printed on the redline (default: from NEW's file name)")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("redline", help="redline two versions of a policy (or a version and the draft)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--from", dest="from_version", type=int, metavar="N",
                   help="the older version (default: the version in force)")
    p.add_argument("--to", dest="to_version", default="draft", metavar="N|draft",
                   help="the newer version, or 'draft' (the default)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.html, FILE.pdf or FILE.docx")
    p.set_defaults(func=cmd_redline)

    p = sub.add_parser("packet", help="the committee packet: cover memo, redline, history line")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reading", choices=("first", "second", "adopted"), default="first",
                   help="first or second reading packet, or 'adopted' for the clean adopted copy")
    p.add_argument("--version", type=int, metavar="N",
                   help="the version presented (default: the latest not yet adopted, else the draft)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.pdf or FILE.docx")
    p.set_defaults(func=cmd_packet)


# ---------------------------------------------------------------- helpers

def read_document(name: str):
    """A Markdown (.md) or text file as a Document; text files: one paragraph a line."""
    from policyeditor.core.textmodel import PARAGRAPH, Block, Document, Run, parse

    path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"The file {name} cannot be read ({exc.strerror}). Check its name and location.") from exc
    if path.suffix.lower() == ".docx":
        raise InvalidInput(f"{path.name} is a Word file; save it as plain text or Markdown and compare that.")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path.name} is not UTF-8 text. Save it as UTF-8 text and try again.") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() == ".txt":
        lines = [" ".join(line.split()) for line in text.split("\n")]
        return Document(tuple(Block(PARAGRAPH, (Run(line),)) for line in lines if line))
    return parse(text)


def write_redline(redline, parts, output: str, *, author: str, when: datetime) -> None:
    """Write ``redline`` as HTML, PDF or DOCX, chosen by the file name."""
    from policyeditor.export.output import output_format, write_text_atomic

    kind = output_format(output)
    if kind == "html":
        from policyeditor.export.html import redline_page

        write_text_atomic(output, redline_page(redline, parts))
    elif kind == "pdf":
        from policyeditor.export.pdf import redline_pdf

        redline_pdf(redline, parts, output)
    else:
        from policyeditor.export.docx import redline_docx, save_docx

        save_docx(redline_docx(redline, parts, author=author, when=when), output)


def _title_from(name: str) -> str:
    return Path(name).stem.replace("-", " ").replace("_", " ").strip().title() or "Policy"


def _now(lib) -> datetime:
    now = getattr(lib, "now", None)
    return now() if callable(now) else datetime.now(timezone.utc)


# ---------------------------------------------------------------- commands

def cmd_diff(args: argparse.Namespace) -> int:
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts

    if not args.output and not args.stats:
        raise InvalidInput("Say where to write the redline with -o FILE.html, FILE.pdf or FILE.docx "
                           "(or ask for --stats).")
    if args.output:
        from policyeditor.export.output import output_format

        output_format(args.output)          # refuse a bad name before any work
    old, new = read_document(args.old), read_document(args.new)
    redline = compare(old, new)
    stats = redline_stats(redline, old, new)
    if args.output:
        parts = PageParts(title=args.title or _title_from(args.new),
                          subtitle=f"{Path(args.new).name} compared with {Path(args.old).name}",
                          summary=stats.summary, explanation=stats.explanation)
        write_redline(redline, parts, args.output, author="policyeditor", when=datetime.now(timezone.utc))
    if args.stats:
        print(json.dumps(stats.as_dict(), indent=2, ensure_ascii=False))
    elif args.output:
        print(f"Wrote {args.output}: {stats.summary}")
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
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts
    from policyeditor.export.memo import history_line
    from policyeditor.export.output import output_format

    policy_id = validate_policy_id(args.id)
    output_format(args.output)
    to_number = _version_number(args.to_version)
    with open_library(args) as lib:
        policy = lib.policy(policy_id)
        new_text = lib.draft_text(policy_id) if to_number is None else lib.version_text(policy_id, to_number)
        from_number = args.from_version
        if from_number is None:
            base = lib.in_force(policy_id, lib.today())
            if base is not None and base.number == to_number:
                earlier = [v.number for v in policy.versions if v.number < base.number]
                base = policy.version(earlier[-1]) if earlier else None
            from_number = base.number if base is not None else None
        old_text = lib.version_text(policy_id, from_number) if from_number is not None else ""
        redline = compare(old_text, new_text)
        stats = redline_stats(redline, old_text, new_text)
        to_label = "the draft" if to_number is None else f"version {to_number}"
        from_label = f"version {from_number}" if from_number is not None else "nothing (no version in force)"
        justification = policy.version(to_number).justification if to_number is not None else ""
        parts = PageParts(title=policy.title, subtitle=f"{to_label.capitalize()} compared with {from_label}.",
                          summary=stats.summary, explanation=stats.explanation,
                          justification=justification, history=history_line(policy, upto=to_number))
        write_redline(redline, parts, args.output, author=lib.author.name, when=_now(lib))
    print(f"Wrote {args.output}: {stats.summary}")
    return 0


def cmd_packet(args: argparse.Namespace) -> int:
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.export.output import output_format
    from policyeditor.export.packet import packet_docx, packet_pdf

    policy_id = validate_policy_id(args.id)
    kind = output_format(args.output, ("pdf", "docx"))
    with open_library(args) as lib:
        policy = lib.policy(policy_id)
        packet = library_packet(lib, policy, args.reading, args.version)
        if kind == "pdf":
            packet_pdf(packet, args.output)
        else:
            packet_docx(packet, args.output, author=lib.author.name, when=_now(lib))
    what = "clean adopted copy" if args.reading == "adopted" else f"{args.reading}-reading packet"
    print(f"Wrote the {what} of {policy.title} to {args.output}.")
    return 0


def library_packet(lib, policy, reading: str, number: int | None = None):
    """The packet ``packet`` prints: 'first'/'second' reading, or 'adopted' (clean copy).

    ``lib`` is an open Library; ``number`` the version (default as the command).
    """
    if reading == "adopted":
        return _clean_packet(lib, policy, number)
    return _reading_packet(lib, policy, reading, number)


def _clean_packet(lib, policy, number: int | None):
    from policyeditor.core.errors import NotFound
    from policyeditor.export.packet import clean_copy

    adopted = [v for v in policy.versions if v.adopted is not None]
    if number is None:
        if not adopted:
            raise NotFound(f"{policy.title} has no adopted version yet, so there is no adopted copy to print.")
        number = adopted[-1].number
    return clean_copy(policy, lib.version_text(policy.id, number), upto=number)


def _reading_packet(lib, policy, reading: str, number: int | None):
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
        signature=_signature(lib), upto=base.number if base is not None else None,
    )


def _signature(lib) -> bytes | None:
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
