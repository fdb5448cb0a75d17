"""The project's one atomic file writer (library files, exports, the notice site, tagged data).

Every file policyeditor writes goes through here, so each is written the same
way: a temporary file beside the target, written, flushed and synced to disk,
then moved over the target with ``os.replace`` (atomic on one file system) and
the folder synced, so a reader sees the old file or the new one, never half.

- The new file's mode is the user's umask applied to 0666, like any other
  program's files (``tempfile.mkstemp`` would make it 0600, owner-only); a
  file that already exists keeps its mode.
- A failure removes the temporary file and leaves the target as it was.
- Temporary files are named ``.<name>.pe<pid>-<random>.part``: a process killed
  mid-write leaves one behind (it may hold personal data), and
  ``remove_leftovers`` removes those of processes that are no longer running.
  Files still open when the program exits normally are removed at exit.

This module is a leaf (standard library only): ``store`` and ``export`` both use
it and never each other.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

_PART = re.compile(r"\.(?P<name>.+)\.pe(?P<pid>\d+)-[0-9a-f]{8}\.part")
_open_parts: set[str] = set()
_open_lock = threading.Lock()


def _remember(path: str) -> None:
    with _open_lock:
        _open_parts.add(path)


def _forget(path: str) -> None:
    with _open_lock:
        _open_parts.discard(path)


@atexit.register
def _remove_open_parts() -> None:
    """At exit, remove temporary files of writes that never finished (e.g. a stopped run)."""
    with _open_lock:
        names = list(_open_parts)
        _open_parts.clear()
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)


def part_name(path: Path) -> Path:
    """A fresh temporary name beside ``path`` that names this process."""
    return path.with_name(f".{path.name}.pe{os.getpid()}-{os.urandom(4).hex()}.part")


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` of this computer is running (unsure counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_leftovers(folder: Path, name: str | None = None) -> list[Path]:
    """Remove temporary files in ``folder`` (of the target ``name``, or all) left by dead processes.

    Returns what was removed. Files of a running process (another writer) are kept.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if not match or (name is not None and match["name"] != name):
            continue
        if pid_alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible, and not needed, on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _create(tmp: Path, target: Path) -> int:
    """Create ``tmp`` with the target's mode, or 0666 less the umask for a new file."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    _remember(str(tmp))
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        return fd
    with contextlib.suppress(OSError, NotImplementedError, AttributeError):
        os.fchmod(fd, mode)
    return fd


class PartFile:
    """A temporary file beside ``path``, open for writing: ``commit()`` moves it into place.

    ``discard()`` (or a commit that fails) removes it and leaves ``path`` as it was.
    ``text=True`` opens it in text mode with ``open_args`` (encoding, newline, buffering).
    """

    def __init__(self, path: str | os.PathLike, text: bool = False, **open_args) -> None:
        self.path = Path(path)
        self.temp = part_name(self.path)
        fd = _create(self.temp, self.path)
        try:
            self.file: IO = os.fdopen(fd, "w", **open_args) if text else os.fdopen(fd, "wb", **open_args)
        except BaseException:
            os.close(fd)
            self.discard()
            raise
        self.done = False

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.replace(self.temp, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True
        _forget(str(self.temp))
        _sync_folder(self.path.parent)

    def discard(self) -> None:
        if getattr(self, "file", None) is not None:
            with contextlib.suppress(OSError):
                self.file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temp)
        _forget(str(self.temp))


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, text: bool = False, **open_args) -> Iterator[IO]:
    """A temporary file opened for writing; moved onto ``path`` when the block ends without error.

    An error inside the block removes the temporary file and leaves ``path`` as it was.
    """
    part = PartFile(path, text, **open_args)
    try:
        yield part.file
    except BaseException:
        part.discard()
        raise
    part.commit()


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    with atomic_output(path) as handle:
        handle.write(data)
    return Path(path)


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 with LF line ends, atomically: encoded a slice at a time, so a
    large text is not copied whole into bytes first."""
    with atomic_output(path) as handle:
        for start in range(0, len(text), _SLICE):
            handle.write(text[start:start + _SLICE].encode("utf-8"))
    return Path(path)


_SLICE = 1 << 20


def write_with(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Atomically write a file produced by ``write(temporary_path)`` (a renderer that wants a path)."""
    target = Path(path)
    tmp = part_name(target)
    fd = _create(tmp, target)
    try:
        mode = os.fstat(fd).st_mode & 0o7777
        os.close(fd)
        write(tmp)
        os.chmod(tmp, mode)  # the renderer may have created the file anew
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        _forget(str(tmp))
    _sync_folder(target.parent)
    return target
