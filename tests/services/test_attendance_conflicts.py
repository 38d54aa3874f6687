"""Attendance edits carry what they saw: a day changed by someone else meanwhile is a conflict, a first
registration that races another is the same conflict, and undo never removes a colleague's later change."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ConflictError
from placement_desk.services import attendance
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, ramp_down_citizen

DAY = date(2023, 3, 14)  # a Tuesday in DC-1's period with nothing registered
PRESENT = {"date": DAY.isoformat(), "status": "present", "hours": 2}
SICK = {"date": DAY.isoformat(), "status": "sick", "hours": 0, "reason": "Influenza"}
PRESENT_DAY = cf.Attendance(DAY, "present", 120)  # the same, as the services take them
SICK_DAY = cf.Attendance(DAY, "sick", 0, "Influenza")


@pytest.fixture
def dc(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen()))
    return db


def _from_export(db: Database) -> cf.Attendance | None:
    rows = export_case_file(db)["citizens"][0]["placements"][0]["attendance"]
    row = next((r for r in rows if r["date"] == DAY.isoformat()), None)
    return None if row is None else cf.Attendance(DAY, row["status"], round(row["hours"] * 60), row.get("reason"),
                                                  row.get("note"))  # fmt: skip


def test_a_stale_screen_meets_a_conflict_and_writes_nothing(dc: Database) -> None:
    attendance.log_day(dc, "DC-1", SICK_DAY, "colleague", expected=None)
    before = export_case_file(dc)
    with pytest.raises(ConflictError):
        attendance.log_day(dc, "DC-1", PRESENT_DAY, "me", expected=None)  # I still saw an empty day
    with pytest.raises(ConflictError):
        attendance.clear_day(dc, "DC-1", DAY, "me", expected=None)
    assert export_case_file(dc) == before
    seen = _from_export(dc)
    assert attendance.log_day(dc, "DC-1", PRESENT_DAY, "me", expected=seen) == seen  # what I saw: it goes through


def test_a_first_registration_racing_another_is_a_conflict(dc: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both clients found the day empty; the second insert hits the unique (placement, day) key."""
    attendance.log_day(dc, "DC-1", SICK_DAY, "colleague")
    before = export_case_file(dc)
    monkeypatch.setattr(attendance, "_existing", lambda *_a: None)  # as if read before the colleague's commit
    with pytest.raises(ConflictError):
        attendance.log_day(dc, "DC-1", PRESENT_DAY, "me")
    monkeypatch.undo()
    assert export_case_file(dc) == before


def test_undo_never_removes_a_colleagues_later_change(dc: Database) -> None:
    written = attendance.log_day(dc, "DC-1", PRESENT_DAY, "me", expected=None)
    assert written is None
    attendance.log_day(dc, "DC-1", SICK_DAY, "colleague")  # the colleague corrects the day afterwards
    theirs = export_case_file(dc)
    mine = cf.Attendance(DAY, "present", 120, None, None)
    with pytest.raises(ConflictError):
        attendance.restore_day(dc, "DC-1", DAY, None, "me", expected=mine)  # undo of my first registration
    assert export_case_file(dc) == theirs


def answer_next_box(seen: list[str]) -> None:
    """Close the message box the next step opens (a timer fires inside the box's own event loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_the_grid_edit_asks_and_undo_keeps_the_colleagues_day(qapp: QApplication, dc: Database) -> None:
    from placement_desk.ui.attendance.edits import AttendanceEdits
    from placement_desk.ui.shell.context import UiContext

    ctx = UiContext(dc, actor="me")
    asked: list[bool] = []

    def keep_mine() -> bool:
        asked.append(True)
        return False  # reload theirs

    ctx.keep_mine = keep_mine  # type: ignore[method-assign]
    edits = AttendanceEdits(ctx)
    assert edits.log("DC-1", PRESENT, "DC", seen=None) is None
    attendance.log_day(dc, "DC-1", SICK_DAY, "colleague")
    theirs = export_case_file(dc)
    seen: list[str] = []
    answer_next_box(seen)
    ctx.undo_stack.undo()  # my undo meets their change: it says so, and nothing is removed
    assert seen and export_case_file(dc) == theirs
    message: Any = edits.log("DC-1", {**PRESENT, "hours": 1}, "DC", seen=cf.Attendance(DAY, "present", 120))
    assert asked == [True] and message  # the conflict was put to the user; reload keeps theirs
    assert export_case_file(dc) == theirs
