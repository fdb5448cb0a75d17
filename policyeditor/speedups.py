"""The compiled redline engine, when a current build of it exists.

``scripts/build_speedups.py`` compiles the modules in MODULES with mypyc
into ``policyeditor/_speedups/``: ``core/<module><ext>`` for each, one
shared library beside them, and a manifest with the SHA-256 of each source
it was built from (with each source's size and modification time then, so
that an untouched source is not read and hashed at every start). ``use_speedups`` (run when the package is imported) puts
``_speedups/core`` ahead of the sources on ``policyeditor.core``'s path, so
``import policyeditor.core.redline`` loads the compiled module, but only
while the build matches this interpreter and every source: an edited source
is never shadowed by a stale build. Without a build, or with
POLICYEDITOR_PURE_PYTHON=1 in the environment, the sources run as they are.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

MODULES = ("textdoc", "textmodel", "tokens", "semantic_cleanup", "seqdiff", "redline_model", "redline",
           "redline_build", "markdown_fast", "markdown_read", "changeclass", "redline_stats")
PACKAGE_DIR = Path(__file__).resolve().parent
SPEEDUPS_DIR = PACKAGE_DIR / "_speedups"
MANIFEST = "manifest.json"


def _manifest() -> dict | None:
    try:
        data = json.loads((SPEEDUPS_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def build_is_current(manifest: dict | None = None) -> bool:
    """Whether the build exists, suits this interpreter and matches every source.

    A source that is not there as a file (a frozen application ships
    compiled modules only) is taken as matching.
    """
    manifest = manifest if manifest is not None else _manifest()
    if not manifest or manifest.get("cache_tag") != sys.implementation.cache_tag:
        return False
    suffix = manifest.get("ext_suffix", "")
    if suffix not in importlib.machinery.EXTENSION_SUFFIXES:
        return False
    sources = manifest.get("sources", {})
    if set(sources) != set(MODULES):
        return False
    stats = manifest.get("stats", {})
    for name in MODULES:
        if not (SPEEDUPS_DIR / "core" / f"{name}{suffix}").is_file():
            return False
        source = PACKAGE_DIR / "core" / f"{name}.py"
        try:
            if stat_of(source) == stats.get(name):
                continue                # untouched since its digest was taken (as git's index tells)
            digest = source_digest(source)
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if digest != sources[name]:
            return False
    return (SPEEDUPS_DIR / f"{manifest.get('shared', '')}{suffix}").is_file()


def stat_of(source: Path) -> list[int]:
    """A source's size and modification time (ns), as the manifest records them beside its digest."""
    st = source.stat()
    return [st.st_size, st.st_mtime_ns]


def source_digest(source: Path) -> str:
    """The SHA-256 of a source (hashlib is loaded only when a source's size or time changed)."""
    import hashlib

    return hashlib.sha256(source.read_bytes()).hexdigest()


def use_speedups() -> bool:
    """Load the compiled engine if a current build exists; whether it did."""
    if os.environ.get("POLICYEDITOR_PURE_PYTHON") or "policyeditor.core.redline" in sys.modules:
        return False
    manifest = _manifest()
    if not build_is_current(manifest):
        return False
    assert manifest is not None
    shared, suffix = manifest["shared"], manifest["ext_suffix"]
    try:
        if shared not in sys.modules:    # the compiled modules import it by this name
            spec = importlib.util.spec_from_file_location(shared, SPEEDUPS_DIR / f"{shared}{suffix}")
            if spec is None or spec.loader is None:
                return False
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules[shared] = module
    except ImportError:
        return False    # built for another platform: the sources serve
    import policyeditor.core as core

    core.__path__.insert(0, str(SPEEDUPS_DIR / "core"))
    return True


def compiled(module: object) -> bool:
    """Whether a module was loaded from the compiled build."""
    return not str(getattr(module, "__file__", "")).endswith((".py", ".pyc"))
