"""Autosave and crash recovery: a killed window's typing comes back."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from policyeditor.gui.recovery import Autosaver, RecoveryFile
from policyeditor.gui.tasks import TaskRunner

DRIVER = Path(__file__).with_name("recovery_driver.py")


def test_recovery_file_round_trip_and_belongs_to_one_library(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    mine = RecoveryFile(tmp_path / "lib-a", folder)
    other = RecoveryFile(tmp_path / "lib-b", folder)
    assert mine.load() == {}
    mine.write({"website-privacy": "Draft text \u00e9\n"})
    assert mine.load() == {"website-privacy": "Draft text \u00e9\n"}
    assert other.load() == {} and other.path != mine.path
    assert not list(folder.glob("*.tmp"))               # written atomically, no leftovers
    mine.write({})
    assert not mine.path.exists()


def test_a_damaged_recovery_file_is_ignored(tmp_path: Path) -> None:
    recovery = RecoveryFile(tmp_path / "lib", tmp_path)
    recovery.path.write_text("{not json", encoding="utf-8")
    assert recovery.load() == {}


def test_autosaver_writes_only_what_changed(qtbot, tmp_path: Path) -> None:
    drafts = {"a": "one\n"}
    saver = Autosaver(RecoveryFile(tmp_path / "lib", tmp_path), lambda: dict(drafts), interval_ms=50)
    with qtbot.waitSignal(saver.written, timeout=5000):
        pass
    assert saver.recovery.load() == {"a": "one\n"}
    written: list[int] = []
    saver.written.connect(lambda: written.append(1))
    saver.tick()
    assert written == []                                # unchanged: not written again
    drafts["a"] = "two\n"
    saver.tick()
    assert written == [1] and saver.recovery.load() == {"a": "two\n"}
    saver.stop()


def test_autosaver_writes_in_the_worker_in_order(qtbot, tmp_path: Path) -> None:
    """With the window's runner the file is written off the UI thread, one write
    after the other: the last state asked for is the one on disk."""
    drafts = {"a": "one\n"}
    runner = TaskRunner()
    saver = Autosaver(RecoveryFile(tmp_path / "lib", tmp_path), lambda: dict(drafts), interval_ms=60000,
                      runner=runner)
    saver.tick()
    drafts["a"] = "two\n"
    saver.tick()                                        # asked while the first write runs
    saver.clear()
    drafts["a"] = "three\n"
    saver.tick()
    assert runner.wait_idle(5000)
    assert saver.recovery.load() == {"a": "three\n"}
    saver.clear()
    assert runner.wait_idle(5000)
    assert not saver.recovery.path.exists()
    saver.stop()
    runner.shut_down()


def test_killed_window_is_offered_its_typing_back(qtbot, make_window, prompts, demo_path: Path) -> None:
    library = demo_path
    typed = " Typed before the crash."
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(DRIVER), str(library), "policy-adoption", typed],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 120)   # never wait forever
        line = child.stdout.readline() if ready else ""
        assert line.strip() == "AUTOSAVED", "the window did not autosave within 2 minutes"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    draft = library / "policies" / "policy-adoption" / "policy.md"
    assert "Typed before the crash." not in draft.read_text(encoding="utf-8")   # never saved

    prompts.answer("ask_yes_no", True)
    window = make_window(library)
    session = window.session
    qtbot.waitUntil(lambda: session.data is not None and session.data.policy.id == "policy-adoption",
                    timeout=60000)
    question = prompts.asked[-1][1]
    assert "not closed properly" in question and "Policy Adoption" in question
    assert window.editor.text().rstrip("\n").endswith("Typed before the crash.")
    assert window.isWindowModified()
    window.editor.document().setModified(False)
    window.close()
    assert not RecoveryFile(library).path.exists()      # a clean close leaves nothing behind


def test_kept_typing_declined_is_dropped(qtbot, make_window, prompts, demo_path: Path) -> None:
    recovery = RecoveryFile(demo_path)
    recovery.write({"policy-adoption": "Typed and never saved.\n", "no-such-policy": "x\n"})
    prompts.answer("ask_yes_no", False)
    window = make_window(demo_path)
    assert window.session.runner.wait_idle(20000)
    assert "Policy Adoption" in prompts.asked[-1][1] and "no-such-policy" not in prompts.asked[-1][1]
    assert window.session.data is None                  # nothing opened
    assert not recovery.path.exists()                   # and nothing kept for next time
