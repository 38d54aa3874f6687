"""Companies and their contact persons (workplace mentors)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

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
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, check_version, new_ref


@access.requires(Permission.COMPANIES)
def create_company(db: Database, fields: dict[str, Any], actor: str | None = None) -> str:
    """A new company from case-file fields (``name``, ``cvr``...); returns its ref."""
    with audited(db, Permission.COMPANIES, audit.CREATE, "create a company") as s:
        fields = dict(fields)
        fields.setdefault("ref", new_ref(s, m.Company, "co"))
        data = parse_company(fields, "")
        if s.scalar(select(m.Company.id).where(m.Company.ref == data.ref)) is not None:
            raise ValidationError("ref", code="company_exists", ref=data.ref)
        row = m.Company(ref=data.ref)
        s.add(row)
        mapping.apply_company(row, data, actor)
        return data.ref


@access.requires(Permission.COMPANIES)
def update_company(
    db: Database, ref: str, changes: dict[str, Any], expected_version: int | None = None, actor: str | None = None
) -> int:
    """Change some fields of a company (contacts included when given); returns the new version."""
    with audited(db, Permission.COMPANIES, audit.CHANGE, "change a company") as s:
        row = by_ref(s, m.Company, ref)
        check_version(row, expected_version)
        merged = {**cf.company_json(mapping.company_out(row)), **changes, "ref": ref}
        mapping.apply_company(row, parse_company(merged, ""), actor)
        s.flush()
        return row.version


@access.requires(Permission.COMPANIES)
def add_contact(db: Database, company_ref: str, fields: dict[str, Any], actor: str | None = None) -> str:
    """Add a contact person to a company; returns the contact's ref."""
    with audited(db, Permission.COMPANIES, audit.CREATE, "add a contact") as s:
        return new_contact(by_ref(s, m.Company, company_ref), cf.Contact(**{"ref": "", **fields}), actor)


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


@access.requires(Permission.COMPANIES)
def set_archived(db: Database, ref: str, archived: bool, actor: str | None = None) -> None:
    """Archive (or restore) a company: it leaves the lists but nothing is deleted."""
    with audited(db, Permission.COMPANIES, audit.CHANGE, "archive a company") as s:
        row = by_ref(s, m.Company, ref)
        row.archived_at = utcnow() if archived else None
        row.updated_by = actor


@access.requires(Permission.COMPANIES)
def remove_contact(db: Database, company_ref: str, contact_ref: str, actor: str | None = None) -> None:
    """Archive a contact (the undo of adding one); placements keep their link."""
    with audited(db, Permission.COMPANIES, audit.DELETE, "remove a contact") as s:
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


@access.requires(Permission.COMPANIES)
def discard_company(db: Database, ref: str) -> None:
    """Delete a company that nothing refers to (the undo of creating it); otherwise refuse."""
    with audited(db, Permission.COMPANIES, audit.DELETE, "discard a company") as s:
        row = by_ref(s, m.Company, ref)
        if s.scalar(select(m.Placement.id).where(m.Placement.company_id == row.id).limit(1)) is not None:
            raise ValidationError("ref", code="company_has_placements", ref=ref)
        s.delete(row)
