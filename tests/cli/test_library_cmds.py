"""The library commands, run through policyeditor.cli.main on copies of the demo library.

Every refused command exits 2 with one plain sentence and leaves HEAD, the
refs (tags), the index and the work tree exactly as they were.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policyeditor.cli import main
from gitcmd import git


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_manual(demo_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--library", str(demo_path), "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "CODE", "TITLE", "IN", "FORCE", "PENDING"]
    row = next(line for line in lines if line.startswith("website-privacy"))
    assert "IJNDC" in row and "Website Privacy Policy" in row and "v1 since 2009-10-05" in row
    assert "version 2: first reading held 2018-05-01" in row
    assert "draft changed" in next(line for line in lines if line.startswith("student-records"))


def test_list_due_and_library_from_the_environment(demo_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("POLICYEDITOR_LIBRARY", str(demo_path))
    code, out, _ = run(capsys, "list", "--due")
    assert code == 0
    assert "review due (every 36 months; last 2019-02-05)" in out
    assert "policy-adoption" not in out


def test_versions_show_and_in_force(demo_path: Path, capsys) -> None:
    lib = ["--library", str(demo_path)]
    code, out, _ = run(capsys, *lib, "versions", "website-privacy")
    assert code == 0
    assert "1        legacy       in force" in out
    assert "first reading held  2018-05-01" in out
    code, out, _ = run(capsys, *lib, "show", "website-privacy", "--version", "1")
    assert code == 0 and out == git(demo_path, "show", "website-privacy/v1:policies/website-privacy/policy.md")
    code, out, _ = run(capsys, *lib, "show", "acceptable-use", "--at", "2019-03-10")
    assert "Online Services" not in out
    code, out, _ = run(capsys, *lib, "show", "acceptable-use", "--at", "2019-03-11")
    assert "Online Services" in out
    code, out, _ = run(capsys, *lib, "show", "student-records")
    assert "Electronic Records" in out
    code, out, _ = run(capsys, *lib, "in-force", "acceptable-use", "--at", "2019-03-11T00:00:00")
    sha = git(demo_path, "show", "acceptable-use/v2:policies/acceptable-use/policy.md")
    import hashlib

    assert out.splitlines() == ["version 2", "effective 2019-03-11",
                                f"text sha256 {hashlib.sha256(sha.encode()).hexdigest()}"]
    code, out, _ = run(capsys, *lib, "in-force", "acceptable-use", "--at", "2019-03-10T23:59:59-04:00")
    assert out.splitlines()[0] == "version 1"
    # Clocks went forward on 2019-03-10: 23:59:59 at UTC-5 is already 00:59:59 on the 11th in New York.
    code, out, _ = run(capsys, *lib, "in-force", "acceptable-use", "--at", "2019-03-10T23:59:59-05:00")
    assert out.splitlines()[0] == "version 2"


def test_new_save_record_check_verify(demo_path: Path, tmp_path: Path, capsys) -> None:
    lib = ["--library", str(demo_path)]
    text = tmp_path / "bylaws.md"
    text.write_text("The committee meets monthly.\n")
    assert run(capsys, *lib, "new", "bylaws", "--title", "Bylaws", "--code", "BA", "--text", str(text))[0] == 0
    assert run(capsys, *lib, "record", "bylaws", "adopted", "2001-01-01", "--legacy")[0] == 0
    text.write_text("The committee meets twice a month.\n")
    code, out, _ = run(capsys, *lib, "save", "bylaws", str(text), "-m", "Meet twice a month")
    assert code == 0 and out.startswith("Saved the draft of 'bylaws'")
    code, out, _ = run(capsys, *lib, "save", "bylaws", str(text))
    assert code == 0 and "unchanged; nothing was saved" in out
    assert git(demo_path, "log", "-1", "--format=%s") == "Meet twice a month\n"
    for event, day in (("first-reading", "2024-01-09"), ("adopted", "2024-02-06"), ("posted", "2024-02-07"),
                       ("effective", "2024-03-08")):
        code, out, err = run(capsys, *lib, "record", "bylaws", event, day)
        assert code == 0, err
    code, out, _ = run(capsys, *lib, "record", "bylaws", "reviewed", "2025-01-07")
    assert code == 0 and "version 2" in out
    assert run(capsys, *lib, "check")[0] == 0
    code, out, _ = run(capsys, *lib, "verify")
    assert code == 0 and out == "Every adopted text, hash and tag is intact.\n"
    assert "bylaws/v2" in git(demo_path, "tag")


def test_check_and_verify_exit_1(demo_path: Path, capsys) -> None:
    lib = ["--library", str(demo_path)]
    record = demo_path / "policies/acceptable-use/policy.toml"
    record.write_text(record.read_text().replace("effective = 2019-03-11", "effective = 2019-03-01"))
    git(demo_path, "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-qam", "hand edit")
    code, out, _ = run(capsys, *lib, "check", "acceptable-use")
    assert code == 1
    assert "acceptable-use: rule 2: Version 2: effective 2019-03-01 is 22 days after posting on 2019-02-07" in out
    assert "earliest 2019-03-09" in out
    git(demo_path, "tag", "-d", "website-privacy/v1")
    code, out, _ = run(capsys, *lib, "verify")
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith("Acceptable Use of Technology (acceptable-use), version 2: the effective date "
                            f"2019-03-11 was changed to 2019-03-01 in commit {git(demo_path, 'rev-parse', 'HEAD')[:10]} of ")
    assert first.endswith(" ('hand edit'), after it had passed.")
    assert second == ("Website Privacy Policy (website-privacy), version 1: the tag website-privacy/v1 "
                      "marking the adopted text was deleted.")


REFUSED = [
    (["record", "website-privacy", "adopted", "2199-01-01"], "after today"),
    (["record", "website-privacy", "effective", "9999-12-31"], "outside the dates this program accepts"),
    (["record", "acceptable-use", "effective", "2019-04-01"], "took effect on 2019-03-11"),
    (["record", "website-privacy", "approved", "2018-06-05"], "not an event"),
    (["record", "website-privacy", "adopted", "06/05/2018"], "year-month-day"),
    (["record", "website-privacy", "posted", "2018-06-05", "--version", "9"], "no version 9"),
    (["record", "website-privacy", "first-reading", "2018-06-05", "--legacy"], "Only an adoption"),
    (["record", "student-records", "first-reading", "2025-11-03", "--editorial"], "looks substantive"),
    (["record", "nope", "adopted", "2018-06-05"], "no policy 'nope'"),
    (["record", "Bad_Id", "adopted", "2018-06-05"], "cannot be a policy id"),
    (["new", "website-privacy", "--title", "Again"], "already a policy"),
    (["new", "Web Privacy", "--title", "X"], "cannot be a policy id"),
    (["new", "fresh", "--title", "   "], "needs a title"),
    (["new", "fresh", "--title", "Fresh", "--text", "/no/such/file.md"], "cannot be read"),
    (["save", "nope", "{latin1}"], "no policy 'nope'"),
    (["save", "website-privacy", "{latin1}"], "not UTF-8"),
    (["show", "website-privacy", "--version", "5"], "no version 5"),
    (["show", "website-privacy", "--at", "1990-01-01"], "No version of 'website-privacy' was in force"),
    (["in-force", "website-privacy", "--at", "yesterday"], "not a date or time the program can read"),
    (["in-force", "website-privacy", "--at", "2018-03-11T02:30"], "did not exist in America/New_York"),
    (["versions", "nope"], "no policy 'nope'"),
    (["check", "nope"], "no policy 'nope'"),
    (["init", "{library}", "--district", "D", "--committee", "C"], "not an empty folder"),
    (["demo", "{library}"], "not an empty folder"),
    (["config", "--email", "not-an-address"], "not an e-mail address"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=[" ".join(a[:3]) for a, _ in REFUSED])
def test_refused_commands_exit_2_and_write_nothing(demo_path: Path, tmp_path: Path, capsys, state_of,
                                                   argv: list[str], message: str) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 policy.\n".encode("latin-1"))
    argv = [a.format(latin1=latin1, library=demo_path) for a in argv]
    before = state_of(demo_path)
    code, out, err = run(capsys, "--library", str(demo_path), *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("policyeditor: ") and err.count("\n") == 1 and "Traceback" not in err
    assert message in err
    assert state_of(demo_path) == before


def test_refused_outside_a_library_and_when_busy(demo_path: Path, tmp_path: Path, capsys, state_of) -> None:
    code, _, err = run(capsys, "--library", str(tmp_path), "list")
    assert code == 2 and "is not a policy library" in err
    (demo_path / ".git" / "index.lock").write_text("")
    before = state_of(demo_path)
    code, _, err = run(capsys, "--library", str(demo_path), "record", "website-privacy", "adopted", "2018-06-05")
    assert code == 2 and "Another program is writing to the library" in err
    assert state_of(demo_path) == before


def test_refused_notice_rule_names_the_earliest_date(demo_path: Path, capsys, state_of) -> None:
    lib = ["--library", str(demo_path)]
    assert run(capsys, *lib, "record", "website-privacy", "adopted", "2018-06-05")[0] == 0
    assert run(capsys, *lib, "record", "website-privacy", "posted", "2018-06-06")[0] == 0
    before = state_of(demo_path)
    code, out, err = run(capsys, *lib, "record", "website-privacy", "effective", "2018-06-25")
    assert code == 2 and out == ""
    assert err == ("policyeditor: Version 2: effective 2018-06-25 is 19 days after posting on 2018-06-06; "
                   "substantive changes need 30: earliest 2018-07-06.\n")
    assert state_of(demo_path) == before


def test_init_demo_and_config(tmp_path: Path, capsys, _user_config_dir: Path) -> None:
    code, out, _ = run(capsys, "init", str(tmp_path / "new"), "--district", "Springfield Public Schools",
                       "--committee", "School Committee", "--notice-days", "45")
    assert code == 0 and "Created an empty policy library for Springfield Public Schools" in out
    assert "notice_days = 45" in (tmp_path / "new" / "library.toml").read_text()
    code, out, _ = run(capsys, "config", "--name", "Maria Lopez", "--email", "maria@district.example")
    assert code == 0 and out == "Commits are by: Maria Lopez <maria@district.example>\n"
    code, _, _ = run(capsys, "--library", str(tmp_path / "new"), "new", "bylaws", "--title", "Bylaws")
    assert git(tmp_path / "new", "log", "-1", "--format=%an <%ae>") == "Maria Lopez <maria@district.example>\n"


def test_entry_point_runs_as_a_module(demo_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "policyeditor", "--library", str(demo_path), "versions", "acceptable-use"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Acceptable Use of Technology (acceptable-use, IJNDB)" in done.stdout
    done = subprocess.run([sys.executable, "-m", "policyeditor", "--library", str(demo_path), "record", "website-privacy",
                           "adopted", "2018-06-05"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Recorded the adoption of 'website-privacy' version 2 on 2018-06-05.\n"


@pytest.mark.parametrize("argv", [["list"], ["versions", "website-privacy"],
                                  ["in-force", "website-privacy", "--at", "2018-06-01"]])
def test_reading_commands_do_not_load_gitpython(demo_path: Path, argv: list[str]) -> None:
    """list, versions and in-force read TOML files only: no git process, no GitPython import."""
    code = ("import sys\nfrom policyeditor.cli import main\n"
            f"rc = main({['--library', str(demo_path), *argv]!r})\n"
            "print('GITPYTHON LOADED' if 'git' in sys.modules else 'NO GITPYTHON', rc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.splitlines()[-1] == "NO GITPYTHON 0", done.stderr


@pytest.mark.parametrize(("extra", "message"), [(["--timezone", "Boston"], "'Boston' is not a time zone"),
                                                (["--notice-days", "-5"], "between 0 and 3650 days"),
                                                (["--district", "  "], "needs the district's name")])
def test_init_refusals_create_nothing(tmp_path: Path, capsys, extra: list[str], message: str) -> None:
    target = tmp_path / "new"
    code, out, err = run(capsys, "init", str(target), "--district", "D", "--committee", "C", *extra)
    assert code == 2 and out == "" and message in err
    assert not target.exists()


def test_correct_records_a_correction_shown_by_versions(demo_path: Path, capsys, state_of) -> None:
    code, out, _err = run(capsys, "--library", str(demo_path), "versions", "acceptable-use")
    assert code == 0
    before = state_of(demo_path)
    code, _out, err = run(capsys, "--library", str(demo_path), "correct", "acceptable-use", "adopted",
                          "2019-02-12", "--version", "2", "--reason", "")
    assert code == 2 and "reason" in err and state_of(demo_path) == before
    from policyeditor.store import Library

    with Library.open(demo_path) as lib:
        v2 = lib.policy("acceptable-use").version(2)
    assert v2.adopted is not None
    from datetime import timedelta

    new = v2.adopted + timedelta(days=1)
    code, out, err = run(capsys, "--library", str(demo_path), "correct", "acceptable-use", "adopted",
                         new.isoformat(), "--version", "2", "--reason", "The minutes give the other day.")
    assert code == 0, err
    assert f"{v2.adopted} -> {new}" in out
    code, out, _err = run(capsys, "--library", str(demo_path), "versions", "acceptable-use")
    assert f"adoption corrected from {v2.adopted} to {new}" in out and "The minutes give the other day." in out
    code, out, _err = run(capsys, "--library", str(demo_path), "verify")
    assert code == 0, out
