"""Placements: create, change, archive; the hours plan (schedule steps) and capacity assessments.

Every use case takes case-file values (:mod:`placement_desk.domain.casefile`) and checks them exactly as
a case file is checked: the value goes through the domain's serializer and parser, so a value built in
code fails with the same field names as one read from a file. The readers (:func:`placement_fields`)
give the current value and version that an edit starts from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import (
    check_in_period,
    parse_capacity,
    parse_placement,
    parse_step,
)
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, companies, mapping
from placement_desk.services.common import by_ref, check_version, new_ref
from placement_desk.services.use_case import database_of, use_case

NEW = ""  # the ref of a placement (or contact) not created yet: the use case gives it the next free one


@dataclass(frozen=True)
class PlacementSaved:
    """What a placement form saved: the placement, its new version, and the workplace-mentor contact
    created with it (None if an existing one was picked), so that an undo can take that away too and a
    redo can create the same contact again."""

    ref: str
    version: int
    new_contact: cf.Contact | None = None


# ---- readers -------------------------------------------------------------------------------------


def placement_fields(db: Database, ref: str) -> tuple[cf.Placement, int]:
    """A placement's own fields (no hours plan or records) and its version: what an edit starts from."""
    access.require(db, Permission.VIEW, "see a placement")
    with db.reading() as s:
        row = by_ref(s, m.Placement, ref)
        p = mapping.placement_out(row, {row.id: ()})
        return replace(p, schedule=(), capacity=()), row.version


def schedule_step(db: Database, ref: str, start: date) -> cf.ScheduleStep | None:
    """The step of a placement's hours plan that starts on ``start``, if any."""
    access.require(db, Permission.VIEW, "see a placement")
    with db.reading() as s:
        row = by_ref(s, m.Placement, ref)
        found = next((x for x in row.schedule if x.valid_from == start), None)
        return None if found is None else cf.ScheduleStep(found.valid_from, found.minutes, found.paid_per_week)


# ---- checks --------------------------------------------------------------------------------------


def checked_placement(value: cf.Placement) -> cf.Placement:
    """``value`` checked as a case file's placement is (its ref may still be :data:`NEW`)."""
    ref = value.ref or "new"
    parsed = parse_placement(cf.placement_json(replace(value, ref=ref)), "")
    return replace(parsed, ref=value.ref)


def checked_step(step: cf.ScheduleStep) -> cf.ScheduleStep:
    return parse_step(cf.step_json(step), "")


def checked_capacity(assessment: cf.CapacityAssessment) -> cf.CapacityAssessment:
    return parse_capacity(cf._capacity_json(assessment), "")


def _company(s: Session, data: cf.Placement) -> m.Company:
    company = s.scalar(select(m.Company).where(m.Company.ref == data.company))
    if company is None:
        raise ValidationError("company", code="unknown_company", company=data.company)
    if data.workplace_mentor is not None and data.workplace_mentor not in {k.ref for k in company.contacts}:
        raise ValidationError(
            "workplace_mentor", code="not_a_contact", mentor=data.workplace_mentor, company=company.name
        )
    return company


def _may_add_contact(s: Session, mentor: cf.Contact | None) -> None:
    """A new workplace mentor is a new contact at the company: the role must also allow that (checked
    before anything is read)."""
    if mentor is not None:
        access.require(database_of(s), Permission.COMPANIES, "add a contact")


def _add_mentor(s: Session, data: cf.Placement, mentor: cf.Contact | None, actor: str | None) -> cf.Placement:
    """A new workplace-mentor contact at the placement's company; the placement then names it."""
    if mentor is None:
        return data
    company = s.scalar(select(m.Company).where(m.Company.ref == data.company))
    if company is None:
        raise ValidationError("company", code="unknown_company", company=data.company)
    try:
        ref = companies.new_contact(company, replace(mentor, role="workplace_mentor"), actor)
    except ValidationError as exc:
        raise ValidationError("workplace_mentor", exc.message, code=exc.code, **exc.params) from None
    s.flush()
    return replace(data, workplace_mentor=ref)


def _created_contact(s: Session, company: str, ref: str | None) -> cf.Contact | None:
    if ref is None:
        return None
    row = by_ref(s, m.Company, company)
    return next(k for k in mapping.company_out(row).contacts if k.ref == ref)


