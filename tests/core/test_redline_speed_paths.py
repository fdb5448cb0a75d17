"""The redline's speed paths give exactly the redline of the plain path.

``tokens.region_tokens`` leaves out the text a changed paragraph shares at
its start and end (keeping a window of shared tokens beside the change);
``redline._compare(..., trim=False)`` tokenizes every changed paragraph
whole. Both must give the same redline, segment for segment, whatever the
words, formatting, repetitions or paragraph splits. ``seqdiff._CppDiff``
(diff-match-patch's C++ build) must give the Python diff-match-patch's diff.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from policyeditor.core.redline import Redline, _compare
from policyeditor.core.seqdiff import (
    DELETE, EQUAL, INSERT, _CppDiff, cleanup_semantic, diff_semantic, diff_units, edges_hold,
)
from policyeditor.core.textmodel import Block, Document, Run
from policyeditor.core.tokens import _cut_after, _cut_before, region_tokens

# Few distinct words, so the shared ends repeat (the cleanup's sliding) and
# edits meet words with apostrophes and hyphens at the cut.
WORDS = ["the", "user", "user's", "e-mail", "a", "b", "a b", ",", ".", "--", "30", "days", "\u2019s"]
# Long paragraphs with enough distinct words that the shortcut is taken often.
VOCABULARY = WORDS + [f"w{i}" for i in range(40)]


def flat(redline: Redline) -> list:
    """Everything a redline says, as plain data."""
    return [(b.status, b.break_op, b.move_id, b.style, b.old_style,
             [(s.op, s.text, s.style, s.old_style) for s in b.segments]) for b in redline.blocks]


def same_both_ways(old: Document, new: Document) -> None:
    assert flat(_compare(old, new)) == flat(_compare(old, new, trim=False))


words = st.one_of(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
                  st.lists(st.sampled_from(VOCABULARY), min_size=20, max_size=150))
spaces = st.sampled_from([" ", " ", " ", "  ", "\n"])


@st.composite
def block_pairs(draw):
    """An old paragraph and a new one made from it by a few edits."""
    old = draw(words)
    new = list(old)
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(new)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert" or not new:
            new.insert(where, draw(st.sampled_from(WORDS)))
        elif kind == "delete":
            del new[min(where, len(new) - 1)]
        else:
            new[min(where, len(new) - 1)] = draw(st.sampled_from(WORDS))
    sep_old, sep_new = draw(spaces), draw(spaces)
    return sep_old.join(old), sep_new.join(new)


@st.composite
def styled(draw, text: str) -> Block:
    """The text cut into runs, some bold or linked, as a paragraph or heading."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=3)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    runs = tuple(Run(p, bold=draw(st.booleans()) and draw(st.booleans()),
                     link=draw(st.sampled_from([None, None, None, "#a"]))) for p in pieces)
    kind = draw(st.sampled_from(["paragraph", "paragraph", "heading"]))
    return Block(kind, runs or (Run(text),), 1 if kind == "heading" else 0)


@st.composite
def document_pairs(draw):
    """Old and new documents of 1-4 paragraphs, each edited a little."""
    pairs = draw(st.lists(block_pairs(), min_size=1, max_size=4))
    plain = draw(st.booleans())
    old, new = [], []
    for a, b in pairs:
        if plain:
            old.append(Block("paragraph", (Run(a),)))
            new.append(Block("paragraph", (Run(b),)))
        else:
            old.append(draw(styled(a)))
            new.append(draw(styled(b)))
    if len(new) > 1 and draw(st.booleans()):     # join two paragraphs, or drop one
        i = draw(st.integers(0, len(new) - 2))
        if draw(st.booleans()):
            new[i:i + 2] = [Block("paragraph", new[i].runs + (Run(" "),) + new[i + 1].runs)]
        else:
            del new[i]
    return Document(tuple(old)), Document(tuple(new))


@settings(max_examples=400, deadline=None)
@given(document_pairs())
def test_left_out_shared_ends_give_the_same_redline(pair):
    same_both_ways(*pair)


def long_paragraph(words_: list[str]) -> Document:
    return Document((Block("paragraph", (Run(" ".join(words_)),)),))


def test_a_change_in_a_long_paragraph_leaves_its_ends_out_and_still_matches():
    base = [f"word{i}" for i in range(300)]
    edited = list(base)
    edited[150] = "changed"
    old, new = long_paragraph(base), long_paragraph(edited)
    old_bt, new_bt = region_tokens(list(old.blocks), list(new.blocks))
    assert new_bt[0].head and new_bt[0].tail            # the shortcut was taken ...
    assert len(new_bt[0].tokens) < 100                  # ... and tokenized a window only
    same_both_ways(old, new)


def test_repeated_shared_end_gives_the_same_redline():
    # After the change the text repeats with a short period: the cleanup
    # slides the inserted words along it, past any window.
    old = long_paragraph(["intro"] * 5 + ["a", "b"] * 80)
    new = long_paragraph(["intro"] * 5 + ["a", "b"] * 81)
    same_both_ways(old, new)


