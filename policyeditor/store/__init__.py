"""The library on disk: a git repository of policies (the only place importing GitPython).

    from policyeditor.store import Library, Author

``Library`` (store/library.py) opens, creates, reads and writes a library;
GitPython is loaded only when git is needed (writing, verify, sync,
reading an old version's text), so commands that only read records start fast.
"""

from __future__ import annotations

from policyeditor.store.library import Library
from policyeditor.store.records import Author

__all__ = ["Library", "Author"]
