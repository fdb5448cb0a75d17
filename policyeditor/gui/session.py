"""The window's session: the open library, the loaded policy, and their work.

``Session`` (a QObject, not a widget) owns what the window is about: the
open ``Library``, the loaded policy (``loading.PolicyData``), the
``TaskRunner`` every library call goes through (git never runs on the UI
thread), the user's settings, autosave and recovery, and the ``Prompts``
through which commands ask the user anything. It writes (one commit at a
time, in the runner's serial pool) and reads the library again after a
write, so what the window shows is what the library holds.

The window is presentation only: it builds the panels, registers them with
``add_panel`` (each has ``show_policy(data, same)``, called whenever the
loaded policy is read again) and follows the session's signals. The
feature modules (``gui/features``) hold the commands and call the session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from policyeditor.gui.prompts import Prompts
from policyeditor.gui.recovery import Autosaver, RecoveryFile
from policyeditor.gui.tasks import TaskRunner

if TYPE_CHECKING:   # loaded in the workers, after the window shows
    from policyeditor.gui import loading


def tr(text: str) -> str:
    """Translate a string of this module's context."""
    return QCoreApplication.translate("session", text)


class PolicyPanel(Protocol):
    """A panel the session shows the loaded policy in."""

    def show_policy(self, data: "loading.PolicyData", same: bool) -> None:
        """Show ``data``; ``same``: the same policy read again (keep the user's place)."""


