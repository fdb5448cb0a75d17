"""Fixtures for the data tests: the Website Privacy library (see _datalib).

Each test's register lives in its own user-data folder (tests/conftest.py ``data_dir``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _datalib import build_privacy_library


@pytest.fixture
def privacy_lib(tmp_path: Path, library_settings):
    lib = build_privacy_library(tmp_path / "library", library_settings)
    yield lib
    lib.close()
