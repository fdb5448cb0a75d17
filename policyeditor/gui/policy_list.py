"""The list of the library's policies: code, title and state, with a search box.

``policy_rows(lib)`` reads what the list shows (run it in a worker: it reads
the library); ``PolicyListModel`` shows the rows; ``PolicyFilter`` keeps the
rows whose title, code or draft text contain every word typed in the search
box; ``PolicyListPanel`` is the box and the table together and says which
policy the user picked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from policyeditor.core.versions import Policy, State
from policyeditor.core.review import review_due

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("PolicyList", text)


@dataclass(frozen=True)
class PolicyRow:
    """What the list shows of one policy, and the words the search looks in."""

    id: str
    code: str
    title: str
    state: str
    search_text: str


def state_text(policy: Policy, today: date, draft_changed: bool) -> str:
    """The state in the users' words: the newest version's state, then the draft."""
    from policyeditor.core import timeline

    states = timeline.states(policy, today) if policy.versions else {}
    parts = []
    pending = [v for v in policy.versions if states.get(v.number) is State.PENDING]
    newest = policy.versions[-1] if policy.versions else None
    if pending:
        when = pending[-1].effective
        parts.append(tr("adopted, effective on {date}").format(date=f"{when:%b} {when.day}, {when.year}"))
    elif newest is not None and states.get(newest.number) in (State.PRESENTED, State.SECOND_READING,
                                                              State.ADOPTED):
        parts.append(tr(states[newest.number].value))
    elif any(s is State.IN_FORCE for s in states.values()):
        parts.append(tr("in force"))
    elif newest is None:
        parts.append(tr("new"))
    else:
        parts.append(tr(states[newest.number].value))
    if review_due(policy, today):
        parts.append(tr("review due"))
    if draft_changed:
        parts.append(tr("draft changed"))
    return "; ".join(parts)


def policy_rows(lib) -> list[PolicyRow]:
    """Read every policy's row from the library (in a worker, not the UI thread)."""
    today = lib.today()
    rows = []
    for policy in lib.policies():
        changed = lib.draft_changed(policy.id, policy)
        text = lib.draft_text(policy.id)
        state = state_text(policy, today, changed)
        if (lib.path / "policies" / policy.id / "conflict.toml").is_file():    # store.conflicts
            state = tr("conflict") + "; " + state
        rows.append(PolicyRow(policy.id, policy.code, policy.title, state, text))
    return rows


class PolicyListModel(QAbstractTableModel):
    """Rows of ``PolicyRow``: code, title, state."""

    COLUMNS = ("code", "title", "state")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PolicyRow] = []

    def set_rows(self, rows: list[PolicyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[PolicyRow]:
        return list(self._rows)

    def row_at(self, row: int) -> PolicyRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, policy_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == policy_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Code"), tr("Title"), tr("State"))[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(row, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class PolicyFilter(QSortFilterProxyModel):
    """Keeps rows whose title, code or text hold every typed word (any case)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, query: str) -> None:
        if hasattr(self, "beginFilterChange"):    # Qt 6.9+
            self.beginFilterChange()
            self._words = query.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = query.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.sourceModel().row_at(source_row)
        if row is None or not self._words:
            return row is not None
        haystack = " ".join((row.code, row.title, row.id, row.search_text)).casefold()
        return all(word in haystack for word in self._words)


class PolicyListPanel(QWidget):
    """The search box over the table; ``policy_chosen(id)`` when one is picked."""

    policy_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PolicyListModel(self)
        self.proxy = PolicyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search titles, codes and text"))
        self.search.setAccessibleName(tr("Search policies"))
        self.search.setClearButtonEnabled(True)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(tr("Policies"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("x") * 22)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self._quiet = False
        self.search.textChanged.connect(self.proxy.set_query)
        self.search.returnPressed.connect(self.view.setFocus)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

    def set_rows(self, rows: list[PolicyRow]) -> None:
        """Show ``rows``, keeping the selected policy selected."""
        keep = self.selected_id()
        self._quiet = True
        self.model.set_rows(rows)
        self._quiet = False
        if keep:
            self.select(keep, emit=False)

    def show_policy(self, data, same: bool = False) -> None:
        """The loaded policy (``loading.PolicyData``) is the one selected in the list."""
        self.select(data.policy.id, emit=False)

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, policy_id: str, emit: bool = True) -> None:
        """Select ``policy_id`` (clearing a search that hides it)."""
        row = self.model.row_of(policy_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._quiet = not emit
        self.view.setCurrentIndex(index)
        self._quiet = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.policy_chosen.emit(current.data(Qt.ItemDataRole.UserRole))
