"""``policyeditor policy ID``: a policy's title, code, review cycle and notice period (docs/design.md rule 2).

Each command that changes something is one commit; a refused value is one
plain sentence (exit 2) and leaves the library exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gitcmd import git
from policyeditor.cli import main
from policyeditor.store import Library

PID = "website-privacy"


def run(capsys: pytest.CaptureFixture, library: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), "policy", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def commits(library: Path) -> int:
    return int(git(library, "rev-list", "--count", "HEAD").strip())


def test_without_options_the_details_are_shown_and_nothing_written(demo_path, capsys, state_of):
    before = state_of(demo_path)
    code, out, err = run(capsys, demo_path, PID)
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Website Privacy Policy (website-privacy)", "  code: IJNDC",
                                "  review cycle: every 36 months",
                                "  notice for substantive changes: 30 days (the library's setting)"]
    assert state_of(demo_path) == before


def test_each_change_is_one_commit(demo_path, capsys):
    start = commits(demo_path)
    code, out, err = run(capsys, demo_path, PID, "--notice-days", "45", "--title", "Website Privacy")
    assert (code, err) == (0, "")
    assert "Updated the details of Website Privacy:" in out
    assert "notice for substantive changes: 45 days (this policy's own)" in out
    assert commits(demo_path) == start + 1
    assert git(demo_path, "log", "-1", "--format=%s").strip() == "Update the details of Website Privacy"
    with Library.open(demo_path) as lib:
        policy = lib.policy(PID)
        assert (policy.title, policy.notice_days, policy.code) == ("Website Privacy", 45, "IJNDC")
        assert lib.settings.notice_days_for(policy) == 45

    code, out, _ = run(capsys, demo_path, PID, "--code", "IJNDC-R", "--review-months", "none",
                       "--notice-days", "library")
    assert code == 0 and commits(demo_path) == start + 2
    with Library.open(demo_path) as lib:
        policy = lib.policy(PID)
        assert (policy.code, policy.review_months, policy.notice_days) == ("IJNDC-R", None, None)
    assert "review cycle: none" in out and "30 days (the library's setting)" in out


def test_the_same_details_again_make_no_commit(demo_path, capsys):
    start = commits(demo_path)
    code, out, _ = run(capsys, demo_path, PID, "--code", "IJNDC", "--review-months", "36")
    assert code == 0 and out == "Nothing changed: Website Privacy Policy already has these details.\n"
    assert commits(demo_path) == start


@pytest.mark.parametrize(("argv", "sentence"), [
    (("--notice-days", "soon"), "--notice-days takes a whole number or 'library', not \u201csoon\u201d."),
    (("--notice-days", "-5"), "--notice-days takes a whole number or 'library', not \u201c-5\u201d."),
    (("--notice-days", "4000"), "A notice period is a number of days between 0 and 3650."),
    (("--review-months", "0"), "A review cycle is a number of months between 1 and 240, or 'none' for no review."),
    (("--review-months", "300"), "A review cycle is a number of months between 1 and 240."),
    (("--title", "   "), "A policy needs a title, for example 'Website Privacy Policy'."),
    (("--title", "New", "--notice-days", "x"), "--notice-days takes a whole number or 'library', not \u201cx\u201d."),
])
def test_bad_values_are_refused_in_a_sentence_and_nothing_is_written(demo_path, capsys, state_of, argv, sentence):
    before = state_of(demo_path)
    code, out, err = run(capsys, demo_path, PID, *argv)
    assert code == 2 and out == ""
    assert sentence in err and "Traceback" not in err
    assert state_of(demo_path) == before


def test_an_unknown_or_malformed_policy_is_refused(demo_path, capsys, state_of):
    before = state_of(demo_path)
    code, _, err = run(capsys, demo_path, "no-such-policy", "--code", "X")
    assert code == 2 and "There is no policy 'no-such-policy'" in err
    code, _, err = run(capsys, demo_path, "Bad Id", "--code", "X")
    assert code == 2 and "Traceback" not in err
    assert state_of(demo_path) == before
