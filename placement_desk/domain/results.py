"""The results report (issue 18): what became of the citizens of a period, as pure figures over plain
data. The figures are defined in ``docs/results.md``; :mod:`placement_desk.services.results` loads the
data, the renderers in :mod:`placement_desk.export` write it.

Anonymised by default: :mod:`placement_desk.domain.results_shown` writes no name, no CPR number and
no ref, and any count from 1 to 4 as ``"<5"`` (with the share, quartiles or rate computed from it), plus
one more count as ``"skjult"`` where a ``"<5"`` would follow by subtraction from a total;
``named=True`` adds the citizens behind the numbers, for roles that may see names.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from placement_desk.domain import casefile as cf
from placement_desk.domain.figures import DayFigures, Totals, day_figures, sustained_level
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.plan import PlacementPlan
from placement_desk.domain.vocab import GoalArea

# Weekly hours bands: (label, lower minutes included, upper minutes excluded; None = no upper bound).
BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0–5 t", 0, 5 * 60),
    ("5–10 t", 5 * 60, 10 * 60),
    ("10–15 t", 10 * 60, 15 * 60),
    ("15–20 t", 15 * 60, 20 * 60),
    ("20–25 t", 20 * 60, 25 * 60),
    ("25–30 t", 25 * 60, 30 * 60),
    ("30–37 t", 30 * 60, 37 * 60),
    ("37 t og derover", 37 * 60, None),
)
NOT_KNOWN = "ikke kendt"
ASSESSORS = ("citizen", "mentor", "consultant", "unknown")


# ---- the data the report is computed from ----------------------------------------------------------


@dataclass(frozen=True)
class ReferralFacts:
    programme: str
    start: date
    end: date | None  # the effective end: the latest extension, else the end (None: open)
    outcome: Outcome | None = None


@dataclass(frozen=True)
class PlacementSums:
    """What the database summed of a placement's attendance (the fast path for a big caseload; without it
    the records in the plan are walked date by date). Dates run from the placement's start to its last day
    that counts, never after the report's last day."""

    weekly: Mapping[int, int]  # minutes attended per ISO week, by its Monday's ordinal (date.toordinal)
    counted_planned: int  # planned minutes on counted dates inside the report's period
    attended_counted: int  # attended minutes on counted dates inside the report's period


@dataclass(frozen=True)
class PlacementFacts:
    ref: str
    company: str  # the company's name
    type: str
    start: date
    end: date | None
    plan: PlacementPlan
    outcome: Outcome | None = None
    sums: PlacementSums | None = None

    @property
    def start_weekly(self) -> int | None:
        """Weekly minutes of the first step of the hours plan (None without a plan)."""
        return self.plan.steps[0].weekly if self.plan.steps else None


@dataclass(frozen=True)
class GoalFacts:
    area: str
    scores: tuple[cf.Score, ...]  # in date order per assessor (the service keeps only the first and latest)


@dataclass(frozen=True)
class CitizenFacts:
    ref: str
    name: str
    referrals: tuple[ReferralFacts, ...] = ()
    placements: tuple[PlacementFacts, ...] = ()
    goals: tuple[GoalFacts, ...] = ()


# ---- the figures ---------------------------------------------------------------------------------


@dataclass
class CitizenResult:
    """One citizen's part of the report (the named version lists these)."""

    ref: str
    name: str
    start: date
    end: date | None  # the path's end if it ended by the report's last day, else None (active)
    started: bool
    outcome: Outcome | None
    outcome_from: str | None  # "referral" or "placement"
    days_to_outcome: int | None
    start_weekly: int | None
    sustained_weekly: int | None
    attendance: Totals
    placements: list[PlacementFacts]


@dataclass
class PlacementRow:
    company: str
    type: str
    placements: int = 0
    ended: int = 0
    hired: int = 0


@dataclass
class GoalRow:
    area: str
    assessor: str
    assessed: int = 0
    progressed: int = 0


@dataclass
class Quartiles:
    n: int
    q1: Fraction
    median: Fraction
    q3: Fraction


