"""Tagging and register speed (issue 4): prints figures for benchmarks/README.md.

    python benchmarks/bench_tagging.py [--rows 1000000]

1. Writes a CSV of N rows (id, naive local collection time, page, agent), with
   collection times spread over 2015-2025 so that most are distinct strings.
2. Times a plain ``csv`` read-and-write copy of it, then ``tag`` of the same
   file (without a register) in the same run, and prints the ratio (target <= 2).
3. Loads N keyed records into a fresh register (one transaction; target < 5 s)
   and times lookups by key (target < 1 ms each).
Files go to a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from policyeditor.core.tagging import Tagger
from policyeditor.core.versions import Policy, Version
from policyeditor.store.register import Register, VersionCount
from policyeditor.store.tagging import TagJob, tag_file

POLICY = Policy("website-privacy", "Website Privacy", versions=(
    Version(1, legacy=True, adopted=date(2009, 10, 5), text_sha256="a" * 64),
    Version(2, adopted=date(2018, 5, 15), posted=date(2018, 5, 20), effective=date(2018, 7, 1), text_sha256="b" * 64),
    Version(3, adopted=date(2021, 2, 1), posted=date(2021, 2, 2), effective=date(2021, 3, 14), text_sha256="c" * 64),
))
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def make_csv(path: Path, rows: int) -> None:
    rng = random.Random(4)
    start = datetime(2015, 1, 1, 8, 0)
    span = int((datetime(2025, 12, 31) - start).total_seconds())
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "collected_at", "page", "agent"])
        for i in range(rows):
            when = start + timedelta(seconds=rng.randrange(span))
            if when.month in (3, 11) and when.hour in (1, 2):
                when = when.replace(hour=9)          # keep clear of clock-change hours
            w.writerow([f"rec-{i:07d}", when.strftime("%Y-%m-%dT%H:%M:%S"),
                        f"/schools/page-{i % 500}.html", "Mozilla/5.0 (X11; Linux x86_64)"])


def plain_copy(src: Path, dst: Path) -> None:
    with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        for row in csv.reader(f):
            w.writerow(row)


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def bench_tagging(folder: Path, rows: int) -> None:
    data = folder / "visits.csv"
    make_csv(data, rows)
    size = data.stat().st_size / 1e6
    plain = []
    tagged = []
    for _ in range(3):      # alternate, keep the best of each: the machine is shared
        plain.append(timed(plain_copy, data, folder / "copy.csv"))
        tagger = Tagger(POLICY, "America/New_York", now=NOW)
        tagged.append(timed(lambda: tag_file(TagJob(data, "collected_at", output=folder / "tagged.csv"), tagger)))
    p, t = min(plain), min(tagged)
    print(f"CSV: {rows:,} rows, {size:.0f} MB")
    print(f"  plain csv read+write: {p:.2f} s")
    print(f"  tag (parse, bisect, hash, atomic write): {t:.2f} s")
    print(f"  ratio tag / plain: {t / p:.2f} (target <= 2)")
    with Register.open(folder / "keyed.sqlite") as reg:
        tagger = Tagger(POLICY, "America/New_York", now=NOW)
        keyed = timed(lambda: tag_file(TagJob(data, "collected_at", "id", output=folder / "tagged.csv"),
                                       tagger, register=reg, library="git:bench", ran_by="bench"))
    print(f"  tag with --key-column, every key into the register: {keyed:.2f} s")


def bench_register(folder: Path, rows: int) -> None:
    path = folder / "register.sqlite"
    keys = [(f"rec-{i:07d}", 1 + i % 3, 1.6e9 + i) for i in range(rows)]
    counts = [VersionCount(v, "x" * 64, rows // 3, 1.6e9, 1.7e9) for v in (1, 2, 3)]
    loads = []
    for _ in range(2):      # first tagging, then the same keys again (checked against the register)
        with Register.open(path) as reg:
            t0 = time.perf_counter()
            run = reg.start_run("git:bench", "visits", "website-privacy")
            for i in range(0, rows, 20_000):
                run.add_records(keys[i:i + 20_000])
            run.finish(source_path="visits.csv", source_sha256="0" * 64, output_path="tagged.csv",
                       counts=counts, rows_bad=0, ran_at="2026-01-01T00:00:00+00:00", ran_by="bench")
            loads.append(time.perf_counter() - t0)
    load = loads[0]
    t0 = time.perf_counter()
    reg = Register.open(path)
    opened = time.perf_counter() - t0
    rng = random.Random(5)
    samples = []
    for _ in range(2000):
        key = f"rec-{rng.randrange(rows):07d}"
        t0 = time.perf_counter()
        answer = reg.lookup("git:bench", key)
        samples.append(time.perf_counter() - t0)
        assert answer and answer[0].key == key
    reg.close()
    print(f"Register: {rows:,} keyed records loaded in {load:.2f} s (target < 5 s); "
          f"file {path.stat().st_size / 1e6:.0f} MB; open with quick_check {opened:.2f} s")
    print(f"  the same {rows:,} keys tagged again (compared with the register): {loads[1]:.2f} s")
    print(f"  lookup by key: median {statistics.median(samples) * 1e3:.3f} ms, "
          f"max {max(samples) * 1e3:.3f} ms over {len(samples)} lookups (target < 1 ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-tagging-") as tmp:
        folder = Path(tmp)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu(s)")
        bench_tagging(folder, args.rows)
        bench_register(folder, args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
