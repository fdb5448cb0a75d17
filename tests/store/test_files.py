"""TOML records and settings files: deterministic bytes, validation in plain words."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from policyeditor.core.errors import InvalidInput, LibraryStateError, TextError
from policyeditor.core.versions import LibrarySettings, Memo, Policy, Version
from policyeditor.store import files
from policyeditor.store.usersettings import DEFAULTS, UserSettings, config_dir

POLICY = Policy(
    id="website-privacy",
    title="Website Privacy Policy",
    code="IJNDC",
    review_months=36,
    versions=(
        Version(number=1, legacy=True, adopted=date(2009, 10, 5), text_commit="a" * 40, text_sha256="b" * 64),
        Version(number=2, change_class="editorial", justification="Only wording.", first_reading=date(2018, 5, 1),
                reviewed=(date(2019, 1, 2), date(2020, 1, 2)), posted_commit="c" * 40, posted_sha256="d" * 64,
                memo=Memo(recommendation="Approve.", description="Two\nlines.")),
    ),
)


def test_policy_round_trip_is_exact_and_stable() -> None:
    data = files.policy_to_toml(POLICY)
    back = files.policy_from_toml(POLICY.id, tomllib.loads(data.decode()), "policy.toml")
    assert back == POLICY
    assert files.policy_to_toml(back) == data
    text = data.decode()
    assert text.index("title") < text.index("code") < text.index("[[versions]]")
    assert "adopted = 2009-10-05" in text and "first_reading = 2018-05-01" in text


def test_draft_memo_round_trips_and_an_old_policy_toml_without_it_still_reads() -> None:
    from dataclasses import replace

    with_memo = replace(POLICY, draft_memo=Memo(description="Revisions recommended by MASC, Fall 2026."))
    data = files.policy_to_toml(with_memo)
    assert "[draft_memo]" in data.decode()
    assert files.policy_from_toml(POLICY.id, tomllib.loads(data.decode()), "policy.toml") == with_memo
    # written before draft memos existed: no table, an empty memo; an empty one writes no table
    old = files.policy_to_toml(POLICY)
    assert "draft_memo" not in old.decode()
    assert files.policy_from_toml(POLICY.id, tomllib.loads(old.decode()), "policy.toml").draft_memo == Memo()


def test_settings_round_trip() -> None:
    settings = LibrarySettings(district="Cambridge Public Schools", signer="Kenneth N. Salim, Ed.D.")
    data = files.settings_to_toml(settings)
    assert data.startswith(b"format = 1\n")
    assert files.settings_from_toml(tomllib.loads(data.decode())) == settings


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('district = "D"\nnotice_day = 3\n', "an entry policyeditor does not know: 'notice_day'"),
        ('district = "D"\nnotice_days = "30"\n', "'notice_days' should be a whole number"),
        ('committee = "C"\n', "names no district"),
        ('format = 9\ndistrict = "D"\n', "newer policyeditor"),
    ],
)
def test_bad_library_toml_is_explained(toml: str, message: str) -> None:
    with pytest.raises(LibraryStateError, match=message):
        files.settings_from_toml(tomllib.loads(toml))


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('title = "T"\n[[versions]]\nnumber = 1\nadopted = "2009-10-05"\n', "'adopted' should be a date"),
        ('title = "T"\n[[versions]]\nnumber = 1\nchange_class = "minor"\n', "'substantive' or 'editorial'"),
        ('title = "T"\n[[versions]]\nnumber = 1\n[[versions]]\nnumber = 1\n', "same version number twice"),
        ('title = "T"\nreview = 3\n', "does not know: 'review'"),
        ('title = "T"\ndraft_memo = "note"\n', "'draft_memo' should be"),
        ('title = "T"\n[draft_memo]\nsummary = "x"\n', "does not know: 'summary'"),
    ],
)
def test_bad_policy_toml_is_explained(toml: str, message: str) -> None:
    with pytest.raises(LibraryStateError, match=message):
        files.policy_from_toml("p", tomllib.loads(toml), "policies/p/policy.toml")


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_text("title = \n")
    with pytest.raises(LibraryStateError, match="policies/x/policy.toml cannot be read"):
        files.read_toml(target, "policies/x/policy.toml")


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.txt"
    files.atomic_write(target, b"one")
    files.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_decode_text() -> None:
    assert files.decode_text("\ufeffcaf\u00e9".encode(), "x") == "caf\u00e9"
    with pytest.raises(TextError, match="x is not UTF-8 text .byte 4"):
        files.decode_text(b"caf\xe9", "x")


def test_user_settings_write_only_what_differs(_user_config_dir: Path) -> None:
    assert config_dir() == _user_config_dir
    settings = UserSettings.load()
    assert settings.name == "" and settings.recent == []
    settings.save()
    assert (_user_config_dir / "settings.toml").read_bytes() == b""
    settings["name"] = "Clerk"
    settings.add_recent("/libs/a")
    settings.add_recent("/libs/b")
    settings.add_recent("/libs/a")
    settings.save()
    text = (_user_config_dir / "settings.toml").read_text()
    assert text == 'name = "Clerk"\nlibrary = "/libs/a"\nrecent = [\n    "/libs/a",\n    "/libs/b",\n]\n'
    again = UserSettings.load()
    assert (again.name, again.email, again.library, again.recent) == ("Clerk", "", "/libs/a", ["/libs/a", "/libs/b"])
    assert set(DEFAULTS) == {"name", "email", "library", "recent"}


def test_user_settings_refuse_unknown_keys_and_wrong_types(_user_config_dir: Path) -> None:
    settings = UserSettings.load()
    with pytest.raises(InvalidInput, match="'colour' is not a setting"):
        settings["colour"] = "blue"
    with pytest.raises(InvalidInput, match="must be text"):
        settings["name"] = 3
    (_user_config_dir / "settings.toml").write_text('nmae = "typo"\n')
    with pytest.raises(InvalidInput, match="settings file .* 'nmae' is not a setting"):
        UserSettings.load()
    (_user_config_dir / "settings.toml").write_text('name = \n')
    with pytest.raises(InvalidInput, match="cannot be read"):
        UserSettings.load()
