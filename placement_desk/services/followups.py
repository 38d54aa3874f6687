"""Follow-up meetings: record, edit while a draft, finalise (then immutable), append corrections.

A meeting that agrees new hours changes the placement's hours plan in the same use case (one
transaction): the follow-up and its step are saved, and taken back, together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_followup
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_id, by_ref, check_version
from placement_desk.services.placements import put_step, take_step
from placement_desk.services.use_case import use_case


@dataclass(frozen=True)
class HoursChange:
    """A step of the hours plan agreed at a meeting (``placement``'s), and the step of the same date it
    replaced (None if none), so that an undo puts the plan back as it was."""

    placement: str
    step: cf.ScheduleStep
    replaced: cf.ScheduleStep | None = None


@dataclass(frozen=True)
class FollowupSaved:
    """A saved follow-up: its id and new version, and the hours change saved with it (if any)."""

    id: int
    version: int
    hours: HoursChange | None = None


@dataclass(frozen=True)
class Finalised:
    """A finalised follow-up's new version and the moment it was finalised."""

    version: int
    at: datetime


def followup_fields(db: Database, followup_id: int) -> tuple[cf.Followup, int]:
    """A follow-up as case-file data and its version: what an edit starts from."""
    access.require(db, Permission.VIEW, "see a follow-up")
    with db.reading() as s:
        row = _get(s, followup_id)
        return mapping.followup_out(row), row.version


def checked_followup(value: cf.Followup) -> cf.Followup:
    """A draft's fields checked as a case file's follow-up is (finalising and corrections are not edits)."""
    return parse_followup(cf.followup_json(replace(value, finalised=False, corrections=())), "")


def _placement_for(citizen: m.Citizen, ref: str | None) -> m.Placement | None:
    if ref is None:
        return None
    placement = next((p for p in citizen.placements if p.ref == ref), None)
    if placement is None:
        raise ValidationError("placement", code="not_citizens_placement", ref=ref)
    return placement


def _get(s: Session, followup_id: int) -> m.Followup:
    return by_id(s, m.Followup, followup_id, "follow-up")


def _put_hours(s: Session, data: cf.Followup, step: cf.ScheduleStep | None, actor: str | None) -> HoursChange | None:
    if step is None:
        return None
    if data.placement is None:
        raise ValidationError("placement", code="choose_hours_placement")
    return HoursChange(data.placement, step, put_step(s, data.placement, step, actor))


def _take_back(s: Session, change: HoursChange | None, actor: str | None) -> None:
    if change is None:
        return
    take_step(s, change.placement, change.step.start, actor)
    if change.replaced is not None:
        put_step(s, change.placement, change.replaced, actor)


@use_case(Permission.EDIT, audit.CREATE, "record a follow-up")
def record_followup(
    s: Session,
    citizen_ref: str,
    followup: cf.Followup,
    hours: cf.ScheduleStep | None = None,
    followup_id: int | None = None,
    actor: str | None = None,
) -> FollowupSaved:
    """A new follow-up meeting (a draft until finalised) and, when ``hours`` is given, the new step of
    its placement's hours plan agreed at it. ``followup_id``: the id an undone recording had (a redo
    recreates it under the same id while no other follow-up has taken it)."""
    data = checked_followup(followup)
    citizen = by_ref(s, m.Citizen, citizen_ref)
    placement = _placement_for(citizen, data.placement)
    change = _put_hours(s, data, hours, actor)
    row = mapping.followup_in(data, {placement.ref: placement} if placement else {}, actor)
    if followup_id is not None and s.get(m.Followup, followup_id) is None:  # (SQLite may have reused it)
        row.id = followup_id
    citizen.followups.append(row)
    s.flush()
    return FollowupSaved(row.id, row.version, change)


@use_case(Permission.EDIT, audit.CHANGE, "change a follow-up")
def update_followup(
    s: Session,
    followup_id: int,
    followup: cf.Followup,
    expected_version: int | None = None,
    hours: cf.ScheduleStep | None = None,
    take_back: HoursChange | None = None,
    actor: str | None = None,
) -> FollowupSaved:
    """A draft follow-up's fields become ``followup``'s (a finalised one is refused: append a correction
    instead); ``hours``: a new step of the hours plan agreed at it; ``take_back``: for an undo, the hours
    change an earlier save made."""
    row = _get(s, followup_id)
    if row.finalised_at is not None:
        raise ValidationError("note", code="followup_final")
    check_version(row, expected_version)
    data = checked_followup(followup)
    citizen = s.get(m.Citizen, row.citizen_id)
    assert citizen is not None
    row.placement = _placement_for(citizen, data.placement)
    _take_back(s, take_back, actor)
    change = _put_hours(s, data, hours, actor)
    row.day, row.kind, row.participants = data.day, data.kind, list(data.participants)
    row.note, row.citizen_view, row.agreed_changes = data.note, data.citizen_view, data.agreed_changes
    row.topics, row.headings, row.updated_by = dict(data.topics), list(data.headings), actor
    s.flush()
    return FollowupSaved(row.id, row.version, change)


@use_case(Permission.EDIT, audit.DELETE, "delete a draft follow-up")
def delete_draft(s: Session, followup_id: int, take_back: HoursChange | None = None, actor: str | None = None) -> None:
    """Remove a draft follow-up (undo of recording it) and the hours change recorded with it;
    finalised ones are never removed."""
    row = _get(s, followup_id)
    if row.finalised_at is not None:
        raise ValidationError("note", code="followup_final_remove")
    s.delete(row)
    _take_back(s, take_back, actor)


@use_case(Permission.EDIT, audit.CHANGE, "finalise a follow-up")
def finalise_followup(s: Session, followup_id: int, actor: str | None = None, at: datetime | None = None) -> Finalised:
    """Make a follow-up read-only; later changes are appended as corrections with who and when.
    ``at``: the moment of an undone finalisation (a redo finalises it as it was)."""
    row = _get(s, followup_id)
    if row.finalised_at is None:
        row.finalised_at, row.finalised_by, row.updated_by = at or utcnow(), actor, actor
    s.flush()
    assert row.finalised_at is not None
    return Finalised(row.version, row.finalised_at)


@use_case(Permission.EDIT, audit.CHANGE, "add a correction")
def add_correction(s: Session, followup_id: int, text: str, on: date, actor: str | None = None) -> None:
    if not text.strip():
        raise ValidationError("text", code="correction_text")
    row = _get(s, followup_id)
    if row.finalised_at is None:
        raise ValidationError("text", code="followup_draft")
    row.corrections.append(m.FollowupCorrection(day=on, author=actor, text=text, created_at=utcnow()))


@use_case(Permission.EDIT, audit.CHANGE, "reopen a follow-up")
def reopen_followup(s: Session, followup_id: int) -> int:
    """Undo a finalisation made a moment ago (only while it has no corrections); returns its new version."""
    row = _get(s, followup_id)
    if row.corrections:
        raise ValidationError("note", code="followup_corrected")
    row.finalised_at, row.finalised_by = None, None
    s.flush()
    return row.version


@use_case(Permission.EDIT, audit.CHANGE, "remove a correction")
def remove_last_correction(s: Session, followup_id: int) -> None:
    """Undo the correction just appended."""
    row = _get(s, followup_id)
    if row.corrections:
        s.delete(row.corrections[-1])
