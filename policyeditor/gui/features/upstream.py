"""Policy > Model Policy Updates: an association's revisions, listed with redlines, merged into the drafts."""

from __future__ import annotations

from policyeditor.gui.actions import ActionSpec as S, _n
from policyeditor.gui.features import Feature


class UpstreamFeature(Feature):
    context = "UpstreamFeature"
    ACTIONS = (
        S("model_updates", "policy", _n("&Model Policy Updates..."), "model_updates", None, "", "",
          _n("The association's revisions of its model policies, merged into your drafts"), needs_library=True),
    )

    def model_updates(self) -> None:
        session = self.session
        if session.lib is None or not session.confirm_leave(self.model_updates):
            return
        from policyeditor.ops.upstream import upstream_names

        title = self.tr("Model policy updates")
        session.read("model-names", upstream_names, lambda names: self._choose(names, title),
                     lambda exc: self.prompts.show_error(exc, title))

    def _choose(self, names: list[str], title: str) -> None:
        if not names:
            self.prompts.show_warning(title, self.tr(
                "This library follows no model manual yet. Add one on the command line: "
                "policyeditor upstream add NAME FOLDER-OR-ADDRESS"))
            return
        name = names[0] if len(names) == 1 else self.prompts.choose_item(
            title, self.tr("Model manual:"), names)
        if not name:
            return
        from policyeditor.gui.model_updates import load_updates

        self.say(self.tr("Reading the model manual..."), 0)
        self.session.read("model-updates", lambda lib: load_updates(lib, name), lambda loaded: self._show(loaded, title),
                          lambda exc: self.prompts.show_error(exc, title))

    def _show(self, loaded, title: str) -> None:
        from policyeditor.gui.model_updates import ModelUpdatesDialog

        self.say("")
        today = self.session.lib.today().isoformat() if self.session.lib is not None else ""
        dialog = ModelUpdatesDialog(loaded, self.tr("update of {date}").format(date=today), self.window)
        try:
            if not self.prompts.run_dialog(dialog):
                return
            update = dialog.update_name.text().strip()
        finally:
            dialog.deleteLater()

        def pull(lib):
            from policyeditor.ops.upstream import pull_upstream

            return pull_upstream(lib, loaded.name, update=update)

        def done(report) -> None:
            lines = [line.replace("upstream take NAME", f"upstream take {loaded.name}") for line in report.lines()]
            self.session.refresh(after=lambda: self.say(lines[0], 20000))
            if len(lines) > 1:
                self.prompts.show_warning(title, "\n\n".join(lines))

        self.session.change_library("model-pull", pull, done, reload="")
