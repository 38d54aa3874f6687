"""Companies and their contact persons (workplace mentors), as typed use cases (values checked as the
case-file reader checks a file's)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_company, parse_contact
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_ref, check_version, new_ref
from placement_desk.services.use_case import use_case


def company_fields(db: Database, ref: str) -> tuple[cf.Company, int]:
    """The company as it is now (its current contacts included) and the version it is at."""
    access.require(db, Permission.VIEW, "see a company")
    with db.reading() as s:
        row = by_ref(s, m.Company, ref)
        return mapping.company_out(row), row.version


def checked_company(company: cf.Company) -> cf.Company:
    """The company as the case-file reader sees it (same checks, same field names in errors)."""
    return parse_company(cf.company_json(company), "")


@use_case(Permission.COMPANIES, audit.CREATE, "create a company")
def create_company(s: Session, company: cf.Company, actor: str | None = None) -> str:
    """A new company (with its contacts, if any); an empty ref gets the next free one. Returns the ref."""
    data = checked_company(company if company.ref else replace(company, ref=new_ref(s, m.Company, "co")))
    if s.scalar(select(m.Company.id).where(m.Company.ref == data.ref)) is not None:
        raise ValidationError("ref", code="company_exists", ref=data.ref)
    row = m.Company(ref=data.ref)
    s.add(row)
    mapping.apply_company(row, data, actor)
    return data.ref


@use_case(Permission.COMPANIES, audit.CHANGE, "change a company")
def update_company(
    s: Session, ref: str, company: cf.Company, expected_version: int | None, actor: str | None = None
) -> int:
    """Replace the company's fields and contacts by ``company``'s (its ref stays ``ref``; a contact no
    longer listed is archived); returns the new version. ``expected_version``: the version the caller
    saw (ConflictError when someone saved since); None saves over whatever is there."""
    data = checked_company(replace(company, ref=ref))
    row = by_ref(s, m.Company, ref)
    check_version(row, expected_version)
    mapping.apply_company(row, data, actor)
    s.flush()
    return row.version


@use_case(Permission.COMPANIES, audit.CREATE, "add a contact")
def add_contact(s: Session, company_ref: str, contact: cf.Contact, actor: str | None = None) -> str:
    """Add a contact person to a company (an empty ref gets the next free one); returns the contact's ref."""
    return new_contact(by_ref(s, m.Company, company_ref), contact, actor)


def new_contact(row: m.Company, contact: cf.Contact, actor: str | None) -> str:
    """Add a contact to a company inside the caller's transaction; returns its ref. A contact whose
    ref is empty gets the company's next free one (k1, k2, ...). The value is checked as a case file's."""
    taken = {k.ref for k in row.contacts}
    if not contact.ref:
        contact = replace(contact, ref=next(f"k{i}" for i in range(1, len(taken) + 2) if f"k{i}" not in taken))
    contact = checked_contact(contact)
    if contact.ref in taken:
        raise ValidationError("ref", code="contact_exists", ref=contact.ref)
    data = mapping.company_out(row)
    mapping.apply_company(row, replace(data, contacts=(*data.contacts, contact)), actor)
    return contact.ref


def checked_contact(contact: cf.Contact) -> cf.Contact:
    """The contact as the case-file reader sees it (same checks, same field names in errors)."""
    return parse_contact(cf.company_json(cf.Company("", "", contacts=(contact,)))["contacts"][0], "")


@use_case(Permission.COMPANIES, audit.CHANGE, "archive a company")
def set_archived(s: Session, ref: str, archived: bool, actor: str | None = None) -> None:
    """Archive (or restore) a company: it leaves the lists but nothing is deleted."""
    row = by_ref(s, m.Company, ref)
    if (row.archived_at is not None) != archived:
        row.archived_at = utcnow() if archived else None
    row.updated_by = actor


@use_case(Permission.COMPANIES, audit.DELETE, "remove a contact")
def remove_contact(s: Session, company_ref: str, contact_ref: str, actor: str | None = None) -> None:
    """Remove a contact (the undo of adding one): deleted, or archived while a placement names it."""
    drop_contact(s, by_ref(s, m.Company, company_ref), contact_ref, actor)


def drop_contact(s: Session, row: m.Company, contact_ref: str, actor: str | None) -> None:
    """Remove a contact inside the caller's transaction: deleted, or archived while a placement names it."""
    contact = next((k for k in row.contacts if k.ref == contact_ref), None)
    if contact is None:
        raise ValidationError("ref", code="no_contact", ref=contact_ref)
    s.flush()
    linked = s.scalar(select(m.Placement.id).where(m.Placement.workplace_mentor_id == contact.id).limit(1))
    if linked is None:
        row.contacts.remove(contact)
    else:
        contact.archived_at = utcnow()
    row.updated_by = actor


@use_case(Permission.COMPANIES, audit.DELETE, "discard a company")
def discard_company(s: Session, ref: str) -> None:
    """Delete a company that nothing refers to (the undo of creating it); otherwise refuse."""
    row = by_ref(s, m.Company, ref)
    if s.scalar(select(m.Placement.id).where(m.Placement.company_id == row.id).limit(1)) is not None:
        raise ValidationError("ref", code="company_has_placements", ref=ref)
    s.delete(row)
