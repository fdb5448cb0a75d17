"""The user's own settings on this workstation (not part of any library).

Who commits (name, e-mail), the library opened last and the recent ones. Kept
as TOML in the user's configuration folder (platformdirs; the environment
variable POLICYEDITOR_CONFIG_DIR overrides the folder, which tests use). Only
values that differ from DEFAULTS are written; unknown keys are refused, so a
typo in the file is reported instead of ignored. Qt-free: the CLI and the GUI
share it.

``data_dir()`` is the one user data folder of the CLI and the GUI (tagging
register, demo library, recovery files); POLICYEDITOR_DATA_DIR overrides it.
"""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

from policyeditor.core.errors import InvalidInput
from policyeditor.store.files import atomic_write, dump_toml

APP_NAME = "policyeditor"
FILE_NAME = "settings.toml"
MAX_RECENT = 10

DEFAULTS: dict[str, Any] = {
    "name": "",       # commit author's name; empty: git config, then the OS user
    "email": "",      # commit author's e-mail
    "library": "",    # the library opened last
    "recent": [],     # recently opened libraries, newest first
}


def config_dir() -> Path:
    """The folder holding settings.toml: $POLICYEDITOR_CONFIG_DIR or the platform's."""
    override = os.environ.get("POLICYEDITOR_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data folder (never inside a library): $POLICYEDITOR_DATA_DIR or the platform's."""
    override = os.environ.get("POLICYEDITOR_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class UserSettings:
    """Settings of the person using this workstation; ``save()`` writes them."""

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path or config_dir() / FILE_NAME
        self._values: dict[str, Any] = copy.deepcopy(DEFAULTS)
        for key, value in (values or {}).items():
            self[key] = value

    @classmethod
    def load(cls, path: Path | None = None) -> "UserSettings":
        """Read the settings file; a missing file gives the defaults."""
        path = path or config_dir() / FILE_NAME
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            return cls(path=path)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                f"The settings file {path} cannot be read ({exc}). Correct it or delete it "
                "to start from the defaults."
            ) from exc
        try:
            return cls(data, path=path)
        except InvalidInput as exc:
            raise InvalidInput(f"In the settings file {path}: {exc.message}") from exc

    def __getitem__(self, key: str) -> Any:
        self._known(key)
        return copy.deepcopy(self._values[key])

    def __setitem__(self, key: str, value: Any) -> None:
        self._known(key)
        expected = type(DEFAULTS[key])
        if not isinstance(value, expected) or (
            expected is list and not all(isinstance(v, str) for v in value)
        ):
            raise InvalidInput(f"The setting '{key}' must be {'a list of folders' if expected is list else 'text'}.")
        self._values[key] = copy.deepcopy(value)

    @staticmethod
    def _known(key: str) -> None:
        if key not in DEFAULTS:
            raise InvalidInput(
                f"'{key}' is not a setting. The settings are: {', '.join(DEFAULTS)}."
            )

    @property
    def name(self) -> str:
        return self._values["name"]

    @property
    def email(self) -> str:
        return self._values["email"]

    @property
    def library(self) -> str:
        return self._values["library"]

    @property
    def recent(self) -> list[str]:
        return list(self._values["recent"])

    def add_recent(self, folder: str | os.PathLike[str]) -> None:
        """Make ``folder`` the last library and the first of the recent ones."""
        folder = str(folder)
        self._values["library"] = folder
        self._values["recent"] = [folder, *[f for f in self._values["recent"] if f != folder]][:MAX_RECENT]

    def to_toml(self) -> bytes:
        """The file's bytes: only values that differ from DEFAULTS, in DEFAULTS order."""
        return dump_toml({k: v for k, v in self._values.items() if v != DEFAULTS[k]})

    def save(self) -> None:
        """Write the settings file atomically, creating its folder if needed."""
        try:
            atomic_write(self.path, self.to_toml())
        except OSError as exc:
            raise InvalidInput(
                f"The settings could not be saved in {self.path} ({exc.strerror}). "
                "Check that the folder can be written."
            ) from exc
