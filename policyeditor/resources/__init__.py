"""The files that travel inside the package: icons, the demo library's texts, translations.

    icons/          the window's SVG icons (policyeditor.svg is the application's)
    demo/           the texts of the demo library (store/demo.py)
    translations/   policyeditor_<lang>.ts sources and their compiled .qm files

They are package data (pyproject.toml), read through ``importlib.resources``,
so they are found wherever the package is: a source checkout, an installed
wheel, a zip, or a PyInstaller bundle. ``text`` reads one file; ``folder``
gives a real folder on disk for APIs that need a path (Qt's icon and
translation loaders). A missing file is a plain ``ResourceMissing`` naming
what to do (reinstall), not a traceback.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

from policyeditor.core.errors import PolicyEditorError

__all__ = ["ResourceMissing", "folder", "resource", "text"]

_FOLDERS: dict[str, Path] = {}


class ResourceMissing(PolicyEditorError):
    """A file that should have been installed with policyeditor is not there."""


def resource(*parts: str) -> Traversable:
    """The packaged file or folder ``parts`` (e.g. ``resource("icons", "save.svg")``)."""
    node = files(__name__)
    for part in parts:
        node = node / part
    return node


def _missing(name: str) -> ResourceMissing:
    return ResourceMissing(
        f"The file {name} that comes with policyeditor is missing from this installation. "
        "Reinstall policyeditor (ask your IT department if it was installed for you)."
    )


def text(*parts: str) -> str:
    """The UTF-8 text of the packaged file ``parts``: ResourceMissing when it is absent."""
    node = resource(*parts)
    try:
        return node.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise _missing("/".join(parts)) from exc


def folder(name: str) -> Path:
    """A folder on disk holding the packaged folder ``name`` (for Qt, which needs paths).

    Installed normally, that is the package's own folder. When the package is
    not on a file system (a zip), its files are copied once into a temporary
    folder that lives until the program ends.
    """
    if name in _FOLDERS:
        return _FOLDERS[name]
    node = resource(name)
    if isinstance(node, Path):
        path = node
    else:
        path = Path(tempfile.mkdtemp(prefix=f"policyeditor-{name}-"))
        atexit.register(shutil.rmtree, path, True)
        for item in node.iterdir():
            if item.is_file():
                with as_file(item) as real:
                    shutil.copyfile(real, path / item.name)
    _FOLDERS[name] = path
    return path
