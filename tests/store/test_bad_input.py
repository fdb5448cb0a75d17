"""Bad input met by a user or a hand-edited file: a plain sentence, nothing written, no traceback."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from policyeditor.cli import main
from policyeditor.core.errors import LibraryStateError, TextError
from policyeditor.core.textcheck import visible
from policyeditor.store import Library, files
from policyeditor.store.remote import check_remote_url


def test_init_into_a_path_that_cannot_exist(tmp_path: Path, capsys) -> None:
    (tmp_path / "a-file").write_text("x")
    code = main(["init", str(tmp_path / "a-file" / "library"), "--district", "D", "--committee", "C"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be created" in err and "Traceback" not in err
    assert (tmp_path / "a-file").read_text() == "x"


@pytest.mark.parametrize(("toml", "message"), [
    ('format = "1"\ndistrict = "D"\n', "'format' should be the whole number 1"),
    ('format = 0\ndistrict = "D"\n', "'format' should be the whole number 1"),
    ('format = true\ndistrict = "D"\n', "'format' should be the whole number 1"),
    ('district = "D"\nnotice_days = -5\n', "notice_days is -5; a notice period is a whole number of days from 0 to 3650"),
])
def test_library_toml_values_out_of_range(toml: str, message: str) -> None:
    with pytest.raises(LibraryStateError, match=message):
        files.settings_from_toml(tomllib.loads(toml))
    assert "newer" not in message


@pytest.mark.parametrize(("toml", "message"), [
    ('title = "T"\nnotice_days = -1\n', "notice_days is -1; a notice period is a whole number of days from 0 to 3650"),
    ('title = "T"\n[[versions]]\nnumber = -3\n', "'number' should be between 1 and 9999, not -3"),
    ('title = "T"\n[[versions]]\nnumber = 1000000000000\n', "between 1 and 9999"),
    ('title = "T"\nreview_months = 0\n', "'review_months' should be between 1 and 240"),
])
def test_policy_toml_values_out_of_range(toml: str, message: str) -> None:
    with pytest.raises(LibraryStateError, match=message):
        files.policy_from_toml("p", tomllib.loads(toml), "policies/p/policy.toml")


@pytest.mark.parametrize(("text", "named"), [
    ("Pay the \x00 vendor.\n", "a control character (U+0000 NULL)"),
    ("Red \x1b[31malert\x1b[0m.\n", "U+001B ESCAPE"),
    ("Pay \u202eslaer 0001\u202c to the vendor.\n", "U+202E RIGHT-TO-LEFT OVERRIDE"),
])
def test_control_characters_are_refused_by_line_and_column(tmp_library: Library, state_of, text: str,
                                                           named: str) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    before = state_of(tmp_library.path)
    with pytest.raises(TextError, match=rf"Line 1, column \d+: .*{re.escape(named)}.*nothing was saved"):
        tmp_library.save_draft("bylaws", text)
    with pytest.raises(TextError, match="control characters"):
        tmp_library.create_policy("other", "Other", text=text)
    with pytest.raises(TextError, match="The title contains control characters"):
        tmp_library.create_policy("other", "Bylaws \x1b]0;owned\x07")
    assert state_of(tmp_library.path) == before


def test_a_soft_hyphen_pasted_from_word_is_still_accepted(tmp_library: Library) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    assert tmp_library.save_draft("bylaws", "Commit\u00adtee.\n")


def test_show_never_prints_a_terminal_escape_or_override_raw(tmp_library: Library, capsys) -> None:
    tmp_library.create_policy("bylaws", "Bylaws", text="Text.\n")
    draft = tmp_library.path / "policies/bylaws/policy.md"
    draft.write_text("Edited \x1b[2J by hand \u202eevil\u202c.\n")  # not through policyeditor
    assert main(["--library", str(tmp_library.path), "show", "bylaws"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert out == "Edited <U+001B>[2J by hand <U+202E>evil<U+202C>.\n"
    assert visible("caf\u00e9 \u201cok\u201d\n") == "caf\u00e9 \u201cok\u201d\n"


@pytest.mark.parametrize("url", ["ssh://[::1]:22/x", "ssh://git@[2001:db8::5]/srv/policies.git"])
def test_an_ipv6_ssh_address_is_not_a_git_transport(url: str) -> None:
    assert check_remote_url(url) == url


def test_a_git_transport_is_still_refused() -> None:
    from policyeditor.core.errors import InvalidInput

    for url in ("ext::sh%20-c%20touch", "fd::17", "git+foo.bar::x"):
        with pytest.raises(InvalidInput, match="git transport"):
            check_remote_url(url)


def test_new_library_files_respect_the_umask(tmp_path: Path, library_settings) -> None:
    old = os.umask(0o022)
    try:
        lib = Library.create(tmp_path / "lib", library_settings)
        lib.create_policy("bylaws", "Bylaws", text="Text.\n")
    finally:
        os.umask(old)
    for rel in ("library.toml", "policies/bylaws/policy.md", "policies/bylaws/policy.toml"):
        assert (lib.path / rel).stat().st_mode & 0o777 == 0o644, rel
    lib.close()
