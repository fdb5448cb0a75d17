"""Change statistics and the explained change class of a redline."""

from __future__ import annotations

from policyeditor.core.changeclass import classify
from policyeditor.core.redline import compare
from policyeditor.core.redline_stats import redline_stats, words
from policyeditor.core.textmodel import parse
from shared_data import SEEDS


def test_seed_revision_statistics_and_class():
    old = (SEEDS / "website-privacy-2009.md").read_text(encoding="utf-8")
    new = (SEEDS / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
    redline = compare(old, new)
    stats = redline_stats(redline, old, new)
    vendors = [b for b in redline.blocks if b.status == "inserted"][0]
    # his/her x5 (2 words each), he/she (2), him or her (3) deleted
    assert stats.words_deleted == 5 * 2 + 2 + 3
    assert stats.words_inserted == words(vendors.new_text) + 4 * 2 + 1 + 2 + 2
    assert stats.words_reformatted == 0
    assert (stats.paragraphs_inserted, stats.paragraphs_changed, stats.paragraphs_deleted) == (1, 5, 0)
    assert stats.sections == (
        "Personally Identifiable Information",
        "Information Voluntarily Provided by the User",
        "Information Automatically Collected and Stored by these Websites",
        "A User's Access and Opportunity to Correct",
        "Definitions",
    )
    assert stats.change_class == classify(old, new).change_class == "substantive"
    assert "\u201chis/her\u201d to \u201cthe user's\u201d (Personally Identifiable Information, 3 times)" in stats.explanation
    assert stats.summary.startswith(f"{stats.words_inserted} words inserted, 15 words deleted in 5 sections")
    assert stats.as_dict()["sections"][0] == "Personally Identifiable Information"


def test_formatting_only_change_is_editorial_and_says_why():
    old, new = "**Security.** Because e-mails are not encrypted.\n", "Security. Because e-mails are not encrypted.\n"
    stats = redline_stats(compare(old, new), old, new)
    assert stats.change_class == classify(old, new).change_class == "editorial"
    assert (stats.words_inserted, stats.words_deleted, stats.words_reformatted) == (0, 0, 1)
    assert stats.sections == ("Security",)
    assert "\u201cSecurity.\u201d reformatted" in stats.explanation


def test_no_change():
    text = "# Title\n\nSame words.\n"
    stats = redline_stats(compare(text, text), text, text)
    assert stats.summary == "No changes." and stats.sections == ()
    assert parse(text).blocks
