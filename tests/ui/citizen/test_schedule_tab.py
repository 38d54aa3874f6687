"""Timeplan: steps of the hours plan, adding by hours text, undo/redo, and the weekly chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.figures import week_key
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from placement_desk.ui.citizen.schedule_tab import ScheduleTab
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.ui.citizen_tabs import check_undo_redo, danish, open_tab, screenshot


@pytest.fixture
def dc_db(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen()))
    return db


def steps_of(db: Database, ref: str = "DC") -> list[dict[str, object]]:
    return export_case_file(db, ref)["citizens"][0]["placements"][0]["schedule"]  # type: ignore[no-any-return]


def fill(qtbot: QtBot, tab: ScheduleTab, hours: str, start: str, paid: str = "") -> None:
    for field, text in ((tab.hours, hours), (tab.start, start), (tab.paid, paid)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_steps_table_shows_the_ramp_down(qtbot: QtBot, dc_db: Database, qtmodeltester: object) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "schedule")
    assert isinstance(tab, ScheduleTab)
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    rows = [[tab.model.index(r, c).data() for c in range(tab.model.columnCount())] for r in range(tab.model.rowCount())]
    assert rows == [
        ["01-03-2023", "5 × 4 t = 20 t (man, tir, ons, tor, fre)", "20,00 t", "0,00 t", ""],
        ["13-03-2023", "2 × 2 t = 4 t (man, ons)", "4,00 t", "0,00 t", "↓ −16,00 t"],
    ]


@pytest.mark.parametrize(
    ("text", "hours", "shown"),
    [
        ("2x4+1x3", {"mon": 4, "wed": 4, "fri": 3}, "2 × 4 t + 1 × 3 t = 11 t (man, ons, fre)"),
        ("man-fre 12-15", {"mon": 3, "tue": 3, "wed": 3, "thu": 3, "fri": 3}, "5 × 3 t = 15 t"),
        ("tir 2, tor 2", {"tue": 2, "thu": 2}, "2 × 2 t = 4 t (tir, tor)"),
        ("2x3", {"tue": 3, "thu": 3}, "2 × 3 t = 6 t (tir, tor)"),
    ],
)
def test_add_step_from_hours_text_with_undo(
    qtbot: QtBot, dc_db: Database, text: str, hours: dict[str, int], shown: str
) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "schedule")
    fill(qtbot, tab, text, "20-03-2023", "1,5")
    assert tab.preview.text().startswith(shown)

    def add() -> None:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)

    check_undo_redo(tab, add)
    assert steps_of(dc_db)[-1] == {"from": "2023-03-20", "hours": hours, "paid_per_week": 1.5}
    assert tab.model.rowCount() == 3
    assert tab.hours.text() == ""


def test_replacing_a_step_is_undone_to_the_old_step(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "schedule")
    fill(qtbot, tab, "3x2", "13-03-2023")
    before, after = check_undo_redo(tab, lambda: qtbot.keyClick(tab.paid, Qt.Key.Key_Return))
    assert len(steps_of(dc_db)) == 2
    assert steps_of(dc_db)[1]["hours"] == {"mon": 2, "wed": 2, "fri": 2}
    tab.ctx.undo_stack.undo()
    assert steps_of(dc_db)[1]["hours"] == {"mon": 2, "wed": 2}


def test_remove_step_with_undo(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "schedule")
    tab.table.selectRow(1)

    def remove() -> None:
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    check_undo_redo(tab, remove)
    assert [s["from"] for s in steps_of(dc_db)] == ["2023-03-01"]
    assert tab.model.rowCount() == 1


def test_mistakes_are_shown_next_to_the_field(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "schedule")
    before = export_case_file(dc_db)
    qtbot.keyClicks(tab.hours, "2x")
    assert "2x" in tab.form.error_text("hours")
    assert tab.preview.text() == ""
    assert not tab.add_step()
    fill(qtbot, tab, "man 25", "20-03-2023")
    assert tab.form.error_text("hours")
    fill(qtbot, tab, "2x3", "20-03-2023", "7")
    assert not tab.add_step()
    assert "7" not in tab.form.error_text("hours")
    assert tab.form.error_text("paid_per_week")
    fill(qtbot, tab, "2x3", "20-03-2023", "mange")
    assert not tab.add_step()
    assert tab.form.error_text("paid_per_week")
    fill(qtbot, tab, "2x3", "01-05-2023")
    assert not tab.add_step()
    assert "2023" in tab.form.error_text("from")
    assert export_case_file(dc_db) == before
    assert tab.ctx.undo_stack.count() == 0


def test_chart_planned_paid_and_attended_per_week_match_the_dossier(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Jasmin", "schedule")
    by_week = citizen_detail(demo_db, "Jasmin").figures().figures.by_week  # type: ignore[union-attr]
    weeks = sorted(by_week)
    names = tab.chart.series_names()
    assert names == ["Planned, unpaid", "Paid hours", "Attended"]
    unpaid, paid = tab.chart.bar_values("Planned, unpaid"), tab.chart.bar_values("Paid hours")
    assert len(unpaid) == len(weeks)
    for i, key in enumerate(weeks):
        assert unpaid[i] + paid[i] == pytest.approx(by_week[key].planned / 60)
        assert paid[i] == pytest.approx(float(by_week[key].paid_planned) / 60)
    attended = dict(tab.chart.line_points("Attended"))
    assert [attended[i] for i in range(len(weeks))] == pytest.approx([by_week[k].attended / 60 for k in weeks])
    assert tab.chart.categories()[0] == f"uge {int(weeks[0][-2:])}"
    assert tab.chart.chart().axes()[0].titleText() == "2024–2025"
    assert any(paid)


def test_chart_follows_a_new_step(qtbot: QtBot, db: Database) -> None:
    import_case_file(db, case_file(hybrid_citizen()))
    tab = open_tab(qtbot, db, "JA", "schedule")
    assert tab.chart.categories() == ["uge 1", "uge 2"]
    # 1 January is a holiday: week 1 has Tuesday and Thursday, 10 of the step's 14 hours, so 6 x 10/14 paid
    assert tab.chart.bar_values("Paid hours") == pytest.approx([6 * 10 / 14, 6.0])
    fill(qtbot, tab, "man-fre 12-15", "08-01-2024", "5")
    assert tab.add_step()
    assert week_key(date(2024, 1, 8)) == "2024-W02"
    unpaid, paid = tab.chart.bar_values("Planned, unpaid"), tab.chart.bar_values("Paid hours")
    assert unpaid[1] + paid[1] == pytest.approx(15)
    assert paid[1] == pytest.approx(5)


def test_screenshot(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    with danish():
        tab = open_tab(qtbot, demo_db, "Jasmin", "schedule")
    qtbot.keyClicks(tab.hours, "2x4+1x3")
    path = screenshot(tab.window(), tmp_path, "citizen-schedule")
    assert path.stat().st_size > 10_000


def test_running_placement_suggests_next_monday(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Malthe", "schedule")
    assert tab.picker.current_ref() == "Malthe-1"
    assert tab.start.text() == "23-11-2026"  # PLACEMENT_DESK_TODAY is a Monday
    qtbot.keyClicks(tab.hours, "3x4")
    check_undo_redo(tab, lambda: qtbot.keyClick(tab.hours, Qt.Key.Key_Return))
    schedule = export_case_file(demo_db, "Malthe")["citizens"][0]["placements"][0]["schedule"]
    assert schedule[-1] == {"from": "2026-11-23", "hours": {"mon": 4, "wed": 4, "fri": 4}, "paid_per_week": 0}
    assert tab.model.index(tab.model.rowCount() - 1, 4).data().startswith(("↑", "↓", "→"))
