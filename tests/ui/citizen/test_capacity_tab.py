"""Arbejdsevne: assessments per placement, effectiveness from tasks, undo/redo, effective-hours chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.casefile_parse import parse_capacity
from placement_desk.services import placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from placement_desk.ui.citizen.capacity_tab import CapacityTab
from tests.casefiles import case_file, ramp_down_citizen
from tests.ui.citizen_tabs import check_undo_redo, danish, open_tab, screenshot


@pytest.fixture
def dc_db(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen()))
    return db


def capacity_of(db: Database) -> list[dict[str, object]]:
    return export_case_file(db, "DC")["citizens"][0]["placements"][0]["capacity"]  # type: ignore[no-any-return]


def type_task(qtbot: QtBot, tab: CapacityTab, row: int, name: str, share: int, tempo: int, quality: int) -> None:
    widgets = tab.task_grid.rows[row]
    qtbot.keyClicks(widgets[0], name)
    for spin, value in zip(widgets[1:], (share, tempo, quality), strict=True):
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))


def test_assessments_table(qtbot: QtBot, dc_db: Database, qtmodeltester: object) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "capacity")
    assert isinstance(tab, CapacityTab)
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    rows = [[tab.model.index(r, c).data() for c in range(4)] for r in range(tab.model.rowCount())]
    assert rows == [["09-03-2023", "60 %", "", "arbejder roligt"], ["20-03-2023", "50 %", "", "træt efter migræne"]]


def test_effectiveness_from_tasks_and_add_with_undo(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "capacity")
    assert not tab.use_button.isEnabled()
    qtbot.keyClicks(tab.day, "27-03-2023")
    type_task(qtbot, tab, 0, "Maling", 50, 80, 100)
    type_task(qtbot, tab, 1, "Flytte borde", 50, 60, 90)
    assert tab.computed.text() == "67 %"
    qtbot.mouseClick(tab.use_button, Qt.MouseButton.LeftButton)
    assert tab.effectiveness.text() == "67"
    qtbot.keyClicks(tab.note, "roligt tempo")
    check_undo_redo(tab, lambda: qtbot.keyClick(tab.note, Qt.Key.Key_Return))
    assert capacity_of(dc_db)[-1] == {
        "date": "2023-03-27",
        "effectiveness_pct": 67,
        "note": "roligt tempo",
        "tasks": [
            {"name": "Maling", "time_share_pct": 50, "tempo_pct": 80, "quality_pct": 100},
            {"name": "Flytte borde", "time_share_pct": 50, "tempo_pct": 60, "quality_pct": 90},
        ],
    }
    assert tab.model.index(2, 2).data() == "Maling 50/80/100 · Flytte borde 50/60/90"
    assert tab.task_grid.tasks() == []


def test_remove_an_assessment_with_tasks_and_undo(qtbot: QtBot, dc_db: Database) -> None:
    placements.add_capacity(
        dc_db,
        "DC-1",
        parse_capacity({
            "date": "2023-03-27",
            "effectiveness_pct": 62.5,
            "note": None,
            "tasks": [{"name": "Maling", "time_share_pct": 100, "tempo_pct": 70, "quality_pct": 90}],
        }, ""),
    )
    tab = open_tab(qtbot, dc_db, "DC", "capacity")
    assert tab.model.index(2, 1).data() == "62,50 %"
    tab.table.selectRow(2)
    check_undo_redo(tab, lambda: qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton))
    assert [c["date"] for c in capacity_of(dc_db)] == ["2023-03-09", "2023-03-20"]


def test_mistakes_are_shown_next_to_the_field(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "capacity")
    before = export_case_file(dc_db)
    qtbot.keyClicks(tab.day, "20-03-2023")
    qtbot.keyClicks(tab.effectiveness, "meget")
    assert not tab.add_assessment()
    assert tab.form.error_text("effectiveness_pct")
    tab.effectiveness.clear()
    qtbot.keyClicks(tab.effectiveness, "120")
    assert not tab.add_assessment()
    assert "100" in tab.form.error_text("effectiveness_pct")
    tab.effectiveness.clear()
    qtbot.keyClicks(tab.effectiveness, "55,5")
    assert not tab.add_assessment()
    assert "20-03-2023" in tab.form.error_text("date")  # the day as the form shows it
    tab.day.clear()
    qtbot.keyClicks(tab.day, "21-03-2023")
    type_task(qtbot, tab, 0, "Maling", 60, 100, 100)
    assert "60" in tab.computed.text()
    assert not tab.add_assessment()
    assert "100" in tab.form.error_text("tasks")
    assert export_case_file(dc_db) == before


def test_chart_effective_hours_match_the_dossier(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Poul", "capacity")
    dossier = citizen_detail(demo_db, "Poul").figures()
    assert dossier is not None
    by_week = dossier.figures.by_week
    weeks = sorted(by_week)
    effective = tab.chart.bar_values("Effective hours")
    assert effective == pytest.approx([float(by_week[k].effective or 0) / 60 for k in weeks])
    assert any(effective)
    attended = dict(tab.chart.line_points("Attended hours"))
    assert [attended[i] for i in range(len(weeks))] == pytest.approx([by_week[k].attended / 60 for k in weeks])
    pct = tab.chart.line_points("Effectiveness %")
    first = min(c.day for c in dossier.placements[0].placement.capacity)
    assert pct[0][1] == pytest.approx(
        min(dossier.placements[0].placement.capacity, key=lambda c: c.day).effectiveness_cpct / 100
    )
    assert weeks[int(pct[0][0])] >= f"{first.isocalendar()[0]}-W{first.isocalendar()[1]:02d}"


def test_screenshot(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    placements.add_capacity(
        demo_db,
        "Poul-1",
        parse_capacity({
            "date": "2025-01-20",
            "effectiveness_pct": 72,
            "note": "Varemodtagelse går bedre end kassen",
            "tasks": [
                {"name": "Varemodtagelse", "time_share_pct": 60, "tempo_pct": 85, "quality_pct": 100},
                {"name": "Kasse", "time_share_pct": 40, "tempo_pct": 60, "quality_pct": 95},
            ],
        }, ""),
    )
    with danish():
        tab = open_tab(qtbot, demo_db, "Poul", "capacity")
    type_task(qtbot, tab, 0, "Opfyldning", 70, 90, 100)
    type_task(qtbot, tab, 1, "Kasse", 30, 60, 95)
    path = screenshot(tab.window(), tmp_path, "citizen-capacity")
    assert path.stat().st_size > 10_000
