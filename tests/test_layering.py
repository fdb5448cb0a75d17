"""The layers of docs/design.md hold, and no module of the package imports itself round a circle.

Every module under ``policyeditor/`` is read with ``ast`` (nothing is
imported, so an import in code no test runs counts too): imports at the top,
inside functions and under ``if TYPE_CHECKING:`` all count, relative imports
are resolved. From them ``layering_problems(root)`` builds the graph of
imports between the package's modules and reports, as plain lines:

- every import circle between modules (the circle itself, module by module);
- ``gui``, ``store``, ``export`` or ``ops`` importing ``cli``; ``ops``, ``store``,
  ``export`` or ``core`` importing ``gui``;
- ``store`` importing ``export`` or ``export`` importing ``store``;
- ``core`` importing anything of the package outside ``core``, or Qt, or git;
- GitPython (``import git``, ``from git...``) anywhere but ``store/gitrepo.py``.

The checker is tried on small planted package trees first, so a checker that
finds nothing cannot pass for a clean package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import policyeditor

ROOT = Path(policyeditor.__file__).parent
QT = {"PySide6", "shiboken6"}
GIT_HOME = "store.gitrepo"           # the one module allowed to import git (relative to the package)


# ------------------------------------------------------------------ the checker

def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([root.name, *parts])


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """(imported name, line) for every import in the module, relative ones made absolute.

    ``from X import y`` gives ``X.y``: the module ``X.y`` when there is one,
    else a name inside ``X`` (the caller keeps the longest module prefix).
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                yield f"{source}.{alias.name}", node.lineno


def import_graph(root: Path) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """(internal, external): module -> {imported module: first line}.

    ``internal`` holds imports of the package's own modules (an import names
    the most specific module it reaches: ``from pkg.store import files`` is
    an import of ``pkg.store.files``, ``from pkg.store import Library`` one of
    ``pkg.store``); ``external`` holds the top-level names of everything else.
    """
    paths = {_module_name(root, p): p for p in sorted(root.rglob("*.py"))}
    internal: dict[str, dict[str, int]] = {}
    external: dict[str, dict[str, int]] = {}
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        mine = internal.setdefault(module, {})
        other = external.setdefault(module, {})
        for name, line in _imports(tree, module, path.name == "__init__.py"):
            top = name.split(".")[0]
            if top != root.name:
                if top:
                    other.setdefault(top, line)
                continue
            target = name
            while target and target not in paths:
                target = target.rpartition(".")[0]
            if target and target != module:
                mine.setdefault(target, line)
    return internal, external


def _cycles(graph: dict[str, dict[str, int]]) -> list[tuple[list[str], list[str]]]:
    """(a circle, first module repeated at the end; its group) per strongly connected group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(start: str) -> None:        # Tarjan, iterative (no recursion limit on deep graphs)
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph.get(node, ()):
                    groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [(_path_round(graph, group), group) for group in sorted(groups)]


def _path_round(graph: dict[str, dict[str, int]], group: list[str]) -> list[str]:
    """A shortest circle through the group's first module (breadth first inside the group)."""
    start, members = group[0], set(group)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph.get(node, ())):
            if child not in members:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    return [*group, group[0]]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


FORBIDDEN_LAYERS = {               # layer -> layers of the package it must not import
    "gui": {"cli"},
    "store": {"cli", "gui", "export", "ops"},
    "export": {"cli", "gui", "store", "ops"},
    "ops": {"cli", "gui"},
    "core": {"cli", "gui", "store", "export", "ops", "speedups", ""},
}


def layering_problems(root: Path) -> list[str]:
    """Every import circle and every import against the layers, as plain lines; [] when clean."""
    internal, external = import_graph(root)
    problems = []
    for circle, group in _cycles(internal):
        others = sorted(set(group) - set(circle))
        problems.append("import circle: " + " -> ".join(circle)
                        + (f" (with {', '.join(others)} in the same knot)" if others else ""))
    for module, targets in sorted(internal.items()):
        layer = _layer(module)
        for target, line in sorted(targets.items()):
            if _layer(target) in FORBIDDEN_LAYERS.get(layer, ()) and _layer(target) != layer:
                problems.append(f"{module} (line {line}) imports {target}: {layer} must not import "
                                f"{_layer(target) or 'the package top level'}")
    for module, names in sorted(external.items()):
        layer = _layer(module)
        for name, line in sorted(names.items()):
            if name == "git" and module != f"{root.name}.{GIT_HOME}":
                problems.append(f"{module} (line {line}) imports git: only {root.name}.{GIT_HOME} may")
            if layer == "core" and name in QT:
                problems.append(f"{module} (line {line}) imports {name}: core must not import Qt")
    return problems


