"""Load the results report (issue 18) with a handful of queries; the figures are in domain.results.

Anonymised by default: any signed-in user may make it. The named version (the citizens behind the
numbers) is for roles that may see citizens: the same check as a citizen list.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Integer, and_, case, cast, extract, func, literal, or_, select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.plan import PlacementPlan, Record, Step, danish_holidays
from placement_desk.domain.results import (
    CitizenFacts,
    GoalFacts,
    MonthlyOverview,
    PlacementFacts,
    PlacementSums,
    ReferralFacts,
    Report,
    build_monthly,
    build_report,
)
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import WEEKDAYS, Status
from placement_desk.services import access, audit
from placement_desk.services.common import today


def results_report(
    db: Database,
    first: date,
    last: date,
    programme: str | None = None,
    consultant: str | None = None,
    named: bool = False,
    on: date | None = None,
) -> Report:
    """The report over [first, last], optionally for one programme (a referral's programme, as written)
    or one consultant's citizens (user name). ``named`` checks that the role may see citizens."""
    if named:
        access.require_unscoped(db, Permission.VIEW, "see the named results report")
    if last < first:
        raise ValidationError("to", code="before_from_plain", day=last.isoformat(), first=first.isoformat())
    now = on or today()
    until = min(last, now)
    citizens, facts = _load(db, until, consultant, first=first)
    report = build_report(facts, first, last, now, programme, consultant)
    shown_ids = [cid for cid, (ref, _) in citizens.items() if ref in {c.ref for c in report.citizens}]
    audit.log_read(
        db,
        "results report (named)" if named else "results report (anonymised)",
        shown_ids if named else (),
        period_from=first,
        period_to=last,
        programme=programme,
        consultant=consultant,
    )
    return report


def monthly_overview(db: Database, on: date | None = None) -> MonthlyOverview:
    """Outcomes this month and in the last 12 months, and the citizens longest in a programme without a
    next step (names: for roles that may see citizens)."""
    access.require_unscoped(db, Permission.VIEW, "see the monthly overview")
    now = on or today()
    citizens, facts = _load(db, now, None, with_hours=False)
    overview = build_monthly(facts, now)
    audit.log_read(db, "monthly results overview", [cid for cid, (ref, _) in citizens.items()
                                                    if ref in {w.ref for w in overview.waiting}])  # fmt: skip
    return overview


def _load(
    db: Database,
    until: date,
    consultant: str | None,
    with_hours: bool = True,
    first: date | None = None,
    walk: bool = False,
) -> tuple[dict[int, tuple[str, str]], list[CitizenFacts]]:
    """The citizens (id -> ref, name) and their facts up to ``until``; ``with_hours`` reads the hours
    plans and the attendance sums over [first, until] too (the monthly overview needs neither).
    ``walk`` reads every attendance record instead of the database's sums (the reference the sums are
    tested against; far slower on a big caseload)."""
    with db.reading() as s:
        consultant_id: int | None = None
        if consultant is not None:
            consultant_id = s.scalar(select(m.User.id).where(m.User.username == consultant))
            if consultant_id is None:
                raise ValidationError("consultant", code="no_user_named", name=repr(consultant))
        cq = select(m.Citizen.id, m.Citizen.ref, m.Citizen.name)
        if consultant_id is not None:
            cq = cq.where(m.Citizen.consultant_id == consultant_id)
        citizens = {cid: (ref, name) for cid, ref, name in s.execute(cq)}

        ext = (
            select(m.ReferralExtension.referral_id, func.max(m.ReferralExtension.new_end).label("last_end"))
            .group_by(m.ReferralExtension.referral_id)
            .subquery()
        )
        r = m.Referral
        referrals: dict[int, list[ReferralFacts]] = defaultdict(list)
        for row in s.execute(
            select(r.citizen_id, r.programme, r.start, r.end, ext.c.last_end, r.outcome_kind, r.outcome_date,
                   r.outcome_note)
            .outerjoin(ext, ext.c.referral_id == r.id)
            .order_by(r.citizen_id, r.start, r.position)
        ):  # fmt: skip
            cid, programme_, start, end, last_end, kind, day, note = row
            if cid in citizens and start <= until:
                outcome = Outcome(kind, day, note) if kind is not None and day is not None else None
                referrals[cid].append(ReferralFacts(programme_, start, last_end or end, outcome))

        p = m.Placement
        rows = s.execute(
            select(p.id, p.citizen_id, p.ref, m.Company.name, p.type, p.start, p.end, p.outcome_kind,
                   p.outcome_date, p.outcome_note, p.outcome_hired, p.outcome_hired_minutes)
            .join(m.Company, m.Company.id == p.company_id)
            .where(p.archived_at.is_(None), p.start <= until)
            .order_by(p.citizen_id, p.start, p.ref)
        ).all()  # fmt: skip
        wanted = [row for row in rows if row.citizen_id in citizens]
        ids = [row.id for row in wanted]
        steps: dict[int, list[Step]] = defaultdict(list)
        records: dict[int, dict[date, Record]] = defaultdict(dict)
        sums: dict[int, PlacementSums] = {}
        if ids and with_hours:
            st = m.ScheduleStep
            for pid, valid_from, *minutes, paid in s.execute(
                select(st.placement_id, st.valid_from, st.mon, st.tue, st.wed, st.thu, st.fri, st.sat, st.sun,
                       st.paid_per_week).where(st.placement_id.in_(ids))
            ):  # fmt: skip
                steps[pid].append(Step(valid_from, tuple(minutes), paid))
            if not walk:
                sums = _attendance_sums(s, set(ids), first or until, until)
        if ids and with_hours and walk:
            a = m.AttendanceRecord
            for pid, day, status, mins, reason in s.execute(
                select(a.placement_id, a.day, a.status, a.minutes, a.reason).where(
                    a.placement_id.in_(ids), a.day <= until
                )
            ):
                records[pid][day] = Record(day, Status(status), mins, reason)
        placements: dict[int, list[PlacementFacts]] = defaultdict(list)
        for row in wanted:
            plan = PlacementPlan(row.ref, row.start, row.end, steps.get(row.id, ()), records.get(row.id, {}))
            outcome = (
                Outcome(row.outcome_kind, row.outcome_date, row.outcome_note, row.outcome_hired,
                        row.outcome_hired_minutes)
                if row.outcome_kind is not None and row.outcome_date is not None
                else None
            )  # fmt: skip
            placements[row.citizen_id].append(
                PlacementFacts(row.ref, row.name, row.type, row.start, row.end, plan, outcome,
                               sums.get(row.id, EMPTY) if with_hours and not walk else None)
            )  # fmt: skip

        g, sc = m.Goal, m.GoalScore
        scores: dict[int, list[cf.Score]] = defaultdict(list)
        goal_of: dict[int, tuple[int, str]] = {}
        for gid, cid, area, day, score, assessor in s.execute(
            select(g.id, g.citizen_id, g.area, sc.day, sc.score, sc.assessor)
            .join(sc, sc.goal_id == g.id)
            .where(sc.day <= until)
            .order_by(g.citizen_id, g.position, g.id, sc.day, sc.position)
        ):
            if cid in citizens:
                goal_of[gid] = (cid, area)
                scores[gid].append(cf.Score(day, score, assessor))
        goals: dict[int, list[GoalFacts]] = defaultdict(list)
        for gid, (cid, area) in goal_of.items():
            goals[cid].append(GoalFacts(area, tuple(scores[gid])))

    facts = [
        CitizenFacts(ref, name, tuple(referrals.get(cid, ())), tuple(placements.get(cid, ())),
                     tuple(goals.get(cid, ())))
        for cid, (ref, name) in citizens.items()
        if cid in referrals or cid in placements
    ]  # fmt: skip
    return citizens, facts


EMPTY = PlacementSums({}, 0, 0)


EPOCH = date(1900, 1, 1)  # a Monday, and no date of a case file is before it: weeks count from here


def _weekday(day: Any, dialect: str) -> Any:
    """The weekday of a date column, 0 = Monday (SQLite and PostgreSQL)."""
    if dialect == "sqlite":
        return (cast(func.strftime("%w", day), Integer) + 6) % 7
    return cast(extract("isodow", day), Integer) - 1


def _week(day: Any, dialect: str) -> Any:
    """Whole ISO weeks from :data:`EPOCH` to a date column (its Monday is EPOCH + 7 × that)."""
    if dialect == "sqlite":
        return cast(func.julianday(day) - func.julianday(literal(EPOCH.isoformat())), Integer) // 7
    return cast(day - literal(EPOCH, Date), Integer) // 7


def _attendance_sums(s: Session, ids: set[int], first: date, until: date) -> dict[int, PlacementSums]:
    """Per placement, summed in the database in one pass over its records from its start to its last day
    that counts (never after ``until``): attended minutes per ISO week, and over [first, until] the planned
    and the attended minutes on counted dates (spec section 2: planned(d) is the weekday's minutes in the
    step in force, 0 on a public holiday; counted = registered and not agreed absence)."""
    dialect = s.get_bind().dialect.name
    a, p, st = m.AttendanceRecord, m.Placement, m.ScheduleStep
    wd = _weekday(a.day, dialect)
    in_force = (
        select(case(*[(wd == i, getattr(st, k)) for i, k in enumerate(WEEKDAYS[:6])], else_=st.sun))
        .where(st.placement_id == a.placement_id, st.valid_from <= a.day)
        .order_by(st.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )
    holidays = sorted(d for year in range(first.year, until.year + 1) for d in danish_holidays(year)
                      if first <= d <= until)  # fmt: skip
    counted = and_(a.status != Status.ABSENT_AGREED.value, a.day >= first)
    if holidays:
        counted_planned = case((a.day.in_(holidays), 0), (counted, func.coalesce(in_force, 0)), else_=0)
    else:
        counted_planned = case((counted, func.coalesce(in_force, 0)), else_=0)
    week = _week(a.day, dialect).label("week")
    weekly: dict[int, dict[date, int]] = defaultdict(dict)
    window: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for pid, n, attended, planned_sum, attended_sum in s.execute(
        select(a.placement_id, week, func.sum(a.minutes), func.sum(counted_planned),
               func.sum(case((counted, a.minutes), else_=0)))
        .join(p, p.id == a.placement_id)
        .where(p.archived_at.is_(None), a.day >= p.start, a.day <= until, or_(p.end.is_(None), a.day <= p.end))
        .group_by(a.placement_id, week)
    ):  # fmt: skip
        if pid in ids:
            weekly[pid][EPOCH + timedelta(weeks=int(n))] = int(attended)
            sums = window[pid]
            sums[0] += int(planned_sum or 0)
            sums[1] += int(attended_sum or 0)
    return {pid: PlacementSums(weekly.get(pid, {}), *window.get(pid, (0, 0))) for pid in ids}
