"""Policy > Resolve Conflict: choose between two workstations' changes (gui/conflict_view.py)."""

from __future__ import annotations

from policyeditor.gui.actions import ActionSpec as S, _n
from policyeditor.gui.features import Feature


class ConflictsFeature(Feature):
    """Resolve a policy that a sync marked "conflict"; the choice is committed in the worker."""

    context = "ConflictsFeature"
    ACTIONS = (
        S("resolve_conflict", "policy", _n("Resol&ve Conflict..."), "resolve_conflict", None, "", "",
          _n("Choose between the changes made to this policy on two workstations"), needs_policy=True),
    )

    def resolve_conflict(self) -> None:
        session = self.session
        if session.lib is None or session.data is None or not session.confirm_leave(self.resolve_conflict):
            return
        from policyeditor.gui.conflict_view import load_conflict

        policy_id = session.data.policy.id
        session.read("conflict", lambda lib: load_conflict(lib, policy_id), self._show,
                     lambda exc: self.prompts.show_error(exc, self.tr("Resolve conflict")))

    def _show(self, loaded) -> None:
        if loaded is None:
            self.say(self.tr("This policy has no conflict to resolve."))
            return
        from policyeditor.gui.conflict_view import ConflictDialog

        dialog = ConflictDialog(loaded, self.window)
        try:
            if not self.prompts.run_dialog(dialog):
                return
            text, side = dialog.merged_text(), dialog.fields_side()
        except Exception as exc:      # a choice the merge cannot use: said plainly, nothing written
            self.prompts.show_error(exc, self.tr("Resolve conflict"))
            return
        finally:
            dialog.deleteLater()

        def resolve(lib):
            from policyeditor.store import conflicts

            if text is None:
                return conflicts.resolve(lib, loaded.policy_id, take=side)
            return conflicts.resolve(lib, loaded.policy_id, text=text, fields=side)

        def done(_sha) -> None:
            said = self.tr("Conflict resolved. Sync to send your choice to the shared library.")
            self.session.refresh(after=lambda: self.say(said, 15000))
            self.session.open_policy(loaded.policy_id)

        self.session.change_library("resolve", resolve, done, reload="")
