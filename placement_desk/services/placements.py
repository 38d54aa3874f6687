"""Placements: create, change, archive; the hours plan (schedule steps) and capacity assessments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import check_in_period, parse_capacity, parse_placement, parse_step
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, companies, mapping
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, check_version, new_ref

PLACEMENT_FIELDS = (
    "company", "type", "purpose", "start", "end", "end_reason", "tasks", "workplace_mentor", "outcome"
)


def _validated(s: Session, fields: dict[str, Any]) -> tuple[cf.Placement, m.Company]:
    data = parse_placement(fields, "")
    company = s.scalar(select(m.Company).where(m.Company.ref == data.company))
    if company is None:
        raise ValidationError("company", code="unknown_company", company=data.company)
    if data.workplace_mentor is not None and data.workplace_mentor not in {k.ref for k in company.contacts}:
        raise ValidationError("workplace_mentor", code="not_a_contact", mentor=data.workplace_mentor, company=company.name)
    return data, company


@dataclass(frozen=True)
class PlacementSaved:
    """What a placement form saved: the placement, its new version, and the workplace-mentor contact
    created with it (None if an existing one was picked), so that an undo can take that away too."""

    ref: str
    version: int
    new_contact: str | None = None


@access.requires(Permission.EDIT)
def create_placement(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> str:
    """A new placement for a citizen from case-file fields, usually with its first hours step.

    ``fields`` may hold ``schedule`` (a list of steps); returns the placement's ref.
    """
    with audited(db, Permission.EDIT, audit.CREATE, "create a placement") as s:
        return _create(s, citizen_ref, fields, actor)


@access.requires(Permission.EDIT)
def register_placement(
    db: Database,
    citizen_ref: str,
    fields: dict[str, Any],
    new_mentor: dict[str, Any] | None = None,
    actor: str | None = None,
) -> PlacementSaved:
    """The new-placement form in one transaction: the placement with its whole hours plan
    (``fields["schedule"]``, every ramp-up step) and, when ``new_mentor`` holds a contact's fields
    (``name``, optional ``phone``/``email``), a new workplace mentor at the company who becomes the
    placement's. :func:`discard_new_placement` undoes all of it."""
    if new_mentor is not None:
        access.require(db, Permission.COMPANIES, "add a contact")
    with audited(db, Permission.EDIT, audit.CREATE, "create a placement") as s:
        fields = dict(fields)
        contact = _add_mentor(s, fields, new_mentor, actor)
        ref = _create(s, citizen_ref, fields, actor)
        s.flush()
        return PlacementSaved(ref, by_ref(s, m.Placement, ref).version, contact)


@access.requires(Permission.EDIT)
def discard_new_placement(db: Database, saved: PlacementSaved, actor: str | None = None) -> None:
    """The undo of :func:`register_placement`: the placement and the contact made with it go, in one
    transaction (refused once the placement has attendance or follow-ups)."""
    with audited(db, Permission.EDIT, audit.DELETE, "discard a placement") as s:
        row = by_ref(s, m.Placement, saved.ref)
        company = row.company
        _discard(s, row)
        if saved.new_contact is not None:
            s.flush()
            companies.drop_contact(s, company, saved.new_contact, actor)


@access.requires(Permission.EDIT)
def edit_placement(
    db: Database,
    ref: str,
    changes: dict[str, Any],
    expected_version: int | None = None,
    new_mentor: dict[str, Any] | None = None,
    remove_contact: str | None = None,
    actor: str | None = None,
) -> PlacementSaved:
    """The edit-placement form in one transaction: :func:`update_placement`'s changes, a new workplace
    mentor created in place (``new_mentor``), and, for an undo, a contact to take away afterwards
    (``remove_contact``: the one an earlier edit created)."""
    unknown = set(changes) - set(PLACEMENT_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], code="cannot_change_here")
    if new_mentor is not None:
        access.require(db, Permission.COMPANIES, "add a contact")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a placement") as s:
        row = by_ref(s, m.Placement, ref)
        check_version(row, expected_version)
        merged = {**cf.placement_json(mapping.placement_out(row)), **changes}
        contact = _add_mentor(s, merged, new_mentor, actor)
        data, company = _validated(s, merged)
        mapping.apply_placement_fields(row, data, company, actor)
        s.flush()
        if remove_contact is not None:
            companies.drop_contact(s, company, remove_contact, actor)
            s.flush()
        return PlacementSaved(ref, row.version, contact)


