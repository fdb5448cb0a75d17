"""Export from the window: choose where, write in the background, offer to open it.

``Exporter.export(kind, work, suggested=...)`` asks where to write through
the window's prompts (gui.prompts: a save dialog, a folder for the notice
site, the data file for tagging), then runs
``work(path)`` off the UI thread through the window's ``TaskRunner`` while a
busy indicator shows. On success a message says where the result is, with an
"Open the file" button; a failure comes back through ``errors.show_error`` in
plain words. ``work`` is where the library is read and the renderer called;
it runs on a worker thread and returns the path it wrote (or a
``export_jobs.Written`` with a sentence for the message). For tagging, the
user also picks the column of collection times, and ``work(path, column)``
is called.

The functions that build ``work`` for each kind from a library live in
``gui.export_jobs``; this module only knows paths, dialogs and the runner,
so tests hand it scripted prompts (or ``choose_path``/``choose_column``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from policyeditor.core.errors import DataError, PolicyEditorError
from policyeditor.gui.export_jobs import Written, data_columns, guess_time_column
from policyeditor.gui.tasks import TaskRunner
from policyeditor.ops.formats import PACKET, REDLINE, formats_for


def tr(text: str) -> str:
    """Translate a string of this module's context."""
    return QCoreApplication.translate("export_dialogs", text)


@dataclass(frozen=True)
class ExportKind:
    """One thing the window can export.

    ``target``: "file" (a save dialog for a new file), "folder" (a folder to
    write into) or "input" (an existing file to read; the work chooses where
    its output goes and returns that path).
    """

    key: str
    title: str
    file_filter: str = ""
    suffix: str = ""
    target: str = "file"


def export_kinds() -> dict[str, ExportKind]:
    """Every export, by key (translated now, so call it after the application starts).

    The file exports are those of the format table (``ops.formats``): one kind
    per export and format it allows, named "<export>-<format>".
    """
    files = {
        "redline-html": (tr("Export the redline as a web page"), tr("Web page (*.html)")),
        "redline-pdf": (tr("Export the redline as PDF"), tr("PDF document (*.pdf)")),
        "redline-docx": (tr("Export the redline as Word (tracked changes)"), tr("Word document (*.docx)")),
        "packet-pdf": (tr("Export the packet as PDF"), tr("PDF document (*.pdf)")),
        "packet-docx": (tr("Export the packet as Word"), tr("Word document (*.docx)")),
    }
    kinds = [ExportKind(f"{export}-{fmt.name}", *files[f"{export}-{fmt.name}"], fmt.suffix)
             for export in (REDLINE, PACKET) for fmt in formats_for(export)]
    kinds += [
        ExportKind("site", tr("Publish the notice site to a folder"), target="folder"),
        ExportKind("tag", tr("Tag a data file with the version in force"),
                   tr("Data files (*.csv *.jsonl *.json);;All files (*)"), target="input"),
    ]
    return {k.key: k for k in kinds}


_export_ids = itertools.count(1)
ChoosePath = Callable[[ExportKind, Path], "Path | None"]
ChooseColumn = Callable[[Path], "str | None"]
Work = Callable[..., "Path | Written | None"]


def prompt_choose_path(prompts) -> ChoosePath:
    """Ask through ``prompts`` (gui.prompts): save a file, choose a folder, or open a data file."""

    def choose(kind: ExportKind, suggested: Path) -> Path | None:
        if kind.target == "folder":
            return prompts.choose_folder(kind.title, str(suggested))
        if kind.target == "input":
            return prompts.choose_file_to_open(kind.title, suggested, kind.file_filter)
        return prompts.choose_file_to_save(kind.title, suggested, kind.file_filter)

    return choose


