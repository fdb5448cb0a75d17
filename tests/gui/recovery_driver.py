"""Test driver (not a test): start the real window on a library, type into a
policy's draft, wait for the autosave, say so, then wait to be killed.

    python recovery_driver.py LIBRARY POLICY_ID TEXT

POLICYEDITOR_DATA_DIR / POLICYEDITOR_CONFIG_DIR come from the environment.
Prints "AUTOSAVED" once the recovery file holds the typed text.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from policyeditor.gui.app import build_window, create_application


def main(library: str, policy_id: str, text: str) -> None:
    app = create_application()
    window = build_window(library=library)
    window.show()
    deadline = time.monotonic() + 60
    while len(window.policy_list.model.rows()) == 0 and time.monotonic() < deadline:
        app.processEvents()
        window.session.runner.wait_idle(100)
    window.policy_list.select(policy_id)
    while (window.session.data is None or window.session.data.policy.id != policy_id) and time.monotonic() < deadline:
        window.session.runner.wait_idle(100)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    QTest.keyClicks(window.editor, text)
    window.session.autosaver.written.connect(lambda: print("AUTOSAVED", flush=True))
    app.exec()   # runs until killed; the autosave timer fires on its own


if __name__ == "__main__":
    main(*sys.argv[1:4])
