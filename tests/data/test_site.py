"""The public notice site, Atom feed and JSON feed, written by the CLI and read back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policyeditor.cli import main
from policyeditor.ops.publish import publish_site
from policyeditor.core.errors import ExportError
from policyeditor.export.site import write_site

ATOM = "{http://www.w3.org/2005/Atom}"
VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}


class PageCheck(HTMLParser):
    """Parses a page strictly enough to catch unbalanced tags, scripts and skipped headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.headings: list[int] = []
        self.scripts = 0
        self.lang = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "script":
            self.scripts += 1
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check_page(path: Path) -> PageCheck:
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    parser = PageCheck()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], f"{path}: unclosed {parser.stack}"
    assert parser.lang == "en" and parser.scripts == 0
    assert parser.headings[0] == 1 and parser.headings.count(1) == 1
    for before, after in zip(parser.headings, parser.headings[1:]):
        assert after <= before + 1, f"{path}: heading h{before} followed by h{after}"
    return parser


@pytest.fixture
def site(privacy_lib, tmp_path: Path) -> Path:
    """The site as published on 2026-11-29 (the library's fixed clock)."""
    out = tmp_path / "site"
    assert publish_site(privacy_lib, out) == ([], 7)
    return out


def test_publish_writes_every_stable_address(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert names == {".policyeditor-site", "index.html", "style.css", "feed.xml", "website-privacy/index.html",
                     "website-privacy/latest.html", "website-privacy/at.html", "website-privacy/v1.html",
                     "website-privacy/v2.html", "website-privacy/v3.html"}
    for page in site.rglob("*.html"):
        check_page(page)


def test_policy_page_shows_text_in_force_pending_change_and_archive(site: Path) -> None:
    text = " ".join("".join(check_page(site / "website-privacy/latest.html").text).split())
    assert "Notice of pending change" in text
    assert "Version 3 (adopted November 16, 2026, posted November 20, 2026) takes effect December 21, 2026" in text
    assert "in 22 days as of November 29, 2026" in text
    assert "Version 2, adopted May 15, 2018, in force since July 1, 2018" in text
    # The redline of version 3 against version 2: the added sentence is marked in words, not colour only.
    html = (site / "website-privacy/latest.html").read_text(encoding="utf-8")
    assert "<ins" in html and "inserted" in html
    # The archive: version 1 from October 5, 2009 until July 1, 2018.
    assert "Version 1October 5, 2009October 5, 2009July 1, 2018" in text
    assert "Version 2May 15, 2018July 1, 2018still in force (until December 21, 2026" in text
    assert "Version 3November 16" not in text
    at = " ".join("".join(check_page(site / "website-privacy/at.html").text).split())
    assert "July 1, 2018December 21, 2026Version 2" in at and "Version 3 (scheduled)" in at


def test_script_in_a_policy_text_is_shown_as_text(site: Path) -> None:
    html = (site / "website-privacy/v3.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<script" not in (site / "website-privacy/latest.html").read_text(encoding="utf-8")


def test_atom_feed_is_valid_and_escaped(privacy_lib, tmp_path: Path) -> None:
    privacy_lib.update_policy_info("website-privacy", title="Website Privacy <Data> & Forms")
    out = tmp_path / "site"
    publish_site(privacy_lib, out)
    raw = (out / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;Data&gt; &amp; Forms" in raw
    root = ET.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").endswith(".html")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[0] == "Website Privacy <Data> & Forms: version 3 takes effect December 21, 2026"
    assert titles[1].endswith("version 2 took effect July 1, 2018")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Website Privacy &lt;Data&gt; &amp; Forms" in index


def test_record_posting_records_the_posted_text(tmp_path: Path, library_settings) -> None:
    from _datalib import TEXT_2026, build_privacy_library

    lib = build_privacy_library(tmp_path / "library", library_settings, pending=False)
    lib.save_draft("website-privacy", TEXT_2026)
    lib.record_event("website-privacy", "first_reading", "2026-11-02")
    lib.record_event("website-privacy", "adopted", "2026-11-16")
    lines, _pages = publish_site(lib, tmp_path / "site", record_posting=True)
    assert lines == ["Recorded the posting of Website Privacy version 3 on 2026-11-29."]
    v3 = lib.policy("website-privacy").version(3)
    assert v3.posted == date(2026, 11, 29) and v3.posted_sha256 == v3.text_sha256
    page = (tmp_path / "site/website-privacy/latest.html").read_text(encoding="utf-8")
    assert "posted <time datetime=\"2026-11-29\">" in page and "effective date not yet set" in page
    # Publishing again records nothing new: the posted text is already on record.
    head = lib.repo().head_sha()
    assert publish_site(lib, tmp_path / "site", record_posting=True)[0] == []
    assert lib.repo().head_sha() == head
    lib.close()


def test_json_feed_gives_intervals_as_dates_and_utc_instants(privacy_lib) -> None:
    from policyeditor.export.feed import feed_json

    text = feed_json(privacy_lib.settings, privacy_lib.policies(), today=privacy_lib.today(),
                     generated=privacy_lib.now())
    data = json.loads(text)
    [policy] = data["policies"]
    assert policy["id"] == "website-privacy" and policy["in_force"] == 2
    v1, v2, v3 = policy["versions"]
    assert (v1["effective_from"], v1["effective_until"]) == ("2009-10-05", "2018-07-01")
    assert v2["effective_from_utc"] == "2018-07-01T04:00:00Z"
    assert v3["effective_from_utc"] == "2026-12-21T05:00:00Z" and v3["effective_until"] is None
    assert v3["state"] == "adopted, effective later" and v3["url"] == "website-privacy/v3.html"
    assert v2["text_sha256"] == privacy_lib.policy("website-privacy").version(2).text_sha256


def test_failed_site_write_leaves_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": "old", "a/b.html": "old"})
    with pytest.raises(ExportError, match="unchanged"):
        write_site(out, {"index.html": "new", "x": "a file", "x/y.html": "cannot be under a file"})
    assert (out / "index.html").read_text() == "old" and (out / "a/b.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    write_site(out, {"index.html": "new"})
    assert (out / "index.html").read_text() == "new" and not (out / "a").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_publish_command(privacy_lib, tmp_path: Path, capsys) -> None:
    assert main(["--library", str(privacy_lib.path), "publish", str(tmp_path / "site")]) == 0
    assert "Wrote 7 page(s) and feed.xml" in capsys.readouterr().out
    assert main(["--library", str(privacy_lib.path), "feed"]) == 0
    assert json.loads(capsys.readouterr().out)["policies"][0]["id"] == "website-privacy"


def test_site_inside_the_library_is_refused(privacy_lib, capsys) -> None:
    assert main(["--library", str(privacy_lib.path), "publish", str(privacy_lib.path / "site")]) == 2
    assert "inside the policy library" in capsys.readouterr().err
    assert not (privacy_lib.path / "site").exists()
