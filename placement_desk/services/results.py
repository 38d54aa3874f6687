"""Load the results report (issue 18) with a handful of queries; the figures are in domain.results.

Anonymised by default: any signed-in user may make it. The named version (the citizens behind the
numbers) is for roles that may see citizens: the same check as a citizen list.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, Date, Integer, and_, cast, extract, func, literal, literal_column, select
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
from placement_desk.domain.vocab import Status
from placement_desk.services import access, audit
from placement_desk.services.common import today
from placement_desk.services.results_weeks import Series, keep, weekly_series


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
    fresh: Series = {}  # weekly sums grouped anew: kept for the next report (results_weeks)
    with db.reading() as s:
        citizens = _citizens(s, consultant)
        referrals = _referrals(s, citizens, until)
        placements = _placements(s, citizens, until, with_hours, first or until, walk, fresh)
        goals = _goals(s, citizens, until)
        if db.write_refusal is None:
            keep(s, fresh)
    facts = [
        CitizenFacts(ref, name, tuple(referrals.get(cid, ())), tuple(placements.get(cid, ())),
                     tuple(goals.get(cid, ())))
        for cid, (ref, name) in citizens.items()
        if cid in referrals or cid in placements
    ]  # fmt: skip
    return citizens, facts


def _citizens(s: Session, consultant: str | None) -> dict[int, tuple[str, str]]:
    """id -> (ref, name) of every citizen, or of one consultant's."""
    cq = select(m.Citizen.id, m.Citizen.ref, m.Citizen.name)
    if consultant is not None:
        consultant_id = s.scalar(select(m.User.id).where(m.User.username == consultant))
        if consultant_id is None:
            raise ValidationError("consultant", code="no_user_named", name=repr(consultant))
        cq = cq.where(m.Citizen.consultant_id == consultant_id)
    # Core rows: no ORM bookkeeping over tens of thousands of rows
    return {cid: (ref, name) for cid, ref, name in s.connection().execute(cq)}


def _referrals(s: Session, citizens: Mapping[int, object], until: date) -> dict[int, list[ReferralFacts]]:
    ext = (
        select(m.ReferralExtension.referral_id, func.max(m.ReferralExtension.new_end).label("last_end"))
        .group_by(m.ReferralExtension.referral_id)
        .subquery()
    )
    r = m.Referral
    referrals: dict[int, list[ReferralFacts]] = defaultdict(list)
    for row in s.connection().execute(
        select(r.citizen_id, r.programme, r.start, r.end, ext.c.last_end, r.outcome_kind, r.outcome_date,
               r.outcome_note)
        .outerjoin(ext, ext.c.referral_id == r.id)
        .order_by(r.citizen_id, r.start, r.position)
    ).all():  # fmt: skip
        cid, programme_, start, end, last_end, kind, day, note = row
        if cid in citizens and start <= until:
            outcome = Outcome(kind, day, note) if kind is not None and day is not None else None
            referrals[cid].append(ReferralFacts(programme_, start, last_end or end, outcome))
    return referrals


def _placements(
    s: Session,
    citizens: Mapping[int, object],
    until: date,
    with_hours: bool,
    first: date,
    walk: bool,
    fresh: Series,
) -> dict[int, list[PlacementFacts]]:
    p = m.Placement
    rows = s.connection().execute(
        select(p.id, p.citizen_id, p.ref, m.Company.name, p.type, p.start, p.end, p.outcome_kind,
               p.outcome_date, p.outcome_note, p.outcome_hired, p.outcome_hired_minutes)
        .join(m.Company, m.Company.id == p.company_id)
        .where(p.archived_at.is_(None), p.start <= until)
        .order_by(p.citizen_id, p.start, p.ref)
    ).all()  # fmt: skip
    wanted = [row for row in rows if row.citizen_id in citizens]
    ids = [row.id for row in wanted]
    steps = _steps(s, set(ids)) if ids and with_hours else {}
    sums: dict[int, PlacementSums] = {}
    records: dict[int, dict[date, Record]] = {}
    if ids and with_hours and not walk:
        plans = {row.id: PlacementPlan(row.ref, row.start, row.end, steps.get(row.id, ())) for row in wanted}
        sums = _attendance_sums(s, plans, first, until, until, fresh)
    elif ids and with_hours:
        records = _records(s, ids, until)
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
    return placements


