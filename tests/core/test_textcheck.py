from policyeditor.core.textcheck import describe, suspicious_characters
from shared_data import SEEDS


def test_clean_seed_text_has_no_findings():
    text = (SEEDS / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
    assert suspicious_characters(text) == []


def test_bidi_override_is_flagged_with_line_and_column():
    text = "First line.\nPay \u202eslaer 0001\u202c to vendor."
    findings = suspicious_characters(text)
    assert [(f.line, f.column, f.bidi) for f in findings] == [(2, 5, True), (2, 16, True)]
    assert "RIGHT-TO-LEFT OVERRIDE" in findings[0].message


def test_invisible_characters_are_flagged_but_ordinary_typography_is_not():
    text = "zero\u200bwidth soft\u00adhyphen bom\ufeff caf\u00e9 \u201cquoted\u201d \u2014 dash\tTab"
    names = [f.name for f in suspicious_characters(text)]
    assert names == ["ZERO WIDTH SPACE", "SOFT HYPHEN", "ZERO WIDTH NO-BREAK SPACE"]


def test_describe_is_a_plain_sentence_and_limits_the_list():
    text = "\u200b" * 8
    message = describe(suspicious_characters(text), limit=3)
    assert message.startswith("The text contains characters")
    assert "... and 5 more." in message
    assert describe([]) == ""
