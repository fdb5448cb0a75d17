"""The word-processor editor of a policy's draft (see widget.DraftEditor).

``convert`` maps the text model to a QTextDocument and back, ``paste`` keeps
only bold, italic and lists from pasted HTML, ``find_bar`` is find/replace.
"""

from __future__ import annotations

from policyeditor.gui.editor.find_bar import FindBar
from policyeditor.gui.editor.widget import DraftEditor

__all__ = ["DraftEditor", "FindBar"]
