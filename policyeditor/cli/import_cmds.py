"""Import command: bring Word, Markdown and text documents (or folders of them) in as policies.

    policyeditor import FILE_OR_FOLDER... [--id ID] [--title TITLE] [--code CODE] [--accept-changes] [--dry-run]

One policy per document, each all or nothing; a report line per document
(imported, already in the library, refused and why). The work is
``ops.importing``'s (the window's Import action uses the same functions).
Exit status 0 when nothing was refused, else 2.
"""

from __future__ import annotations

import argparse
import sys

from policyeditor.cli.library_cmds import open_library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import Word (.docx), Markdown or text documents, or folders of them")
    p.add_argument("files", nargs="+", metavar="FILE", help="documents or folders (a folder: every document in it)")
    p.add_argument("--id", dest="policy_id", metavar="ID", help="the policy's id (one document only)")
    p.add_argument("--title", metavar="TITLE", help="the policy's title (one document only)")
    p.add_argument("--code", metavar="CODE", help="the policy's code, e.g. IJNDC (one document only)")
    p.add_argument("--accept-changes", action="store_true",
                   help="import Word documents holding tracked changes as if every change were accepted")
    p.add_argument("--dry-run", action="store_true",
                   help="only say what would be imported and what would be refused; write nothing")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from policyeditor.ops.importing import REFUSED, ImportPlan, apply_plans, plan_files

    with open_library(args) as lib:
        plans = plan_files(lib, args.files, policy_id=args.policy_id, code=args.code, title=args.title,
                           accept_changes=args.accept_changes)
        if args.dry_run:
            for item in plans:
                if isinstance(item, ImportPlan):
                    print(f"would import {item.source.name}: {item.summary}")
                else:
                    print(f"would refuse {item.source.name}: {item.message}")
            print("Nothing was written (--dry-run).")
            return 2 if any(not isinstance(item, ImportPlan) for item in plans) else 0
        run = apply_plans(lib, plans)
    for result in run.results:
        print(result.line)
    print(run.summary)
    if run.count(REFUSED):
        print("Nothing was written for the refused documents; correct them and import them again "
              "(the others need not be imported again).", file=sys.stderr)
        return 2
    return 0
