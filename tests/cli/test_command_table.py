"""The command line builds only the parsers of the command it is given (start-up time), so
``cli.COMMANDS`` must name exactly the commands each module registers."""

from __future__ import annotations

import argparse
import importlib

import pytest

from policyeditor import cli


@pytest.mark.parametrize("module", cli.COMMAND_MODULES)
def test_the_table_names_what_each_module_registers(module):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(f"policyeditor.cli.{module}").register(sub)
    assert tuple(sub.choices) == cli.COMMANDS[module]


def test_a_named_command_gets_its_own_parser_and_anything_else_all_of_them(capsys):
    assert set(cli.build_parser("diff")._subparsers._group_actions[0].choices) == {"diff", "redline", "packet"}
    everything = {c for commands in cli.COMMANDS.values() for c in commands}
    for name in (None, "no-such-command"):
        assert set(cli.build_parser(name)._subparsers._group_actions[0].choices) == everything
    assert cli._command_named(["--library", "diff", "list", "-x"]) == "list"
    assert cli._command_named(["--library=lib", "diff", "a", "b"]) == "diff"
    assert cli._command_named(["--version"]) is None
    # An unknown command is refused with the full list of commands, as before.
    with pytest.raises(SystemExit):
        cli.main(["no-such-command"])
    err = capsys.readouterr().err
    assert "invalid choice" in err and "diff" in err and "verify" in err
