"""Fixtures for the data tests: the Website Privacy library (see _datalib), a private register folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from _datalib import build_privacy_library


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own register folder (never the real user data folder)."""
    folder = tmp_path_factory.mktemp("register")
    monkeypatch.setenv("POLICYEDITOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def privacy_lib(tmp_path: Path, library_settings):
    lib = build_privacy_library(tmp_path / "library", library_settings)
    yield lib
    lib.close()
