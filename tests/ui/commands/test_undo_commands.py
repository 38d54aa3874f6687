"""Undo and redo of record edits on a bare QUndoStack against a real database (no widgets): each step
carries the version it saw, so redo after undo works any number of times, and an undo or redo that meets
a colleague's newer save asks instead of overwriting it."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ConflictError
from placement_desk.services import citizens, companies, views
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.ui.commands.citizens import EditCitizen
from placement_desk.ui.commands.companies import EditCompany
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen


@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    import_case_file(db, case_file(ramp_down_citizen()))
    return UiContext(db, "karin")


def snapshot(db: Database) -> str:
    return json.dumps(export_case_file(db), sort_keys=True)


def edit_citizen(ctx: UiContext, **after: Any) -> None:
    before, version = citizens.citizen_fields(ctx.db, "DC")
    ctx.push(EditCitizen(ctx, "Edit citizen", before, replace(before, **after), version))


def colleague_saves(ctx: UiContext, job_goal: str) -> None:
    citizens.update_citizen(ctx.db, "DC", replace(citizens.citizen_fields(ctx.db, "DC")[0], job_goal=job_goal), None, "sofie")


def test_undo_and_redo_any_number_of_times_leave_the_database_as_before_each_step(ctx: UiContext) -> None:
    start = snapshot(ctx.db)
    edit_citizen(ctx, job_goal="Lagerarbejde", caseworker="Sagsbehandler Sørensen")
    edited = snapshot(ctx.db)
    edit_citizen(ctx, job_goal="Kantine")
    twice = snapshot(ctx.db)
    stack = ctx.undo_stack
    for _ in range(3):
        stack.undo()
        assert snapshot(ctx.db) == edited
        stack.undo()
        assert snapshot(ctx.db) == start
        stack.redo()
        assert snapshot(ctx.db) == edited
        stack.redo()
        assert snapshot(ctx.db) == twice
    assert stack.index() == 2 and stack.count() == 2


def test_an_undo_that_meets_a_colleagues_newer_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    edit_citizen(ctx, job_goal="Lagerarbejde")
    colleague_saves(ctx, "Kollegaens mål")  # someone else
    asked: list[bool] = []

    def keep_theirs() -> bool:
        asked.append(True)
        return False

    ctx.overwrite_newer = keep_theirs  # type: ignore[method-assign]
    ctx.undo_stack.undo()
    assert asked == [True]
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Kollegaens mål"
    assert ctx.undo_stack.count() == 0  # the step left the history: no redo over their change either


def test_overwriting_a_colleagues_save_is_a_choice(ctx: UiContext) -> None:
    original = views.citizen_detail(ctx.db, "DC").citizen.job_goal
    edit_citizen(ctx, job_goal="Lagerarbejde")
    colleague_saves(ctx, "Kollegaens mål")
    ctx.overwrite_newer = lambda: True  # type: ignore[method-assign]
    ctx.undo_stack.undo()
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == original
    ctx.undo_stack.redo()
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Lagerarbejde"


def test_a_stale_first_save_is_a_conflict_the_user_resolves(ctx: UiContext) -> None:
    seen, version = citizens.citizen_fields(ctx.db, "DC")
    colleague_saves(ctx, "Kollegaens mål")
    ctx.keep_mine = lambda: False  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        ctx.push(EditCitizen(ctx, "Edit citizen", seen, replace(seen, job_goal="Mit mål"), version))
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Kollegaens mål"
    assert ctx.undo_stack.count() == 0


def test_company_edits_undo_and_redo_with_their_versions(ctx: UiContext) -> None:
    ref = companies.create_company(ctx.db, cf.Company("", "Bageriet"), "karin")
    start = snapshot(ctx.db)

    def edit(name: str) -> None:
        before, version = companies.company_fields(ctx.db, ref)
        ctx.push(EditCompany(ctx, "Edit company", before, replace(before, name=name), version))

    edit("Bageriet ApS")
    edited = snapshot(ctx.db)
    for _ in range(3):
        ctx.undo_stack.undo()
        assert snapshot(ctx.db) == start
        ctx.undo_stack.redo()
        assert snapshot(ctx.db) == edited


def test_redo_keys_are_unique_so_qt_fires_them() -> None:
    from PySide6.QtGui import QKeySequence

    from placement_desk.ui.shell.undo_keys import redo_shortcuts

    names = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in redo_shortcuts()]
    assert len(names) == len(set(names)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(names)


def test_ctrl_z_and_redo_keys_work_from_a_text_field_that_has_nothing_to_undo(qtbot: Any, ctx: UiContext) -> None:
    from PySide6.QtCore import Qt

    from placement_desk.ui.shell.main_window import MainWindow

    w = MainWindow(ctx.db, actor="karin")
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
    w.show_page("citizens")
    field = w.citizens.search
    field.setFocus()
    edit_citizen(w.ctx, job_goal="Lager")
    stack = w.ctx.undo_stack
    assert stack.index() == 1
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 0 and views.citizen_detail(ctx.db, "DC").citizen.job_goal != "Lager"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stack.index() == 1 and views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Lager"
    stack.undo()
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 1
    qtbot.keyClicks(field, "abc")  # the field's own typing: its Ctrl+Z undoes that, not the save
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 1 and field.text() != "abc"


def test_the_state_check_sees_a_change_anywhere(ctx: UiContext) -> None:
    from tests.db_state import assert_undo_redo_cycles, db_state

    start = db_state(ctx.db)
    citizens.set_archived(ctx.db, "DC", True)
    assert db_state(ctx.db) != start  # only archived_at changed, which the case file leaves out
    edit_citizen(ctx, own_view="Jeg vil gerne arbejde")
    assert db_state(ctx.db) != start
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: edit_citizen(ctx, job_goal="Lager"))
