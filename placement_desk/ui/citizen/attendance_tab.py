"""The citizen page's Fremmøde tab: a month of one placement, filled from the keyboard.

A normal week is one key: the cursor starts on the first planned day that is not registered yet,
and ``W`` logs its whole week as planned. Typing a number logs present with those hours, Enter logs
a planned day as planned, S/F/U open the reason picker; see :mod:`placement_desk.ui.attendance.view`.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.services.common import today
from placement_desk.services.mentor import PlannedDay, planned_days
from placement_desk.ui.attendance.edits import AttendanceEdits
from placement_desk.ui.attendance.grid import TOTAL_COLUMN, DayDelegate, MonthGridModel
from placement_desk.ui.attendance.style import legend, month_title
from placement_desk.ui.attendance.summary import month_summary_html
from placement_desk.ui.attendance.view import AttendanceView
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.kit.fit import scroll_area
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import step_button
from placement_desk.ui.kit.reason_picker import ReasonPicker, open_picker
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext

STATUS_KEYS = ("sick", "absent_agreed", "absent_unexcused")
NARROW = 640  # below this width the summary goes under the grid


def default_placement(placements: list[cf.Placement], on: date) -> cf.Placement | None:
    """The current placement (the latest started if several), else the latest."""
    current = [p for p in placements if p.start <= on and (p.end is None or p.end >= on)]
    pool = current or placements
    return max(pool, key=lambda p: (p.start, p.ref)) if pool else None


def default_month(p: cf.Placement, on: date) -> tuple[int, int]:
    shown = on if p.start <= on and (p.end is None or p.end >= on) else p.start if p.start > on else p.end or on
    return shown.year, shown.month


class AttendanceTab(CitizenTab):
    key = "attendance"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.edits = AttendanceEdits(ctx)
        self.placement_ref: str | None = None
        self._citizen: str | None = None
        self.year, self.month = today().year, today().month
        self.picker: ReasonPicker | None = None  # the open reason picker (tests answer it)
        self.placement_box = QComboBox(self)
        self.placement_box.setAccessibleName(self.tr("Placement"))
        self.placement_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.placement_box.setMinimumContentsLength(10)  # the whole text in the list and the tooltip
        self.placement_box.activated.connect(self._placement_chosen)
        self.prev_button = step_button(self, "◀", self.tr("Previous month (PageUp)"), lambda: self._step_month(-1))
        self.next_button = step_button(self, "▶", self.tr("Next month (PageDown)"), lambda: self._step_month(1))
        self.month_label = QLabel(self)
        self.month_label.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 0 6px;")
        self.this_month = QPushButton(self.tr("This month"), self)
        self.this_month.clicked.connect(self._go_to_this_month)
        self.week_button = QPushButton(self.tr("Week as planned (W)"), self)
        self.week_button.clicked.connect(lambda: self._on_action("week"))
        self.model = MonthGridModel(self)
        self.grid = AttendanceView(self)
        self.grid.setObjectName("attendanceGrid")
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(DayDelegate(self.grid))
        self.grid.setShowGrid(True)
        self.grid.setStyleSheet("QTableView#attendanceGrid { gridline-color: #c8c8c8; }")
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(44)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setMinimumSectionSize(54)
        # Two weeks at least; on a low screen the grid scrolls by itself and follows the cursor.
        self.grid.setMinimumHeight(2 * 54 + 30)
        self.grid.setAccessibleName(self.tr("Attendance day by day"))
        self.grid.action.connect(self._on_action)
        self.grid.hours_typed.connect(self._on_hours)
        self.summary = QLabel(self)
        self.summary.setObjectName("attendanceSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.keys_help = QLabel(
            self.tr(
                "Keys: a number = hours present · Enter = as planned · S sick · F agreed absence · U no-show · "
                "R reason · Delete = clear · W = the whole week as planned · PageUp/PageDown = month"
            ),
            self,
        )
        self.keys_help.setWordWrap(True)
        self.keys_help.setStyleSheet("color: #555;")
        self.message = self.grid.note  # messages about a day stand at its cell
        self.empty = QLabel(self.tr("No placements yet: create one on the Placements tab."), self)
        self._build_layout()
        self.setFocusProxy(self.grid)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        self.placement_label = QLabel(self.tr("Placement:"), self)
        top.addWidget(self.placement_label)
        top.addWidget(self.placement_box, 1)
        for w in (self.prev_button, self.month_label, self.next_button, self.this_month):
            top.addWidget(w)
        top.addStretch(0)
        top.addWidget(self.week_button)
        side = QVBoxLayout()
        side.addWidget(self.summary)
        side.addWidget(legend(self, columns=2))
        side.addWidget(self.keys_help)
        side.addStretch(1)
        self.side = QWidget(self)
        self.side.setLayout(side)
        self.side_area = scroll_area(self.side, self)  # the summary scrolls on a low screen
        self.side_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_area.setMaximumWidth(230)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.grid, 1)
        self.body.addWidget(self.side_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(self.body, 1)

    # ---- reading ---------------------------------------------------------------------------------

    def placement(self) -> cf.Placement | None:
        if self.detail is None or self.placement_ref is None:
            return None
        return next((p for p in self.detail.citizen.placements if p.ref == self.placement_ref), None)

    def refresh(self) -> None:
        assert self.detail is not None
        placements = list(self.detail.citizen.placements)
        if self.detail.citizen.ref != self._citizen:
            self._citizen, self.placement_ref = self.detail.citizen.ref, None
            self.message.clear()
        if self.placement() is None:
            chosen = default_placement(placements, today())
            self.placement_ref = chosen.ref if chosen else None
            if chosen is not None:
                self.year, self.month = default_month(chosen, today())
        self._fill_placement_box(placements)
        has = self.placement_ref is not None
        self.empty.setVisible(not has)
        for w in (self.grid, self.side, self.prev_button, self.next_button, self.this_month, self.week_button):
            w.setEnabled(has)
        self._show_month()

    def _fill_placement_box(self, placements: list[cf.Placement]) -> None:
        assert self.detail is not None
        self.placement_box.blockSignals(True)
        self.placement_box.clear()
        for p in sorted(placements, key=lambda p: p.start, reverse=True):
            info = self.detail.placements.get(p.ref)
            end = fmt_date(p.end) if p.end else self.tr("open")
            period = f"{fmt_date(p.start)} – {end}"
            name = info.company_name if info else p.company
            self.placement_box.addItem(f"{name} · {label(p.type)} · {period}", p.ref)
        self.placement_box.setCurrentIndex(max(self.placement_box.findData(self.placement_ref), 0))
        self.placement_box.blockSignals(False)
        several = len(placements) > 1
        self.placement_box.setVisible(several)
        self.placement_label.setVisible(several)

    def _show_month(self) -> None:
        p = self.placement()
        kept = self.current_day()
        first = date(self.year, self.month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.month_label.setText(month_title(self.year, self.month))
        if p is None:
            self.model.set_days(self.year, self.month, [])
            self.summary.clear()
            return
        start, end = first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())
        self.model.set_days(self.year, self.month, planned_days(p, start, end, today()))
        self.summary.setText(month_summary_html(p, first, last, today()))
        target = kept.day if kept is not None and self.model.index_of(kept.day).isValid() else self._default_day()
        self.grid.setCurrentIndex(self.model.index_of(target))

    def _default_day(self) -> date:
        """The first planned, unregistered day up to today; else today; else the period's first."""
        days = [d for d in self.model.days() if d.day.month == self.month]
        waiting = [d for d in days if d.planned and d.record is None and not d.future]
        if waiting:
            return waiting[0].day
        if any(d.day == today() for d in days):
            return today()
        in_period = [d for d in days if d.in_period]
        return (in_period or days)[0].day

    def current_day(self) -> PlannedDay | None:
        return self.model.day_at(self.grid.currentIndex())

    # ---- navigation --------------------------------------------------------------------------------

    def _placement_chosen(self, index: int) -> None:
        ref = self.placement_box.itemData(index)
        if ref and ref != self.placement_ref:
            self.placement_ref = ref
            p = self.placement()
            assert p is not None
            self.year, self.month = default_month(p, today())
            self.model.set_days(self.year, self.month, [])  # a new shape: the cursor starts afresh
            self._show_month()
        self.grid.setFocus()

    def _step_month(self, step: int) -> None:
        month = self.year * 12 + self.month - 1 + step
        self.year, self.month = divmod(month, 12)
        self.month += 1
        self.message.clear()
        self.model.set_days(self.year, self.month, [])
        self._show_month()

    def _go_to_this_month(self) -> None:
        self._step_month((today().year - self.year) * 12 + today().month - self.month)
        self.grid.setCurrentIndex(self.model.index_of(today()))
        self.grid.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.grid.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
        self.side_area.setMaximumWidth(16777215 if narrow else 230)

    # ---- editing -------------------------------------------------------------------------------------

    def _say(self, text: str | None) -> bool:
        self.message.setText(text or "")
        return text is None

    def _on_action(self, name: str) -> None:
        if name in ("previous", "next"):
            self._step_month(-1 if name == "previous" else 1)
            return
        d, p = self.current_day(), self.placement()
        if name == "week":
            self._log_week()
            return
        if d is None or p is None:
            return
        if not d.in_period:
            self._say(self.tr("The day is outside the placement's period."))
        elif name == "clear":
            if d.record is not None and self._say(self.edits.clear(p.ref, d.day, self.ref, seen=d.record)):
                self._advance(d.day)
        elif name == "planned":
            self._log_planned(p, d)
        elif name in STATUS_KEYS:
            self._open_picker(d, name)
        elif name == "reason":
            self._open_picker(d, d.record.status if d.record is not None else "sick")

    def _log_planned(self, p: cf.Placement, d: PlannedDay) -> None:
        """Enter = as planned, as the legend says: a registered day too (its note is kept; R changes a
        day otherwise); a day already present as planned is left alone and the cursor moves on."""
        r = d.record
        if r is not None and r.status == "present" and r.minutes == d.planned:
            self._advance(d.day)
        elif d.planned == 0:
            self._say(self.tr("Nothing is planned on this day: type the hours instead."))
        elif d.future:
            self._say(self.tr("Only agreed absence (F) can be registered ahead of the day."))
        elif self._say(self.edits.present(p.ref, d.day, d.planned, self.ref, keep=r)):
            self._advance(d.day)

    def _log_week(self) -> None:
        p, index = self.placement(), self.grid.currentIndex()
        week = self.model.week_of_row(index.row()) if index.isValid() else []
        if p is None or not week:
            return
        todo = [d for d in week if d.planned and d.record is None and not d.future]
        if not todo:
            self._say(self.tr("Nothing left to register as planned in this week."))
            return
        if self._say(self.edits.week_as_planned(p.ref, week, self.ref)):
            self._advance(week[-1].day)

    def _on_hours(self, row: int, column: int, text: str) -> None:
        d, p = self.model.day_at(self.model.index(row, column)), self.placement()
        if d is None or p is None or column == TOTAL_COLUMN:
            return
        if self._say(self.edits.typed_hours(p.ref, d, text, self.ref)):
            self._advance(d.day)

    def _open_picker(self, d: PlannedDay, status: str) -> None:
        p = self.placement()
        assert p is not None and self.detail is not None
        if d.future and status != "absent_agreed":
            self._say(self.tr("Only agreed absence (F) can be registered ahead of the day."))
            return
        info = self.detail.placements.get(p.ref)
        heading = " · ".join(x for x in (self.detail.citizen.name, info.company_name if info else "") if x)
        used = [a.reason for a in p.attendance if a.reason]
        ref = p.ref

        def accepted(fields: dict[str, object]) -> None:
            self.picker = None
            if self._say(self.edits.log(ref, fields, self.ref, seen=d.record)):
                self._advance(d.day)

        self.picker = open_picker(
            self,
            accepted,
            day=d.day,
            status=status,
            planned=d.planned,
            record=d.record,
            heading=heading,
            used_reasons=used,
        )
        self.picker.rejected.connect(self._picker_closed)

    def _picker_closed(self) -> None:
        self.picker = None

    def _advance(self, after: date) -> None:
        """Move the cursor to the next planned day of the grid (spreadsheet habit: Enter moves on)."""
        later = [d for d in self.model.days() if d.day > after and d.planned and d.in_period]
        if later:
            self.grid.setCurrentIndex(self.model.index_of(later[0].day))
        self.grid.setFocus()
