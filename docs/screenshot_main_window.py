"""Take the screenshots in docs/: the main window on the demo library, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshot_main_window.py

The demo library is made in a temporary folder (user settings and data there
too), and grabbed with QWidget.grab():

- main-window.png: the Website Privacy Policy, its draft against the version in force;
- versions-correction.png: Acceptable Use's versions after a corrected adoption date
  (the date marked "corrected", the correction's tooltip text below the window);
- draft-changed.png: the question asked when the draft was saved elsewhere
  meanwhile (their text changed into mine, as a redline);
- identity.png: "Who is working?", asked before the first commit.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "main-window.png"


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
    print(OUT)
    shoot_correction(app, window)
    shoot_dialogs(app, window)
    window.editor.document().setModified(False)
    window.close()
    return 0


def shoot_correction(app, window) -> None:
    from datetime import timedelta

    from PySide6.QtCore import Qt

    session = window.session
    lib = session.lib
    v2 = lib.policy("acceptable-use").version(2)
    session.runner.run("shot", lambda: lib.correct_event(
        "acceptable-use", 2, "adopted", v2.adopted + timedelta(days=1),
        "The minutes of the meeting give the next day; the date was mistyped."), lambda _v: None, serial=True)
    session.runner.wait_idle(30000)
    window.policy_list.select("acceptable-use")
    while session.data is None or session.data.policy.id != "acceptable-use":
        session.runner.wait_idle(200)
    session.runner.wait_idle(30000)
    assert session.data.policy.version(2).corrections, "the correction was not recorded"
    window.show_versions()
    window.versions.select_version(2)
    app.processEvents()
    model = window.versions.model
    tip = model.data(model.index(model.row_of(2), 4), Qt.ToolTipRole)
    window.statusBar().showMessage(tip.splitlines()[-1] if tip else "", 0)
    app.processEvents()
    path = DOCS / "versions-correction.png"
    window.grab().save(str(path))
    print(path)


def shoot_dialogs(app, window) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from policyeditor.core import textmodel as tm
    from policyeditor.gui.redline_html import compute_redline
    from policyeditor.gui.settings_dialog import IdentityDialog

    def grab_and_close(name: str) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, lambda: grab_and_close(name))
            return
        app.processEvents()
        dialog.grab().save(str(DOCS / name))
        print(DOCS / name)
        dialog.reject()

    lib = window.session.lib
    theirs = lib.draft_text("acceptable-use")
    mine = theirs.replace("\n\n", "\n\nStudents sign the agreement every year.\n\n", 1)
    theirs = theirs + "\nAdded on the command line by the superintendent's office.\n"
    QTimer.singleShot(100, lambda: grab_and_close("draft-changed.png"))
    window.session.prompts.ask_choice(
        "The draft was changed elsewhere",
        "The draft of Acceptable Use was saved by someone else (another window, the command line or "
        "another workstation) since you opened it. Below, their text is shown changed into yours: "
        "struck words are theirs only, underlined words yours only.\n\nKeep your text (their changes "
        "are replaced), take their text (your changes are dropped), or cancel and compare first?",
        [("mine", "&Keep my text"), ("theirs", "&Take their text")],
        compute_redline(theirs, tm.parse(mine)).html)
    dialog = IdentityDialog(parent=window)
    dialog.name_edit.setText("Pat Clerk")
    dialog.email_edit.setText("pat@district.org")
    QTimer.singleShot(100, lambda: grab_and_close("identity.png"))
    dialog.exec()
    assert isinstance(dialog, QDialog)


if __name__ == "__main__":
    sys.exit(main())
