"""A read-only table model over a list of row objects, with column definitions.

Each column has a header, a display function and a sort key; ``ROW_ROLE`` returns the row object
itself (the Vorta habit), so views and tests never parse display text back. :class:`PagedTableModel`
reads its rows a page at a time from a reader that sorts and searches in SQL (the list pages: their cost
is one page however long the archive is).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
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
PAGE_SIZE = 200  # rows a PagedTableModel reads at a time (a screenful is some 30)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ROLES = frozenset({_DISPLAY, int(SORT_ROLE), int(ROW_ROLE), int(Qt.ItemDataRole.TextAlignmentRole)})  # data() answers
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

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
        if role not in _ROLES:  # most of what a view asks (fonts, icons, colours...): answered at once
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.display(row)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row)
            return key if isinstance(key, int | float | str) else str(key)
        if role == ROW_ROLE:
            return row
        if column.align_right:  # the alignment role
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None


@dataclass(frozen=True)
class Page:
    """What a :class:`PagedTableModel` asks its reader for: ``limit`` rows from ``offset`` on, ordered by
    the column's ``sort`` name (``descending``), each containing ``text`` (empty: every row)."""

    offset: int
    limit: int
    sort: str
    descending: bool
    text: str


class PagedTableModel(RowTableModel[T]):
    """Rows read from the database a page at a time: the first page when the list is (re)read, the next
    ones as the view scrolls to the end (``canFetchMore``/``fetchMore``). The reader sorts and filters
    (SQL), so a list costs one page however long the archive is. ``sorts``: each column's sort name for
    the reader (the order a header click asks for)."""

    def __init__(
        self, columns: Sequence[Column[T]], read: Callable[[Page], Sequence[T]], sorts: Sequence[str],
        page_size: int = PAGE_SIZE, parent: Any = None,
    ) -> None:  # fmt: skip
        super().__init__(columns, parent)
        self._read, self._sorts, self.page_size = read, list(sorts), page_size
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._text = ""
        self._more = False
        self.loaded = False  # read at least once (a sort asked for before that only sets the order)

    def _page(self, offset: int, limit: int) -> Page:
        column, order = self._order
        return Page(offset, limit, self._sorts[column], order == Qt.SortOrder.DescendingOrder, self._text)

    def reload(self, at_least: int = 0) -> None:
        """Read the first page again (or as many rows as ``at_least``, so a refresh keeps what was shown)."""
        limit = max(self.page_size, at_least)
        rows = list(self._read(self._page(0, limit + 1)))
        self.loaded, self._more = True, False  # nothing more to fetch while the views take in the reset
        self.beginResetModel()
        self._rows, self._haystacks = rows[:limit], None
        self.endResetModel()
        self._more = len(rows) > limit

    def set_rows(self, rows: Sequence[T]) -> None:
        """Rows as read (already in the reader's order; none beyond them)."""
        self.beginResetModel()
        self._rows, self._haystacks, self._more = list(rows), None, False
        self.endResetModel()

    def set_text(self, text: str, read: bool = True) -> None:
        """Only the rows containing ``text`` (the reader searches), read again at once (before the first
        read, or with ``read`` False, only remembered)."""
        if text.strip() != self._text:
            self._text = text.strip()
            if self.loaded and read:
                self.reload()

    @property
    def text(self) -> str:
        return self._text

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or not self._more:
            return
        rows = list(self._read(self._page(len(self._rows), self.page_size + 1)))
        self._more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self._haystacks = None
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Read again in the column's order (the reader sorts); before the first read only remembered."""
        if not 0 <= column < len(self._sorts) or self._order == (column, order):
            return
        self._order = (column, order)
        if self.loaded:
            self.reload(len(self._rows))

    def replace(self, fresh: Sequence[T], key: Callable[[T], Hashable], keys: Collection[Hashable]) -> None:
        """The rows of ``keys`` read again (``fresh``): replaced where they stand when each is shown
        already and keeps its place in the order; otherwise the list is read again (as many rows)."""
        where = {key(r): i for i, r in enumerate(self._rows) if key(r) in keys}
        sort_key = self._key(self._order[0])
        same = len(fresh) == len(where) and all(
            key(r) in where and sort_key(r) == sort_key(self._rows[where[key(r)]]) for r in fresh
        )
        if not same:
            self.reload(len(self._rows))
            return
        self._haystacks = None
        for r in fresh:
            self._rows[where[key(r)]] = r
            self.dataChanged.emit(self.index(where[key(r)], 0), self.index(where[key(r)], len(self._columns) - 1))


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
