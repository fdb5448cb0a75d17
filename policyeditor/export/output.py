"""Writing export files safely: a temporary file in the same folder, then a rename.

A reader (or Word holding the old file open) never sees half a file, and a
failed export leaves the previous file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from policyeditor import atomicfile
from policyeditor.core.errors import ExportError

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def output_format(path: str | os.PathLike, allowed: tuple[str, ...] = ("html", "pdf", "docx")) -> str:
    """'html', 'pdf' or 'docx' from the file name, or ExportError naming the choices."""
    kind = FORMATS.get(Path(path).suffix.lower())
    if kind not in allowed:
        names = ", ".join(f".{k}" for k in allowed)
        raise ExportError(f"Cannot tell what to write for \u201c{Path(path).name}\u201d: "
                          f"end the file name with {names}.")
    return kind


def write_atomic(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)``, then move the temporary file onto ``path`` (see atomicfile)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose an existing folder for {target.name}.")
    try:
        return atomicfile.write_with(target, write)
    except PermissionError as exc:
        raise ExportError(f"Cannot write {target}: permission denied. If the file is open in "
                          "another program, close it and try again.", details=str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.", details=str(exc)) from exc


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write text (UTF-8) atomically."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
