"""A read-only table model over a list of row objects, with column definitions.

Each column has a header, a display function and a sort key; ``ROW_ROLE`` returns the row object
itself (the Vorta habit), so views and tests never parse display text back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

T = TypeVar("T")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RESIZE_PRECISION = 60  # rows looked at to size a column to its contents

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align_right: bool = False


class RowTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._haystacks: list[str] | None = None
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._haystacks = None
        if self._sorted_by is not None:
            self._rows = self._sorted(*self._sorted_by)
        self.endResetModel()

    # ---- fast sorting and filtering for big tables (see RowFilterProxy) -------------------------

    def _key(self, column: int) -> Callable[[T], Any]:
        c = self._columns[column]
        key = c.sort_key or c.display

        def typed(row: T) -> tuple[int, Any]:  # numbers before text, never comparing the two
            value = key(row)
            return (0, value) if isinstance(value, int | float) else (1, str(value))

        return typed

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[T]:
        return sorted(self._rows, key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python with each row's key computed once (a proxy asking ``data()`` for
        every comparison is slow for thousands of rows); stable, and remembered for ``set_rows``."""
        if not 0 <= column < len(self._columns):
            self._sorted_by = None
            return
        if self._sorted_by == (column, order):  # already (the view may ask twice for one click)
            return
        self.layoutAboutToBeChanged.emit()
        position = {id(row): i for i, row in enumerate(self._rows)}
        rows = self._sorted(column, order)
        moved = {position[id(row)]: new for new, row in enumerate(rows)}
        self._rows, self._haystacks, self._sorted_by = rows, None, (column, order)
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(moved[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def haystack(self, row: int) -> str:
        """Every column's text of a row, case-folded (what a filter searches), cached until the rows change."""
        if self._haystacks is None:
            self._haystacks = ["\x1f".join(c.display(r) for c in self._columns).casefold() for r in self._rows]
        return self._haystacks[row]

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row)
            return key if isinstance(key, int | float | str) else str(key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None


class RowFilterProxy(QSortFilterProxyModel):
    """A proxy for a :class:`RowTableModel` of thousands of rows: the model sorts itself (keys computed
    once per row) and the filter looks in each row's cached text (case-insensitive, every column)."""

    def __init__(self, model: RowTableModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSourceModel(model)

    def setFilterFixedString(self, pattern: str) -> None:
        self._needle = pattern.casefold()
        super().setFilterFixedString(pattern)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return self._needle in model.haystack(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        model.sort(column, order)


def row_table(
    parent: QWidget,
    model: QAbstractItemModel,
    sort: tuple[int, Qt.SortOrder] | None = None,
    single: bool = True,
) -> QTableView:
    """The list table every page uses: whole rows selected, alternating colours, no row numbers,
    columns sized to their contents with the last one stretched; ``sort`` (column, order) makes it
    sortable by clicking a header."""
    table = QTableView(parent)
    table.setModel(model)
    if sort is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(*sort)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns by the first rows only: measuring all of hundreds of rows cost the dashboard a
    # third of its start-up (every cell's text asked for before the first paint).
    table.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)
    table.horizontalHeader().setStretchLastSection(True)
    return table
