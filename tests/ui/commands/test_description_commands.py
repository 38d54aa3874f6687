"""Description commands (observations, profile items, the profile's texts, the dossier's heading texts)
on a bare undo stack against a real database: each undoes and redoes any number of times with the
database as before each step, and an undo that meets a colleague's newer save asks and keeps theirs."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain.errors import ConflictError
from placement_desk.domain.profile import Observation, ProfileItem
from placement_desk.services import description, observations, profile_edit
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.profile_edit import ProfileTexts
from placement_desk.ui.commands.description import (
    AddObservation,
    AddProfileItem,
    EditObservation,
    EditProfileItem,
    RemoveObservation,
    RemoveProfileItem,
    SaveDescriptionTexts,
    SetProfileTexts,
)
from placement_desk.ui.shell.context import UiContext
from tests.casefiles import case_file, ramp_down_citizen
from tests.db_state import assert_undo_redo_cycles

SEEN = Observation(date(2023, 3, 14), "challenges", "mentor", "Holder mange pauser", "DC-1")
SCHOOL = ProfileItem("HF-enkeltfag", "2013", "2014-06")




@pytest.fixture
def ctx(qapp: object, db: Database) -> UiContext:
    citizen = ramp_down_citizen()
    citizen["profile"] = {"education": [{"from": "2006", "to": "2009", "text": "Folkeskole"}], "network": "Søster"}
    import_case_file(db, case_file(citizen))
    return UiContext(db, "karin")


def keep_theirs(ctx: UiContext) -> list[bool]:
    asked: list[bool] = []

    def answer() -> bool:
        asked.append(True)
        return False

    ctx.overwrite_newer = answer  # type: ignore[method-assign]
    return asked


def the_observation(ctx: UiContext) -> observations.ObservationRow:
    return next(r for r in observations.list_observations(ctx.db, "DC") if r.value.text == SEEN.text)


def the_item(ctx: UiContext, kind: str = "education") -> profile_edit.ProfileRow:
    return next(r for r in profile_edit.profile_rows(ctx.db, "DC") if r.kind == kind)


# ---- observations -------------------------------------------------------------------------------


def test_a_new_observation_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(AddObservation(ctx, "New", "DC", SEEN)))
    assert the_observation(ctx).value == SEEN


def test_an_edited_and_a_removed_observation_undo_and_redo(ctx: UiContext) -> None:
    observations.add_observation(ctx.db, "DC", SEEN)
    after = dataclasses.replace(SEEN, text="Holder færre pauser", heading="work_resources")
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(EditObservation(ctx, "Edit", "DC", the_observation(ctx), after))
    )
    row = next(r for r in observations.list_observations(ctx.db, "DC") if r.value == after)
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(RemoveObservation(ctx, "Remove", "DC", row)))
    assert after not in [r.value for r in observations.list_observations(ctx.db, "DC")]


def test_undoing_an_observation_edit_over_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    observations.add_observation(ctx.db, "DC", SEEN)
    row = the_observation(ctx)
    ctx.push(EditObservation(ctx, "Edit", "DC", row, dataclasses.replace(SEEN, text="Mine")))
    theirs = dataclasses.replace(SEEN, text="Kollegaens ord")
    observations.update_observation(ctx.db, row.id, theirs, None, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True]
    assert [r.value for r in observations.list_observations(ctx.db, "DC")] == [theirs]
    assert ctx.undo_stack.count() == 0


def test_undoing_a_new_observation_a_colleague_changed_since_asks_and_keeps_it(ctx: UiContext) -> None:
    ctx.push(AddObservation(ctx, "New", "DC", SEEN))
    theirs = dataclasses.replace(SEEN, text="Kollegaens ord")
    observations.update_observation(ctx.db, the_observation(ctx).id, theirs, None, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True] and [r.value for r in observations.list_observations(ctx.db, "DC")] == [theirs]


# ---- profile items ------------------------------------------------------------------------------


def test_a_new_profile_item_undoes_and_redoes(ctx: UiContext) -> None:
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(AddProfileItem(ctx, "New", "DC", "education", SCHOOL))
    )
    assert [r.value for r in profile_edit.profile_rows(ctx.db, "DC")][-1] == SCHOOL


def test_an_edited_and_a_removed_profile_item_undo_and_redo(ctx: UiContext) -> None:
    row = the_item(ctx)
    after = dataclasses.replace(row.value, text="Folkeskole (9. klasse)", end="2010")
    assert_undo_redo_cycles(ctx.db, ctx.undo_stack, lambda: ctx.push(EditProfileItem(ctx, "Edit", "DC", row, after)))
    assert the_item(ctx).value == after
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(RemoveProfileItem(ctx, "Remove", "DC", the_item(ctx)))
    )
    assert profile_edit.profile_rows(ctx.db, "DC") == []


def test_undoing_a_profile_item_edit_over_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    row = the_item(ctx)
    ctx.push(EditProfileItem(ctx, "Edit", "DC", row, dataclasses.replace(row.value, text="Mine")))
    theirs = dataclasses.replace(row.value, text="Kollegaens")
    profile_edit.update_profile_item(ctx.db, row.id, theirs, None, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True] and the_item(ctx).value == theirs and ctx.undo_stack.count() == 0


def test_a_removal_redone_over_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    ctx.push(RemoveProfileItem(ctx, "Remove", "DC", the_item(ctx)))
    ctx.undo_stack.undo()  # back (under a new id)
    theirs = dataclasses.replace(the_item(ctx).value, text="Kollegaens")
    profile_edit.update_profile_item(ctx.db, the_item(ctx).id, theirs, None, "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.redo()
    assert asked == [True] and the_item(ctx).value == theirs


# ---- the profile's texts and the dossier's heading texts ----------------------------------------


def test_network_and_wishes_saved_together_undo_and_redo(ctx: UiContext) -> None:
    before = profile_edit.profile_texts(ctx.db, "DC")
    after = ProfileTexts(None, "Vil gerne være grafiker")
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(SetProfileTexts(ctx, "Texts", "DC", before, after))
    )
    assert profile_edit.profile_texts(ctx.db, "DC") == after


def test_undoing_the_texts_over_a_colleagues_save_asks_and_keeps_theirs(ctx: UiContext) -> None:
    before = profile_edit.profile_texts(ctx.db, "DC")
    ctx.push(SetProfileTexts(ctx, "Texts", "DC", before, ProfileTexts("Søster og bror", None)))
    profile_edit.set_profile_text(ctx.db, "DC", "wishes", "Kollegaens", "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True] and profile_edit.profile_texts(ctx.db, "DC") == ProfileTexts("Søster og bror", "Kollegaens")


def test_undoing_heading_texts_over_a_colleagues_text_asks_and_keeps_every_text(ctx: UiContext) -> None:
    template = description.find_template(None).key
    ctx.push(SaveDescriptionTexts(ctx, "Texts", "DC", template, {"health": "Migræne", "challenges": "Pauser"}))
    description.save_dossier_text(ctx.db, "DC", None, "challenges", "Kollegaens tekst", "sofie")
    asked = keep_theirs(ctx)
    ctx.undo_stack.undo()
    assert asked == [True]
    assert description.dossier_texts(ctx.db, "DC") == {"health": "Migræne", "challenges": "Kollegaens tekst"}


def test_a_heading_text_saved_over_a_colleagues_newer_text_is_the_users_choice(ctx: UiContext) -> None:
    template = description.find_template(None).key
    description.save_dossier_text(ctx.db, "DC", None, "health", "Kollegaens tekst", "sofie")  # after I looked
    ctx.keep_mine = lambda: False  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        ctx.push(SaveDescriptionTexts(ctx, "Texts", "DC", template, {"health": "Min tekst"}, {"health": None}))
    assert description.dossier_texts(ctx.db, "DC") == {"health": "Kollegaens tekst"} and ctx.undo_stack.count() == 0
    ctx.keep_mine = lambda: True  # type: ignore[method-assign]
    ctx.push(SaveDescriptionTexts(ctx, "Texts", "DC", template, {"health": "Min tekst"}, {"health": None}))
    assert description.dossier_texts(ctx.db, "DC") == {"health": "Min tekst"}


def test_the_dossiers_heading_texts_undo_and_redo(ctx: UiContext) -> None:
    description.save_dossier_text(ctx.db, "DC", None, "health", "Migræne")
    texts = {"health": "Migræne; i behandling", "challenges": "Pauser"}
    template = description.find_template(None).key
    assert_undo_redo_cycles(
        ctx.db, ctx.undo_stack, lambda: ctx.push(SaveDescriptionTexts(ctx, "Texts", "DC", template, texts))
    )
