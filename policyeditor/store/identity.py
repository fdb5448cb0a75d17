"""Who commits: the author of every save, never left to git to guess.

Order: the user's settings (name, e-mail), then git's own configuration
(user.name, user.email), then the operating-system user with
``user@hostname``. A fresh workstation therefore never meets git's
"Please tell me who you are".
"""

from __future__ import annotations

import getpass
import socket
from typing import TYPE_CHECKING

from policyeditor.store.records import Author
from policyeditor.store.usersettings import UserSettings

if TYPE_CHECKING:
    from policyeditor.store.gitrepo import GitRepo


def os_user() -> str:
    """The operating system's name for the person logged in ('policyeditor' if none)."""
    try:
        return getpass.getuser() or "policyeditor"
    except (OSError, KeyError, ImportError):
        return "policyeditor"


def resolve_author(repo: "GitRepo | None" = None, settings: UserSettings | None = None) -> Author:
    """The commit author: settings, then git config, then the OS user."""
    settings = settings or UserSettings.load()
    name = settings.name or (repo.config_value("user.name") if repo else "") or os_user()
    email = settings.email or (repo.config_value("user.email") if repo else "")
    if not email:
        host = socket.gethostname() or "localhost"
        email = f"{os_user()}@{host}"
    return Author(name, email)
