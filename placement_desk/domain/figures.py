"""The figures of spec section 2, computed per date and summed over any set of dates.

All sums are exact (minutes as ``int``, fractions as ``Fraction``); rounding happens only when a
figure is written out (see :mod:`placement_desk.domain.numbers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from placement_desk.domain.plan import PlacementPlan, days


class DayFigures(NamedTuple):
    """The figures of one date of one placement. The exact fractions (paid and effective minutes) are
    kept as integer numerator and denominator: building and summing thousands of ``Fraction``
    objects is slow (a tuple, for the same reason: one is made per date of a whole record)."""

    placement: str
    day: date
    planned: int
    registered: bool
    counted: bool
    attended: int
    absent: int
    reason: str | None
    paid_num: int = 0  # paid_planned = paid_num / paid_den
    paid_den: int = 1
    eff_num: int | None = None  # effective = eff_num / eff_den (None: no capacity assessment yet)
    eff_den: int = 1
    before_today: bool = True  # a date before today (today's attendance may not be logged yet)

    @property
    def unregistered(self) -> bool:
        """Planned, before today, and no record: a day someone forgot to register."""
        return self.planned > 0 and not self.registered and self.before_today

    @property
    def agreed(self) -> bool:
        """Planned and registered as agreed absence (shown, though excluded from the rates)."""
        return self.planned > 0 and self.registered and not self.counted

    @property
    def paid_planned(self) -> Fraction:
        return Fraction(self.paid_num, self.paid_den)

    @property
    def effective(self) -> Fraction | None:
        return None if self.eff_num is None else Fraction(self.eff_num, self.eff_den)


def day_figures(plan: PlacementPlan, first: date, last: date, today: date) -> Iterator[DayFigures]:
    """The per-date figures of one placement for every date in [first, last] that matters.

    Dates outside the placement's period have planned 0, so only the overlap is walked, plus any
    attendance record inside [first, last] (a record always counts when its date is in the set).
    No date after today counts (spec section 2): a record registered ahead (agreed leave) is left
    out until its day has come.
    """
    last = min(last, today)
    lo = max(first, plan.start)
    hi = min(last, plan.last_day(today))
    for day in days(lo, hi):
        yield _one_day(plan, day, today)
    for day in sorted(plan.records):
        if first <= day <= last and not lo <= day <= hi:  # a record outside the walked dates
            yield _one_day(plan, day, today)


def _one_day(plan: PlacementPlan, day: date, today: date) -> DayFigures:
    planned, step = plan.planned_with_step(day, today)
    record = plan.records.get(day)
    attended = record.minutes if record else 0
    counted = record is not None and record.counted
    absent = max(planned - attended, 0) if counted else 0
    reason = record.absence_reason() if record is not None and absent > 0 else None
    eff_num: int | None = None
    eff_den = 1
    if record is not None:
        eff = plan.effectiveness(day)
        if eff is not None:
            eff_num, eff_den = attended * eff.numerator, eff.denominator * 100
    paid_num, paid_den = 0, 1
    if planned and step is not None and step.weekly:
        paid_num, paid_den = planned * step.paid_per_week, step.weekly
    return DayFigures(plan.ref, day, planned, record is not None, counted, attended, absent, reason, paid_num,
                      paid_den, eff_num, eff_den, day < today)  # fmt: skip


@dataclass(eq=False)
class Totals:
    """Sums over a set of dates (minutes; exact fractions)."""

    planned: int = 0
    counted_planned: int = 0
    attended: int = 0
    attended_counted: int = 0
    absent: int = 0
    unregistered_days: int = 0
    registered_days: int = 0
    agreed_absence_days: int = 0
    effective_basis: int = 0  # minutes attended on registered dates with a known effectiveness
    # paid and effective minutes as sums of integer numerators per denominator (exact, and fast to add)
    paid_parts: dict[int, int] = field(default_factory=dict, repr=False)
    effective_parts: dict[int, int] | None = field(default=None, repr=False)

    def merge(self, other: Totals) -> None:
        """Add another set's sums to these (exact: integers and integer parts)."""
        self.planned += other.planned
        self.counted_planned += other.counted_planned
        self.attended += other.attended
        self.attended_counted += other.attended_counted
        self.absent += other.absent
        self.unregistered_days += other.unregistered_days
        self.registered_days += other.registered_days
        self.agreed_absence_days += other.agreed_absence_days
        self.effective_basis += other.effective_basis
        for d, n in other.paid_parts.items():
            self.paid_parts[d] = self.paid_parts.get(d, 0) + n
        if other.effective_parts is not None:
            parts = self.effective_parts
            if parts is None:
                parts = self.effective_parts = {}
            for d, n in other.effective_parts.items():
                parts[d] = parts.get(d, 0) + n

    def add(self, f: DayFigures) -> None:
        self.planned += f.planned
        self.attended += f.attended
        if f.paid_num:
            self.paid_parts[f.paid_den] = self.paid_parts.get(f.paid_den, 0) + f.paid_num
        self.absent += f.absent
        if f.registered:
            self.registered_days += 1
            if f.planned > 0 and not f.counted:
                self.agreed_absence_days += 1
        elif f.planned > 0 and f.before_today:
            self.unregistered_days += 1
        if f.counted:
            self.counted_planned += f.planned
            self.attended_counted += f.attended
        if f.eff_num is not None:
            self.effective_basis += f.attended
            parts = self.effective_parts
            if parts is None:
                parts = self.effective_parts = {}
            parts[f.eff_den] = parts.get(f.eff_den, 0) + f.eff_num

    @property
    def paid_planned(self) -> Fraction:
        return sum((Fraction(n, d) for d, n in self.paid_parts.items()), Fraction(0))

    @property
    def effective(self) -> Fraction | None:
        if self.effective_parts is None:
            return None
        return sum((Fraction(n, d) for d, n in self.effective_parts.items()), Fraction(0))

    def _values(self) -> tuple[object, ...]:
        return (self.planned, self.counted_planned, self.attended, self.attended_counted, self.absent,
                self.unregistered_days, self.registered_days, self.agreed_absence_days, self.effective_basis,
                self.paid_planned, self.effective)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Totals) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable, like any dataclass with eq

    @property
    def attendance_rate(self) -> Fraction | None:
        if self.counted_planned == 0:
            return None
        return Fraction(self.attended_counted, self.counted_planned)

    @property
    def absence_share(self) -> Fraction | None:
        if self.counted_planned == 0:
            return None
        return Fraction(self.absent, self.counted_planned)

    @property
    def has_activity(self) -> bool:
        return self.planned > 0 or self.registered_days > 0