@dataclass
class Report:
    first: date
    last: date
    today: date
    programme: str | None = None
    consultant: str | None = None
    citizens: list[CitizenResult] = field(default_factory=list)
    outcome_counts: dict[str, int] = field(default_factory=dict)
    goals: list[GoalRow] = field(default_factory=list)
    placements: list[PlacementRow] = field(default_factory=list)
    attendance: Totals = field(default_factory=Totals)
    programmes: list[str] = field(default_factory=list)  # every programme of the caseload (to choose from)

    @property
    def until(self) -> date:
        """The report's last day that counts (no date after today counts)."""
        return min(self.last, self.today)

    @property
    def included(self) -> int:
        return len(self.citizens)

    @property
    def started(self) -> int:
        return sum(1 for c in self.citizens if c.started)

    @property
    def ended(self) -> int:
        return sum(1 for c in self.citizens if c.end is not None)

    @property
    def active(self) -> int:
        return self.included - self.ended

    @property
    def with_outcome(self) -> int:
        return sum(self.outcome_counts.values())

    @property
    def ended_without_outcome(self) -> int:
        return sum(1 for c in self.citizens if c.end is not None and c.outcome is None)

    @property
    def days_to_outcome(self) -> Quartiles | None:
        return quartiles([c.days_to_outcome for c in self.citizens if c.days_to_outcome is not None])

    def hours_bands(self, which: str) -> list[tuple[str, int]]:
        """Citizens with a placement by band of ``start`` or ``sustained`` weekly hours, then "not known"."""
        values = [c.start_weekly if which == "start" else c.sustained_weekly for c in self.citizens if c.placements]
        rows = [(name, sum(1 for v in values if v is not None and lo <= v and (hi is None or v < hi)))
                for name, lo, hi in BANDS]  # fmt: skip
        return [*rows, (NOT_KNOWN, sum(1 for v in values if v is None))]

    @property
    def with_placement(self) -> int:
        return sum(1 for c in self.citizens if c.placements)

    @property
    def raised_hours(self) -> int:
        """Citizens whose sustained level is above their weekly hours at start."""
        return sum(
            1
            for c in self.citizens
            if c.start_weekly is not None and c.sustained_weekly is not None and c.sustained_weekly > c.start_weekly
        )

    @property
    def attendance_citizens(self) -> int:
        return sum(1 for c in self.citizens if c.attendance.counted_planned > 0)

    @property
    def median_attendance_rate(self) -> Fraction | None:
        rates = [c.attendance.attendance_rate for c in self.citizens if c.attendance.attendance_rate is not None]
        return Fraction(statistics.median(rates)) if rates else None


def quartiles(values: Sequence[int]) -> Quartiles | None:
    """Median and quartiles by linear interpolation between the sorted values (Excel's QUARTILE.INC)."""
    if not values:
        return None
    xs = sorted(values)

    def at(p: Fraction) -> Fraction:
        pos = p * (len(xs) - 1)
        lo = int(pos)
        frac = pos - lo
        nxt = xs[min(lo + 1, len(xs) - 1)]
        return xs[lo] + (nxt - xs[lo]) * frac

    return Quartiles(len(xs), at(Fraction(1, 4)), at(Fraction(1, 2)), at(Fraction(3, 4)))


def _overlaps(start: date, end: date | None, first: date, last: date) -> bool:
    return start <= last and (end is None or end >= first)


def _in_programme(p: PlacementFacts, referrals: Sequence[ReferralFacts]) -> bool:
    return any(r.start <= p.start and (r.end is None or p.start <= r.end) for r in referrals)


