"""The composition root: the QApplication, the user's settings, the window.

``run(library, demo)`` is what ``policyeditor gui`` calls. It sets the
application up (names, icon, translations), reads the user's settings, builds
the main window and decides what it opens: the demo (``--demo``), the library
named on the command line or in $POLICYEDITOR_LIBRARY, the library opened
last, or, on a first run, a dialog offering to open a folder, create a
library or open the demo. The library itself is opened in a worker, so the
window appears at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from policyeditor.gui.actions import ICON_DIR
from policyeditor.resources import folder

TRANSLATIONS = folder("translations")   # policyeditor/resources/translations


def create_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, set up once (names, icon, translations)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName("policyeditor")
    QCoreApplication.setOrganizationName("policyeditor")
    app.setApplicationDisplayName("policyeditor")
    app.setWindowIcon(QIcon(str(ICON_DIR / "policyeditor.svg")))
    _install_translations(app)
    return app


def _install_translations(app: QApplication) -> None:
    """Qt's own strings and ours, in the user's language when a file exists."""
    if getattr(app, "_policyeditor_translators", None) is not None:
        return
    translators = []
    locale = QLocale()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    ours = QTranslator(app)
    if ours.load(locale, "policyeditor", "_", str(TRANSLATIONS)):
        translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    app._policyeditor_translators = translators


def load_user_settings():
    """The user's settings; a broken file is reported and the defaults are used."""
    from policyeditor.core.errors import PolicyEditorError
    from policyeditor.store.usersettings import UserSettings

    try:
        return UserSettings.load(), None
    except PolicyEditorError as exc:
        return UserSettings(), exc


def build_window(library: str | None = None, demo: bool = False, prompts=None):
    """The main window, told what to open (it opens it in a worker).

    ``prompts``: how the window asks the user (default: Qt's dialogs; tests
    pass a scripted stand-in, see gui/prompts.py)."""
    from policyeditor.gui.mainwindow import MainWindow

    settings, problem = load_user_settings()
    window = MainWindow(settings, prompts=prompts)
    prompts = window.session.prompts
    if problem is not None:
        QTimer.singleShot(0, window, lambda: prompts.show_error(problem))
    if demo:
        window.library.open_demo()
    elif library:
        window.library.open_library_at(library)
    elif settings.library and Path(settings.library).is_dir():
        window.library.open_library_at(settings.library)
    else:
        QTimer.singleShot(0, window, window.library.offer_first_run)
    return window


def run(library: str | None = None, demo: bool = False) -> int:
    """Show the window and run until it is closed; the process's exit status."""
    app = create_application()
    window = build_window(library, demo)
    # Quit when this window closes, not when "the last window" does: another
    # top-level window still shown (a test's, a stray dialog) would keep
    # exec() running for ever after the user closed the main window.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    window.closed.connect(lambda: app.exit(0))   # quit() would close every other window too
    window.show()
    try:
        return app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_last)
        window.deleteLater()