def _create(s: Session, citizen_ref: str, fields: dict[str, Any], actor: str | None) -> str:
    citizen = by_ref(s, m.Citizen, citizen_ref)
    fields = {k: v for k, v in fields.items() if k != "attendance"}
    fields.setdefault("ref", new_ref(s, m.Placement, citizen_ref))
    data, company = _validated(s, fields)
    if s.scalar(select(m.Placement.id).where(m.Placement.ref == data.ref)) is not None:
        raise ValidationError("ref", code="placement_exists", ref=data.ref)
    row = m.Placement(ref=data.ref, citizen=citizen)
    s.add(row)
    mapping.apply_placement(s, row, data, company, actor)
    return data.ref


def _add_mentor(s: Session, fields: dict[str, Any], new_mentor: dict[str, Any] | None, actor: str | None) -> str | None:
    """A new workplace-mentor contact at the placement's company; ``fields`` then names it."""
    if new_mentor is None:
        return None
    company = s.scalar(select(m.Company).where(m.Company.ref == fields.get("company")))
    if company is None:
        raise ValidationError("company", code="unknown_company", company=fields.get("company"))
    try:
        mentor = cf.Contact(**{"ref": "", "role": "workplace_mentor", **new_mentor})
        contact = companies.new_contact(company, mentor, actor)
    except ValidationError as exc:
        raise ValidationError("workplace_mentor", exc.message, code=exc.code, **exc.params) from None
    fields["workplace_mentor"] = contact
    return contact


def _discard(s: Session, row: m.Placement) -> None:
    used = s.scalar(select(m.AttendanceRecord.id).where(m.AttendanceRecord.placement_id == row.id).limit(1))
    used = used or s.scalar(select(m.Followup.id).where(m.Followup.placement_id == row.id).limit(1))
    if used is not None:
        raise ValidationError("ref", code="placement_has_records", ref=row.ref)
    s.delete(row)


@access.requires(Permission.EDIT)
def update_placement(
    db: Database, ref: str, changes: dict[str, Any], expected_version: int | None = None, actor: str | None = None
) -> int:
    """Change a placement's own fields (period, type, mentor, tasks...); its records are checked against
    the new period. Returns the new version."""
    unknown = set(changes) - set(PLACEMENT_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], code="cannot_change_here")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a placement") as s:
        row = by_ref(s, m.Placement, ref)
        check_version(row, expected_version)
        merged = {**cf.placement_json(mapping.placement_out(row)), **changes}
        data, company = _validated(s, merged)
        mapping.apply_placement_fields(row, data, company, actor)
        s.flush()
        return row.version


@access.requires(Permission.EDIT)
def set_archived(db: Database, ref: str, archived: bool, actor: str | None = None) -> None:
    with audited(db, Permission.EDIT, audit.CHANGE, "archive a placement") as s:
        row = by_ref(s, m.Placement, ref)
        row.archived_at = utcnow() if archived else None
        row.updated_by = actor


