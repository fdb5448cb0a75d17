"""Autosave and crash recovery: nothing typed is ever lost.

Every few seconds the window's unsaved drafts go to a recovery file in the
user's data folder (store.usersettings.data_dir, as the CLI's),
one file per library, written atomically. A save of a draft removes it from
the file, a clean close removes the file. If policyeditor crashed or was
killed, the file is still there on the next start, and the window offers to
restore what it holds.

The recovery file is not part of the library and is never committed: it may
hold a half-written draft nobody meant to share yet.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from policyeditor.store.usersettings import data_dir

AUTOSAVE_MS = 3000


class RecoveryFile:
    """The recovery file of one library: {policy id: unsaved draft text}."""

    def __init__(self, library: str | os.PathLike[str], folder: Path | None = None) -> None:
        self.library = str(Path(library).resolve())
        key = hashlib.sha256(self.library.encode("utf-8")).hexdigest()[:16]
        self.path = (folder or data_dir() / "recovery") / f"{key}.json"

    def load(self) -> dict[str, str]:
        """The drafts kept for this library ({} when none or unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("library") != self.library:
            return {}
        drafts = data.get("drafts", {})
        return {k: v for k, v in drafts.items() if isinstance(k, str) and isinstance(v, str)}

    def write(self, drafts: dict[str, str]) -> None:
        """Keep ``drafts`` (atomically); an empty dict removes the file."""
        from policyeditor.store.files import atomic_write

        if not drafts:
            self.clear()
            return
        data = {"library": self.library,
                "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "drafts": drafts}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


class Autosaver(QObject):
    """Writes ``unsaved()`` to the recovery file every ``interval_ms`` when it changed.

    With a ``runner`` (the window's ``TaskRunner``) the file is written on a
    worker thread, one write at a time, so a slow disk never stalls typing;
    without one it is written at once (tests of the file itself).
    ``written`` is emitted after each write (tests wait for it). A failed
    write (disk full, folder gone) is reported once through ``failed`` and
    retried on the next tick.
    """

    written = Signal()
    failed = Signal(object)

    def __init__(self, recovery: RecoveryFile, unsaved: Callable[[], dict[str, str]],
                 parent: QObject | None = None, interval_ms: int = AUTOSAVE_MS, runner=None) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self._unsaved = unsaved
        self._runner = runner
        self._last: dict[str, str] | None = None
        self._writing = False      # a write is on the worker; the next waits for it
        self._again = False
        self._reported = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        """Write the unsaved drafts now if they differ from the last write."""
        self._write(self._unsaved())

    def clear(self) -> None:
        """Drop what the recovery file keeps (after a write still running)."""
        self._write({}, force=True)

    def _write(self, drafts: dict[str, str], force: bool = False) -> None:
        if drafts == self._last and not force:
            return
        if self._runner is None:
            try:
                self.recovery.write(drafts)
            except OSError as exc:
                self._on_failed(exc)
            else:
                self._on_written(drafts)
            return
        if self._writing:           # one write at a time, in order: this one follows
            self._again = True
            self._pending = (drafts, force)
            return
        self._writing = True
        snapshot = dict(drafts)
        self._runner.run("autosave", lambda: self.recovery.write(snapshot),
                         lambda _r: self._done(snapshot), self._failed_async)

    def _done(self, drafts: dict[str, str]) -> None:
        self._writing = False
        self._on_written(drafts)
        self._follow()

    def _failed_async(self, exc: BaseException) -> None:
        self._writing = False
        self._on_failed(exc)
        self._follow()

    def _follow(self) -> None:
        if self._again:
            self._again = False
            self._write(*self._pending)

    def _on_written(self, drafts: dict[str, str]) -> None:
        self._reported = False
        self._last = dict(drafts)
        self.written.emit()

    def _on_failed(self, exc: BaseException) -> None:
        if not self._reported:
            self._reported = True
            self.failed.emit(exc)

    def stop(self) -> None:
        self.timer.stop()
