"""Undo commands of companies: create, edit, archive a company; add a contact person.

Each ``apply`` and ``revert`` is one use case (one transaction). A create keeps the ref it got and
removes exactly that; a redo creates it again under the same ref."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from placement_desk.domain import casefile as cf
from placement_desk.services import companies
from placement_desk.ui.commands.base import Command
from placement_desk.ui.commands.record_edit import RecordEdit

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext

ALL = "*"  # company edits concern every citizen placed there


class EditCompany(RecordEdit[cf.Company]):
    """The company from ``before`` to ``after``; ``seen``: the version the user edited."""

    def __init__(self, ctx: UiContext, text: str, before: cf.Company, after: cf.Company, seen: int | None) -> None:
        super().__init__(ctx, text, ALL, f"company:{before.ref}", before, after, seen)
        self.ref = before.ref

    def save(self, value: cf.Company, expected_version: int | None) -> int:
        return companies.update_company(self.ctx.db, self.ref, value, expected_version, self.ctx.actor)


class CreateCompany(Command):
    """A new company (an empty ref gets the next free one; a redo uses the same)."""

    def __init__(self, ctx: UiContext, text: str, company: cf.Company) -> None:
        super().__init__(ctx, text, ALL)
        self.company = company
        self.ref: str | None = None

    def apply(self, force: bool = False) -> None:
        company = self.company if self.ref is None else replace(self.company, ref=self.ref)
        self.ref = companies.create_company(self.ctx.db, company, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.ref is not None
        companies.discard_company(self.ctx.db, self.ref)


class ArchiveCompany(Command):
    def __init__(self, ctx: UiContext, text: str, ref: str, archived: bool) -> None:
        super().__init__(ctx, text, ALL)
        self.ref, self.archived = ref, archived

    def apply(self, force: bool = False) -> None:
        companies.set_archived(self.ctx.db, self.ref, self.archived, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        companies.set_archived(self.ctx.db, self.ref, not self.archived, self.ctx.actor)


class AddContact(Command):
    """A new contact person (an empty ref gets the next free one; a redo uses the same)."""

    def __init__(self, ctx: UiContext, text: str, company_ref: str, contact: cf.Contact) -> None:
        super().__init__(ctx, text, ALL)
        self.company_ref, self.contact = company_ref, contact
        self.ref: str | None = None

    def apply(self, force: bool = False) -> None:
        contact = self.contact if self.ref is None else replace(self.contact, ref=self.ref)
        self.ref = companies.add_contact(self.ctx.db, self.company_ref, contact, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.ref is not None
        companies.remove_contact(self.ctx.db, self.company_ref, self.ref, self.ctx.actor)
