"""What the window does with the library: open it, open a policy, save, recover.

A mixin of ``MainWindow`` (the window's panels and runner are its ``self``).
Every library call runs in the runner's serial pool; the ``_on_*`` methods
take the results on the UI thread. ``process_commands`` holds the rest
(events, memo, export, dialogs).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from typing import TYPE_CHECKING

from policyeditor.gui.errors import show_error
from policyeditor.gui.process_commands import ProcessCommands
from policyeditor.gui.recovery import Autosaver, RecoveryFile
from policyeditor.store.demo import ensure_demo

if TYPE_CHECKING:   # loaded in the workers, after the window shows
    from policyeditor.gui import loading


class WindowCommands(ProcessCommands):
    """Library, policy, save and recovery commands of the main window."""

    def init_state(self) -> None:
        self.lib = None
        self.data: "loading.PolicyData | None" = None
        self.autosaver: Autosaver | None = None
        self._recovered: dict[str, str] = {}
        self._after_open: Callable[[], None] | None = None
        self._writes = 0

    def write(self, what: str, fn: Callable, on_done: Callable, on_error: Callable | None = None) -> int:
        """Run a library write in the serial pool. Writes are never "stale":
        each gets its own key, so every commit's result is reported."""
        self._writes += 1
        return self.runner.run(f"{what}#{self._writes}", fn, on_done, on_error, serial=True)

    # -- libraries ----------------------------------------------------------------
    def open_library_at(self, path: str | Path, then: Callable[[], None] | None = None) -> None:
        """Open the library in ``path`` (in the worker); ``then`` runs once it is shown."""
        from policyeditor.store import Library

        def failed(exc: BaseException) -> None:
            show_error(self, exc, self.tr("The library could not be opened"))
            if self.lib is None:
                self.offer_first_run()

        self._after_open = then
        self.show_status(self.tr("Opening {path}...").format(path=path))
        self.runner.run("library", lambda: Library.open(path), self._on_library_opened, failed,
                        serial=True)

    def _on_library_opened(self, lib) -> None:
        from policyeditor.store import Author

        if self.autosaver is not None:
            self.autosaver.stop()
        self.lib, self.data = lib, None
        self.editor.set_text("")
        if self.user_settings.name and self.user_settings.email:
            lib.author = Author(self.user_settings.name, self.user_settings.email)
        self.user_settings.add_recent(str(lib.path))
        self.write("settings", self.user_settings.save, lambda _r: None)
        recovery = RecoveryFile(lib.path)
        self._recovered = recovery.load()
        self.autosaver = Autosaver(recovery, self.unsaved_drafts, self)
        self.autosaver.failed.connect(lambda exc: show_error(self, exc, self.tr("Autosave failed")))
        self.update_title()
        self.update_enabled()
        self.refresh(after=self._offer_restore)

    def open_library(self) -> None:
        if not self.confirm_leave(self.open_library):
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a policy library"),
                                                  str(self.lib.path) if self.lib else "")
        if folder:
            self.open_library_at(folder)

    def new_library(self) -> None:
        """Ask for an empty folder and the district's name, create the library there."""
        from policyeditor.core.versions import LibrarySettings
        from policyeditor.store import Library

        if not self.confirm_leave(self.new_library):
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder for the new library"))
        if not folder:
            return
        district, ok = QInputDialog.getText(self, self.tr("New library"), self.tr("Name of the school district:"))
        if not ok or not district.strip():
            return
        settings = LibrarySettings(district=district.strip())
        self.runner.run("library", lambda: Library.create(folder, settings, self.author()),
                        self._on_library_opened, serial=True)

    def open_demo(self) -> None:
        """Open the demo library in the user's data folder, creating it if missing."""
        if not self.confirm_leave(self.open_demo):
            return
        self.runner.run("library", ensure_demo, self._on_library_opened, serial=True)

    def author(self):
        from policyeditor.store import Author

        if self.user_settings.name and self.user_settings.email:
            return Author(self.user_settings.name, self.user_settings.email)
        return None

    def refresh(self, after: Callable[[], None] | None = None) -> None:
        """Read the policy list again (and the open policy)."""
        if self.lib is None:
            return
        lib = self.lib

        def rows():
            from policyeditor.gui.policy_list import policy_rows

            return policy_rows(lib)

        def shown(rows) -> None:
            self.policy_list.set_rows(rows)
            self.show_status(self.tr("{n} policies").format(n=len(rows)), 3000)
            if after is not None:
                after()

        if after is None:
            self.runner.run("list", rows, shown, serial=True)
        else:   # a follow-up is waiting for this very list: never drop it
            self.write("list", rows, shown)
        if self.data is not None:
            self.reload_policy()

    def offer_first_run(self) -> None:
        """No library: open a folder, create one, or open the demo."""
        from policyeditor.gui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self)
        if dialog.exec():
            getattr(self, dialog.choice)()

    # -- policies -----------------------------------------------------------------
    def choose_policy(self, policy_id: str) -> None:
        """The user picked ``policy_id`` in the list: open it (after asking to save)."""
        if self.data is not None and self.data.policy.id == policy_id:
            return
        if not self.confirm_leave(lambda: self.policy_list.select(policy_id)):
            if self.data is not None:
                self.policy_list.select(self.data.policy.id, emit=False)
            return
        self.open_policy(policy_id)

    def open_policy(self, policy_id: str) -> None:
        from policyeditor.gui import loading

        lib = self.lib
        self.runner.run("policy", lambda: loading.load_policy(lib, policy_id), self._on_policy_loaded,
                        serial=True)

    def reload_policy(self) -> None:
        """Read the open policy's record again, keeping the draft as typed."""
        from policyeditor.gui import loading

        if self.data is not None:
            lib, policy_id = self.lib, self.data.policy.id
            self.runner.run("policy", lambda: loading.load_policy(lib, policy_id),
                            lambda d: self._on_policy_loaded(d, keep_draft=True), serial=True)

    def _on_policy_loaded(self, data: loading.PolicyData, keep_draft: bool = False) -> None:
        same = self.data is not None and self.data.policy.id == data.policy.id
        self.data = data
        if not (keep_draft and same):
            self.editor.set_text(data.draft)
            recovered = self._recovered.pop(data.policy.id, None)
            if recovered is not None and recovered != data.draft:
                self.editor.set_text(recovered)
                self.editor.mark_saved(data.draft)
                self.editor.document().setModified(True)
                self.show_status(self.tr("Restored the unsaved changes of {title}.").format(
                    title=data.policy.title), 10000)
        self._show_policy_data(data, same)
        self.policy_list.select(data.policy.id, emit=False)
        self.update_title()
        self.update_enabled()

    def _show_policy_data(self, data: loading.PolicyData, same: bool = False) -> None:
        """Fill the panels; the same policy read again keeps the chosen comparison
        and a memo being edited."""
        from policyeditor.gui import loading

        choices = []
        for version in data.policy.versions:
            if version.number in data.texts:
                label = self.tr("Version {n}").format(n=version.number)
                state = data.states.get(version.number)
                if state is not None:
                    label += f" ({self.tr(state.value)})"
                choices.append((label, version.number))
        if not choices:
            choices.append((self.tr("Nothing yet (a new policy)"), 0))
        base = self.redline.base_number() if same else None
        if base is None or base not in data.texts:
            base = loading.default_base(data)
        self.redline.set_bases(choices, base, keep_position=same)
        self.versions.set_policy(data.policy, data.today, states=data.states, failures=data.failures)
        self.timeline.set_policy(data.policy, data.today, notice_days=data.notice_days,
                                 failures=data.failures)
        if not (same and self.memo.is_modified()):
            self.show_memo_of(self.versions.selected_version())
        self.request_redline()

    # -- saving -------------------------------------------------------------------
    def save(self, message: str = "", then: Callable[[], None] | None = None) -> None:
        """Commit the draft (in the worker); ``then`` runs after a successful save."""
        if self.data is None:
            return
        if not self.editor.is_modified():
            self.show_status(self.tr("No changes to save."))
            if then is not None:
                then()
            return
        lib, policy_id, text = self.lib, self.data.policy.id, self.editor.text()

        def saved(sha: str | None) -> None:
            if self.editor.text() == text:
                self.editor.mark_saved(text)
            if self.autosaver is not None:
                self.autosaver.tick()
            done = self.tr("Saved ({sha}).").format(sha=sha[:7]) if sha else self.tr("No changes to save.")
            self.show_status(done)
            self.refresh()
            if then is not None:
                then()

        self.show_status(self.tr("Saving..."))
        self.write("save", lambda: lib.save_draft(policy_id, text, message), saved)

    def save_with_message(self) -> None:
        message, ok = QInputDialog.getMultiLineText(
            self, self.tr("Save with a message"), self.tr("What changed, and why (for the history):"))
        if ok:
            self.save(message.strip())

    def confirm_leave(self, then: Callable[[], None]) -> bool:
        """True when there is nothing unsaved (or the user discards it). On "Save"
        the save starts and ``then`` runs after it; False is returned for now."""
        if self.data is None or not self.editor.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The draft of {title} has changes that are not saved. Save them?").format(
                title=self.data.policy.title),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            self.save(then=then)
            return False
        if answer == buttons.Discard:
            self.editor.mark_saved(self.data.draft)
            self.editor.set_text(self.data.draft)
            return True
        return False

    # -- recovery -----------------------------------------------------------------
    def unsaved_drafts(self) -> dict[str, str]:
        """What autosave keeps: the open draft if changed, and drafts not yet restored."""
        drafts = dict(self._recovered)
        if self.data is not None and self.editor.is_modified():
            drafts[self.data.policy.id] = self.editor.text()
        return drafts

    def _offer_restore(self) -> None:
        if self._after_open is not None:
            then, self._after_open = self._after_open, None
            then()
        known = {r.id: r.title for r in self.policy_list.model.rows()}
        self._recovered = {k: v for k, v in self._recovered.items() if k in known}
        if not self._recovered:
            return
        titles = ", ".join(known[k] for k in self._recovered)
        answer = QMessageBox.question(
            self, self.tr("Restore unsaved changes?"),
            self.tr("policyeditor was not closed properly last time. Unsaved changes to {titles} "
                    "were kept. Restore them?").format(titles=titles),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.open_policy(next(iter(self._recovered)))
        else:
            self._recovered = {}
            if self.autosaver is not None:
                self.autosaver.recovery.clear()

    def shut_down(self) -> None:
        """Closing cleanly: wait for running work, then drop the recovery file."""
        self.runner.wait_idle(30000)
        if self.autosaver is not None:
            self.autosaver.stop()
            if not self.unsaved_drafts():
                self.autosaver.recovery.clear()
        if self.lib is not None:
            self.lib.close()

