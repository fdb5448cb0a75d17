"""The notice site in headless Chromium: every page renders, axe-core finds no WCAG 2.1 AA violation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policyeditor.ops.publish import publish_site

import _browser


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Website Privacy library (with a pending change) published once for these tests."""
    from policyeditor.core.versions import LibrarySettings

    from _datalib import build_privacy_library

    root = tmp_path_factory.mktemp("published")
    settings = LibrarySettings(district="Springfield Public Schools", timezone="America/New_York")
    old = os.environ.get("POLICYEDITOR_DATA_DIR")
    os.environ["POLICYEDITOR_DATA_DIR"] = str(root / "register")
    try:
        lib = build_privacy_library(root / "library", settings)
        publish_site(lib, root / "site")
        lib.close()
    finally:
        if old is None:
            os.environ.pop("POLICYEDITOR_DATA_DIR", None)
        else:
            os.environ["POLICYEDITOR_DATA_DIR"] = old
    return root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_renders_in_chromium(published: Path) -> None:
    for page in pages(published):
        dom = _browser.dump_dom(page)
        assert "<h1>" in dom and "</main>" in dom, page


def test_axe_finds_no_accessibility_violations(published: Path, tmp_path: Path) -> None:
    found = {}
    for page in pages(published):
        if page.name == "index.html" and page.parent != published:
            continue    # the same page as latest.html
        violations = _browser.axe_violations(published, page, tmp_path)
        if violations:
            found[page.relative_to(published).as_posix()] = [
                (v["id"], v.get("help"), [n.get("target") for n in v.get("nodes", [])][:3]) for v in violations]
    assert found == {}


def test_the_axe_check_does_catch_violations(tmp_path: Path) -> None:
    """Guards the harness: a page with known faults must be reported."""
    site = tmp_path / "bad"
    site.mkdir()
    (site / "bad.html").write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main>'
                                   '<h1>x</h1><p style="color:#bbb">faint</p><img src="a.png"></main></body></html>')
    ids = {v["id"] for v in _browser.axe_violations(site, site / "bad.html", tmp_path / "work")}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= ids


def test_screenshot_of_a_policy_page_with_a_pending_change(published: Path, tmp_path: Path) -> None:
    shot = _browser.screenshot(published / "website-privacy" / "latest.html", tmp_path / "latest.png")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
