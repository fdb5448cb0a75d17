"""Small records the store hands out (kept free of GitPython so importing them is cheap)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Author:
    """Who a commit is by: a person's name and e-mail address."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class HistoryEntry:
    """One commit of a policy's history (``Library.history``, newest first)."""

    commit: str
    author: str
    when: datetime
    message: str
