"""File > Import Documents: Word, Markdown or text files become policies, with a preview.

The user chooses a document or a folder of documents; the documents are read
and planned in the session's worker (``ops.importing.plan_files``: nothing
written), the preview says what will be created (id, title, code, legacy
versions) and what will not be imported and why, and only on Yes are the
policies written (``ops.importing.apply_plans``, in the worker, all or
nothing per document). The same functions serve ``policyeditor import``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from policyeditor.gui.actions import ActionSpec as S, _n
from policyeditor.gui.features import Feature

PREVIEW_LINES = 25
FILE_FILTER = "Documents (*.docx *.md *.markdown *.txt);;All files (*)"


class ImportFeature(Feature):
    """File > Import Documents..."""

    context = "ImportFeature"
    ACTIONS = (
        S("import_documents", "file", _n("&Import Documents..."), "import_documents", None, "", "document-import",
          _n("Bring Word, Markdown or text documents (or a folder of them) in as policies"), needs_library=True),
    )

    def tr_n(self, text: str, n: int) -> str:
        """A translated text with a number (%n) that may change its words."""
        return QCoreApplication.translate(self.context, text, "", n)

    def import_documents(self) -> None:
        session = self.session
        if session.lib is None or not session.confirm_leave(self.import_documents):
            return
        title = self.tr("Import documents")
        one, folder = self.tr("One document..."), self.tr("A folder of documents...")
        choice = self.prompts.choose_item(title, self.tr("What do you want to import?"), [one, folder])
        if choice is None:
            return
        if choice == folder:
            path = self.prompts.choose_folder(title, str(Path.home()))
        else:
            path = self.prompts.choose_file_to_open(title, Path.home(), FILE_FILTER)
        if path is None:
            return
        self.preview(Path(path))

    def preview(self, path: Path, accept_changes: bool = False, titles: dict | None = None) -> None:
        """Plan the import of ``path`` in the worker, then show the preview.

        Documents still holding tracked changes or comments are refused; the
        user is asked once whether to take them as if every change were
        accepted (then they are read again).
        """
        from policyeditor.ops.importing import plan_files

        session, lib = self.session, self.session.lib
        title = self.tr("Import documents")

        def failed(exc: BaseException) -> None:
            self.say(self.tr("Nothing was imported."))
            self.prompts.show_error(exc, title)

        def planned(plans) -> None:
            pending = [p.source.name for p in plans if getattr(p, "changes_pending", False)]
            if pending and not accept_changes and self.prompts.ask_yes_no(title, self.tr_n(
                    "%n document(s) still hold tracked changes or comments:", len(pending)) + "\n"
                    + "\n".join(pending[:PREVIEW_LINES]) + "\n\n"
                    + self.tr("Import them as if every change were accepted? (No: they are left out; "
                              "accept or reject the changes in Word first.)")):
                self.preview(path, accept_changes=True, titles=titles)
                return
            named = self.ask_titles([p for p in plans if getattr(p, "needs_title", False)]) if titles is None else {}
            if named:
                self.preview(path, accept_changes=accept_changes, titles=named)
                return
            self._confirm(lib, plans)

        self.say(self.tr("Reading the documents..."), 0)
        session.write("import-plan", lambda: plan_files(lib, [path], accept_changes=accept_changes, titles=titles),
                      planned, failed)

    def ask_titles(self, unnamed) -> dict:
        """The title of each document that does not say its own (the first ten; cancel leaves one out)."""
        titles = {}
        for result in unnamed[:10]:
            text = self.prompts.ask_text(self.tr("Import documents"), self.tr(
                "%1 does not say which policy it is. Its title (for example Website Privacy):").replace(
                    "%1", result.source.name))
            if text and text.strip():
                titles[result.source] = text.strip()
        return titles

    def preview_text(self, plans) -> tuple[str, int]:
        """The preview's words and how many policies would be created."""
        from policyeditor.ops.importing import ImportPlan

        ready = [p for p in plans if isinstance(p, ImportPlan)]
        refused = [p for p in plans if not isinstance(p, ImportPlan)]
        lines: list[str] = []
        if ready:
            lines.append(self.tr("Will be created (or found already in the library, then left as it is):"))
            lines += [f"\u2022 {p.source.name}: {p.summary}" for p in ready[:PREVIEW_LINES]]
            if len(ready) > PREVIEW_LINES:
                lines.append(self.tr_n("... and %n more.", len(ready) - PREVIEW_LINES))
        if refused:
            lines.append("")
            lines.append(self.tr("Will not be imported:"))
            lines += [f"\u2022 {r.source.name}: {r.message}" for r in refused[:PREVIEW_LINES]]
            if len(refused) > PREVIEW_LINES:
                lines.append(self.tr_n("... and %n more.", len(refused) - PREVIEW_LINES))
        return "\n".join(lines), len(ready)

    def _confirm(self, lib, plans) -> None:
        from policyeditor.ops.importing import apply_plans

        session = self.session
        title = self.tr("Import documents")
        text, count = self.preview_text(plans)
        self.say("")
        if not count:
            self.prompts.show_warning(title, text)
            return
        if not self.prompts.ask_yes_no(title, text + "\n\n" + self.tr_n("Import %n document(s)?", count)):
            self.say(self.tr("Nothing was imported."))
            return

        def done(run) -> None:
            from policyeditor.ops.importing import REFUSED

            self.say(run.summary, 15000)
            session.refresh()
            refused = [r for r in run.results if r.status == REFUSED]
            if refused:
                self.prompts.show_warning(title, "\n".join(f"{r.source.name}: {r.message}" for r in refused))

        def failed(exc: BaseException) -> None:
            self.say(self.tr("Nothing was imported."))
            self.prompts.show_error(exc, title)

        self.say(self.tr("Importing..."), 0)
        session.write("import", lambda: apply_plans(lib, plans), done, failed)
