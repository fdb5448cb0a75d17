"""The main window: policy list, draft editor with live redline, versions, memo.

The window is presentation only. It builds the panels and the actions
(``actions.WINDOW_ACTIONS`` for editing and views, handled here; each
feature module in ``gui/features`` declares its own commands), and follows
its ``Session`` (gui/session.py): the open library, the loaded policy, the
``TaskRunner`` every library call and the redline go through, writes and
reloads. Each panel is shown a policy one way, ``show_policy(data, same)``,
called by the session. Commands ask the user through ``session.prompts``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from policyeditor.gui import actions as action_table
from policyeditor.gui.editor import DraftEditor, FindBar
from policyeditor.gui.editor import convert
from policyeditor.gui.features.conflicts import ConflictsFeature
from policyeditor.gui.features.events import EventsFeature
from policyeditor.gui.features.exports import ExportsFeature
from policyeditor.gui.features.importing import ImportFeature
from policyeditor.gui.features.library import LibraryFeature
from policyeditor.gui.features.policies import PoliciesFeature
from policyeditor.gui.features.sync import SyncFeature
from policyeditor.gui.features.upstream import UpstreamFeature
from policyeditor.gui.memo_panel import MemoPanel
from policyeditor.gui.policy_list import PolicyListPanel
from policyeditor.gui.prompts import Prompts
from policyeditor.gui.redline_pane import RedlinePane
from policyeditor.gui.session import Session
from policyeditor.gui.timeline_view import TimelineView
from policyeditor.gui.versions_panel import VersionsPanel

REDLINE_DELAY_MS = 250


class MainWindow(QMainWindow):
    """One library in one window; see the module docstring.

    ``closed`` is emitted once the window has closed and its work has ended
    (``gui.app.run`` quits then).
    """

    closed = Signal()

    def __init__(self, user_settings, parent: QWidget | None = None, *, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self._build_panels()
        self.session = Session(user_settings, self.editor, prompts or Prompts(self), self)
        self.library = LibraryFeature(self.session, self)
        self.policies = PoliciesFeature(self.session, self)
        self.events = EventsFeature(self.session, self)
        self.exports = ExportsFeature(self.session, self)
        self.sync = SyncFeature(self.session, self)
        self.importing = ImportFeature(self.session, self)
        self.conflicts = ConflictsFeature(self.session, self)
        self.upstream = UpstreamFeature(self.session, self)
        features = (self.library, self.policies, self.events, self.exports, self.sync, self.importing,
                    self.conflicts, self.upstream)
        self.actions = action_table.build_actions(
            [(self, action_table.WINDOW_ACTIONS)] + [(f, f.ACTIONS) for f in features], self)
        self.menus = action_table.build_menus(self.menuBar(), self.actions)
        self._build_recent_menu()
        self._build_toolbar()
        self._build_statusbar()
        for panel in (self.policy_list, self.memo, self.redline, self.versions, self.timeline):
            self.session.add_panel(panel)
        self._connect()
        self.update_enabled()
        self.update_title()
        self.resize(QSize(1200, 760))
        self._restore_state()

    # -- construction ------------------------------------------------------------
    def _build_panels(self) -> None:
        self.policy_list = PolicyListPanel(self)
        self.editor = DraftEditor(self)
        self.editor.setPlaceholderText(self.tr("Choose a policy in the list to read and edit its draft."))
        self.find_bar = FindBar(self.editor, self)
        self.redline = RedlinePane(self)
        self.versions = VersionsPanel(self)
        self.timeline = TimelineView(self)
        self.memo = MemoPanel(self)
        draft_page = QWidget(self)
        draft_layout = QVBoxLayout(draft_page)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal, draft_page)
        split.addWidget(self.editor)
        split.addWidget(self.redline)
        split.setSizes([420, 360])
        self.splitters = {"draft": split}
        draft_layout.addWidget(split, 1)
        draft_layout.addWidget(self.find_bar)
        versions_page = QSplitter(Qt.Orientation.Vertical, self)
        versions_page.addWidget(self.versions)
        versions_page.addWidget(self.timeline)
        versions_page.setStretchFactor(1, 2)
        versions_page.setSizes([220, 440])
        self.splitters["versions"] = versions_page
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Policy views"))
        self.tabs.addTab(draft_page, self.tr("Dr&aft and redline"))
        self.tabs.addTab(versions_page, self.tr("Versions and &timeline"))
        self.tabs.addTab(self.memo, self.tr("&Memo"))
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.policy_list)
        main.addWidget(self.tabs)
        main.setStretchFactor(1, 1)
        main.setSizes([370, 830])
        self.splitters["main"] = main
        self.setCentralWidget(main)

    def _build_recent_menu(self) -> None:
        """File > Open Recent: the user's recent libraries, listed when opened."""
        menu = self.menus["file"]
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        menu.insertMenu(self.actions["open_demo"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in self.session.user_settings.recent:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: self.library.open_recent(f))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Tools"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setAccessibleName(self.tr("Tools"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.setIconSize(QSize(20, 20))
        action_table.build_toolbar(toolbar, self.actions)
        self.addToolBar(toolbar)

    def _build_statusbar(self) -> None:
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.position_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.position_label)
        self.statusBar().addPermanentWidget(self.busy)

    def _connect(self) -> None:
        session = self.session
        session.runner.busy_changed.connect(self.busy.setVisible)
        session.status.connect(self.show_status)
        session.library_changed.connect(self._show_state)
        session.library_changed.connect(self._library_opened)
        session.policy_changed.connect(self._on_policy_shown)
        session.rows_loaded.connect(self.policy_list.set_rows)
        session.select_requested.connect(self.policy_list.select)
        self.redline_timer = QTimer(self)
        self.redline_timer.setSingleShot(True)
        self.redline_timer.setInterval(REDLINE_DELAY_MS)
        self.redline_timer.timeout.connect(self.request_redline)
        self.editor.text_changed.connect(self.redline_timer.start)
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self.editor.currentCharFormatChanged.connect(self._show_char_format)
        self.editor.undoAvailable.connect(self.actions["undo"].setEnabled)
        self.editor.redoAvailable.connect(self.actions["redo"].setEnabled)
        self.redline.base_changed.connect(lambda _n: self.request_redline())
        self.policy_list.policy_chosen.connect(session.choose_policy)
        self.versions.version_selected.connect(self.memo.show_version)
        self.versions.version_activated.connect(lambda n: self.events.record_event(version=n))  # its next step
        self.versions.add_command(self.actions["record_event"], self.actions["correct_event"])
        self.memo.save_requested.connect(self.events.save_memo)

    # -- what the window remembers (gui/window_state.py) -----------------------------
    def _restore_state(self) -> None:
        from PySide6.QtCore import QByteArray

        from policyeditor.gui import window_state

        self._state = window_state.load()
        geometry = self._state.get("geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        for name, sizes in (self._state.get("splitters") or {}).items():
            if name in self.splitters and isinstance(sizes, list) and all(isinstance(n, int) for n in sizes):
                self.splitters[name].setSizes(sizes)

    def save_state(self) -> None:
        from policyeditor.gui import window_state

        data = dict(self._state)
        data["geometry"] = bytes(self.saveGeometry().toBase64()).decode("ascii")
        data["splitters"] = {name: split.sizes() for name, split in self.splitters.items()}
        session = self.session
        if session.lib is not None and session.data is not None:
            data = window_state.with_last_policy(data, str(session.lib.path), session.data.policy.id)
        window_state.save(data)

    def _library_opened(self) -> None:
        """Open the policy last open in this library once its list is shown."""
        from policyeditor.gui import window_state

        lib = self.session.lib
        last = window_state.last_policy(self._state, str(lib.path)) if lib is not None else None
        if last is None:
            return

        def reopen(rows) -> None:
            session = self.session
            session.rows_loaded.disconnect(reopen)
            # Not over unsaved changes kept by the recovery: the offer to restore them comes first.
            if session.data is None and not session._recovered and any(r.id == last for r in rows):
                session.select_requested.emit(last, True)

        self.session.rows_loaded.connect(reopen)

    # -- state shown ------------------------------------------------------------
    def _show_state(self) -> None:
        self.update_title()
        self.update_enabled()

    def _on_policy_shown(self, _same: bool) -> None:
        """The session showed the loaded policy in the panels: title, actions, redline."""
        self._show_state()
        self.request_redline()

    def update_title(self) -> None:
        """'<policy>[*] - <library> - policyeditor'; [*] shows unsaved changes."""
        data, lib = self.session.data, self.session.lib
        parts = []
        if data is not None:
            parts.append(f"{data.policy.title}[*]")
        if lib is not None:
            parts.append(lib.settings.district or lib.path.name)
        parts.append("policyeditor")
        if data is None:
            parts[0] += "[*]"
        self.setWindowTitle(" \u2014 ".join(parts))
        self.setWindowModified(self.editor.is_modified())

    def update_enabled(self) -> None:
        """Actions that need a library or a policy are enabled only with one."""
        has_policy = self.session.data is not None
        has_library = self.session.lib is not None
        for action in self.actions.values():
            needs = action.property("needs")
            if needs:
                action.setEnabled(has_policy if needs == "policy" else has_library)
        self.editor.setReadOnly(not has_policy)
        self.actions["undo"].setEnabled(has_policy and self.editor.document().isUndoAvailable())
        self.actions["redo"].setEnabled(has_policy and self.editor.document().isRedoAvailable())

    def _show_char_format(self, fmt: QTextCharFormat) -> None:
        for name, on in (("bold", convert.is_bold(fmt)), ("italic", fmt.fontItalic())):
            action: QAction = self.actions[name]
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def show_status(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    # -- the redline --------------------------------------------------------------
    def request_redline(self) -> None:
        """Compute the redline of the draft as shown, off the UI thread."""
        from policyeditor.gui.redline_html import compute_redline

        self.redline_timer.stop()    # a request now makes the one waiting for a pause moot
        data = self.session.data
        if data is None:
            return
        number = self.redline.base_number()
        base = data.texts.get(number if number is not None else 0, "")
        doc = self.editor.model()
        self.session.runner.run("redline", lambda: compute_redline(base, doc), self.redline.show_result)

    # -- editing commands (handlers named in actions.WINDOW_ACTIONS) --------------
    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def cut(self) -> None:
        self.editor.cut()

    def copy(self) -> None:
        self.editor.copy()

    def paste(self) -> None:
        self.editor.paste()

    def open_find(self) -> None:
        self.show_draft()
        self.find_bar.open_bar()

    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        else:
            self.find_bar.find_next()

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        else:
            self.find_bar.find_previous()

    def bold(self, on: bool) -> None:
        self.editor.set_bold(on)

    def italic(self, on: bool) -> None:
        self.editor.set_italic(on)

    def paragraph(self) -> None:
        self.editor.set_block_kind("paragraph")

    def heading1(self) -> None:
        self.editor.set_block_kind("heading", 1)

    def heading2(self) -> None:
        self.editor.set_block_kind("heading", 2)

    def heading3(self) -> None:
        self.editor.set_block_kind("heading", 3)

    def bullets(self) -> None:
        self.editor.set_block_kind("bullet")

    def numbers(self) -> None:
        self.editor.set_block_kind("numbered")

    def quotation(self) -> None:
        self.editor.set_block_kind("quote")

    def insert_table(self) -> None:
        self.editor.insert_table(2, 2)

    def add_table_row(self) -> None:
        if not self.editor.add_table_row():
            self.session.say(self.tr("Put the cursor in a table to add a row."))

    def add_table_column(self) -> None:
        if not self.editor.add_table_column():
            self.session.say(self.tr("Put the cursor in a table to add a column."))

    def indent(self) -> None:
        self.editor.change_list_level(+1)

    def outdent(self) -> None:
        self.editor.change_list_level(-1)

    def link(self) -> None:
        """Make the selection a link (an empty address removes it)."""
        cursor = self.editor.textCursor()
        current = cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""
        url = self.session.prompts.ask_text(self.tr("Link"), self.tr("Web address (empty: no link):"),
                                            current or "https://")
        if url is not None:
            url = url.strip()
            self.editor.set_link("" if url in ("", "https://", "http://") else url)

    def about(self) -> None:
        from policyeditor import __version__

        self.session.prompts.show_about(self.tr("About policyeditor"), self.tr(
            "policyeditor {version}\n\nKeeps a school district's policies: drafts, versions, readings, "
            "posting and effective dates, redlines and packets, in a git library.").format(
                version=__version__))

    def focus_filter(self) -> None:
        self.policy_list.search.setFocus()
        self.policy_list.search.selectAll()

    def show_draft(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.editor.setFocus()

    def show_versions(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.versions.setFocus()

    def show_memo(self) -> None:
        self.tabs.setCurrentIndex(2)
        self.memo.setFocus()

    # -- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Unsaved changes: ask to save, discard or cancel; then end cleanly."""
        if not self.session.confirm_leave(self.close):
            event.ignore()
            return
        self.redline_timer.stop()
        self.save_state()
        self.session.shut_down()
        event.accept()
        self.closed.emit()
