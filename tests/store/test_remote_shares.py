"""A shared library on a file server: folder names with spaces, Windows shares (UNC paths,
file://server/share), checked by store.remote like every address and used by real syncs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from policyeditor.core.errors import InvalidInput
from policyeditor.store import Author, Library
from policyeditor.store.remote import check_remote_url, local_path, remote_url, set_remote
from policyeditor.store.sync import clone_library, sync


def git(path: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(path), *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("url", [
    "/srv/Board Policies/policies.git",
    r"\\fileserver\Central Office\policies.git",
    r"\\fileserver.district.local\policies$\manual.git",
    "file://fileserver/share/policies.git",
    "file://fileserver/Central Office/policies.git",
    "file:///srv/Board%20Policies/policies.git",
    "file:///srv/Board Policies/policies.git",
    "ssh://fileserver/srv/Board Policies/policies.git",
    "fileserver:/srv/Board Policies/policies.git",
])
def test_file_server_addresses_are_accepted(url: str) -> None:
    assert check_remote_url(url) == url


@pytest.mark.parametrize("url", [
    " /srv/policies.git",                       # a space at either end: a copy-paste slip
    "/srv/policies.git ",
    "/srv/Board\tPolicies/policies.git",        # other whitespace stays refused
    "/srv/Board\u00a0Policies/policies.git",
    "https://gitlab.example.org/Board Policies.git",
    r"\\-oProxyCommand=x\share\policies.git",
    r"\\fileserver",
    "file://-oProxyCommand=x/share/policies.git",
    "file://user@fileserver/share/policies.git",
    "file://fileserver/policies.git",            # the share and a folder are both needed
    "file://fileserver/",
])
def test_unusable_file_server_addresses_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput):
        check_remote_url(url)


@pytest.mark.skipif(os.name == "nt", reason="the POSIX reading of a Windows share")
def test_a_windows_share_is_a_path_on_windows_and_a_mount_elsewhere(tmp_library: Library) -> None:
    assert local_path("file://fileserver/Central%20Office/policies.git") == Path("//fileserver/Central Office/policies.git")
    assert local_path(r"\\fileserver\Central Office\policies.git") == Path("//fileserver/Central Office/policies.git")
    for url in (r"\\fileserver\Central Office\policies.git", "file://fileserver/share/policies.git"):
        with pytest.raises(InvalidInput, match="Mount the share and use that folder's path"):
            set_remote(tmp_library, url)
    assert remote_url(tmp_library) == ""


@pytest.fixture
def board_share(tmp_path: Path) -> Path:
    """A bare shared library in a folder whose names hold spaces, as on a district file server."""
    folder = tmp_path / "Board Policies" / "Central Office" / "policies.git"
    folder.parent.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", str(folder)], check=True)
    return folder


@pytest.mark.parametrize("form", ["path", "file:// with %20", "file:// with spaces"])
def test_a_library_is_shared_through_a_folder_with_spaces(form, board_share, tmp_library, tmp_path) -> None:
    url = {"path": str(board_share), "file:// with %20": board_share.as_uri(),
           "file:// with spaces": f"file://{board_share}"}[form]
    assert " " in url or "%20" in url
    tmp_library.create_policy("dress-code", "Dress Code", "JICA", "Students dress for learning.\n")
    set_remote(tmp_library, url)
    sync(tmp_library)
    assert git(board_share, "rev-parse", "main") == git(tmp_library.path, "rev-parse", "HEAD")

    with clone_library(url, tmp_path / "Clerk's Copy" / "policies", author=Author("Clerk", "c@example.org")) as clerk:
        assert "dress-code" in clerk.policy_ids()
        assert remote_url(clerk) == url
