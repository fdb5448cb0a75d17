"""What an imported document says about itself: history lines, code, title, the file name."""

from __future__ import annotations

from datetime import date

import pytest

from policyeditor.core.importtext import (
    ADOPTED, REVIEWED, REVISED, HistoryError, from_file_name, parse_history, policy_id_for, split_document,
)
from policyeditor.core.textmodel import PARAGRAPH, Block, Document, Run, parse


@pytest.mark.parametrize("line, expected", [
    ("Adopted: October 5, 2009", [(ADOPTED, date(2009, 10, 5))]),
    ("Adopted: Oct. 5, 2009 / Revised: May 15, 2018", [(ADOPTED, date(2009, 10, 5)), (REVISED, date(2018, 5, 15))]),
    ("Adopted: 10/5/2009; Amended: 5/15/18", [(ADOPTED, date(2009, 10, 5)), (REVISED, date(2018, 5, 15))]),
    ("Adopted: 2009-10-05 Revised: 2018-05-15, 2020-06-03 Reviewed: 2021-01-04",
     [(ADOPTED, date(2009, 10, 5)), (REVISED, date(2018, 5, 15)), (REVISED, date(2020, 6, 3)),
      (REVIEWED, date(2021, 1, 4))]),
    ("History: Adopted 5 October 2009", [(ADOPTED, date(2009, 10, 5))]),
])
def test_history_lines_in_every_date_form(line, expected):
    assert [(e.kind, e.when) for e in parse_history(line)] == expected


@pytest.mark.parametrize("line", [
    "The policy was revised on May 15, 2018 to add a section.",
    "Adopted: soon",
    "Revised: October 2009",
    "Visitors are reviewed daily.",
])
def test_sentences_that_mention_history_are_text(line):
    assert parse_history(line) is None


def test_an_impossible_date_is_an_error_naming_it():
    with pytest.raises(HistoryError, match="2/30/2009"):
        parse_history("Adopted: 2/30/2009")


def test_split_takes_out_code_line_title_line_and_history_and_keeps_a_heading():
    doc = parse("File: IJNDC\n\nWEBSITE PRIVACY OF THE DISTRICT\n\nText.\n\nAdopted: October 5, 2009\n")
    split = split_document(doc)
    assert (split.code, split.title) == ("IJNDC", "Website Privacy of the District")
    assert [b.text for b in split.document.blocks] == ["Text."]
    assert split.history_lines == ["Adopted: October 5, 2009"]
    headed = split_document(parse("# Website Privacy\n\nText.\n"))
    assert headed.title == "Website Privacy" and len(headed.document.blocks) == 2
    assert split_document(parse("JICH-R - Student Alcohol\n\nText.\n")).code == "JICH-R"
    below = split_document(parse("VISITORS TO SCHOOLS\n\nFile: KI\n\nText.\n"))
    assert (below.code, below.title, len(below.document.blocks)) == ("KI", "Visitors to Schools", 1)


def test_history_lines_ending_a_paragraph_of_several_lines_are_cut_off():
    block = Block(PARAGRAPH, (Run("Legal reference: "), Run("RSA 189", bold=True),
                              Run("\nAdopted: October 5, 2009\nRevised: 5/15/2018")))
    split = split_document(Document((Block(PARAGRAPH, (Run("Text."),)), block)))
    assert [b.runs for b in split.document.blocks][1] == (Run("Legal reference: "), Run("RSA 189", bold=True))
    assert [e.when for e in split.history] == [date(2009, 10, 5), date(2018, 5, 15)]


@pytest.mark.parametrize("stem, expected", [
    ("IJNDC Website Privacy", ("IJNDC", "Website Privacy")),
    ("IJNDC - Website Privacy", ("IJNDC", "Website Privacy")),
    ("JICH-R Student Alcohol Use", ("JICH-R", "Student Alcohol Use")),
    ("5131.6 Alcohol and Other Drugs", ("5131.6", "Alcohol and Other Drugs")),
    ("website-privacy", ("", "Website Privacy")),
    ("Document1", ("", "")),
    ("0001", ("", "")),
])
def test_code_and_title_from_a_file_name(stem, expected):
    assert from_file_name(stem) == expected


def test_ids_from_titles():
    assert policy_id_for("Website Privacy") == "website-privacy"
    assert policy_id_for("Students' Rights & Duties") == "students-rights-duties"
    assert policy_id_for("", "JICH-R") == "jich-r"
