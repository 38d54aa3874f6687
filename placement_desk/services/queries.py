"""Read-only lists for the screens: citizens and companies with their current state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.services.common import today


@dataclass(frozen=True)
class CitizenRow:
    ref: str
    name: str
    job_goal: str | None
    company: str | None  # of the current (or latest) placement
    placement_type: str | None
    weekly_minutes: int | None
    placement_end: date | None
    active: bool  # has a placement running today
    archived: bool


@dataclass(frozen=True)
class CompanyRow:
    ref: str
    name: str
    cvr: str | None
    internal: bool
    active_placements: int
    archived: bool


def list_citizens(db: Database, include_archived: bool = False) -> list[CitizenRow]:
    on = today()
    with db.reading() as s:
        stmt = (
            select(m.Citizen)
            .options(
                selectinload(m.Citizen.placements).selectinload(m.Placement.company),
                selectinload(m.Citizen.placements).selectinload(m.Placement.schedule),
            )
            .order_by(m.Citizen.name)
        )
        if not include_archived:
            stmt = stmt.where(m.Citizen.archived_at.is_(None))
        rows = []
        for c in s.scalars(stmt):
            placements = sorted((p for p in c.placements if p.archived_at is None), key=lambda p: p.start)
            current = next((p for p in reversed(placements) if p.start <= on and (p.end is None or p.end >= on)), None)
            shown = current or (placements[-1] if placements else None)
            steps = [x for x in shown.schedule if x.valid_from <= on] if shown else []
            step = steps[-1] if steps else (shown.schedule[-1] if shown and shown.schedule else None)
            rows.append(
                CitizenRow(
                    ref=c.ref,
                    name=c.name,
                    job_goal=c.job_goal,
                    company=shown.company.name if shown else None,
                    placement_type=shown.type if shown else None,
                    weekly_minutes=sum(step.minutes) if step else None,
                    placement_end=shown.end if shown else None,
                    active=current is not None,
                    archived=c.archived_at is not None,
                )
            )
        return rows


def list_companies(db: Database, include_archived: bool = False) -> list[CompanyRow]:
    on = today()
    with db.reading() as s:
        stmt = select(m.Company).options(selectinload(m.Company.contacts)).order_by(m.Company.name)
        if not include_archived:
            stmt = stmt.where(m.Company.archived_at.is_(None))
        companies = list(s.scalars(stmt))
        active: dict[int, int] = {}
        for company_id, start, end in s.execute(
            select(m.Placement.company_id, m.Placement.start, m.Placement.end).where(m.Placement.archived_at.is_(None))
        ):
            if start <= on and (end is None or end >= on):
                active[company_id] = active.get(company_id, 0) + 1
        return [
            CompanyRow(c.ref, c.name, c.cvr, c.internal, active.get(c.id, 0), c.archived_at is not None)
            for c in companies
        ]
