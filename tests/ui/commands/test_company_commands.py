"""Every kind of company edit undoes and redoes any number of times on a bare QUndoStack, the database
equal to before each step; an edit of a company meets a colleague's newer save by asking, never by
overwriting it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.services import companies, queries
from placement_desk.services.casefile_io import import_case_file
from placement_desk.ui.commands import companies as commands
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


def test_create_company_gets_the_same_ref_on_every_redo(ctx: UiContext) -> None:
    command = commands.CreateCompany(ctx, "New company", cf.Company("", "Bageriet", "12345674"))
    cycles(ctx, command)
    assert command.ref is not None
    assert companies.company_fields(ctx.db, command.ref)[0].name == "Bageriet"


def test_a_company_with_a_bad_cvr_is_refused_by_the_field(ctx: UiContext) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.push(commands.CreateCompany(ctx, "New company", cf.Company("", "Bageriet", "1234567")))
    assert refused.value.path == "cvr" and ctx.undo_stack.count() == 0


def test_edit_company(ctx: UiContext) -> None:
    before, version = companies.company_fields(ctx.db, "co-saxo")
    after = replace(before, name="Pedelteamet ApS", industry=None, internal=False)
    cycles(ctx, commands.EditCompany(ctx, "Edit company", before, after, version))
    assert companies.company_fields(ctx.db, "co-saxo")[0] == after


def test_an_undo_of_a_company_edit_after_a_colleagues_save_asks_and_keeps_theirs(
    ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, version = companies.company_fields(ctx.db, "co-saxo")
    ctx.push(commands.EditCompany(ctx, "Edit company", before, replace(before, name="Mit navn"), version))
    now, newer = companies.company_fields(ctx.db, "co-saxo")
    companies.update_company(ctx.db, "co-saxo", replace(now, name="Kollegaens navn"), newer, "sofie")
    asked: list[bool] = []
    monkeypatch.setattr(ctx, "overwrite_newer", lambda: asked.append(True) or False)
    ctx.undo_stack.undo()
    assert asked == [True]
    assert companies.company_fields(ctx.db, "co-saxo")[0].name == "Kollegaens navn"
    assert ctx.undo_stack.count() == 0


def test_a_stale_company_edit_asks_and_may_keep_mine(ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    before, version = companies.company_fields(ctx.db, "co-saxo")
    companies.update_company(ctx.db, "co-saxo", replace(before, industry="Rengøring"), version, "sofie")
    monkeypatch.setattr(ctx, "keep_mine", lambda: True)
    ctx.push(commands.EditCompany(ctx, "Edit company", before, replace(before, name="Mit navn"), version))
    assert companies.company_fields(ctx.db, "co-saxo")[0] == replace(before, name="Mit navn")


def test_archive_company(ctx: UiContext) -> None:
    cycles(ctx, commands.ArchiveCompany(ctx, "Archive", "co-saxo", True))
    assert "co-saxo" not in [c.ref for c in queries.list_companies(ctx.db)]


def test_add_contact_gets_the_same_ref_on_every_redo(ctx: UiContext) -> None:
    command = commands.AddContact(ctx, "New contact", "co-saxo", cf.Contact("", "Bo", "workplace_mentor"))
    cycles(ctx, command)
    assert command.ref == "k1"
    assert [k.name for k in companies.company_fields(ctx.db, "co-saxo")[0].contacts] == ["Karim", "Bo"]


def test_undoing_a_company_edit_after_adding_a_contact_asks_nothing(
    ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, version = companies.company_fields(ctx.db, "co-saxo")
    ctx.push(commands.EditCompany(ctx, "Edit company", start, replace(start, name="Nyt navn"), version))
    ctx.push(commands.AddContact(ctx, "New contact", "co-saxo", cf.Contact("", "Bo")))
    asked: list[bool] = []
    monkeypatch.setattr(ctx, "overwrite_newer", lambda: asked.append(True) or False)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert asked == [] and companies.company_fields(ctx.db, "co-saxo")[0] == start
