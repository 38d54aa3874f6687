"""The month grid: rows are ISO weeks ("uge 47"), columns Monday..Sunday and the week's total.

:class:`MonthGridModel` holds :class:`PlannedDay` rows (whole weeks around one month);
:class:`DayDelegate` paints a day as a calendar cell: the date, planned / registered, the reason or
the holiday's name, coloured by its :class:`Kind`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from placement_desk.services.common import today
from placement_desk.services.mentor import PlannedDay
from placement_desk.ui.attendance.style import (
    MARKS,
    Kind,
    colours,
    holiday_name,
    kind_of,
    kind_word,
    plan_vs_registered,
    short_hours,
    spoken,
    status_label,
    week_label,
    weekday_short,
)
from placement_desk.ui.attendance.view import HoursDelegate

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 1  # the PlannedDay (None in the total column)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the Kind's value
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 3
SMALL_ROLE = Qt.ItemDataRole.UserRole + 4  # the small line: reason, note or holiday
TOTAL_COLUMN = 7
TOTAL_COLOURS = ("#f6f6f6", "#303030")  # the week's total: (background, text)


class MonthGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.year, self.month = 2000, 1
        self._weeks: list[list[PlannedDay]] = []

    def set_days(self, year: int, month: int, days: list[PlannedDay]) -> None:
        """Whole weeks (Monday first) around the month; same shape -> cells change in place."""
        weeks = [days[i : i + 7] for i in range(0, len(days), 7)]
        same = (year, month) == (self.year, self.month) and [w[0].day for w in weeks] == [w[0].day for w in self._weeks]
        if same:
            self._weeks = weeks
            if weeks:
                self.dataChanged.emit(self.index(0, 0), self.index(len(weeks) - 1, TOTAL_COLUMN))
            return
        self.beginResetModel()
        self.year, self.month, self._weeks = year, month, weeks
        self.endResetModel()

    def day_at(self, index: Index) -> PlannedDay | None:
        if not index.isValid() or index.column() >= TOTAL_COLUMN or index.row() >= len(self._weeks):
            return None
        return self._weeks[index.row()][index.column()]

    def index_of(self, day: date) -> QModelIndex:
        for row, week in enumerate(self._weeks):
            if week[0].day <= day <= week[-1].day:
                return self.index(row, day.weekday())
        return QModelIndex()

    def days(self) -> list[PlannedDay]:
        return [d for week in self._weeks for d in week]

    def week_of_row(self, row: int) -> list[PlannedDay]:
        return self._weeks[row] if 0 <= row < len(self._weeks) else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else TOTAL_COLUMN + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or index.column() == TOTAL_COLUMN:
            return Qt.ItemFlag.NoItemFlags
        day = self.day_at(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if day is not None and day.in_period else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._weeks):
            return None
        if index.column() == TOTAL_COLUMN:
            return self._total_data(self._weeks[index.row()], role)
        answer = _DAY_DATA.get(role)
        return None if answer is None else answer(self, self._weeks[index.row()][index.column()])

    @staticmethod
    def _small(d: PlannedDay) -> str:
        if d.record is not None:
            return " · ".join(x for x in (d.record.reason, d.record.note) if x)
        if d.holiday:
            return holiday_name(d.day) or QCoreApplication.translate("Attendance", "Holiday")
        return ""

    @staticmethod
    def _tooltip(d: PlannedDay) -> str:
        lines = [d.day.strftime("%d-%m-%Y")]
        if d.holiday:
            lines.append(holiday_name(d.day) or QCoreApplication.translate("Attendance", "Holiday"))
        if not d.in_period:
            lines.append(QCoreApplication.translate("Attendance", "Outside the placement's period"))
        elif d.planned:
            lines.append(QCoreApplication.translate("Attendance", "Planned: %1").replace("%1", short_hours(d.planned)))
        if d.record is not None:
            lines.append(f"{status_label(d.record.status)}: {short_hours(d.record.minutes)}")
            lines.extend(x for x in (d.record.reason, d.record.note) if x)
        return "\n".join(lines)

    @staticmethod
    def _total_data(week: list[PlannedDay], role: int) -> Any:
        planned = sum(d.planned for d in week)
        attended = sum(d.record.minutes for d in week if d.record is not None)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{short_hours(planned)} / {short_hours(attended)}" if planned or attended else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                QCoreApplication.translate("Attendance", "Week: planned %1, registered %2")
                .replace("%1", short_hours(planned))
                .replace("%2", short_hours(attended))
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section <= TOTAL_COLUMN:
            return (
                QCoreApplication.translate("Attendance", "Total") if section == TOTAL_COLUMN else weekday_short(section)
            )
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._weeks):
            return week_label(self._weeks[section][0].day)
        return None


# What a day's cell answers for each role (the day's kind worked out only where a role needs it).
_DAY_DATA: dict[int, Callable[[MonthGridModel, PlannedDay], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda _m, d: f"{d.day.day}  {plan_vs_registered(d)}".strip(),
    DAY_ROLE: lambda _m, d: d,
    KIND_ROLE: lambda _m, d: kind_of(d).value,
    IN_MONTH_ROLE: lambda m, d: d.day.month == m.month,
    SMALL_ROLE: lambda m, d: m._small(d),
    Qt.ItemDataRole.BackgroundRole: lambda m, d: colours(kind_of(d), d.day.month == m.month)[0],
    Qt.ItemDataRole.ForegroundRole: lambda m, d: colours(kind_of(d), d.day.month == m.month)[1],
    Qt.ItemDataRole.ToolTipRole: lambda m, d: m._tooltip(d),
    Qt.ItemDataRole.AccessibleTextRole: lambda _m, d: spoken(d),
    Qt.ItemDataRole.AccessibleDescriptionRole: lambda _m, d: kind_word(kind_of(d)),
}


class DayDelegate(HoursDelegate):
    """Paints a day cell; the hours editor comes from :class:`HoursDelegate`."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        state = option.state
        day = index.data(DAY_ROLE)
        painter.save()
        if day is None:  # the week's total: planned over registered, on two lines
            painter.fillRect(rect, QColor(TOTAL_COLOURS[0]))
            painter.setPen(QColor(TOTAL_COLOURS[1]))
            text = str(index.data() or "").replace(" / ", "\n")
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()
            return
        back, fore = index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ForegroundRole)
        painter.fillRect(rect, back)  # another month's day: a paler fill (the model's), the text as readable
        inner = rect.adjusted(5, 3, -5, -3)
        font = QFont(option.font)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        is_today = day.day == today()
        font.setBold(is_today)
        painter.setFont(font)
        painter.setPen(fore)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day.day))
        if is_today:
            painter.setFont(small)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                QCoreApplication.translate("Attendance", "today"),
            )
        main = plan_vs_registered(day)
        if main:
            big = QFont(option.font)
            big.setBold(day.record is not None or index.data(KIND_ROLE) == Kind.UNREGISTERED.value)
            painter.setFont(big)
            if painter.fontMetrics().horizontalAdvance(main) > inner.width():  # a narrow cell: '4/4'
                main = painter.fontMetrics().elidedText(
                    plan_vs_registered(day, compact=True), Qt.TextElideMode.ElideRight, inner.width()
                )
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, main)
        mark = MARKS.get(Kind(index.data(KIND_ROLE)), "")
        if mark:  # not registered / fewer hours: a sign, not only a colour
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, mark)
        text = index.data(SMALL_ROLE)
        if text:
            painter.setFont(small)
            width = inner.width() - (painter.fontMetrics().horizontalAdvance(mark + "  ") if mark else 0)
            elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, elided)
        if state & QStyle.StateFlag.State_HasFocus or state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