@access.requires(Permission.EDIT)
def add_schedule_step(db: Database, ref: str, step: dict[str, Any], actor: str | None = None) -> None:
    """A new step of the hours plan (ramp-up or ramp-down) from a date; replaces a step on the same date."""
    data = parse_step(step, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add a step to the hours plan") as s:
        row = by_ref(s, m.Placement, ref)
        check_in_period(data.start, mapping.placement_out(row), "from")
        existing = next((x for x in row.schedule if x.valid_from == data.start), None)
        if existing is None:
            existing = m.ScheduleStep(valid_from=data.start)
            row.schedule.append(existing)
        for key, value in mapping.step_values(data).items():
            setattr(existing, key, value)
        existing.updated_by = actor
        row.updated_by = actor


@access.requires(Permission.EDIT)
def remove_schedule_step(db: Database, ref: str, start: str, actor: str | None = None) -> dict[str, Any]:
    """Remove the step that starts on ``start``; returns it (case-file form) so it can be put back."""
    with audited(db, Permission.EDIT, audit.DELETE, "remove a step of the hours plan") as s:
        row = by_ref(s, m.Placement, ref)
        step = next((x for x in row.schedule if x.valid_from.isoformat() == start), None)
        if step is None:
            raise ValidationError("from", code="no_step", day=start)
        out = cf.step_json(cf.ScheduleStep(step.valid_from, step.minutes, step.paid_per_week))
        row.schedule.remove(step)
        row.updated_by = actor
        return out


@access.requires(Permission.EDIT)
def add_capacity(db: Database, ref: str, fields: dict[str, Any], actor: str | None = None) -> None:
    """A capacity assessment (effectiveness %, optional task breakdown) on a date."""
    data = parse_capacity(fields, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add a capacity assessment") as s:
        row = by_ref(s, m.Placement, ref)
        if any(c.day == data.day for c in row.capacity):
            raise ValidationError("date", code="assessment_exists", day=data.day.isoformat())
        row.capacity.append(
            m.CapacityAssessment(
                day=data.day,
                effectiveness_cpct=data.effectiveness_cpct,
                note=data.note,
                updated_by=actor,
                tasks=[
                    m.CapacityTask(
                        position=i,
                        name=t.name,
                        time_share_pct=t.time_share_pct,
                        tempo_pct=t.tempo_pct,
                        quality_pct=t.quality_pct,
                    )
                    for i, t in enumerate(data.tasks)
                ],
            )
        )


@access.requires(Permission.EDIT)
def discard_placement(db: Database, ref: str) -> None:
    """Delete a placement that has no attendance or follow-ups yet (the undo of creating it)."""
    with audited(db, Permission.EDIT, audit.DELETE, "discard a placement") as s:
        _discard(s, by_ref(s, m.Placement, ref))


# ---- undo counterparts (the hours plan and capacity screens) -------------------------------------


@access.requires(Permission.EDIT)
def replace_schedule_step(
    db: Database, ref: str, step: dict[str, Any], actor: str | None = None
) -> dict[str, Any] | None:
    """Like :func:`add_schedule_step`, in one transaction, returning the step it replaced (case-file
    form) or None, so that an undo can put the old step back."""
    data = parse_step(step, "")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a step of the hours plan") as s:
        row = by_ref(s, m.Placement, ref)
        check_in_period(data.start, mapping.placement_out(row), "from")
        existing = next((x for x in row.schedule if x.valid_from == data.start), None)
        previous = None
        if existing is None:
            existing = m.ScheduleStep(valid_from=data.start)
            row.schedule.append(existing)
        else:
            previous = cf.step_json(cf.ScheduleStep(existing.valid_from, existing.minutes, existing.paid_per_week))
        for key, value in mapping.step_values(data).items():
            setattr(existing, key, value)
        existing.updated_by = actor
        row.updated_by = actor
        return previous


@access.requires(Permission.EDIT)
def remove_capacity(db: Database, ref: str, day: str, actor: str | None = None) -> dict[str, Any]:
    """Remove the capacity assessment of a date; returns it (the fields :func:`add_capacity` takes)."""
    from placement_desk.domain.capacity import pct_value

    with audited(db, Permission.EDIT, audit.DELETE, "remove a capacity assessment") as s:
        row = by_ref(s, m.Placement, ref)
        found = next((c for c in row.capacity if c.day.isoformat() == day), None)
        if found is None:
            raise ValidationError("date", code="no_assessment", day=day)
        out: dict[str, Any] = {
            "date": day,
            "effectiveness_pct": pct_value(found.effectiveness_cpct),
            "note": found.note,
        }
        if found.tasks:
            out["tasks"] = [
                {
                    "name": t.name,
                    "time_share_pct": t.time_share_pct,
                    "tempo_pct": t.tempo_pct,
                    "quality_pct": t.quality_pct,
                }
                for t in found.tasks
            ]
        row.capacity.remove(found)
        row.updated_by = actor
        return out
