"""Benchmark of the redline engine against git's word diff, in the same run.

Usage: python benchmarks/bench_redline.py [CORPUS_DIR] [--quick]

Measures, on every consecutive pair of revisions in the corpus (manifest.json
order) and on a 1 MB manual (all corpus documents concatenated, 2% of words
edited at random with a fixed seed):
- the time of ``core.redline.compare`` on parsed documents (median, slowest),
- the time of ``git diff --no-index --word-diff`` on the same files,
  each the best of REPEAT runs,
- quality: changes that start or end inside a word (must be 0), and the
  characters marked changed against char-level diff-match-patch's.
Prints one line per figure with its ratio to git's time.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

import policyeditor.core.redline as redline_module
from policyeditor.core.redline import DELETED, INSERTED, Redline, compare
from policyeditor.core.textmodel import parse
from policyeditor.speedups import compiled

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "site-policy"


# Every time is the best of REPEAT runs: on a shared machine a single run
# picks up other processes' load, and the slowest pair would be whichever
# pair was unlucky.
REPEAT = 3
# The 1 MB manual takes long enough for a load spike to fall inside one run:
# it and git's diff of it are timed alternately, REPEAT_BIG times each.
REPEAT_BIG = 7


def corpus_pairs(corpus: Path) -> list[tuple[str, str, str]]:
    """(name, old text, new text) for each consecutive pair of each document."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    pairs = []
    for name, revisions in manifest.items():
        texts = [(corpus / r["file"]).read_text(encoding="utf-8") for r in revisions]
        for k in range(1, len(texts)):
            pairs.append((f"{name}#{k}", texts[k - 1], texts[k]))
    return pairs


def manual(corpus: Path, rate: float = 0.02, seed: int = 7) -> tuple[str, str]:
    """The 1 MB manual: all revisions concatenated, then ~2% of words edited."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    parts = [(corpus / r["file"]).read_text(encoding="utf-8") for revs in manifest.values() for r in revs]
    old = "\n\n".join(parts)
    while len(old.encode()) < 1_000_000:
        old += "\n\n" + old
    old = old[:1_000_000]
    old = old[: old.rfind("\n")] + "\n"
    rng = random.Random(seed)
    words = old.split(" ")
    for i in range(len(words)):
        if rng.random() < rate:
            choice = rng.random()
            if choice < 0.4:
                words[i] = "revised"
            elif choice < 0.7:
                words[i] = words[i] + " additionally"
            else:
                words[i] = ""
    return old, " ".join(words)


def git_word_diff(old: str, new: str, tmp: Path) -> float:
    a, b = tmp / "old.md", tmp / "new.md"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(["git", "diff", "--no-index", "--word-diff", "--", str(a), str(b)],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def split_words(redline: Redline) -> int:
    """Changes that begin or end inside a word, on either side."""
    bad = 0
    for block in redline.blocks:
        for side, shown in (("old", lambda s: s.op != INSERTED), ("new", lambda s: s.op != DELETED)):
            segs = [s for s in block.segments if shown(s) and s.text]
            for prev, cur in zip(segs, segs[1:]):
                changed = {prev.op, cur.op} & {INSERTED, DELETED}
                if changed and prev.op != cur.op and _wordish(prev.text[-1]) and _wordish(cur.text[0]):
                    bad += 1
    return bad


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def changed_chars(redline: Redline) -> int:
    return sum(len(s.text) for b in redline.blocks for s in b.segments if s.op in (INSERTED, DELETED))


def dmp_changed_chars(old: str, new: str) -> tuple[int, int] | None:
    """Characters char-level diff-match-patch marks changed: raw, and after semantic
    cleanup (what a reader would be shown); None when it hit its 5 s timeout."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 5.0
    start = time.perf_counter()
    diffs = dmp.diff_main(old, new)
    if time.perf_counter() - start >= dmp.Diff_Timeout * 0.98:
        return None
    raw = sum(len(t) for op, t in diffs if op != 0)
    dmp.diff_cleanupSemantic(diffs)
    return raw, sum(len(t) for op, t in diffs if op != 0)


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main(argv: list[str]) -> int:
    corpus = Path(next((a for a in argv if not a.startswith("--")), DEFAULT_CORPUS))
    pairs = corpus_pairs(corpus)
    ours, gits, splits = [], [], 0
    ours_chars, raw_chars, semantic_chars, timed_out = 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for name, old, new in pairs:
            old_doc, new_doc = parse(old), parse(new)
            runs = [timed(compare, old_doc, new_doc) for _ in range(REPEAT)]
            elapsed, redline = min(runs, key=lambda r: r[0])
            ours.append((elapsed, name))
            gits.append(min(git_word_diff(old, new, tmp) for _ in range(REPEAT)))
            splits += split_words(redline)
            if "--quick" not in argv:
                ref = dmp_changed_chars(redline.text("old"), redline.text("new"))
                if ref is None:
                    timed_out += 1
                else:
                    ours_chars += changed_chars(redline)
                    raw_chars += ref[0]
                    semantic_chars += ref[1]
        old, new = manual(corpus)
        old_doc, new_doc = parse(old), parse(new)
        runs, git_runs = [], []
        for _ in range(REPEAT_BIG):
            runs.append(timed(compare, old_doc, new_doc))
            git_runs.append(git_word_diff(old, new, tmp))
        big, redline = min(runs, key=lambda r: r[0])
        git_big = min(git_runs)
        big_split = split_words(redline)
        big_mine = changed_chars(redline)
        big_all = all(b.status in (INSERTED, DELETED) for b in redline.blocks)
    med, git_med = statistics.median(t for t, _ in ours), statistics.median(gits)
    slow, slow_name = max(ours)
    engine = "compiled with mypyc" if compiled(redline_module) else "uncompiled Python (POLICYEDITOR_PURE_PYTHON or no build)"
    print(f"engine: policyeditor.core.redline {engine}")
    print(f"pairs: {len(pairs)} (consecutive revisions in {corpus.name}; each time the best of {REPEAT} runs)")
    print(f"redline median  {med * 1000:8.2f} ms   git --word-diff median  {git_med * 1000:8.2f} ms   ratio {med / git_med:6.2f}")
    print(f"redline slowest {slow * 1000:8.2f} ms ({slow_name})   git slowest {max(gits) * 1000:8.2f} ms   ratio {slow / max(gits):6.2f}")
    print(f"1 MB manual     {big:8.3f} s    git --word-diff         {git_big:8.3f} s    ratio {big / git_big:6.2f}"
          f"   (best of {REPEAT_BIG} each)")
    print(f"1 MB manual: all deleted/inserted: {big_all}; changed chars {big_mine}; word-splitting changes {big_split}")
    print(f"word-splitting changes in pairs: {splits}")
    if raw_chars:
        print(f"changed chars over the {len(pairs) - timed_out} pairs where char-level diff-match-patch "
              f"finished within 5 s ({timed_out} timed out): redline {ours_chars}; char-level "
              f"{raw_chars} raw ({(ours_chars / raw_chars - 1) * 100:+.1f}%), "
              f"{semantic_chars} after semantic cleanup ({(ours_chars / semantic_chars - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
