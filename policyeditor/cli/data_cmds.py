"""Commands for collected data and the public notice: tag, register, publish, feed.

``tag`` stamps each record of a CSV or JSON Lines file with the version in
force when it was collected and records the run in this workstation's
register; ``register`` answers from it; ``publish`` writes the static notice
site; ``feed`` prints the JSON a website backend stamps data with.
See policyeditor.cli for the conventions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyeditor.cli.library_cmds import open_library


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's subcommands to sub."""
    p = sub.add_parser(
        "tag", help="add the version in force to each record of a CSV or JSON Lines file",
        description="Write a copy of DATA with policy_id, policy_version and policy_text_sha256 "
        "added to each record: the version of policy ID in force when the record was collected. "
        "Nothing is written when a row cannot be tagged, unless --skip-bad is given.")
    p.add_argument("policy_id", metavar="ID", help="the policy, for example website-privacy")
    p.add_argument("data", metavar="DATA", help="the CSV (with a header row) or JSON Lines file")
    p.add_argument("--time-column", required=True, metavar="COL",
                   help="the column holding each record's collection time (ISO 8601 or a date)")
    p.add_argument("--key-column", metavar="COL",
                   help="a column identifying each record; the register then keeps each record's tag")
    p.add_argument("-o", "--output", metavar="OUT", help="the tagged copy (default: DATA.tagged.EXT)")
    p.add_argument("--dataset", metavar="NAME", help="the dataset's name in the register (default: file name)")
    p.add_argument("--format", choices=("csv", "jsonl"), help="the file's format (default: from its name)")
    p.add_argument("--dst", choices=("earlier", "later"),
                   help="how to read a local time repeated or skipped by a clock change")
    p.add_argument("--skip-bad", action="store_true",
                   help="write the good rows and a report of the bad ones instead of refusing")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser(
        "register", help="what this workstation's register says about tagged data",
        description="Without options: the datasets tagged against this library. --key: which "
        "version governs a record. --version with --policy: what that version governs.")
    p.add_argument("--key", metavar="KEY", help="a record's key (from --key-column when tagging)")
    p.add_argument("--dataset", metavar="NAME", help="only this dataset")
    p.add_argument("--version", type=int, metavar="N", help="a version number (with --policy)")
    p.add_argument("--policy", metavar="ID", help="the policy of --version")
    p.set_defaults(func=cmd_register)

    p = sub.add_parser(
        "publish", help="write the public notice site (static pages and an Atom feed)",
        description="Write a static website into OUTDIR: every policy's text in force, pending "
        "changes with posting date, effective date, countdown and redline, and every earlier "
        "version. The folder is replaced as a whole only when everything was written.")
    p.add_argument("outdir", metavar="OUTDIR", help="the folder to write the site into")
    p.add_argument("--record-posting", action="store_true",
                   help="record today's posting (with the posted text's hash) for each pending version")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("feed", help="print JSON of every version's in-force interval, for a website backend")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    p.set_defaults(func=cmd_feed)


def cmd_tag(args: argparse.Namespace) -> int:
    from policyeditor.ops.tag import tag_data
    from policyeditor.store.tagging import TagJob

    job = TagJob(Path(args.data), args.time_column, args.key_column,
                 args.output and Path(args.output), args.dataset, args.format, args.skip_bad)
    with open_library(args) as lib:
        tagged = tag_data(lib, args.policy_id, job, dst=args.dst)
    outcome = tagged.outcome
    print(f"Tagged {outcome.rows_tagged} record(s) of {job.data} with {tagged.policy.title} "
          f"({tagged.counts_text()}).")
    print(f"Wrote {outcome.output}.")
    if outcome.report is not None:
        print(f"{outcome.bad_count} row(s) could not be tagged and were left out; "
              f"their line numbers and reasons are in {outcome.report}.", file=sys.stderr)
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from policyeditor.core.errors import InvalidInput, NotFound
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.store.register import library_key, open_for

    with open_library(args) as lib, open_for(lib) as reg:
        key = library_key(lib)
        if args.key is not None:
            return _print_key(reg, key, args.key, args.dataset, NotFound)
        if args.version is not None:
            if not args.policy:
                raise InvalidInput("Say which policy --version is of, with --policy ID.")
            policy = lib.policy(validate_policy_id(args.policy))
            policy.version(args.version)
            return _print_governed(reg, key, policy, args.version, args.dataset)
        datasets = [d for d in reg.datasets(key) if args.dataset in (None, d.name)]
    if not datasets:
        print("No data has been tagged against this library on this workstation.")
        return 0
    for d in datasets:
        counts = "; ".join(f"{p} version {v}: {n} row(s)" for (p, v), n in d.counts.items())
        keyed = f", {d.keyed_records} keyed record(s)" if d.keyed_records else ""
        print(f"{d.name}: {d.runs} run(s), last {d.last_run} by {d.last_by}{keyed}")
        print(f"  {counts or 'no rows tagged'}")
    return 0


def _print_key(reg, library: str, key: str, dataset: str | None, not_found) -> int:
    answers = reg.lookup(library, key, dataset)
    if not answers:
        where = f" in dataset '{dataset}'" if dataset else ""
        raise not_found(f"No record with key '{key}'{where} has been tagged on this workstation. "
                        "Only data tagged with --key-column can be looked up by key.")
    from datetime import datetime, timezone

    for a in answers:
        when = datetime.fromtimestamp(a.collected_at, timezone.utc).isoformat(timespec="seconds")
        print(f"{a.dataset}: key {a.key} is governed by {a.policy_id} version {a.version} "
              f"(collected {when}, tagged {a.ran_at}).")
    return 0


def _print_governed(reg, library: str, policy, number: int, dataset: str | None) -> int:
    counts, keys = reg.governed(library, policy.id, number, limit=50)
    if dataset is not None:
        counts = {k: v for k, v in counts.items() if k == dataset}
        keys = [k for k in keys if k[0] == dataset]
    total = sum(counts.values())
    print(f"{policy.title} version {number} governs {total} tagged record(s) on this workstation.")
    for name, n in counts.items():
        print(f"  {name}: {n}")
    if keys:
        print("Keys (first 50):")
        for name, k in keys:
            print(f"  {name}: {k}")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from policyeditor.ops.publish import publish_site

    outdir = Path(args.outdir)
    with open_library(args) as lib:
        lines, pages = publish_site(lib, outdir, record_posting=args.record_posting)
    for line in lines:
        print(line)
    print(f"Wrote {pages} page(s) and feed.xml to {outdir}.")
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    from policyeditor.export.feed import feed_json

    with open_library(args) as lib:
        text = feed_json(lib.settings, lib.policies(), today=lib.today(), generated=lib.now())
    if args.output:
        from policyeditor.export.output import write_text_atomic

        write_text_atomic(Path(args.output), text)
        print(f"Wrote {args.output}.")
    else:
        sys.stdout.write(text)
    return 0
