"""The main window: policy list, draft editor with live redline, versions, memo.

The window is built from ``actions.ACTIONS`` (one table of every action) and
from the panels; ``commands.WindowCommands`` holds what the menus do with the
library (open, save, record, export). All library work goes through the
window's ``TaskRunner`` (serial pool), the redline through the same runner on
the shared pool; the window only shows what comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
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
from policyeditor.gui.commands import WindowCommands
from policyeditor.gui.editor import DraftEditor, FindBar
from policyeditor.gui.editor import convert
from policyeditor.gui.errors import show_error
from policyeditor.gui.memo_panel import MemoPanel
from policyeditor.gui.policy_list import PolicyListPanel
from policyeditor.gui.redline_pane import RedlinePane
from policyeditor.gui.tasks import TaskRunner
from policyeditor.gui.timeline_view import TimelineView
from policyeditor.gui.versions_panel import VersionsPanel

REDLINE_DELAY_MS = 250


class MainWindow(WindowCommands, QMainWindow):
    """One library in one window; see the module docstring."""

    def __init__(self, user_settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_settings = user_settings
        self.runner = TaskRunner(self)
        self.init_state()
        self._build_panels()
        self.actions = action_table.build_actions(self)
        self.menus = action_table.build_menus(self.menuBar(), self.actions)
        self._build_recent_menu()
        self._build_toolbar()
        self._build_statusbar()
        self._connect()
        self.update_enabled()
        self.update_title()
        self.resize(QSize(1200, 760))

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
        draft_layout.addWidget(split, 1)
        draft_layout.addWidget(self.find_bar)
        versions_page = QSplitter(Qt.Orientation.Vertical, self)
        versions_page.addWidget(self.versions)
        versions_page.addWidget(self.timeline)
        versions_page.setStretchFactor(1, 2)
        versions_page.setSizes([220, 440])
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
        self.setCentralWidget(main)

    def _build_recent_menu(self) -> None:
        """File > Open Recent: the user's recent libraries, listed when opened."""
        menu = self.menus["file"]
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        menu.insertMenu(self.actions["open_demo"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in self.user_settings.recent:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: self.confirm_leave(
                lambda: self.open_library_at(f)) and self.open_library_at(f))
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
        self.runner.busy_changed.connect(self.busy.setVisible)
        self.runner.failed.connect(lambda exc: show_error(self, exc))
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
        self.policy_list.policy_chosen.connect(self.choose_policy)
        self.versions.version_selected.connect(self.show_memo_of)
        self.versions.version_activated.connect(lambda n: self.record_event(version=n))
        self.memo.save_requested.connect(self.save_memo)

    # -- state shown ------------------------------------------------------------
    def update_title(self) -> None:
        """'<policy>[*] - <library> - policyeditor'; [*] shows unsaved changes."""
        parts = []
        if self.data is not None:
            parts.append(f"{self.data.policy.title}[*]")
        if self.lib is not None:
            parts.append(self.lib.settings.district or self.lib.path.name)
        parts.append("policyeditor")
        if self.data is None:
            parts[0] += "[*]"
        self.setWindowTitle(" \u2014 ".join(parts))
        self.setWindowModified(self.editor.is_modified())

    def update_enabled(self) -> None:
        """Actions that need a library or a policy are enabled only with one."""
        has_policy = self.data is not None
        for name in action_table.policy_actions():
            self.actions[name].setEnabled(has_policy)
        for name in ("new_policy", "district", "refresh", "publish_site", "tag_data", "filter", "sync"):
            self.actions[name].setEnabled(self.lib is not None)
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

        if self.data is None:
            return
        number = self.redline.base_number()
        base = self.data.texts.get(number if number is not None else 0, "")
        doc = self.editor.model()
        self.runner.run("redline", lambda: compute_redline(base, doc), self.redline.show_result)

    # -- editing commands (handlers named in actions.ACTIONS) ---------------------
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

    def indent(self) -> None:
        self.editor.change_list_level(+1)

    def outdent(self) -> None:
        self.editor.change_list_level(-1)

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
        if not self.confirm_leave(self.close):
            event.ignore()
            return
        self.shut_down()
        event.accept()
