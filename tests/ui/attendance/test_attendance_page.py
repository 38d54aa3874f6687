"""The workplace mentor's view (Fremmøde): who is expected at a company, logged from the keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.services.mentor import expected
from placement_desk.ui.attendance.edits import AttendanceEdits
from placement_desk.ui.attendance.mentor_model import CELL_ROLE, DAY, WEEK
from placement_desk.ui.attendance.page import AttendancePage
from placement_desk.ui.attendance.view import AttendanceView
from placement_desk.ui.shell.context import UiContext
from tests.ui.attendance_cases import answer_picker, day, load, mentor_citizens, record, type_hours
from tests.ui.citizen_tabs import QM, danish, screenshot
from tests.ui.inputs import Inputs

THURSDAY = "2026-11-19"  # Anna 3 h and Bo 4 h are expected


def make_page(qtbot: QtBot, db: Database, size: tuple[int, int] = (900, 600)) -> AttendancePage:
    ctx = UiContext(db, actor="mentor")
    page = AttendancePage(ctx)
    qtbot.addWidget(page)
    ctx.dialog_parent = page
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> AttendancePage:
    QSettings().remove("mentor")
    load(db, *mentor_citizens())
    p = make_page(qtbot, db)
    p.set_company("co-saxo")
    p.set_mode(DAY)
    p.date.setDate(QDate(day(THURSDAY)))
    return p


def names(page: AttendancePage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def row_of(page: AttendancePage, name: str) -> int:
    return names(page).index(name)


def snapshot(db: Database) -> dict[str, Any]:
    return export_case_file(db)


def test_the_expected_citizens_of_a_day_and_a_week(page: AttendancePage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.model)
    assert names(page) == ["Anna N.", "Bo O."]  # Cecilie is at the kindergarten
    assert [page.model.index(r, 1).data() for r in range(2)] == ["3 h", "4 h"]
    assert page.table.currentIndex().row() == 0  # the first one still to register
    page.date.setDate(QDate(2026, 11, 23))  # Monday: Bo is not planned
    assert names(page) == ["Anna N."]
    page.set_mode(WEEK)
    qtmodeltester.check(page.model)
    assert names(page) == ["Anna N.", "Bo O."]
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Mon 23/11"
    assert page.table.isColumnHidden(6) and page.table.isColumnHidden(7)  # nobody works weekends
    assert page.model.index(1, 2).data() == "4 h / –" and page.model.index(1, 8).data() == "8 h / 0 h"
    page.set_company("co-kids")
    assert names(page) == ["Cecilie E."]
    page.set_mode(DAY)
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    qtmodeltester.check(page.model)


def test_enter_marks_the_row_as_planned_and_moves_down(qtbot: QtBot, page: AttendancePage) -> None:
    inputs = Inputs(qtbot)
    inputs.key(page.table, Qt.Key.Key_Return)
    inputs.key(page.table, Qt.Key.Key_Space)
    assert inputs.count == 2
    a, b = record(page.ctx.db, "AN-1", THURSDAY), record(page.ctx.db, "BO-1", THURSDAY)
    assert a is not None and (a.status, a.minutes) == ("present", 180)
    assert b is not None and (b.status, b.minutes) == ("present", 240)
    assert page.model.index(0, 2).data() == "3 h"


def test_reason_keys_and_typed_hours(qtbot: QtBot, page: AttendancePage) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    assert QApplication.activeModalWidget() is page.picker
    answer_picker(qtbot, page, reason="Ondt i ryg")
    a = record(page.ctx.db, "AN-1", THURSDAY)
    assert a is not None and (a.status, a.reason) == ("sick", "Ondt i ryggen")
    assert page.table.currentIndex().row() == row_of(page, "Bo O.")
    type_hours(qtbot, page.table, "2,5")
    qtbot.waitUntil(lambda: record(page.ctx.db, "BO-1", THURSDAY) is not None)
    b = record(page.ctx.db, "BO-1", THURSDAY)
    assert b is not None and (b.status, b.minutes) == ("present", 150)
    assert page.model.index(row_of(page, "Bo O."), 2).data() == "2,5 h"
    page.table.setCurrentIndex(page.model.index(row_of(page, "Anna N."), 0))
    qtbot.keyClick(page.table, Qt.Key.Key_U)
    answer_picker(qtbot, page)
    a = record(page.ctx.db, "AN-1", THURSDAY)
    assert a is not None and (a.status, a.reason) == ("absent_unexcused", None)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert record(page.ctx.db, "AN-1", THURSDAY) is None


def test_all_as_planned_for_the_day_in_one_click_with_undo(qtbot: QtBot, page: AttendancePage) -> None:
    before = snapshot(page.ctx.db)
    Inputs(qtbot).click(page.all_button)
    after = snapshot(page.ctx.db)
    assert record(page.ctx.db, "AN-1", THURSDAY) is not None and record(page.ctx.db, "BO-1", THURSDAY) is not None
    assert not page.all_button.isEnabled()
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    assert snapshot(page.ctx.db) == before and page.all_button.isEnabled()
    page.ctx.undo_stack.redo()
    assert snapshot(page.ctx.db) == after


def test_a_week_for_a_company_in_two_keystrokes(qtbot: QtBot, page: AttendancePage) -> None:
    page.date.setDate(QDate(2026, 11, 16))
    inputs = Inputs(qtbot)
    inputs.key(page.week_button, Qt.Key.Key_Space)  # the Week button has focus after a click or Alt+E
    inputs.click(page.all_button)
    assert inputs.count <= 3
    rows = {e.placement: e for e in expected(page.ctx.db, "co-saxo", date(2026, 11, 16), date(2026, 11, 22))}
    anna = [d for d in rows["AN-1"].days if d.record is not None]
    assert [d.day.weekday() for d in anna] == [0, 1, 2, 3, 4] and all(d.record.minutes == 180 for d in anna)
    bo = [d for d in rows["BO-1"].days if d.record is not None]
    assert [(d.day.weekday(), d.record.minutes) for d in bo] == [(1, 240), (3, 240)]  # Tuesday was logged before


def test_the_current_week_never_logs_days_still_to_come(qtbot: QtBot, page: AttendancePage) -> None:
    page.set_mode(WEEK)
    page.date.setDate(QDate(2026, 11, 23))
    anna = row_of(page, "Anna N.")
    page.table.setCurrentIndex(page.model.index(anna, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_W)
    assert record(page.ctx.db, "AN-1", "2026-11-23") is not None
    assert record(page.ctx.db, "AN-1", "2026-11-24") is None
    page.table.setCurrentIndex(page.model.index(anna, 3))  # Wednesday, still to come
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert record(page.ctx.db, "AN-1", "2026-11-25") is None and "ahead" in page.message.text()


EDITS: dict[str, Any] = {
    "as planned": lambda qtbot, page: qtbot.keyClick(page.table, Qt.Key.Key_Return),
    "hours": lambda qtbot, page: type_hours(qtbot, page.table, "1,25"),
    "sick": lambda qtbot, page: (qtbot.keyClick(page.table, Qt.Key.Key_S), answer_picker(qtbot, page, "Influ")),
    "agreed": lambda qtbot, page: (qtbot.keyClick(page.table, Qt.Key.Key_F), answer_picker(qtbot, page, "Ferie")),
    "no-show": lambda qtbot, page: (qtbot.keyClick(page.table, Qt.Key.Key_U), answer_picker(qtbot, page)),
    "week": lambda qtbot, page: qtbot.keyClick(page.table, Qt.Key.Key_W),
    "all": lambda qtbot, page: qtbot.mouseClick(page.all_button, Qt.MouseButton.LeftButton),
    "clear": lambda qtbot, page: (page.table.setCurrentIndex(page.model.index(1, 0)),
                                  page.date.setDate(QDate(2026, 11, 17)),
                                  qtbot.keyClick(page.table, Qt.Key.Key_Delete)),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_every_edit_undoes_and_redoes_exactly(qtbot: QtBot, page: AttendancePage, edit: str) -> None:
    before = snapshot(page.ctx.db)
    EDITS[edit](qtbot, page)
    qtbot.waitUntil(lambda: page.ctx.undo_stack.count() == 1)
    after = snapshot(page.ctx.db)
    assert after != before
    page.ctx.undo_stack.undo()
    assert snapshot(page.ctx.db) == before
    page.ctx.undo_stack.redo()
    assert snapshot(page.ctx.db) == after


def test_the_page_follows_changes_made_elsewhere(page: AttendancePage) -> None:
    assert page.model.index(0, 2).data() == "–"
    # another screen logs Anna's Thursday through the same context
    assert AttendanceEdits(page.ctx).present("AN-1", day(THURSDAY), 120, "AN") is None
    assert page.model.index(0, 2).data() == "2 h"
    page.ctx.undo_stack.undo()
    assert page.model.index(0, 2).data() == "–"


def test_company_and_mode_are_remembered(qtbot: QtBot, page: AttendancePage) -> None:
    page.set_company("co-kids")
    page.set_mode(WEEK)
    again = make_page(qtbot, page.ctx.db)
    assert again.company_ref() == "co-kids" and again.mode() == WEEK
    assert QSettings().value("mentor/company") == "co-kids"


def test_page_keys_step_days_and_weeks(qtbot: QtBot, page: AttendancePage) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown)
    assert page.day() == date(2026, 11, 20)
    page.set_mode(WEEK)
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp)
    assert page.day() == date(2026, 11, 13)
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.day() == date(2026, 11, 23)


@pytest.mark.parametrize("size", [(1196, 700), (854, 520), (640, 480)])
def test_small_screens_and_screenshot(qtbot: QtBot, demo_db: Database, tmp_path: Path,
                                      size: tuple[int, int]) -> None:
    QSettings().remove("mentor")
    with danish():
        _small_screen(qtbot, demo_db, tmp_path, size)


def _small_screen(qtbot: QtBot, demo_db: Database, tmp_path: Path, size: tuple[int, int]) -> None:
    page = make_page(qtbot, demo_db, size)
    if QM.exists():
        assert page.all_button.text() == "&Alle mødt som planlagt"
    assert page.company.currentText().startswith("Bilka Vejle")  # a company with someone placed comes first
    assert page.minimumSizeHint().width() <= 640
    assert page.size().width() == size[0]  # nothing forced the page wider than the screen leaves it
    assert not page.table.horizontalScrollBar().isVisible()
    assert isinstance(page.table, AttendanceView) and page.model.rowCount() == 1
    cell = page.model.index(0, 0).data(CELL_ROLE)
    assert cell[0].citizen_name == "Miriam" and cell[1].planned == 240
    screenshot(page, tmp_path, f"mentor_day_{size[0]}x{size[1]}")
    page.set_company(next(page.company.itemData(i) for i in range(page.company.count())
                          if page.company.itemText(i).startswith("Tømrer")))
    page.set_mode(WEEK)
    page.date.setDate(QDate(2026, 11, 16))
    assert not page.table.horizontalScrollBar().isVisible()
    screenshot(page, tmp_path, f"mentor_week_{size[0]}x{size[1]}")


def test_an_unreadable_number_is_said_at_the_row_not_at_the_bottom(qtbot: QtBot, page: AttendancePage) -> None:
    bo = row_of(page, "Bo O.")
    page.table.setCurrentIndex(page.model.index(bo, 0))
    type_hours(qtbot, page.table, "30")
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == "Could not read '30' as hours: write e.g. 2, 2,5 or 1.75."
    assert page.message.parent() is page.table.viewport()
    cell = page.table.visualRect(page.model.index(bo, 0))
    note = page.message.geometry()
    assert note.top() == cell.bottom() + 2 or note.bottom() == cell.top() - 2  # right under (or over) the row
    assert page.table.viewport().rect().contains(note.topLeft())
    assert record(page.ctx.db, "BO-1", THURSDAY) is None
    page.table.setCurrentIndex(page.model.index(row_of(page, "Anna N."), 0))  # moving on takes it away
    assert not page.message.isVisible()
