"""Placement edits as undo commands on a bare stack: each undoes and redoes any number of times with the
database equal to before each step; an undo over a colleague's newer save asks and keeps theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.services import placements
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.queries import company_detail
from placement_desk.ui.commands.placements import (
    AddCapacity,
    AddScheduleStep,
    ArchivePlacement,
    CreatePlacement,
    EditPlacement,
    RemoveCapacity,
    RemoveScheduleStep,
)
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen
from tests.db_state import assert_undo_redo_cycles, db_state

WEEK = (240, 240, 240, 0, 0, 0, 0)


@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    import_case_file(db, case_file(ramp_down_citizen()))
    return UiContext(db, "karin")


def new_placement(**changes: object) -> cf.Placement:
    p = cf.Placement(ref=placements.NEW, company="co-saxo", type="internship", start=date(2024, 5, 6),
                     schedule=(cf.ScheduleStep(date(2024, 5, 6), WEEK),))  # fmt: skip
    return replace(p, **changes)  # type: ignore[arg-type]


def contact_names(db: Database) -> list[str]:
    return [k[1] for k in company_detail(db, "co-saxo").contacts]


def test_creating_a_placement_undoes_and_redoes(ctx: UiContext) -> None:
    push = lambda: ctx.push(CreatePlacement(ctx, "New placement", "DC", new_placement()))  # noqa: E731
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, push)
    assert placements.placement_fields(ctx.db, "DC-2")[0].type == "internship"


def test_a_placement_with_a_new_mentor_is_one_step_and_its_undo_takes_the_contact_too(ctx: UiContext) -> None:
    mentor = cf.Contact(ref="", name="Lone Lager", phone="+45 11 22 33 44")
    before = contact_names(ctx.db)
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        CreatePlacement(ctx, "New placement", "DC", new_placement(), mentor)))  # fmt: skip
    value, _ = placements.placement_fields(ctx.db, "DC-2")
    assert contact_names(ctx.db) == [*before, "Lone Lager"] and value.workplace_mentor is not None
    ctx.undo_stack.undo()
    assert contact_names(ctx.db) == before


def test_a_placement_that_fails_leaves_no_new_mentor_behind(ctx: UiContext) -> None:
    before = db_state(ctx.db)
    bad = new_placement(schedule=(cf.ScheduleStep(date(2024, 1, 1), WEEK),))  # before the start
    with pytest.raises(ValidationError) as caught:
        ctx.push(CreatePlacement(ctx, "New placement", "DC", bad, cf.Contact(ref="", name="Lone Lager")))
    assert caught.value.path == "schedule[0].from"
    assert db_state(ctx.db) == before and ctx.undo_stack.count() == 0


def test_editing_a_placement_undoes_and_redoes(ctx: UiContext) -> None:
    current, version = placements.placement_fields(ctx.db, "DC-1")
    after = replace(current, purpose="assessment", tasks=("lager",), end=date(2023, 3, 30))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        EditPlacement(ctx, "Edit placement", "DC", current, after, version)))  # fmt: skip


def test_an_edit_with_a_new_mentor_undoes_and_redoes(ctx: UiContext) -> None:
    current, version = placements.placement_fields(ctx.db, "DC-1")
    mentor = cf.Contact(ref="", name="Ny Mentor")
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        EditPlacement(ctx, "Edit placement", "DC", current, current, version, mentor)))  # fmt: skip
    assert "Ny Mentor" in contact_names(ctx.db)


def test_ending_a_placement_with_an_outcome_undoes_and_redoes(ctx: UiContext) -> None:
    from placement_desk.domain.outcomes import Outcome

    current, version = placements.placement_fields(ctx.db, "DC-1")
    after = replace(current, end=date(2023, 3, 28), end_reason="Fik job",
                    outcome=Outcome("ordinary_job", date(2023, 3, 28), "lager", True, 600))  # fmt: skip
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        EditPlacement(ctx, "End placement", "DC", current, after, version)))  # fmt: skip


def test_edit_then_archive_then_both_undone_asks_nothing(ctx: UiContext) -> None:
    asked: list[bool] = []
    ctx.overwrite_newer = lambda: asked.append(True) or False  # type: ignore[method-assign]
    current, version = placements.placement_fields(ctx.db, "DC-1")
    before = db_state(ctx.db)
    ctx.push(EditPlacement(ctx, "Edit placement", "DC", current, replace(current, tasks=("lager",)), version))
    ctx.push(ArchivePlacement(ctx, "Archive", "DC", "DC-1"))
    for _ in range(2):
        ctx.undo_stack.undo()
        ctx.undo_stack.undo()
        assert db_state(ctx.db) == before
        ctx.undo_stack.redo()
        ctx.undo_stack.redo()
    assert asked == []


def test_archiving_a_placement_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(ArchivePlacement(ctx, "Archive", "DC", "DC-1")))


def test_an_undo_of_a_placement_edit_after_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    current, version = placements.placement_fields(ctx.db, "DC-1")
    ctx.push(EditPlacement(ctx, "Edit placement", "DC", current, replace(current, tasks=("lager",)), version))
    mine, mine_version = placements.placement_fields(ctx.db, "DC-1")
    placements.update_placement(ctx.db, "DC-1", replace(mine, tasks=("kollegaens",)), mine_version, actor="sofie")
    asked: list[bool] = []
    ctx.overwrite_newer = lambda: asked.append(True) or False  # type: ignore[method-assign]
    ctx.undo_stack.undo()
    assert asked == [True]
    assert placements.placement_fields(ctx.db, "DC-1")[0].tasks == ("kollegaens",)
    assert ctx.undo_stack.count() == 0


def test_adding_a_step_undoes_and_redoes(ctx: UiContext) -> None:
    step = cf.ScheduleStep(date(2023, 3, 20), (60, 0, 60, 0, 60, 0, 0))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(AddScheduleStep(ctx, "Step", "DC", "DC-1", step)))


def test_a_step_that_replaces_one_puts_it_back_on_undo(ctx: UiContext) -> None:
    step = cf.ScheduleStep(date(2023, 3, 13), (60, 60, 60, 0, 0, 0, 0))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(AddScheduleStep(ctx, "Step", "DC", "DC-1", step)))
    ctx.undo_stack.undo()
    assert placements.schedule_step(ctx.db, "DC-1", date(2023, 3, 13)) == cf.ScheduleStep(
        date(2023, 3, 13), (120, 0, 120, 0, 0, 0, 0)
    )


def test_removing_a_step_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        RemoveScheduleStep(ctx, "Remove step", "DC", "DC-1", date(2023, 3, 13))))  # fmt: skip


def test_adding_a_capacity_assessment_undoes_and_redoes(ctx: UiContext) -> None:
    tasks = (cf.CapacityTask("maling", 60, 80, 100), cf.CapacityTask("borde", 40, 100, 90))
    assessment = cf.CapacityAssessment(date(2023, 3, 27), 5550, "bedre", tasks)
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        AddCapacity(ctx, "Capacity", "DC", "DC-1", assessment)))  # fmt: skip


def test_a_capacity_assessment_is_checked_like_a_case_files(ctx: UiContext) -> None:
    bad = cf.CapacityAssessment(date(2023, 3, 27), 5550, None, (cf.CapacityTask("maling", 60, 80, 100),))
    with pytest.raises(ValidationError) as caught:
        ctx.push(AddCapacity(ctx, "Capacity", "DC", "DC-1", bad))
    assert caught.value.path == "tasks" and ctx.undo_stack.count() == 0


def test_removing_a_capacity_assessment_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        RemoveCapacity(ctx, "Remove capacity", "DC", "DC-1", date(2023, 3, 9))))  # fmt: skip


def test_a_stale_placement_save_is_a_conflict_the_user_resolves(ctx: UiContext) -> None:
    from placement_desk.domain.errors import ConflictError

    seen, version = placements.placement_fields(ctx.db, "DC-1")
    placements.update_placement(ctx.db, "DC-1", replace(seen, tasks=("kollegaens",)), version, actor="sofie")
    ctx.keep_mine = lambda: False  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        ctx.push(EditPlacement(ctx, "Edit", "DC", seen, replace(seen, tasks=("mine",)), version))
    assert placements.placement_fields(ctx.db, "DC-1")[0].tasks == ("kollegaens",) and ctx.undo_stack.count() == 0
    ctx.keep_mine = lambda: True  # type: ignore[method-assign]
    ctx.push(EditPlacement(ctx, "Edit", "DC", seen, replace(seen, tasks=("mine",)), version))
    assert placements.placement_fields(ctx.db, "DC-1")[0].tasks == ("mine",)
    ctx.undo_stack.undo()  # back to what the user saw, their own step: no question
    assert placements.placement_fields(ctx.db, "DC-1")[0].tasks == seen.tasks


def test_steps_of_the_hours_plan_between_edits_ask_nothing_on_undo_and_redo(ctx: UiContext) -> None:
    asked: list[bool] = []
    ctx.overwrite_newer = lambda: asked.append(True) or False  # type: ignore[method-assign]
    start = db_state(ctx.db)
    current, version = placements.placement_fields(ctx.db, "DC-1")
    ctx.push(EditPlacement(ctx, "Edit", "DC", current, replace(current, tasks=("lager",)), version))
    ctx.push(AddScheduleStep(ctx, "Step", "DC", "DC-1", cf.ScheduleStep(date(2023, 3, 20), WEEK)))
    ctx.push(AddCapacity(ctx, "Capacity", "DC", "DC-1", cf.CapacityAssessment(date(2023, 3, 27), 7000)))
    done = db_state(ctx.db)
    for _ in range(2):
        for _ in range(3):
            ctx.undo_stack.undo()
        assert db_state(ctx.db) == start
        for _ in range(3):
            ctx.undo_stack.redo()
        assert db_state(ctx.db) == done
    assert asked == [] and ctx.undo_stack.count() == 3