def _steps(s: Session, wanted_ids: set[int]) -> dict[int, list[Step]]:
    st = m.ScheduleStep
    steps: dict[int, list[Step]] = defaultdict(list)
    for pid, valid_from, *minutes, paid in _fetch_all(s,
        select(st.placement_id, st.valid_from, st.mon, st.tue, st.wed, st.thu, st.fri, st.sat, st.sun,
               st.paid_per_week)
    ):  # fmt: skip
        if pid in wanted_ids:
            steps[pid].append(Step(_day(valid_from), tuple(minutes), paid))
    return steps


def _records(s: Session, ids: list[int], until: date) -> dict[int, dict[date, Record]]:
    """Every attendance record of the placements up to ``until`` (the reference walk)."""
    a = m.AttendanceRecord
    records: dict[int, dict[date, Record]] = defaultdict(dict)
    for pid, day, status, mins, reason in s.connection().execute(
        select(a.placement_id, a.day, a.status, a.minutes, a.reason).where(a.placement_id.in_(ids), a.day <= until)
    ):
        records[pid][day] = Record(day, Status(status), mins, reason)
    return records


def _goals(s: Session, citizens: Mapping[int, object], until: date) -> dict[int, list[GoalFacts]]:
    """Per citizen their goals, each with only the scores the figures look at: per assessor the first
    score up to ``until`` and, when there are two or more, the latest (by day, then entry order). The
    database finds both as the least and greatest of one number per score that holds its day, its place
    in the goal's list and the score itself: some 66,000 scores on the benchmark come back as a few
    thousand rows."""
    g, sc = m.Goal, m.GoalScore
    key = (
        _day_number(s.get_bind().dialect.name, sc.day) * literal(1 << 32, BigInteger)
        + sc.position * 16
        + (sc.score + 5)
    )
    scores: dict[int, list[cf.Score]] = defaultdict(list)
    for gid, assessor, n, first, last in _fetch_all(
        s, select(sc.goal_id, sc.assessor, func.count(), func.min(key), func.max(key))
        .where(sc.day <= until).group_by(sc.goal_id, sc.assessor)
    ):  # fmt: skip
        scores[gid].append(_score(first, assessor))
        if n > 1:
            scores[gid].append(_score(last, assessor))
    goals: dict[int, list[GoalFacts]] = defaultdict(list)
    for gid, cid, area in s.connection().execute(select(g.id, g.citizen_id, g.area).order_by(g.citizen_id,
                                                                                          g.position, g.id)):  # fmt: skip
        if cid in citizens and gid in scores:
            goals[cid].append(GoalFacts(area, tuple(scores[gid])))
    return goals


def _score(key: int, assessor: str | None) -> cf.Score:
    """A score from the number :func:`_goals` orders scores by (day, place in the list, score + 5)."""
    return cf.Score(EPOCH + timedelta(days=key >> 32), (key & 15) - 5, assessor)


def _day_number(dialect: str, day: Any) -> Any:
    """A date column as whole days since EPOCH."""
    if dialect == "sqlite":
        return cast(func.julianday(day), Integer) - (EPOCH.toordinal() + JD_OFFSET)
    return cast(day - literal(EPOCH, Date), BigInteger)  # (times 2**32: PostgreSQL's integer is 32 bits)


EMPTY = PlacementSums({}, 0, 0)


EPOCH = date(1900, 1, 1)  # a Monday, and no date of a case file is before it


