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
        S("correct_event", "policy", _n("&Correct a Date..."), "correct_event", None, "", "",
          _n("Correct a mistyped date of the selected version (the history keeps both dates)"),
          needs_policy=True),
    )

    def record_event(self, version: int | None = None, event: str | None = None) -> None:
        """The event dialog; before a first reading the draft is saved, so the
        version presented is the text on the screen."""
        from policyeditor.gui.event_dialog import EventDialog, core_preview, next_event, pending_older

        session = self.session
        data = session.data
        if data is None:
            return
        if version is not None and event is None:   # a version's row: its next step
            event = next_event(data.policy.version(version))
            if event is None:
                self.say(self.tr("Version {n} was withdrawn; no step follows.").format(n=version))
                return
        preview = core_preview(data.policy, data.context) if data.context else \
            core_preview(data.policy, today=data.today, notice_days=data.notice_days)
        dialog = EventDialog(data.policy, data.today, preview, event=event, version=version, parent=self.window)
        if not self.prompts.run_dialog(dialog):
            return
        request = dialog.request()
        amended = request.event == "adopted" and bool(data.amendment)
        if amended and not self.prompts.ask_yes_no(self.tr("Adopt the amended text?"), self.tr(
                "The draft was changed after the first reading. These are the amendments "
                "([-removed-] {{+added+}}):\n\n{changes}\n\nDid the committee adopt the text as "
                "amended?").format(changes=data.amendment)):
            return   # rule 10: the amendment is shown and confirmed first
        withdraw: list[int] = []
        if request.event == "first_reading" and not self._same_as_recorded(session.editor.text()):
            for old in pending_older(data.policy):
                if self.prompts.ask_yes_no(self.tr("Withdraw version {n}?").format(n=old.number), self.tr(
                        "Version {n} was read on {date} and is still pending (neither adopted nor "
                        "withdrawn). The new version supersedes it. Withdraw version {n} on {when}, so "
                        "the notice site and the history no longer show it as on its way?").format(
                            n=old.number, date=old.first_reading.isoformat(), when=request.when.isoformat())):
                    withdraw.append(old.number)
        policy_id = data.policy.id

        def record(lib):
            with lib.locked():   # the check, the withdrawals and the reading: one writer throughout
                return record_locked(lib)

        def record_locked(lib):
            if withdraw:   # the reading must pass before anything is withdrawn
                failures = lib.preview_event(policy_id, request.event, request.when,
                                             editorial=request.editorial, justification=request.justification)
                if failures:
                    from policyeditor.core.errors import RuleViolation

                    raise RuleViolation(failures[0].message, rule=failures[0].rule)
                for number in withdraw:
                    lib.record_event(policy_id, "withdrawn", request.when, version=number)
            return lib.record_event(
                policy_id, request.event, request.when, version=request.version,
                editorial=request.editorial, justification=request.justification, amended=amended)

        def recorded(v) -> None:
            text = self.tr("Recorded for version {n}.").format(n=v.number)
            if withdraw:
                text += " " + self.tr("Withdrawn: version {list}.").format(list=", ".join(map(str, withdraw)))
            self.say(text, 8000)

        def go() -> None:
            session.change_library("event", record, recorded, reload="all")

        if request.event == "first_reading" and session.editor.is_modified():
            # The reading presents what is on screen: saved first, and read only once saved (a
            # save refused, e.g. the draft changed elsewhere and the user cancelled, reads nothing).
            session.save(self.tr("Draft as presented"), then=go)
        else:
            go()

    def _same_as_recorded(self, text: str) -> bool:
        """The draft is the text of a recorded version (the store refuses such a reading)."""
        from policyeditor.store.files import sha256_text

        digest = sha256_text(text)
        return any(v.text_sha256 == digest for v in self.session.data.policy.versions)

    def correct_event(self) -> None:
        """The selected version's date corrected, with a reason: its own record, one commit."""
        from policyeditor.gui.event_dialog import CorrectionDialog

        data = self.session.data
        number = self.window.versions.selected_version() if data is not None else None
        if data is None or number is None:
            self.say(self.tr("Select the version whose date is wrong first."))
            return
        dialog = CorrectionDialog(data.policy, number, data.today, self.window)
        if dialog.event_box.count() == 0:
            self.say(self.tr("Version {n} has no recorded date to correct.").format(n=number))
            return
        if not self.prompts.run_dialog(dialog):
            return
        event, when, reason = dialog.request()
        policy_id = data.policy.id
        self.session.change_library(
            "correct", lambda lib: lib.correct_event(policy_id, number, event, when, reason),
            lambda v: self.say(self.tr("Corrected: {old} -> {new} for version {n}.").format(
                old=v.corrections[-1].old, new=v.corrections[-1].new, n=v.number), 8000), reload="all")

    def save_memo(self, number: int, memo) -> None:
        data = self.session.data
        if data is None:
            return
        policy_id = data.policy.id

        def saved(_v) -> None:
            self.window.memo.mark_saved(memo)
            self.say(self.tr("Memo saved."))

        if number == 0:     # the draft's memo, kept until its first reading
            self.session.change_library("memo", lambda lib: lib.update_draft_memo(policy_id, memo), saved)
            return
        self.session.change_library("memo", lambda lib: lib.update_memo(policy_id, number, memo), saved)
