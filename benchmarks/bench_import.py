"""Bulk import: 300 generated Word documents into a new library, then the same folder again.

Generates 300 .docx files with python-docx (a code line, a title, headings,
bulleted and numbered lists, a link, a table, about 400 words, and a history
line in one of the three date forms; generation is not timed), creates an
empty library, and times ``policyeditor import FOLDER`` as a subprocess,
twice. The first run must finish in under a minute; the second must change
nothing (the library's HEAD, refs and files are compared).

    python benchmarks/bench_import.py [--count 300]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("The district shall keep records of each request and answer it within ten school days. "
         "Staff members review the notice every year and report changes to the committee. ")
FORMS = ("Adopted: October 5, 2009 / Revised: May 15, 2018", "Adopted: 10/5/2009; Revised: 5/15/2018",
         "Adopted: 2009-10-05\nRevised: 2018-05-15")


def make_document(path: Path, n: int) -> None:
    d = docx.Document()
    d.add_paragraph(f"File: K{chr(65 + n % 26)}{chr(65 + n // 26 % 26)}")
    d.add_paragraph(f"POLICY NUMBER {n}")
    for section in range(3):
        d.add_heading(f"Section {section + 1}", level=2)
        p = d.add_paragraph(WORDS * 2)
        p.add_run("Bold words").bold = True
        d.add_paragraph(f"Item {section} of policy {n}", style="List Bullet")
        d.add_paragraph("A nested item", style="List Bullet 2")
        d.add_paragraph("A numbered step", style="List Number")
    table = d.add_table(rows=3, cols=2)
    for r in range(3):
        for c in range(2):
            table.cell(r, c).text = f"Cell {r}.{c}"
    for line in FORMS[n % 3].split("\n"):
        d.add_paragraph(line)
    d.save(path)


def state(path: Path) -> tuple[str, str]:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=path, capture_output=True, text=True, check=True).stdout

    return git("for-each-ref", "--format=%(refname) %(objectname)"), git("status", "--porcelain")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "manual"
        folder.mkdir()
        started = time.perf_counter()
        for n in range(args.count):
            make_document(folder / f"policy-{n:03}.docx", n)
        print(f"generated {args.count} documents in {time.perf_counter() - started:.1f} s (not timed below)")
        library = Path(tmp) / "library"
        cli = [sys.executable, "-m", "policyeditor", "--library", str(library)]
        subprocess.run([*cli[:3], "init", str(library), "--district", "Bench", "--committee", "Committee"],
                       check=True, env=env, capture_output=True)
        for label in ("first run", "second run"):
            before = state(library)
            started = time.perf_counter()
            done = subprocess.run([*cli, "import", str(folder)], env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
            print(f"{label}: {elapsed:.1f} s, exit {done.returncode}: {summary}")
            if label == "second run":
                print("second run changed nothing:", state(library) == before)
        commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=library, capture_output=True,
                                 text=True).stdout.strip()
        print(f"library: {commits} commits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
