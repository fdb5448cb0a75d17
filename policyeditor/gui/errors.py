"""The one error dialog: a plain message in front, technical details folded away.

A ``PolicyEditorError`` carries a message written for a clerk (what is wrong,
what to do); that is the dialog's text. Its ``details`` (git's stderr, say)
and the traceback go under "Show Details...". Any other exception is a bug or
an environment problem: the dialog says so in plain words and what to do, and
the traceback again only goes in the details. Never a traceback in the text.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from policyeditor.core.errors import PolicyEditorError


def tr(text: str) -> str:
    """Translate a string of this module's context."""
    return QCoreApplication.translate("errors", text)


def plain_message(exc: BaseException) -> str:
    """The text shown to the user for ``exc``: never technical."""
    if isinstance(exc, PolicyEditorError):
        return exc.message
    if isinstance(exc, MemoryError):
        return tr("The computer ran out of memory. Save your work, close other programs and try again.")
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return tr("A file could not be read or written{where}: {why}. "
                  "Check that the folder exists and that you may write to it, then try again."
                  ).format(where=where, why=exc.strerror)
    return tr("Something went wrong that policyeditor did not expect. Your text is kept; "
              "try again, and if it happens again, send the details below to whoever "
              "looks after policyeditor.")


def technical_details(exc: BaseException) -> str:
    """``exc.details`` (if any) then the traceback: for "Show Details..."."""
    parts = []
    details = getattr(exc, "details", "")
    if details:
        parts.append(str(details).rstrip())
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()
    if trace:
        parts.append(trace)
    return "\n\n".join(parts)


def build_error_box(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """The dialog for ``exc``, not shown (tests read it; ``show_error`` runs it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, PolicyEditorError)
                else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or tr("policyeditor"))
    box.setText(plain_message(exc))
    box.setTextFormat(box.textFormat().PlainText)
    details = technical_details(exc)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(tr("Error"))
    return box


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Show ``exc`` to the user in plain words and wait for OK."""
    build_error_box(parent, exc, title).exec()