@dataclass
class ReasonTotal:
    reason: str
    days: int = 0
    minutes: int = 0


@dataclass
class Figures:
    """All figures of a citizen over a period, by placement, ISO week and month."""

    total: Totals = field(default_factory=Totals)
    by_placement: dict[str, Totals] = field(default_factory=dict)
    by_week: dict[str, Totals] = field(default_factory=dict)
    by_month: dict[str, Totals] = field(default_factory=dict)
    by_reason: dict[str, ReasonTotal] = field(default_factory=dict)
    days: list[DayFigures] = field(default_factory=list)
    max_sustained_weekly: int | None = None
    max_sustained_weeks: tuple[str, str] | None = None  # the latest 4 weeks at that level (ISO week keys)

    def absence_by_reason(self) -> list[ReasonTotal]:
        """Largest hours first, then reason."""
        return sorted(self.by_reason.values(), key=lambda r: (-r.minutes, r.reason))

    def weeks(self) -> list[tuple[str, Totals]]:
        return [(k, v) for k, v in sorted(self.by_week.items()) if v.has_activity]

    def months(self) -> list[tuple[str, Totals]]:
        return [(k, v) for k, v in sorted(self.by_month.items()) if v.has_activity]


@lru_cache(maxsize=8192)
def week_key(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


@lru_cache(maxsize=8192)
def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def compute(plans: Iterable[PlacementPlan], first: date, last: date, today: date) -> Figures:
    """Every figure of spec section 2 over the dates [first, last] for the given placements."""
    fig = Figures()
    for plan in plans:
        placement = fig.by_placement.setdefault(plan.ref, Totals())
        # Consecutive dates of the same ISO week and month are summed once into a run, and the run
        # into the placement, the week, the month and the total (one add per date instead of four).
        run, run_key = Totals(), ("", "")
        for f in day_figures(plan, first, last, today):
            fig.days.append(f)
            key = (week_key(f.day), month_key(f.day))
            if key != run_key:
                _merge_run(fig, placement, run_key, run)
                run, run_key = Totals(), key
            run.add(f)
            if f.absent > 0 and f.reason is not None:
                r = fig.by_reason.setdefault(f.reason, ReasonTotal(f.reason))
                r.days += 1
                r.minutes += f.absent
        _merge_run(fig, placement, run_key, run)
    sustained = sustained_level(fig.days)
    if sustained is not None:
        fig.max_sustained_weekly, monday = sustained
        fig.max_sustained_weeks = (week_key(monday), week_key(monday + timedelta(weeks=3)))
    return fig


def _merge_run(fig: Figures, placement: Totals, key: tuple[str, str], run: Totals) -> None:
    week, month = key
    if not week:
        return
    for totals in (fig.total, placement, fig.by_week.setdefault(week, Totals()), fig.by_month.setdefault(month, Totals())):
        totals.merge(run)


def max_sustained_weekly(day_list: Iterable[DayFigures]) -> int | None:
    """The largest H (minutes) such that 4 consecutive ISO weeks each have attended >= H."""
    sustained = sustained_level(day_list)
    return None if sustained is None else sustained[0]


def sustained_level(day_list: Iterable[DayFigures]) -> tuple[int, date] | None:
    """The largest H (minutes) such that 4 consecutive ISO weeks each have attended >= H, and the
    Monday of the latest 4 such weeks (``max_sustained_weeks``: the team sees when it was reached).

    Weeks run from the first to the last week with planned > 0; weeks in between with nothing
    planned count with what was attended in them (often 0). None with fewer than 4 weeks.
    """
    attended: dict[date, int] = {}
    planned_mondays: list[date] = []
    for f in day_list:
        monday = f.day - timedelta(days=f.day.weekday())
        attended[monday] = attended.get(monday, 0) + f.attended
        if f.planned > 0:
            planned_mondays.append(monday)
    if not planned_mondays:
        return None
    first, last = min(planned_mondays), max(planned_mondays)
    weeks = [attended.get(first + timedelta(weeks=i), 0) for i in range((last - first).days // 7 + 1)]
    if len(weeks) < 4:
        return None
    levels = [min(weeks[i : i + 4]) for i in range(len(weeks) - 3)]
    best = max(levels)
    latest = max(i for i, level in enumerate(levels) if level == best)
    return best, first + timedelta(weeks=latest)
