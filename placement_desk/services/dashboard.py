"""The dashboard (Overblik): what needs doing now, across every active citizen.

Cross-citizen, so it is aggregated in SQL: one statement gives each running placement its last
follow-up and, over the last four weeks, the planned minutes of the counted days, the attended
minutes of the counted days and the planned days without a record (the figures of spec section 2:
public holidays plan nothing, agreed absence is not counted). No attendance rows reach Python.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import Date, Integer, and_, case, func, literal, literal_column, or_, select, union_all
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.plan import days, is_holiday
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import Status
from placement_desk.services import access, audit
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


def task_order(task: Task) -> tuple[int, date, str]:
    """The dashboard's order: by kind (as :data:`KINDS`), then the date, then the citizen's name."""
    return KINDS.index(task.kind), task.when or date.max, task.citizen_name


def dashboard(db: Database, on: date | None = None, citizens: Collection[str] | None = None) -> list[Task]:
    """The tasks of every active citizen, or only of the citizens whose refs are given (a window that
    shows the dashboard re-reads just the rows of the citizens a write touched)."""
    access.require_unscoped(db, Permission.VIEW, "see the dashboard")
    on = on or today()
    refs = None if citizens is None else sorted(set(citizens))
    tasks: list[Task] = []
    if refs == []:
        return tasks
    with db.reading() as s:
        for row in s.execute(_placement_facts(on, refs, s.get_bind().dialect.name)):
            tasks.extend(_placement_tasks(row, on))
        tasks.extend(_referral_tasks(s, on, refs))
    tasks.sort(key=task_order)
    seen = {t.citizen_ref for t in tasks}
    if refs is None:
        audit.log_read(db, "dashboard", on=on, tasks=len(tasks), citizens=len(seen))
    else:
        audit.log_read(db, "dashboard", on=on, tasks=len(tasks), citizens=len(seen), asked=len(refs))
    return tasks


def _running(on: date, refs: list[str] | None = None) -> Any:
    """The placements running on ``on`` (neither they nor their citizen archived), with their period;
    only those of the citizens ``refs`` when given."""
    p = m.Placement
    stmt = (
        select(p.id, p.citizen_id, p.start, func.coalesce(p.end, on).label("last_day"))
        .join(m.Citizen, p.citizen_id == m.Citizen.id)
        .where(p.archived_at.is_(None), m.Citizen.archived_at.is_(None))
        .where(p.start <= on, or_(p.end.is_(None), p.end >= on))
    )
    return stmt if refs is None else stmt.where(m.Citizen.ref.in_(refs))


# SQLite: the whole part of julianday() of a date is its ordinal plus JD_OFFSET; the week number is written
# exactly as in the index ix_attendance_week (migration 0007: placement, week, day, status, minutes), so a
# running placement's records of the window are read from that index alone, never from the table.
JD_OFFSET = 1721424
SQLITE_WEEK = "((CAST(julianday(attendance.day) AS INTEGER) + 1) / 7)"


def _sqlite_week(day: date) -> int:
    return (day.toordinal() + JD_OFFSET + 1) // 7


def _placement_facts(on: date, refs: list[str] | None = None, dialect: str = "sqlite") -> Any:
    """One row per running placement: who, where, the last meeting and the four weeks' sums. Each running
    placement is looked up by index (its steps, its records of the window, its citizen's latest meeting):
    the cost follows the running placements and the window, not the years of records behind them."""
    first, last = on - WINDOW, on - timedelta(days=1)
    p, s, a, f = m.Placement, m.ScheduleStep, m.AttendanceRecord, m.Followup
    running = _running(on, refs).cte("running")
    # The working days of the window (public holidays plan nothing) with their weekday 0..6 and week.
    calendar = union_all(
        *[select(literal(d, Date).label("day"), literal(d.weekday(), Integer).label("wd"),
                 literal(_sqlite_week(d), Integer).label("wk"))
          for d in days(first, last) if not is_holiday(d)]
    ).cte("cal")  # fmt: skip
    weekday = case(*[(calendar.c.wd == i, col) for i, col in enumerate((s.mon, s.tue, s.wed, s.thu, s.fri, s.sat))],
                   else_=s.sun)  # fmt: skip
    step_minutes = (
        select(weekday)
        .where(s.placement_id == running.c.id, s.valid_from <= calendar.c.day)
        .order_by(s.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )
    planned = (
        select(
            running.c.id.label("pid"),
            calendar.c.day.label("day"),
            calendar.c.wk.label("wk"),
            func.coalesce(step_minutes, 0).label("planned"),
        )
        .join(calendar, and_(calendar.c.day >= running.c.start, calendar.c.day <= running.c.last_day))
        .cte("planned")
        .prefix_with("MATERIALIZED")  # the plan is looked up once per day, not once per use
    )
    week: Any = literal_column(SQLITE_WEEK) if dialect == "sqlite" else None
    agreed = Status.ABSENT_AGREED.value
    that_day = and_(a.placement_id == planned.c.pid, a.day == planned.c.day)
    if week is not None:
        that_day = and_(that_day, week == planned.c.wk)
    counted = and_(a.status.is_not(None), a.status != agreed)
    plan_sums = (
        select(
            planned.c.pid,
            func.sum(case((counted, planned.c.planned), else_=0)).label("counted_planned"),
            func.sum(case((and_(a.status.is_(None), planned.c.planned > 0), 1), else_=0)).label("unregistered"),
        )
        .outerjoin(a, that_day)
        .group_by(planned.c.pid)
        .subquery("plan_sums")
    )
    in_window = [a.placement_id == running.c.id, a.day >= first, a.day <= last]
    if week is not None:
        in_window.append(week.between(_sqlite_week(first), _sqlite_week(last)))
    attended = (
        select(func.coalesce(func.sum(case((a.status != agreed, a.minutes), else_=0)), 0))
        .where(*in_window)
        .scalar_subquery()
    )
    met = (  # the citizen's latest meeting about this placement or none: the newest first, read from the index
        select(f.day)
        .where(
            f.citizen_id == running.c.citizen_id,
            f.day <= on,
            or_(f.placement_id.is_(None), f.placement_id == running.c.id),
        )
        .order_by(f.day.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            p.ref,
            p.start,
            p.workplace_mentor_id,
            m.Citizen.ref,
            m.Citizen.name,
            m.Company.name,
            met,
            func.coalesce(plan_sums.c.counted_planned, 0),
            attended,
            func.coalesce(plan_sums.c.unregistered, 0),
        )
        .join(running, running.c.id == p.id)
        .join(m.Citizen, p.citizen_id == m.Citizen.id)
        .join(m.Company, p.company_id == m.Company.id)
        .outerjoin(plan_sums, plan_sums.c.pid == p.id)
    )


def _placement_tasks(row: Any, on: date) -> list[Task]:
    ref, start, mentor_id, citizen_ref, citizen_name, company, met, counted, attended, unregistered = row

    def task(kind: str, when: date | None, value: float | None, tab: str) -> Task:
        return Task(kind, citizen_ref, citizen_name, ref, company, when, value, tab)

    out: list[Task] = []
    due = max(met or start, start) + FOLLOWUP_INTERVAL
    if due < on:
        out.append(task("followup_overdue", due, None, "followup"))
    elif due <= on + DUE_SOON:
        out.append(task("followup_due", due, None, "followup"))
    rate = Fraction(int(attended), int(counted)) if counted else None
    if rate is not None and rate < LOW_ATTENDANCE:
        out.append(task("low_attendance", None, float(rate), "attendance"))
    if unregistered:
        out.append(task("unregistered", None, float(unregistered), "attendance"))
    if mentor_id is None:
        out.append(task("no_mentor", start, None, "placements"))
    return out


def _referral_tasks(s: Session, on: date, refs: list[str] | None = None) -> list[Task]:
    """Referrals still open (no end reason) whose end, the latest extension's if any, is within 30 days."""
    r, e = m.Referral, m.ReferralExtension
    latest = select(e.referral_id, func.max(e.new_end).label("new_end")).group_by(e.referral_id).subquery()
    end = func.coalesce(latest.c.new_end, r.end)
    stmt = (
        select(m.Citizen.ref, m.Citizen.name, r.programme, end)
        .join(m.Citizen, r.citizen_id == m.Citizen.id)
        .outerjoin(latest, latest.c.referral_id == r.id)
        .where(m.Citizen.archived_at.is_(None), r.end_reason.is_(None))
        .where(end >= on, end <= on + REFERRAL_HORIZON)
    )
    rows = s.execute(stmt if refs is None else stmt.where(m.Citizen.ref.in_(refs)))
    return [Task("referral_ending", ref, name, None, programme, when, None, "overview")
            for ref, name, programme, when in rows]  # fmt: skip