# ---- placements ----------------------------------------------------------------------------------


@use_case(Permission.EDIT, audit.CREATE, "create a placement")
def create_placement(
    s: Session, citizen_ref: str, placement: cf.Placement, new_mentor: cf.Contact | None = None,
    actor: str | None = None,
) -> PlacementSaved:  # fmt: skip
    """The new-placement form in one transaction: the placement (ref :data:`NEW` for the next free one)
    with its whole hours plan and, when ``new_mentor`` is given (ref :data:`NEW` for the next free one),
    a new workplace mentor at the company who becomes the placement's. :func:`discard_new_placement`
    undoes all of it; creating again with the refs this returned makes the same rows."""
    _may_add_contact(s, new_mentor)
    citizen = by_ref(s, m.Citizen, citizen_ref)
    data = replace(placement, attendance=())
    if not data.ref:
        data = replace(data, ref=new_ref(s, m.Placement, citizen_ref))
    data = checked_placement(data)
    if s.scalar(select(m.Placement.id).where(m.Placement.ref == data.ref)) is not None:
        raise ValidationError("ref", code="placement_exists", ref=data.ref)
    data = _add_mentor(s, data, new_mentor, actor)
    company = _company(s, data)
    row = m.Placement(ref=data.ref, citizen=citizen)
    s.add(row)
    mapping.apply_placement(s, row, data, company, actor)
    s.flush()
    contact = _created_contact(s, data.company, data.workplace_mentor if new_mentor else None)
    return PlacementSaved(data.ref, row.version, contact)


@use_case(Permission.EDIT, audit.DELETE, "discard a placement")
def discard_new_placement(s: Session, saved: PlacementSaved, actor: str | None = None) -> None:
    """The undo of :func:`create_placement`: the placement and the contact made with it go, in one
    transaction (refused once the placement has attendance or follow-ups)."""
    row = by_ref(s, m.Placement, saved.ref)
    company = row.company
    _discard(s, row)
    if saved.new_contact is not None:
        s.flush()
        companies.drop_contact(s, company, saved.new_contact.ref, actor)


@use_case(Permission.EDIT, audit.CHANGE, "change a placement")
def update_placement(
    s: Session,
    ref: str,
    placement: cf.Placement,
    expected_version: int | None = None,
    new_mentor: cf.Contact | None = None,
    remove_contact: str | None = None,
    actor: str | None = None,
) -> PlacementSaved:
    """The placement's own fields (company, type, purpose, period, tasks, mentor, end reason, outcome)
    become ``placement``'s; its hours plan and records stay and are checked against the new period.
    ``new_mentor``: a workplace mentor created in place; ``remove_contact``: for an undo, the contact an
    earlier edit created, taken away afterwards."""
    _may_add_contact(s, new_mentor)
    row = by_ref(s, m.Placement, ref)
    check_version(row, expected_version)
    current = mapping.placement_out(row)
    data = replace(placement, ref=ref, schedule=current.schedule, attendance=current.attendance,
                   capacity=current.capacity)  # fmt: skip
    data = _add_mentor(s, checked_placement(data), new_mentor, actor)
    company = _company(s, data)
    mapping.apply_placement_fields(row, data, company, actor)
    s.flush()
    if remove_contact is not None:
        companies.drop_contact(s, company, remove_contact, actor)
        s.flush()
    return PlacementSaved(
        ref, row.version, _created_contact(s, data.company, data.workplace_mentor if new_mentor else None)
    )


def _discard(s: Session, row: m.Placement) -> None:
    used = s.scalar(select(m.AttendanceRecord.id).where(m.AttendanceRecord.placement_id == row.id).limit(1))
    used = used or s.scalar(select(m.Followup.id).where(m.Followup.placement_id == row.id).limit(1))
    if used is not None:
        raise ValidationError("ref", code="placement_has_records", ref=row.ref)
    s.delete(row)


@use_case(Permission.EDIT, audit.CHANGE, "archive a placement")
def set_archived(s: Session, ref: str, archived: bool, actor: str | None = None) -> int:
    """Archive (or restore) a placement; returns its new version."""
    row = by_ref(s, m.Placement, ref)
    row.archived_at = utcnow() if archived else None
    row.updated_by = actor
    s.flush()
    return row.version