# ------------------------------------------------------------------ the real package

def test_the_package_has_no_import_circle_and_keeps_its_layers():
    assert len(import_graph(ROOT)[0]) > 50, "expected the package's modules"
    assert layering_problems(ROOT) == []


def test_gui_never_names_the_command_line():
    for path in (ROOT / "gui").rglob("*.py"):
        assert "policyeditor.cli" not in path.read_text(encoding="utf-8"), path


# ------------------------------------------------------------------ the checker on planted trees

def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            init = root / parent / "__init__.py"
            if not init.exists():
                init.write_text("", encoding="utf-8")
        path.write_text(text, encoding="utf-8")
    return root


def test_a_clean_planted_tree_passes(tmp_path):
    root = _plant(tmp_path, {
        "core/model.py": "from datetime import date\n",
        "core/rules.py": "from . import model\nfrom .model import date\n",
        "store/gitrepo.py": "import git\nfrom git.exc import GitCommandError\n",
        "store/library.py": "from pkg.core import rules\nfrom pkg.store.gitrepo import git\n",
        "export/html.py": "from ..core.model import date\n",
        "ops/packet.py": "from pkg.store import library\nfrom pkg.export import html\n",
        "cli/main.py": "from pkg.ops import packet\nfrom pkg.store.library import rules\n",
        "gui/window.py": "import PySide6\nfrom pkg.ops.packet import html\n",
    })
    assert layering_problems(root) == []


def test_a_planted_circle_is_reported_with_its_modules(tmp_path):
    root = _plant(tmp_path, {
        "store/library.py": "def record():\n    from pkg.store import events\n",
        "store/events.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                           "    from .library import Library\n",
        "core/a.py": "from . import b\n",
        "core/b.py": "from .c import thing\n",
        "core/c.py": "import pkg.core.a\n",
    })
    assert layering_problems(root) == [
        "import circle: pkg.core.a -> pkg.core.b -> pkg.core.c -> pkg.core.a",
        "import circle: pkg.store.events -> pkg.store.library -> pkg.store.events",
    ]


def test_a_package_importing_its_own_module_through_its_init_is_a_circle(tmp_path):
    root = _plant(tmp_path, {
        "store/__init__.py": "from pkg.store.library import Library\n",
        "store/library.py": "from pkg.store import Library as _\n",
    })
    assert layering_problems(root) == ["import circle: pkg.store -> pkg.store.library -> pkg.store"]


def test_a_planted_gui_to_cli_import_is_reported(tmp_path):
    root = _plant(tmp_path, {
        "cli/commands.py": "def packet():\n    pass\n",
        "gui/export_jobs.py": "def job():\n    from pkg.cli.commands import packet\n",
    })
    assert layering_problems(root) == [
        "pkg.gui.export_jobs (line 2) imports pkg.cli.commands: gui must not import cli"]


def test_a_planted_git_import_outside_gitrepo_is_reported(tmp_path):
    root = _plant(tmp_path, {
        "store/gitrepo.py": "import git\n",
        "store/sync.py": "def push():\n    from git.exc import GitCommandError\n",
        "store/remote.py": "import git.exc\n",
    })
    assert layering_problems(root) == [
        "pkg.store.remote (line 1) imports git: only pkg.store.gitrepo may",
        "pkg.store.sync (line 2) imports git: only pkg.store.gitrepo may",
    ]


def test_planted_imports_across_forbidden_layers_are_reported(tmp_path):
    root = _plant(tmp_path, {
        "core/model.py": "import PySide6.QtGui\nfrom pkg.store import library\n",
        "store/library.py": "from pkg.export.html import page\n",
        "export/html.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                          "    from ..store.records import Author\n",
        "store/records.py": "",
        "ops/packet.py": "from pkg.gui import window\n",
        "gui/window.py": "",
    })
    assert layering_problems(root) == [
        "pkg.core.model (line 2) imports pkg.store.library: core must not import store",
        "pkg.export.html (line 3) imports pkg.store.records: export must not import store",
        "pkg.ops.packet (line 1) imports pkg.gui.window: ops must not import gui",
        "pkg.store.library (line 1) imports pkg.export.html: store must not import export",
        "pkg.core.model (line 1) imports PySide6: core must not import Qt",
    ]
