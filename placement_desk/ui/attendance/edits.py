"""Undoable attendance edits, shared by the citizen's grid and the workplace mentor's list.

Each edit runs its service call now through :meth:`UiContext.execute` and pushes an undo command:
a logged or cleared day is undone by putting the previous record back (``restore_day``), a week or a
whole day "as planned" by clearing exactly the days it logged. Expected errors come back as a
Danish sentence for the screen's message line (``None`` means it worked).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_attendance
from placement_desk.domain.numbers import hours_value
from placement_desk.services import attendance
from placement_desk.services.attendance import UNCHECKED
from placement_desk.services.mentor import PlannedDay
from placement_desk.ui.attendance.style import day_title, status_label
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.messages import danish_error
from placement_desk.ui.shell.context import EXPECTED, UiContext

Logged = list[tuple[str, date, cf.Attendance | None]]  # placement, day, the record it replaced


class AttendanceEdits:
    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    def _run(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        scope: str,
        force: Callable[[], Any] | None = None,
    ) -> str | None:
        try:
            self.ctx.execute(text, do, undo, scope, force=force)
        except EXPECTED as exc:
            return danish_error(exc)
        return None

    def log(self, placement: str, fields: dict[str, Any], scope: str, seen: Any = UNCHECKED) -> str | None:
        """Register one day (``fields`` as in the case file); undo puts the old record back.

        ``seen`` is the record the screen showed for that day (None: unregistered): a day someone else
        changed meanwhile meets the conflict dialog instead of being overwritten, and undo never
        removes a later change of theirs.
        """
        day = date.fromisoformat(str(fields["date"]))
        written = parse_attendance(fields, "")
        db, actor = self.ctx.db, self.ctx.actor
        text = (
            QCoreApplication.translate("Attendance", "Attendance %1: %2")
            .replace("%1", day_title(day))
            .replace("%2", status_label(str(fields["status"])))
        )
        return self._run(
            text,
            lambda: attendance.log_day(db, placement, fields, actor, seen),
            lambda before: attendance.restore_day(db, placement, day, before, actor, written),
            scope,
            force=None if seen is UNCHECKED else lambda: attendance.log_day(db, placement, fields, actor),
        )

    def present(
        self, placement: str, day: date, minutes: int, scope: str, keep: cf.Attendance | None = None
    ) -> str | None:
        """Present with these hours; a present day's reason and any note are kept."""
        fields: dict[str, Any] = {"date": day.isoformat(), "status": "present", "hours": hours_value(minutes)}
        if keep is not None and keep.note:
            fields["note"] = keep.note
        if keep is not None and keep.status == "present" and keep.reason:
            fields["reason"] = keep.reason
        return self.log(placement, fields, scope, seen=keep)

    def clear(self, placement: str, day: date, scope: str, seen: Any = UNCHECKED) -> str | None:
        db, actor = self.ctx.db, self.ctx.actor
        return self._run(
            QCoreApplication.translate("Attendance", "Clear attendance %1").replace("%1", day_title(day)),
            lambda: attendance.clear_day(db, placement, day, actor, seen),
            lambda removed: attendance.restore_day(db, placement, day, removed, actor, None),
            scope,
            force=None if seen is UNCHECKED else lambda: attendance.clear_day(db, placement, day, actor),
        )

    def week_as_planned(self, placement: str, week: Sequence[PlannedDay], scope: str) -> str | None:
        """One placement's ISO week as planned: ``log_week_as_planned`` for a week that is over; in the
        current week only the days up to today (the service would log the days still to come too)."""
        if not any(d.future for d in week):
            return self.weeks_as_planned([placement], week[0].day, scope)
        todo = [(placement, d.day, d.planned) for d in week if d.planned and d.record is None and not d.future]
        return self.days_as_planned(
            todo,
            scope,
            QCoreApplication.translate("Attendance", "Week %1 as planned").replace("%1", week_number(week[0].day)),
        )

    def weeks_as_planned(self, placements: Sequence[str], any_day: date, scope: str) -> str | None:
        """Every planned, unregistered day of the ISO week as planned, for each placement."""
        db, actor = self.ctx.db, self.ctx.actor

        def do() -> list[tuple[str, list[date]]]:
            done: list[tuple[str, list[date]]] = []
            try:
                for ref in placements:
                    done.append((ref, attendance.log_week_as_planned(db, ref, any_day, actor)))
            except EXPECTED:
                undo(done)
                raise
            return done

        def undo(done: list[tuple[str, list[date]]]) -> None:
            for ref, days in reversed(done):
                for day in days:
                    attendance.clear_day(db, ref, day, actor)

        return self._run(
            QCoreApplication.translate("Attendance", "Week %1 as planned").replace("%1", week_number(any_day)),
            do,
            undo,
            scope,
        )

    def days_as_planned(self, items: Sequence[tuple[str, date, int]], scope: str, text: str = "") -> str | None:
        """Several days (placement, day, planned minutes) as present as planned, undone together."""
        db, actor = self.ctx.db, self.ctx.actor

        def do() -> Logged:
            done: Logged = []
            try:
                for ref, day, minutes in items:
                    fields = {"date": day.isoformat(), "status": "present", "hours": hours_value(minutes)}
                    done.append((ref, day, attendance.log_day(db, ref, fields, actor)))
            except EXPECTED:
                undo(done)
                raise
            return done

        def undo(done: Logged) -> None:
            for ref, day, before in reversed(done):
                attendance.restore_day(db, ref, day, before, actor)

        days = sorted({day for _, day, _ in items})
        when = fmt_date(days[0]) if len(days) == 1 else f"{fmt_date(days[0])} – {fmt_date(days[-1])}"
        return self._run(
            text or QCoreApplication.translate("Attendance", "All as planned %1").replace("%1", when), do, undo, scope
        )


def week_number(day: date) -> str:
    return str(day.isocalendar()[1])
