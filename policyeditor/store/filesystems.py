"""Whether a folder is on a network file system (NFS, SMB/CIFS, sshfs...).

The tagging register is SQLite in WAL mode, whose shared-memory file does not
work over a network file system: two workstations, or one after a dropped
connection, can corrupt it. ``network_filesystem(path)`` names the network
file system a path is on, where that can be found out cheaply:

- Linux: the mount (from /proc/self/mountinfo) with the longest mount point
  containing the path, and its type;
- Windows: a UNC path, or a drive letter Windows reports as remote (a mapped
  network drive);
- macOS and others: the type ``mount`` lists for the longest mount point.

It answers None when the path is local or when it cannot tell.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NETWORK_TYPES = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "lustre",
    "gpfs", "9p", "davfs", "webdav", "afpfs", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.glusterfs",
    "fuse.s3fs", "fuse.davfs2",
}


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type ``path`` is on ("nfs4", "cifs", "network drive"...), else None.

    ``mounts``: the text of /proc/self/mountinfo (Linux) or of ``mount`` (macOS), read
    when not given.
    """
    path = Path(os.path.abspath(path))
    if sys.platform == "win32" and mounts is None:
        return _windows(path)
    if mounts is None:
        mounts = _read_mounts()
        if mounts is None:
            return None
    table = _mountinfo(mounts) if sys.platform.startswith("linux") else _mount_output(mounts)
    best, kind = "", ""
    for point, fstype in table:
        inside = path == Path(point) or Path(point) in path.parents
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind if kind.lower() in NETWORK_TYPES else None


def _read_mounts() -> str | None:
    try:
        if sys.platform.startswith("linux"):
            return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        return subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _unescape(field: str) -> str:
    """Mount points in mountinfo write a space as \\040 (and tab, newline, backslash likewise)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from /proc/self/mountinfo: '... mountpoint opts ... - type source opts'."""
    rows = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields or len(fields) < 5:
            continue
        dash = fields.index("-")
        if dash + 1 < len(fields):
            rows.append((_unescape(fields[4]), fields[dash + 1]))
    return rows


def _mount_output(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from macOS/BSD ``mount``: 'source on /point (type, options)'."""
    rows = []
    for line in text.splitlines():
        if " on " not in line or "(" not in line:
            continue
        rest = line.split(" on ", 1)[1]
        point, _, options = rest.rpartition(" (")
        rows.append((point, options.split(",")[0].strip(" )")))
    return rows


def _windows(path: Path) -> str | None:
    drive = path.drive
    if drive.startswith("\\\\"):
        return "network share"
    try:
        import ctypes

        if ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == 4:   # DRIVE_REMOTE
            return "network drive"
    except (AttributeError, OSError):
        return None
    return None
