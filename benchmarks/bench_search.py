"""Timing of ``policyeditor search`` on a 400-policy library (issue 13: < 0.2 s once the index exists).

Generates a library of 400 policies, each with three adopted versions (real
texts at real commits, recorded hashes) and a draft that differs from them:
1,600 texts of about 300 words drawn from a 2,000-word vocabulary. Then:

- the first search (it builds the index: every text read from git once),
- a search after the index exists, in the process (``store.search.search``),
  median over several queries of one to three words,
- the command ``python -m policyeditor search WORDS`` as a subprocess, median,
  beside ``python -m policyeditor versions ID`` (interpreter start, imports and
  opening the library: what any command costs).

Usage: python benchmarks/bench_search.py [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
POLICIES = 400
VERSIONS = 3
rng = random.Random(13)
VOCAB = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 10))) for _ in range(2000)]


def text(n: int, v: int) -> str:
    r = random.Random(n * 100 + v)
    paragraphs = [" ".join(r.choice(VOCAB) for _ in range(60)).capitalize() + "." for _ in range(5)]
    return f"# Policy {n}\n\n" + "\n\n".join(paragraphs) + "\n"


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout.strip()


def generate(root: Path) -> None:
    root.mkdir(parents=True)
    (root / ".gitattributes").write_text("* text=auto eol=lf\n")
    (root / "library.toml").write_text('format = 1\ndistrict = "Benchmark Public Schools"\n')
    git(root, "init", "-q", "-b", "main")
    commits = []
    for v in range(1, VERSIONS + 2):   # the last round is the draft
        for n in range(POLICIES):
            folder = root / "policies" / f"policy-{n:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "policy.md").write_text(text(n, v))
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"texts of version {v}")
        commits.append(git(root, "rev-parse", "HEAD"))
    for n in range(POLICIES):
        versions = []
        for v in range(1, VERSIONS + 1):
            adopted = date(2000, 1, 1) + timedelta(days=700 * v)
            record = {"number": v, "change_class": "substantive", "adopted": adopted,
                      "text_commit": commits[v - 1],
                      "text_sha256": hashlib.sha256(text(n, v).encode()).hexdigest()}
            if v == 1:
                record["legacy"] = True
            else:
                record.update(first_reading=adopted - timedelta(days=28), posted=adopted + timedelta(days=1),
                              effective=adopted + timedelta(days=40))
            versions.append(record)
        folder = root / "policies" / f"policy-{n:04d}"
        (folder / "policy.toml").write_bytes(tomli_w.dumps(
            {"title": f"Policy number {n}", "code": f"J{n:04d}", "versions": versions}).encode())
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "records")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    os.environ["POLICYEDITOR_DATA_DIR"] = str(work / "data")
    root = args.keep or work / "library"
    if not (root / "library.toml").exists():
        start = time.perf_counter()
        generate(root)
        print(f"generated {POLICIES} policies x {VERSIONS} adopted versions + drafts in "
              f"{time.perf_counter() - start:.1f} s")
    from policyeditor.store import Library
    from policyeditor.store.search import search

    queries = [VOCAB[7], f"{VOCAB[11]} {VOCAB[12]}", f"{VOCAB[3]} {VOCAB[5]} {VOCAB[8]}", VOCAB[100][:4], "policy"]
    with Library.open(root) as lib:
        start = time.perf_counter()
        hits = search(lib, queries[0])
        build = time.perf_counter() - start
        timings = []
        for _ in range(args.repeat):
            for q in queries:
                start = time.perf_counter()
                search(lib, q)
                timings.append(time.perf_counter() - start)
    print(f"first search (builds the index of {POLICIES * (VERSIONS + 1)} texts): {build * 1000:.0f} ms, "
          f"{len(hits)} hits")
    print(f"search in the process, index built: median {statistics.median(timings) * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms ({len(timings)} searches)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def wall(argv: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policyeditor", "--library", str(root), *argv],
                       env=env, capture_output=True, check=False)
        return time.perf_counter() - start

    cli_search, cli_versions = [], []
    for i in range(args.repeat):   # alternating, so the machine's noise falls on both alike
        cli_search.append(wall(["search", queries[i % len(queries)]]))
        cli_versions.append(wall(["versions", "policy-0001"]))
    print(f"command `search WORDS`: median {statistics.median(cli_search) * 1000:.0f} ms; "
          f"`versions ID` (start-up and opening the library): median "
          f"{statistics.median(cli_versions) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
