"""Full-text search (issue 13): drafts and every adopted version, ranked, with the
policy, the version and a snippet; an SQLite FTS5 index in the user's data folder,
brought up to date when the library's HEAD moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyeditor.cli import main
from policyeditor.core.errors import InvalidInput
from policyeditor.store import Library
from policyeditor.store.search import ensure_index, index_path, search


def test_adopted_versions_and_drafts_are_found_with_snippets(demo_library: Library, data_dir: Path) -> None:
    lib = demo_library
    hits = search(lib, "privacy")
    assert hits and hits[0].policy_id == "website-privacy"           # the title counts most
    assert index_path(lib).is_relative_to(data_dir) and not index_path(lib).is_relative_to(lib.path)
    labels = {(h.policy_id, h.label) for h in hits}
    assert ("website-privacy", "version 1") in labels                # the adopted (legacy) text
    assert ("website-privacy", "draft") in labels                    # the draft differs from it
    assert all("[" in h.snippet or h.title for h in hits)
    body_hit = search(lib, "collected")
    assert body_hit and any("[collected]" in h.snippet.casefold() or "[collect" in h.snippet.casefold()
                            for h in body_hit)


def test_every_word_must_occur_and_a_word_start_matches(demo_library: Library) -> None:
    assert search(demo_library, "privac") == search(demo_library, "privacy")
    assert search(demo_library, "privacy zzzyxxq") == []
    with pytest.raises(InvalidInput, match="one or more words"):
        search(demo_library, "  -- ")


def test_the_index_follows_the_library(demo_library: Library) -> None:
    lib = demo_library
    db, updated = ensure_index(lib)
    db.close()
    assert updated
    db, updated = ensure_index(lib)
    db.close()
    assert not updated                                               # HEAD unchanged: nothing read
    text = lib.draft_text("acceptable-use") + "\nQuokkas are welcome in the library.\n"
    lib.save_draft("acceptable-use", text)
    (hit,) = search(lib, "quokkas")
    assert (hit.policy_id, hit.label) == ("acceptable-use", "draft")
    lib.save_draft("acceptable-use", text.replace("Quokkas", "Wombats"))
    assert search(lib, "quokkas") == []
    assert [h.policy_id for h in search(lib, "wombats")] == ["acceptable-use"]


def test_a_draft_identical_to_an_adopted_version_is_found_once(demo_library: Library) -> None:
    lib = demo_library
    hits = [h for h in search(lib, "acceptable", limit=50) if h.policy_id == "acceptable-use"]
    in_force = lib.in_force("acceptable-use", lib.today())
    if lib.draft_text("acceptable-use") == lib.version_text("acceptable-use", in_force.number):
        assert "draft" not in {h.label for h in hits}


def test_search_command(demo_path: Path, capsys) -> None:
    assert main(["--library", str(demo_path), "search", "website", "privacy"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("website-privacy") and ("draft" in first or "version" in first)
    assert main(["--library", str(demo_path), "search", "zzzyxxq"]) == 1
    assert "Nothing found" in capsys.readouterr().out
