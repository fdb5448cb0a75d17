"""The ``gui`` command: the desktop application (also what no command opens).

``policyeditor gui`` opens the library named by --library or
$POLICYEDITOR_LIBRARY, else the one opened last; ``--demo`` opens the demo
library (created in the user's data folder the first time).

On a Linux machine with no screen (no $DISPLAY or $WAYLAND_DISPLAY, and no
QT_QPA_PLATFORM chosen), a window cannot open: the command says so and shows
the library's status from the command line instead of failing in Qt.
"""

from __future__ import annotations

import argparse
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gui`` command."""
    parser = sub.add_parser("gui", help="open the desktop application",
                            description="Open the desktop application.")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo library (created in your data folder if missing)")
    parser.set_defaults(func=run_gui)


def has_screen(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt can show a window here."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace) -> int:
    """Start the application; Qt is imported only here."""
    library = getattr(args, "library", None) or os.environ.get("POLICYEDITOR_LIBRARY") or None
    demo = bool(getattr(args, "demo", False))
    if not has_screen():
        return show_status_instead(args, library, demo)
    from policyeditor.gui.app import run

    return run(library=library, demo=demo)


def show_status_instead(args: argparse.Namespace, library: str | None, demo: bool) -> int:
    """No screen: say so, then list the library (the demo, created if missing)."""
    from policyeditor.cli.library_cmds import cmd_list

    print("policyeditor: there is no screen here (DISPLAY is not set), so the window "
          "cannot open. This is the library's status from the command line; run "
          "'policyeditor --help' for every command.", file=sys.stderr)
    if demo or not library:
        from policyeditor.store.demo import ensure_demo

        with ensure_demo() as lib:
            library = str(lib.path)
        print(f"Demo library: {library}")
    return cmd_list(argparse.Namespace(library=library, due=False))
