"""DOCX redlines: native tracked changes read back from the XML."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import docx
import pytest

from docx_revisions import W, body_of, read, texts
from policyeditor.core.redline import compare
from policyeditor.core.textmodel import parse
from policyeditor.export.docx import TrackedWriter, docx_bytes, redline_docx, save_docx, xml_text
from policyeditor.export.html import PageParts
from shared_data import CORPORA

WHEN = datetime(2018, 5, 1, 9, 30, tzinfo=timezone.utc)


def bare_docx(old, new) -> bytes:
    document = docx.Document()
    body = document.element.body
    for p in body.findall(W + "p"):
        body.remove(p)
    TrackedWriter(document, "Clerk", WHEN).add_redline(compare(old, new))
    return docx_bytes(document)


def plain(document) -> list[str]:
    return [" ".join(xml_text(b.text).split()) for b in document.blocks]


@pytest.mark.parametrize("corpus", CORPORA)
def test_accept_all_gives_new_and_reject_all_gives_old_for_every_corpus_pair(corpus):
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    checked = 0
    for name, revisions in manifest.items():
        docs = [parse((corpus / r["file"]).read_text(encoding="utf-8")) for r in revisions]
        for old, new in zip(docs, docs[1:]):
            body = body_of(bare_docx(old, new))
            assert texts(body, "accept") == plain(new), name
            assert texts(body, "reject") == plain(old), name
            checked += 1
    assert checked == sum(len(v) - 1 for v in manifest.values())


def test_revisions_have_unique_ids_author_and_date():
    data = bare_docx("A first paragraph.\n\nSecond one here.\n", "A changed paragraph.\n\nNew one.\n\nSecond one.\n")
    body = docx.Document(io.BytesIO(data)).element.body
    revisions = [el for tag in ("ins", "del", "rPrChange", "pPrChange") for el in body.iter(W + tag)]
    ids = [el.get(W + "id") for el in revisions]
    assert len(ids) >= 4 and len(set(ids)) == len(ids)
    assert {el.get(W + "author") for el in revisions} == {"Clerk"}
    assert {el.get(W + "date") for el in revisions} == {"2018-05-01T09:30:00Z"}
    deleted = [el.text for el in body.iter(W + "delText")]
    assert "first" in deleted and not [t for t in body.iter(W + "t") if t.text == "first"]


def test_formatting_change_keeps_complete_old_properties_last_in_rpr():
    old = "**Security.** Because e-mails are not encrypted.\n\n## Definitions\n"
    new = "Security. Because e-mails are not encrypted.\n\n### Definitions\n"
    data = bare_docx(old, new)
    body = docx.Document(io.BytesIO(data)).element.body
    changes = list(body.iter(W + "rPrChange"))
    assert changes and all(c.getparent()[-1] is c for c in changes)
    assert all(c.find(W + "rPr").find(W + "b") is not None for c in changes)
    accepted, rejected = read(data, "accept"), read(data, "reject")
    assert accepted[0][2][0] == ("Security. ", False) or not accepted[0][2][0][1]
    assert rejected[0][2][0][1] is True
    assert (accepted[1][1], rejected[1][1]) == ("Heading3", "Heading2")
    assert [t for t, _, _ in accepted] == [t for t, _, _ in rejected]


def test_inserted_and_deleted_paragraph_marks():
    data = bare_docx("One two. Three four.\n\nGone paragraph.\n\nEnd.\n", "One two.\n\nThree four.\n\nEnd.\n")
    assert texts(data, "accept") == ["One two.", "Three four.", "End."]
    assert texts(data, "reject") == ["One two. Three four.", "Gone paragraph.", "End."]
    body = docx.Document(io.BytesIO(data)).element.body
    marks = [p.find(W + "pPr/" + W + "rPr") for p in body.findall(W + "p")]
    kinds = [m[0].tag.split("}")[1] for m in marks if m is not None]
    assert kinds == ["ins", "del"]


def test_full_redline_document_is_saved_atomically(tmp_path):
    document = redline_docx(compare("Old words.\n", "New words.\n"),
                            PageParts(title="Website Privacy Policy", summary="1 word inserted.",
                                      history="Adopted: October 5, 2009"),
                            author="Clerk", when=WHEN)
    target = tmp_path / "redline.docx"
    save_docx(document, target)
    assert [p.name for p in tmp_path.iterdir()] == ["redline.docx"]
    reread = docx.Document(str(target))
    text = "\n".join(p.text for p in reread.paragraphs)
    assert "WEBSITE PRIVACY POLICY" in text and "Adopted: October 5, 2009" in text
    assert reread.sections[0].header.paragraphs[0].text == "Website Privacy Policy"
    assert reread.settings.element.find(W + "trackRevisions") is not None


def test_moved_paragraph_is_a_native_move():
    a = "Cookies are files that a website can place on a computer."
    old = f"{a}\n\nShort one.\n\nAnother short paragraph of text here.\n"
    new = f"Short one.\n\nAnother short paragraph of text here.\n\n{a}\n"
    data = bare_docx(old, new)
    assert texts(data, "accept") == ["Short one.", "Another short paragraph of text here.", a]
    assert texts(data, "reject") == [a, "Short one.", "Another short paragraph of text here."]
    body = body_of(data)
    starts = [el.get(W + "name") for tag in ("moveFromRangeStart", "moveToRangeStart") for el in body.iter(W + tag)]
    assert starts == ["move1", "move1"]
    assert len(list(body.iter(W + "moveFrom"))) == 2 and len(list(body.iter(W + "moveTo"))) == 2  # runs + mark
    assert not list(body.iter(W + "del")) and not list(body.iter(W + "ins"))


def test_accept_and_reject_on_generated_documents():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from policyeditor.core.textmodel import Block, Document, Run

    words = st.lists(st.sampled_from(["the", "user's", "his/her", "policy", ",", "30", "days", "e-mail"]),
                     min_size=1, max_size=8)
    block = st.builds(lambda w, bold, kind: Block(kind, (Run(" ".join(w), bold=bold),), 2 if kind == "heading" else 0),
                      words, st.booleans(), st.sampled_from(["paragraph", "heading", "bullet"]))
    document = st.lists(block, max_size=6).map(lambda bs: Document(tuple(bs)))

    @settings(max_examples=60, deadline=None)
    @given(document, document)
    def check(old, new):
        body = body_of(bare_docx(old, new))
        assert texts(body, "accept") == plain(new)
        assert texts(body, "reject") == plain(old)
        styles = [s for _, s, _ in read(body, "accept")]
        old_styles = [s for _, s, _ in read(body, "reject")]
        assert [s == "Heading2" for s in styles] == [b.kind == "heading" for b in new.blocks]
        assert [s == "Heading2" for s in old_styles] == [b.kind == "heading" for b in old.blocks]

    check()
