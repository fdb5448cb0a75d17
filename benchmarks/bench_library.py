"""Library operations: `list`, `versions ID`, `in-force ID --at` on small and large libraries.

Generates three libraries in a temporary folder (1 policy x 1 version,
40 x 20 and 400 x 20; the files are written directly and committed in ONE
commit, generation time is not measured), then times each command as a
subprocess (``python -m policyeditor``), repeated, and prints the medians and
the ratios the issue asks for: large <= 2x small, and 40 -> 400 policies no
worse than linear. `list` is timed warm (its summary cache built by a first
run) and, separately, cold (cache deleted before each run).

    /tmp/venv/bin/python benchmarks/bench_library.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import tomli_w

SIZES = (("small", 1, 1), ("40", 40, 20), ("400", 400, 20))
TEXT = "**POLICY {n}**\n\nThe committee adopts this policy, version {v}.\n\n" + "A paragraph of policy text. " * 40 + "\n"


def _version(v: int) -> dict:
    adopted = date(1990, 1, 1) + timedelta(days=400 * v)
    record = {"number": v, "change_class": "substantive", "first_reading": adopted - timedelta(days=28),
              "adopted": adopted, "posted": adopted + timedelta(days=1),
              "effective": adopted + timedelta(days=35),
              "text_commit": hashlib.sha1(str(v).encode()).hexdigest(),
              "text_sha256": hashlib.sha256(str(v).encode()).hexdigest(),
              "posted_commit": hashlib.sha1(str(v).encode()).hexdigest(),
              "posted_sha256": hashlib.sha256(str(v).encode()).hexdigest(),
              "memo": {"recommendation": "That the School Committee approve the revisions.",
                       "description": "These revisions align the policy with current practice."}}
    if v == 1:
        record.update(legacy=True)
    return record


def generate(root: Path, policies: int, versions: int) -> None:
    """Write a library of ``policies`` x ``versions`` and commit it once."""
    root.mkdir(parents=True)
    (root / ".gitattributes").write_text("* text=auto eol=lf\n")
    (root / "library.toml").write_text('format = 1\ndistrict = "Benchmark Public Schools"\n')
    for n in range(policies):
        folder = root / "policies" / f"policy-{n:04d}"
        folder.mkdir(parents=True)
        (folder / "policy.md").write_text(TEXT.format(n=n, v=versions))
        record = {"title": f"Policy number {n}", "code": f"J{n:04d}", "review_months": 36,
                  "versions": [_version(v) for v in range(1, versions + 1)]}
        (folder / "policy.toml").write_bytes(tomli_w.dumps(record).encode())
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "generated"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)


def run_once(argv: list[str], before=None) -> float:
    """Wall time of one run of ``argv`` (``before`` runs first, untimed)."""
    if before:
        before()
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr}")
    return elapsed


def timed_round_robin(commands: list[tuple[list[str], object]], repeat: int) -> list[float]:
    """Median time of each command; runs alternate between the commands, so the
    machine's noise (2 shared cores) falls on all of them alike. One untimed
    warm-up round first."""
    runs: list[list[float]] = [[] for _ in commands]
    for i in range(repeat + 1):
        for k, (argv, before) in enumerate(commands):
            elapsed = run_once(argv, before)
            if i:
                runs[k].append(elapsed)
    return [statistics.median(r) for r in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-library-"))
    try:
        libs = {}
        for name, policies, versions in SIZES:
            libs[name] = work / name
            generate(libs[name], policies, versions)
        time.sleep(2.1)  # the summary cache ignores files changed in the last 2 s (racy-git rule)
        py = [sys.executable, "-m", "policyeditor"]
        floor, imports = timed_round_robin(
            [([sys.executable, "-c", "pass"], None), ([sys.executable, "-c", "import policyeditor.cli"], None)],
            args.repeat)
        rows = []
        for label, cmd, cold in (
            ("list", ["list"], False),
            ("list (cold cache)", ["list"], True),
            ("versions ID", ["versions", "policy-0000"], False),
            ("in-force ID --at", ["in-force", "policy-0000", "--at", "2012-06-01T09:30"], False),
        ):
            commands = []
            for name, _p, _v in SIZES:
                cache = libs[name] / ".git" / "policyeditor" / "summaries.json"
                clear = (lambda c=cache: c.unlink(missing_ok=True)) if cold else None
                commands.append(([*py, "--library", str(libs[name]), *cmd], clear))
            rows.append([label, *timed_round_robin(commands, args.repeat)])
        print(f"python start {floor * 1000:.0f} ms; import policyeditor.cli {imports * 1000:.0f} ms; "
              f"median of {args.repeat} runs")
        print(f"{'command':<20} {'1x1 ms':>8} {'40x20 ms':>9} {'400x20 ms':>10} {'400/1':>7} {'400/40':>7}")
        for label, small, mid, large in rows:
            print(f"{label:<20} {small * 1000:>8.0f} {mid * 1000:>9.0f} {large * 1000:>10.0f} "
                  f"{large / small:>7.2f} {large / mid:>7.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
