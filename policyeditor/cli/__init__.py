"""The command line: every operation as a command over core, store and export.

Each feature area registers its commands from its own module (see
``COMMAND_MODULES``); a module's ``register(subparsers)`` adds subcommands whose
``func(args) -> int`` does the work. Handlers import heavy modules (GitPython,
Qt, python-docx) inside the function, so ``policyeditor list`` stays quick.

A ``PolicyEditorError`` ends the command with its plain message on stderr and
exit status 2; nothing else is printed. Commands that report failed checks
(``check``, ``verify``) exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from policyeditor import __version__
from policyeditor.core.errors import PolicyEditorError

# Each module and the commands it registers (tests/cli check the table against the modules):
# a command line naming one builds only its module's parsers.
COMMANDS = {
    "library_cmds": ("demo", "init", "new", "policy", "list", "show", "save", "versions", "record", "correct",
                     "search", "check", "in-force", "verify", "config"),
    "redline_cmds": ("diff", "redline", "packet"),
    "import_cmds": ("import",),
    "data_cmds": ("tag", "register", "publish", "feed"),
    "sync_cmds": ("remote", "sync", "clone"),
    "merge_cmds": ("conflicts", "resolve", "upstream"),
    "gui_cmds": ("gui",),
}
COMMAND_MODULES = tuple(COMMANDS)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_REFUSED = 2


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; given a ``command`` of ``COMMANDS``, with only its module's commands."""
    parser = argparse.ArgumentParser(
        prog="policyeditor",
        description="Keep a school district's policies: drafts, versions, readings, "
        "posting and effective dates, redlines and packets, in a git library.",
    )
    parser.add_argument("--version", action="version", version=f"policyeditor {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the policy library folder (default: $POLICYEDITOR_LIBRARY, else the current folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [name for name, commands in COMMANDS.items() if command in commands] or COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command an argument list names (its first word that is not an option or --library's value)."""
    words = iter(argv)
    for word in words:
        if word == "--library":
            next(words, None)
        elif not word.startswith("-"):
            return word
        elif word == "--":
            return None
    return None


def library_path(args: argparse.Namespace) -> str:
    """The library folder named by --library, $POLICYEDITOR_LIBRARY or the cwd."""
    return args.library or os.environ.get("POLICYEDITOR_LIBRARY") or os.getcwd()


def safe_streams() -> None:
    """Give print() somewhere to write when there is no console.

    A windowed program on Windows (the bundle's policyeditor-gui, pythonw)
    starts with ``sys.stdout`` and ``sys.stderr`` set to None: every print
    would raise. They are pointed at the null device instead.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)


def main(argv: list[str] | None = None) -> int:
    safe_streams()
    parser = build_parser(_command_named(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    previous = _stop_cleanly_on_sigterm() if args.command != "gui" else None
    _take_old_repairs()
    try:
        return int(args.func(args) or EXIT_OK)
    except PolicyEditorError as exc:
        _print_repairs()
        print(f"policyeditor: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("policyeditor: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        _print_repairs()
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _stop_cleanly_on_sigterm():
    """A polite stop (SIGTERM) ends like Ctrl+C: unfinished writes are undone, temporary files removed.

    Returns the handler to put back, or None when none was set.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return None
    return signal.signal(signal.SIGTERM, _interrupt)


def _take_old_repairs() -> None:
    """Forget repairs noted before this command (a window in the same process shows its own)."""
    recovery = sys.modules.get("policyeditor.store.recovery")
    if recovery is not None:
        recovery.take_notices()


def _print_repairs() -> None:
    """Say what was repaired of a change a crash cut short (store.recovery), if anything."""
    recovery = sys.modules.get("policyeditor.store.recovery")
    for note in recovery.take_notices() if recovery else ():
        print(f"policyeditor: {note}", file=sys.stderr)
