"""The citizen's profile and observations (spec 1b): what the dossier's description is written from.

Health and treatment are special categories of personal data (GDPR art. 9). The office roles see and
write them like the rest of a citizen's record (view / edit); a workplace mentor never sees a citizen's
record at all, and may only write the workplace's own statement about a placement at their own company
(:func:`add_workplace_statement`), under the headings that are not about health, and read those statements
back (:func:`workplace_statements`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError
from placement_desk.domain.profile import Observation, Profile, observation_json, profile_json
from placement_desk.domain.profile_parse import parse_observation, parse_profile
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import HEALTH_HEADINGS, ObservedBy
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_id, by_ref, check_version, load_citizen, today
from placement_desk.services.use_case import database_of, use_case


@dataclass(frozen=True)
class ObservationRow:
    """An observation with its id and version (for edits, undo and conflict checks)."""

    id: int
    version: int
    value: Observation


@dataclass(frozen=True)
class WorkplaceStatement:
    """The workplace's own dated statement about a placement, under one heading (never about health)."""

    day: date
    heading: str
    text: str


def checked_observation(value: Observation) -> Observation:
    """The observation as the case-file reader sees it (same checks, same field names in errors), and
    never dated after today."""
    return _not_ahead(parse_observation(observation_json(value), ""))


def _placement_of(citizen: m.Citizen, ref: str | None) -> m.Placement | None:
    if ref is None:
        return None
    placement = next((p for p in citizen.placements if p.ref == ref), None)
    if placement is None:
        raise ValidationError("placement", code="not_citizens_placement", ref=ref)
    return placement


def _not_ahead(data: Observation) -> Observation:
    """An observation is of something seen or said: never dated after today."""
    if data.day > today():
        raise ValidationError("date", code="after_today", day=data.day.isoformat())
    return data


def _get(s: Session, observation_id: int) -> m.Observation:
    return by_id(s, m.Observation, observation_id, "observation")


# ---- the profile -------------------------------------------------------------------------------


@use_case(Permission.VIEW, audit.VIEW, "see a citizen's profile")
def citizen_profile(s: Session, citizen_ref: str) -> Profile:
    """The citizen's profile (CV, benefits, treatment, earlier efforts, network, wishes)."""
    row = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, row.id, what="profile")
    return mapping.profile_out(row)


@use_case(Permission.EDIT, audit.CHANGE, "change a citizen's profile")
def set_profile(s: Session, citizen_ref: str, profile: Profile, actor: str | None = None) -> Profile:
    """Replace the citizen's whole profile (spec 1b); returns the one it replaced (for undo). The value is
    checked as a case file's profile: errors name the path (``work_history[1].to``)."""
    data = parse_profile(profile_json(profile), "")
    row = load_citizen(s, citizen_ref, with_attendance=False)
    before = mapping.profile_out(row)
    mapping.apply_profile(row, data, actor)
    return before


# ---- observations ------------------------------------------------------------------------------


@use_case(Permission.VIEW, audit.VIEW, "see a citizen's observations")
def list_observations(s: Session, citizen_ref: str) -> list[ObservationRow]:
    """Every observation of a citizen, in date order."""
    row = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, row.id, what="observations")
    return [ObservationRow(o.id, o.version, mapping.observation_out(o)) for o in row.observations]


@use_case(Permission.EDIT, audit.CREATE, "add an observation")
def add_observation(s: Session, citizen_ref: str, observation: Observation, actor: str | None = None) -> int:
    """A new observation of the citizen (optionally at one of their placements); returns its id."""
    data = checked_observation(observation)
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    placement = _placement_of(citizen, data.placement)
    row = mapping.observation_in(data, {placement.ref: placement} if placement else {}, actor)
    citizen.observations.append(row)
    s.flush()
    return row.id


