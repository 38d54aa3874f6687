"""The prepared detail of a dossier beyond the summary figures: chart series, how the planned hours
split (counted, agreed absence, no record), capacity trend, task breakdown, scores by assessor,
absence and agreed absence by date, and the programmes of the period.

Everything is computed here, exactly (minutes, ``Fraction``); the PDF and Excel renderers only
round and format it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from placement_desk.domain import casefile as cf
from placement_desk.domain.figures import DayFigures, Figures, Totals, month_key, week_key
from placement_desk.domain.vocab import Assessor


@dataclass(frozen=True)
class PlanSplit:
    """How the planned minutes of a set of dates split beside the counted ones (spec section 2):
    ``planned = counted_planned + agreed + unrecorded``.

    ``agreed``: planned minutes on dates registered as agreed absence (holiday, treatment, meetings:
    shown, though excluded from the rates); ``unrecorded``: planned minutes on dates without a record
    (the forgotten days, and today when it is not logged yet)."""

    agreed: int = 0
    unrecorded: int = 0

    def plus(self, f: DayFigures) -> PlanSplit:
        if f.planned <= 0 or f.counted:
            return self
        if f.registered:
            return PlanSplit(self.agreed + f.planned, self.unrecorded)
        return PlanSplit(self.agreed, self.unrecorded + f.planned)


@dataclass(frozen=True)
class Splits:
    """The plan splits of a dossier by week, month and placement, and in total."""

    total: PlanSplit = PlanSplit()
    by_week: Mapping[str, PlanSplit] = field(default_factory=dict)
    by_month: Mapping[str, PlanSplit] = field(default_factory=dict)
    by_placement: Mapping[str, PlanSplit] = field(default_factory=dict)


def plan_splits(fig: Figures) -> Splits:
    """Agreed-absence and unrecorded planned minutes per week, month and placement (exact minutes)."""
    total = PlanSplit()
    weeks: dict[str, PlanSplit] = {}
    months: dict[str, PlanSplit] = {}
    placements: dict[str, PlanSplit] = {}
    for f in fig.days:
        if f.planned <= 0 or f.counted:
            continue
        total = total.plus(f)
        for target, key in ((weeks, week_key(f.day)), (months, month_key(f.day)), (placements, f.placement)):
            target[key] = target.get(key, PlanSplit()).plus(f)
    return Splits(total, weeks, months, placements)


@dataclass(frozen=True)
class PeriodRow:
    """One ISO week (``2022-W36``) or month (``2022-09``) with its first day and its figures."""

    key: str
    first_day: date
    totals: Totals
    split: PlanSplit = PlanSplit()


def week_monday(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def month_first(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def week_rows(fig: Figures, splits: Splits | None = None) -> list[PeriodRow]:
    """The weeks of the summary: every week with planned hours or a record, in order."""
    by_week = (splits or plan_splits(fig)).by_week
    return [PeriodRow(k, week_monday(k), t, by_week.get(k, PlanSplit())) for k, t in fig.weeks()]


def month_rows(fig: Figures, splits: Splits | None = None) -> list[PeriodRow]:
    """The months of the summary: every month with planned hours or a record, in order."""
    by_month = (splits or plan_splits(fig)).by_month
    return [PeriodRow(k, month_first(k), t, by_month.get(k, PlanSplit())) for k, t in fig.months()]


def week_series(fig: Figures, splits: Splits | None = None) -> list[PeriodRow]:
    """Every ISO week from the first to the last active week, gaps included as empty weeks (charts)."""
    active = week_rows(fig, splits)
    if not active:
        return []
    by_monday = {r.first_day: r for r in active}
    out: list[PeriodRow] = []
    monday = active[0].first_day
    while monday <= active[-1].first_day:
        row = by_monday.get(monday)
        if row is None:
            y, w, _ = monday.isocalendar()
            row = PeriodRow(f"{y}-W{w:02d}", monday, Totals())
        out.append(row)
        monday += timedelta(weeks=1)
    return out


# ---- work capacity ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    """One task of a wage-value style assessment; performance = tempo x quality."""

    name: str
    time_share_pct: int
    tempo_pct: int
    quality_pct: int

    @property
    def performance_pct(self) -> Fraction:
        return Fraction(self.tempo_pct * self.quality_pct, 100)


@dataclass(frozen=True)
class CapacityPoint:
    """A capacity assessment of one placement on one date."""

    day: date
    placement: str
    company: str
    effectiveness_pct: Fraction
    note: str | None
    tasks: tuple[TaskRow, ...] = ()

    @property
    def weighted_performance_pct(self) -> Fraction | None:
        """The tasks' performance weighted by their share of the time (None without tasks)."""
        share = sum(t.time_share_pct for t in self.tasks)
        if not share:
            return None
        return sum((t.time_share_pct * t.performance_pct for t in self.tasks), Fraction(0)) / share


def capacity_points(
    placements: Iterable[cf.Placement], company_names: Mapping[str, str], first: date, last: date
) -> list[CapacityPoint]:
    """Every capacity assessment dated inside [first, last], in date order (then placement)."""
    out = [
        CapacityPoint(
            day=c.day,
            placement=p.ref,
            company=company_names.get(p.company, p.company),
            effectiveness_pct=Fraction(c.effectiveness_cpct, 100),
            note=c.note,
            tasks=tuple(TaskRow(t.name, t.time_share_pct, t.tempo_pct, t.quality_pct) for t in c.tasks),
        )
        for p in placements
        for c in p.capacity
        if first <= c.day <= last
    ]
    out.sort(key=lambda c: (c.day, c.placement))
    return out


