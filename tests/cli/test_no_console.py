"""A windowed program on Windows (the bundle's policyeditor-gui, pythonw) has no console:
sys.stdout and sys.stderr are None. The command line must still run and not crash on print."""

from __future__ import annotations

import sys

import pytest

from policyeditor.cli import main


@pytest.mark.parametrize("args", [["list"], ["show", "dress-code"], ["show", "nosuch"], ["--version"]])
def test_commands_run_without_a_console(args, tmp_library, monkeypatch) -> None:
    tmp_library.create_policy("dress-code", "Dress Code", "JICA", "Students dress for learning.\n")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        status = main(["--library", str(tmp_library.path), *args])
    except SystemExit as exit_:            # --version ends through argparse
        status = exit_.code
    assert status == (2 if args[-1] == "nosuch" else 0)
