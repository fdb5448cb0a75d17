"""The tagging register stays on a local disk: a network file system is recognised and refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from policyeditor.core.errors import RegisterError
from policyeditor.store import filesystems
from policyeditor.store.filesystems import network_filesystem
from policyeditor.store.register import Register

MOUNTINFO = r"""22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda rw
45 22 0:40 / /srv/Board\040Policies rw,relatime shared:5 - nfs4 fileserver:/export rw,vers=4.2
46 22 0:41 / /mnt/share rw,relatime shared:6 - cifs //fileserver/Central\040Office rw,vers=3.1.1
47 22 0:42 / /home/clerk/remote rw,nosuid - fuse.sshfs clerk@fileserver:/home rw
48 22 0:43 / /tmp rw - tmpfs tmpfs rw
"""

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/mountinfo")


@linux_only
@pytest.mark.parametrize(("path", "kind"), [
    ("/srv/Board Policies/data", "nfs4"),
    ("/srv/Board Policies", "nfs4"),
    ("/mnt/share/policyeditor", "cifs"),
    ("/home/clerk/remote/x", "fuse.sshfs"),
    ("/srv/Board", None),                 # a name that begins like a mount point is not inside it
    ("/home/clerk/.local/share/policyeditor", None),
    ("/tmp/x", None),
])
def test_network_mounts_are_recognised(path: str, kind: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTINFO) == kind


def test_macos_mount_lines_are_read() -> None:
    text = ("/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
            "//clerk@fileserver/Central%20Office on /Volumes/Central Office (smbfs, nodev, nosuid, mounted by clerk)\n")
    assert filesystems._mount_output(text) == [("/", "apfs"), ("/Volumes/Central Office", "smbfs")]


@linux_only
def test_this_machines_temporary_folder_is_local(tmp_path: Path) -> None:
    assert network_filesystem(tmp_path) is None


@linux_only
def test_the_register_refuses_a_network_folder_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    """No network mount can be made here: the mount table is the one thing replaced."""
    table = MOUNTINFO + f"49 22 0:44 / {tmp_path} rw - nfs4 fileserver:/home rw\n"
    monkeypatch.setattr(filesystems, "_read_mounts", lambda: table)
    with pytest.raises(RegisterError, match="network file system \\(nfs4\\).*POLICYEDITOR_DATA_DIR"):
        Register.open(tmp_path / "data" / "register.sqlite")
    assert list((tmp_path / "data").iterdir()) == []
    monkeypatch.undo()
    with Register.open(tmp_path / "data" / "register.sqlite"):
        pass
