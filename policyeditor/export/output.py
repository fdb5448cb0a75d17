"""Writing export files safely: a temporary file in the same folder, then a rename.

A reader (or Word holding the old file open) never sees half a file, and a
failed export leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from policyeditor import atomicfile
from policyeditor.core.errors import ExportError


@contextlib.contextmanager
def _export_errors(target: Path) -> Iterator[None]:
    """The folder must exist; an OSError while writing becomes an ExportError naming the file."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose an existing folder for {target.name}.")
    try:
        yield
    except PermissionError as exc:
        raise ExportError(f"Cannot write {target}: permission denied. If the file is open in "
                          "another program, close it and try again.", details=str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.", details=str(exc)) from exc


def write_atomic(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)`` (a renderer that wants a path), then move the file onto ``path``."""
    target = Path(path)
    with _export_errors(target):
        return atomicfile.write_with(target, write)


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write text (UTF-8, line ends as given) atomically."""
    target = Path(path)
    with _export_errors(target):
        return atomicfile.write_text(target, text)
