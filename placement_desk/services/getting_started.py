"""How far a new database is set up: a company, a citizen, a placement (the dashboard's first-run list)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.roles import Permission
from placement_desk.services import access


@dataclass(frozen=True)
class SetupProgress:
    companies: int
    citizens: int
    placements: int
    newest_citizen_ref: str | None  # where a first placement goes
    newest_citizen_name: str | None

    @property
    def complete(self) -> bool:
        """A placement exists: the work has begun and the dashboard has something to watch."""
        return self.placements > 0


def setup_progress(db: Database) -> SetupProgress:
    """Counts (archived ones too: they were set up) and the newest citizen; three cheap queries."""
    access.require_unscoped(db, Permission.VIEW, "see how far the database is set up")
    with db.reading() as s:
        companies = s.scalar(select(func.count()).select_from(m.Company)) or 0
        citizens = s.scalar(select(func.count()).select_from(m.Citizen)) or 0
        placements = s.scalar(select(func.count()).select_from(m.Placement)) or 0
        newest = s.execute(
            select(m.Citizen.ref, m.Citizen.name)
            .where(m.Citizen.archived_at.is_(None))
            .order_by(m.Citizen.id.desc())
            .limit(1)
        ).first()
    return SetupProgress(
        companies, citizens, placements, newest[0] if newest else None, newest[1] if newest else None
    )
