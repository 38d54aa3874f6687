"""Mål og progression: goals per area, scores side by side, undo/redo, spider chart and curve."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import citizens
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from placement_desk.ui.citizen.goals_tab import GoalsTab
from tests.casefiles import case_file, ramp_down_citizen
from tests.ui.citizen_tabs import check_undo_redo, danish, open_tab, screenshot


@pytest.fixture
def dc_db(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen()))
    return db


def goals_of(db: Database) -> list[dict[str, object]]:
    return export_case_file(db, "DC")["citizens"][0]["goals"]  # type: ignore[no-any-return]


def choose(combo: object, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))  # type: ignore[attr-defined]


def test_goals_by_area_with_scores_side_by_side(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    citizens.add_score(demo_db, citizen_detail(demo_db, "Poul").goals[0].id, cf.Score(date(2025, 1, 30), 4, "citizen"))
    tab = open_tab(qtbot, demo_db, "Poul", "goals")
    assert isinstance(tab, GoalsTab)
    areas = [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]
    assert areas == ["Beskæftigelse", "Socialt", "Helbred", "Hverdagsliv"]
    everyday = tab.tree.topLevelItem(3).child(0)
    assert everyday.text(0).startswith("Struktur på dagligdagen")
    assert everyday.childCount() == 2 and everyday.child(0).text(0).startswith("· ")
    assert everyday.text(1) == "+4" and everyday.text(4) == "+5"  # latest by citizen / not stated
    assert [tab.tree.isColumnHidden(c) for c in range(5)] == [False, False, True, True, False]
    tab.tree.setCurrentItem(everyday)
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    last = tab.model.rowCount() - 1
    assert [tab.model.index(last, c).data() for c in range(5)] == ["30-01-2025", "+4", "", "", "+5"]
    assert tab.model.index(0, 4).data() == "0"
    # the curve: one line per assessor with the goal's scores
    assert tab.curve.series_names() == ["Citizen", "Not stated"]
    assert [y for _, y in tab.curve.line_points("Not stated")] == [0, 3, 4, 5]


def test_spider_holds_first_and_latest_of_every_goal(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Poul", "goals")
    dossier = citizen_detail(demo_db, "Poul").figures()
    assert dossier is not None
    n = len(dossier.goals)
    first = [y for _, y in tab.spider.line_points("First")]
    latest = [y for _, y in tab.spider.line_points("Latest")]
    assert first == [g.first_score for g in dossier.goals] + [dossier.goals[0].first_score]  # closed polygon
    assert latest == [g.latest_score for g in dossier.goals] + [dossier.goals[0].latest_score]
    angles = [x for x, _ in tab.spider.line_points("Latest")]
    assert angles == [i * 360 / n for i in range(n + 1)]
    assert tab.spider.categories()[0].startswith("Hverdagsliv<br>Struktur")


def test_add_goal_and_score_with_undo_and_redo(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "goals")
    choose(tab.area, "employment")
    qtbot.keyClicks(tab.goal_text, "Fast arbejde på lageret")
    tab.subgoals.setFocus()
    qtbot.keyClicks(tab.subgoals, "Møde til tiden")
    qtbot.keyClick(tab.subgoals, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.subgoals, "Sige til ved migræne")

    def add_goal() -> None:
        qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)

    check_undo_redo(tab, add_goal)
    goal = goals_of(dc_db)[-1]
    assert goal == {
        "area": "employment",
        "text": "Fast arbejde på lageret",
        "subgoals": ["Møde til tiden", "Sige til ved migræne"],
        "scores": [],
    }
    item = tab.tree.findItems("Fast arbejde på lageret", Qt.MatchFlag.MatchRecursive)[0]
    assert item.parent().text(0) == "Beskæftigelse"
    assert item.childCount() == 2
    rect = tab.tree.visualItemRect(item)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.goal_title.text() == "Beskæftigelse: Fast arbejde på lageret"

    tab.score_date.clear()
    qtbot.keyClicks(tab.score_date, "31-03-2023")
    tab.score.clear()
    qtbot.keyClicks(tab.score, "-2")
    choose(tab.assessor, "citizen")
    check_undo_redo(tab, lambda: qtbot.mouseClick(tab.add_score_button, Qt.MouseButton.LeftButton))
    assert goals_of(dc_db)[-1]["scores"] == [{"date": "2023-03-31", "score": -2, "assessor": "citizen"}]
    assert tab.model.index(0, 1).data() == "−2"

    # undo both edits, then redo both: the redone score finds its redone goal
    before_both = export_case_file(dc_db)
    stack = tab.ctx.undo_stack
    stack.undo()
    stack.undo()
    assert len(goals_of(dc_db)) == 1
    stack.redo()
    stack.redo()
    assert export_case_file(dc_db) == before_both


def test_remove_score_with_undo(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "goals")
    tab.table.setCurrentIndex(tab.model.index(1, 4))

    def remove() -> None:
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    check_undo_redo(tab, remove)
    assert goals_of(dc_db)[0]["scores"] == [{"date": "2023-03-01", "score": -1}]


def test_same_day_scores_keep_their_order_through_remove_and_undo(qtbot: QtBot, dc_db: Database) -> None:
    goal_id = citizen_detail(dc_db, "DC").goals[0].id
    citizens.add_score(dc_db, goal_id, cf.Score(date(2023, 3, 31), 3, "mentor"))
    tab = open_tab(qtbot, dc_db, "DC", "goals")
    tab.table.setCurrentIndex(tab.model.index(1, 4))  # the unstated score, before the mentor's
    check_undo_redo(tab, tab.remove_selected_score)


def test_mistakes_are_shown_next_to_the_field(qtbot: QtBot, dc_db: Database) -> None:
    tab = open_tab(qtbot, dc_db, "DC", "goals")
    before = export_case_file(dc_db)
    assert not tab.add_goal()
    assert tab.goal_form.error_text("text")
    tab.score_date.clear()
    assert not tab.add_score()
    assert tab.score_form.error_text("date")
    qtbot.keyClicks(tab.score_date, "31-03-2023")
    choose(tab.assessor, "mentor")
    assert tab.add_score()
    assert not tab.add_score()
    assert "31-03-2023" in tab.score_form.error_text("date")  # the day as the form shows it
    tab.ctx.undo_stack.undo()
    assert export_case_file(dc_db) == before


def test_a_citizen_without_goals(qtbot: QtBot, db: Database) -> None:
    citizens.create_citizen(db, cf.Citizen("NN", "Ny Borger"))
    tab = open_tab(qtbot, db, "NN", "goals")
    assert tab.tree.topLevelItemCount() == 0
    assert not tab.score_form.isEnabled()
    assert tab.spider.series_names() == []
    qtbot.keyClicks(tab.goal_text, "Komme ud af sengen")
    qtbot.keyClick(tab.goal_text, Qt.Key.Key_Return)
    assert tab.tree.topLevelItemCount() == 1
    assert tab.score_form.isEnabled()


def test_screenshot(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    goal_id = citizen_detail(demo_db, "Poul").goals[0].id
    for day, score, who in (("2024-03-04", 1, "citizen"), ("2024-08-08", 3, "mentor"), ("2025-01-30", 4, "citizen")):
        citizens.add_score(demo_db, goal_id, cf.Score(date.fromisoformat(day), score, who))
    with danish():
        tab = open_tab(qtbot, demo_db, "Poul", "goals")
    tab.select_goal(goal_id)
    path = screenshot(tab.window(), tmp_path, "citizen-goals")
    assert path.stat().st_size > 10_000