@use_case(Permission.EDIT, audit.DELETE, "discard a placement")
def discard_placement(s: Session, ref: str) -> None:
    """Delete a placement that has no attendance or follow-ups yet (the undo of creating it)."""
    _discard(s, by_ref(s, m.Placement, ref))


# ---- the hours plan ------------------------------------------------------------------------------


def put_step(s: Session, ref: str, step: cf.ScheduleStep, actor: str | None) -> cf.ScheduleStep | None:
    """Inside the caller's transaction: ``step`` into the placement's hours plan, replacing a step on the
    same date; returns the replaced step or None."""
    data = checked_step(step)
    row = by_ref(s, m.Placement, ref)
    check_in_period(data.start, mapping.placement_out_period(row), "from")
    existing = next((x for x in row.schedule if x.valid_from == data.start), None)
    previous = None
    if existing is None:
        existing = m.ScheduleStep(valid_from=data.start)
        row.schedule.append(existing)
    else:
        previous = cf.ScheduleStep(existing.valid_from, existing.minutes, existing.paid_per_week)
    for key, value in mapping.step_values(data).items():
        setattr(existing, key, value)
    existing.updated_by = actor
    row.updated_by = actor
    return previous


def take_step(s: Session, ref: str, start: date, actor: str | None) -> cf.ScheduleStep:
    """Inside the caller's transaction: remove the step that starts on ``start``; returns it."""
    row = by_ref(s, m.Placement, ref)
    step = next((x for x in row.schedule if x.valid_from == start), None)
    if step is None:
        raise ValidationError("from", code="no_step", day=start.isoformat())
    out = cf.ScheduleStep(step.valid_from, step.minutes, step.paid_per_week)
    row.schedule.remove(step)
    row.updated_by = actor
    s.flush()
    return out


@use_case(Permission.EDIT, audit.CREATE, "add a step to the hours plan")
def add_schedule_step(s: Session, ref: str, step: cf.ScheduleStep, actor: str | None = None) -> cf.ScheduleStep | None:
    """A new step of the hours plan (ramp-up or ramp-down) from a date; replaces a step on the same date
    and returns the replaced one (None if there was none), so that an undo can put it back."""
    return put_step(s, ref, step, actor)


@use_case(Permission.EDIT, audit.DELETE, "remove a step of the hours plan")
def remove_schedule_step(s: Session, ref: str, start: date, actor: str | None = None) -> cf.ScheduleStep:
    """Remove the step that starts on ``start``; returns it so it can be put back."""
    return take_step(s, ref, start, actor)


# ---- capacity ------------------------------------------------------------------------------------


@use_case(Permission.EDIT, audit.CREATE, "add a capacity assessment")
def add_capacity(s: Session, ref: str, assessment: cf.CapacityAssessment, actor: str | None = None) -> None:
    """A capacity assessment (effectiveness %, optional task breakdown) on a date."""
    data = checked_capacity(assessment)
    row = by_ref(s, m.Placement, ref)
    if any(c.day == data.day for c in row.capacity):
        raise ValidationError("date", code="assessment_exists", day=data.day.isoformat())
    tasks = [m.CapacityTask(position=i, name=t.name, time_share_pct=t.time_share_pct, tempo_pct=t.tempo_pct,
                            quality_pct=t.quality_pct) for i, t in enumerate(data.tasks)]  # fmt: skip
    row.capacity.append(m.CapacityAssessment(day=data.day, effectiveness_cpct=data.effectiveness_cpct,
                                             note=data.note, updated_by=actor, tasks=tasks))  # fmt: skip


@use_case(Permission.EDIT, audit.DELETE, "remove a capacity assessment")
def remove_capacity(s: Session, ref: str, day: date, actor: str | None = None) -> cf.CapacityAssessment:
    """Remove the capacity assessment of a date; returns it (what :func:`add_capacity` takes)."""
    row = by_ref(s, m.Placement, ref)
    found = next((c for c in row.capacity if c.day == day), None)
    if found is None:
        raise ValidationError("date", code="no_assessment", day=day.isoformat())
    tasks = tuple(cf.CapacityTask(t.name, t.time_share_pct, t.tempo_pct, t.quality_pct) for t in found.tasks)
    out = cf.CapacityAssessment(found.day, found.effectiveness_cpct, found.note, tasks)
    row.capacity.remove(found)
    row.updated_by = actor
    return out
