"""Every action of the window, declared once, as data.

A row says what the user sees (text, tip, shortcut, icon) and which method of
the window runs it (``handler``). ``build_actions`` turns the table into
QActions, translated through ``QCoreApplication.translate("actions", ...)``,
with icons from the desktop theme and the bundled SVG in
``resources/icons/<icon>.svg`` as the fallback. Menus and the tool bar are
laid out from the same rows, so a shortcut or a text lives in one place.
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


def _n(text: str) -> str:
    return QT_TRANSLATE_NOOP("actions", text)


MENUS = (
    ("file", _n("&File")), ("edit", _n("&Edit")), ("format", _n("F&ormat")),
    ("policy", _n("&Policy")), ("view", _n("&View")), ("help", _n("&Help")),
)

S = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    S("open_library", "file", _n("&Open Library..."), "open_library", Key.Open, "open", "document-open",
      _n("Open a policy library folder")),
    S("new_library", "file", _n("&New Library..."), "new_library", None, "new", "folder-new",
      _n("Create a new, empty policy library")),
    S("open_demo", "file", _n("Open the &Demo Library"), "open_demo", None, "",
      "", _n("Open the example library with sample policies")),
    S("save", "file", _n("&Save"), "save", Key.Save, "save", "document-save",
      _n("Save the draft to the library"), toolbar=True, needs_policy=True),
    S("save_with_message", "file", _n("Save with &Message..."), "save_with_message", "Ctrl+Shift+S",
      "", "", _n("Save the draft with a note saying what changed"), needs_policy=True),
    S("export_packet", "file", _n("Export &Packet..."), "export_packet", Key.Print, "packet",
      "document-print", _n("Export the committee packet (memo and redline) as PDF or Word"),
      toolbar=True, needs_policy=True),
    S("export_packet_docx", "file", _n("Export Packet as &Word..."), "export_packet_docx", None, "", "",
      _n("Export the committee packet as a Word document"), needs_policy=True),
    S("export_redline", "file", _n("Export &Redline as PDF..."), "export_redline", "Ctrl+Shift+E", "redline",
      "document-export", _n("Export the redline of the draft as PDF"), needs_policy=True),
    S("export_redline_docx", "file", _n("Export Redline as W&ord..."), "export_redline_docx", None, "", "",
      _n("Export the redline as a Word document with tracked changes"), needs_policy=True),
    S("export_redline_html", "file", _n("Export Redline as &Web Page..."), "export_redline_html", None,
      "", "", _n("Export the redline as a web page"), needs_policy=True),
    S("publish_site", "file", _n("Publish Notice &Site..."), "publish_site", None, "", "",
      _n("Write the public notice web site of the library")),
    S("tag_data", "file", _n("&Tag a Data File..."), "tag_data", None, "", "",
      _n("Record which policy version governs a file of collected data")),
    S("sync", "file", _n("S&ync with Shared Library"), "sync_library", None, "", "emblem-synchronizing",
      _n("Receive the changes made on other workstations and send yours")),
    S("settings", "file", _n("Se&ttings..."), "open_settings", Key.Preferences, "", "preferences-system",
      _n("Your name and e-mail for saving, and the library folder")),
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
    S("numbers", "format", _n("&Numbered List"), "numbers", "Ctrl+Shift+O", "numbers",
      "format-list-ordered", _n("Numbered list"), toolbar=True, needs_policy=True),
    S("indent", "format", _n("&Indent List Item"), "indent", "Ctrl+]", "", "format-indent-more",
      needs_policy=True),
    S("outdent", "format", _n("&Outdent List Item"), "outdent", "Ctrl+[", "", "format-indent-less",
      needs_policy=True),

    S("new_policy", "policy", _n("&New Policy..."), "new_policy", Key.New, "", "document-new",
      _n("Add a policy to the library")),
    S("record_event", "policy", _n("&Record an Event..."), "record_event", "Ctrl+E", "event",
      "appointment-new", _n("Record a reading, adoption, posting, effective date, review or withdrawal"),
      toolbar=True, needs_policy=True),
    S("district", "policy", _n("&District Details..."), "district_details", None, "", "",
      _n("The district, committee and memo signer kept in the library")),
    S("refresh", "policy", _n("Re&load"), "refresh", Key.Refresh, "", "view-refresh",
      _n("Read the library again")),

    S("filter", "view", _n("&Search Policies"), "focus_filter", "Ctrl+L", "", "",
      _n("Search titles, codes and text of the policies")),
    S("show_draft", "view", _n("&Draft and Redline"), "show_draft", "Alt+1", "", "", needs_policy=True),
    S("show_versions", "view", _n("&Versions and Timeline"), "show_versions", "Alt+2", "", "",
      needs_policy=True),
    S("show_memo", "view", _n("&Memo"), "show_memo", "Alt+3", "", "", needs_policy=True),

    S("about", "help", _n("&About policyeditor"), "about", None, "", "help-about"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def icon_for(spec: ActionSpec) -> QIcon:
    """The theme's icon, else the bundled SVG (else no icon)."""
    fallback = QIcon(str(ICON_DIR / f"{spec.icon}.svg")) if spec.icon else QIcon()
    return QIcon.fromTheme(spec.theme, fallback) if spec.theme else fallback


def build_actions(window: QWidget) -> dict[str, QAction]:
    """QActions for every row, triggering ``getattr(window, handler)``."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(icon_for(spec), tr(spec.text), window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        tip = tr(spec.tip) if spec.tip else tr(spec.text).replace("&", "").rstrip(".")
        if not action.shortcut().isEmpty():
            tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tr(spec.tip) if spec.tip else "")
        action.setCheckable(spec.checkable)
        handler: Callable = getattr(window, spec.handler)
        if spec.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.name] = action
    return actions


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, object]:
    """One menu per MENUS entry holding its rows in table order."""
    menus = {}
    for key, title in MENUS:
        menus[key] = menubar.addMenu(tr(title))
    previous = {}
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if previous.get(spec.menu) and _group(previous[spec.menu]) != _group(spec.name):
            menu.addSeparator()
        menu.addAction(actions[spec.name])
        previous[spec.menu] = spec.name
    return menus


_GROUPS = ({"save", "save_with_message"}, {"export_packet", "export_packet_docx", "export_redline", "export_redline_docx",
            "export_redline_html", "publish_site", "tag_data"},
           {"sync"}, {"settings"}, {"quit"}, {"undo", "redo"}, {"cut", "copy", "paste"},
           {"find", "find_next", "find_previous"}, {"bold", "italic", "link"},
           {"paragraph", "heading1", "heading2", "heading3"}, {"bullets", "numbers", "indent", "outdent"},
           {"refresh"}, {"filter"}, {"district"})


def _group(name: str) -> int:
    for i, group in enumerate(_GROUPS):
        if name in group:
            return i
    return -1


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    """The tool bar: the rows marked ``toolbar``, with separators between groups."""
    last = None
    for spec in ACTIONS:
        if not spec.toolbar:
            continue
        if last is not None and _group(last) != _group(spec.name):
            toolbar.addSeparator()
        toolbar.addAction(actions[spec.name])
        last = spec.name


def policy_actions() -> list[str]:
    """Names of the actions that need an open policy."""
    return [spec.name for spec in ACTIONS if spec.needs_policy]