def test_edges_hold_only_when_the_cleanup_stayed_clear_of_the_ends():
    assert edges_hold([(EQUAL, "abcdefgh"), (INSERT, "xy"), (EQUAL, "zzzzzzzz")], True, True)
    # the insertion could move left through the whole first stretch
    assert not edges_hold([(EQUAL, "ababab"), (INSERT, "ab"), (EQUAL, "qqqqqqqq")], True, False)
    # ... or right through the whole last one
    assert not edges_hold([(EQUAL, "qqqqqqqq"), (INSERT, "ab"), (EQUAL, "ababab")], False, True)
    # an edit at the very start or end: the stretch is gone
    assert not edges_hold([(DELETE, "x"), (EQUAL, "abcdefgh")], True, False)
    # a deletion beside an insertion: the cleanup does not slide them
    assert edges_hold([(EQUAL, "ab"), (DELETE, "b"), (INSERT, "c"), (EQUAL, "ab")], True, True)


# Unit strings: word codes (CJK, and beyond the BMP), spaces, breaks, punctuation.
UNITS = "\u4e00\u4e01\u4e02 \n\r.,\U00020000"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNITS, max_size=80), st.text(alphabet=UNITS, max_size=80))
def test_fast_diffs_are_diff_match_patch(a, b):
    plain = diff_match_patch()
    plain.Diff_Timeout = 0
    assert _CppDiff().diff_main(a, b, False) == plain.diff_main(a, b, False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("\u4e00\u4e01\u4e02\u4e03 ."), max_size=300),
       st.lists(st.tuples(st.integers(0, 300), st.sampled_from("\u4e00\u4e04 ")), max_size=12))
def test_cpp_diff_of_long_near_texts_is_diff_match_patch(units, edits):
    # Long texts with a few edits: the case the redline sends to Myers' diff.
    a = "".join(units)
    b = list(a)
    for where, unit in edits:
        b.insert(min(where, len(b)), unit)
    b = "".join(b)
    plain = diff_match_patch()
    plain.Diff_Timeout = 0
    assert _CppDiff().diff_main(a, b, False) == plain.diff_main(a, b, False)


def test_formatting_change_in_the_shared_start_keeps_it():
    text = " ".join(f"w{i}" for i in range(60))
    old = Document((Block("paragraph", (Run(text[:20], bold=True), Run(text[20:] + " end"))),))
    new = Document((Block("paragraph", (Run(text[:20]), Run(text[20:] + " finish"))),))
    _, new_bt = region_tokens(list(old.blocks), list(new.blocks))
    assert new_bt[0].head is None
    same_both_ways(old, new)


@given(st.text(alphabet="ab -'\u2019,.\n", max_size=30), st.integers(0, 30))
def test_cuts_are_token_boundaries(text, i):
    from policyeditor.core.tokens import _TOKEN_RE

    starts = {m.start() for m in _TOKEN_RE.finditer(text)}
    i = min(i, len(text))
    before = _cut_before(text, i - 1) if i > 1 else 0
    assert before == 0 or (before in starts and text[before - 1].isspace() and not text[before].isspace())
    if i >= 1:
        after = _cut_after(text, i)
        assert after == len(text) or (after in starts and text[after].isspace())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNITS[:-1], max_size=120), st.text(alphabet=UNITS[:-1], max_size=120))
def test_diff_semantic_is_the_python_cleanup_of_the_diff(a, b):
    # diff_semantic lets the C++ build clean up when the diff is one Myers
    # run: it must give exactly what Python's cleanup makes of diff_units.
    assert diff_semantic(a, b) == cleanup_semantic(diff_units(a, b))


def test_diff_semantic_matches_on_near_texts_and_rewrites():
    words = [chr(0x4E00 + i % 50) for i in range(400)]
    a = " ".join(words)
    near = " ".join(w if i % 37 else "\u4e99" for i, w in enumerate(words))
    rewrite = " ".join(chr(0x4F00 + i % 60) for i in range(380))
    for b in (near, rewrite, a[:300], near + "\n" + a):
        assert diff_semantic(a, b) == cleanup_semantic(diff_units(a, b))


def test_alike_paragraphs_are_compared_pair_by_pair_and_others_as_a_run():
    # Three paragraphs each edited a little: compared pair by pair, every
    # paragraph break stays equal (none is matched across paragraphs).
    paras = [" ".join(f"p{k}w{i}" for i in range(40)) for k in range(3)]
    edited = [p.replace(f"p{k}w20", "changed") for k, p in enumerate(paras)]
    red = _compare(Document(tuple(Block("paragraph", (Run(p),)) for p in paras)),
                   Document(tuple(Block("paragraph", (Run(p),)) for p in edited)))
    assert [b.break_op for b in red.blocks] == ["equal"] * 3
    assert [s.text for b in red.blocks for s in b.segments if s.op == "inserted"] == ["changed"] * 3
    # A split paragraph next to a deleted one is not a pair: the run shows
    # an inserted break and a deleted paragraph.
    red = _compare(Document((Block("paragraph", (Run("One two. Three four."),)), Block("paragraph", (Run("Gone."),)))),
                   Document((Block("paragraph", (Run("One two."),)), Block("paragraph", (Run("Three four."),)))))
    assert red.text("new") == "One two.\nThree four."
    assert red.text("old") == "One two. Three four.\nGone."
    assert [b.status for b in red.blocks][-1] == "deleted"


def test_normalize_space_returns_folded_text_as_it_is_and_folds_the_rest_as_split_does():
    import random

    from policyeditor.core.tokens import normalize_space

    rng = random.Random(8)
    alphabet = list("ab \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u2003.")
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert normalize_space(text) == " ".join(text.split()), repr(text)
