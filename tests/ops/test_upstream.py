"""Model policies from an association (ops.upstream): a model manual in a folder, three updates."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitcmd import git

from policyeditor.cli import main
from policyeditor.core.errors import InvalidInput, NotFound
from policyeditor.ops.upstream import add_upstream, pull_upstream, take_new_policy
from policyeditor.store import Library, conflicts
from policyeditor.store.verify import verify

PRIVACY = ("# Website Privacy\n\nThe district collects only the information a visitor gives.\n\n"
           "Information is kept for one year.\n\nQuestions go to the superintendent.\n")
CONDUCT = "# Code of Conduct\n\nStudents treat one another with respect.\n\nStaff report bullying to the principal.\n"


@pytest.fixture
def manual(tmp_path: Path) -> Path:
    folder = tmp_path / "masc-models"
    folder.mkdir()
    (folder / "IJNDC.md").write_text(PRIVACY)
    (folder / "JIC.md").write_text(CONDUCT)
    (folder / "README.txt").write_text("Model policies of the association.\n")    # no code: not a policy
    return folder


@pytest.fixture
def district(tmp_library: Library, manual: Path) -> Library:
    """The district took both model policies, adapted them, and added the model manual."""
    lib = tmp_library
    lib.create_policy("website-privacy", "Website Privacy", "IJNDC", PRIVACY)
    lib.create_policy("conduct", "Code of Conduct", "JIC", CONDUCT)
    assert add_upstream(lib, "masc", str(manual), association="MASC") == 2
    # the district's adaptations
    lib.save_draft("website-privacy", PRIVACY.replace("the superintendent", "the Springfield superintendent"))
    lib.save_draft("conduct", CONDUCT.replace("to the principal", "to the building principal"))
    return lib


def test_first_add_offers_nothing_and_later_updates_merge_three_ways(district: Library, manual: Path) -> None:
    lib = district
    assert pull_upstream(lib, "masc", update="Fall 2026 update").lines() == [
        "No model policy changed since the last update taken from MASC."]
    # the association's update: one clean revision, one on the words the district adapted, one new policy
    (manual / "IJNDC.md").write_text(PRIVACY.replace("one year", "two years"))
    (manual / "JIC.md").write_text(CONDUCT.replace("to the principal", "to the head of school"))
    (manual / "visitors.md").write_text("# KBA - Public Visitors\n\nVisitors sign in at the office.\n")
    before_drafts = lib.draft_text("conduct")
    report = pull_upstream(lib, "masc", update="Fall 2026 update")
    assert report.merged == ["website-privacy"]
    assert report.conflicts == ["conduct"]
    assert [(m.code, m.title) for m in report.new] == [("KBA", "Public Visitors")]
    # clean: the model's change and the district's adaptation are both in the new draft
    assert lib.draft_text("website-privacy") == PRIVACY.replace("one year", "two years").replace(
        "the superintendent", "the Springfield superintendent")
    assert "Revisions recommended by MASC, Fall 2026 update" in git(lib.path, "log", "--format=%B", "-n", "2")
    assert report.lines()[1].startswith("website-privacy: The draft compared with nothing (no version in force).")
    # overlapping: the draft keeps the district's wording; the policy is marked conflict with the model's side
    assert lib.draft_text("conduct") == before_drafts
    [found] = conflicts.conflicts(lib)
    assert found.policy_id == "conduct" and found.source == "MASC, Fall 2026 update"
    assert "the model's revision (MASC, Fall 2026 update)" in found.describe()
    [clash] = conflicts.draft_merge(lib, "conduct").conflicts
    assert "to the building principal" in clash.ours_text
    assert "to the head of school" in clash.theirs_text
    assert "to the principal." in clash.base_text
    # resolved by writing the passage (both changes), like a sync's conflict
    chosen = CONDUCT.replace("to the principal", "to the building principal or the head of school")
    conflicts.resolve(lib, "conduct", text=chosen)
    assert lib.draft_text("conduct") == chosen and conflicts.conflicts(lib) == []
    # the new model policy, taken on request; the next pull offers nothing again
    assert take_new_policy(lib, "masc", "KBA") == "public-visitors"
    assert lib.policy("public-visitors").code == "KBA"
    assert lib.draft_text("public-visitors") == "# KBA - Public Visitors\n\nVisitors sign in at the office.\n"
    assert pull_upstream(lib, "masc", update="again").lines() == [
        "No model policy changed since the last update taken from MASC."]
    assert verify(lib) == []
    assert git(lib.path, "status", "--porcelain") == ""


def test_a_model_change_the_district_did_not_adapt_is_taken_whole(district: Library, manual: Path) -> None:
    district.record_event("conduct", "adopted", "2015-06-01", legacy=True)
    (manual / "JIC.md").write_text(CONDUCT.replace("with respect", "with dignity and respect"))
    report = pull_upstream(district, "masc", update="Spring 2027")
    assert report.merged == ["conduct"] and report.conflicts == []
    assert report.redlines["conduct"].startswith("The draft compared with version 1.")
    assert district.draft_text("conduct") == CONDUCT.replace("with respect", "with dignity and respect").replace(
        "to the principal", "to the building principal")


def test_refusals_change_nothing(district: Library, manual: Path, tmp_path: Path, state_of) -> None:
    before = state_of(district.path)
    with pytest.raises(NotFound, match="no model manual called 'neola'"):
        pull_upstream(district, "neola")
    with pytest.raises(InvalidInput, match="already a model manual called 'masc'"):
        add_upstream(district, "masc", str(manual))
    with pytest.raises(InvalidInput, match="cannot name a model manual"):
        add_upstream(district, "../etc", str(manual))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InvalidInput, match="holds no model policy"):
        add_upstream(district, "empty", str(empty))
    with pytest.raises(NotFound, match="has no policy ZZZ"):
        take_new_policy(district, "masc", "ZZZ")
    assert state_of(district.path) == before


def test_a_model_manual_in_a_git_repository(tmp_library: Library, manual: Path, tmp_path: Path) -> None:
    repo = tmp_path / "models.git"
    work = tmp_path / "models-work"
    subprocess.run(["git", "init", "-q", "--bare", str(repo)], check=True)
    subprocess.run(["git", "clone", "-q", str(repo), str(work)], check=True, capture_output=True)
    (work / "IJNDC.md").write_text(PRIVACY)
    git(work, "add", "-A")
    git(work, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "models")
    git(work, "push", "-q", "origin", "HEAD")
    tmp_library.create_policy("website-privacy", "Website Privacy", "IJNDC", PRIVACY)
    add_upstream(tmp_library, "csba", str(repo), association="CSBA")
    (work / "IJNDC.md").write_text(PRIVACY.replace("one year", "three years"))
    git(work, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qam", "update")
    git(work, "push", "-q", "origin", "HEAD")
    report = pull_upstream(tmp_library, "csba", update="GAMUT update")
    assert report.merged == ["website-privacy"]
    assert "three years" in tmp_library.draft_text("website-privacy")


def test_upstream_on_the_command_line(capsys, district: Library, manual: Path) -> None:
    lib = ["--library", str(district.path)]
    (manual / "JIC.md").write_text(CONDUCT.replace("to the principal", "to the head of school"))
    (manual / "KBA.md").write_text("# Public Visitors\n\nVisitors sign in.\n")
    assert main([*lib, "upstream", "pull", "masc", "--update", "Fall 2026 update"]) == 0
    out = capsys.readouterr().out
    assert "change the same words in conduct: marked conflict" in out
    assert "Add it with: policyeditor upstream take masc KBA" in out
    assert main([*lib, "resolve", "conduct", "--take", "theirs"]) == 0
    assert district.draft_text("conduct") == CONDUCT.replace("to the principal", "to the head of school")
    assert main([*lib, "upstream", "take", "masc", "KBA", "--id", "visitors"]) == 0
    assert "Added the policy visitors" in capsys.readouterr().out


def _word(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Code of Conduct", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def test_a_model_manual_of_word_files(tmp_library: Library, tmp_path: Path) -> None:
    from policyeditor.ops.upstream import read_models

    folder = tmp_path / "word-models"
    folder.mkdir()
    _word(folder / "JIC.docx", ["Students treat one another with respect.", "Staff report bullying."])
    [model] = read_models(folder).values()
    assert model.code == "JIC" and model.title == "Code of Conduct"
    tmp_library.create_policy("conduct", "Code of Conduct", "JIC", model.text)
    add_upstream(tmp_library, "neola", str(folder), association="NEOLA")
    tmp_library.save_draft("conduct", model.text.replace("Staff report", "All staff report"))
    _word(folder / "JIC.docx", ["Students treat one another with dignity.", "Staff report bullying."])
    report = pull_upstream(tmp_library, "neola", update="Winter 2027")
    assert report.merged == ["conduct"]
    assert "with dignity." in tmp_library.draft_text("conduct")
    assert "All staff report" in tmp_library.draft_text("conduct")


def test_a_pull_prefills_the_draft_memo_and_the_first_reading_takes_it(district: Library, manual: Path,
                                                                        tmp_path: Path) -> None:
    from policyeditor.core.versions import Memo
    from policyeditor.ops.packet import library_packet

    lib = district
    lib.record_event("conduct", "adopted", "2015-06-01", legacy=True)
    lib.update_draft_memo("conduct", Memo(recommendation="Approve.", description="Our own note."))
    (manual / "JIC.md").write_text(CONDUCT.replace("with respect", "with dignity and respect"))
    assert pull_upstream(lib, "masc", update="Spring 2027").merged == ["conduct"]
    # kept text stays; the sentence is appended; the rest of the memo is untouched
    memo = lib.policy("conduct").draft_memo
    assert memo == Memo(recommendation="Approve.",
                        description="Our own note.\n\nRevisions recommended by MASC, Spring 2027.")
    assert lib.policy("website-privacy").draft_memo == Memo()      # its draft took nothing
    # the packet of the draft before its first reading prints it
    cover = library_packet(lib, lib.policy("conduct"), "first").memo
    assert "Revisions recommended by MASC, Spring 2027." in cover.description
    assert verify(lib) == []
    # the first reading starts the version's memo from it and clears it, in the same commit
    lib.record_event("conduct", "first_reading", lib.today().isoformat())
    policy = lib.policy("conduct")
    assert policy.version(2).memo == memo and policy.draft_memo == Memo()
    assert "draft_memo" not in (lib.path / "policies" / "conduct" / "policy.toml").read_text()
    assert git(lib.path, "status", "--porcelain") == ""
    assert verify(lib) == []
