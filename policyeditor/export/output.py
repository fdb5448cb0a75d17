"""Writing export files safely: a temporary file in the same folder, then a rename.

A reader (or Word holding the old file open) never sees half a file, and a
failed export leaves the previous file as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from policyeditor.core.errors import ExportError

def write_atomic(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)``, then move the temporary file onto ``path``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose an existing folder for {target.name}.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ExportError(f"Cannot write {target}: permission denied. If the file is open in "
                          "another program, close it and try again.", details=str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.", details=str(exc)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write text (UTF-8) atomically."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
