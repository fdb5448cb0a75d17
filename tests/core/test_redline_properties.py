"""Properties of the redline on generated documents (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyeditor.core.redline import DELETED, EQUAL, FORMATTED, INSERTED, compare
from policyeditor.core.textmodel import Block, Document, Run
from policyeditor.core.tokens import normalize_space

WORDS = ["the", "user", "user's", "his/her", "policy", "e-mail", "School", "Committee", ",", ".", "30", "days"]
KINDS = ["paragraph", "paragraph", "heading", "bullet"]

runs = st.lists(
    st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.booleans()),
    min_size=1, max_size=4,
)
blocks = st.builds(
    lambda parts, kind: Block(kind, tuple(Run(" ".join(w) + " ", bold=b) for w, b in parts), 1 if kind == "heading" else 0),
    runs, st.sampled_from(KINDS),
)
documents = st.lists(blocks, max_size=8).map(lambda bs: Document(tuple(bs)))


def paragraphs(doc: Document) -> list[str]:
    return [normalize_space(b.text) for b in doc.blocks]


@settings(max_examples=200, deadline=None)
@given(documents, documents)
def test_both_texts_are_reconstructed_and_no_change_splits_a_word(old, new):
    redline = compare(old, new)
    assert [normalize_space(p) for p in redline.paragraphs("old")] == paragraphs(old)
    assert [normalize_space(p) for p in redline.paragraphs("new")] == paragraphs(new)
    for block in redline.blocks:
        for side in (INSERTED, DELETED):
            shown = [s for s in block.segments if s.op != side and s.text]
            for prev, cur in zip(shown, shown[1:]):
                if prev.op != cur.op and {prev.op, cur.op} & {INSERTED, DELETED}:
                    assert not (prev.text[-1].isalnum() and cur.text[0].isalnum())


@settings(max_examples=100, deadline=None)
@given(documents)
def test_a_document_compared_with_itself_has_no_changes(doc):
    redline = compare(doc, doc)
    assert not redline.has_changes
    assert all(s.op == EQUAL for b in redline.blocks for s in b.segments)


@settings(max_examples=100, deadline=None)
@given(documents)
def test_formatting_only_changes_keep_every_word(doc):
    plain = Document(tuple(Block("paragraph", tuple(Run(r.text) for r in b.runs)) for b in doc.blocks))
    redline = compare(doc, plain)
    assert all(s.op in (EQUAL, FORMATTED) for b in redline.blocks for s in b.segments)
    assert all(b.break_op == EQUAL for b in redline.blocks)