# ---- goals --------------------------------------------------------------------------------------

ASSESSOR_ORDER: tuple[str | None, ...] = (Assessor.CITIZEN.value, Assessor.MENTOR.value, Assessor.CONSULTANT.value, None)


@dataclass(frozen=True)
class AssessorScores:
    """One assessor's scores of a goal, in date order (assessor None: not recorded who scored)."""

    assessor: str | None
    first: cf.Score
    latest: cf.Score
    count: int
    history: tuple[cf.Score, ...] = ()


def scores_by_assessor(scores: Sequence[cf.Score]) -> tuple[AssessorScores, ...]:
    """First and latest score per assessor: citizen, mentor, consultant, then unnamed."""
    groups: dict[str | None, list[cf.Score]] = {}
    for s in sorted(scores, key=lambda s: s.day):
        groups.setdefault(s.assessor, []).append(s)
    order = list(ASSESSOR_ORDER) + sorted(k for k in groups if k not in ASSESSOR_ORDER and k is not None)
    return tuple(
        AssessorScores(a, groups[a][0], groups[a][-1], len(groups[a]), tuple(groups[a])) for a in order if a in groups
    )


# ---- absence by date ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AbsenceDay:
    """One counted date with absence (absent(d) > 0), as the doctor's overview lists it."""

    day: date
    placement: str
    company: str
    status: str
    planned: int
    attended: int
    absent: int
    reason: str  # the group it is counted under (lower-cased reason, or the status)
    reason_text: str | None  # the reason as written
    note: str | None


def absence_days(
    fig: Figures, placements: Iterable[cf.Placement], company_names: Mapping[str, str]
) -> tuple[list[AbsenceDay], int]:
    """Every date with counted absence in date order, and the number of agreed-absence dates
    (planned dates registered as agreed absence: spec ``agreed_absence_days``)."""
    records = {(p.ref, a.day): a for p in placements for a in p.attendance}
    companies = {p.ref: company_names.get(p.company, p.company) for p in placements}
    out: list[AbsenceDay] = []
    agreed = 0
    for f in fig.days:
        record = records.get((f.placement, f.day))
        if record is None:
            continue
        if f.agreed:
            agreed += 1
        if f.absent <= 0 or f.reason is None:
            continue
        out.append(
            AbsenceDay(
                day=f.day,
                placement=f.placement,
                company=companies.get(f.placement, ""),
                status=record.status,
                planned=f.planned,
                attended=f.attended,
                absent=f.absent,
                reason=f.reason,
                reason_text=record.reason,
                note=record.note,
            )
        )
    out.sort(key=lambda a: (a.day, a.placement))
    return out, agreed


@dataclass(frozen=True)
class AgreedDay:
    """One planned date registered as agreed absence (holiday, treatment, a meeting elsewhere)."""

    day: date
    placement: str
    company: str
    planned: int
    reason: str  # the group: the lower-cased, trimmed reason, or ``absent_agreed`` without one
    reason_text: str | None
    note: str | None


@dataclass(frozen=True)
class AgreedReason:
    reason: str
    days: int
    minutes: int


def agreed_days(
    fig: Figures, placements: Iterable[cf.Placement], company_names: Mapping[str, str]
) -> list[AgreedDay]:
    """Every planned date registered as agreed absence, in date order (spec ``agreed_absence_days``)."""
    records = {(p.ref, a.day): a for p in placements for a in p.attendance}
    companies = {p.ref: company_names.get(p.company, p.company) for p in placements}
    out = []
    for f in fig.days:
        record = records.get((f.placement, f.day))
        if record is None or not f.agreed:
            continue
        group = (record.reason or "").strip().lower() or "absent_agreed"
        out.append(AgreedDay(f.day, f.placement, companies.get(f.placement, ""), f.planned, group, record.reason,
                             record.note))  # fmt: skip
    out.sort(key=lambda a: (a.day, a.placement))
    return out


def agreed_by_reason(days: Iterable[AgreedDay]) -> list[AgreedReason]:
    """Agreed absence grouped by reason: most hours first, then reason."""
    groups: dict[str, list[int]] = {}
    for a in days:
        g = groups.setdefault(a.reason, [0, 0])
        g[0] += 1
        g[1] += a.planned
    return sorted((AgreedReason(r, n, m) for r, (n, m) in groups.items()), key=lambda r: (-r.minutes, r.reason))


# ---- programmes ---------------------------------------------------------------------------------


def referral_last_day(r: cf.Referral) -> date | None:
    """The referral's end after its extensions (None: open)."""
    ends = [e for e in (r.end, *r.extensions) if e is not None]
    return max(ends) if ends else None


def programmes(citizen: cf.Citizen, first: date, last: date) -> list[cf.Referral]:
    """The referrals that overlap the period, in start order."""
    out = []
    for r in citizen.referrals:
        end = referral_last_day(r)
        if r.start <= last and (end is None or end >= first):
            out.append(r)
    return sorted(out, key=lambda r: r.start)
