"""TaskRunner (results on the UI thread, stale ones dropped) and the error dialog."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox

from policyeditor.core.errors import LibraryBusy
from policyeditor.gui.errors import build_error_box
from policyeditor.gui.tasks import TaskRunner


def test_results_arrive_on_the_ui_thread_and_stale_ones_are_dropped(qtbot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    delivered: list[tuple[str, bool]] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)

    def slow() -> str:
        release.wait(10)
        return "old"

    def record(value: str) -> None:
        delivered.append((value, QThread.currentThread() is runner.thread()))

    first = runner.run("redline", slow, record)
    second = runner.run("redline", lambda: "new", record)
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    release.set()
    assert runner.wait_idle(5000)
    assert delivered == [("new", True)]              # the older request reported later: dropped
    assert second > first and runner.is_current("redline", second)
    assert busy == [True, False]


def test_errors_go_to_on_error_or_to_the_failed_signal(qtbot) -> None:
    runner = TaskRunner()
    caught: list[BaseException] = []
    unhandled: list[BaseException] = []
    runner.failed.connect(unhandled.append)
    runner.run("a", lambda: 1 / 0, lambda _r: None, caught.append)
    runner.run("b", lambda: (_ for _ in ()).throw(LibraryBusy("busy")), lambda _r: None)
    assert runner.wait_idle(5000)
    assert isinstance(caught[0], ZeroDivisionError)
    assert isinstance(unhandled[0], LibraryBusy)


def test_serial_work_runs_in_the_order_asked(qtbot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for i in range(5):
        runner.run(f"k{i}", lambda i=i: order.append(i) or i, lambda _r: None, serial=True)
    assert runner.wait_idle(5000)
    assert order == [0, 1, 2, 3, 4]


def test_a_policyeditor_error_shows_its_plain_message_with_details_folded(qtbot) -> None:
    exc = LibraryBusy("Another program is writing to the library. Wait a moment and save again.",
                      details="fatal: Unable to create '/lib/.git/index.lock': File exists.")
    box = build_error_box(None, exc)
    qtbot.addWidget(box)
    assert box.text() == exc.message
    assert "index.lock" in box.detailedText()
    assert "Traceback" not in box.text()
    assert box.icon() == QMessageBox.Icon.Warning


def test_an_unexpected_error_says_so_in_plain_words(qtbot) -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        box = build_error_box(None, exc)
    qtbot.addWidget(box)
    assert box.text().startswith("Something went wrong")
    assert "try again" in box.text()
    assert "KeyError" not in box.text() and "KeyError" in box.detailedText()
    assert "Traceback" in box.detailedText()


def test_a_file_error_names_the_file_and_what_to_do(qtbot) -> None:
    box = build_error_box(None, PermissionError(13, "Permission denied", "/srv/policies/x.md"))
    qtbot.addWidget(box)
    assert "/srv/policies/x.md" in box.text() and "Permission denied" in box.text()
