"""Undo and redo of record edits on a bare QUndoStack against a real database (no widgets): each step
carries the version it saw, so redo after undo works any number of times, and an undo or redo that meets
a colleague's newer save asks instead of overwriting it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain.errors import ConflictError
from placement_desk.services import citizens, companies, views
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen


@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    import_case_file(db, case_file(ramp_down_citizen()))
    return UiContext(db, "karin")


def snapshot(db: Database) -> str:
    return json.dumps(export_case_file(db), sort_keys=True)


def edit_citizen(ctx: UiContext, **after: Any) -> int:
    detail = views.citizen_detail(ctx.db, "DC")
    before = {k: getattr(detail.citizen, k) for k in after}
    return ctx.execute_versioned(
        "Edit citizen", lambda fields, version: citizens.update_citizen(ctx.db, "DC", fields, version, "karin"),
        before, after, detail.version, "citizen:DC", "DC",
    )  # fmt: skip


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
    citizens.update_citizen(ctx.db, "DC", {"job_goal": "Kollegaens mål"}, None, "sofie")  # someone else
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
    citizens.update_citizen(ctx.db, "DC", {"job_goal": "Kollegaens mål"}, None, "sofie")
    ctx.overwrite_newer = lambda: True  # type: ignore[method-assign]
    ctx.undo_stack.undo()
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == original
    ctx.undo_stack.redo()
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Lagerarbejde"


def test_a_stale_first_save_is_a_conflict_the_user_resolves(ctx: UiContext) -> None:
    seen = views.citizen_detail(ctx.db, "DC").version
    citizens.update_citizen(ctx.db, "DC", {"job_goal": "Kollegaens mål"}, None, "sofie")
    ctx.keep_mine = lambda: False  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        ctx.execute_versioned(
            "Edit citizen", lambda f, v: citizens.update_citizen(ctx.db, "DC", f, v, "karin"),
            {"job_goal": None}, {"job_goal": "Mit mål"}, seen, "citizen:DC", "DC",
        )  # fmt: skip
    assert views.citizen_detail(ctx.db, "DC").citizen.job_goal == "Kollegaens mål"
    assert ctx.undo_stack.count() == 0


def test_company_edits_undo_and_redo_with_their_versions(ctx: UiContext) -> None:
    ref = companies.create_company(ctx.db, {"name": "Bageriet"}, "karin")
    start = snapshot(ctx.db)

    def edit(name: str) -> None:
        detail = views_company(ctx.db, ref)
        ctx.execute_versioned(
            "Edit company", lambda f, v: companies.update_company(ctx.db, ref, f, v, "karin"),
            {"name": detail.name}, {"name": name}, detail.version, f"company:{ref}",
        )  # fmt: skip

    edit("Bageriet ApS")
    edited = snapshot(ctx.db)
    for _ in range(3):
        ctx.undo_stack.undo()
        assert snapshot(ctx.db) == start
        ctx.undo_stack.redo()
        assert snapshot(ctx.db) == edited


def views_company(db: Database, ref: str) -> Any:
    from placement_desk.services.queries import company_detail

    return company_detail(db, ref)


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
    w.ctx.execute_versioned(
        "Edit citizen", lambda f, v: citizens.update_citizen(ctx.db, "DC", f, v, "karin"),
        {"job_goal": views.citizen_detail(ctx.db, "DC").citizen.job_goal}, {"job_goal": "Lager"},
        views.citizen_detail(ctx.db, "DC").version, "citizen:DC", "DC",
    )  # fmt: skip
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
