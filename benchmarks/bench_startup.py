"""Start-up of the desktop application against a bare PySide6 window, same run.

Creates the demo library in a temporary folder (not timed), then starts, in
alternation, N processes of each kind and measures from just before the
process is started to the moment the child reports:

- ``bare``: a plain ``QWidget`` shown (the floor: Python + Qt start-up);
- ``app``: policyeditor's main window shown on the demo library
  (``policyeditor.gui.app.build_window``), and, separately, the moment its
  policy list is filled (the library is read in a worker after the window
  shows).

Children run offscreen (QT_QPA_PLATFORM=offscreen), report "shown" from the
first event-loop turn after ``show()``, then exit. Prints the medians and the
ratio app/bare; the target is at most 3x.

    QT_QPA_PLATFORM=offscreen /tmp/venv/bin/python benchmarks/bench_startup.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(kind: str, library: str) -> None:
    """Runs in the child process: show a window, print when shown, exit."""
    from PySide6.QtCore import QTimer

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QWidget

        app = QApplication(sys.argv[:1])
        window = QWidget()
        window.resize(1200, 760)
        window.show()
        QTimer.singleShot(0, lambda: (print("shown", flush=True), os._exit(0)))
        app.exec()
        return
    from policyeditor.gui.app import build_window, create_application

    app = create_application(sys.argv[:1])
    window = build_window(library=library)
    window.show()

    def listed() -> None:
        if window.policy_list.model.rows():
            print("listed", flush=True)
            os._exit(0)
        QTimer.singleShot(5, listed)

    QTimer.singleShot(0, lambda: (print("shown", flush=True), listed()))
    app.exec()


def measure(kind: str, library: str, env: dict) -> dict[str, float]:
    """Seconds from process start to each line the child prints."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind, library],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    marks = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    proc.wait()
    if "shown" not in marks:
        raise SystemExit(f"the {kind} child did not report (exit status {proc.returncode})")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "LIBRARY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    home = Path(tempfile.mkdtemp(prefix="policyeditor-bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               POLICYEDITOR_CONFIG_DIR=str(home / "config"), POLICYEDITOR_DATA_DIR=str(home / "data"))
    from policyeditor.store.demo import create_demo

    library = home / "demo-library"
    create_demo(library).close()
    measure("app", str(library), env)          # warm the file cache once, not counted
    bare, shown, listed = [], [], []
    for _ in range(args.repeat):
        bare.append(measure("bare", str(library), env)["shown"])
        marks = measure("app", str(library), env)
        shown.append(marks["shown"])
        listed.append(marks.get("listed", float("nan")))
    b, s, li = (statistics.median(x) for x in (bare, shown, listed))
    print(f"runs each: {args.repeat}")
    print(f"bare PySide6 window shown:        median {b * 1000:7.0f} ms")
    print(f"policyeditor window shown (demo): median {s * 1000:7.0f} ms   ratio {s / b:.2f}x (target <= 3x)")
    print(f"policyeditor policy list filled:  median {li * 1000:7.0f} ms   ratio {li / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
