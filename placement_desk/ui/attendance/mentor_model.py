"""The workplace mentor's table: the citizens expected at a company on a day, or in a week.

Day mode: one row per citizen expected that day (planned, or registered anyway), columns citizen,
planned, registered, reason. Week mode: one row per placement, a column per weekday and the total.
Every cell answers :meth:`MentorModel.cell_at` with the placement and the day it stands for, so the
keys of :class:`~placement_desk.ui.attendance.view.AttendanceView` work on any cell.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from placement_desk.services.mentor import ExpectedCitizen, PlannedDay
from placement_desk.ui.attendance.style import (
    colours,
    holiday_name,
    kind_of,
    kind_word,
    marked,
    plan_vs_registered,
    registered_text,
    short_hours,
    spoken,
    status_label,
    weekday_short,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the parent of every row (a table has no deeper levels)
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (ExpectedCitizen, PlannedDay | None)
DAY, WEEK = "day", "week"
DAY_COLUMNS = 4  # citizen, planned, registered, reason / note
TOTAL_BACKGROUND = "#f4f4f4"


class MentorModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = DAY
        self.day = date(2000, 1, 3)
        self._rows: list[ExpectedCitizen] = []

    @property
    def monday(self) -> date:
        return self.day - timedelta(days=self.day.weekday())

    def set_rows(self, mode: str, day: date, rows: list[ExpectedCitizen]) -> None:
        """Rows from ``services.mentor.expected``; in day mode only those expected on ``day``."""
        if mode == DAY:
            rows = [r for r in rows if (d := r.on(day)) is not None and (d.planned or d.record is not None)]
        keys = [r.placement for r in rows]
        if (mode, day, keys) == (self.mode, self.day, [r.placement for r in self._rows]):
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.mode, self.day, self._rows = mode, day, rows
        self.endResetModel()

    def rows(self) -> list[ExpectedCitizen]:
        return list(self._rows)

    def cell_at(self, index: Index) -> tuple[ExpectedCitizen, PlannedDay | None] | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        return row, row.on(self.day_of_column(index.column()))

    def day_of_column(self, column: int) -> date:
        """The date a column stands for (day mode: the day; week mode: citizen and total -> the day)."""
        if self.mode == WEEK and 1 <= column <= 7:
            return self.monday + timedelta(days=column - 1)
        return self.day

    def index_of(self, placement: str, day: date) -> QModelIndex:
        offset = (day - self.monday).days
        if self.mode == WEEK and not 0 <= offset <= 6:
            return QModelIndex()
        for row, r in enumerate(self._rows):
            if r.placement == placement:
                return self.index(row, 1 + offset if self.mode == WEEK else 0)
        return QModelIndex()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        if parent.isValid():
            return 0
        return 9 if self.mode == WEEK else DAY_COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self.cell_at(index)
        editable = cell is not None and cell[1] is not None and cell[1].in_period
        if self.mode == WEEK and index.column() in (0, 8):
            editable = False
        return flags | Qt.ItemFlag.ItemIsEditable if editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        row, day = cell
        if role == CELL_ROLE:
            return cell
        column = index.column()
        if self.mode == WEEK and column in (0, 8) or day is None:
            return self._plain(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, day, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            back, fore = colours(kind_of(day))
            return back if role == Qt.ItemDataRole.BackgroundRole else fore
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, day)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(day, row.citizen_name)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return kind_word(kind_of(day))
        if role == Qt.ItemDataRole.TextAlignmentRole and (self.mode == WEEK or column in (1, 2)):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _plain(self, row: ExpectedCitizen, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column:
            return QColor(TOTAL_BACKGROUND)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == 0:
                return row.citizen_name
            return (
                QCoreApplication.translate("Attendance", "Week: planned %1, registered %2")
                .replace("%1", short_hours(row.planned))
                .replace("%2", short_hours(row.attended))
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return int(Qt.AlignmentFlag.AlignCenter) if role == Qt.ItemDataRole.TextAlignmentRole and column else None
        if column == 0:
            return row.citizen_name
        return f"{short_hours(row.planned)} / {short_hours(row.attended)}" if column == 8 else ""

    def _text(self, row: ExpectedCitizen, day: PlannedDay, column: int) -> str:
        if self.mode == WEEK:  # days side by side: a mark tells a passed unregistered day from one to come
            return marked(plan_vs_registered(day), kind_of(day))
        if column == 0:
            return row.citizen_name
        if column == 1:
            return short_hours(day.planned) if day.planned else "–"
        if column == 2:
            return registered_text(day.record) if day.record is not None else "–"
        parts = [day.record.reason, day.record.note] if day.record is not None else []
        return " · ".join(p for p in parts if p)

    @staticmethod
    def _tooltip(row: ExpectedCitizen, day: PlannedDay) -> str:
        lines = [f"{row.citizen_name} · {day.day.strftime('%d-%m-%Y')}"]
        if day.holiday:
            lines.append(holiday_name(day.day) or QCoreApplication.translate("Attendance", "Holiday"))
        if day.planned:
            lines.append(
                QCoreApplication.translate("Attendance", "Planned: %1").replace("%1", short_hours(day.planned))
            )
        if day.record is not None:
            lines.append(f"{status_label(day.record.status)}: {short_hours(day.record.minutes)}")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if self.mode == WEEK:
            if section == 0:
                return QCoreApplication.translate("Attendance", "Citizen")
            if section == 8:
                return QCoreApplication.translate("Attendance", "Total")
            day = self.monday + timedelta(days=section - 1)
            return f"{weekday_short(section - 1)} {day.day}/{day.month}"
        return (
            QCoreApplication.translate("Attendance", "Citizen"),
            QCoreApplication.translate("Attendance", "Planned"),
            QCoreApplication.translate("Attendance", "Registered"),
            QCoreApplication.translate("Attendance", "Reason / note"),
        )[section]
