"""The dashboard (Overblik): what needs doing now, across every active citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.figures import compute
from placement_desk.domain.plan import PlacementPlan, Record, Step
from placement_desk.domain.vocab import Status
from placement_desk.services.common import today

FOLLOWUP_INTERVAL = timedelta(days=30)
DUE_SOON = timedelta(days=7)
WINDOW = timedelta(days=28)
LOW_ATTENDANCE = Fraction(3, 4)
REFERRAL_HORIZON = timedelta(days=30)

KINDS = ("followup_overdue", "followup_due", "low_attendance", "unregistered", "referral_ending", "no_mentor")


@dataclass(frozen=True)
class Task:
    """One row of the dashboard; ``tab`` names the citizen-page tab that resolves it."""

    kind: str
    citizen_ref: str
    citizen_name: str
    placement_ref: str | None
    company: str | None
    when: date | None
    value: float | None  # a rate (low attendance) or a count (unregistered days)
    tab: str


def dashboard(db: Database, on: date | None = None) -> list[Task]:
    on = on or today()
    first = on - WINDOW
    yesterday = on - timedelta(days=1)
    tasks: list[Task] = []
    with db.reading() as s:
        placements = list(
            s.scalars(
                select(m.Placement)
                .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
                .where(m.Placement.archived_at.is_(None), m.Citizen.archived_at.is_(None))
                .where(m.Placement.start <= on, (m.Placement.end.is_(None)) | (m.Placement.end >= on))
                .options(
                    selectinload(m.Placement.citizen).selectinload(m.Citizen.followups),
                    selectinload(m.Placement.company),
                    selectinload(m.Placement.schedule),
                )
            )
        )
        records: dict[int, dict[date, Record]] = {}
        ids = [p.id for p in placements]
        if ids:
            for pid, day, status, minutes, reason in s.execute(
                select(
                    m.AttendanceRecord.placement_id,
                    m.AttendanceRecord.day,
                    m.AttendanceRecord.status,
                    m.AttendanceRecord.minutes,
                    m.AttendanceRecord.reason,
                ).where(
                    m.AttendanceRecord.placement_id.in_(ids),
                    m.AttendanceRecord.day >= first,
                    m.AttendanceRecord.day <= yesterday,
                )
            ):
                records.setdefault(pid, {})[day] = Record(day, Status(status), minutes, reason)
        for p in placements:
            tasks.extend(_placement_tasks(p, records.get(p.id, {}), on, first, yesterday))
        tasks.extend(_referral_tasks(s, on))
    order = {k: i for i, k in enumerate(KINDS)}
    tasks.sort(key=lambda t: (order[t.kind], t.when or date.max, t.citizen_name))
    return tasks


def _placement_tasks(p: m.Placement, records: dict[date, Record], on: date, first: date, last: date) -> list[Task]:
    c = p.citizen

    def task(kind: str, when: date | None, value: float | None, tab: str) -> Task:
        return Task(kind, c.ref, c.name, p.ref, p.company.name, when, value, tab)

    out: list[Task] = []
    held = [f.day for f in c.followups if (f.placement_id in (None, p.id)) and f.day <= on]
    last_meeting = max(held, default=None)
    due = max(last_meeting or p.start, p.start) + FOLLOWUP_INTERVAL
    if due < on:
        out.append(task("followup_overdue", due, None, "followup"))
    elif due <= on + DUE_SOON:
        out.append(task("followup_due", due, None, "followup"))
    plan = PlacementPlan(
        p.ref, p.start, p.end, [Step(x.valid_from, x.minutes, x.paid_per_week) for x in p.schedule], records
    )
    fig = compute([plan], first, last, on)
    rate = fig.total.attendance_rate
    if rate is not None and rate < LOW_ATTENDANCE:
        out.append(task("low_attendance", None, float(rate), "attendance"))
    if fig.total.unregistered_days:
        out.append(task("unregistered", None, float(fig.total.unregistered_days), "attendance"))
    if p.workplace_mentor_id is None:
        out.append(task("no_mentor", p.start, None, "placements"))
    return out


def _referral_tasks(s: Session, on: date) -> list[Task]:
    out: list[Task] = []
    rows = s.scalars(
        select(m.Referral)
        .join(m.Citizen, m.Referral.citizen_id == m.Citizen.id)
        .where(m.Citizen.archived_at.is_(None))
        .options(selectinload(m.Referral.extensions))
    )
    citizens = {c.id: c for c in s.scalars(select(m.Citizen).where(m.Citizen.archived_at.is_(None)))}
    for r in rows:
        end = r.extensions[-1].new_end if r.extensions else r.end
        if end is not None and on <= end <= on + REFERRAL_HORIZON and r.end_reason is None:
            c = citizens[r.citizen_id]
            out.append(Task("referral_ending", c.ref, c.name, None, r.programme, end, None, "overview"))
    return out
