"""Commands of this area; see policyeditor.cli for the conventions."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's subcommands to sub."""
