"""The window's export commands: packet, redline, notice site, tagging a data file.

A mixin of ``MainWindow``. The ``Exporter`` (gui.export_dialogs) asks where
to write, shows progress and offers to open the result; the work itself
(reading the library, rendering) comes from ``gui.export_jobs`` and runs in
the window's serial pool, never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path


class ExportCommands:
    """Export handlers named in ``actions.ACTIONS``."""

    def exporter(self):
        """The window's Exporter, made on first use."""
        if getattr(self, "_exporter", None) is None:
            from policyeditor.gui.export_dialogs import Exporter

            self._exporter = Exporter(self, self.runner)
        return self._exporter

    def _export(self, key: str) -> bool:
        """Export ``key`` for the open policy (the draft saved first if changed)."""
        from policyeditor.gui import export_jobs

        if self.lib is None:
            return False
        if key not in ("site", "tag") and self.data is None:
            return False
        if self.editor.is_modified():
            self.save()
        context = self.export_context()
        work = export_jobs.work_for(key, self.lib, **context)
        suggested = Path.home() / export_jobs.suggested_name(key, **context)
        return self.exporter().export(key, work, suggested=suggested)

    def export_context(self) -> dict:
        """What the export is of: the policy, the version chosen, the memo's reading."""
        if self.data is None:
            return {}
        return {
            "policy_id": self.data.policy.id,
            "version": self.versions.selected_version(),
            "base": self.redline.base_number() or None,
            "reading": self.memo.reading(),
        }

    def export_packet(self) -> bool:
        return self._export("packet-pdf")

    def export_packet_docx(self) -> bool:
        return self._export("packet-docx")

    def export_redline(self) -> bool:
        return self._export("redline-pdf")

    def export_redline_docx(self) -> bool:
        return self._export("redline-docx")

    def export_redline_html(self) -> bool:
        return self._export("redline-html")

    def publish_site(self) -> bool:
        return self._export("site")

    def tag_data(self) -> bool:
        return self._export("tag")
