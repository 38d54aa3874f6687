"""Small case files and helpers for the attendance screens (today is pinned to Monday 23-11-2026)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import attendance
from placement_desk.services.casefile_io import import_case_file
from placement_desk.ui.kit.reason_picker import ReasonPicker
from tests.casefiles import COMPANY, case_file

# Mon, Tue, Thu 3 h and Fri 2,5 h = 11,5 h a week.
WEEK_HOURS = {"mon": 3, "tue": 3, "thu": 3, "fri": 2.5}


def day(text: str) -> date:
    return date.fromisoformat(text)


def kw_citizen() -> dict[str, Any]:
    """Week 45 all present; week 46 with sick (migraine) and left early; weeks 47-48 not registered."""
    att = [
        {"date": "2026-11-02", "status": "present", "hours": 3},
        {"date": "2026-11-03", "status": "present", "hours": 3},
        {"date": "2026-11-05", "status": "present", "hours": 3},
        {"date": "2026-11-06", "status": "present", "hours": 2.5},
        {"date": "2026-11-09", "status": "sick", "hours": 0, "reason": "Migræne", "note": "ringede kl. 8"},
        {"date": "2026-11-10", "status": "present", "hours": 3},
        {"date": "2026-11-12", "status": "present", "hours": 2},
        {"date": "2026-11-13", "status": "present", "hours": 2.5},
    ]
    return {
        "ref": "KW",
        "name": "Karl W.",
        "placements": [
            {
                "ref": "KW-1", "company": "co-saxo", "type": "internal_training", "purpose": "training",
                "start": "2026-11-02", "end": "2026-12-31", "workplace_mentor": "wm-1",
                "schedule": [{"from": "2026-11-02", "hours": dict(WEEK_HOURS), "paid_per_week": 0}],
                "attendance": att, "capacity": [],
            }
        ],
    }


def two_placements_citizen() -> dict[str, Any]:
    """An ended placement at the kindergarten and a current one at Saxogade."""
    return {
        "ref": "TP",
        "name": "Tove P.",
        "placements": [
            {"ref": "TP-1", "company": "co-kids", "type": "internship", "start": "2026-03-02", "end": "2026-05-29",
             "schedule": [{"from": "2026-03-02", "hours": {"tue": 4}, "paid_per_week": 0}]},
            {"ref": "TP-2", "company": "co-saxo", "type": "internal_training", "start": "2026-10-05", "end": None,
             "schedule": [{"from": "2026-10-05", "hours": {"mon": 2, "wed": 2}, "paid_per_week": 0}]},
        ],
    }


def mentor_citizens() -> list[dict[str, Any]]:
    """Two citizens at Saxogade (and one at the kindergarten, who must not show)."""
    return [
        {"ref": "AN", "name": "Anna N.", "placements": [
            {"ref": "AN-1", "company": "co-saxo", "type": "internal_training", "start": "2026-11-02", "end": None,
             "schedule": [{"from": "2026-11-02", "hours": {"mon": 3, "tue": 3, "wed": 3, "thu": 3, "fri": 3},
                           "paid_per_week": 0}]}]},
        {"ref": "BO", "name": "Bo O.", "placements": [
            {"ref": "BO-1", "company": "co-saxo", "type": "internship", "start": "2026-11-02", "end": "2026-12-31",
             "schedule": [{"from": "2026-11-02", "hours": {"tue": 4, "thu": 4}, "paid_per_week": 0}],
             "attendance": [{"date": "2026-11-17", "status": "present", "hours": 4}]}]},
        {"ref": "CE", "name": "Cecilie E.", "placements": [
            {"ref": "CE-1", "company": "co-kids", "type": "internship", "start": "2026-11-02", "end": None,
             "schedule": [{"from": "2026-11-02", "hours": {"thu": 5}, "paid_per_week": 0}]}]},
    ]


def load(db: Database, *citizens: dict[str, Any]) -> None:
    import_case_file(db, case_file(*copy.deepcopy(list(citizens)),
                                   companies=[copy.deepcopy(COMPANY),
                                              {"ref": "co-kids", "name": "Børnehaven Solsikken", "internal": False,
                                               "contacts": []}]))


def record(db: Database, placement: str, when: str) -> cf.Attendance | None:
    d = day(when)
    return next(s.record for s in attendance.week(db, placement, d) if s.day == d)


def type_hours(qtbot: QtBot, view: QWidget, text: str) -> None:
    """Type a number on the current cell as a user does: the first key opens the editor, Enter logs."""
    qtbot.keyClick(view, text[0])
    editor = view.findChild(QLineEdit, "hoursEditor")
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def answer_picker(qtbot: QtBot, owner: Any, reason: str | None = None, hours: str | None = None,
                  status: str | None = None) -> ReasonPicker:
    """Fill in the open reason picker from the keyboard and press Enter."""
    picker = owner.picker
    assert isinstance(picker, ReasonPicker) and picker.isVisible()
    if status is not None:
        picker.status.setCurrentIndex(picker.status.findData(status))
    if hours is not None:
        picker.hours.selectAll()
        qtbot.keyClicks(picker.hours, hours)
    if reason is not None:
        qtbot.keyClicks(picker.reason, reason)
    qtbot.keyClick(picker.reason, Qt.Key.Key_Return)
    return picker
