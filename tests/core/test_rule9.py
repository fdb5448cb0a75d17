"""Rule 9: a change to a number, an amount, a sign, a negation or a defined term is
substantive, whatever its size; editorial is only case, spacing, punctuation that does
not sit between or beside digits, and formatting."""

from __future__ import annotations

import time

import pytest

from policyeditor.core.changeclass import classify
from policyeditor.core.versions import SUBSTANTIVE


@pytest.mark.parametrize("old, new", [
    # the four cases of the issue
    ("A fee of $.50 per page.", "A fee of $50 per page."),
    ("Closed below -5 degrees.", "Closed below 5 degrees."),
    ("Within .5 miles of school.", "Within 5 miles of school."),
    ("Grades 6 - 8 attend.", "Grades 68 attend."),
    # decimal points and thousands separators in several conventions
    ("A budget of 1,000 dollars.", "A budget of 1000 dollars."),
    ("A budget of 1.000 euros.", "A budget of 1,000 euros."),
    ("A budget of 1 000 euros.", "A budget of 1000 euros."),
    ("A budget of 1\u202f000 euros.", "A budget of 1000 euros."),
    ("Pay 2,5 per cent.", "Pay 25 per cent."),
    # currency and percent signs, plus and minus signs
    ("A fee of €20.", "A fee of 20."),
    ("Up to 50% of the fee.", "Up to 50 of the fee."),
    ("A change of +5 points.", "A change of 5 points."),
    ("A change of \u22125 points.", "A change of 5 points."),
    ("A change of \u20135 points.", "A change of 5 points."),
    # ranges and dates
    ("Ages 5-12 may enroll.", "Ages 512 may enroll."),
    ("Ages 5 \u2013 12 may enroll.", "Ages 5 12 may enroll."),
    ("Adopted October 5, 2009.", "Adopted October 52009."),
    ("Dated 5/1/2018.", "Dated 51/2018."),
    # section references
    ("See \u00a7 5.2 of the law.", "See \u00a7 52 of the law."),
    ("See section 5.2.1 of the law.", "See section 5.21 of the law."),
    # negations hidden in spacing
    ("The district will not ice the rink.", "The district will notice the rink."),
    ("Staff may enter no w.", "Staff may enter now."),
    # defined terms: the case of a defined term decides whether the definition applies
    ('"Directory Information" means a name. Staff may share Directory Information.',
     '"Directory Information" means a name. Staff may share directory information.'),
    ('Student Records means the file. The district keeps Student Records.',
     'Student Records means the file. The district keeps student records.'),
    ('The school\u2019s records (the \u201cRecords\u201d) are kept. Records are private.',
     'The school\u2019s records (the \u201cRecords\u201d) are kept. records are private.'),
    ('"Parent" means a guardian.', 'Parent means a guardian.'.lower()),
])
def test_rule_9_changes_are_substantive(old, new):
    one, other = classify(old, new), classify(new, old)
    assert one.change_class == SUBSTANTIVE, one.reason
    assert other.change_class == SUBSTANTIVE, other.reason
    assert one.reason.startswith("Substantive: ")


@pytest.mark.parametrize("old, new, reason", [
    ("A fee of $.50 per page.", "A fee of $50 per page.", "'$.50' became '$50'"),
    ("Closed below -5 degrees.", "Closed below 5 degrees.", "'-5' became '5'"),
    ("The district will not ice the rink.", "The district will notice the rink.",
     "a negation was removed"),
    ('"Directory Information" means a name. Staff may share Directory Information.',
     '"Directory Information" means a name. Staff may share directory information.',
     "the defined term 'Directory Information'"),
])
def test_the_reason_names_what_changed(old, new, reason):
    assert reason in classify(old, new).reason


@pytest.mark.parametrize("old, new", [
    ("Within 30 days.", "Within 30 days;"),
    ("Section 10, and", "Section 10 and"),
    ("In 2018. Then", "In 2018; then"),
    ("A fee of $50 .", "A fee of $50."),
    ("Grades 6-8 attend.", "Grades 6 - 8 attend."),
    ("Up to 50 % of it.", "Up to 50% of it."),
    ("The district can not share it.", "The district cannot share it."),
    ("Staff do not share it.", "Staff DO NOT share it!"),
    ("Staff don't share it.", "Staff dont share it."),
    ("A 5-year plan.", "A 5 year plan."),
    ('"Directory Information" means a name. Staff may share Directory Information.',
     '\u201cDirectory Information\u201d means a name; staff may share Directory Information.'),
    ('"Directory Information" means a name.', '**Directory Information** means a name.'),
])
def test_still_editorial(old, new):
    assert classify(old, new).editorial, classify(old, new).reason


def test_classification_stays_linear_on_large_texts():
    para = ('"Records" means files. Staff may not share Records unless 5.2 applies, '
            "except $1,000 or -5% (the \u201cFee\u201d). ")
    small, big = para * 500, para * 5000
    def timed(text):
        start = time.perf_counter()
        classify(text, text.replace("Records are", "records are") + "x")
        return time.perf_counter() - start
    timed(small)
    t_small, t_big = min(timed(small) for _ in range(2)), min(timed(big) for _ in range(2))
    assert t_big < 25 * t_small + 0.5


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

amounts = st.tuples(st.sampled_from(["", "$", "€", "-", "+", "\u2212"]), st.integers(0, 10**7),
                    st.sampled_from([",", ".", " ", "\u202f", "'"]), st.sampled_from(["", ".25", ",5"]),
                    st.sampled_from(["", "%", " per cent"]))


def _written(sign: str, n: int, sep: str, tail: str, unit: str) -> str:
    digits = f"{n:,}".replace(",", sep)
    return f"{sign}{digits}{tail}{unit}"


@settings(max_examples=200, deadline=None)
@given(amounts, st.data())
def test_any_change_inside_a_written_number_is_substantive(amount, data):
    number = _written(*amount)
    where = data.draw(st.integers(0, len(number) - 1))
    if number[where].isspace() or number[where:].strip() in ("per cent",) or number[where].isalpha():
        return
    changed = number[:where] + number[where + 1:]            # drop one character of it
    old = f"The fee is {number} for each visit."
    new = f"The fee is {changed} for each visit."
    assert classify(old, new).change_class == SUBSTANTIVE, (old, new)
