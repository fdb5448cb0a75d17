"""The window's commands for the policy process: events, memo, policies, dialogs.

A mixin of ``MainWindow`` (see ``commands``). Dialogs collect what the user
wants; the library writes it in the runner's serial pool; the window then
reads the policy again, so what it shows is what the library holds.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from policyeditor.core.errors import PolicyEditorError
from policyeditor.gui.errors import show_error
from policyeditor.gui.export_commands import ExportCommands


class ProcessCommands(ExportCommands):
    """Events, memo, export and dialog commands of the main window."""

    # -- record an event ----------------------------------------------------------
    def record_event(self, version: int | None = None, event: str | None = None) -> None:
        """The event dialog; before a first reading the draft is saved, so the
        version presented is the text on the screen."""
        from policyeditor.gui.event_dialog import EventDialog, core_preview

        if self.data is None:
            return
        data = self.data
        preview = core_preview(data.policy, data.context) if data.context else \
            core_preview(data.policy, today=data.today, notice_days=data.notice_days)
        dialog = EventDialog(data.policy, data.today, preview, event=event, version=version, parent=self)
        self.event_dialog = dialog
        if not dialog.exec():
            return
        request = dialog.request()
        if request.event == "first_reading" and self.editor.is_modified():
            self.save(self.tr("Draft as presented"))   # the reading presents what is on screen
        lib, policy_id = self.lib, data.policy.id
        amended = False
        if request.event == "adopted" and data.amendment:   # rule 10: show the amendment, ask
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(self, self.tr("Adopt the amended text?"), self.tr(
                "The draft was changed after the first reading. These are the amendments "
                "([-removed-] {{+added+}}):\n\n{changes}\n\nDid the committee adopt the text as "
                "amended?").format(changes=data.amendment))
            if answer != QMessageBox.StandardButton.Yes:
                return
            amended = True

        def recorded(v) -> None:
            self.show_status(self.tr("Recorded for version {n}.").format(n=v.number))
            self.refresh()

        self.write("event", lambda: lib.record_event(
            policy_id, request.event, request.when, version=request.version,
            editorial=request.editorial, justification=request.justification,
            amended=amended), recorded)

    # -- memo ---------------------------------------------------------------------
    def show_memo_of(self, number: int | None) -> None:
        """Show the memo of version ``number`` (None: no version yet)."""
        if self.data is None:
            return
        version = None
        if number is not None:
            version = next((v for v in self.data.policy.versions if v.number == number), None)
        self.memo.set_context(self.data.settings, self.data.policy, version, self.data.today)

    def save_memo(self, number: int, memo) -> None:
        lib, policy_id = self.lib, self.data.policy.id

        def saved(_v) -> None:
            self.memo.mark_saved(memo)
            self.show_status(self.tr("Memo saved."))
            self.reload_policy()

        self.write("memo", lambda: lib.update_memo(policy_id, number, memo), saved)

    # -- policies and library details ---------------------------------------------
    def new_policy(self) -> None:
        """Ask for a title and an id; create the policy and open it."""
        from policyeditor.core.ids import validate_policy_id

        if self.lib is None or not self.confirm_leave(self.new_policy):
            return
        title, ok = QInputDialog.getText(self, self.tr("New policy"), self.tr("Title of the policy:"))
        if not ok or not title.strip():
            return
        suggested = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())
        policy_id, ok = QInputDialog.getText(
            self, self.tr("New policy"),
            self.tr("Short name (lowercase letters, digits and '-'; used for files and tags):"),
            QLineEdit.EchoMode.Normal, suggested)
        if not ok:
            return
        try:
            policy_id = validate_policy_id(policy_id.strip())
        except PolicyEditorError as exc:
            show_error(self, exc)
            return
        lib = self.lib
        self.write("new-policy", lambda: lib.create_policy(policy_id, title.strip()),
                   lambda p: self.refresh(after=lambda: self.policy_list.select(p.id)))

    def district_details(self) -> None:
        from policyeditor.gui.library_dialog import LibraryDialog

        if self.lib is None:
            return
        dialog = LibraryDialog(self.lib.settings, self)
        if dialog.exec():
            lib, settings = self.lib, dialog.settings()
            self.write("district", lambda: lib.update_settings(settings),
                       lambda _r: (self.update_title(), self.reload_policy()))

    # -- sharing through the shared library ------------------------------------------
    def sync_library(self) -> None:
        """Sync with the shared library (its address is asked for the first time)."""
        if self.lib is None or not self.confirm_leave(self.sync_library):
            return
        lib = self.lib
        self.write("sync-address", lib.remote_url, lambda url: self._sync_with(lib, url))

    def _sync_with(self, lib, url: str) -> None:
        """Run ``lib.sync`` in the serial pool; a newly typed address that fails is forgotten."""
        new = not url
        if new:
            url, ok = QInputDialog.getText(self, self.tr("Sync with shared library"), self.tr(
                "Address of the shared library (https://..., ssh://... or a folder on the file server):"))
            url = url.strip()
            if not ok or not url:
                return

        def run():
            from policyeditor.store.remote import forget_remote

            if new:
                lib.set_remote(url)
            head = lib.repo().head_sha()
            try:
                return lib.sync()
            except PolicyEditorError:
                if new and lib.repo().head_sha() == head:
                    forget_remote(lib)   # nothing came of it: the next sync asks again
                raise

        def synced(result) -> None:
            self.update_title()
            policy_id = self.data.policy.id if self.data is not None else None
            self.refresh(after=lambda: self.show_status(result.summary(), 15000))
            if policy_id is not None and not self.editor.is_modified():
                self.open_policy(policy_id)   # the draft as received, not as it was before
            if result.problems:
                QMessageBox.warning(self, self.tr("Sync with shared library"), "\n\n".join(result.problems))

        def failed(exc: BaseException) -> None:
            self.show_status(self.tr("The sync did not happen."))
            show_error(self, exc, self.tr("Sync with shared library"))

        self.show_status(self.tr("Syncing with the shared library..."), 0)
        self.write("sync", run, synced, failed)

    def open_settings(self) -> None:
        """The user's settings; a changed library folder opens that library."""
        from policyeditor.gui.settings_dialog import SettingsDialog
        from policyeditor.store import Author

        dialog = SettingsDialog(self.user_settings, self)
        if not dialog.exec():
            return
        old_library = self.user_settings.library
        dialog.apply_to(self.user_settings)
        settings = self.user_settings
        self.write("settings", settings.save, lambda _r: self.show_status(self.tr("Settings saved.")))
        if self.lib is not None and settings.name and settings.email:
            self.lib.author = Author(settings.name, settings.email)
        if settings.library and settings.library != old_library and self.confirm_leave(lambda: None):
            self.open_library_at(settings.library)

    def link(self) -> None:
        """Make the selection a link (an empty address removes it)."""
        cursor = self.editor.textCursor()
        current = cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Web address (empty: no link):"),
                                       QLineEdit.EchoMode.Normal, current or "https://")
        if ok:
            url = url.strip()
            self.editor.set_link("" if url in ("", "https://", "http://") else url)

    def about(self) -> None:
        from policyeditor import __version__

        QMessageBox.about(self, self.tr("About policyeditor"), self.tr(
            "policyeditor {version}\n\nKeeps a school district's policies: drafts, versions, readings, "
            "posting and effective dates, redlines and packets, in a git library.").format(
                version=__version__))
