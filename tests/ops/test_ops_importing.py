"""Importing an existing manual: real Word files (python-docx, LibreOffice), Markdown and text.

Each refusal is one sentence naming the file and what to do, and leaves the
library exactly as it was (``library_state``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import docx
import pytest

from _importdocs import LIBREOFFICE_HTML, SOFFICE, WORD_POLICY_TEXT, libreoffice_convert, word_policy
from policyeditor.core.errors import InvalidInput
from policyeditor.core.textmodel import parse, serialize
from policyeditor.ops.importing import (
    IMPORTED, REFUSED, UNCHANGED, import_files, plan_import, read_document,
)
from policyeditor.store.verify import verify


library_state = None


@pytest.fixture(autouse=True)
def _state(state_of):
    """``library_state`` of tests/conftest.py (HEAD, refs, index and files of a library)."""
    global library_state
    library_state = state_of


def _one(lib, path, **kw):
    run = import_files(lib, [path], **kw)
    assert len(run.results) == 1
    return run.results[0]


def test_a_word_policy_becomes_a_policy_with_its_legacy_versions(tmp_library, tmp_path):
    result = _one(tmp_library, word_policy(tmp_path / "anything.docx"))
    assert result.status == IMPORTED, result.message
    policy = tmp_library.policy("website-privacy")
    assert (policy.title, policy.code) == ("Website Privacy", "IJNDC")
    assert tmp_library.draft_text("website-privacy") == WORD_POLICY_TEXT
    assert [(v.number, v.adopted, v.legacy) for v in policy.versions] == [
        (1, date(2009, 10, 5), True), (2, date(2018, 5, 15), True)]
    v1, v2 = policy.versions
    assert not v1.text_commit and "was not kept" in v1.memo.description      # not invented, and said so
    assert tmp_library.version_text("website-privacy", 2) == WORD_POLICY_TEXT
    assert "Adopted" not in WORD_POLICY_TEXT                                   # the history line is not text
    assert "Underlined text became italic (1 place)" in result.message
    assert verify(tmp_library) == []


@pytest.mark.parametrize("history, dates", [
    ("Adopted: October 5, 2009\nRevised: May 15, 2018", [date(2009, 10, 5), date(2018, 5, 15)]),
    ("Adopted: 10/5/2009; Amended: 5/15/2018", [date(2009, 10, 5), date(2018, 5, 15)]),
    ("Adopted: 2009-10-05 / Revised: 2018-05-15", [date(2009, 10, 5), date(2018, 5, 15)]),
])
def test_each_date_form_of_a_history_line_gives_the_adoption_dates(tmp_library, tmp_path, history, dates):
    plan = plan_import(tmp_library, word_policy(tmp_path / "p.docx", history))
    assert [v.adopted for v in plan.versions] == dates
    assert "Adopted" not in plan.text and "2018" not in plan.text


def test_a_review_date_is_a_review_of_the_version_then_in_force(tmp_library, tmp_path):
    plan = plan_import(tmp_library, word_policy(tmp_path / "p.docx",
                                                "Adopted: 2009-10-05; Revised: 2018-05-15; Reviewed: 2012-03-01"))
    assert [v.reviewed for v in plan.versions] == [(date(2012, 3, 1),), ()]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_documents_written_by_libreoffice_from_html_and_from_odt(tmp_library, tmp_path):
    (tmp_path / "alcohol.html").write_text(LIBREOFFICE_HTML, encoding="utf-8")
    from_html = libreoffice_convert([tmp_path / "alcohol.html"], tmp_path, "docx:MS Word 2007 XML")[0]
    odt = libreoffice_convert([tmp_path / "alcohol.html"], tmp_path, "odt")[0]
    (tmp_path / "odt").mkdir()
    from_odt = libreoffice_convert([odt], tmp_path / "odt", "docx")[0]
    expected = ("No student shall **possess** or *use* alcohol. Read [the guide](https://example.org/help).\n\n"
                "- At school\n    - In class\n- On buses\n\n1. First offense\n2. Second offense\n\n"
                "| Offense | Result |\n| --- | --- |\n| First | Warning |\n")
    for source in (from_html, from_odt):
        plan = plan_import(tmp_library, source)
        assert (plan.policy_id, plan.title, plan.code) == ("student-alcohol-use", "Student Alcohol Use", "JICH")
        assert plan.text == expected
        assert [v.adopted for v in plan.versions] == [date(2009, 10, 5)]


MARKDOWN_SOURCE = (
    "# Visitors\n\nEvery visitor **signs in** at the *main office*; see [the map](https://example.org/map).\n\n"
    "## Hours\n\n- Weekdays\n    - Mornings\n- Weekends\n\n1. Ring the bell\n2. Wait\n\n"
    "> Safety comes first.\n\n| Day | Hours |\n| --- | --- |\n| Monday | 8-4 |\n| Friday | 8-1 |\n")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_markdown_through_libreoffice_comes_back_as_the_same_text(tmp_library, tmp_path):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(MARKDOWN_SOURCE + "\nAdopted: October 5, 2009\n")
    (tmp_path / "Visitors.html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    converted = libreoffice_convert([tmp_path / "Visitors.html"], tmp_path, "docx:MS Word 2007 XML")[0]
    plan = plan_import(tmp_library, converted)
    assert plan.text == MARKDOWN_SOURCE
    assert (plan.title, [v.adopted for v in plan.versions]) == ("Visitors", [date(2009, 10, 5)])


def test_tracked_changes_are_refused_or_accepted_on_request(tmp_library, tmp_path):
    from policyeditor.core.redline import compare
    from policyeditor.export.docx import redline_docx, save_docx
    from policyeditor.export.html import PageParts

    old = ("Fees are $5.\n\nThey are paid\n\nat the office.\n\n| Item | Fee |\n| --- | --- |\n| Copy | $5 |\n\n"
           "A paragraph removed.\n")
    new = ("Fees are $10 now.\n\nThey are paid at the office.\n\n| Item | Fee |\n| --- | --- |\n| Copy | $10 |\n"
           "| Scan | $1 |\n")
    path = tmp_path / "Fees.docx"
    save_docx(redline_docx(compare(old, new), PageParts("Fees"), author="Counsel",
                           when=datetime(2026, 1, 5, tzinfo=timezone.utc)), path)
    before = library_state(tmp_library.path)
    result = _one(tmp_library, path)
    assert result.status == REFUSED
    assert "Fees.docx still holds" in result.message and "tracked change" in result.message
    assert "accept or reject" in result.message and "--accept-changes" in result.message
    assert library_state(tmp_library.path) == before
    accepted = _one(tmp_library, path, accept_changes=True)
    assert accepted.status == IMPORTED, accepted.message
    assert tmp_library.draft_text("fees") == new


def test_a_document_with_comments_is_refused(tmp_library, tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Visitors sign in.")
    d.add_comment(p.runs, text="Which door?", author="Counsel")
    d.save(tmp_path / "Visitors.docx")
    result = _one(tmp_library, tmp_path / "Visitors.docx")
    assert result.status == REFUSED and "1 comment" in result.message


def _refused(lib, path) -> str:
    before = library_state(lib.path)
    result = _one(lib, path)
    assert result.status == REFUSED
    assert library_state(lib.path) == before
    return result.message


def test_refusals_are_sentences_and_change_nothing(tmp_library, tmp_path):
    (tmp_path / "Latin.txt").write_bytes("Caf\xe9 \u2013 fees".encode("cp1252"))
    assert "Latin.txt is not UTF-8 text (it looks like Windows-1252" in _refused(tmp_library, tmp_path / "Latin.txt")
    (tmp_path / "Wide.txt").write_bytes("Fees".encode("utf-16"))
    assert "looks like UTF-16" in _refused(tmp_library, tmp_path / "Wide.txt")
    docx.Document().save(tmp_path / "Empty Policy.docx")
    assert "Empty Policy.docx has no text to import" in _refused(tmp_library, tmp_path / "Empty Policy.docx")
    (tmp_path / "Broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    assert "Broken.docx cannot be read as a Word document" in _refused(tmp_library, tmp_path / "Broken.docx")
    (tmp_path / "Old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    message = _refused(tmp_library, tmp_path / "Old.doc")
    assert "Old.doc is an old Word document (.doc)" in message
    assert 'soffice --headless --convert-to docx "Old.doc"' in message
    (tmp_path / "Scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert "soffice --headless --convert-to docx" in _refused(tmp_library, tmp_path / "Scan.pdf")
    (tmp_path / "Disguised.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "(.doc), whatever its name says" in _refused(tmp_library, tmp_path / "Disguised.docx")
    (tmp_path / "0001.md").write_text("Visitors sign in.\n", encoding="utf-8")
    assert "--title" in _refused(tmp_library, tmp_path / "0001.md")
    (tmp_path / "Future Policy.md").write_text("Text.\n\nAdopted: January 5, 2099\n", encoding="utf-8")
    assert "Future Policy.md: its history line cannot be recorded" in _refused(tmp_library,
                                                                               tmp_path / "Future Policy.md")


def test_markdown_and_text_files_with_a_bom_and_names_that_give_code_and_title(tmp_library, tmp_path):
    (tmp_path / "IJNDC Website Privacy.md").write_bytes(
        "\ufeff# Website Privacy\n\nWe keep *little*.\n\nAdopted: October 5, 2009\nRevised: May 15, 2018\n"
        .encode("utf-8"))
    (tmp_path / "KF Community Use.txt").write_text("Rooms may be used.\nFees apply.\n", encoding="utf-8")
    run = import_files(tmp_library, [tmp_path])
    assert [r.status for r in run.results] == [IMPORTED, IMPORTED], run.results
    assert tmp_library.draft_text("website-privacy") == "# Website Privacy\n\nWe keep *little*.\n"
    assert tmp_library.policy("website-privacy").code == "IJNDC"
    assert len(tmp_library.policy("website-privacy").versions) == 2
    community = tmp_library.policy("community-use")
    assert (community.code, community.title, community.versions) == ("KF", "Community Use", ())
    assert tmp_library.draft_text("community-use") == "Rooms may be used.\n\nFees apply.\n"


def test_a_folder_imports_what_it_can_reports_the_rest_and_a_second_run_changes_nothing(tmp_library, tmp_path):
    folder = tmp_path / "manual"
    folder.mkdir()
    word_policy(folder / "IJNDC.docx")
    (folder / "KF Community Use.md").write_text("Rooms may be used.\n\nAdopted: 2010-01-04\n", encoding="utf-8")
    (folder / "Bad.docx").write_bytes(b"not a zip")
    (folder / "Old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "~$IJNDC.docx").write_bytes(b"Word's lock file")
    run = import_files(tmp_library, [folder])
    assert {r.source.name: r.status for r in run.results} == {
        "IJNDC.docx": IMPORTED, "KF Community Use.md": IMPORTED, "Bad.docx": REFUSED, "Old.doc": REFUSED}
    assert run.summary == "2 imported, 0 already in the library, 2 refused."
    assert tmp_library.policy_ids() == ["community-use", "website-privacy"]
    before = library_state(tmp_library.path)
    again = import_files(tmp_library, [folder])
    assert [r.status for r in again.results if r.status != REFUSED] == [UNCHANGED, UNCHANGED]
    assert library_state(tmp_library.path) == before


def test_another_text_under_an_id_in_use_is_refused(tmp_library, tmp_path):
    (tmp_path / "Website Privacy.md").write_text("One text.\n", encoding="utf-8")
    assert _one(tmp_library, tmp_path / "Website Privacy.md").status == IMPORTED
    (tmp_path / "Website Privacy.md").write_text("Another text.\n", encoding="utf-8")
    message = _refused(tmp_library, tmp_path / "Website Privacy.md")
    assert "already a policy 'website-privacy'" in message and "--id" in message


def test_a_clean_docx_export_imports_as_the_same_text_model(tmp_library, tmp_path):
    from policyeditor.core.versions import Policy, Version
    from policyeditor.export.packet import clean_copy, packet_docx

    text = ("Every visitor **signs in** at the *main office*; see [the map](https://example.org/map).\n\n"
            "## Hours\n\n- Weekdays\n    - Mornings\n        - Early\n- Weekends\n\n1. Ring\n2. Wait\n\n"
            "> Safety comes first.\n\n| Day | Hours |\n| --- | --- |\n| Monday | 8-4 |\n| Friday |  |\n\n"
            "Last paragraph.\n")
    assert serialize(parse(text)) == text
    policy = Policy(id="visitors", title="Visitors", code="KI",
                    versions=(Version(number=1, legacy=True, adopted=date(2009, 10, 5)),
                              Version(number=2, legacy=True, adopted=date(2018, 5, 1))))
    path = tmp_path / "visitors-adopted.docx"
    packet_docx(clean_copy(policy, text), path, author="Clerk", when=datetime(2026, 1, 5, tzinfo=timezone.utc))
    plan = plan_import(tmp_library, path)
    assert plan.text == text
    assert plan.title == "Visitors"
    assert [v.adopted for v in plan.versions] == [date(2009, 10, 5), date(2018, 5, 1)]


def test_diff_reads_word_files_the_same_way(tmp_path):
    from policyeditor.ops.redline import file_redline

    word_policy(tmp_path / "old.docx")
    d = docx.Document(tmp_path / "old.docx")
    d.tables[0].cell(1, 1).text = "60 days"
    d.save(tmp_path / "new.docx")
    compared = file_redline(tmp_path / "old.docx", tmp_path / "new.docx")
    changed = [b for b in compared.redline.blocks if b.status != "equal"]
    assert [(b.old_text, b.new_text) for b in changed] == [("30 days", "60 days")]
    assert read_document(tmp_path / "new.docx").blocks[0].text == "File: IJNDC"


def test_id_code_and_title_given_for_one_document_only(tmp_library, tmp_path):
    (tmp_path / "0001.md").write_text("Visitors sign in.\n", encoding="utf-8")
    result = _one(tmp_library, tmp_path / "0001.md", title="Visitors", code="KI", policy_id="visitors-2")
    assert result.status == IMPORTED
    assert (tmp_library.policy("visitors-2").title, tmp_library.policy("visitors-2").code) == ("Visitors", "KI")
    with pytest.raises(InvalidInput, match="one file only"):
        import_files(tmp_library, [tmp_path / "0001.md", tmp_path / "0001.md"], policy_id="x")


def test_a_policy_changed_after_its_import_is_still_found_already_imported(tmp_library, tmp_path, state_of):
    path = word_policy(tmp_path / "IJNDC.docx")
    assert _one(tmp_library, path).status == IMPORTED
    tmp_library.save_draft("website-privacy", WORD_POLICY_TEXT + "\nA new paragraph.\n")
    tmp_library.update_policy_info("website-privacy", title="Website and Privacy")
    before = state_of(tmp_library.path)
    assert _one(tmp_library, path).status == UNCHANGED
    assert state_of(tmp_library.path) == before


def test_an_imported_policy_publishes_and_its_older_versions_say_their_text_was_not_kept(tmp_library, tmp_path):
    from policyeditor.ops.publish import publish_site
    from policyeditor.ops.redline import policy_redline

    assert _one(tmp_library, word_policy(tmp_path / "IJNDC.docx")).status == IMPORTED
    publish_site(tmp_library, tmp_path / "site")
    v1 = (tmp_path / "site" / "website-privacy" / "v1.html").read_text(encoding="utf-8")
    v2 = (tmp_path / "site" / "website-privacy" / "v2.html").read_text(encoding="utf-8")
    assert "The text of this version was not kept" in v1
    assert "Visitor logs" in v2 and "<table" in v2
    assert not policy_redline(tmp_library, "website-privacy").redline.has_changes   # draft against v2
    with pytest.raises(Exception, match="Version 1 of 'website-privacy' has no recorded text"):
        policy_redline(tmp_library, "website-privacy", from_version=1, to_version=2)


def test_a_text_file_of_wrapped_paragraphs_and_a_history_line_under_the_last_one(tmp_library, tmp_path):
    (tmp_path / "KI Visitors.txt").write_text(
        "Visitors sign in at the office\nand wear a badge.\n\nThey leave by the\nsame door.\n"
        "Adopted: 10/5/2009\n", encoding="utf-8")
    plan = plan_import(tmp_library, tmp_path / "KI Visitors.txt")
    assert plan.text == "Visitors sign in at the office and wear a badge.\n\nThey leave by the same door.\n"
    assert [v.adopted for v in plan.versions] == [date(2009, 10, 5)]


def test_a_write_that_fails_puts_every_document_of_the_run_back(tmp_library, tmp_path, state_of):
    folder = tmp_path / "manual"
    folder.mkdir()
    word_policy(folder / "IJNDC.docx")
    (folder / "KF Community Use.md").write_text("Rooms may be used.\n", encoding="utf-8")
    hook = tmp_library.path / ".git" / "hooks" / "pre-commit"
    # The hook lets the texts' commit through and refuses the second (the legacy versions'): the
    # first commit is then taken back too.
    hook.write_text("#!/bin/sh\ngit diff --cached | grep -q text_commit && exit 1\nexit 0\n", encoding="utf-8")
    hook.chmod(0o755)
    before = state_of(tmp_library.path)
    run = import_files(tmp_library, [folder])
    assert [r.status for r in run.results] == [REFUSED, REFUSED]
    assert all("hook" in r.message for r in run.results)
    assert state_of(tmp_library.path) == before
    hook.unlink()
    assert [r.status for r in import_files(tmp_library, [folder]).results] == [IMPORTED, IMPORTED]


def test_a_markdown_file_reads_for_a_redline_as_it_imports(tmp_path):
    # diff/redline read a Markdown file without keeping the lines its paragraphs are written on
    # (normalize folds them): the document must be the one the import's reading gives, normalized.
    from policyeditor.core.textmodel import normalize
    from policyeditor.ops.importing import read_document, read_source
    from shared_data import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.md"))]
    texts += ["One\ntwo  \nthree\n\n- four\n  five\n\n> six\n> seven\n\nA\u00a0b\n\nA\nb\n", "x\n\n*y*\nz\n\n\\*q\nr"]
    for k, text in enumerate(texts):
        path = tmp_path / f"t{k}.md"
        path.write_text(text, encoding="utf-8")
        assert read_document(path) == normalize(read_source(path, other_as_markdown=True).document)
