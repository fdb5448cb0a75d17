"""git run in a test's repository, to look at it (or tamper with it) as a user with git could.

Tests import it as ``from gitcmd import git`` (tests/ is on sys.path, as for shared_data).
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(path: Path, *args: str) -> str:
    """The output of ``git ARGS`` in ``path``; a failing command fails the test."""
    return subprocess.run(["git", *args], cwd=path, capture_output=True, text=True, check=True).stdout