def prompt_choose_column(prompts) -> ChooseColumn:
    """Ask which column of the data file holds each record's collection time."""

    def choose(path: Path) -> str | None:
        try:
            columns = data_columns(path)
        except PolicyEditorError as exc:
            prompts.show_error(exc)
            return None
        if not columns:
            prompts.show_error(DataError(
                f"{path.name} has no columns: it needs a header row (CSV) or named fields (JSON Lines)."))
            return None
        return prompts.choose_item(tr("Tag a data file"),
                                   tr("Which column holds the time each record was collected?"),
                                   columns, guess_time_column(columns))

    return choose


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (added when the user typed a bare name)."""
    if suffix and path.suffix.lower() != suffix:
        return path.with_name(path.name + suffix)
    return path


class Exporter(QObject):
    """Runs exports for one window.

    Args:
        parent: the window (dialogs are its children).
        runner: the window's ``TaskRunner``.
        prompts: how to ask the user (``gui.prompts.Prompts``; default: Qt's dialogs over ``parent``).
        choose_path: ``(kind, suggested) -> Path | None``; default: ask through ``prompts``.
        choose_column: ``(data file) -> column | None`` for tagging; default: ask through ``prompts``.
        opener: opens a written file (default ``QDesktopServices.openUrl``).
        report_error: shows a failure (default ``prompts.show_error``).

    Signals:
        finished(str, object): kind key and the ``Path`` written.
        failed(str, object): kind key and the exception.
    """

    finished = Signal(str, object)
    failed = Signal(str, object)

    def __init__(self, parent: QWidget, runner: TaskRunner, *, prompts=None,
                 choose_path: ChoosePath | None = None,
                 choose_column: ChooseColumn | None = None,
                 opener: Callable[[QUrl], object] | None = None,
                 report_error: Callable[[QWidget, BaseException], None] | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self._runner = runner
        if prompts is None:
            from policyeditor.gui.prompts import Prompts

            prompts = Prompts(parent)
        self._choose = choose_path or prompt_choose_path(prompts)
        self._choose_column = choose_column or prompt_choose_column(prompts)
        self._opener = opener or QDesktopServices.openUrl
        self._report_error = report_error or (lambda _parent, exc: prompts.show_error(exc))
        self._kinds = export_kinds()
        self.done_box: QMessageBox | None = None
        self._running: dict[int, tuple[str, QProgressDialog]] = {}   # export id -> (kind, progress)

    def kind(self, key: str) -> ExportKind:
        return self._kinds[key]

    def is_running(self, key: str | None = None) -> bool:
        """True while an export (of ``key``, or any) is being written."""
        return any(key in (None, k) for k, _p in self._running.values())

    @property
    def progress(self) -> QProgressDialog | None:
        """The busy indicator of the latest export still being written, if any."""
        return next(reversed(self._running.values()))[1] if self._running else None

    def export(self, key: str, work: Work, *, suggested: Path) -> bool:
        """Ask where, then run ``work(path)`` in the background. False when the user cancelled."""
        kind = self._kinds[key]
        chosen = self._choose(kind, suggested)
        if chosen is None:
            return False
        path = with_suffix(Path(chosen), kind.suffix) if kind.target == "file" else Path(chosen)
        args: tuple = (path,)
        if kind.target == "input":
            column = self._choose_column(path)
            if column is None:
                return False
            args = (path, column)
        export_id = next(_export_ids)
        self._running[export_id] = (key, self._show_progress(kind, path))
        # A key of its own per export: two exports are never "stale" for each other.
        self._runner.run(f"export:{key}:{export_id}", lambda: work(*args) or path,
                         lambda written: self._on_done(kind, export_id, written),
                         lambda exc: self._on_error(kind, export_id, exc), serial=True)
        return True

    # -- progress and results (UI thread) ---------------------------------------
    def _show_progress(self, kind: ExportKind, path: Path) -> QProgressDialog:
        progress = QProgressDialog(self._window)
        progress.setWindowTitle(kind.title)
        progress.setLabelText(tr("Writing %1 ...").replace("%1", path.name))
        progress.setRange(0, 0)              # busy: no percentage to report
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAccessibleName(tr("Export in progress"))
        progress.show()
        return progress

    def _finish(self, export_id: int) -> None:
        _key, progress = self._running.pop(export_id)
        progress.close()
        progress.deleteLater()

    def _on_done(self, kind: ExportKind, export_id: int, result: Path | Written) -> None:
        written = result if isinstance(result, Written) else Written(Path(result))
        self._finish(export_id)
        self.finished.emit(kind.key, written.path)
        self.done_box = self._done_box(kind, written.path, written.note)
        self.done_box.open()

    def _on_error(self, kind: ExportKind, export_id: int, exc: BaseException) -> None:
        self._finish(export_id)
        self.failed.emit(kind.key, exc)
        self._report_error(self._window, exc)

    def _done_box(self, kind: ExportKind, path: Path, note: str = "") -> QMessageBox:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Information)
        box.setWindowTitle(kind.title)
        folder = path.is_dir()
        text = tr("The notice site was written to the folder %1.") if folder else \
            tr("Written to %1.")
        box.setText(text.replace("%1", str(path)) + (" " + note if note else ""))
        open_button = box.addButton(tr("Open the site") if folder else tr("Open the file"),
                                    QMessageBox.AcceptRole)
        open_button.setAccessibleName(open_button.text())
        box.addButton(QMessageBox.Close)
        box.setDefaultButton(open_button)
        target = path / "index.html" if folder and (path / "index.html").exists() else path
        open_button.clicked.connect(lambda: self._opener(QUrl.fromLocalFile(str(target))))
        box.setAccessibleName(tr("Export finished"))
        return box
