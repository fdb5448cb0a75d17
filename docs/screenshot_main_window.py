"""Take docs/main-window.png: the main window on the demo library, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshot_main_window.py

The demo library is made in a temporary folder (user settings and data there
too), the Website Privacy Policy is opened with its draft against the version
in force, and the window is grabbed with QWidget.grab().
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "main-window.png"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="policyeditor-shot-"))
    os.environ["POLICYEDITOR_CONFIG_DIR"] = str(home / "config")
    os.environ["POLICYEDITOR_DATA_DIR"] = str(home / "data")
    from PySide6.QtCore import QSize

    from policyeditor.gui.app import build_window, create_application

    app = create_application()
    window = build_window(demo=True)
    window.resize(QSize(1280, 800))
    window.show()
    while not window.policy_list.model.rows():
        window.session.runner.wait_idle(200)
    window.policy_list.select("website-privacy")
    while window.session.data is None:
        window.session.runner.wait_idle(200)
    window.session.runner.wait_idle(30000)
    app.processEvents()
    window.grab().save(str(OUT))
    window.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
