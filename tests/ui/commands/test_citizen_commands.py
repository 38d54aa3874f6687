"""Every kind of edit of a citizen's own record undoes and redoes any number of times on a bare
QUndoStack, the database equal to before each step; an edit of the citizen meets a colleague's newer
save by asking, never by overwriting it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import Outcome
from placement_desk.services import citizens, views
from placement_desk.services.casefile_io import import_case_file
from placement_desk.ui.commands import citizens as commands
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen
from tests.db_state import assert_undo_redo_cycles


@pytest.fixture
def ctx(qapp: object, db: Database) -> Iterator[UiContext]:
    import_case_file(db, case_file(ramp_down_citizen()))
    context = UiContext(db, "karin")
    yield context
    context.undo_stack.clear()  # the commands go before the context they name


def cycles(ctx: UiContext, command: commands.Command) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(command))


def test_edit_citizen(ctx: UiContext) -> None:
    before, version = citizens.citizen_fields(ctx.db, "DC")
    after = replace(before, job_goal="Kantine", caseworker=None, own_view="Nu går det bedre")
    cycles(ctx, commands.EditCitizen(ctx, "Edit citizen", before, after, version))
    assert citizens.citizen_fields(ctx.db, "DC")[0] == after


def test_two_edits_of_one_citizen_chain_their_versions(ctx: UiContext) -> None:
    start, version = citizens.citizen_fields(ctx.db, "DC")
    first = replace(start, job_goal="Lager")
    ctx.push(commands.EditCitizen(ctx, "Edit citizen", start, first, version))
    second = replace(first, job_goal="Kantine")
    ctx.push(commands.EditCitizen(ctx, "Edit citizen", first, second, citizens.citizen_fields(ctx.db, "DC")[1]))
    for _ in range(3):
        ctx.undo_stack.undo()
        ctx.undo_stack.undo()
        assert citizens.citizen_fields(ctx.db, "DC")[0] == start
        ctx.undo_stack.redo()
        ctx.undo_stack.redo()
        assert citizens.citizen_fields(ctx.db, "DC")[0] == second
    assert ctx.undo_stack.count() == 2


def test_an_undo_of_a_citizen_edit_after_a_colleagues_save_asks_and_keeps_theirs(
    ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, version = citizens.citizen_fields(ctx.db, "DC")
    ctx.push(commands.EditCitizen(ctx, "Edit citizen", before, replace(before, job_goal="Lager"), version))
    now, newer = citizens.citizen_fields(ctx.db, "DC")
    citizens.update_citizen(ctx.db, "DC", replace(now, job_goal="Kollegaens mål"), newer, "sofie")
    asked: list[bool] = []
    monkeypatch.setattr(ctx, "overwrite_newer", lambda: asked.append(True) or False)
    ctx.undo_stack.undo()
    assert asked == [True]
    assert citizens.citizen_fields(ctx.db, "DC")[0].job_goal == "Kollegaens mål"
    assert ctx.undo_stack.count() == 0  # the step left the history: no redo over their change either


def test_an_edit_of_a_citizen_refuses_what_a_case_file_may_not_hold(ctx: UiContext) -> None:
    before, version = citizens.citizen_fields(ctx.db, "DC")
    with pytest.raises(ValidationError) as refused:
        ctx.push(commands.EditCitizen(ctx, "Edit citizen", before, replace(before, birth_year=1700), version))
    assert refused.value.path == "birth_year"
    assert ctx.undo_stack.count() == 0 and citizens.citizen_fields(ctx.db, "DC") == (before, version)


def test_create_citizen(ctx: UiContext) -> None:
    cycles(ctx, commands.CreateCitizen(ctx, "New citizen", cf.Citizen("AB", "A. B.", birth_year=1999)))
    assert citizens.citizen_fields(ctx.db, "AB")[0].birth_year == 1999


def test_archive_citizen(ctx: UiContext) -> None:
    cycles(ctx, commands.ArchiveCitizen(ctx, "Archive", "DC", True))
    assert views.citizen_detail(ctx.db, "DC").archived


def referral(ctx: UiContext) -> tuple[int, cf.Referral]:
    row = views.citizen_detail(ctx.db, "DC").referrals[-1]
    return row.id, row.value


def test_add_referral(ctx: UiContext) -> None:
    cycles(ctx, commands.AddReferral(ctx, "New referral", "DC", cf.Referral("Genhenvisning", date(2023, 8, 1))))
    assert referral(ctx)[1].programme == "Genhenvisning"


def test_extend_referral(ctx: UiContext) -> None:
    rid, before = referral(ctx)
    cycles(ctx, commands.ExtendReferral(ctx, "Extend", "DC", rid, before, date(2023, 9, 30)))
    assert referral(ctx)[1].extensions == (date(2023, 7, 31), date(2023, 9, 30))


def test_an_extension_must_end_later(ctx: UiContext) -> None:
    rid, before = referral(ctx)
    with pytest.raises(ValidationError) as refused:
        ctx.push(commands.ExtendReferral(ctx, "Extend", "DC", rid, before, date(2023, 7, 1)))
    assert refused.value.path == "new_end" and ctx.undo_stack.count() == 0


def test_end_referral(ctx: UiContext) -> None:
    rid, before = referral(ctx)
    stop = (date(2023, 5, 15), "Tandbehandling", Outcome("education", date(2023, 5, 15)))
    cycles(ctx, commands.EndReferral(ctx, "Stop", "DC", rid, before, stop))
    after = referral(ctx)[1]
    assert (after.end, after.end_reason, after.extensions) == (date(2023, 5, 15), "Tandbehandling", ())


def test_a_stop_after_the_last_extension_keeps_the_extension(ctx: UiContext) -> None:
    rid, before = referral(ctx)
    cycles(ctx, commands.EndReferral(ctx, "Stop", "DC", rid, before, (date(2023, 8, 15), "Tandbehandling", None)))
    after = referral(ctx)[1]
    assert (after.end, after.extensions) == (date(2023, 8, 15), (date(2023, 7, 31),))


def test_edit_referral(ctx: UiContext) -> None:
    rid, before = referral(ctx)
    cycles(ctx, commands.EditReferral(ctx, "Edit", "DC", rid, before, replace(before, programme="Anden indsats")))


def accommodation(ctx: UiContext) -> tuple[int, cf.Accommodation]:
    row = views.citizen_detail(ctx.db, "DC").accommodations[0]
    return row.id, row.value


def test_add_accommodation(ctx: UiContext) -> None:
    need = cf.Accommodation("physical", "Ingen tunge løft", date(2023, 3, 20), "citizen")
    cycles(ctx, commands.AddAccommodation(ctx, "New need", "DC", need))


def test_remove_accommodation_comes_back_in_its_place(ctx: UiContext) -> None:
    first, second = (row.id for row in views.citizen_detail(ctx.db, "DC").accommodations)
    cycles(ctx, commands.RemoveAccommodation(ctx, "Remove need", "DC", first))
    ctx.undo_stack.undo()
    assert [row.id for row in views.citizen_detail(ctx.db, "DC").accommodations] == [first, second]


def test_edit_accommodation(ctx: UiContext) -> None:
    aid, before = accommodation(ctx)
    cycles(ctx, commands.EditAccommodation(ctx, "Edit need", "DC", aid, before, replace(before, text="Ro")))
    assert accommodation(ctx)[1].text == "Ro"


def test_retire_accommodation(ctx: UiContext) -> None:
    aid, before = accommodation(ctx)
    cycles(ctx, commands.RetireAccommodation(ctx, "Retire need", "DC", aid, before, date(2023, 6, 1)))
    assert accommodation(ctx)[1] == replace(before, active=False, retired=date(2023, 6, 1))


def goal_id(ctx: UiContext) -> int:
    return views.citizen_detail(ctx.db, "DC").goals[0].id


def test_add_goal_and_a_score_on_it_redo_in_any_order(ctx: UiContext) -> None:
    goal = cf.Goal("employment", "Møde til tiden", ("Vækkeur",))
    cycles(ctx, commands.AddGoal(ctx, "Add goal", "DC", goal))
    added = ctx.undo_stack.command(0)
    assert isinstance(added, commands.AddGoal) and added.goal_id is not None
    score = cf.Score(date(2023, 4, 1), 3, "mentor")
    cycles(ctx, commands.AddScore(ctx, "Score", "DC", added.goal_id, score))
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()  # the score finds its goal: it came back under its old id
    assert views.citizen_detail(ctx.db, "DC").goals[-1].value.scores == (score,)


def test_remove_goal(ctx: UiContext) -> None:
    cycles(ctx, commands.RemoveGoal(ctx, "Remove goal", "DC", goal_id(ctx)))
    assert views.citizen_detail(ctx.db, "DC").goals == []


def test_add_score(ctx: UiContext) -> None:
    cycles(ctx, commands.AddScore(ctx, "Score", "DC", goal_id(ctx), cf.Score(date(2023, 3, 15), 1, "citizen")))


def test_a_second_score_of_a_day_by_the_same_assessor_is_refused(ctx: UiContext) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.push(commands.AddScore(ctx, "Score", "DC", goal_id(ctx), cf.Score(date(2023, 3, 31), 4)))
    assert refused.value.path == "date" and ctx.undo_stack.count() == 0


def test_remove_score_comes_back_in_its_place(ctx: UiContext) -> None:
    cycles(ctx, commands.RemoveScore(ctx, "Remove score", "DC", goal_id(ctx), date(2023, 3, 31), None))
    ctx.undo_stack.undo()
    scores = views.citizen_detail(ctx.db, "DC").goals[0].value.scores
    assert [s.day for s in scores] == [date(2023, 3, 1), date(2023, 3, 31)]


def test_undoing_a_citizen_edit_after_adding_and_removing_goals_asks_nothing(
    ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, version = citizens.citizen_fields(ctx.db, "DC")
    ctx.push(commands.EditCitizen(ctx, "Edit citizen", start, replace(start, job_goal="Lager"), version))
    ctx.push(commands.AddGoal(ctx, "Add goal", "DC", cf.Goal("social", "Netværk")))
    ctx.push(commands.RemoveGoal(ctx, "Remove goal", "DC", goal_id(ctx)))
    asked: list[bool] = []
    monkeypatch.setattr(ctx, "overwrite_newer", lambda: asked.append(True) or False)
    for _ in range(3):
        ctx.undo_stack.undo()
    assert asked == [] and citizens.citizen_fields(ctx.db, "DC")[0] == start