def build_report(
    facts: Iterable[CitizenFacts],
    first: date,
    last: date,
    today: date,
    programme: str | None = None,
    consultant: str | None = None,
) -> Report:
    """The report over [first, last] (dates after ``today`` do not count), for one programme if given."""
    report = Report(first, last, today, programme, consultant)
    until = report.until
    by_company: dict[tuple[str, str], PlacementRow] = {}
    goal_rows: dict[tuple[str, str], GoalRow] = {}
    facts = list(facts)
    report.programmes = sorted({r.programme for c in facts for r in c.referrals}, key=str.casefold)
    for c in sorted(facts, key=lambda c: c.ref):
        referrals = [r for r in c.referrals if programme is None or r.programme == programme]
        if programme is not None and not referrals:
            continue
        placements = [p for p in c.placements if programme is None or _in_programme(p, referrals)]
        items: list[tuple[date, date | None]] = [(r.start, r.end) for r in referrals]
        items += [(p.start, p.end) for p in placements]
        if not items:
            continue
        start = min(s for s, _ in items)
        ends = [e for _, e in items]
        end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
        if start > until or (end is not None and end < first):
            continue
        ended = end if end is not None and end <= until else None
        result = _citizen(c, referrals, placements, start, ended, first, until, today)
        report.citizens.append(result)
        report.attendance.merge(result.attendance)
        if result.outcome is not None:
            report.outcome_counts[result.outcome.kind] = report.outcome_counts.get(result.outcome.kind, 0) + 1
        for p in placements:
            if not _overlaps(p.start, p.end, first, until):
                continue
            row = by_company.setdefault((p.company, p.type), PlacementRow(p.company, p.type))
            row.placements += 1
            row.ended += p.end is not None and first <= p.end <= until
            row.hired += bool(p.outcome and p.outcome.hired and first <= p.outcome.day <= until)
        for (area, assessor), progressed in _goal_progress(c.goals, until).items():
            g = goal_rows.setdefault((area, assessor), GoalRow(area, assessor))
            g.assessed += 1
            g.progressed += progressed
    report.placements = sorted(by_company.values(), key=lambda r: (r.company.casefold(), r.type))
    areas = [a.value for a in GoalArea]
    report.goals = sorted(goal_rows.values(), key=lambda g: (areas.index(g.area) if g.area in areas else 99,
                                                             g.area, ASSESSORS.index(g.assessor)))  # fmt: skip
    return report


def _citizen(
    c: CitizenFacts,
    referrals: list[ReferralFacts],
    placements: list[PlacementFacts],
    start: date,
    ended: date | None,
    first: date,
    until: date,
    today: date,
) -> CitizenResult:
    found: list[tuple[date, int, Outcome, str]] = []
    for r in referrals:
        if r.outcome is not None and first <= r.outcome.day <= until:
            found.append((r.outcome.day, 1, r.outcome, "referral"))  # a referral's wins a tie: the programme's
    for p in placements:
        if p.outcome is not None and first <= p.outcome.day <= until:
            found.append((p.outcome.day, 0, p.outcome, "placement"))
    latest = max(found, key=lambda f: (f[0], f[1])) if found else None
    outcome = latest[2] if latest else None
    since = min(r.start for r in referrals) if referrals else start
    counting = [p for p in placements if p.start <= until]
    sustained_weekly: int | None
    if all(p.sums is not None for p in counting):  # summed by the database
        sustained_weekly = _sustained(counting, until, today)
        attendance = Totals(
            counted_planned=sum(p.sums.counted_planned for p in counting if p.sums),
            attended_counted=sum(p.sums.attended_counted for p in counting if p.sums),
        )
    else:
        days: list[DayFigures] = []
        for p in counting:
            days.extend(day_figures(p.plan, p.start, min(p.plan.last_day(today), until), today))
        attendance = Totals()
        for f in days:
            if f.day >= first:
                attendance.add(f)
        sustained = sustained_level(days)
        sustained_weekly = sustained[0] if sustained else None
    ordered = sorted(placements, key=lambda p: (p.start, p.ref))
    return CitizenResult(
        ref=c.ref,
        name=c.name,
        start=start,
        end=ended,
        started=first <= start <= until,
        outcome=outcome,
        outcome_from=latest[3] if latest else None,
        days_to_outcome=(outcome.day - since).days if outcome else None,
        start_weekly=next((p.start_weekly for p in ordered if p.start_weekly is not None), None),
        sustained_weekly=sustained_weekly,
        attendance=attendance,
        placements=ordered,
    )


def _sustained(placements: Sequence[PlacementFacts], until: date, today: date) -> int | None:
    """:func:`sustained_level` from the database's weekly sums: the weeks run from the Monday of the
    first to that of the last date with planned > 0 of any of the placements (weeks without a record
    count as 0); the largest minimum of 4 consecutive weeks, None with fewer than 4 weeks."""
    attended: Mapping[int, int]
    if len(placements) == 1 and placements[0].sums is not None:
        attended = placements[0].sums.weekly
    else:
        merged: dict[int, int] = {}
        for p in placements:
            assert p.sums is not None
            for monday, minutes in p.sums.weekly.items():
                merged[monday] = merged.get(monday, 0) + minutes
        attended = merged
    bounds: list[int] = []
    for p in placements:
        hi = min(p.plan.last_day(today), until)
        for day in (planned_day(p.plan, p.start, hi, today), planned_day(p.plan, p.start, hi, today, last=True)):
            if day is not None:
                bounds.append(day.toordinal() - day.weekday())
    if not bounds:
        return None
    lo = min(bounds)
    get = attended.get
    weeks = [get(monday, 0) for monday in range(lo, max(bounds) + 1, 7)]
    if len(weeks) < 4:
        return None
    return max(map(min, weeks, weeks[1:], weeks[2:], weeks[3:]))


