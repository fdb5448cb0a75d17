"""Background work for the window: run a function off the UI thread, get its
result back on the UI thread, and drop results that arrive too late.

Modelled on git-cola's ``QRunnable`` tasks and its diff widget's request
tokens: every request is stamped with a rising token; when a result comes back
for a ``key`` (say ``"redline"``) after a newer request for the same key was
made, it is stale and is dropped without calling anything. So a redline of
what the user typed two keystrokes ago never paints over the current one.

The worker never touches a widget: it only emits a signal of an object that
lives on the UI thread, so Qt delivers the result there (a queued connection).

Two pools:
- ``QThreadPool.globalInstance()`` for pure computation (the redline);
- a private one-thread pool for ``serial=True`` work, so writes to the library
  (git commits) and the reads that must see them run one after another in the
  order they were asked for.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")

_tokens = itertools.count(1)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits through it (queued delivery)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    """Calls ``fn`` on a pool thread and reports through the relay."""

    def __init__(self, token: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token = token
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # noqa: D102 - QRunnable API
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the UI thread
            self._report(self._relay.failed, exc)
        else:
            self._report(self._relay.finished, result)

    def _report(self, signal, value: object) -> None:
        try:
            signal.emit(self._token, value)
        except RuntimeError:
            pass  # the window that asked was closed meanwhile: nobody to tell


@dataclass
class _Pending:
    key: str
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    relay: _Relay


class TaskRunner(QObject):
    """Runs work off the UI thread for one window; see the module docstring.

    ``busy_changed(bool)`` tells the status bar when work starts and ends.
    ``failed(exc)`` is emitted for an error of a request made without an
    ``on_error``, so the window can show it (``errors.show_error``).
    """

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, _Pending] = {}
        self._newest: dict[str, int] = {}
        self._serial_pool = QThreadPool(self)
        self._serial_pool.setMaxThreadCount(1)

    # -- requests -----------------------------------------------------------
    def run(
        self,
        key: str,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        serial: bool = False,
    ) -> int:
        """Run ``fn`` off the UI thread; call ``on_done(result)`` on the UI thread.

        A result (or error) for ``key`` older than the newest request for that
        key is dropped. ``serial=True`` runs the work on the one-at-a-time
        pool (library writes). Returns the request's token.
        """
        token = next(_tokens)
        relay = _Relay()  # created here, so it lives on the UI thread
        relay.finished.connect(self._on_finished)
        relay.failed.connect(self._on_failed)
        was_busy = self.is_busy()
        self._pending[token] = _Pending(key, on_done, on_error, relay)
        self._newest[key] = token
        pool = self._serial_pool if serial else QThreadPool.globalInstance()
        pool.start(_Task(token, fn, relay))
        if not was_busy:
            self.busy_changed.emit(True)
        return token

    def is_busy(self) -> bool:
        """True while any request has not reported back."""
        return bool(self._pending)

    def is_current(self, key: str, token: int) -> bool:
        """True when ``token`` is the newest request made for ``key``."""
        return self._newest.get(key) == token

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Process events until every request has reported (for tests and shutdown)."""
        timer = QElapsedTimer()
        timer.start()
        while self._pending and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QThreadPool.globalInstance().waitForDone(5)
            self._serial_pool.waitForDone(5)
        QCoreApplication.processEvents()
        return not self._pending

    def shut_down(self, timeout_ms: int = 30000) -> bool:
        """Wait for every request, then for the serial pool's thread to end.

        The window calls it when it closes, so no worker outlives it (a
        thread left running kept Python, and a later test's event loop, busy).
        """
        idle = self.wait_idle(timeout_ms)
        self._serial_pool.clear()
        return self._serial_pool.waitForDone(timeout_ms) and idle

    # -- results (UI thread) -------------------------------------------------
    def _take(self, token: int) -> _Pending | None:
        """Forget the request; None when its result is stale and must be dropped."""
        pending = self._pending.pop(token, None)
        if pending is None:
            return None
        pending.relay.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)
        if self._newest.get(pending.key) != token:
            return None
        return pending

    @Slot(int, object)
    def _on_finished(self, token: int, result: object) -> None:
        pending = self._take(token)
        if pending is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, token: int, exc: object) -> None:
        pending = self._take(token)
        if pending is None:
            return
        if pending.on_error is not None:
            pending.on_error(exc)  # type: ignore[arg-type]
        else:
            self.failed.emit(exc)
