"""Process commands: record an event of a version, save a version's memo."""

from __future__ import annotations

from policyeditor.gui.actions import ActionSpec as S, _n
from policyeditor.gui.features import Feature


class EventsFeature(Feature):
    """Readings, adoption, posting, effective dates, reviews, withdrawals; memos."""

    context = "EventsFeature"
    ACTIONS = (
        S("record_event", "policy", _n("&Record an Event..."), "record_event", "Ctrl+E", "event",
          "appointment-new", _n("Record a reading, adoption, posting, effective date, review or withdrawal"),
          toolbar=True, needs_policy=True),
    )

    def record_event(self, version: int | None = None, event: str | None = None) -> None:
        """The event dialog; before a first reading the draft is saved, so the
        version presented is the text on the screen."""
        from policyeditor.gui.event_dialog import EventDialog, core_preview

        session = self.session
        data = session.data
        if data is None:
            return
        preview = core_preview(data.policy, data.context) if data.context else \
            core_preview(data.policy, today=data.today, notice_days=data.notice_days)
        dialog = EventDialog(data.policy, data.today, preview, event=event, version=version, parent=self.window)
        if not self.prompts.run_dialog(dialog):
            return
        request = dialog.request()
        if request.event == "first_reading" and session.editor.is_modified():
            session.save(self.tr("Draft as presented"))   # the reading presents what is on screen
        amended = request.event == "adopted" and bool(data.amendment)
        if amended and not self.prompts.ask_yes_no(self.tr("Adopt the amended text?"), self.tr(
                "The draft was changed after the first reading. These are the amendments "
                "([-removed-] {{+added+}}):\n\n{changes}\n\nDid the committee adopt the text as "
                "amended?").format(changes=data.amendment)):
            return   # rule 10: the amendment is shown and confirmed first
        policy_id = data.policy.id
        session.change_library(
            "event", lambda lib: lib.record_event(
                policy_id, request.event, request.when, version=request.version,
                editorial=request.editorial, justification=request.justification, amended=amended),
            lambda v: self.say(self.tr("Recorded for version {n}.").format(n=v.number)), reload="all")

    def save_memo(self, number: int, memo) -> None:
        data = self.session.data
        if data is None:
            return
        policy_id = data.policy.id

        def saved(_v) -> None:
            self.window.memo.mark_saved(memo)
            self.say(self.tr("Memo saved."))

        self.session.change_library("memo", lambda lib: lib.update_memo(policy_id, number, memo), saved)
