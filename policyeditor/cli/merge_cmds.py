"""Policies changed on two workstations, and model policies from an association.

    policyeditor conflicts                         # policies a sync marked "conflict"
    policyeditor resolve ID --take ours|theirs     # keep this workstation's or the shared library's text
    policyeditor resolve ID --take FILE            # keep the text in FILE (Markdown)

    policyeditor upstream add NAME FOLDER-OR-ADDRESS [--association TEXT]   # a model manual
    policyeditor upstream pull NAME [--update TEXT]     # merge the model's revisions into the drafts
    policyeditor upstream take NAME CODE [--id ID]      # add a model policy the district does not have

A conflict keeps both texts until a person chooses (store.conflicts); resolving
commits the choice, and the next sync sends it. Model policies: ops.upstream.
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

    p = sub.add_parser("upstream", help="model policies from an association: add a model manual, pull its updates")
    up = p.add_subparsers(dest="upstream_command", metavar="ACTION", required=True)
    q = up.add_parser("add", help="record a model manual (a folder of Markdown or Word files, or a git repository)")
    q.add_argument("name", metavar="NAME", help="a short name, e.g. masc")
    q.add_argument("source", metavar="FOLDER-OR-ADDRESS")
    q.add_argument("--association", default="", help="the association's name as the memo says it (default NAME)")
    q.set_defaults(func=cmd_upstream_add)
    q = up.add_parser("pull", help="merge the model's revisions since the last update into the drafts")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--update", default="", help="the update's name for the memo, e.g. 'Fall 2026 update'")
    q.set_defaults(func=cmd_upstream_pull)
    q = up.add_parser("take", help="add a model policy the district does not have as a new policy")
    q.add_argument("name", metavar="NAME")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--id", default=None, help="the new policy's id (default: from its title)")
    q.set_defaults(func=cmd_upstream_take)


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
        waiting = conflicts.conflicts(lib)
        if not waiting:
            print("No policy is in conflict.")
            return 0
        for c in waiting:
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


def cmd_upstream_add(args: argparse.Namespace) -> int:
    from policyeditor.ops.upstream import add_upstream

    with open_library(args) as lib:
        count = add_upstream(lib, args.name, args.source, association=args.association)
    print(f"Added the model manual {args.name}: {count} model policies taken as they stand. "
          f"Later revisions: policyeditor upstream pull {args.name}")
    return 0


def cmd_upstream_pull(args: argparse.Namespace) -> int:
    from policyeditor.ops.upstream import pull_upstream

    with open_library(args) as lib:
        report = pull_upstream(lib, args.name, update=args.update)
    for line in report.lines():
        print(line.replace("upstream take NAME", f"upstream take {args.name}"))
    return 0


def cmd_upstream_take(args: argparse.Namespace) -> int:
    from policyeditor.ops.upstream import take_new_policy

    with open_library(args) as lib:
        policy_id = take_new_policy(lib, args.name, args.code, policy_id=args.id)
    print(f"Added the policy {policy_id} from model policy {args.code.upper()}.")
    return 0
