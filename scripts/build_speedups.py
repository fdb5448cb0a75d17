"""Compile the redline engine's modules with mypyc, the compiler of mypy.

Usage: python scripts/build_speedups.py [--if-stale]

The redline engine and what a redline reads and sums up
(``policyeditor.speedups.MODULES`` of ``policyeditor.core``: textdoc, textmodel,
tokens, semantic_cleanup, seqdiff, redline_model, redline, redline_build,
markdown_fast, markdown_read, changeclass, redline_stats) is
plain, type-annotated Python. mypyc compiles those same files to C extensions (as it does for mypy and black); compiled, a 1 MB redline takes
about two thirds of the time. Nothing else changes: same code, same results
(tests/core/test_speedups.py compares both on the corpus).

The build goes to ``policyeditor/_speedups/``, not beside the sources, with
a manifest of the sources' SHA-256. ``policyeditor/__init__.py`` uses it only
while every source still matches, so an edited source is never shadowed by
a stale build; without a build (no C compiler, say) the sources run as they
are. ``--if-stale`` builds only when the build is missing or stale.
Needs mypy (the ``speedups`` extra) and a C compiler with Python's headers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policyeditor.speedups import MANIFEST, MODULES, SPEEDUPS_DIR, build_is_current, source_digest, stat_of  # noqa: E402


def build() -> None:
    sources = [ROOT / "policyeditor" / "core" / f"{name}.py" for name in MODULES]
    # Taken before compiling, each size and time before its digest: a source edited while the
    # build runs no longer matches, and the build is not used for it.
    stats = {name: stat_of(src) for name, src in zip(MODULES, sources)}
    digests = {name: source_digest(src) for name, src in zip(MODULES, sources)}
    with tempfile.TemporaryDirectory(prefix="policyeditor-mypyc-") as tmp:
        tmp_path = Path(tmp)
        setup = tmp_path / "setup.py"
        setup.write_text(
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            f"setup(name='policyeditor-speedups', ext_modules=mypycify({[str(s) for s in sources]!r},"
            f" opt_level='3', target_dir={str(tmp_path / 'c')!r}))\n",
            encoding="utf-8")
        # mypy finds the package from the sources' own folders.
        done = subprocess.run([sys.executable, str(setup), "-q", "build_ext",
                               "--build-lib", str(tmp_path / "lib"), "--build-temp", str(tmp_path / "tmp")],
                              cwd=tmp_path, capture_output=True, text=True)
        if done.returncode:
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-8000:])
            raise SystemExit("build_speedups: mypyc could not compile the engine (output above)")
        lib = tmp_path / "lib"
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        shared = [p for p in lib.iterdir() if p.name.endswith("__mypyc" + suffix)]
        if len(shared) != 1:
            raise SystemExit(f"build_speedups: expected one shared mypyc library in {lib}, found {shared}")
        staging = SPEEDUPS_DIR.with_name(SPEEDUPS_DIR.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "core").mkdir(parents=True)
        shutil.copy2(shared[0], staging / shared[0].name)
        for name in MODULES:
            shutil.copy2(lib / "policyeditor" / "core" / f"{name}{suffix}", staging / "core" / f"{name}{suffix}")
        manifest = {
            "cache_tag": sys.implementation.cache_tag,
            "ext_suffix": suffix,
            "shared": shared[0].name[: -len(suffix)],
            "stats": stats,
            "sources": digests,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        # Swap the new build in whole (a half-copied build is never used:
        # the manifest is what makes a build count, and it is written last).
        old = SPEEDUPS_DIR.with_name(SPEEDUPS_DIR.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if SPEEDUPS_DIR.exists():
            os.replace(SPEEDUPS_DIR, old)
        os.replace(staging, SPEEDUPS_DIR)
        shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str]) -> int:
    if "--if-stale" in argv and build_is_current():
        print("build_speedups: the compiled redline engine is up to date")
        return 0
    build()
    if not build_is_current():
        print("build_speedups: the build does not match the sources", file=sys.stderr)
        return 1
    print(f"build_speedups: compiled {', '.join(MODULES)} into {SPEEDUPS_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
