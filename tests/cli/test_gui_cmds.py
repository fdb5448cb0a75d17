"""`policyeditor gui` on a machine without a screen shows the status instead of failing."""

from __future__ import annotations

import os
import subprocess
import sys

from policyeditor.cli.gui_cmds import has_screen


def test_has_screen_reads_the_display_variables():
    assert not has_screen({}, "linux")
    assert has_screen({"DISPLAY": ":0"}, "linux")
    assert has_screen({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_screen({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_screen({}, "win32") and has_screen({}, "darwin")


def test_gui_demo_without_a_screen_lists_the_demo_library(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["POLICYEDITOR_DATA_DIR"] = str(tmp_path / "data")
    run = subprocess.run([sys.executable, "-m", "policyeditor", "gui", "--demo"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "there is no screen here" in run.stderr
    assert "Traceback" not in run.stderr
    assert "website-privacy  IJNDC  Website Privacy Policy" in run.stdout
    assert (tmp_path / "data" / "demo-library" / "library.toml").is_file()
