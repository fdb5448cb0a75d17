"""core/ stays pure (docs/design.md "Layers"): no Qt, no git, no processes, no SQLite, no files.

Every ``.py`` under ``policyeditor/core`` is read with ``ast`` (the modules
are not imported, so a violation is found even in code no test runs) and
checked for forbidden imports and for calls that open, read or write files
or start programs. The checker itself is tested on bad snippets, so a test
that can never fail cannot pass for it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import policyeditor.core

CORE = Path(policyeditor.core.__file__).parent
FORBIDDEN_MODULES = {"PySide6", "shiboken6", "git", "subprocess", "sqlite3", "socket"}
FORBIDDEN_CALLS = {"open", "io.open", "os.open", "os.system", "os.popen", "os.fdopen",
                   "builtins.open", "codecs.open"}
FILE_METHODS = {"read_text", "write_text", "read_bytes", "write_bytes", "open"}
DYNAMIC_IMPORTS = {"__import__", "importlib.import_module"}


def _dotted(node: ast.AST) -> str | None:
    """'os.path.join' for the expression os.path.join; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _resolve(name: str, aliases: dict[str, str]) -> str:
    head, _, rest = name.partition(".")
    full = aliases.get(head, head)
    return f"{full}.{rest}" if rest else full


def _imports(node: ast.AST, aliases: dict[str, str]) -> list[str]:
    found = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"line {node.lineno}: imports {alias.name}")
            aliases[alias.asname or alias.name.split(".")[0]] = (
                alias.name if alias.asname else alias.name.split(".")[0])
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module.split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"line {node.lineno}: imports from {node.module}")
        for alias in node.names:
            full = f"{node.module}.{alias.name}"
            aliases[alias.asname or alias.name] = full
            if full in FORBIDDEN_CALLS:
                found.append(f"line {node.lineno}: imports {full}")
    return found


def _call(node: ast.Call, aliases: dict[str, str]) -> list[str]:
    name = _dotted(node.func)
    full = _resolve(name, aliases) if name else None
    if full in FORBIDDEN_CALLS:
        return [f"line {node.lineno}: calls {full}()"]
    if isinstance(node.func, ast.Attribute) and node.func.attr in FILE_METHODS:
        return [f"line {node.lineno}: calls .{node.func.attr}() (file access)"]
    if full in DYNAMIC_IMPORTS and node.args and isinstance(node.args[0], ast.Constant):
        target = str(node.args[0].value)
        if target.split(".")[0] in FORBIDDEN_MODULES:
            return [f"line {node.lineno}: imports {target} dynamically"]
    return []


def violations(source: str, filename: str = "<snippet>") -> list[str]:
    """Every forbidden import or call in ``source``, as "line N: what"."""
    tree = ast.parse(source, filename)
    aliases: dict[str, str] = {}
    found: list[str] = []
    for node in ast.walk(tree):   # imports first, so aliases are known for calls
        found += _imports(node, aliases)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += _call(node, aliases)
    return found


def scan(root: Path) -> dict[str, list[str]]:
    """Violations per file under ``root`` (files without any are left out)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        found = violations(path.read_text(encoding="utf-8"), str(path))
        if found:
            out[str(path.relative_to(root))] = found
    return out


def test_core_modules_are_pure():
    files = list(CORE.rglob("*.py"))
    assert len(files) >= 8, f"expected the core modules under {CORE}"
    assert scan(CORE) == {}


@pytest.mark.parametrize("snippet", [
    "import git",
    "from git import Repo",
    "from git.repo.base import Repo",
    "import PySide6.QtGui as gui",
    "from PySide6 import QtCore",
    "import shiboken6",
    "import subprocess",
    "from subprocess import run as go",
    "import sqlite3",
    "from sqlite3 import connect",
    "import socket",
    "import os\nos.system('ls')",
    "import os as o\no.popen('ls')",
    "from os import system",
    "open('policy.md')",
    "with open('policy.md', 'w') as f:\n    pass",
    "import io\nio.open('policy.md')",
    "from pathlib import Path\nPath('x').read_text()",
    "def f(p):\n    return p.write_text('x')",
    "def f(p):\n    return p.read_bytes()",
    "def f(p):\n    p.write_bytes(b'')",
    "def f(p):\n    with p.open() as handle:\n        return handle",
    "import importlib\nimportlib.import_module('git')",
    "__import__('subprocess')",
])
def test_checker_finds_each_kind_of_violation(snippet):
    assert violations(snippet), snippet


@pytest.mark.parametrize("snippet", [
    "from datetime import date",
    "import re\nre.compile('a').match('b')",
    "def f(text):\n    return text.replace('a', 'b').split()",
    "from policyeditor.core.errors import TextError",
    "import difflib\ndifflib.SequenceMatcher(None, 'a', 'b')",
    "opened = 'open'\nprint(opened)",
])
def test_checker_accepts_pure_code(snippet):
    assert violations(snippet) == []


def test_scan_reports_a_bad_module_in_a_package(tmp_path):
    package = tmp_path / "core"
    (package / "sub").mkdir(parents=True)
    (package / "good.py").write_text("from datetime import date\n", encoding="utf-8")
    (package / "sub" / "bad.py").write_text(
        "from __future__ import annotations\n\n\ndef load(path):\n    return open(path).read()\n",
        encoding="utf-8")
    assert scan(package) == {str(Path("sub") / "bad.py"): ["line 5: calls open()"]}