def _week_columns(dialect: str) -> tuple[Any, Any, int]:
    """The ISO week of ``attendance.day`` as a whole number, its weekday (0 = Monday), and the ordinal
    of the Monday of week 0. On SQLite both are written exactly as in the index ``ix_attendance_week``
    (migration 0007), so the grouping reads that index in order instead of sorting a million rows."""
    if dialect == "sqlite":
        return (literal_column(f"(({SQLITE_JD} + 1) / 7)"), literal_column(f"(({SQLITE_JD} + 1) % 7)"),
                -JD_OFFSET - 1)  # fmt: skip
    a = m.AttendanceRecord
    return (cast(a.day - literal(EPOCH, Date), Integer) // 7, cast(extract("isodow", a.day), Integer) - 1,
            EPOCH.toordinal())  # fmt: skip


# julianday() of a date is its Julian day at noon less a half: the integer part is the day's ordinal plus
# JD_OFFSET; plus one, a multiple of 7 is a Monday.
SQLITE_JD = "CAST(julianday(attendance.day) AS INTEGER)"
JD_OFFSET = 1721424


def _attendance_sums(  # noqa: C901, PLR0915 - one pass over ~230,000 weekly sums, kept in one frame for speed
    s: Session, plans: Mapping[int, PlacementPlan], first: date, until: date, today: date, fresh: Series
) -> dict[int, PlacementSums]:
    """Per placement: attended minutes per ISO week from its start to its last day that counts (never
    after ``until``), and over [first, until] the planned and the attended minutes on counted dates
    (spec section 2: planned(d) is the weekday's minutes in the step in force, 0 on a public holiday;
    counted = registered and not agreed absence).

    The database sums every record by placement and week, with the weekdays that have a record as bits;
    planned(d) of those weekdays comes from the step in force (once per step and set of weekdays). The
    few records that do not count as those sums assume are then read one by one and taken out again:
    agreed absence, records outside their placement's period, after ``until`` in its week, and before
    ``first`` in its week."""
    a, p = m.AttendanceRecord, m.Placement
    agreed = Status.ABSENT_AGREED.value
    week, weekday, monday0 = _week_columns(s.get_bind().dialect.name)
    first_monday = first - timedelta(days=first.weekday())
    first_n = (first_monday.toordinal() - monday0) // 7
    until_n = (until.toordinal() - monday0) // 7
    holidays: dict[int, int] = defaultdict(int)  # week -> its public holidays (bits)
    for year in range(first.year - 1, until.year + 2):
        for d in danish_holidays(year):
            holidays[(d.toordinal() - monday0) // 7] |= 1 << d.weekday()
    weeks = {pid: _PlanWeeks(plan, monday0, today) for pid, plan in plans.items()}
    weekly: dict[int, dict[int, int]] = {pid: {} for pid in plans}  # placement -> Monday's ordinal -> minutes
    window = {pid: [0, 0] for pid in plans}  # placement -> [counted planned, attended counted]
    # One pass over some 230,000 weekly sums (kept from an earlier report, or grouped by the database:
    # results_weeks), placement by placement, with the step in force kept in locals.
    for pid, flat in weekly_series(s, plans, week, weekday, fresh).items():
        w = weeks[pid]
        mine, (planned, attended) = weekly[pid], window[pid]
        starts, mixed, lo_n, hi_n = w.starts, w.mixed, 1, 0  # (no step looked up yet)
        memo: dict[int, int] | None = None
        step_minutes: tuple[int, ...] = ()
        it = iter(flat)
        for n, minutes, mask in zip(it, it, it, strict=True):
            if n > until_n:
                continue
            mine[monday0 + 7 * n] = minutes
            if n < first_n:
                continue
            attended += minutes  # counted, for now (no holiday is planned)
            hol = holidays.get(n)
            days = mask & ~hol if hol else mask
            if not days:
                continue
            if not lo_n <= n < hi_n:  # another step is in force: found once per step, not per week
                i = bisect_right(starts, n) - 1
                lo_n = starts[i] if i >= 0 else -(1 << 62)
                hi_n = starts[i + 1] if i + 1 < len(starts) else 1 << 62
                memo = w.memo[i] if i >= 0 else None
                step_minutes = w.plan.steps[i].minutes if i >= 0 else ()
            if memo is None:
                continue  # before the plan's first step: nothing is planned
            if n in mixed:
                planned += w.planned(n, days)
            else:
                found = memo.get(days)
                if found is None:
                    found = memo[days] = sum(map(step_minutes.__getitem__, WEEKDAYS[days]))
                planned += found
        window[pid] = [planned, attended]
    # the records the sums above took as inside the placement's period and [first, until] and are not
    columns = (a.placement_id, a.day, a.minutes, a.status)
    after = until + timedelta(days=6 - until.weekday())
    special: dict[tuple[int, date], tuple[int, str]] = {}
    for q in (  # "+ 0": SQLite walks the placements and seeks each one's records, not the other way round
        select(*columns).select_from(p).join(a, and_(a.placement_id == p.id + 0, a.day < p.start)),
        select(*columns).select_from(p).join(a, and_(a.placement_id == p.id + 0, a.day > p.end)),
        select(*columns).where(a.day >= first_monday, a.day < first),
        select(*columns).where(a.day > until, a.day <= after),
        select(*columns).where(a.status == literal_column(f"'{agreed}'")),  # (few: read from their own
        # partial index, migration 0008, which only a literal status matches)
    ):
        for pid, day, minutes, status in _fetch_all(s, q):
            if pid in plans:
                special[(pid, _day(day))] = (minutes, status)
    for (pid, day), (minutes, status) in special.items():
        plan, n = plans[pid], (day.toordinal() - monday0) // 7
        if n > until_n:
            continue
        inside = plan.start <= day <= until and (plan.end is None or day <= plan.end)
        monday = monday0 + 7 * n
        if not inside:  # (a week left with 0 minutes counts as one without records)
            weekly[pid][monday] -= minutes
        if n >= first_n and not (inside and day >= first and status != agreed):  # summed as counted: it is not
            sums = window[pid]
            sums[0] -= weeks[pid].planned(n, 1 << day.weekday() & ~holidays.get(n, 0))
            sums[1] -= minutes
    return {pid: PlacementSums(weekly[pid], *window[pid]) for pid in plans}


class _PlanWeeks:
    """planned(d) of one placement summed over a set of weekdays of a week (by number): from the step in
    force (remembered per step and set of weekdays), date by date only in a week where a step begins
    after its Monday."""

    def __init__(self, plan: PlacementPlan, monday0: int, today: date) -> None:
        self.plan, self.monday0, self.today = plan, monday0, today
        self.starts = [(s.start.toordinal() - monday0) // 7 for s in plan.steps]
        self.mixed = {n for n, s in zip(self.starts, plan.steps, strict=True) if s.start.weekday()}
        self.memo: list[dict[int, int]] = [{} for _ in plan.steps]

    def planned(self, n: int, mask: int) -> int:
        if not mask:
            return 0
        if n in self.mixed:
            monday = self.monday0 + 7 * n
            planned, today = self.plan.planned, self.today
            return sum(planned(date.fromordinal(monday + i), today) for i in WEEKDAYS[mask])
        i = bisect_right(self.starts, n) - 1
        if i < 0:
            return 0
        memo = self.memo[i]
        found = memo.get(mask)
        if found is None:
            found = memo[mask] = sum(map(self.plan.steps[i].minutes.__getitem__, WEEKDAYS[mask]))
        return found


WEEKDAYS = [tuple(d for d in range(7) if mask >> d & 1) for mask in range(128)]  # a set of weekdays (bits)


def _day(value: date | str) -> date:
    """A date as the driver returns it: SQLite's text (ISO 8601), PostgreSQL's date."""
    return value if isinstance(value, date) else _iso_day(value)


@lru_cache(maxsize=8192)
def _iso_day(value: str) -> date:  # (the same dates come back many times: scores, records of a week)
    return date.fromisoformat(value)


def _fetch_all(s: Session, query: Any) -> list[Any]:
    """Every row of ``query`` as the database driver's tuples (SQLAlchemy's rows cost more than the
    query on a quarter of a million of them); parameters are bound as SQLAlchemy binds them, the values
    read are the driver's (SQLite: a date is ISO text, see :func:`_day`)."""
    result = s.connection().execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()
