"""Library commands: open, create, the demo, recent libraries, the user's
settings, the district's details, read again, and the first-run choice."""

from __future__ import annotations

from policyeditor.gui.actions import ActionSpec as S, Key, _n
from policyeditor.gui.features import Feature


class LibraryFeature(Feature):
    """Opening and describing libraries."""

    context = "LibraryFeature"
    ACTIONS = (
        S("open_library", "file", _n("&Open Library..."), "open_library", Key.Open, "open", "document-open",
          _n("Open a policy library folder")),
        S("new_library", "file", _n("&New Library..."), "new_library", None, "new", "folder-new",
          _n("Create a new, empty policy library")),
        S("open_demo", "file", _n("Open the &Demo Library"), "open_demo", None, "",
          "", _n("Open the example library with sample policies")),
        S("settings", "file", _n("S&ettings..."), "open_settings", Key.Preferences, "", "preferences-system",
          _n("Your name and e-mail for saving, and the library folder")),
        S("district", "policy", _n("&District Details..."), "district_details", None, "", "",
          _n("The district, committee and memo signer kept in the library"), needs_library=True),
        S("refresh", "policy", _n("Re&load"), "refresh", Key.Refresh, "", "view-refresh",
          _n("Read the library again"), needs_library=True),
    )

    def open_library_at(self, folder, then=None) -> None:
        """Open the library in ``folder``; with none open yet, a failure offers the first-run choice."""
        def failed(_exc) -> None:
            if self.session.lib is None:
                self.offer_first_run()

        self.session.open_library_at(folder, then, on_error=failed)

    def open_library(self) -> None:
        if not self.session.confirm_leave(self.open_library):
            return
        lib = self.session.lib
        folder = self.prompts.choose_folder(self.tr("Open a policy library"), str(lib.path) if lib else "")
        if folder:
            self.open_library_at(folder)

    def open_recent(self, folder: str) -> None:
        if self.session.confirm_leave(lambda: self.open_library_at(folder)):
            self.open_library_at(folder)

    def new_library(self) -> None:
        """Ask for an empty folder and the district's name, create the library there."""
        from policyeditor.core.versions import LibrarySettings

        if not self.session.confirm_leave(self.new_library):
            return
        folder = self.prompts.choose_folder(self.tr("Choose an empty folder for the new library"))
        if not folder:
            return
        district = self.prompts.ask_text(self.tr("New library"), self.tr("Name of the school district:"))
        if not district or not district.strip():
            return
        self.session.create_library(folder, LibrarySettings(district=district.strip()))

    def open_demo(self) -> None:
        """Open the demo library in the user's data folder, creating it if missing."""
        if self.session.confirm_leave(self.open_demo):
            self.session.open_demo()

    def refresh(self) -> None:
        self.session.refresh()

    def offer_first_run(self) -> None:
        """No library: open a folder, create one, or open the demo."""
        from policyeditor.gui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.window)
        if self.prompts.run_dialog(dialog) and dialog.choice:
            self.session.ensure_identity()    # a first run: who is working, before anything is written
            getattr(self, dialog.choice)()

    def open_settings(self) -> None:
        """The user's settings; a changed library folder opens that library."""
        from policyeditor.gui.settings_dialog import SettingsDialog

        settings = self.session.user_settings
        dialog = SettingsDialog(settings, self.window)
        if not self.prompts.run_dialog(dialog):
            return
        old_library = settings.library
        dialog.apply_to(settings)
        self.session.settings_changed()
        if settings.library and settings.library != old_library and self.session.confirm_leave(lambda: None):
            self.open_library_at(settings.library)

    def district_details(self) -> None:
        from policyeditor.gui.library_dialog import LibraryDialog

        lib = self.session.lib
        if lib is None:
            return
        dialog = LibraryDialog(lib.settings, self.window)
        if self.prompts.run_dialog(dialog):
            settings = dialog.settings()
            self.session.change_library("district", lambda lib: lib.update_settings(settings),
                                        lambda _r: self.session.library_changed.emit())
