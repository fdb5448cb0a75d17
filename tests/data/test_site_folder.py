"""publish OUTDIR writes only into its own folder: never a file the site did not write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from policyeditor.cli import main
from policyeditor.core.errors import ExportError
from policyeditor.export.site import MARKER, write_site


def test_a_folder_of_other_files_is_refused_naming_them(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("thesis")
    with pytest.raises(ExportError, match=r"thesis\.txt.*nothing was changed"):
        write_site(docs, {"index.html": "site"})
    assert sorted(p.name for p in docs.iterdir()) == ["thesis.txt"]
    assert (docs / "thesis.txt").read_text() == "thesis"


def test_first_publish_into_an_empty_folder_writes_the_marker_and_republish_removes_only_old_pages(
        tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    write_site(out, {"index.html": "one", "a/old.html": "old", "a/kept.html": "k"})
    assert json.loads((out / MARKER).read_text())["files"] == ["a/kept.html", "a/old.html", "index.html"]
    (out / "a" / "notes.txt").write_text("the web admin's notes")  # added by hand later
    write_site(out, {"index.html": "two", "a/kept.html": "k2"})
    assert (out / "index.html").read_text() == "two"
    assert not (out / "a" / "old.html").exists()
    assert (out / "a" / "notes.txt").read_text() == "the web admin's notes"
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a", "index.html"]


def test_a_hand_made_file_where_a_page_would_go_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": "one"})
    (out / "feed.xml").write_text("someone else's feed")
    with pytest.raises(ExportError, match="feed.xml"):
        write_site(out, {"index.html": "two", "feed.xml": "ours"})
    assert (out / "feed.xml").read_text() == "someone else's feed"
    assert (out / "index.html").read_text() == "one"


def test_site_files_respect_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_site(tmp_path / "site", {"index.html": "x", "p/v1.html": "y"})
    finally:
        os.umask(old)
    assert (tmp_path / "site" / "index.html").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "site" / "p" / "v1.html").stat().st_mode & 0o777 == 0o644


def test_publish_into_a_folder_of_documents_or_the_folder_holding_the_library_is_refused(
        privacy_lib, tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("thesis")
    assert main(["--library", str(privacy_lib.path), "publish", str(docs)]) == 2
    assert "thesis.txt" in capsys.readouterr().err
    assert (docs / "thesis.txt").read_text() == "thesis"
    holder = privacy_lib.path.parent
    before = sorted(p.name for p in holder.iterdir())
    assert main(["--library", str(privacy_lib.path), "publish", str(holder)]) == 2
    assert privacy_lib.path.name in capsys.readouterr().err
    assert sorted(p.name for p in holder.iterdir()) == before
    assert (privacy_lib.path / ".git").is_dir()
