"""Without the git program, a command that needs git is one plain sentence (GitMissing), not a
GitPython traceback, on the command line and in the window's error dialog; nothing is changed.

Each case runs in a child process (GitPython checks for git when it is first
imported): PATH without git, GIT_PYTHON_GIT_EXECUTABLE naming nothing, and a
git that does not run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON_ONLY = str(Path(sys.executable).parent)    # the venv's bin: python, no git

CASES = {
    "no git on PATH": ({"PATH": PYTHON_ONLY}, "The git program was not found on this computer"),
    "GIT_PYTHON_GIT_EXECUTABLE names nothing": (
        {"GIT_PYTHON_GIT_EXECUTABLE": "/nowhere/git"},
        "The git program named by GIT_PYTHON_GIT_EXECUTABLE (/nowhere/git) does not exist"),
}


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_PYTHON")}
    return {**env, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **extra}


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def broken_git(tmp_path: Path) -> dict[str, str]:
    """A 'git' first on PATH that fails whatever it is asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "git").write_text("#!/bin/sh\necho 'git: cannot run' >&2\nexit 127\n")
    (bin_dir / "git").chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{PYTHON_ONLY}"}


@pytest.mark.parametrize("case", list(CASES))
def test_the_command_line_says_git_is_missing_in_one_sentence(case, tmp_library, state_of, tmp_path) -> None:
    extra, sentence = CASES[case]
    before = state_of(tmp_library.path)
    done = _run(["-m", "policyeditor", "--library", str(tmp_library.path), "new", "dress-code",
                 "--title", "Dress Code"], _env(extra), tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"policyeditor: {sentence}; ") and "Install Git" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert state_of(tmp_library.path) == before


def test_a_git_that_does_not_run_is_a_sentence_too(broken_git, tmp_library, state_of, tmp_path) -> None:
    before = state_of(tmp_library.path)
    done = _run(["-m", "policyeditor", "--library", str(tmp_library.path), "new", "dress-code",
                 "--title", "Dress Code"], _env(broken_git), tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("policyeditor: The git program on this computer does not run")
    assert "Traceback" not in done.stderr
    assert state_of(tmp_library.path) == before


WINDOW = """
import sys
from policyeditor.gui.app import create_application
from policyeditor.gui.errors import build_error_box
from policyeditor.store.library import Library
app = create_application()
try:
    with Library.open(sys.argv[1]) as lib:
        lib.create_policy("dress-code", "Dress Code", "", "Text.\\n", None)
except Exception as exc:
    box = build_error_box(None, exc)
    print(type(exc).__name__, box.text(), sep="\\n")
"""


def test_the_windows_error_dialog_says_git_is_missing(tmp_library, tmp_path) -> None:
    """The window shows any failure through gui.errors: its text is GitMissing's sentence."""
    done = _run(["-c", WINDOW, str(tmp_library.path)], _env({"PATH": PYTHON_ONLY}), tmp_path)
    assert done.returncode == 0, done.stderr
    kind, text = done.stdout.strip().split("\n", 1)
    assert kind == "GitMissing"
    assert text.startswith("The git program was not found on this computer") and "did not expect" not in text
