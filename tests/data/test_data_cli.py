"""The tag and register commands as a clerk runs them: messages, exit codes, nothing written on refusal."""

from __future__ import annotations

from pathlib import Path

from policyeditor.cli import main


def cli(lib, *args: str) -> int:
    return main(["--library", str(lib.path), *args])


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_tag_then_ask_the_register(privacy_lib, tmp_path: Path, capsys) -> None:
    assert main(["config", "--name", "Dana Clerk", "--email", "dana@example.org"]) == 0
    data = write(tmp_path / "visits.csv", "id,at\nA-1,2018-06-30T23:00:00\nA-2,2018-07-01T00:00:00\nA-3,2019-01-01\n")
    assert cli(privacy_lib, "tag", "website-privacy", str(data), "--time-column", "at",
               "--key-column", "id", "--dataset", "visits") == 0
    out = capsys.readouterr().out
    assert "Tagged 3 record(s)" in out and "version 1: 1, version 2: 2" in out
    assert (tmp_path / "visits.tagged.csv").is_file()

    assert cli(privacy_lib, "register") == 0
    out = capsys.readouterr().out
    assert "visits: 1 run(s)" in out and "by Dana Clerk <dana@example.org>" in out
    assert "website-privacy version 1: 1 row(s); website-privacy version 2: 2 row(s)" in out

    assert cli(privacy_lib, "register", "--key", "A-2") == 0
    assert "visits: key A-2 is governed by website-privacy version 2" in capsys.readouterr().out

    assert cli(privacy_lib, "register", "--version", "2", "--policy", "website-privacy") == 0
    out = capsys.readouterr().out
    assert "governs 2 tagged record(s)" in out and "visits: A-3" in out

    assert cli(privacy_lib, "register", "--key", "nobody") == 2
    assert "No record with key 'nobody'" in capsys.readouterr().err
    assert cli(privacy_lib, "register", "--version", "2") == 2
    assert "--policy" in capsys.readouterr().err
    assert cli(privacy_lib, "register", "--version", "9", "--policy", "website-privacy") == 2
    assert "has no version 9" in capsys.readouterr().err


def test_tag_refuses_bad_rows_with_line_numbers_then_skips_them(privacy_lib, tmp_path: Path, capsys) -> None:
    data = write(tmp_path / "forms.jsonl", '{"t": "2019-01-01"}\n{"t": "soon"}\n{"t": "2019-02-01"}\n')
    assert cli(privacy_lib, "tag", "website-privacy", str(data), "--time-column", "t") == 2
    err = capsys.readouterr().err
    assert "1 row(s) of forms.jsonl cannot be tagged, so nothing was written" in err
    assert "line 2: the collection time 'soon' is not a date" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forms.jsonl", "library"]

    out_file = tmp_path / "out.jsonl"
    assert cli(privacy_lib, "tag", "website-privacy", str(data), "--time-column", "t", "--skip-bad",
               "-o", str(out_file)) == 0
    captured = capsys.readouterr()
    assert "Tagged 2 record(s)" in captured.out and "out.jsonl.bad-rows.csv" in captured.err
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 2


def test_tag_refusals_are_plain(privacy_lib, tmp_path: Path, capsys) -> None:
    data = write(tmp_path / "visits.data", "id,at\n1,2019-01-01\n")
    assert cli(privacy_lib, "tag", "website-privacy", str(data), "--time-column", "at") == 2
    assert "say --format csv or --format jsonl" in capsys.readouterr().err
    assert cli(privacy_lib, "tag", "website-privacy", str(data), "--time-column", "at", "--format", "csv") == 0
    assert (tmp_path / "visits.tagged.data").is_file()
    capsys.readouterr()
    assert cli(privacy_lib, "tag", "Bad Id", str(data), "--time-column", "at") == 2
    assert "cannot be a policy id" in capsys.readouterr().err
    assert cli(privacy_lib, "tag", "website-privacy", str(tmp_path / "none.csv"), "--time-column", "at") == 2
    assert "There is no data file" in capsys.readouterr().err


def test_feed_to_a_file(privacy_lib, tmp_path: Path, capsys) -> None:
    target = tmp_path / "feed.json"
    assert cli(privacy_lib, "feed", "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.json", "library"]