class Session(QObject):
    """One library in one window; see the module docstring.

    Signals:
        status(str, int): a status-bar message and how long to show it (ms, 0: until replaced).
        library_changed(): a library was opened (or its details changed).
        policy_changed(bool): the loaded policy was shown again (``same``: the same one re-read).
        rows_loaded(list): the policy list was read (``policy_list.PolicyRow`` rows).
        select_requested(str, bool): select a policy in the list (id, and whether to open it).
    """

    status = Signal(str, int)
    library_changed = Signal()
    policy_changed = Signal(bool)
    rows_loaded = Signal(list)
    select_requested = Signal(str, bool)

    def __init__(self, user_settings, editor, prompts: Prompts | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.user_settings = user_settings
        self.editor = editor                 # the draft editor: text(), set_text(), is_modified() ...
        self.prompts = prompts or Prompts(parent if isinstance(parent, QWidget) else None)
        self.runner = TaskRunner(self)
        self.runner.failed.connect(lambda exc: self.prompts.show_error(exc))
        self.lib = None
        self.data: "loading.PolicyData | None" = None
        self.rows: list = []
        self.autosaver: Autosaver | None = None
        self._panels: list[PolicyPanel] = []
        self._recovered: dict[str, str] = {}
        self._after_open: Callable[[], None] | None = None
        self._writes = 0
        self._saving = 0       # saves of the draft still in the worker
        self._after_save: list[Callable[[], None]] = []
        self._closed = False
        self.loaded_draft = ""   # the draft text the editor started from (what a save expects)
        self._asked_identity = False

    def add_panel(self, panel: PolicyPanel) -> None:
        """Show every loaded policy in ``panel`` too (in the order added)."""
        self._panels.append(panel)

    def say(self, text: str, ms: int = 6000) -> None:
        self.status.emit(text, ms)

    # -- running work --------------------------------------------------------------
    def read(self, key: str, fn: Callable[[Any], Any], on_done: Callable, on_error: Callable | None = None) -> int:
        """Run ``fn(lib)`` in the serial pool; a newer read of ``key`` makes this one stale."""
        lib = self.lib
        return self.runner.run(key, lambda: fn(lib), on_done, on_error, serial=True)

    def write(self, what: str, fn: Callable[[], Any], on_done: Callable, on_error: Callable | None = None) -> int:
        """Run a library write in the serial pool. Writes are never "stale":
        each gets its own key, so every commit's result is reported."""
        self._writes += 1
        return self.runner.run(f"{what}#{self._writes}", fn, on_done, on_error, serial=True)

    def change_library(self, what: str, fn: Callable[[Any], Any], done: Callable[[Any], None] | None = None,
                       *, reload: str = "policy") -> int | None:
        """Write ``fn(lib)`` (one commit) in the worker, then read again what it changed.

        ``reload``: "policy" (the loaded policy), "all" (the list and the policy)
        or "" (nothing). Errors come back as the one error dialog.
        """
        if self.lib is None:
            return None
        self.ensure_identity()
        lib = self.lib

        def written(result) -> None:
            if done is not None:
                done(result)
            if reload == "all":
                self.refresh()
            elif reload == "policy":
                self.reload_policy()

        return self.write(what, lambda: fn(lib), written)

    def author(self):
        from policyeditor.store import Author

        if self.user_settings.name and self.user_settings.email:
            return Author(self.user_settings.name, self.user_settings.email)
        return None

    # -- libraries -----------------------------------------------------------------
    def open_library_at(self, path: str | Path, then: Callable[[], None] | None = None,
                        on_error: Callable[[BaseException], None] | None = None) -> None:
        """Open the library in ``path`` (in the worker); ``then`` runs once it is shown."""
        from policyeditor.store import Library

        def failed(exc: BaseException) -> None:
            self.prompts.show_error(exc, tr("The library could not be opened"))
            if on_error is not None:
                on_error(exc)

        self._after_open = then
        self.say(tr("Opening {path}...").format(path=path))
        self.runner.run("library", lambda: Library.open(path), self.library_opened, failed, serial=True)

    def create_library(self, folder: Path, settings) -> None:
        from policyeditor.store import Library

        author = self.author()
        self.runner.run("library", lambda: Library.create(folder, settings, author),
                        self.library_opened, serial=True)

    def open_demo(self) -> None:
        from policyeditor.store.demo import ensure_demo

        self.runner.run("library", ensure_demo, self.library_opened, serial=True)

    def library_opened(self, lib) -> None:
        """A library was opened in the worker: show it (UI thread)."""
        if self.autosaver is not None:
            self.autosaver.stop()
        if self.lib is not None and self.lib is not lib:
            old = self.lib
            self.runner.run("close-library", old.close, lambda _r: None, serial=True)
        self.lib, self.data = lib, None
        self.editor.set_text("")
        self.loaded_draft = ""
        repairs = list(getattr(lib, "repairs", ()) or ())
        if repairs:   # what the crash recovery did on opening: said, never silent
            self.prompts.show_warning(tr("A change cut short was repaired"), "\n\n".join(repairs))
        author = self.author()
        if author is not None:
            lib.author = author
        self.user_settings.add_recent(str(lib.path))
        self.write("settings", self.user_settings.save, lambda _r: None)
        recovery = RecoveryFile(lib.path)
        self._recovered = recovery.load()
        self.autosaver = Autosaver(recovery, self.unsaved_drafts, self, runner=self.runner)
        self.autosaver.failed.connect(lambda exc: self.prompts.show_error(exc, tr("Autosave failed")))
        self.library_changed.emit()
        self.refresh(after=self._offer_restore)
        if repairs:
            self.say(repairs[-1], 15000)

    def ensure_identity(self) -> None:
        """Before the first commit of a person with no name in the settings, ask who is
        working (once per session: a "no" is not asked again until the next start)."""
        if self.author() is None and not self._asked_identity:
            self.ask_identity()

    def ask_identity(self) -> None:
        """Who is working: name and e-mail for every commit (first run, or none in the settings)."""
        from policyeditor.gui.settings_dialog import IdentityDialog

        self._asked_identity = True
        settings = self.user_settings
        dialog = IdentityDialog(settings.name, settings.email,
                                self.parent() if isinstance(self.parent(), QWidget) else None)
        if self.prompts.run_dialog(dialog):
            dialog.apply_to(settings)
            self.write("settings", settings.save, lambda _r: None)
            if self.lib is not None:
                self.lib.author = self.author()
        else:
            self.say(tr("Saves are signed with this computer's login until you give your name "
                        "and e-mail in Settings."), 15000)

    def settings_changed(self) -> None:
        """The user's settings were changed: save them, and sign commits with the new name."""
        self.write("settings", self.user_settings.save, lambda _r: self.say(tr("Settings saved.")))
        author = self.author()
        if self.lib is not None and author is not None:
            self.lib.author = author

    def refresh(self, after: Callable[[], None] | None = None, quiet: bool = False) -> None:
        """Read the policy list again (and the open policy); ``quiet``: keep the status
        bar's message (e.g. "Saved") instead of the count of policies."""
        if self.lib is None:
            return

        def rows(lib):
            from policyeditor.gui.policy_list import policy_rows

            return policy_rows(lib)

        def shown(rows) -> None:
            self.rows = list(rows)
            self.rows_loaded.emit(self.rows)
            if not quiet:
                self.say(tr("{n} policies").format(n=len(rows)), 3000)
            if after is not None:
                after()

        if after is None:
            self.read("list", rows, shown)
        else:   # a follow-up is waiting for this very list: never drop it
            lib = self.lib
            self.write("list", lambda: rows(lib), shown)
        if self.data is not None:
            self.reload_policy()

    # -- policies ------------------------------------------------------------------
    def choose_policy(self, policy_id: str) -> None:
        """The user picked ``policy_id`` in the list: open it (after asking to save)."""
        if self.data is not None and self.data.policy.id == policy_id:
            return
        if not self.confirm_leave(lambda: self.select_requested.emit(policy_id, True)):
            if self.data is not None:
                self.select_requested.emit(self.data.policy.id, False)
            return
        self.open_policy(policy_id)

    def open_policy(self, policy_id: str) -> None:
        from policyeditor.gui import loading

        self.read("policy", lambda lib: loading.load_policy(lib, policy_id), self._on_policy_loaded)

    def reload_policy(self) -> None:
        """Read the open policy's record again, keeping the draft as typed."""
        from policyeditor.gui import loading

        if self.data is not None:
            policy_id = self.data.policy.id
            self.read("policy", lambda lib: loading.load_policy(lib, policy_id),
                      lambda d: self._on_policy_loaded(d, keep_draft=True))

    def _on_policy_loaded(self, data: "loading.PolicyData", keep_draft: bool = False) -> None:
        same = self.data is not None and self.data.policy.id == data.policy.id
        self.data = data
        if keep_draft and same and not self.editor.is_modified() and data.draft != self.loaded_draft:
            keep_draft = False      # saved elsewhere while nothing was typed here: show theirs
        if not (keep_draft and same):
            self.editor.set_text(data.draft)
            self.loaded_draft = data.draft
            recovered = self._recovered.pop(data.policy.id, None)
            if recovered is not None and recovered != data.draft:
                self.editor.set_text(recovered)
                self.editor.mark_saved(data.draft)
                self.editor.document().setModified(True)
                self.say(tr("Restored the unsaved changes of {title}.").format(title=data.policy.title), 10000)
        for panel in self._panels:
            panel.show_policy(data, same)
        self.policy_changed.emit(same)

    # -- saving --------------------------------------------------------------------
    def save(self, message: str = "", then: Callable[[], None] | None = None, *,
             expected: str | None = None) -> None:
        """Commit the draft (in the worker); ``then`` runs after a successful save.

        The save expects the draft to be the text the editor loaded
        (``expected``, default ``loaded_draft``): when it was saved elsewhere
        meanwhile (the command line, a sync), nothing is written and the user
        sees both texts and chooses (``_draft_changed``)."""
        if self.data is None:
            return
        if not self.editor.is_modified():
            self.say(tr("No changes to save."))
            if then is not None:
                then()
            return
        self.ensure_identity()
        lib, policy_id, text = self.lib, self.data.policy.id, self.editor.text()
        base = self.loaded_draft if expected is None else expected
        who = self.author()

        def saved(sha: str | None) -> None:
            self._saving -= 1
            waiting, self._after_save = (self._after_save, []) if not self._saving else ([], self._after_save)
            if self.editor.text() == text:
                self.editor.mark_saved(text)
            self.loaded_draft = text
            if self.autosaver is not None:
                self.autosaver.tick()
            if sha and who is not None:
                self.say(tr("Saved ({sha}) as {name}.").format(sha=sha[:7], name=who.name), 8000)
            else:
                self.say(tr("Saved ({sha}).").format(sha=sha[:7]) if sha else tr("No changes to save."), 8000)
            self.refresh(quiet=True)
            if then is not None:
                then()
            for follow in waiting:
                follow()

        def failed(exc: BaseException) -> None:
            from policyeditor.core.errors import DraftChanged

            self._saving -= 1
            if not self._saving:
                self._after_save.clear()    # the user is told; what waited is not done
            if isinstance(exc, DraftChanged) and self.data is not None and self.data.policy.id == policy_id:
                self._draft_changed(exc, message, then)
            else:
                self.prompts.show_error(exc)

        if who is not None:
            self.say(tr("Saving as {name} <{email}>...").format(name=who.name, email=who.email), 0)
        else:
            self.say(tr("Saving..."), 0)
        self._saving += 1
        self.write("save", lambda: lib.save_draft(policy_id, text, message, expected=base), saved, failed)

    def _draft_changed(self, exc, message: str, then: Callable[[], None] | None) -> None:
        """The draft was saved elsewhere since it was loaded: show theirs against mine, ask."""
        from policyeditor.core import textmodel as tm
        from policyeditor.gui.redline_html import compute_redline

        shown = compute_redline(exc.theirs, tm.parse(exc.mine)).html
        answer = self.prompts.ask_choice(
            tr("The draft was changed elsewhere"),
            tr("The draft of {title} was saved by someone else (another window, the command line or "
               "another workstation) since you opened it. Below, their text is shown changed into yours: "
               "struck words are theirs only, underlined words yours only.\n\nKeep your text (their "
               "changes are replaced), take their text (your changes are dropped), or cancel and "
               "compare first?").format(title=self.data.policy.title),
            [("mine", tr("&Keep my text")), ("theirs", tr("&Take their text"))], shown)
        if answer == "mine":
            self.save(message, then, expected=exc.theirs)
        elif answer == "theirs":
            self.editor.set_text(exc.theirs)
            self.loaded_draft = exc.theirs
            self.say(tr("Their text is shown; your changes were dropped."), 8000)
            self.refresh(quiet=True)
        else:
            self.say(tr("Not saved: the draft was changed elsewhere."), 10000)

    def confirm_leave(self, then: Callable[[], None]) -> bool:
        """True when there is nothing unsaved (or the user discards it). On "Save"
        the save starts and ``then`` runs after it; False is returned for now.
        While a save is still running, ``then`` waits for it (what it saves is
        not unsaved) and False is returned for now."""
        if self._saving:
            self._after_save.append(then)
            return False
        if self.data is None or not self.editor.is_modified():
            return True
        answer = self.prompts.ask_save_discard_cancel(
            tr("Unsaved changes"),
            tr("The draft of {title} has changes that are not saved. Save them?").format(
                title=self.data.policy.title))
        if answer == "save":
            self.save(then=then)
            return False
        if answer == "discard":
            self.editor.mark_saved(self.data.draft)
            self.editor.set_text(self.data.draft)
            self.loaded_draft = self.data.draft
            return True
        return False

    # -- recovery ------------------------------------------------------------------
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
        known = {r.id: r.title for r in self.rows}
        self._recovered = {k: v for k, v in self._recovered.items() if k in known}
        if not self._recovered:
            return
        titles = ", ".join(known[k] for k in self._recovered)
        if self.prompts.ask_yes_no(
                tr("Restore unsaved changes?"),
                tr("policyeditor was not closed properly last time. Unsaved changes to {titles} "
                   "were kept. Restore them?").format(titles=titles)):
            self.open_policy(next(iter(self._recovered)))
        else:
            self._recovered = {}
            if self.autosaver is not None:
                self.autosaver.clear()

    def shut_down(self, timeout_ms: int = 30000) -> None:
        """Closing cleanly: wait for running work (the pools drained), keep or drop
        the recovery file, close the library. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self.autosaver is not None:
            self.autosaver.stop()
            if not self.unsaved_drafts():
                self.autosaver.clear()          # after any write still running
        if self.lib is not None:
            self.runner.run("close-library", self.lib.close, lambda _r: None, serial=True)
        self.runner.shut_down(timeout_ms)       # every request reported, the worker thread ended
