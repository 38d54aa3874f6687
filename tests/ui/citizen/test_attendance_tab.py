"""The Fremmøde tab: a month grid filled from the keyboard, against a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QBoxLayout, QLineEdit
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import attendance
from placement_desk.ui.attendance.grid import DAY_ROLE, KIND_ROLE, SMALL_ROLE, TOTAL_COLUMN
from placement_desk.ui.attendance.style import Kind, parse_hours
from placement_desk.ui.citizen.attendance_tab import AttendanceTab
from tests.ui.attendance_cases import answer_picker, day, kw_citizen, load, record, two_placements_citizen, type_hours
from tests.ui.citizen_tabs import QM, check_undo_redo, danish, open_tab, screenshot
from tests.ui.inputs import Inputs


@pytest.fixture
def kw(qtbot: QtBot, db: Database) -> AttendanceTab:
    load(db, kw_citizen())
    tab = open_tab(qtbot, db, "KW", "attendance", size=(1280, 760))
    assert isinstance(tab, AttendanceTab)
    return tab


def go_to(tab: AttendanceTab, when: str) -> None:
    index = tab.model.index_of(day(when))
    assert index.isValid()
    tab.grid.setCurrentIndex(index)


def test_a_normal_week_in_one_keystroke(qtbot: QtBot, kw: AttendanceTab) -> None:
    # The cursor starts on the first planned day that is not registered: Monday of week 47.
    assert kw.current_day() is not None and kw.current_day().day == day("2026-11-16")
    inputs = Inputs(qtbot)
    inputs.key(kw.grid, Qt.Key.Key_W)
    assert inputs.count <= 3
    states = {s.day: s for s in attendance.week(kw.ctx.db, "KW-1", day("2026-11-16"))}
    for when, minutes in (("2026-11-16", 180), ("2026-11-17", 180), ("2026-11-19", 180), ("2026-11-20", 150)):
        r = states[day(when)].record
        assert r is not None and (r.status, r.minutes, r.reason) == ("present", minutes, None)
    assert states[day("2026-11-18")].record is None  # nothing planned on Wednesday
    # the cursor moved on to the next planned day; the grid shows the week as attended
    assert kw.current_day() is not None and kw.current_day().day == day("2026-11-23")
    assert kw.model.index_of(day("2026-11-16")).data(KIND_ROLE) == Kind.ATTENDED.value
    assert kw.model.index(kw.model.index_of(day("2026-11-16")).row(), TOTAL_COLUMN).data() == "11,5 h / 11,5 h"
    # week 48: only today is logged, the days still to come are not
    inputs.key(kw.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert record(kw.ctx.db, "KW-1", "2026-11-23") is not None
    assert record(kw.ctx.db, "KW-1", "2026-11-24") is None


def test_enter_logs_as_planned_and_moves_on(qtbot: QtBot, kw: AttendanceTab) -> None:
    for _ in range(4):
        qtbot.keyClick(kw.grid, Qt.Key.Key_Return)
    for when, minutes in (("2026-11-16", 180), ("2026-11-17", 180), ("2026-11-19", 180), ("2026-11-20", 150)):
        r = record(kw.ctx.db, "KW-1", when)
        assert r is not None and r.minutes == minutes
    go_to(kw, "2026-11-24")  # tomorrow: planned, but only agreed absence can be logged ahead
    qtbot.keyClick(kw.grid, Qt.Key.Key_Space)
    assert record(kw.ctx.db, "KW-1", "2026-11-24") is None
    assert "ahead" in kw.message.text()


@pytest.mark.parametrize(("typed", "minutes"), [("2,5", 150), ("1.75", 105), ("2", 120), ("0,5", 30)])
def test_typing_a_number_logs_present_with_those_hours(qtbot: QtBot, kw: AttendanceTab, typed: str,
                                                        minutes: int) -> None:
    type_hours(qtbot, kw.grid, typed)
    qtbot.waitUntil(lambda: record(kw.ctx.db, "KW-1", "2026-11-16") is not None)
    r = record(kw.ctx.db, "KW-1", "2026-11-16")
    assert r is not None and (r.status, r.minutes) == ("present", minutes)
    assert kw.current_day() is not None and kw.current_day().day == day("2026-11-17")
    assert kw.grid.findChild(QLineEdit, "hoursEditor") is None or not kw.grid.findChild(QLineEdit, "hoursEditor").isVisible()


def test_hours_that_cannot_be_read_are_explained(qtbot: QtBot, kw: AttendanceTab) -> None:
    type_hours(qtbot, kw.grid, "30")
    qtbot.waitUntil(lambda: bool(kw.message.text()))
    assert "30" in kw.message.text()
    assert record(kw.ctx.db, "KW-1", "2026-11-16") is None


@pytest.mark.parametrize(
    ("key", "typed", "status", "reason"),
    [
        (Qt.Key.Key_S, "influ", "sick", "Influenza"),
        (Qt.Key.Key_F, "Tandl", "absent_agreed", "Tandlæge"),
        (Qt.Key.Key_U, "", "absent_unexcused", None),
        (Qt.Key.Key_S, "Kunne ikke komme ud af sengen", "sick", "Kunne ikke komme ud af sengen"),
    ],
)
def test_status_keys_open_the_reason_picker(qtbot: QtBot, kw: AttendanceTab, key: Qt.Key, typed: str,
                                            status: str, reason: str | None) -> None:
    inputs = Inputs(qtbot)
    inputs.key(kw.grid, key)
    assert QApplication.activeModalWidget() is kw.picker
    assert kw.picker is not None and kw.picker.status_code() == status
    if typed:
        inputs.type(kw.picker.reason, typed)
    inputs.key(kw.picker.reason, Qt.Key.Key_Return)
    assert inputs.count <= 3
    r = record(kw.ctx.db, "KW-1", "2026-11-16")
    assert r is not None and (r.status, r.minutes, r.reason) == (status, 0, reason)
    assert kw.model.index_of(day("2026-11-16")).data(SMALL_ROLE) == (reason or "")


def test_escape_leaves_the_day_alone(qtbot: QtBot, kw: AttendanceTab) -> None:
    qtbot.keyClick(kw.grid, Qt.Key.Key_S)
    picker = kw.picker
    assert picker is not None
    qtbot.keyClick(picker.reason, Qt.Key.Key_Escape)
    assert not picker.isVisible() and kw.picker is None
    assert record(kw.ctx.db, "KW-1", "2026-11-16") is None


def test_left_early_with_a_reason_and_editing_a_day(qtbot: QtBot, kw: AttendanceTab) -> None:
    go_to(kw, "2026-11-12")  # present 2 h of 3
    qtbot.keyClick(kw.grid, Qt.Key.Key_R)
    assert kw.picker is not None and kw.picker.status_code() == "present" and kw.picker.hours.text() == "2"
    answer_picker(qtbot, kw, reason="Migr", hours="1,5")
    r = record(kw.ctx.db, "KW-1", "2026-11-12")
    assert r is not None and (r.status, r.minutes, r.reason) == ("present", 90, "Migræne")
    assert kw.model.index_of(day("2026-11-12")).data(KIND_ROLE) == Kind.PARTIAL.value
    go_to(kw, "2026-11-09")  # sick with a note: R opens it for a change, the note is kept
    qtbot.keyClick(kw.grid, Qt.Key.Key_R)
    assert kw.picker is not None and kw.picker.reason.currentText() == "Migræne"
    answer_picker(qtbot, kw, status="present", hours="1")
    r = record(kw.ctx.db, "KW-1", "2026-11-09")
    assert r is not None and (r.status, r.minutes, r.note) == ("present", 60, "ringede kl. 8")


def test_enter_on_a_registered_day_is_as_planned_too(qtbot: QtBot, kw: AttendanceTab) -> None:
    """The legend says Enter = as planned: on a registered day too, no dialog (R changes a day)."""
    go_to(kw, "2026-11-09")  # sick with a note
    qtbot.keyClick(kw.grid, Qt.Key.Key_Return)
    assert kw.picker is None and QApplication.activeModalWidget() is None
    r = record(kw.ctx.db, "KW-1", "2026-11-09")
    planned = kw.model.index_of(day("2026-11-09")).data(DAY_ROLE).planned
    assert r is not None and (r.status, r.minutes, r.note) == ("present", planned, "ringede kl. 8")
    assert kw.current_day() is not None and kw.current_day().day > day("2026-11-09")  # moved on
    go_to(kw, "2026-11-09")  # present as planned already: Enter just moves on
    qtbot.keyClick(kw.grid, Qt.Key.Key_Return)
    assert kw.current_day() is not None and kw.current_day().day > day("2026-11-09")
    kw.ctx.undo_stack.undo()
    r = record(kw.ctx.db, "KW-1", "2026-11-09")
    assert r is not None and r.status == "sick"


def test_delete_clears_a_registration(qtbot: QtBot, kw: AttendanceTab) -> None:
    go_to(kw, "2026-11-10")
    qtbot.keyClick(kw.grid, Qt.Key.Key_Delete)
    assert record(kw.ctx.db, "KW-1", "2026-11-10") is None
    assert kw.model.index_of(day("2026-11-10")).data(KIND_ROLE) == Kind.UNREGISTERED.value


def test_agreed_absence_can_be_logged_ahead(qtbot: QtBot, kw: AttendanceTab) -> None:
    go_to(kw, "2026-11-26")
    qtbot.keyClick(kw.grid, Qt.Key.Key_F)
    answer_picker(qtbot, kw, reason="Ferie")
    r = record(kw.ctx.db, "KW-1", "2026-11-26")
    assert r is not None and (r.status, r.reason) == ("absent_agreed", "Ferie")
    go_to(kw, "2026-11-27")
    qtbot.keyClick(kw.grid, Qt.Key.Key_S)
    assert kw.picker is None and record(kw.ctx.db, "KW-1", "2026-11-27") is None


EDITS: dict[str, tuple[str, Any]] = {
    "hours": ("2026-11-16", lambda qtbot, tab: type_hours(qtbot, tab.grid, "2,5")),
    "as planned": ("2026-11-16", lambda qtbot, tab: qtbot.keyClick(tab.grid, Qt.Key.Key_Return)),
    "change hours": ("2026-11-10", lambda qtbot, tab: type_hours(qtbot, tab.grid, "1")),
    "sick": ("2026-11-16", lambda qtbot, tab: (qtbot.keyClick(tab.grid, Qt.Key.Key_S),
                                              answer_picker(qtbot, tab, reason="Forkølelse"))),
    "agreed absence": ("2026-11-20", lambda qtbot, tab: (qtbot.keyClick(tab.grid, Qt.Key.Key_F),
                                                        answer_picker(qtbot, tab, reason="Lægebesøg"))),
    "no-show over present": ("2026-11-10", lambda qtbot, tab: (qtbot.keyClick(tab.grid, Qt.Key.Key_U),
                                                              answer_picker(qtbot, tab))),
    "change reason": ("2026-11-09", lambda qtbot, tab: (qtbot.keyClick(tab.grid, Qt.Key.Key_R),
                                                       answer_picker(qtbot, tab, reason="Influenza"))),
    "clear": ("2026-11-09", lambda qtbot, tab: qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)),
    "week": ("2026-11-18", lambda qtbot, tab: qtbot.keyClick(tab.grid, Qt.Key.Key_W)),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_every_edit_undoes_and_redoes_exactly(qtbot: QtBot, kw: AttendanceTab, edit: str) -> None:
    when, action = EDITS[edit]
    go_to(kw, when)

    def run() -> None:
        action(qtbot, kw)
        qtbot.waitUntil(lambda: kw.ctx.undo_stack.count() == 1)

    check_undo_redo(kw, run)
    kw.ctx.undo_stack.undo()  # the grid follows undo
    shown = kw.model.index_of(day(when)).data(DAY_ROLE)
    assert shown.record == record(kw.ctx.db, "KW-1", when)


def test_month_summary_navigation_and_model(qtbot: QtBot, kw: AttendanceTab, qtmodeltester: Any) -> None:
    qtmodeltester.check(kw.model)
    assert kw.month_label.text() == "November 2026"
    assert [kw.model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)] == [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert kw.model.headerData(0, Qt.Orientation.Vertical) == "week 44"  # 26-10 .. 01-11
    assert kw.model.rowCount() == 6
    # Planned to today 3 x 11,5 h + 3 h = 37,5 h; attended 11,5 + 7,5 = 19 h of the 23 h registered.
    text = kw.summary.text()
    # Not registered: 4 days before today (today, Monday 23 Nov, may not be logged yet).
    for part in ("37,5 h", "19 h", "82,6 %", "4 days", "Migræne", "3 h (1 day)", "Left early", "1 h (1 day)"):
        assert part in text, part
    qtbot.keyClick(kw.grid, Qt.Key.Key_PageDown)
    assert kw.month_label.text() == "December 2026"
    qtmodeltester.check(kw.model)
    christmas = kw.model.index_of(date(2026, 12, 25))
    assert christmas.data(KIND_ROLE) == Kind.HOLIDAY.value and christmas.data(DAY_ROLE).planned == 0
    assert christmas.data(SMALL_ROLE) in ("Juledag", "Christmas Day")
    qtbot.keyClick(kw.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(kw.grid, Qt.Key.Key_PageUp)
    assert kw.month_label.text() == "October 2026"
    assert all(not d.in_period for d in kw.model.days() if d.day.month == 10)
    qtbot.mouseClick(kw.this_month, Qt.MouseButton.LeftButton)
    assert kw.month_label.text() == "November 2026" and kw.current_day().day == day("2026-11-23")


def test_arrows_move_and_skip_the_week_total(qtbot: QtBot, kw: AttendanceTab) -> None:
    go_to(kw, "2026-11-22")  # Sunday
    qtbot.keyClick(kw.grid, Qt.Key.Key_Right)
    assert kw.current_day() is not None and kw.current_day().day == day("2026-11-22")
    qtbot.keyClick(kw.grid, Qt.Key.Key_Down)
    qtbot.keyClick(kw.grid, Qt.Key.Key_Left)
    assert kw.current_day() is not None and kw.current_day().day == day("2026-11-28")


def test_placement_picker_defaults_to_the_current_one(qtbot: QtBot, db: Database) -> None:
    load(db, two_placements_citizen())
    tab = open_tab(qtbot, db, "TP", "attendance")
    assert isinstance(tab, AttendanceTab)
    assert tab.placement_box.isVisible() and tab.placement_box.count() == 2
    assert tab.placement_ref == "TP-2" and tab.month_label.text() == "November 2026"
    tab.placement_box.setCurrentIndex(tab.placement_box.findData("TP-1"))
    tab.placement_box.activated.emit(tab.placement_box.currentIndex())
    assert tab.placement_ref == "TP-1" and tab.month_label.text() == "May 2026"
    qtbot.keyClick(tab.grid, Qt.Key.Key_W)  # the cursor is on the first unregistered Tuesday of May
    assert record(db, "TP-1", "2026-05-05") is not None
    assert tab.placement_ref == "TP-1"  # a change keeps the chosen placement


def test_a_citizen_without_placements(qtbot: QtBot, db: Database) -> None:
    load(db, {"ref": "NP", "name": "No Placement"})
    tab = open_tab(qtbot, db, "NP", "attendance")
    assert isinstance(tab, AttendanceTab)
    assert tab.empty.isVisible() and not tab.grid.isEnabled()
    qtbot.keyClick(tab.grid, Qt.Key.Key_W)


def test_hours_parsing() -> None:
    assert [parse_hours(t) for t in ("2", "2,5", "1.75", "2:30", "3 t", "½")] == [120, 150, 105, 150, 180, 30]
    for bad in ("25", "x", "1,333", ""):
        with pytest.raises(ValueError):
            parse_hours(bad)


# What the citizen page gets inside the main window on a 1366 x 768 and a 1024 x 600 screen, and less.
@pytest.mark.parametrize(("size", "side_by_side"), [((1180, 690), True), ((840, 560), True)])
def test_screenshot_with_demo_data(qtbot: QtBot, demo_db: Database, tmp_path: Path, size: tuple[int, int],
                                   side_by_side: bool) -> None:
    with danish():
        tab = open_tab(qtbot, demo_db, "Malthe", "attendance", size=size)
        assert isinstance(tab, AttendanceTab)
        if QM.exists():
            assert tab.month_label.text() == "november 2026"
            assert tab.model.headerData(4, Qt.Orientation.Vertical) == "uge 48"
        assert tab.current_day() is not None and tab.current_day().day == day("2026-11-23")
        assert tab.minimumSizeHint().width() <= 560
        assert (tab.body.direction() == QBoxLayout.Direction.LeftToRight) == side_by_side
        assert not tab.grid.horizontalScrollBar().isVisible()
        path = screenshot(tab.window(), tmp_path, f"attendance_tab_{size[0]}x{size[1]}")
        qtbot.keyClick(tab.grid, Qt.Key.Key_S)
        assert tab.picker is not None
        qtbot.keyClicks(tab.picker.reason, "mig")
        screenshot(tab.picker, tmp_path, "reason_picker")
        qtbot.keyClick(tab.picker.reason, Qt.Key.Key_Escape)
    assert path.stat().st_size > 10_000
