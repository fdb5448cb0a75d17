"""The compiled redline engine (policyeditor.speedups) is the same engine.

(It compiles the Markdown reader and the change summary too: the dump below
holds the parsed documents and the summaries as well as the redlines.)

``scripts/build_speedups.py`` compiles the core modules of
``speedups.MODULES`` with mypyc; the README's commands build it
(scripts/setup.sh). These tests check that the build is in use where it was built, that it gives the
very redlines of the sources on the corpus (the shared one when present, else
tests/data/corpus), the seeds and the 1 MB manual, and that a stale or foreign
build is never used. Without a current build (none was made, or a source
changed since) the sources run, as the README says: the tests that need a
build skip, saying why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import policyeditor
from policyeditor import speedups
from importlib import import_module
from shared_data import SEEDS, largest_corpus

ROOT = Path(__file__).resolve().parents[2]
PURE = bool(os.environ.get("POLICYEDITOR_PURE_PYTHON"))

# Prints one line per redline of the corpus pairs, the seed pair and the
# 1 MB manuals (2% and 20% of words edited): everything the redline says.
DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from bench_redline import corpus_pairs, manual
import policyeditor
from policyeditor.core.redline import compare
from policyeditor.speedups import compiled
import policyeditor.core.redline as engine

corpus = Path(sys.argv[1])
cases = corpus_pairs(corpus)
seeds = Path(sys.argv[3])
cases.append(("seed", (seeds / "website-privacy-2009.md").read_text(encoding="utf-8"),
              (seeds / "website-privacy-2018-draft.md").read_text(encoding="utf-8")))
for rate in (0.02, 0.2):
    cases.append((f"manual {rate}", *manual(corpus, rate=rate)))

def style(s):
    return None if s is None else [getattr(s, f) for f in ("kind", "level", "bold", "italic", "link") if hasattr(s, f)]

print(json.dumps({"compiled": compiled(engine)}))
from policyeditor.core.redline_stats import redline_stats
from policyeditor.core.textmodel import parse
for name, old, new in cases:
    a, b = parse(old), parse(new)
    print(json.dumps([name, "parsed", [[[k.kind, k.level, [[r.text, r.bold, r.italic, r.link] for r in k.runs]]
                                        for k in d.blocks] for d in (a, b)]]))
    red = compare(a, b)
    print(json.dumps([name, [[b.status, style(b.style), style(b.old_style), b.break_op, b.move_id,
                              [[s.op, s.text, style(s.style), style(s.old_style)] for s in b.segments]]
                             for b in red.blocks]]))
    print(json.dumps([name, "summary", redline_stats(red, a, b).as_dict()]))
"""


def dump(pure: bool) -> list[str]:
    env = dict(os.environ)
    env.pop("POLICYEDITOR_PURE_PYTHON", None)
    if pure:
        env["POLICYEDITOR_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", DUMP, str(largest_corpus()), str(ROOT / "benchmarks"), str(SEEDS)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


NO_BUILD = ("no current build of the compiled redline engine in policyeditor/_speedups (none was made, "
            "or a source changed since): the sources run; `python scripts/build_speedups.py` makes one "
            "(scripts/setup.sh does)")


def test_the_compiled_engine_is_in_use_where_it_was_built():
    if PURE:
        pytest.skip("POLICYEDITOR_PURE_PYTHON is set: the sources run on purpose")
    if not speedups.build_is_current():
        pytest.skip(NO_BUILD)
    assert policyeditor.SPEEDUPS
    assert all(speedups.compiled(import_module(f"policyeditor.core.{name}")) for name in speedups.MODULES)


@pytest.mark.skipif(PURE, reason="POLICYEDITOR_PURE_PYTHON is set: no compiled engine to compare")
@pytest.mark.skipif(not speedups.build_is_current(), reason=NO_BUILD)
def test_compiled_and_pure_engines_give_the_same_redlines():
    compiled, pure = dump(pure=False), dump(pure=True)
    assert json.loads(compiled[0]) == {"compiled": True}
    assert json.loads(pure[0]) == {"compiled": False}
    manifest = json.loads((largest_corpus() / "manifest.json").read_text(encoding="utf-8"))
    pairs = sum(len(revisions) - 1 for revisions in manifest.values())
    assert len(compiled) == len(pure) == 1 + 3 * (pairs + 3)  # the pairs, the seed, two manuals: three lines each
    differ = [json.loads(a)[0] for a, b in zip(compiled[1:], pure[1:]) if a != b]
    assert differ == []


def test_a_stale_build_is_not_used(tmp_path, monkeypatch):
    manifest = json.loads((speedups.SPEEDUPS_DIR / speedups.MANIFEST).read_text(encoding="utf-8")) \
        if (speedups.SPEEDUPS_DIR / speedups.MANIFEST).is_file() else None
    if manifest is None:
        pytest.skip("no build of the compiled engine in policyeditor/_speedups to check")
    assert speedups.build_is_current(manifest) or PURE or not policyeditor.SPEEDUPS
    # a source whose size or time differs from the manifest's is hashed again: another digest is stale
    edited = dict(manifest, sources=dict(manifest["sources"], redline="0" * 64),
                  stats=dict(manifest.get("stats", {}), redline=[0, 0]))
    assert not speedups.build_is_current(edited)
    if speedups.build_is_current(manifest):
        # touched but the same (a checkout): hashed, found the same, still used
        touched = dict(manifest, stats={name: [0, 0] for name in manifest["sources"]})
        assert speedups.build_is_current(touched)
        # untouched: not read at all at start-up
        monkeypatch.setattr(speedups, "source_digest", lambda source: pytest.fail(f"{source} was hashed"))
        assert speedups.build_is_current(manifest)
    other = dict(manifest, cache_tag="cpython-399")
    assert not speedups.build_is_current(other)
    missing = dict(manifest, sources={k: v for k, v in manifest["sources"].items() if k != "tokens"})
    assert not speedups.build_is_current(missing)


def test_an_edited_source_makes_the_build_stale(tmp_path, monkeypatch):
    # A copy of the package whose redline.py differs from the one built.
    if not (speedups.SPEEDUPS_DIR / speedups.MANIFEST).is_file():
        pytest.skip("no build of the compiled engine in policyeditor/_speedups to check")
    import shutil

    copy = tmp_path / "policyeditor"
    shutil.copytree(ROOT / "policyeditor", copy, ignore=shutil.ignore_patterns("__pycache__"))
    source = copy / "core" / "redline.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    code = ("import policyeditor, policyeditor.core.redline as r; "
            "print(policyeditor.SPEEDUPS, r.__file__.endswith('.py'))")
    env = {k: v for k, v in os.environ.items() if k != "POLICYEDITOR_PURE_PYTHON"}
    env["PYTHONPATH"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.stdout.split() == ["False", "True"], done.stderr
