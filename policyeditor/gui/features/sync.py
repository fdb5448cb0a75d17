"""Sync with the shared library (its address asked for the first time)."""

from __future__ import annotations

from policyeditor.core.errors import PolicyEditorError
from policyeditor.gui.actions import ActionSpec as S, _n
from policyeditor.gui.features import Feature


class SyncFeature(Feature):
    """File > Sync with Shared Library."""

    context = "SyncFeature"
    ACTIONS = (
        S("sync", "file", _n("S&ync with Shared Library"), "sync_library", None, "", "emblem-synchronizing",
          _n("Receive the changes made on other workstations and send yours"), needs_library=True),
    )

    def sync_library(self) -> None:
        session = self.session
        if session.lib is None or not session.confirm_leave(self.sync_library):
            return
        from policyeditor.store.remote import remote_url

        lib = session.lib
        session.write("sync-address", lambda: remote_url(lib), lambda url: self._sync_with(lib, url))

    def _sync_with(self, lib, url: str) -> None:
        """Sync in the serial pool; a newly typed address that fails is forgotten."""
        session = self.session
        title = self.tr("Sync with shared library")
        new = not url
        if new:
            url = (self.prompts.ask_text(title, self.tr(
                "Address of the shared library (https://..., ssh://... or a folder on the file server):"))
                or "").strip()
            if not url:
                return

        def run():
            from policyeditor.store.remote import forget_remote, set_remote
            from policyeditor.store.sync import sync

            if new:
                set_remote(lib, url)
            head = lib.repo().head_sha()
            try:
                return sync(lib)
            except PolicyEditorError:
                if new and lib.repo().head_sha() == head:
                    forget_remote(lib)   # nothing came of it: the next sync asks again
                raise

        def synced(result) -> None:
            session.library_changed.emit()
            policy_id = session.data.policy.id if session.data is not None else None
            session.refresh(after=lambda: self.say(result.summary(), 15000))
            if policy_id is not None and not session.editor.is_modified():
                session.open_policy(policy_id)   # the draft as received, not as it was before
            if result.problems:
                self.prompts.show_warning(title, "\n\n".join(result.problems))

        def failed(exc: BaseException) -> None:
            self.say(self.tr("The sync did not happen."))
            self.prompts.show_error(exc, title)

        self.say(self.tr("Syncing with the shared library..."), 0)
        session.write("sync", run, synced, failed)
