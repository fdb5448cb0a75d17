"""One writer per library, across processes and workstations sharing a folder.

``WriteLock`` is the file ``.git/policyeditor.lock``, locked with the
operating system's file lock (``fcntl.flock``; ``msvcrt.locking`` on Windows)
for the whole read-check-write of a change. The system drops the lock when its
process ends, however it ends, so a crashed writer never leaves the library
locked. While held, the file names its holder (process, computer, user, since
when), so a refused writer can say who is busy; a clean release empties it.
A lock file still naming a holder when the lock is free means that holder
died mid-write: ``WriteLock.acquire`` returns it, and the library repairs what
the write left (see ``store.recovery``).

Readers never take the lock.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from policyeditor.core.errors import LibraryBusy, LibraryError

LOCK_FILE = "policyeditor.lock"
WAIT_SECONDS = float(os.environ.get("POLICYEDITOR_LOCK_WAIT", "5"))
_WINDOWS_BYTE = 1 << 30  # Windows locks a byte far past the holder's details, so they stay readable

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            return True  # a file system without locks (some network shares): go on unlocked
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) the lock."""

    pid: int
    host: str
    user: str
    since: str

    def sentence(self) -> str:
        when = self.since
        with contextlib.suppress(ValueError):
            when = datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M:%S")
        here = self.host == socket.gethostname()
        where = "on this computer" if here else f"on the computer {self.host}"
        return f"{self.user or 'someone'} {where} (policyeditor process {self.pid}) since {when}"


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        user = ""
    return Holder(os.getpid(), socket.gethostname(), user, datetime.now().astimezone().isoformat(timespec="seconds"))


def read_holder(path: Path) -> Holder | None:
    """The holder named in the lock file, or None when it names none."""
    try:
        data = json.loads(path.read_bytes()[:4096].decode("utf-8") or "null")
        return Holder(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None


class WriteLock:
    """The library's write lock (see the module docstring). Not reentrant: the Library counts."""

    def __init__(self, git_dir: Path) -> None:
        self.path = Path(git_dir) / LOCK_FILE
        self.fd: int | None = None

    def acquire(self, wait: float | None = None) -> Holder | None:
        """Take the lock, waiting up to ``wait`` seconds; LibraryBusy naming the holder otherwise.

        Returns the holder a crashed writer left named in the file (its write
        needs repairing), or None.
        """
        wait = WAIT_SECONDS if wait is None else wait
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            raise LibraryError(
                f"The library cannot be changed from here: its folder cannot be written ({exc.strerror}). "
                "Check that the folder is not read-only and that you may write to it.",
                details=str(exc)) from exc
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                holder = read_holder(self.path)
                who = holder.sentence() if holder else "another policyeditor"
                raise LibraryBusy(
                    f"The library is being changed by {who}, so nothing was saved. "
                    "Wait for that change to finish and try again.")
            time.sleep(0.05)
        self.fd = fd
        left = read_holder(self.path)
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        me = _me()
        os.write(fd, json.dumps(me.__dict__).encode("utf-8"))
        with contextlib.suppress(OSError):
            os.fsync(fd)
        return left

    def try_acquire(self) -> tuple[bool, Holder | None]:
        """Take the lock only if it is free now: (taken, the crashed writer's holder or None)."""
        try:
            return True, self.acquire(wait=0)
        except LibraryError:  # busy, or a folder this user may only read
            return False, None

    def release(self) -> None:
        """Empty the file (no holder: the write ended cleanly) and unlock it."""
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)


def needs_repair(git_dir: Path) -> bool:
    """Whether a write may have been cut short: the lock file names a holder (quick check, no lock)."""
    try:
        return (Path(git_dir) / LOCK_FILE).stat().st_size > 0
    except OSError:
        return False
