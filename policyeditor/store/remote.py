r"""The shared library's address: which addresses are accepted, and how git is run to reach it.

A library is shared through one git remote, named ``origin`` (as ``git clone``
names it). The address is checked before it is stored and again before every
sync (git's configuration can be edited by hand):

- accepted: ``https://host/path``, ``ssh://[user@]host[:port]/path``, the
  scp-like ``[user@]host:path``, ``file:///path``, ``file://server/share/path``
  (a Windows share), a UNC path ``\\server\share\path`` and an absolute folder
  path (for a bare repository on a file server). Folder names may hold spaces
  (``/srv/Board Policies/policies.git``, ``\\fileserver\Central Office\...``),
  in every kind of address but https (where a space is written ``%20``);
- refused: anything beginning with '-' (git or ssh would read it as an option),
  a space at either end, other whitespace or control characters (also
  percent-encoded), ``<transport>::``
  addresses such as ``ext::`` (they run commands), other schemes (http://,
  git://), and a user name or password inside an https address: it would sit in
  plain text in .git/config, so a credential helper keeps it instead.

The address reaches git only through GitPython's ``create_remote``/``set_url``
(which put ``--`` before it) and from then on through the configuration, never
on a command line. Network commands run with ``GIT_TERMINAL_PROMPT=0``, ssh in
batch mode and ``GIT_ALLOW_PROTOCOL=file:https:ssh``, so git never waits for a
password nobody can type, and no other transport can be used even if the
configuration was edited.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from policyeditor.core.errors import InvalidInput, LibraryError

if TYPE_CHECKING:
    from policyeditor.store.library import Library

REMOTE = "origin"
ALLOWED = (
    "an https:// or ssh:// address, user@host:path, a file:// address, "
    "or the full path of a shared folder"
)
_HOST = r"(?:[A-Za-z0-9_][A-Za-z0-9_.-]*|\[[0-9A-Fa-f:.]+\])"
_SCP = re.compile(rf"(?:(?P<user>[A-Za-z0-9_][A-Za-z0-9_.+-]*)@)?(?P<host>{_HOST}):(?P<path>[^-:].*)")
# git reads '<name>::<address>' as "run the helper git-remote-<name>" (transport.c: a leading
# scheme name directly followed by '::'); '::' elsewhere, as in ssh://[::1]/x, is only an address.
_TRANSPORT = re.compile(r"[A-Za-z0-9][A-Za-z0-9+.-]*::")
_ENCODED_CONTROL = re.compile(r"%(?:[01][0-9A-Fa-f]|7[Ff])")
# \\server\share\rest (or with '/'): a Windows file share, the server and share named.
_UNC = re.compile(r"[\\/]{2}(?P<host>[^\\/]+)[\\/](?P<share>[^\\/]+)(?P<rest>[\\/].*)?")
MAX_LENGTH = 2048


def _refuse(url: str, why: str) -> InvalidInput:
    shown = url if len(url) <= 80 and url.isprintable() else repr(url[:80])
    return InvalidInput(f"'{shown}' cannot be used as the shared library's address: {why}")


def check_remote_url(url: str) -> str:
    """``url`` when it is an acceptable address (see the module docstring); InvalidInput otherwise."""
    if not isinstance(url, str) or not url:
        raise InvalidInput(f"Write the shared library's address: {ALLOWED}.")
    if len(url) > MAX_LENGTH:
        raise _refuse(url[:60] + "...", f"it is longer than {MAX_LENGTH} characters.")
    if url != url.strip(" ") or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in url) \
            or _ENCODED_CONTROL.search(url):
        raise _refuse(url, "it contains invisible characters or spaces at its ends. "
                           "Copy the address again, without them.")
    if " " in url and url.lower().startswith("https://"):
        raise _refuse(url, "an https address has no spaces (a space in it is written %20).")
    if url.startswith("-"):
        raise _refuse(url, f"an address never begins with '-'. Use {ALLOWED}.")
    if _TRANSPORT.match(url):
        raise _refuse(url, f"addresses naming a git transport ('ext::', '...::') are not allowed. Use {ALLOWED}.")
    lower = url.lower()
    if lower.startswith("https://"):
        _check_https(url)
    elif lower.startswith("ssh://"):
        _check_ssh(url)
    elif lower.startswith("file://"):
        local_path(url)
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        hint = " Use https:// instead: it is encrypted." if scheme.lower() == "http" else ""
        raise _refuse(url, f"'{scheme}://' addresses are not allowed.{hint} Use {ALLOWED}.")
    elif _is_unc(url):
        _check_unc(url)
    elif not _is_local(url) and not _SCP.fullmatch(url):
        raise _refuse(url, f"it is not an address policyeditor can use. Use {ALLOWED}.")
    return url


def _check_host(url: str, host: str | None) -> None:
    if not host:
        raise _refuse(url, "it names no server.")
    if host.startswith("-"):
        raise _refuse(url, "a server's name never begins with '-'.")


def _check_https(url: str) -> None:
    parts = urlsplit(url)
    if "@" in parts.netloc:
        raise _refuse(
            url,
            "it contains a user name or password. Do not put them in the address (they would be "
            "stored in plain text); use the address without them and let a git credential helper "
            "keep the password, for example 'git config --global credential.helper store' "
            "(or Git Credential Manager on Windows).",
        )
    _check_host(url, parts.hostname)
    _check_port(url, parts)


def _check_ssh(url: str) -> None:
    parts = urlsplit(url)
    if parts.password is not None:
        raise _refuse(url, "it contains a password. Use an ssh key instead; never put a password in an address.")
    if parts.username is not None and parts.username.startswith("-"):
        raise _refuse(url, "a user name never begins with '-'.")
    _check_host(url, parts.hostname)
    _check_port(url, parts)
    if parts.path in ("", "/"):
        raise _refuse(url, "it names no repository on the server.")


def _check_port(url: str, parts) -> None:
    try:
        parts.port
    except ValueError:
        raise _refuse(url, "the port after ':' is not a number.") from None


def _is_local(url: str) -> bool:
    return Path(url).is_absolute()


def _is_unc(url: str) -> bool:
    r"""``\\server\share...``: a Windows share (``//server/share`` is an absolute path elsewhere)."""
    return url.startswith("\\\\") or (url.startswith("//") and os.name == "nt")


def _check_unc(url: str) -> None:
    match = _UNC.fullmatch(url)
    if match is None:
        raise _refuse(url, "a shared folder's address names the server, the share and the folder, "
                           "like \\\\fileserver\\Central Office\\policies.git.")
    if match["host"].startswith("-"):
        raise _refuse(url, "a server's name never begins with '-'.")


def local_path(url: str) -> Path | None:
    r"""The folder a file:// address, a UNC path or an absolute path names; None for a network address.

    ``file://server/share/path`` is the Windows share ``\\server\share\path``
    (as Git for Windows reads it); elsewhere a share is reached through the
    folder where it is mounted.
    """
    if url.lower().startswith("file://"):
        parts = urlsplit(url)
        if not parts.path.startswith("/") or parts.path.strip("/") == "":
            raise _refuse(url, "a file:// address names a folder, like file:///srv/policies.git "
                               "or file://fileserver/share/policies.git.")
        path = unquote(parts.path)
        if parts.netloc not in ("", "localhost"):
            if parts.netloc.startswith("-") or "@" in parts.netloc:
                raise _refuse(url, "it does not name a file server the way a file:// address does.")
            if len(PurePosixPath(path).parts) < 3:
                raise _refuse(url, "a file://server/ address names the share and the folder, "
                                   "like file://fileserver/share/policies.git.")
            return _unc_path(parts.netloc, path)
        if os.name == "nt" and re.match(r"/[A-Za-z]:", path):
            path = path[1:]   # file:///C:/share/policies.git
        return Path(path)
    if _is_unc(url):
        return Path(url) if os.name == "nt" else Path(url.replace("\\", "/"))
    return Path(url) if _is_local(url) else None


def _unc_path(server: str, path: str) -> Path:
    r"""``\\server\path`` on Windows; ``//server/path`` elsewhere (never there unless mounted so)."""
    if os.name == "nt":
        return Path(f"\\\\{server}{path.replace('/', chr(92))}")
    return Path(f"//{server}{path}")


def _check_shared_folder(url: str) -> None:
    """A local address must name an existing bare repository (a shared library, not a workstation's)."""
    folder = local_path(url)
    if folder is None:
        return
    if not folder.is_dir() and os.name != "nt" and (_is_unc(url) or urlsplit(url).netloc not in ("", "localhost")):
        raise InvalidInput(
            f"{url} is a Windows file share, which this computer reaches only through a folder where "
            "the share is mounted. Mount the share and use that folder's path (spaces are fine)."
        )
    if not folder.is_dir():
        raise InvalidInput(
            f"There is no shared library at {folder}. Ask whoever looks after the file server to "
            f"create one with 'git init --bare {folder}', or check the path, then try again."
        )
    bare = (folder / "HEAD").is_file() and (folder / "objects").is_dir() and (folder / "refs").is_dir()
    if not bare:
        raise InvalidInput(
            f"{folder} is not a shared library: a shared library is a bare git repository (made with "
            "'git init --bare'), not a library folder of a workstation. Check the path."
        )


def network_env(ssh_configured: bool = False) -> dict[str, str]:
    """Git's environment for fetch, push and clone: no prompts, only file, https and ssh."""
    env = {
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_ALLOW_PROTOCOL": "file:https:ssh",
        "GIT_HTTP_LOW_SPEED_LIMIT": "1",
        "GIT_HTTP_LOW_SPEED_TIME": "60",
    }
    if not (ssh_configured or os.environ.get("GIT_SSH_COMMAND") or os.environ.get("GIT_SSH")):
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=30"
    return env


def remote_url(lib: "Library") -> str:
    """The shared library's address as stored in the library's git configuration ('' when none)."""
    return lib.repo().config_value(f"remote.{REMOTE}.url")


def set_remote(lib: "Library", url: str) -> str:
    """Make ``url`` the shared library's address (checked first; nothing stored when refused)."""
    from policyeditor.store.gitrepo import GitFailed

    check_remote_url(url)
    _check_shared_folder(url)
    try:
        lib.repo().set_remote_url(REMOTE, url)
    except GitFailed as exc:
        raise LibraryError(
            "The shared library's address could not be stored in the library's git settings. "
            "The details say why.",
            details=exc.stderr,
        ) from exc
    return url


def forget_remote(lib: "Library") -> None:
    """Remove the shared library's address (the window does so when a newly typed one failed)."""
    from policyeditor.store.gitrepo import GitFailed

    try:
        lib.repo().delete_remote(REMOTE)
    except GitFailed as exc:
        raise LibraryError("The shared library's address could not be removed from the library's "
                           "git settings. The details say why.", details=exc.stderr) from exc