def planned_day(plan: PlacementPlan, lo: date, hi: date, today: date, last: bool = False) -> date | None:
    """The first (or last) date in [lo, hi] with planned(d) > 0: looked for only in the steps of the plan
    that plan any hours, and there only on the weekdays the step plans (a public holiday plans none), so a
    long placement is not walked date by date."""
    spans: list[tuple[date, date, tuple[int, ...]]] = []
    steps = plan.steps
    for i, step in enumerate(steps):
        if not any(step.minutes):
            continue
        a = max(step.start, lo)
        b = min(hi, steps[i + 1].start - timedelta(days=1)) if i + 1 < len(steps) else hi
        if a <= b:
            spans.append((a, b, step.minutes))
    one = timedelta(days=-1 if last else 1)
    for a, b, minutes in reversed(spans) if last else spans:
        day = b if last else a
        while a <= day <= b:  # (the step is in force on these dates: planned(d) is its minutes or 0)
            if minutes[day.weekday()] and plan.planned(day, today) > 0:
                return day
            day += one
    return None


def _goal_progress(goals: Sequence[GoalFacts], until: date) -> dict[tuple[str, str], bool]:
    """Per (life area, assessor) with two or more scores on a goal: did any goal's latest beat its first?"""
    out: dict[tuple[str, str], bool] = {}
    for g in goals:
        by: dict[str, list[cf.Score]] = {}
        for s in g.scores:
            if s.day <= until:
                by.setdefault(s.assessor or "unknown", []).append(s)
        for assessor, scores in by.items():
            if len(scores) < 2:
                continue
            ordered = sorted(scores, key=lambda s: s.day)  # stable: same-day scores keep their order
            key = (g.area, assessor)
            out[key] = out.get(key, False) or ordered[-1].score > ordered[0].score
    return out


# ---- the monthly overview --------------------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """A citizen in a running referral without an outcome: how long, and whether a placement runs."""

    ref: str
    name: str
    programme: str
    since: date
    days: int
    in_placement: bool


@dataclass
class MonthlyOverview:
    today: date
    months: list[tuple[str, dict[str, int]]]  # the last 12 months (oldest first): outcomes by kind
    waiting: list[Waiting]  # longest first

    @property
    def this_month(self) -> dict[str, int]:
        return self.months[-1][1]


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def build_monthly(facts: Iterable[CitizenFacts], today: date, longest: int = 10) -> MonthlyOverview:
    """Outcomes per month for the 12 months up to ``today`` (a citizen counts once a month: their latest
    outcome in it), and the ``longest`` waits in a running referral (started, not ended before today)
    that has no outcome."""
    keys: list[str] = []
    y, mo = today.year, today.month
    for _ in range(12):
        keys.append(f"{y}-{mo:02d}")
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    keys.reverse()
    months: dict[str, dict[str, int]] = {k: {} for k in keys}
    waiting: list[Waiting] = []
    for c in facts:
        latest: dict[str, tuple[date, int, str]] = {}
        for prio, o in [(1, r.outcome) for r in c.referrals] + [(0, p.outcome) for p in c.placements]:
            if o is None or o.day > today or _month(o.day) not in months:
                continue
            key = _month(o.day)
            if key not in latest or (o.day, prio) > latest[key][:2]:
                latest[key] = (o.day, prio, o.kind)
        for key, (_, _, kind) in latest.items():
            months[key][kind] = months[key].get(kind, 0) + 1
        running = [r for r in c.referrals if r.start <= today and (r.end is None or r.end >= today) and r.outcome is None]
        if running:
            first = min(running, key=lambda r: r.start)
            placed = any(p.start <= today and (p.end is None or p.end >= today) for p in c.placements)
            waiting.append(Waiting(c.ref, c.name, first.programme, first.start, (today - first.start).days, placed))
    waiting.sort(key=lambda w: (-w.days, w.ref))
    return MonthlyOverview(today, [(k, months[k]) for k in keys], waiting[:longest])
