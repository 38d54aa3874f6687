"""Follow-up meetings: record, edit while a draft, finalise (then immutable), append corrections."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_followup
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, check_version

EDITABLE = ("date", "kind", "placement", "participants", "note", "citizen_view", "agreed_changes", "topics",
            "headings")  # fmt: skip


def _placement_for(s: Session, citizen: m.Citizen, ref: str | None) -> m.Placement | None:
    if ref is None:
        return None
    placement = next((p for p in citizen.placements if p.ref == ref), None)
    if placement is None:
        raise ValidationError("placement", code="not_citizens_placement", ref=ref)
    return placement


@access.requires(Permission.EDIT)
def record_followup(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    """A new follow-up meeting (a draft until finalised); returns its id."""
    data = parse_followup({k: v for k, v in fields.items() if k in EDITABLE}, "")
    with audited(db, Permission.EDIT, audit.CREATE, "record a follow-up") as s:
        citizen = by_ref(s, m.Citizen, citizen_ref)
        placement = _placement_for(s, citizen, data.placement)
        row = mapping.followup_in(data, {placement.ref: placement} if placement else {}, actor)
        citizen.followups.append(row)
        s.flush()
        return row.id


def _get(s: Session, followup_id: int) -> m.Followup:
    row = s.get(m.Followup, followup_id)
    if row is None:
        raise NotFoundError("follow-up", str(followup_id))
    return row


@access.requires(Permission.EDIT)
def update_followup(
    db: Database,
    followup_id: int,
    changes: dict[str, Any],
    expected_version: int | None = None,
    actor: str | None = None,
) -> int:
    """Change a draft follow-up; a finalised one is refused (append a correction instead)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], code="cannot_change")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a follow-up") as s:
        row = _get(s, followup_id)
        if row.finalised_at is not None:
            raise ValidationError("note", code="followup_final")
        check_version(row, expected_version)
        current = cf.followup_json(mapping.followup_out(row))
        data = parse_followup({**{k: current.get(k) for k in EDITABLE}, **changes}, "")
        citizen = s.get(m.Citizen, row.citizen_id)
        assert citizen is not None
        row.placement = _placement_for(s, citizen, data.placement)
        row.day, row.kind, row.participants = data.day, data.kind, list(data.participants)
        row.note, row.citizen_view, row.agreed_changes = data.note, data.citizen_view, data.agreed_changes
        row.topics, row.headings, row.updated_by = dict(data.topics), list(data.headings), actor
        s.flush()
        return row.version


@access.requires(Permission.EDIT)
def finalise_followup(db: Database, followup_id: int, actor: str | None = None) -> None:
    """Make a follow-up read-only; later changes are appended as corrections with who and when."""
    with audited(db, Permission.EDIT, audit.CHANGE, "finalise a follow-up") as s:
        row = _get(s, followup_id)
        if row.finalised_at is None:
            row.finalised_at, row.finalised_by, row.updated_by = utcnow(), actor, actor


@access.requires(Permission.EDIT)
def add_correction(db: Database, followup_id: int, text: str, on: date, actor: str | None = None) -> None:
    if not text.strip():
        raise ValidationError("text", code="correction_text")
    with audited(db, Permission.EDIT, audit.CHANGE, "add a correction") as s:
        row = _get(s, followup_id)
        if row.finalised_at is None:
            raise ValidationError("text", code="followup_draft")
        row.corrections.append(m.FollowupCorrection(day=on, author=actor, text=text, created_at=utcnow()))


@access.requires(Permission.EDIT)
def delete_draft(db: Database, followup_id: int) -> None:
    """Remove a draft follow-up (undo of recording it); finalised ones are never removed."""
    with audited(db, Permission.EDIT, audit.DELETE, "delete a draft follow-up") as s:
        row = _get(s, followup_id)
        if row.finalised_at is not None:
            raise ValidationError("note", code="followup_final_remove")
        s.delete(row)


@access.requires(Permission.EDIT)
def reopen_followup(db: Database, followup_id: int) -> None:
    """Undo a finalisation made a moment ago (only while it has no corrections)."""
    with audited(db, Permission.EDIT, audit.CHANGE, "reopen a follow-up") as s:
        row = _get(s, followup_id)
        if row.corrections:
            raise ValidationError("note", code="followup_corrected")
        row.finalised_at, row.finalised_by = None, None


@access.requires(Permission.EDIT)
def remove_last_correction(db: Database, followup_id: int) -> None:
    """Undo the correction just appended."""
    with audited(db, Permission.EDIT, audit.CHANGE, "remove a correction") as s:
        row = _get(s, followup_id)
        if row.corrections:
            s.delete(row.corrections[-1])
