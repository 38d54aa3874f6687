"""Follow-up edits as undo commands on a bare stack: recording (also with an agreed hours change, one
step), editing a draft, finalising and correcting undo and redo any number of times with the database
equal to before each step; an undo over a colleague's newer save asks and keeps theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.services import followups, placements, views
from placement_desk.services.casefile_io import import_case_file
from placement_desk.ui.commands.followups import AddCorrection, EditFollowup, FinaliseFollowup, RecordFollowup
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen
from tests.db_state import assert_undo_redo_cycles, db_state

MEETING = cf.Followup(day=date(2023, 3, 20), kind="monthly", placement="DC-1", participants=("citizen", "mentor"),
                      note="Bedre uge", topics=(("attendance", "3 af 4 dage"),))  # fmt: skip
LESS = cf.ScheduleStep(date(2023, 3, 27), (60, 0, 60, 0, 0, 0, 0))


@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    import_case_file(db, case_file(ramp_down_citizen()))
    return UiContext(db, "karin")


def draft_id(db: Database, note: str) -> int:
    return next(r.id for r in views.citizen_detail(db, "DC").followups if r.value.note == note)


def test_recording_a_follow_up_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(RecordFollowup(ctx, "New", "DC", MEETING)))


def test_a_follow_up_with_an_hours_change_is_one_step(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(RecordFollowup(ctx, "New", "DC", MEETING, LESS)))
    assert placements.schedule_step(ctx.db, "DC-1", LESS.start) == LESS
    ctx.undo_stack.undo()
    assert placements.schedule_step(ctx.db, "DC-1", LESS.start) is None


def test_an_hours_change_that_replaces_a_step_puts_it_back_on_undo(ctx: UiContext) -> None:
    same_day = replace(LESS, start=date(2023, 3, 13))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        RecordFollowup(ctx, "New", "DC", MEETING, same_day)))  # fmt: skip


def test_a_bad_hours_change_saves_no_follow_up(ctx: UiContext) -> None:
    before = db_state(ctx.db)
    outside = replace(LESS, start=date(2023, 5, 1))  # after the placement's end
    with pytest.raises(ValidationError) as caught:
        ctx.push(RecordFollowup(ctx, "New", "DC", MEETING, outside))
    assert caught.value.path == "from"
    assert db_state(ctx.db) == before and ctx.undo_stack.count() == 0


def test_record_then_edit_undo_both_and_redo_both(ctx: UiContext) -> None:
    asked: list[bool] = []
    ctx.overwrite_newer = lambda: asked.append(True) or False  # type: ignore[method-assign]
    start = db_state(ctx.db)
    ctx.push(RecordFollowup(ctx, "New", "DC", MEETING))
    recorded = db_state(ctx.db)
    fid = draft_id(ctx.db, "Bedre uge")
    current, version = followups.followup_fields(ctx.db, fid)
    ctx.push(EditFollowup(ctx, "Edit", "DC", fid, current, replace(current, note="Rettet"), version, LESS))
    edited = db_state(ctx.db)
    for _ in range(3):
        ctx.undo_stack.undo()
        assert db_state(ctx.db) == recorded
        ctx.undo_stack.undo()
        assert db_state(ctx.db) == start
        ctx.undo_stack.redo()
        ctx.undo_stack.redo()
        assert db_state(ctx.db) == edited
    assert asked == []


def test_editing_a_draft_with_an_hours_change_undoes_and_redoes(ctx: UiContext) -> None:
    ctx.push(RecordFollowup(ctx, "New", "DC", MEETING))
    fid = draft_id(ctx.db, "Bedre uge")
    current, version = followups.followup_fields(ctx.db, fid)
    after = replace(current, note="Trappes ned igen", participants=("citizen",), headings=("health",))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        EditFollowup(ctx, "Edit", "DC", fid, current, after, version, LESS)))  # fmt: skip


def test_an_undo_of_a_follow_up_edit_after_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    ctx.push(RecordFollowup(ctx, "New", "DC", MEETING))
    fid = draft_id(ctx.db, "Bedre uge")
    current, version = followups.followup_fields(ctx.db, fid)
    ctx.push(EditFollowup(ctx, "Edit", "DC", fid, current, replace(current, note="Min"), version))
    mine, mine_version = followups.followup_fields(ctx.db, fid)
    followups.update_followup(ctx.db, fid, replace(mine, note="Kollegaens"), mine_version, actor="sofie")
    asked: list[bool] = []
    ctx.overwrite_newer = lambda: asked.append(True) or False  # type: ignore[method-assign]
    ctx.undo_stack.undo()
    assert asked == [True]
    assert followups.followup_fields(ctx.db, fid)[0].note == "Kollegaens"
    assert ctx.undo_stack.count() == 1  # the edit left the history; the recording stays


def test_finalising_and_correcting_undo_and_redo(ctx: UiContext) -> None:
    ctx.push(RecordFollowup(ctx, "New", "DC", MEETING))
    fid = draft_id(ctx.db, "Bedre uge")
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(FinaliseFollowup(ctx, "Finalise", "DC", fid)))
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(
        AddCorrection(ctx, "Correct", "DC", fid, "Datoen var 21/3", date(2023, 3, 22))))  # fmt: skip
    assert followups.followup_fields(ctx.db, fid)[0].corrections[0].text == "Datoen var 21/3"


def test_a_stale_follow_up_save_is_a_conflict_the_user_resolves(ctx: UiContext) -> None:
    from placement_desk.domain.errors import ConflictError

    fid = draft_id(ctx.db, "Meget fravær. Trappes ned.")  # the meeting of 13-03 about DC-1
    seen, version = followups.followup_fields(ctx.db, fid)
    followups.update_followup(ctx.db, fid, replace(seen, note="Kollegaens"), version, actor="sofie")
    ctx.keep_mine = lambda: False  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        ctx.push(EditFollowup(ctx, "Edit", "DC", fid, seen, replace(seen, note="Min"), version, LESS))
    assert followups.followup_fields(ctx.db, fid)[0].note == "Kollegaens"
    assert placements.schedule_step(ctx.db, "DC-1", LESS.start) is None and ctx.undo_stack.count() == 0
    ctx.keep_mine = lambda: True  # type: ignore[method-assign]
    ctx.push(EditFollowup(ctx, "Edit", "DC", fid, seen, replace(seen, note="Min"), version, LESS))
    assert followups.followup_fields(ctx.db, fid)[0].note == "Min"
    assert placements.schedule_step(ctx.db, "DC-1", LESS.start) == LESS


def test_a_redo_keeps_a_colleagues_follow_up_that_took_the_freed_id(ctx: UiContext) -> None:
    ctx.push(RecordFollowup(ctx, "New", "DC", MEETING))
    ctx.undo_stack.undo()
    followups.record_followup(ctx.db, "DC", replace(MEETING, note="Kollegaens"), actor="sofie")
    ctx.undo_stack.redo()
    notes = sorted(
        r.value.note or "" for r in views.citizen_detail(ctx.db, "DC").followups if r.value.day == MEETING.day
    )
    assert notes == ["Bedre uge", "Kollegaens"]
