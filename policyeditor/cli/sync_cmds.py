"""Sharing commands: remote, sync, clone.

    policyeditor remote ssh://files.example.org/srv/policies.git   # set the shared library
    policyeditor sync                                               # receive and send changes
    policyeditor clone ADDRESS FOLDER                               # a copy on a new workstation

An address beginning with '-' is taken by argparse as an option; one given
after '--' reaches the store, which refuses it (store.remote). A refusal exits
2 with one plain sentence; sync exits 1 when verify finds a problem afterwards.
"""

from __future__ import annotations

import argparse

from policyeditor.cli.library_cmds import open_library


def register(sub: argparse._SubParsersAction) -> None:
    """Add remote, sync and clone to ``sub``."""
    p = sub.add_parser("remote", help="show or set the address of the shared library (a git remote)")
    p.add_argument("url", metavar="ADDRESS", nargs="?",
                   help="https://..., ssh://..., user@host:path, file://... or the full path of a shared folder")
    p.set_defaults(func=cmd_remote)

    p = sub.add_parser("sync", help="receive the shared library's changes and send this workstation's")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("clone", help="copy a shared library into a new folder (a new workstation)")
    p.add_argument("url", metavar="ADDRESS")
    p.add_argument("path", metavar="PATH", help="a new or empty folder")
    p.set_defaults(func=cmd_clone)


def cmd_remote(args: argparse.Namespace) -> int:
    from policyeditor.store import remote

    with open_library(args) as lib:
        if args.url is None:
            url = remote.remote_url(lib)
            if url:
                print(url)
            else:
                print("This library is not shared. Set the shared library with: policyeditor remote ADDRESS")
            return 0
        remote.set_remote(lib, args.url)
        print(f"The shared library is now {args.url}. Run 'policyeditor sync' to receive and send changes.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from policyeditor.store.sync import sync

    with open_library(args) as lib:
        result = sync(lib)
    print(result.summary())
    if result.tags_received:
        print("Adoptions received: " + ", ".join(result.tags_received))
    if result.tags_sent:
        print("Adoptions sent: " + ", ".join(result.tags_sent))
    for problem in result.problems:
        print(f"Problem: {problem}")
    return 1 if result.problems else 0


def cmd_clone(args: argparse.Namespace) -> int:
    from policyeditor.store.sync import clone_library
    from policyeditor.store.verify import verify

    with clone_library(args.url, args.path) as lib:
        count = len(lib.policy_ids())
        problems = verify(lib)
        print(f"Copied the shared library into {lib.path}: {count} {'policy' if count == 1 else 'policies'}.")
        print(f"Try: policyeditor --library {lib.path} list")
    for problem in problems:
        print(f"Problem: {problem}")
    return 1 if problems else 0
