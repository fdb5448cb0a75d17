"""The `diff` command as a user runs it: whole process, against git's word diff, and its memory.

Part 1 (issue 12): `policyeditor diff OLD NEW -o X.html` on the 1 MB manual of
`bench_redline.manual` (2% of words edited, spread through it), as a
subprocess (Python's start, imports, parsing both files, the redline, the
change summary, the page written), alternating with
`git diff --no-index --word-diff` on the same two files; best and median of
``--repeat`` runs each, and the ratio. Then, in this process, what each step
takes (parse, compare, summary, page).

Part 2 (``--sizes``, MB): drafts of that many MB (the manual repeated, edited
the same way), `diff OLD NEW -o X.html` as a subprocess under
``/usr/bin/time -v``: wall time, seconds per MB (linear time: flat), and the
peak resident memory per byte of input (both files) and per byte of the draft.

    python benchmarks/bench_diff.py --repeat 5 --sizes 10,20,40 [--distinct] [--no-part1] [--against CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_redline import manual  # noqa: E402


def corpus() -> Path:
    for candidate in (Path(os.environ.get("POLICYEDITOR_SHARED_DIR", "")) / "corpus" / "site-policy",
                      ROOT.parent / "shared" / "corpus" / "site-policy",
                      Path("/work/shared/corpus/site-policy"), ROOT / "tests" / "data" / "corpus"):
        if (candidate / "manifest.json").exists():
            return candidate
    raise SystemExit("no corpus found")


def run(cmd: list[str], cwd: Path, root: Path = ROOT) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of the command, a subprocess (the package from ``root``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=cmd[0] != "git", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(root)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def diff_cmd(old: Path, new: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "policyeditor", "diff", str(old), str(new), "-o", str(out)]


def compile_bytecode(root: Path = ROOT) -> None:
    """Write the package's bytecode, as an installed copy has it (pip and PyInstaller compile it):
    without it (PYTHONDONTWRITEBYTECODE here) every run would compile ~60 modules first."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "policyeditor")], check=True,
                   stdout=subprocess.DEVNULL)


def part1(tmp: Path, repeat: int, against: Path | None = None) -> None:
    """``against``: another checkout (its own compiled build), run alternately with this one."""
    compile_bytecode()
    if against is not None:
        compile_bytecode(against)
    old, new = manual(corpus())
    (tmp / "old.md").write_text(old, encoding="utf-8")
    (tmp / "new.md").write_text(new, encoding="utf-8")
    ours, git, theirs = [], [], []
    for _ in range(repeat):
        ours.append(run(diff_cmd(tmp / "old.md", tmp / "new.md", tmp / "x.html"), tmp))
        if against is not None:
            theirs.append(run(diff_cmd(tmp / "old.md", tmp / "new.md", tmp / "y.html"), tmp, against))
        git.append(run(["git", "diff", "--no-index", "--word-diff", "old.md", "new.md"], tmp))
    print(f"1 MB manual ({len(old.encode()):,} and {len(new.encode()):,} bytes), {repeat} runs each, alternating")
    for name, times in (("diff -o X.html (whole process)", ours), (f"the same from {against}", theirs)):
        for label, k in (("wall", 0), ("cpu", 1)):
            if not times:
                continue
            a, g = [t[k] for t in times], [t[k] for t in git]
            print(f"  {label}: {name} best {min(a):.3f} s median {statistics.median(a):.3f} s; "
                  f"git --word-diff best {min(g):.3f} s median {statistics.median(g):.3f} s; "
                  f"ratio best {min(a) / max(min(g), 1e-3):.1f}x median "
                  f"{statistics.median(a) / max(statistics.median(g), 1e-3):.1f}x")
    steps(tmp)


def steps(tmp: Path) -> None:
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts, redline_page
    from policyeditor.ops.redline import read_document

    t = [time.perf_counter()]
    a, b = read_document(tmp / "old.md"), read_document(tmp / "new.md")
    t.append(time.perf_counter())
    redline = compare(a, b)
    t.append(time.perf_counter())
    stats = redline_stats(redline, a, b)
    t.append(time.perf_counter())
    redline_page(redline, PageParts(title="Manual", summary=stats.summary))
    t.append(time.perf_counter())
    names = ("parse both", "compare", "change summary", "HTML page")
    print("  in process: " + ", ".join(f"{n} {t[i + 1] - t[i]:.3f} s" for i, n in enumerate(names)))


def big(mb: int, tmp: Path, distinct: bool = False) -> tuple[Path, Path]:
    """Drafts of ``mb`` MB: the manual repeated, or (``distinct``) repeated with each copy's
    paragraphs made its own (the copy's number after their first word), as a real manual's are:
    a text of 40 copies of the same paragraphs leaves a diff no unit seen once to anchor on."""
    old, _ = manual(corpus(), rate=0.0)
    size = mb * 1_000_000
    if distinct:
        paragraphs = old.split("\n\n")
        copies = []
        for k in range(size // len(old) + 1):
            copies.append("\n\n".join(p.replace(" ", f" {k}-{i} ", 1) if p[:1].isalpha() else p
                                        for i, p in enumerate(paragraphs)))
        text = "\n\n".join(copies)[:size]
    else:
        text = (old * (size // len(old) + 1))[:size]
    text = text[: text.rfind("\n")] + "\n"
    rng = random.Random(mb)
    words = text.split(" ")
    for i in range(len(words)):
        if rng.random() < 0.02:
            words[i] = "revised" if rng.random() < 0.5 else ""
    tag = "d" if distinct else ""
    (tmp / f"old{mb}{tag}.md").write_text(text, encoding="utf-8")
    (tmp / f"new{mb}{tag}.md").write_text(" ".join(words), encoding="utf-8")
    return tmp / f"old{mb}{tag}.md", tmp / f"new{mb}{tag}.md"


def part2(tmp: Path, sizes: list[int], distinct: bool) -> None:
    kind = "each copy's paragraphs its own" if distinct else "the manual repeated"
    print(f"drafts of N MB ({kind}), 2% of words edited: diff -o X.html under /usr/bin/time -v, one run each")
    for mb in sizes:
        old, new = big(mb, tmp, distinct)
        result = subprocess.run(["/usr/bin/time", "-v", *diff_cmd(old, new, tmp / "big.html")], cwd=tmp,
                                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if result.returncode:
            print(f"  {mb} MB: failed: {result.stderr[-500:]}")
            continue
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) * 1024
        wall = re.search(r"Elapsed \(wall clock\) time .*: ([\d:.]+)", result.stderr).group(1)
        parts = [float(p) for p in wall.split(":")]
        seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", result.stderr).group(1))
        both = old.stat().st_size + new.stat().st_size
        print(f"  {mb:3d} MB: wall {seconds:6.1f} s  cpu {user:6.1f} s ({user / mb:.2f} s/MB)  "
              f"peak RSS {rss / 1e6:7.0f} MB = {rss / both:5.1f} B per input byte (both files), "
              f"{rss / new.stat().st_size:5.1f} B per draft byte")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="", help="MB sizes for part 2, e.g. 10,20,40")
    parser.add_argument("--distinct", action="store_true",
                        help="part 2 with each copy of the manual made distinct (as a real manual's paragraphs are)")
    parser.add_argument("--no-part1", action="store_true", help="part 2 only")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="part 1 also runs this other checkout's package (its own compiled build), "
                             "alternately, to compare two versions in the same minutes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if not args.no_part1:
            part1(tmp, args.repeat, args.against)
        if args.sizes:
            part2(tmp, [int(s) for s in args.sizes.split(",")], args.distinct)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
