"""Undoable attendance edits, shared by the citizen's grid and the workplace mentor's list.

Each edit is one :class:`~placement_desk.ui.commands.attendance.WriteDays` pushed on the undo stack: the
days it writes, each with what the screen showed there, in one transaction (a day changed by someone
else meanwhile refuses the whole step). Expected errors come back as a Danish sentence for the screen's
message line (``None`` means it worked).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_attendance
from placement_desk.services import attendance
from placement_desk.services.attendance import UNCHECKED, DayWrite, Seen, as_planned
from placement_desk.services.mentor import PlannedDay
from placement_desk.ui.attendance.style import day_title, parse_hours, status_label
from placement_desk.ui.commands.attendance import WriteDays
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.messages import danish_error
from placement_desk.ui.shell.context import EXPECTED, UiContext


class AttendanceEdits:
    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    def write(self, text: str, days: Sequence[DayWrite], scope: str, can_force: bool = True) -> str | None:
        """Write ``days`` as one undoable step; a Danish sentence when it could not be done."""
        try:
            self.ctx.push(WriteDays(self.ctx, text, scope, days, can_force))
        except EXPECTED as exc:
            return danish_error(exc)
        return None

    def log(self, placement: str, fields: dict[str, Any], scope: str, seen: Seen = UNCHECKED) -> str | None:
        """Register one day (``fields`` as in the case file, read by its parser); undo puts the old record back.

        ``seen`` is the record the screen showed for that day (None: unregistered): a day someone else
        changed meanwhile meets the conflict dialog instead of being overwritten, and undo never
        removes a later change of theirs.
        """
        try:
            record = parse_attendance(fields, "")
        except EXPECTED as exc:
            return danish_error(exc)
        text = QCoreApplication.translate("Attendance", "Attendance %1: %2").replace("%1", day_title(record.day)).replace("%2", status_label(record.status))
        return self.write(text, [DayWrite(placement, record.day, record, seen)], scope, can_force=True)

    def present(
        self, placement: str, day: date, minutes: int, scope: str, keep: cf.Attendance | None = None
    ) -> str | None:
        """Present with these hours; a present day's reason and any note are kept."""
        reason = keep.reason if keep is not None and keep.status == "present" else None
        record = cf.Attendance(day, "present", minutes, reason, keep.note if keep is not None else None)
        text = QCoreApplication.translate("Attendance", "Attendance %1: %2").replace("%1", day_title(day)).replace("%2", status_label("present"))
        return self.write(text, [DayWrite(placement, day, record, keep)], scope)

    def typed_hours(self, placement: str, d: PlannedDay, text: str, scope: str) -> str | None:
        """Hours typed into a day's cell: the day saved present with them (None), or why not."""
        try:
            minutes = parse_hours(text)
        except ValueError:
            return QCoreApplication.translate(
                "Attendance", "Could not read '%1' as hours: write e.g. 2, 2,5 or 1.75."
            ).replace("%1", text)
        if d.future:
            return QCoreApplication.translate("Attendance", "Only agreed absence (F) can be registered ahead of the day.")
        return self.present(placement, d.day, minutes, scope, keep=d.record)

    def clear(self, placement: str, day: date, scope: str, seen: Seen = UNCHECKED) -> str | None:
        text = QCoreApplication.translate("Attendance", "Clear attendance %1").replace("%1", day_title(day))
        return self.write(text, [DayWrite(placement, day, None, seen)], scope)

    def week_as_planned(self, placement: str, week: Sequence[PlannedDay], scope: str) -> str | None:
        """One placement's ISO week as the screen shows it, as planned: every planned, unregistered day up
        to today (days to come are left alone), one step."""
        todo = [
            as_planned(placement, d.day, d.planned) for d in week if d.planned and d.record is None and not d.future
        ]
        return self._as_planned(todo, scope, QCoreApplication.translate("Attendance", "Week %1 as planned").replace("%1", week_number(week[0].day)))

    def weeks_as_planned(self, placements: Sequence[str], any_day: date, scope: str) -> str | None:
        """Every planned, unregistered day of the ISO week as planned, for each placement, one step."""
        try:
            todo = [
                w for ref in placements for w in attendance.week_as_planned(attendance.week(self.ctx.db, ref, any_day))
            ]
        except EXPECTED as exc:
            return danish_error(exc)
        return self._as_planned(todo, scope, QCoreApplication.translate("Attendance", "Week %1 as planned").replace("%1", week_number(any_day)))

    def days_as_planned(self, items: Sequence[tuple[str, date, int]], scope: str, text: str = "") -> str | None:
        """Several days (placement, day, planned minutes) as present as planned, each where the screen
        showed nothing registered, one step."""
        days = sorted({day for _, day, _ in items})
        if not days:
            return None
        when = fmt_date(days[0]) if len(days) == 1 else f"{fmt_date(days[0])} – {fmt_date(days[-1])}"
        todo = [as_planned(ref, day, minutes) for ref, day, minutes in items]
        return self._as_planned(todo, scope, text or QCoreApplication.translate("Attendance", "All as planned %1").replace("%1", when))

    def _as_planned(self, todo: Sequence[DayWrite], scope: str, text: str) -> str | None:
        """Nothing is overwritten in bulk: a day registered meanwhile refuses the whole step."""
        if not todo:
            return None
        return self.write(text, todo, scope, can_force=False)


def week_number(day: date) -> str:
    return str(day.isocalendar()[1])
