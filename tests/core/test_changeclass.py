"""core.changeclass: editorial exactly when only formatting, punctuation, case or spacing differ."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyeditor.core.changeclass import Classification, classify, content_key
from policyeditor.core.errors import TextError
from policyeditor.core.textmodel import parse
from policyeditor.core.versions import EDITORIAL, SUBSTANTIVE
from shared_data import CORPUS, SEEDS

BASE = "The user may read his/her data, and may ask the district to correct it."


@pytest.mark.parametrize("new, reason", [
    ("The user may read his/her data and may ask the district to correct it",
     "Editorial: only punctuation changed."),
    ("the user may read HIS/HER data, and may ask the District to correct it.",
     "Editorial: only letter case changed."),
    ("The user may read **his/her** data, and may ask the district to correct it.",
     "Editorial: only formatting changed."),
    ("# The user may read his/her data, and may ask the district to correct it.",
     "Editorial: only formatting changed."),
    ("The user may read his / her data, and may ask the district to correct it.",
     "Editorial: only spacing changed."),
    ("*The user may read his-her data; and may ask the District to correct it!*",
     "Editorial: only formatting, punctuation and letter case changed."),
])
def test_editorial_changes_and_their_reasons(new, reason):
    result = classify(BASE, new)
    assert result == Classification(EDITORIAL, reason)
    assert result.editorial


def test_markdown_layout_only():
    assert classify("A  b.\n", "A b.\n").reason == "Editorial: only spacing or formatting changed."
    assert classify("- a\n- b\n", "1. a\n2. b\n").reason == "Editorial: only formatting changed."
    assert classify(BASE, BASE) == Classification(EDITORIAL, "Editorial: nothing changed.")
    moved = classify("---\ntitle: A\n---\n\nText.\n", "---\ntitle: B\n---\n\nText.\n")
    assert moved.editorial and "front matter" in moved.reason


def test_the_example_of_the_brief():
    new = "The user may read the user's data, and may ask the district to correct it."
    assert classify(BASE, new) == Classification(
        SUBSTANTIVE, "Substantive: words changed, for example 'his/her' became 'the user's'.")


@pytest.mark.parametrize("new, example", [
    ("The user may read his/her data.", "'and may ask the district to correct it.' was removed"),
    ("The user may not read his/her data, and may ask the district to correct it.",
     "'not' was added"),
    ("The user may read his/her data, and must ask the district to correct it.",
     "'may' became 'must'"),
])
def test_substantive_reasons_quote_the_change(new, example):
    result = classify(BASE, new)
    assert result.change_class == SUBSTANTIVE
    assert result.reason == f"Substantive: words changed, for example {example}."


def test_numbers_and_symbols_are_content():
    assert classify("Notice of 30 days.", "Notice of 31 days.").change_class == SUBSTANTIVE
    assert classify("A fee of $500.", "A fee of 500.").change_class == SUBSTANTIVE
    assert classify("Grades 9 + 10.", "Grades 9 10.").change_class == SUBSTANTIVE
    # Unicode files these signs under punctuation; they still change what a number means.
    assert classify("See § 10.", "See 10.").change_class == SUBSTANTIVE
    assert classify("Up to 50% of the fee.", "Up to 50 of the fee.").change_class == SUBSTANTIVE


def test_numbers_keep_their_shape():
    assert classify("A budget of 1,000 dollars.", "A budget of 10,00 dollars.").change_class == SUBSTANTIVE
    assert classify("Version 3.5 applies.", "Version 35 applies.").change_class == SUBSTANTIVE
    assert classify("Room 1 000.", "Room 10 00.").change_class == SUBSTANTIVE
    # punctuation next to a number, not inside it, is still punctuation
    assert classify("Within 30 days.", "Within 30 days;").editorial
    assert classify("Section 10, and", "Section 10 and").editorial


def test_joining_words_is_spacing_only():
    assert classify("The district can not share it.", "The district cannot share it.").editorial


def test_a_link_target_is_content():
    result = classify("See [the law](https://a.example/66).", "See [the law](https://a.example/67).")
    assert result.change_class == SUBSTANTIVE
    assert result.reason == ("Substantive: a link changed from https://a.example/66 to "
                             "https://a.example/67.")
    assert "was added" in classify("See the law.", "See [the law](https://x.example).").reason
    assert "was removed" in classify("See [the law](https://x.example).", "See the law.").reason


def test_long_changes_are_quoted_briefly_and_counted():
    # The places are the redline's: the sentence kept between the two changes separates them.
    old = "one two three four five six seven eight nine ten eleven twelve. This sentence stays as it is."
    new = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce. This sentence stays as it is. Extra."
    reason = classify(old, new).reason
    assert reason.startswith("Substantive: words changed in 2 places, for example 'one two three")
    assert "...' became 'uno" in reason and len(reason) < 200


def test_documents_and_markdown_are_the_same_input():
    old, new = parse(BASE), parse(BASE.upper())
    assert classify(old, new) == classify(BASE, BASE.upper())
    with pytest.raises(TextError):
        classify(BASE, b"bytes are not text")


def test_unicode_forms_of_the_same_letters_are_equal():
    composed, decomposed = "Caf\u00e9 policy.", "Cafe\u0301 policy."
    assert content_key(composed) == content_key(decomposed)
    assert classify(composed, decomposed).editorial
    # Invisible format characters (a zero-width space) are not words either.
    assert classify("data policy", "data\u200b policy").editorial


def test_seed_revision_is_substantive():
    old = (SEEDS / "website-privacy-2009.md").read_text(encoding="utf-8")
    new = (SEEDS / "website-privacy-2018-draft.md").read_text(encoding="utf-8")
    result = classify(old, new)
    assert result.change_class == SUBSTANTIVE
    assert "for example 'his/her' became 'the user's'" in result.reason


@pytest.mark.parametrize("series, file, expected", [
    ("community-guidelines", "2020-10-23_17708ff6c2.md", "Editorial: only punctuation changed."),
    ("community-guidelines", "2022-02-10_4f3a3f99f8.md",
     "Editorial: only punctuation and spacing changed."),
])
def test_real_revisions(series, file, expected):
    revisions = [r["file"] for r in json.loads((CORPUS / "manifest.json").read_text())[series]]
    i = revisions.index(f"{series}/{file}")
    old = (CORPUS / revisions[i - 1]).read_text(encoding="utf-8")
    new = (CORPUS / revisions[i]).read_text(encoding="utf-8")
    assert classify(old, new).reason == expected
    assert classify(old, new + "\nA new sentence.\n").change_class == SUBSTANTIVE


words = st.lists(st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True),  # "0." would start a list
                 min_size=1, max_size=30)


@given(words, st.data())
def test_case_punctuation_spacing_and_emphasis_are_always_editorial(ws, data):
    original = " ".join(ws) + "."
    changed = []
    for w in ws:
        if data.draw(st.booleans()):
            w = w.upper()
        w += data.draw(st.sampled_from(["", ",", ";", ":", "!", "?"]))
        if data.draw(st.booleans()) and w.isalnum():
            w = f"**{w}**"
        changed.append(w)
    assert classify(original, " ".join(changed)).editorial


@given(words, st.integers(min_value=0, max_value=29), st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8))
def test_adding_a_word_is_always_substantive(ws, where, extra):
    original = " ".join(ws)
    changed = ws[:where] + [extra] + ws[where:]
    result = classify(original, " ".join(changed))
    assert result.change_class == SUBSTANTIVE
    assert result.reason.startswith("Substantive: words changed")


@given(st.text(max_size=200), st.text(max_size=200))
def test_classification_is_symmetric_and_total(a, b):
    one, other = classify(a, b), classify(b, a)
    assert one.change_class == other.change_class
    assert one.reason.endswith(".") and one.reason.split(":")[0] in ("Editorial", "Substantive")


def test_fast_content_key_is_the_character_by_character_one():
    # changeclass._key (str.translate outside the stretches around digits) must give exactly
    # _key_chars' result, rule 9's reading of numbers included.
    import random

    from policyeditor.core.changeclass import _key, _key_chars

    alphabet = list("ab Z9 0.,-–'’ $%§#_()\n\t\u00a0\u202f²½٣") + ["\U0001d7ce", "e\u0301"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _key(text) == _key_chars(text), repr(text)
    for text in ("A fee of $.50 per page.", "Grades 6 - 8 attend.", "1 000 and 1\u202f000", "-5, .5, 50%"):
        assert _key(text.casefold()) == _key_chars(text.casefold())


def test_content_key_by_pieces_is_the_whole_texts_key():
    # classify compares the key worked out a few blocks at a time (memory), which must
    # equal the key of the whole text: no number, normalization or case reads across a block end.
    import random

    from policyeditor.core import changeclass
    from policyeditor.core.textmodel import parse

    rng = random.Random(3)
    pieces = ["5", "6 - 8", ".5", "-5", "$.50", "1 000", "x", "Ab", "e\u0301", "\u00df", "'", ",", "%"]
    for _ in range(200):
        text = "\n\n".join(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
                           for _ in range(rng.randint(1, 8))) + "\n"
        doc = parse(text)
        whole = changeclass._key(unicodedata.normalize("NFC", doc.plain_text).casefold())
        old_chunk, changeclass._CHUNK = changeclass._CHUNK, 4     # a piece every block or two
        try:
            by_pieces = "".join(changeclass._reduced_pieces(doc, changeclass._key))
        finally:
            changeclass._CHUNK = old_chunk
        assert by_pieces == whole
        assert content_key(doc) == whole


def test_letters_differing_means_keys_differing():
    # classify answers "substantive" from the letters and digits alone when they differ (cheap, at C
    # speed) before it works out the content keys: sound only if different letters always mean
    # different keys, and equal keys equal letters.
    import random

    from policyeditor.core import changeclass
    from policyeditor.core.changeclass import _key, _letters, _reduced_pieces, _same_reduced

    def reduced(doc, reduce) -> str:
        return "".join(_reduced_pieces(doc, reduce))

    alphabet = list("aAbB zZ9 0.,-–'’ $%§#_()\n\t\u00a0\u202f²½٣ßẞİıǅ") + ["\U0001d7ce", "e\u0301", "\u00e9", "ﬁ"]
    rng = random.Random(3)

    def text() -> str:       # a few paragraphs, some of punctuation only (their pieces come out empty)
        return "\n\n".join("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
                           for _ in range(rng.randint(1, 4)))

    chunk, changeclass._CHUNK = changeclass._CHUNK, 3      # a piece every block or so
    try:
        for _ in range(3000):
            a = text()
            b = text() if rng.random() < .5 else a.upper()
            doc_a, doc_b = parse(a), parse(b)
            if reduced(doc_a, _letters) != reduced(doc_b, _letters):
                assert reduced(doc_a, _key) != reduced(doc_b, _key), (a, b)
            if reduced(doc_a, _key) == reduced(doc_b, _key):
                assert reduced(doc_a, _letters) == reduced(doc_b, _letters), (a, b)
            # classify compares the pieces as they come: the answer of comparing the whole texts
            for reduce in (_letters, _key):
                assert _same_reduced(doc_a, doc_b, reduce) == (reduced(doc_a, reduce) == reduced(doc_b, reduce)), (a, b)
    finally:
        changeclass._CHUNK = chunk


def test_letters_are_what_the_pattern_keeps():
    # changeclass._letters (bytes.translate, then str.replace) keeps exactly the characters
    # that [\W_]+ leaves: letters and digits of any script.
    import random
    import re

    from policyeditor.core.changeclass import _letters

    alphabet = list("aZ9 _-.,\n\t’“”é½ßİ٣\u00a0\u202f\u200b\u0301") + ["\U0001d7ce", "\ud800", "日本"]
    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _letters(text) == re.sub(r"[\W_]+", "", text), repr(text)


def test_the_word_beside_a_change_is_read_as_split_reads_it():
    # _tail/_head read only the ends of the equal stretch around a change (it may be a whole
    # paragraph): the same word and fragment as splitting the stretch on whitespace.
    import random

    from policyeditor.core.changeclass import _head, _tail

    def tail(text):
        stripped = text.rstrip()
        word = stripped.split()[-1] if stripped.split() else ""
        return (word if stripped == text else ""), word + text[len(stripped):]

    def head(text):
        stripped = text.lstrip()
        word = stripped.split()[0] if stripped.split() else ""
        return (word if stripped == text else ""), text[:len(text) - len(stripped)] + word

    rng = random.Random(4)
    alphabet = list("ab ,.\n\t\u00a0\u2003\u200b\x1c\x85\u3000")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert _tail(text) == tail(text), repr(text)
        assert _head(text) == head(text), repr(text)
