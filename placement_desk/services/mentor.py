"""Read models for attendance screens: who is expected at a company, and the plan day by day.

The workplace mentor's view asks "who comes to us on this day (or in this week), for how many hours,
and what is registered?"; the citizen's attendance grid asks the same for one placement and a month.
Both get :class:`PlannedDay` rows. Planned hours here follow the hours plan also for days still to
come (the figures of spec section 2 stop an open placement at today; a screen wants to show the plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.plan import days, is_holiday
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_ref, today


@dataclass(frozen=True)
class PlannedDay:
    """One date of one placement: planned minutes by the hours plan and what is registered."""

    day: date
    planned: int  # 0 on holidays, outside the period and on days without hours in the plan
    record: cf.Attendance | None
    holiday: bool
    in_period: bool
    future: bool  # after today: only announced absence is normally registered ahead

    @property
    def registered(self) -> bool:
        return self.record is not None


@dataclass(frozen=True)
class ExpectedCitizen:
    """A placement at the company in the period, with one PlannedDay per date of the period."""

    placement: str
    citizen_ref: str
    citizen_name: str
    placement_type: str
    start: date
    end: date | None
    days: tuple[PlannedDay, ...]

    def on(self, day: date) -> PlannedDay | None:
        return next((d for d in self.days if d.day == day), None)

    @property
    def planned(self) -> int:
        return sum(d.planned for d in self.days)

    @property
    def attended(self) -> int:
        return sum(d.record.minutes for d in self.days if d.record is not None)


def planned_days(placement: cf.Placement, first: date, last: date, on: date | None = None) -> list[PlannedDay]:
    """The dates [first, last] of a placement with the planned minutes and the record of each."""
    on = on or today()
    plan = plan_of(placement)
    records = {a.day: a for a in placement.attendance}
    out: list[PlannedDay] = []
    for day in days(first, last):
        in_period = placement.start <= day and (placement.end is None or day <= placement.end)
        # planned() ends an open placement at "today"; for the screen the plan goes on.
        planned = plan.planned(day, max(day, on)) if in_period else 0
        out.append(PlannedDay(day, planned, records.get(day), is_holiday(day), in_period, day > on))
    return out


def expected(db: Database, company_ref: str, first: date, last: date) -> list[ExpectedCitizen]:
    """Every active placement at the company that overlaps [first, last], by citizen name.

    One reading; archived citizens and placements are left out.
    """
    on = today()
    access.require(db, Permission.ATTENDANCE, "see who is expected")
    with db.reading() as s:
        company = by_ref(s, m.Company, company_ref)
        access.require_company(s, db, Permission.ATTENDANCE, company.id, "see who is expected")
        rows = s.scalars(
            select(m.Placement)
            .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
            .where(m.Placement.company_id == company.id)
            .where(m.Placement.archived_at.is_(None), m.Citizen.archived_at.is_(None))
            .where(m.Placement.start <= last, m.Placement.end.is_(None) | (m.Placement.end >= first))
            .options(
                # of the citizen only what the page shows (on a team server the rest is not the
                # workplace mentor's to read: db.team)
                selectinload(m.Placement.citizen).load_only(m.Citizen.ref, m.Citizen.name, m.Citizen.archived_at),
                selectinload(m.Placement.company),
                selectinload(m.Placement.workplace_mentor),
                selectinload(m.Placement.tasks),
                selectinload(m.Placement.schedule),
                selectinload(m.Placement.attendance.and_(m.AttendanceRecord.day.between(first, last))),  # shown days
                selectinload(m.Placement.capacity).selectinload(m.CapacityAssessment.tasks),
            )
        ).all()
        found = [(p.citizen.ref, p.citizen.name, mapping.placement_out(p)) for p in rows]
        shown = [p.citizen_id for p in rows]
    audit.log_read(db, "expected attendance", shown, company=company_ref, first=first, last=last)
    out = [
        ExpectedCitizen(
            placement=data.ref,
            citizen_ref=citizen_ref,
            citizen_name=name,
            placement_type=data.type,
            start=data.start,
            end=data.end,
            days=tuple(planned_days(data, first, last, on)),
        )
        for citizen_ref, name, data in found
    ]
    return sorted(out, key=lambda e: (e.citizen_name.lower(), e.start, e.placement))
