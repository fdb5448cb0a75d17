"""Policy commands: save the draft (with a message), a new policy, a policy's details."""

from __future__ import annotations

from policyeditor.core.errors import PolicyEditorError
from policyeditor.gui.actions import ActionSpec as S, Key, _n
from policyeditor.gui.features import Feature


class PoliciesFeature(Feature):
    """Saving drafts and creating and describing policies."""

    context = "PoliciesFeature"
    ACTIONS = (
        S("save", "file", _n("&Save"), "save", Key.Save, "save", "document-save",
          _n("Save the draft to the library"), toolbar=True, needs_policy=True),
        S("save_with_message", "file", _n("Save with &Message..."), "save_with_message", "Ctrl+Shift+S",
          "", "", _n("Save the draft with a note saying what changed"), needs_policy=True),
        S("new_policy", "policy", _n("&New Policy..."), "new_policy", Key.New, "", "document-new",
          _n("Add a policy to the library"), needs_library=True),
        S("policy_details", "policy", _n("Policy De&tails..."), "policy_details", None, "", "",
          _n("Title, code, review cycle and notice period of the policy"), needs_policy=True),
    )

    def save(self) -> None:
        self.session.save()

    def save_with_message(self) -> None:
        message = self.prompts.ask_multiline(self.tr("Save with a message"),
                                             self.tr("What changed, and why (for the history):"))
        if message is not None:
            self.session.save(message.strip())

    def new_policy(self) -> None:
        """Ask for a title and an id; create the policy and open it."""
        from policyeditor.core.ids import validate_policy_id

        session = self.session
        if session.lib is None or not session.confirm_leave(self.new_policy):
            return
        title = self.prompts.ask_text(self.tr("New policy"), self.tr("Title of the policy:"))
        if not title or not title.strip():
            return
        suggested = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())
        policy_id = self.prompts.ask_text(
            self.tr("New policy"),
            self.tr("Short name (lowercase letters, digits and '-'; used for files and tags):"), suggested)
        if policy_id is None:
            return
        try:
            policy_id = validate_policy_id(policy_id.strip())
        except PolicyEditorError as exc:
            self.prompts.show_error(exc)
            return
        title = title.strip()
        session.change_library("new-policy", lambda lib: lib.create_policy(policy_id, title),
                               lambda p: session.refresh(after=lambda: session.select_requested.emit(p.id, True)),
                               reload="")

    def policy_details(self) -> None:
        """Title, code, review cycle and notice period; one commit, in the worker."""
        from policyeditor.gui.policy_dialog import PolicyDialog

        data = self.session.data
        if data is None:
            return
        dialog = PolicyDialog(data.policy, data.settings.notice_days, self.window)
        if not self.prompts.run_dialog(dialog):
            return
        changes = dialog.changes()
        if not changes:
            self.say(self.tr("Nothing was changed."))
            return
        policy_id = data.policy.id
        self.session.change_library(
            "policy-details", lambda lib: lib.update_policy_info(policy_id, **changes),
            lambda p: self.say(self.tr("Saved the details of {title}.").format(title=p.title)), reload="all")