@use_case(Permission.EDIT, audit.CHANGE, "change an observation")
def update_observation(
    s: Session, observation_id: int, observation: Observation, expected_version: int | None = None,
    actor: str | None = None,
) -> int:  # fmt: skip
    """Give an observation the value ``observation``; returns its new version. ``expected_version``: the
    version the caller saw (another is a ConflictError; None overwrites whatever is there)."""
    data = checked_observation(observation)
    row = _get(s, observation_id)
    check_version(row, expected_version)
    citizen = s.get(m.Citizen, row.citizen_id)
    assert citizen is not None
    row.placement = _placement_of(citizen, data.placement)
    row.day, row.heading, row.observed_by, row.text = data.day, data.heading, data.by, data.text
    row.updated_by = actor
    s.flush()
    return row.version


@use_case(Permission.EDIT, audit.DELETE, "remove an observation")
def remove_observation(s: Session, observation_id: int, expected_version: int | None = None) -> Observation:
    """Remove an observation; returns it, so undo can add it again. ``expected_version`` as for an update."""
    row = _get(s, observation_id)
    check_version(row, expected_version)
    removed = mapping.observation_out(row)
    s.delete(row)
    return removed


# ---- the workplace's own statement -------------------------------------------------------------


def _statement_placement(s: Session, db: Database, placement_ref: str, action: str) -> m.Placement:
    placement = by_ref(s, m.Placement, placement_ref)
    access.require_placement(s, db, Permission.ATTENDANCE, placement, action)
    return placement


@use_case(Permission.ATTENDANCE, audit.CREATE, "add a workplace statement", scoped=True)
def add_workplace_statement(
    s: Session, placement_ref: str, statement: WorkplaceStatement, actor: str | None = None
) -> int:
    """The workplace's own statement about a placement (an observation by the workplace mentor); returns
    its id. A workplace mentor may write it for a placement at their own company only, and never under a
    health heading (art. 9 data: a workplace's view of health is not theirs to record)."""
    db = database_of(s)
    data = checked_observation(Observation(statement.day, statement.heading, ObservedBy.WORKPLACE_MENTOR.value,
                                           statement.text, placement_ref))  # fmt: skip
    who = access.principal(db)
    if data.heading in HEALTH_HEADINGS and who is not None and who.company_scoped:
        raise AccessDenied(f"write under the heading {data.heading}", who.role.value)
    placement = _statement_placement(s, db, placement_ref, "add a workplace statement")
    row = mapping.observation_in(data, {placement.ref: placement}, actor)
    row.citizen_id = placement.citizen_id
    s.add(row)
    s.flush()
    return row.id


@use_case(Permission.ATTENDANCE, audit.VIEW, "see workplace statements", scoped=True)
def workplace_statements(s: Session, placement_ref: str) -> list[Observation]:
    """The workplace's statements about a placement, in date order, without any under a health heading
    (this is what a workplace mentor may see of the description: only their own workplace's words)."""
    placement = _statement_placement(s, database_of(s), placement_ref, "see workplace statements")
    audit.about(s, placement.citizen_id, what="workplace statements", placement=placement_ref)
    rows = s.scalars(
        select(m.Observation)
        .where(
            m.Observation.placement_id == placement.id,
            m.Observation.observed_by == ObservedBy.WORKPLACE_MENTOR.value,
            m.Observation.heading.not_in(sorted(HEALTH_HEADINGS)),
        )
        .order_by(m.Observation.day, m.Observation.id)
    )
    return [mapping.observation_out(o) for o in rows]


@use_case(Permission.ATTENDANCE, audit.DELETE, "remove a workplace statement", scoped=True)
def remove_workplace_statement(
    s: Session, observation_id: int, expected_version: int | None = None
) -> WorkplaceStatement:
    """Remove a workplace's statement (undoing :func:`add_workplace_statement`); a workplace mentor only
    one about a placement at their own company. Returns it, so that redo can add it again.
    ``expected_version``: the version the caller saw (another is a ConflictError)."""
    row = _get(s, observation_id)
    check_version(row, expected_version)
    if row.observed_by != ObservedBy.WORKPLACE_MENTOR.value or row.placement is None:
        raise NotFoundError("workplace statement", str(observation_id))
    access.require_placement(s, database_of(s), Permission.ATTENDANCE, row.placement, "remove a workplace statement")
    removed = WorkplaceStatement(row.day, row.heading, row.text)
    s.delete(row)
    return removed
