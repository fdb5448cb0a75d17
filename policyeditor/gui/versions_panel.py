"""VersionsPanel: the table of a policy's versions, their dates and states.

``VersionsModel`` is a read-only ``QAbstractTableModel`` over core data (a
``Policy``, today, the states from ``core.timeline.states`` and the rule
failures from ``core.rules.check_policy``); ``VersionsPanel`` wraps it in a
``QTableView`` and reports the chosen version. Legacy versions (imported,
exempt from the notice rules) say so in their change-class cell, in italics,
with a tooltip; a version a rule refuses is shown in red with the rule's
message as tooltip. Nothing here reads the library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from policyeditor.core import timeline as core_timeline
from policyeditor.core.dates import short_date
from policyeditor.core.versions import EDITORIAL, Policy, State, Version

FAIL_RED = QColor(190, 20, 20)

# Column keys in display order; headers are translated in VersionsModel.headers().
COLUMNS = ("number", "change_class", "first_reading", "second_reading", "adopted",
           "posted", "effective", "state")
DATE_COLUMNS = ("first_reading", "second_reading", "adopted", "posted", "effective")

Index = QModelIndex | QPersistentModelIndex


class VersionsModel(QAbstractTableModel):
    """One row per version of one policy, oldest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._versions: tuple[Version, ...] = ()
        self._states: dict[int, State] = {}
        self._failures: dict[int, list[str]] = {}
        self._today = date.today()

    def set_policy(self, policy: Policy | None, today: date, *,
                   states: Mapping[int, State] | None = None, failures: Sequence = ()) -> None:
        """Show ``policy``'s versions; ``states`` default to ``core.timeline.states``."""
        self.beginResetModel()
        self._today = today
        self._versions = policy.versions if policy else ()
        if policy and states is None:
            states = core_timeline.states(policy, today)
        self._states = dict(states or {})
        self._failures = {}
        for f in failures:
            self._failures.setdefault(f.version, []).append(f.message)
        self.endResetModel()

    def version_at(self, row: int) -> Version | None:
        """The version shown on ``row``, or None."""
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def row_of(self, number: int) -> int:
        """The row showing version ``number``, or -1."""
        for row, v in enumerate(self._versions):
            if v.number == number:
                return row
        return -1

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Version"), self.tr("Change"), self.tr("First reading"),
                self.tr("Second reading"), self.tr("Adopted"), self.tr("Posted"),
                self.tr("Effective"), self.tr("State"))

    # -- QAbstractTableModel ------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._versions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self.headers()[section]
        return None

    def data(self, index: Index, role=Qt.DisplayRole):
        v = self.version_at(index.row()) if index.isValid() else None
        if v is None:
            return None
        key = COLUMNS[index.column()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return self._display(v, key)
        if role == Qt.ToolTipRole:
            return self._tooltip(v, key)
        if role == Qt.ForegroundRole and self._failures.get(v.number):
            return FAIL_RED
        if role == Qt.FontRole and v.legacy and key == "change_class":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.UserRole:
            return v.number
        return None

    def _display(self, v: Version, key: str) -> str:
        if key == "number":
            return str(v.number)
        if key == "change_class":
            text = self.tr("editorial") if v.change_class == EDITORIAL else self.tr("substantive")
            return text + (" · " + self.tr("legacy") if v.legacy else "")
        if key in DATE_COLUMNS:
            when = v.effective_date if key == "effective" else getattr(v, key)
            text = short_date(when) if when else ""
            if text and any(c.event == key for c in v.corrections):
                text += " " + self.tr("(corrected)")
            return text
        state = self._states.get(v.number) or v.state(self._today)
        text = self.state_text(state)
        if self._failures.get(v.number):
            text += " · " + self.tr("rule fails")
        return text

    def state_text(self, state: State) -> str:
        """The translated name of a state (the State values are the English source)."""
        names = {
            State.PRESENTED: self.tr("first reading held"),
            State.SECOND_READING: self.tr("second reading held"),
            State.ADOPTED: self.tr("adopted"),
            State.PENDING: self.tr("adopted, effective later"),
            State.IN_FORCE: self.tr("in force"),
            State.SUPERSEDED: self.tr("superseded"),
            State.WITHDRAWN: self.tr("withdrawn"),
        }
        return names.get(state, str(state.value))

    def _tooltip(self, v: Version, key: str) -> str | None:
        lines = list(self._failures.get(v.number, ()))
        if v.legacy and key in ("number", "change_class", "state"):
            lines.append(self.tr("Legacy version: it predates the tool and is exempt "
                                 "from the notice rules (2 and 3)."))
        if v.justification and key == "change_class":
            lines.append(self.tr("Marked editorial because: %1").replace("%1", v.justification))
        if key == "effective" and v.legacy and v.effective is None and v.adopted:
            lines.append(self.tr("A legacy version takes effect on its adoption date."))
        for c in v.corrections:
            if c.event == key:
                lines.append(self.tr("Corrected from %1 to %2 on %3 by %4: %5").replace("%1", c.old.isoformat())
                             .replace("%2", c.new.isoformat()).replace("%3", c.when[:10])
                             .replace("%4", c.who or "?").replace("%5", c.reason))
        if key == "posted" and v.posted_sha256:
            lines.append(self.tr("Posted text %1").replace("%1", v.posted_sha256[:12]))
        return "\n".join(lines) or None


class VersionsPanel(QWidget):
    """A table of versions. Emits ``version_selected(number)`` when the user picks one,
    and ``version_activated(number)`` on double-click or Enter (e.g. to open the
    event dialog for it)."""

    version_selected = Signal(int)
    version_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VersionsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("Versions of the policy"))
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

    def set_policy(self, policy: Policy | None, today: date, *,
                   states: Mapping[int, State] | None = None, failures: Sequence = ()) -> None:
        """Show ``policy`` as of ``today``; keeps the selected version when it still exists.

        ``failures``: ``core.rules.check_policy`` results, shown in red with
        their messages as tooltips.
        """
        keep = self.selected_version()
        self.model.set_policy(policy, today, states=states, failures=failures)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = self.model.rowCount() - 1
        if row >= 0:
            self.view.selectRow(row)

    def show_policy(self, data, same: bool = False) -> None:
        """Show the loaded policy (``loading.PolicyData``)."""
        self.set_policy(data.policy, data.today, states=data.states, failures=data.failures)

    def add_command(self, *actions) -> None:
        """Offer ``actions`` in the table's context menu (right-click)."""
        self.view.setContextMenuPolicy(Qt.ActionsContextMenu)
        for action in actions:
            self.view.addAction(action)

    def selected_version(self) -> int | None:
        """The number of the selected version, or None."""
        v = self.model.version_at(self.view.currentIndex().row())
        return v.number if v else None

    def select_version(self, number: int) -> None:
        """Select version ``number`` (no-op if it is not shown)."""
        row = self.model.row_of(number)
        if row >= 0:
            self.view.selectRow(row)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        v = self.model.version_at(current.row())
        if v is not None:
            self.version_selected.emit(v.number)

    def _on_activated(self, index: QModelIndex) -> None:
        v = self.model.version_at(index.row())
        if v is not None:
            self.version_activated.emit(v.number)
