"""The ``gui`` command: the desktop application (also what no command opens).

``policyeditor gui`` opens the library named by --library or
$POLICYEDITOR_LIBRARY, else the one opened last; ``--demo`` opens the demo
library (created in the user's data folder the first time).
"""

from __future__ import annotations

import argparse
import os


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gui`` command."""
    parser = sub.add_parser("gui", help="open the desktop application",
                            description="Open the desktop application.")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo library (created in your data folder if missing)")
    parser.set_defaults(func=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    """Start the application; Qt is imported only here."""
    from policyeditor.gui.app import run

    library = getattr(args, "library", None) or os.environ.get("POLICYEDITOR_LIBRARY") or None
    return run(library=library, demo=bool(getattr(args, "demo", False)))
