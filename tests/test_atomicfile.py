"""The project's one atomic writer: whole files, the user's umask, no leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from policyeditor import atomicfile
from policyeditor.export.output import write_atomic

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


@pytest.fixture
def umask():
    def set_to(value: int) -> None:
        os.umask(value)
    old = os.umask(0o022)
    yield set_to
    os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_get_the_users_umask(tmp_path: Path, umask, mask: int, mode: int) -> None:
    umask(mask)
    atomicfile.write_bytes(tmp_path / "a.toml", b"x")
    atomicfile.write_text(tmp_path / "b.html", "y")
    with atomicfile.atomic_output(tmp_path / "c.csv", text=True, encoding="utf-8") as out:
        out.write("z")
    for name in ("a.toml", "b.html", "c.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == mode, name


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    target = tmp_path / "private.csv"
    target.write_text("old")
    target.chmod(0o600)
    atomicfile.write_text(target, "new")
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o600


def test_an_exported_pdf_or_docx_is_not_owner_only(tmp_path: Path, umask) -> None:
    def renderer(tmp: Path) -> None:  # like Qt or python-docx: it makes the file its own way
        tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, b"%PDF-1.4")
        os.close(fd)

    write_atomic(tmp_path / "packet.pdf", renderer)
    assert (tmp_path / "packet.pdf").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomicfile.atomic_output(target) as out:
            out.write(b"half")
            raise RuntimeError("renderer failed")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["site.html"]


def test_leftovers_of_dead_processes_are_removed_and_a_running_writers_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead_part = tmp_path / f".out.csv.pe{int(dead.stdout)}-0123abcd.part"
    live_part = tmp_path / f".out.csv.pe{os.getpid()}-0123abcd.part"
    other = tmp_path / f".notes.txt.pe{int(dead.stdout)}-0123abcd.part"
    for part in (dead_part, live_part, other):
        part.write_text("personal data")
    assert atomicfile.remove_leftovers(tmp_path, "out.csv") == [dead_part]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live_part.name, other.name])
    assert atomicfile.remove_leftovers(tmp_path) == [other]


def test_text_is_written_a_slice_at_a_time_whole_and_exact(tmp_path, monkeypatch):
    # write_text encodes a slice at a time (a large page is not copied into bytes whole):
    # characters of any width across the slices' edges come out as one encoding of the text
    from policyeditor import atomicfile

    monkeypatch.setattr(atomicfile, "_SLICE", 3)
    text = "a\u00e9\u65e5\U0001f600b\n" * 7 + "end"
    target = atomicfile.write_text(tmp_path / "page.html", text)
    assert target.read_bytes() == text.encode("utf-8")
    # a text that cannot be encoded (a lone surrogate) leaves nothing behind, as before
    import pytest

    with pytest.raises(UnicodeEncodeError):
        atomicfile.write_text(tmp_path / "bad.html", "ok" * 5 + "\ud800")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
