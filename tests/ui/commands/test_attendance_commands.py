"""Attendance commands on a bare undo stack against a real database: each undoes and redoes any number of
times with the database as before each step, a step over several days is all or nothing, and an undo
that meets a colleague's later registration asks and keeps theirs."""

from __future__ import annotations

from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ConflictError
from placement_desk.services import attendance, observations
from placement_desk.services.attendance import DayWrite
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.observations import WorkplaceStatement
from placement_desk.ui.commands.attendance import AddStatement, ReadSheet, WriteDays
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen
from tests.db_state import assert_undo_redo_cycles, db_state

DAY = date(2023, 3, 14)  # a Tuesday in DC-1's period with nothing registered
WEEK = date(2023, 3, 20)  # Monday 20 March: planned Mon and Wed 2 h (Monday's registration cleared below)
PRESENT = cf.Attendance(DAY, "present", 120)
SICK = cf.Attendance(DAY, "sick", 0, "Influenza")




@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    import_case_file(db, case_file(ramp_down_citizen()))
    attendance.clear_day(db, "DC-1", WEEK)
    return UiContext(db, "karin")


def on_day(ctx: UiContext, when: date = DAY) -> cf.Attendance | None:
    return next(s.record for s in attendance.week(ctx.db, "DC-1", when) if s.day == when)


def write(ctx: UiContext, *days: DayWrite, can_force: bool = True) -> WriteDays:
    command = WriteDays(ctx, "Attendance", "DC", days, can_force)
    ctx.push(command)
    return command


def keep_theirs(ctx: UiContext) -> list[bool]:
    asked: list[bool] = []

    def answer() -> bool:
        asked.append(True)
        return False

    ctx.overwrite_newer = answer  # type: ignore[method-assign]
    return asked


def test_a_logged_day_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: write(ctx, DayWrite("DC-1", DAY, PRESENT, None)))
    assert on_day(ctx) == PRESENT


def test_a_changed_and_a_cleared_day_undo_and_redo(ctx: UiContext) -> None:
    attendance.log_day(ctx.db, "DC-1", PRESENT, "karin")
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: write(ctx, DayWrite("DC-1", DAY, SICK, PRESENT)))
    assert on_day(ctx) == SICK
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: write(ctx, DayWrite("DC-1", DAY, None, SICK)))
    assert on_day(ctx) is None


def test_a_week_as_planned_is_one_step(ctx: UiContext) -> None:
    writes = attendance.week_as_planned(attendance.week(ctx.db, "DC-1", WEEK))
    assert [w.day for w in writes] == [date(2023, 3, 20), date(2023, 3, 22)]
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: write(ctx, *writes, can_force=False))
    assert ctx.undo_stack.count() == 1
    assert on_day(ctx, date(2023, 3, 22)) == cf.Attendance(date(2023, 3, 22), "present", 120)


def test_a_week_as_planned_over_a_day_registered_meanwhile_writes_no_day(ctx: UiContext) -> None:
    writes = attendance.week_as_planned(attendance.week(ctx.db, "DC-1", WEEK))  # what the screen showed
    sick = cf.Attendance(date(2023, 3, 22), "sick", 0, "Migræne")
    attendance.log_day(ctx.db, "DC-1", sick, "sofie")  # a colleague registers Wednesday
    before = db_state(ctx.db)
    with pytest.raises(ConflictError):
        write(ctx, *writes, can_force=False)
    assert db_state(ctx.db) == before  # Monday was not written either
    assert on_day(ctx, date(2023, 3, 20)) is None and on_day(ctx, date(2023, 3, 22)) == sick
    assert ctx.undo_stack.count() == 0


def test_an_undo_over_a_colleagues_later_registration_asks_and_keeps_theirs(ctx: UiContext) -> None:
    write(ctx, DayWrite("DC-1", DAY, PRESENT, None))
    attendance.log_day(ctx.db, "DC-1", SICK, "sofie")  # the colleague corrects the day afterwards
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True]
    assert on_day(ctx) == SICK
    assert ctx.undo_stack.count() == 0  # the step left the history: no redo over their change either


def test_a_redo_over_a_colleagues_registration_asks_and_keeps_theirs(ctx: UiContext) -> None:
    write(ctx, DayWrite("DC-1", DAY, PRESENT, None))
    ctx.undo_stack.undo()
    attendance.log_day(ctx.db, "DC-1", SICK, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.redo()
    assert asked == [True] and on_day(ctx) == SICK


def test_keeping_mine_over_a_day_registered_meanwhile_is_a_choice(ctx: UiContext) -> None:
    attendance.log_day(ctx.db, "DC-1", SICK, "sofie")  # after my screen showed the day empty
    ctx.keep_mine = lambda: True  # type: ignore[method-assign]
    write(ctx, DayWrite("DC-1", DAY, PRESENT, None))
    assert on_day(ctx) == PRESENT
    ctx.undo_stack.undo()  # back to what was there when I saved: theirs
    assert on_day(ctx) == SICK


def test_a_read_attendance_sheet_undoes_and_redoes(qapp: object, db: Database) -> None:
    from tests.export.sheet_helpers import fill, make, save, seed

    seed(db)
    wb, ws, rows = make(db)
    fill(ws, rows[1], status="Syg", reason="Migræne")  # registered present: a conflict, overwritten
    fill(ws, rows[2], hours=3.5, status="Mødt")
    fill(ws, rows[3], status="Aftalt fravær", reason="Ferie")
    ctx = UiContext(db, "karin")
    command = ReadSheet(ctx, "Read attendance sheet", save(wb), overwrite=True)
    assert_undo_redo_cycles(db, ctx.undo_stack, lambda: ctx.push(command))
    assert command.result is not None and len(command.result.written) == 2 and len(command.result.overwritten) == 1


def test_undoing_a_read_sheet_over_a_colleagues_registration_asks_and_keeps_theirs(qapp: object, db: Database) -> None:
    from tests.export.sheet_helpers import fill, make, save, seed

    seed(db)
    wb, ws, rows = make(db)
    fill(ws, rows[2], hours=3.5, status="Mødt")
    fill(ws, rows[3], status="Aftalt fravær", reason="Ferie")
    ctx = UiContext(db, "karin")
    ctx.push(ReadSheet(ctx, "Read attendance sheet", save(wb), overwrite=False))
    theirs = cf.Attendance(date(2023, 3, 3), "sick", 0, "Migræne")
    attendance.log_day(db, "DC-1", theirs, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True] and ctx.undo_stack.count() == 0
    assert on_day(ctx, date(2023, 3, 3)) == theirs
    assert on_day(ctx, date(2023, 3, 2)) == cf.Attendance(date(2023, 3, 2), "present", 210)  # all or nothing


def test_a_workplace_statement_undoes_and_redoes(ctx: UiContext) -> None:
    statement = WorkplaceStatement(date(2023, 3, 20), "work_resources", "Maler grundigt og i godt tempo")
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(AddStatement(ctx, "Workplace statement", "DC", "DC-1", statement))
    )
    assert [o.text for o in observations.workplace_statements(ctx.db, "DC-1")] == ["Maler grundigt og i godt tempo"]
