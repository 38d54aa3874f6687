"""The citizen's profile and observations (spec 1b): what the dossier's description is written from.

Health and treatment are special categories of personal data (GDPR art. 9). The office roles see and
write them like the rest of a citizen's record (view / edit); a workplace mentor never sees a citizen's
record at all, and may only write the workplace's own statement about a placement at their own company
(:func:`add_workplace_statement`), under the headings that are not about health, and read those statements
back (:func:`workplace_statements`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError
from placement_desk.domain.profile import Observation, Profile, observation_json
from placement_desk.domain.profile_parse import parse_observation, parse_profile
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import HEALTH_HEADINGS, ObservedBy
from placement_desk.services import access, audit, mapping
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, check_version, load_citizen, today

EDITABLE = ("date", "heading", "by", "placement", "text")


@dataclass(frozen=True)
class ObservationRow:
    """An observation with its id and version (for edits, undo and conflict checks)."""

    id: int
    version: int
    value: Observation


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
    row = s.get(m.Observation, observation_id)
    if row is None:
        raise NotFoundError("observation", str(observation_id))
    return row


# ---- the profile -------------------------------------------------------------------------------


@access.requires(Permission.VIEW)
def citizen_profile(db: Database, citizen_ref: str) -> Profile:
    """The citizen's profile (CV, benefits, treatment, earlier efforts, network, wishes)."""
    with audited(db, Permission.VIEW, audit.VIEW, "see a citizen's profile") as s:
        row = load_citizen(s, citizen_ref, with_attendance=False)
        audit.about(s, row.id, what="profile")
        return mapping.profile_out(row)


@access.requires(Permission.EDIT)
def set_profile(db: Database, citizen_ref: str, profile: dict[str, Any], actor: str | None = None) -> Profile:
    """Replace the citizen's whole profile with case-file ``profile`` JSON (spec 1b); returns the one it
    replaced (for undo). Errors name the JSON path (``work_history[1].to``)."""
    data = parse_profile(profile, "")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a citizen's profile") as s:
        row = load_citizen(s, citizen_ref, with_attendance=False)
        before = mapping.profile_out(row)
        mapping.apply_profile(row, data, actor)
        return before


# ---- observations ------------------------------------------------------------------------------


@access.requires(Permission.VIEW)
def list_observations(db: Database, citizen_ref: str) -> list[ObservationRow]:
    """Every observation of a citizen, in date order."""
    with audited(db, Permission.VIEW, audit.VIEW, "see a citizen's observations") as s:
        row = load_citizen(s, citizen_ref, with_attendance=False)
        audit.about(s, row.id, what="observations")
        return [ObservationRow(o.id, o.version, mapping.observation_out(o)) for o in row.observations]


@access.requires(Permission.EDIT)
def add_observation(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    """A new observation (``date``, ``heading``, ``by``, ``text``, optional ``placement``); returns its id."""
    data = _not_ahead(parse_observation({k: v for k, v in fields.items() if k in EDITABLE}, ""))
    with audited(db, Permission.EDIT, audit.CREATE, "add an observation") as s:
        citizen = load_citizen(s, citizen_ref, with_attendance=False)
        placement = _placement_of(citizen, data.placement)
        row = mapping.observation_in(data, {placement.ref: placement} if placement else {}, actor)
        citizen.observations.append(row)
        s.flush()
        return row.id


@access.requires(Permission.EDIT)
def update_observation(
    db: Database, observation_id: int, changes: dict[str, Any], expected_version: int | None = None,
    actor: str | None = None,
) -> int:  # fmt: skip
    """Change an observation; returns its new version."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], code="cannot_change")
    with audited(db, Permission.EDIT, audit.CHANGE, "change an observation") as s:
        row = _get(s, observation_id)
        check_version(row, expected_version)
        data = _not_ahead(parse_observation({**observation_json(mapping.observation_out(row)), **changes}, ""))
        citizen = s.get(m.Citizen, row.citizen_id)
        assert citizen is not None
        row.placement = _placement_of(citizen, data.placement)
        row.day, row.heading, row.observed_by, row.text = data.day, data.heading, data.by, data.text
        row.updated_by = actor
        s.flush()
        return row.version


@access.requires(Permission.EDIT)
def remove_observation(db: Database, observation_id: int) -> dict[str, Any]:
    """Remove an observation; returns its case-file fields, so undo can add it again."""
    with audited(db, Permission.EDIT, audit.DELETE, "remove an observation") as s:
        row = _get(s, observation_id)
        removed = observation_json(mapping.observation_out(row))
        s.delete(row)
        return removed


# ---- the workplace's own statement -------------------------------------------------------------


def _statement_placement(s: Session, db: Database, placement_ref: str, action: str) -> m.Placement:
    placement = by_ref(s, m.Placement, placement_ref)
    access.require_placement(s, db, Permission.ATTENDANCE, placement, action)
    return placement


@access.requires(Permission.ATTENDANCE, scoped=True)
def add_workplace_statement(db: Database, placement_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    """The workplace's own statement about a placement (an observation by the workplace mentor): ``date``,
    ``heading`` and ``text``. A workplace mentor may write it for a placement at their own company only, and
    never under a health heading (art. 9 data: a workplace's view of health is not theirs to record)."""
    data = parse_observation({**{k: fields.get(k) for k in ("date", "heading", "text")},
                              "by": ObservedBy.WORKPLACE_MENTOR.value, "placement": placement_ref}, "")  # fmt: skip
    _not_ahead(data)
    who = access.principal(db)
    if data.heading in HEALTH_HEADINGS and who is not None and who.company_scoped:
        raise AccessDenied(f"write under the heading {data.heading}", who.role.value)
    with audited(db, Permission.ATTENDANCE, audit.CREATE, "add a workplace statement", scoped=True) as s:
        placement = _statement_placement(s, db, placement_ref, "add a workplace statement")
        row = mapping.observation_in(data, {placement.ref: placement}, actor)
        row.citizen_id = placement.citizen_id
        s.add(row)
        s.flush()
        return row.id


@access.requires(Permission.ATTENDANCE, scoped=True)
def workplace_statements(db: Database, placement_ref: str) -> list[Observation]:
    """The workplace's statements about a placement, in date order, without any under a health heading
    (this is what a workplace mentor may see of the description: only their own workplace's words)."""
    with audited(db, Permission.ATTENDANCE, audit.VIEW, "see workplace statements", scoped=True) as s:
        placement = _statement_placement(s, db, placement_ref, "see workplace statements")
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


@access.requires(Permission.ATTENDANCE, scoped=True)
def remove_workplace_statement(db: Database, observation_id: int) -> dict[str, Any]:
    """Remove a workplace's statement (undoing :func:`add_workplace_statement`); a workplace mentor only
    one about a placement at their own company. Returns its case-file fields."""
    with audited(db, Permission.ATTENDANCE, audit.DELETE, "remove a workplace statement", scoped=True) as s:
        row = _get(s, observation_id)
        if row.observed_by != ObservedBy.WORKPLACE_MENTOR.value or row.placement is None:
            raise NotFoundError("workplace statement", str(observation_id))
        access.require_placement(s, db, Permission.ATTENDANCE, row.placement, "remove a workplace statement")
        removed = observation_json(mapping.observation_out(row))
        s.delete(row)
        return removed
