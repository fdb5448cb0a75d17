"""Policies changed on two workstations, and model policies from an association.

    policyeditor conflicts                         # policies a sync marked "conflict"
    policyeditor resolve ID --take ours|theirs     # keep this workstation's or the shared library's text
    policyeditor resolve ID --take FILE            # keep the text in FILE (Markdown)

A conflict keeps both texts until a person chooses (store.conflicts); resolving
commits the choice, and the next sync sends it.
"""

from __future__ import annotations

import argparse

from policyeditor.cli.library_cmds import open_library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("conflicts", help="list the policies changed differently on two workstations")
    p.add_argument("id", nargs="?", help="show this policy's conflicting passages side by side")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("resolve", help="choose the text of a policy in conflict, completing the sync's join")
    p.add_argument("id", metavar="ID")
    p.add_argument("--take", required=True, metavar="ours|theirs|FILE",
                   help="ours (this workstation's), theirs (the shared library's), or a file with the text")
    p.set_defaults(func=cmd_resolve)


def cmd_conflicts(args: argparse.Namespace) -> int:
    from policyeditor.core.textcheck import visible
    from policyeditor.store import conflicts

    with open_library(args) as lib:
        if args.id:
            found = conflicts.require(lib, args.id)
            print(f"{args.id}: {found.describe()}")
            if found.text:
                result = conflicts.draft_merge(lib, args.id)
                for n, clash in enumerate(result.conflicts, 1):
                    print(f"\nPassage {n}, as it was:\n{visible(clash.base_text) or '(nothing)'}")
                    print(f"Here (ours):\n{visible(clash.ours_text) or '(deleted)'}")
                    print(f"On the shared library (theirs):\n{visible(clash.theirs_text) or '(deleted)'}")
            return 0
        found = conflicts.conflicts(lib)
        if not found:
            print("No policy is in conflict.")
            return 0
        for c in found:
            print(f"{c.policy_id}: {c.describe()}")
        print("Choose with: policyeditor resolve ID --take ours|theirs|FILE "
              "(or in the window: Resolve Conflict).")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from policyeditor.cli.library_cmds import _read_file
    from policyeditor.store import conflicts

    with open_library(args) as lib:
        if args.take in (conflicts.OURS, conflicts.THEIRS):
            conflicts.resolve(lib, args.id, take=args.take)
            which = "this workstation's text" if args.take == conflicts.OURS else "the shared library's text"
        else:
            conflicts.resolve(lib, args.id, text=_read_file(args.take))
            which = f"the text of {args.take}"
    print(f"Resolved {args.id}: kept {which}. Run 'policyeditor sync' to send it.")
    return 0
