"""The window's commands, one module per feature.

Each feature declares its actions (``ACTIONS``: ``actions.ActionSpec`` rows
whose ``handler`` is a method of the feature) next to the methods that run
them. A feature works through the ``Session`` (the library, the loaded
policy, writes in the worker) and asks the user through ``session.prompts``;
it reads from the window only what the user chose there (the selected
version, the comparison, the reading of the memo, the draft editor).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class Feature:
    """A feature of the window: its ``ACTIONS`` and their handlers."""

    ACTIONS: tuple = ()
    context = "features"

    def __init__(self, session, window) -> None:
        self.session = session
        self.window = window

    @property
    def prompts(self):
        return self.session.prompts

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)

    def say(self, text: str, ms: int = 6000) -> None:
        self.session.say(text, ms)
