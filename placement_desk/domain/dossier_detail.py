"""The prepared detail of a dossier beyond the summary figures: chart series, capacity trend,
task breakdown, scores by assessor, absence by date and the programmes of the period.

Everything is computed here, exactly (minutes, ``Fraction``); the PDF and Excel renderers only
round and format it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from placement_desk.domain import casefile as cf
from placement_desk.domain.figures import Figures, Totals
from placement_desk.domain.vocab import Assessor


@dataclass(frozen=True)
class PeriodRow:
    """One ISO week (``2022-W36``) or month (``2022-09``) with its first day and its figures."""

    key: str
    first_day: date
    totals: Totals


def week_monday(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def month_first(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def week_rows(fig: Figures) -> list[PeriodRow]:
    """The weeks of the summary: every week with planned hours or a record, in order."""
    return [PeriodRow(k, week_monday(k), t) for k, t in fig.weeks()]


def month_rows(fig: Figures) -> list[PeriodRow]:
    """The months of the summary: every month with planned hours or a record, in order."""
    return [PeriodRow(k, month_first(k), t) for k, t in fig.months()]


def week_series(fig: Figures) -> list[PeriodRow]:
    """Every ISO week from the first to the last active week, gaps included as empty weeks (charts)."""
    active = week_rows(fig)
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
