"""Every action of the window, declared once, as data.

A row (``ActionSpec``) says what the user sees (text, tip, shortcut, icon)
and which method runs it (``handler``, a method of the object that declares
the row: the window for editing and views, ``WINDOW_ACTIONS`` here; each
feature module in ``gui/features`` for its commands). ``build_actions`` turns
the rows into QActions, translated through ``QCoreApplication.translate(
"actions", ...)``, with icons from the desktop theme and the bundled SVG in
``resources/icons/<icon>.svg`` as the fallback. ``MENU_LAYOUT`` and
``TOOLBAR_LAYOUT`` place them, so a shortcut or a text lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from policyeditor.resources import folder

ICON_DIR = folder("icons")   # policyeditor/resources/icons, wherever the package is installed
Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action: ``name`` is its object name and key in ``window.actions``."""

    name: str
    menu: str
    text: str
    handler: str
    shortcut: Key | str | None = None
    icon: str = ""               # bundled resources/icons/<icon>.svg
    theme: str = ""              # freedesktop icon theme name tried first
    tip: str = ""
    checkable: bool = False
    toolbar: bool = False
    needs_policy: bool = False   # disabled until a policy is open
    needs_library: bool = False  # disabled until a library is open


def _n(text: str) -> str:
    return QT_TRANSLATE_NOOP("actions", text)


MENUS = (
    ("file", _n("&File")), ("edit", _n("&Edit")), ("format", _n("F&ormat")),
    ("policy", _n("&Policy")), ("view", _n("&View")), ("help", _n("&Help")),
)

S = ActionSpec

#: The window's own actions (editing, formatting, views, help): presentation,
#: handled by the window. The commands on the library are declared by the
#: feature modules (gui/features), each next to its handlers.
WINDOW_ACTIONS: tuple[ActionSpec, ...] = (
    S("quit", "file", _n("&Quit"), "close", Key.Quit, "", "application-exit", _n("Close policyeditor")),

    S("undo", "edit", _n("&Undo"), "undo", Key.Undo, "undo", "edit-undo", _n("Undo the last change"),
      toolbar=True, needs_policy=True),
    S("redo", "edit", _n("&Redo"), "redo", Key.Redo, "redo", "edit-redo", _n("Redo"), toolbar=True,
      needs_policy=True),
    S("cut", "edit", _n("Cu&t"), "cut", Key.Cut, "", "edit-cut", needs_policy=True),
    S("copy", "edit", _n("&Copy"), "copy", Key.Copy, "", "edit-copy", needs_policy=True),
    S("paste", "edit", _n("&Paste"), "paste", Key.Paste, "", "edit-paste",
      _n("Paste, keeping bold, italic and lists"), needs_policy=True),
    S("find", "edit", _n("&Find and Replace..."), "open_find", Key.Find, "find", "edit-find",
      _n("Find and replace words in the draft"), toolbar=True, needs_policy=True),
    S("find_next", "edit", _n("Find &Next"), "find_next", Key.FindNext, "", "", needs_policy=True),
    S("find_previous", "edit", _n("Find Pre&vious"), "find_previous", Key.FindPrevious, "", "",
      needs_policy=True),

    S("bold", "format", _n("&Bold"), "bold", Key.Bold, "bold", "format-text-bold", _n("Bold"),
      checkable=True, toolbar=True, needs_policy=True),
    S("italic", "format", _n("&Italic"), "italic", Key.Italic, "italic", "format-text-italic",
      _n("Italic"), checkable=True, toolbar=True, needs_policy=True),
    S("link", "format", _n("&Link..."), "link", "Ctrl+K", "link", "insert-link",
      _n("Make the selected words a link"), toolbar=True, needs_policy=True),
    S("paragraph", "format", _n("&Normal Text"), "paragraph", "Ctrl+0", "", "", needs_policy=True),
    S("heading1", "format", _n("Heading &1"), "heading1", "Ctrl+1", "heading", "", needs_policy=True),
    S("heading2", "format", _n("Heading &2"), "heading2", "Ctrl+2", "", "", needs_policy=True),
    S("heading3", "format", _n("Heading &3"), "heading3", "Ctrl+3", "", "", needs_policy=True),
    S("bullets", "format", _n("B&ulleted List"), "bullets", "Ctrl+Shift+L", "bullets",
      "format-list-unordered", _n("Bulleted list"), toolbar=True, needs_policy=True),
    S("numbers", "format", _n("Numbered Li&st"), "numbers", "Ctrl+Shift+O", "numbers",
      "format-list-ordered", _n("Numbered list"), toolbar=True, needs_policy=True),
    S("quotation", "format", _n("&Quotation"), "quotation", None, "", "format-indent-more",
      _n("An indented quotation"), needs_policy=True),
    S("insert_table", "format", _n("Insert &Table"), "insert_table", None, "", "insert-table",
      _n("A table of two columns: a header row and one row"), needs_policy=True),
    S("add_table_row", "format", _n("Add Table &Row"), "add_table_row", None, "", "",
      _n("A row below the current one"), needs_policy=True),
    S("add_table_column", "format", _n("Add Table Colu&mn"), "add_table_column", None, "", "",
      _n("A column right of the current one"), needs_policy=True),
    S("indent", "format", _n("In&dent List Item"), "indent", "Ctrl+]", "", "format-indent-more",
      needs_policy=True),
    S("outdent", "format", _n("&Outdent List Item"), "outdent", "Ctrl+[", "", "format-indent-less",
      needs_policy=True),

    S("filter", "view", _n("&Search Policies"), "focus_filter", "Ctrl+L", "", "",
      _n("Search titles, codes and text of the policies"), needs_library=True),
    S("show_draft", "view", _n("&Draft and Redline"), "show_draft", "Alt+1", "", "", needs_policy=True),
    S("show_versions", "view", _n("&Versions and Timeline"), "show_versions", "Alt+2", "", "",
      needs_policy=True),
    S("show_memo", "view", _n("&Memo"), "show_memo", "Alt+3", "", "", needs_policy=True),

    S("about", "help", _n("&About policyeditor"), "about", None, "", "help-about"),
)

