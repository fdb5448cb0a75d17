"""The redline of two versions of a policy, or of the draft, or of two outside files."""

from __future__ import annotations

import pytest

from _opslib import PID
from policyeditor.core.errors import ExportError, InvalidInput, NotFound
from policyeditor.ops.redline import file_redline, policy_redline, read_document, write_policy_redline


def test_the_draft_against_the_version_in_force(lib):
    compared = policy_redline(lib, PID)
    assert compared.parts.subtitle == "The draft compared with version 2."
    assert compared.parts.title == "Website Privacy" and compared.parts.justification == ""
    assert compared.redline.text("old").endswith("thirty (30) days before they take effect.")
    assert compared.redline.text("new").endswith("sixty (60) days before they take effect.")
    assert compared.stats.change_class == "substantive"


def test_the_version_in_force_itself_is_compared_with_the_one_before(lib):
    compared = policy_redline(lib, PID, to_version=2)
    assert compared.parts.subtitle == "Version 2 compared with version 1."
    assert "Changes are posted thirty (30) days" in compared.redline.text("new")
    assert "Changes are posted" not in compared.redline.text("old")


def test_chosen_versions_and_a_missing_one(lib):
    assert policy_redline(lib, PID, from_version=1, to_version=3).parts.subtitle == \
        "Version 3 compared with version 1."
    with pytest.raises(NotFound):
        policy_redline(lib, PID, to_version=9)


def test_a_policy_with_no_version_is_all_new(lib):
    lib.create_policy("graduation", "Graduation Requirements", text="Students earn 24 credits.\n")
    compared = policy_redline(lib, "graduation")
    assert compared.parts.subtitle == "The draft compared with nothing (no version in force)."
    assert compared.redline.text("old") == "" and compared.redline.text("new") == "Students earn 24 credits."


def test_written_as_html_and_docx_and_a_bad_name_writes_nothing(qapp, lib, tmp_path, state_of):
    compared = write_policy_redline(lib, PID, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "sixty" in html and compared.stats.summary not in html     # the summary only when asked
    write_policy_redline(lib, PID, tmp_path / "s.html", summary=True)
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "The draft compared with version 2." in html and compared.stats.summary in html
    write_policy_redline(lib, PID, tmp_path / "r.docx", from_version=1)
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    before = state_of(lib.path)
    with pytest.raises(ExportError, match="end the file name with .html, .pdf, .docx"):
        write_policy_redline(lib, PID, tmp_path / "r.txt")
    assert not (tmp_path / "r.txt").exists() and state_of(lib.path) == before


def test_two_outside_files(tmp_path):
    (tmp_path / "old-rules.txt").write_text("Fees are  $10.\nRefunds within 5 days.\n", encoding="utf-8")
    (tmp_path / "new-rules.txt").write_text("Fees are $12.\r\nRefunds within 5 days.\r\n", encoding="utf-8")
    compared = file_redline(tmp_path / "old-rules.txt", tmp_path / "new-rules.txt")
    assert compared.parts.title == "New Rules"
    assert compared.parts.subtitle == "new-rules.txt compared with old-rules.txt"
    assert compared.redline.text("old") == "Fees are $10.\nRefunds within 5 days."
    assert compared.stats.change_class == "substantive"
    assert file_redline(tmp_path / "old-rules.txt", tmp_path / "new-rules.txt", title="Fees").parts.title == "Fees"


def test_outside_files_that_cannot_be_compared_are_refused_in_a_sentence(tmp_path):
    (tmp_path / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "policy.docx").write_bytes(b"PK")
    with pytest.raises(InvalidInput, match="latin1.md is not UTF-8 text"):
        read_document(tmp_path / "latin1.md")
    with pytest.raises(InvalidInput, match="policy.docx cannot be read as a Word document"):
        read_document(tmp_path / "policy.docx")
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_document(tmp_path / "missing.md")


def test_a_file_redline_keeps_no_copy_of_the_texts_it_read(tmp_path):
    # The reader keeps the last text's chunks for the next reading; the redline, done reading,
    # lets them go, so a large draft's copies are not held while the page is written.
    from policyeditor.core import markdown_read
    from policyeditor.ops.redline import file_redline

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# Fees\n\nCopies cost ten cents a page.\n\nStaff shall help.\n", encoding="utf-8")
    new.write_text("# Fees\n\nCopies cost five cents a page.\n\nStaff shall help.\n", encoding="utf-8")
    compared = file_redline(old, new)
    assert compared.stats.summary
    assert markdown_read._last_chunks == {} and markdown_read._last_cut[0] == "" and markdown_read._last_lines == {}
