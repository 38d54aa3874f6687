"""Helpers shared by the services: the clock, loading by ref, conflicts."""

from __future__ import annotations

import os
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from placement_desk.db import models as m
from placement_desk.domain.errors import ConflictError, NotFoundError

ENV_TODAY = "PLACEMENT_DESK_TODAY"

R = TypeVar("R", m.Citizen, m.Company, m.Placement)


def today() -> date:
    """Today's date; $PLACEMENT_DESK_TODAY (YYYY-MM-DD) pins it for reproducible runs."""
    pinned = os.environ.get(ENV_TODAY)
    return date.fromisoformat(pinned) if pinned else date.today()


def by_ref(session: Session, model: type[R], ref: str) -> R:
    row = session.scalar(select(model).where(model.ref == ref))
    if row is None:
        raise NotFoundError(model.__name__.lower(), ref)
    return row


# Everything of a citizen but the attendance records (views read those as plain rows: see views.py).
CITIZEN_LOAD_BUT_ATTENDANCE = (
    selectinload(m.Citizen.referrals).selectinload(m.Referral.extensions),
    selectinload(m.Citizen.placements).selectinload(m.Placement.company).selectinload(m.Company.contacts),
    selectinload(m.Citizen.placements).selectinload(m.Placement.workplace_mentor),
    selectinload(m.Citizen.placements).selectinload(m.Placement.tasks),
    selectinload(m.Citizen.placements).selectinload(m.Placement.schedule),
    selectinload(m.Citizen.placements).selectinload(m.Placement.capacity).selectinload(m.CapacityAssessment.tasks),
    selectinload(m.Citizen.accommodations),
    selectinload(m.Citizen.followups).selectinload(m.Followup.corrections),
    selectinload(m.Citizen.followups).selectinload(m.Followup.placement),
    selectinload(m.Citizen.goals).selectinload(m.Goal.subgoals),
    selectinload(m.Citizen.goals).selectinload(m.Goal.scores),
    selectinload(m.Citizen.profile_items),
    selectinload(m.Citizen.observations).selectinload(m.Observation.placement),
)
CITIZEN_LOAD = (*CITIZEN_LOAD_BUT_ATTENDANCE, selectinload(m.Citizen.placements).selectinload(m.Placement.attendance))


def load_citizen(session: Session, ref: str, with_attendance: bool = True) -> m.Citizen:
    """A citizen with everything loaded; ``with_attendance=False`` leaves the records to the caller."""
    options = CITIZEN_LOAD if with_attendance else CITIZEN_LOAD_BUT_ATTENDANCE
    row = session.scalar(select(m.Citizen).where(m.Citizen.ref == ref).options(*options))
    if row is None:
        raise NotFoundError("citizen", ref)
    return row


T = TypeVar("T")


def by_id(session: Session, model: type[T], row_id: int, what: str) -> T:
    """The ``model`` row with ``row_id``; NotFoundError naming ``what`` (e.g. "goal") when there is none."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(what, str(row_id))
    return row


def check_version(
    row: m.Citizen | m.Company | m.Placement | m.Followup | m.Observation, expected: int | None
) -> None:
    """Optimistic locking: refuse to overwrite a record someone else saved in the meantime."""
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"The record was changed by {row.updated_by or 'someone else'} after you opened it "
            f"(version {row.version}, you had {expected}); reload it before saving."
        )


def new_ref(session: Session, model: type[R], prefix: str) -> str:
    """The next free ref ``PREFIX-N`` for a model."""
    taken = set(session.scalars(select(model.ref).where(model.ref.like(f"{prefix}-%"))))
    n = len(taken) + 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"
