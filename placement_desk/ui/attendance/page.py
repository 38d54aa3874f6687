"""Fremmøde: the workplace mentor's view. Pick the company and the day (or week): who is expected?

Made for two minutes at the company on a small laptop: Enter or Space marks the selected citizen
present as planned, a number logs those hours, S/F/U/R open the reason picker, Delete clears,
PageUp/PageDown go a day (a week) back or on, and "Everyone present as planned" does the whole day (week).
Every edit can be undone; the page reads the database again whenever anything changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from placement_desk.services.changes import ATTENDANCE, CITIZEN, COMPANY, PLACEMENT, Changes
from placement_desk.services.common import today
from placement_desk.services.mentor import ExpectedCitizen, PlannedDay, expected
from placement_desk.services.queries import list_companies
from placement_desk.ui.attendance.edits import AttendanceEdits
from placement_desk.ui.attendance.mentor_model import DAY, WEEK, MentorModel
from placement_desk.ui.attendance.sheets import SheetButtons
from placement_desk.ui.attendance.style import day_title, legend, week_label
from placement_desk.ui.attendance.view import AttendanceView, HoursDelegate
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import step_button
from placement_desk.ui.kit.reason_picker import ReasonPicker, open_picker
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.shell import user_settings
from placement_desk.ui.shell.context import ALL, UiContext

COMPANY_KEY, MODE_KEY = "mentor/company", "mentor/mode"
STATUS_KEYS = ("sick", "absent_agreed", "absent_unexcused")



def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)

class AttendancePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.edits = AttendanceEdits(ctx)
        self.picker: ReasonPicker | None = None  # the open reason picker (tests answer it)
        self.company = QComboBox(self)
        self.company.setObjectName("mentorCompany")
        self.company.setAccessibleName(self.tr("Company"))
        self.company.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.company.setMinimumContentsLength(16)
        self.company.activated.connect(self._company_chosen)
        self.day_button = QPushButton(self.tr("&Day"), self)
        self.week_button = QPushButton(self.tr("W&eek"), self)
        self.modes = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            self.modes.addButton(button)
        self.week_button.setChecked(user_settings.text(ctx.db, MODE_KEY, DAY) == WEEK)  # the user's own; else day
        self.day_button.setChecked(not self.week_button.isChecked())
        self.modes.buttonClicked.connect(self._mode_chosen)
        self.date = self._make_date()
        self.prev_button = step_button(self, "◀", self.tr("Back (PageUp)"), lambda: self.step(-1))
        self.next_button = step_button(self, "▶", self.tr("On (PageDown)"), lambda: self.step(1))
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.clicked.connect(lambda: self.date.setDate(_qdate(today())))
        self.when = QLabel(self)
        self.when.setStyleSheet("font-weight: 600;")
        self.when.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # clipped, never wider
        self.all_button = QPushButton(self.tr("&Everyone present as planned"), self)
        self.all_button.setToolTip(self.tr("Everyone expected, present as planned"))
        font = self.all_button.font()
        font.setBold(True)  # the page's one big action: the usual day in one press
        self.all_button.setFont(font)
        self.all_button.clicked.connect(self.all_as_planned)
        self.model = MentorModel(self)
        self.table = self._make_table()
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.message = self.table.note  # messages about a day stand at its row
        self.keys_help = QLabel(
            self.tr(
                "Enter or Space = present as planned · a number = hours · S sick · F agreed absence · U no-show · "
                "R reason · Delete = clear · PageUp/PageDown = back/on"
            ),
            self,
        )
        self.keys_help.setWordWrap(True)
        self.keys_help.setStyleSheet("color: #555;")
        self._build_layout()
        self.setFocusProxy(self.table)
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.refresh())  # (when shown)
        self.refresh()

    def _make_date(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(self.tr("Date"))
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setCalendarPopup(True)
        edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        edit.setDate(_qdate(today()))
        edit.dateChanged.connect(lambda _d: self.reload())
        return edit

    def _make_table(self) -> AttendanceView:
        table = AttendanceView(self)
        table.setObjectName("mentorTable")
        table.setAccessibleName(self.tr("Who is expected"))
        table.setModel(self.model)
        table.setItemDelegate(HoursDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        table.setWordWrap(False)
        table.action.connect(self._on_action)
        table.hours_typed.connect(self._on_hours)
        return table

    def _build_layout(self) -> None:
        # Two short rows rather than one wide one: the page fits 1024 px and less.
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Company:"), self))
        first.addWidget(self.company, 1)
        first.addWidget(self.day_button)
        first.addWidget(self.week_button)
        second = QHBoxLayout()
        for w in (self.prev_button, self.date, self.next_button, self.today_button):
            second.addWidget(w)
        second.addWidget(self.when, 1)
        second.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.sheets = SheetButtons(self.ctx, lambda: self.company.currentData(), self.day, self)
        # the workplace's own statement about the selected citizen's placement (ui/attendance/statement_dialog.py)
        self.statement_button = QPushButton(self.tr("Statement…"), self)
        self.statement_button.setToolTip(self.tr("The workplace's own statement about the selected citizen"))
        self.statement_button.clicked.connect(lambda: self.write_statement())
        self.statement: QDialog | None = None  # the open statement dialog (tests answer it)
        actions = QHBoxLayout()
        actions.addWidget(self.sheets, 1)
        actions.addWidget(self.statement_button)
        layout.addLayout(actions)
        layout.addWidget(legend(self, columns=4))
        layout.addWidget(self.keys_help)

    # ---- choosing --------------------------------------------------------------------------------

    def _fill_companies(self) -> None:
        wanted = self.company_ref() or user_settings.text(self.ctx.db, COMPANY_KEY)
        rows = sorted(list_companies(self.ctx.db), key=lambda c: (c.active_placements == 0, c.name.lower()))
        self.company.blockSignals(True)
        self.company.clear()
        for c in rows:
            text = f"{c.name} ({c.active_placements})" if c.active_placements else c.name
            self.company.addItem(text, c.ref)
        self.company.setCurrentIndex(max(self.company.findData(wanted), 0))
        self.company.blockSignals(False)

    def company_ref(self) -> str | None:
        ref = self.company.currentData()
        return str(ref) if ref else None

    def set_company(self, ref: str) -> None:
        self.company.setCurrentIndex(max(self.company.findData(ref), 0))
        self._company_chosen()

    def _company_chosen(self, _index: int = 0) -> None:
        if self.company_ref():
            user_settings.remember(self.ctx.db, COMPANY_KEY, self.company_ref())
        self.reload()
        self.table.setFocus()

    def mode(self) -> str:
        return WEEK if self.week_button.isChecked() else DAY

    def set_mode(self, mode: str) -> None:
        (self.week_button if mode == WEEK else self.day_button).setChecked(True)
        self._mode_chosen()

    def _mode_chosen(self, _button: object = None) -> None:
        user_settings.remember(self.ctx.db, MODE_KEY, self.mode())
        self.reload()
        self.table.setFocus()

    def day(self) -> date:
        value = self.date.date().toPython()
        assert isinstance(value, date)
        return value

    def step(self, step: int) -> None:
        self.date.setDate(_qdate(self.day() + timedelta(days=step * (7 if self.mode() == WEEK else 1))))

    # ---- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the companies and who is expected again (the main window's Refresh, a change)."""
        self.follower.forget()
        self._fill_companies()
        self.reload()

    def reload(self) -> None:
        """Read who is expected again; the cursor stays on the same citizen and day."""
        kept = self.model.cell_at(self.table.currentIndex())
        day, mode, ref = self.day(), self.mode(), self.company_ref()
        monday = day - timedelta(days=day.weekday())
        first, last = (monday, monday + timedelta(days=6)) if mode == WEEK else (day, day)
        rows = expected(self.ctx.db, ref, first, last) if ref else []
        self.model.set_rows(mode, day, rows)
        self._resize_columns()
        week = week_label(day)
        self.when.setText(
            f"{week} · {first:%d-%m} – {fmt_date(last)}" if mode == WEEK else f"{day_title(day)} · {week}"
        )
        company = self.company.currentText()
        self.empty.setText(
            self.tr("Nobody is expected at %1 on this day.").replace("%1", company)
            if mode == DAY
            else self.tr("Nobody is expected at %1 this week.").replace("%1", company)
        )
        self.empty.setVisible(not self.model.rowCount())
        self.all_button.setEnabled(bool(self._planned_unregistered()))
        self.statement_button.setEnabled(bool(self.model.rowCount()))
        target = self.model.index_of(kept[0].placement, kept[1].day if kept[1] else day) if kept else None
        if target is None or not target.isValid():
            target = self._first_target()
        self.table.setCurrentIndex(target)

    def _resize_columns(self) -> None:
        header, week = self.table.horizontalHeader(), self.mode() == WEEK
        header.setMinimumSectionSize(50)
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            stretch = 1 <= column <= 7 if week else column in (0, 3)
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            )
            self.table.setColumnHidden(column, False)
        self.table.setSelectionBehavior(
            AttendanceView.SelectionBehavior.SelectItems if week else AttendanceView.SelectionBehavior.SelectRows
        )
        if week:
            for column in (6, 7):  # the weekend only when someone is planned or registered then
                used = any(
                    (d := r.on(self.model.day_of_column(column))) and (d.planned or d.record) for r in self.model.rows()
                )
                self.table.setColumnHidden(column, not used)

    def _first_target(self) -> QModelIndex:
        rows = self.model.rows()
        for row in rows:
            for d in row.days:
                if d.planned and d.record is None and not d.future and (self.mode() == WEEK or d.day == self.day()):
                    return self.model.index_of(row.placement, d.day)
        return self.model.index_of(rows[0].placement, self.day()) if rows else self.model.index(-1, -1)

    def _planned_unregistered(self) -> list[tuple[ExpectedCitizen, PlannedDay]]:
        days = {self.day()} if self.mode() == DAY else None
        return [
            (r, d)
            for r in self.model.rows()
            for d in r.days
            if d.planned and d.record is None and not d.future and (days is None or d.day in days)
        ]

    @staticmethod
    def _wants(changes: Changes) -> bool:
        """Who is expected: the attendance, the hours plans, the placements, citizens and companies."""
        return changes.touches(ATTENDANCE, "schedule_steps", PLACEMENT, CITIZEN, COMPANY)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (what changed while hidden was read just before: ChangeFollower)
        self.table.setFocus()

    # ---- editing ---------------------------------------------------------------------------------

    def _say(self, text: str | None) -> bool:
        self.message.setText(text or "")
        return text is None

    def all_as_planned(self) -> None:
        todo = self._planned_unregistered()
        if not todo:
            self._say(self.tr("Everyone expected is registered already."))
            return
        scope = todo[0][0].citizen_ref if len({r.citizen_ref for r, _ in todo}) == 1 else ALL
        self._say(self.edits.days_as_planned([(r.placement, d.day, d.planned) for r, d in todo], scope))

    def _on_action(self, name: str) -> None:
        if name in ("previous", "next"):
            self.step(-1 if name == "previous" else 1)
            return
        cell = self.model.cell_at(self.table.currentIndex())
        row, d = cell if cell is not None else (None, None)
        if row is None or d is None:
            return
        if not d.in_period:
            self._say(self.tr("The day is outside the placement's period."))
        elif name == "week":
            self._say(self.edits.weeks_as_planned([row.placement], d.day, row.citizen_ref))
        elif name == "clear":
            self._clear(row, d)
        elif name == "planned":
            self._log_planned(row, d)
        elif name in STATUS_KEYS:
            self._open_picker(row, d, name)
        elif name == "reason":
            self._open_picker(row, d, d.record.status if d.record is not None else "sick")

    def _clear(self, row: ExpectedCitizen, d: PlannedDay) -> None:
        if d.record is not None and self._say(self.edits.clear(row.placement, d.day, row.citizen_ref, seen=d.record)):
            self._advance()

    def _log_planned(self, row: ExpectedCitizen, d: PlannedDay) -> None:
        r = d.record
        if r is not None and r.status == "present" and r.minutes == d.planned:
            self._advance()  # already as planned
        elif not d.planned:
            self._say(self.tr("Nothing is planned on this day: type the hours instead."))
        elif d.future:
            self._say(self.tr("Only agreed absence (F) can be registered ahead of the day."))
        elif self._say(self.edits.present(row.placement, d.day, d.planned, row.citizen_ref, keep=r)):
            self._advance()

    def _on_hours(self, row_index: int, column: int, text: str) -> None:
        cell = self.model.cell_at(self.model.index(row_index, column))
        row, d = cell if cell is not None else (None, None)
        if row is None or d is None:
            return
        if self._say(self.edits.typed_hours(row.placement, d, text, row.citizen_ref)):
            self._advance()

    def _open_picker(self, row: ExpectedCitizen, d: PlannedDay, status: str) -> None:
        if d.future and status != "absent_agreed":
            self._say(self.tr("Only agreed absence (F) can be registered ahead of the day."))
            return

        def accepted(fields: dict[str, object]) -> None:
            self.picker = None
            if self._say(self.edits.log(row.placement, fields, row.citizen_ref, seen=d.record)):
                self._advance()

        used = [x.record.reason for x in row.days if x.record is not None and x.record.reason]
        self.picker = open_picker(
            self,
            accepted,
            day=d.day,
            status=status,
            planned=d.planned,
            record=d.record,
            heading=row.citizen_name,
            used_reasons=used,
        )
        self.picker.rejected.connect(self._picker_closed)

    def _picker_closed(self) -> None:
        self.picker = None

    def write_statement(self) -> QDialog | None:
        """Virksomhedens udtalelse about the selected row's placement (the first row when none is)."""
        cell = self.model.cell_at(self.table.currentIndex())
        rows = self.model.rows()
        row = cell[0] if cell is not None else (rows[0] if rows else None)
        if row is None:
            self._say(self.tr("Nobody is expected here: pick a day or week with the citizen the statement is about."))
            return None
        from placement_desk.ui.attendance.statement_dialog import StatementDialog

        self.statement = StatementDialog(self.ctx, row, self)
        self.statement.finished.connect(self._statement_closed)
        self.statement.open()
        return self.statement

    def _statement_closed(self, _result: int) -> None:
        self.statement = None
        self.table.setFocus()

    def _advance(self) -> None:
        """Day mode: the next citizen; week mode: the next day of the same citizen."""
        index = self.table.currentIndex()
        if self.model.mode == DAY:
            target = self.model.index(min(index.row() + 1, self.model.rowCount() - 1), index.column())
        else:
            target = self.model.index(index.row(), min(index.column() + 1, 7))
        if target.isValid():
            self.table.setCurrentIndex(target)
        self.table.setFocus()
