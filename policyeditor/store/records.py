"""Small records the store hands out (kept free of GitPython so importing them is cheap)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Author:
    """Who a commit is by: a person's name and e-mail address."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
