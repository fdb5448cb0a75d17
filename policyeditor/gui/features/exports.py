"""Export commands: packet, redline, notice site, tagging a data file.

The ``Exporter`` (gui.export_dialogs) asks where to write through the
session's prompts, shows progress and offers to open the result; the work
itself (reading the library, rendering) comes from ``gui.export_jobs`` and
runs in the session's serial pool, never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from policyeditor.gui.actions import ActionSpec as S, Key, _n
from policyeditor.gui.features import Feature


class ExportsFeature(Feature):
    """File > Export ..., Publish Notice Site, Tag a Data File."""

    context = "ExportsFeature"
    ACTIONS = (
        S("export_packet", "file", _n("Export &Packet..."), "export_packet", Key.Print, "packet",
          "document-print", _n("Export the committee packet (memo and redline) as PDF or Word"),
          toolbar=True, needs_policy=True),
        S("export_packet_docx", "file", _n("Export Packet as &Word..."), "export_packet_docx", None, "", "",
          _n("Export the committee packet as a Word document"), needs_policy=True),
        S("export_redline", "file", _n("Export Redline as PD&F..."), "export_redline", "Ctrl+Shift+E",
          "redline", "document-export", _n("Export the redline of the draft as PDF"), needs_policy=True),
        S("export_redline_docx", "file", _n("Export Redline &as Word..."), "export_redline_docx", None, "", "",
          _n("Export the redline as a Word document with tracked changes"), needs_policy=True),
        S("export_redline_html", "file", _n("Export Redline as Web Pa&ge..."), "export_redline_html", None,
          "", "", _n("Export the redline as a web page"), needs_policy=True),
        S("publish_site", "file", _n("Pu&blish Notice Site..."), "publish_site", None, "", "",
          _n("Write the public notice web site of the library"), needs_library=True),
        S("tag_data", "file", _n("&Tag a Data File..."), "tag_data", None, "", "",
          _n("Record which policy version governs a file of collected data"), needs_library=True),
    )

    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self._exporter = None

    @property
    def exporter(self):
        """The window's Exporter, made on first use (asks through the session's prompts)."""
        if self._exporter is None:
            from policyeditor.gui.export_dialogs import Exporter

            self._exporter = Exporter(self.window, self.session.runner, prompts=self.prompts)
        return self._exporter

    def _export(self, key: str) -> bool:
        """Export ``key`` for the open policy (the draft saved first if changed)."""
        from policyeditor.gui import export_jobs

        session = self.session
        if session.lib is None:
            return False
        if key not in ("site", "tag") and session.data is None:
            return False
        if session.editor.is_modified():
            session.save()
        context = self.context_of_export()
        work = export_jobs.work_for(key, session.lib, **context)
        suggested = Path.home() / export_jobs.suggested_name(key, **context)
        return self.exporter.export(key, work, suggested=suggested)

    def context_of_export(self) -> dict:
        """What the export is of: the policy, the version chosen, the memo's reading and date."""
        data, window = self.session.data, self.window
        if data is None:
            return {}
        return {
            "policy_id": data.policy.id,
            "version": window.versions.selected_version(),
            "base": window.redline.base_number() or None,
            "reading": window.memo.reading(),
            "on": window.memo.meeting_date(),
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