#: Where each action sits: menus in order, "|" a separator between groups.
MENU_LAYOUT: dict[str, tuple[str, ...]] = {
    "file": ("open_library", "new_library", "open_demo", "|", "import_documents", "|", "save", "save_with_message", "|",
             "export_packet", "export_packet_docx", "export_redline", "export_redline_docx",
             "export_redline_html", "publish_site", "tag_data", "|", "sync", "|", "settings", "|", "quit"),
    "edit": ("undo", "redo", "|", "cut", "copy", "paste", "|", "find", "find_next", "find_previous"),
    "format": ("bold", "italic", "link", "|", "paragraph", "heading1", "heading2", "heading3", "|",
               "bullets", "numbers", "indent", "outdent", "|", "quotation", "insert_table", "add_table_row",
               "add_table_column"),
    "policy": ("new_policy", "policy_details", "record_event", "correct_event", "resolve_conflict",
               "model_updates", "|", "district", "|", "refresh"),
    "view": ("filter", "|", "show_draft", "show_versions", "show_memo"),
    "help": ("about",),
}

#: The tool bar, in order, "|" a separator.
TOOLBAR_LAYOUT: tuple[str, ...] = ("save", "|", "export_packet", "|", "undo", "redo", "|", "find", "|",
                                   "bold", "italic", "link", "|", "bullets", "numbers", "|", "record_event")


def tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def icon_for(spec: ActionSpec) -> QIcon:
    """The theme's icon, else the bundled SVG (else no icon)."""
    fallback = QIcon(str(ICON_DIR / f"{spec.icon}.svg")) if spec.icon else QIcon()
    return QIcon.fromTheme(spec.theme, fallback) if spec.theme else fallback


def build_actions(owners, parent: QWidget) -> dict[str, QAction]:
    """QActions for every row of ``owners`` (``(object, specs)`` pairs), each
    triggering ``getattr(object, spec.handler)``; ``parent`` owns them."""
    actions: dict[str, QAction] = {}
    for owner, specs in owners:
        for spec in specs:
            if spec.name in actions:
                raise ValueError(f"two actions are called {spec.name}")
            actions[spec.name] = _action(spec, getattr(owner, spec.handler), parent)
    return actions


def _action(spec: ActionSpec, handler: Callable, parent: QWidget) -> QAction:
    action = QAction(icon_for(spec), tr(spec.text), parent)
    action.setObjectName(spec.name)
    action.setProperty("needs", "policy" if spec.needs_policy else "library" if spec.needs_library else "")
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    tip = tr(spec.tip) if spec.tip else tr(spec.text).replace("&", "").rstrip(".")
    if not action.shortcut().isEmpty():
        tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tr(spec.tip) if spec.tip else "")
    action.setCheckable(spec.checkable)
    if spec.checkable:
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False, h=handler: h())
    return action


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, object]:
    """One menu per MENUS entry, laid out by MENU_LAYOUT."""
    menus = {}
    for key, title in MENUS:
        menu = menus[key] = menubar.addMenu(tr(title))
        for name in MENU_LAYOUT[key]:
            if name == "|":
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
    return menus


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    """The tool bar, laid out by TOOLBAR_LAYOUT."""
    for name in TOOLBAR_LAYOUT:
        if name == "|":
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
