"""Property tests of the figures: sums agree however they are cut, rate and share add up, clips are exact."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placement_desk.domain.figures import Figures, Totals, compute
from placement_desk.domain.plan import Capacity, PlacementPlan, Record, Step
from placement_desk.domain.vocab import Status

TODAY = date(2026, 11, 23)
quarter_hours = st.integers(min_value=0, max_value=32).map(lambda q: q * 15)


@st.composite
def placements(draw: st.DrawFn, ref: str, no_overtime: bool = False) -> PlacementPlan:
    start = date(2023, 1, 1) + timedelta(days=draw(st.integers(0, 700)))
    length = draw(st.integers(0, 150))
    end = None if draw(st.integers(0, 9)) == 0 else start + timedelta(days=length)
    last = end or TODAY
    steps = []
    step_starts = sorted(set(draw(st.lists(st.integers(0, max(length, 0)), min_size=1, max_size=4))))
    for offset in step_starts:
        mins = tuple(draw(quarter_hours) for _ in range(7))
        paid = draw(st.integers(0, sum(mins) // 15)) * 15
        steps.append(Step(start + timedelta(days=offset), mins, paid))  # type: ignore[arg-type]
    plan = PlacementPlan(ref, start, end, steps)
    records: dict[date, Record] = {}
    span = (min(last, start + timedelta(days=length)) - start).days
    for offset in draw(st.lists(st.integers(0, max(span, 0)), max_size=60, unique=True)):
        day = start + timedelta(days=offset)
        status = draw(st.sampled_from(list(Status)))
        planned = plan.planned(day, TODAY)
        if no_overtime:
            minutes = draw(st.integers(0, planned // 15)) * 15 if status is Status.PRESENT else 0
        else:
            minutes = draw(quarter_hours) if status is Status.PRESENT else draw(st.sampled_from([0, 0, 60]))
        reason = draw(st.sampled_from([None, "", "Migræne", " migræne ", "Influenza", "ferie"]))
        records[day] = Record(day, status, minutes, reason)
    caps = [
        Capacity(start + timedelta(days=o), Fraction(draw(st.integers(0, 100))))
        for o in sorted(set(draw(st.lists(st.integers(0, max(span, 0)), max_size=3))))
    ]
    return PlacementPlan(ref, start, end, steps, records, caps)


@st.composite
def citizens(draw: st.DrawFn, no_overtime: bool = False) -> list[PlacementPlan]:
    n = draw(st.integers(1, 3))
    return [draw(placements(f"P{i}", no_overtime)) for i in range(n)]


def whole_period(plans: list[PlacementPlan]) -> tuple[date, date]:
    return min(p.start for p in plans), max(p.last_day(TODAY) for p in plans)


FIELDS = (
    "planned",
    "counted_planned",
    "attended",
    "attended_counted",
    "paid_planned",
    "absent",
    "unregistered_days",
    "registered_days",
)


def summed(parts: list[Totals]) -> tuple[object, ...]:
    values: list[object] = [sum((getattr(t, f) for t in parts), start=type(getattr(parts[0], f))()) for f in FIELDS]
    effective = [t.effective for t in parts if t.effective is not None]
    values.append(sum(effective, Fraction(0)) if effective else None)
    return tuple(values)


def as_tuple(t: Totals) -> tuple[object, ...]:
    return (*(getattr(t, f) for f in FIELDS), t.effective)


PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(citizens())
def test_weeks_months_and_placements_sum_to_the_total(plans: list[PlacementPlan]) -> None:
    first, last = whole_period(plans)
    fig: Figures = compute(plans, first, last, TODAY)
    total = as_tuple(fig.total)
    assert summed(list(fig.by_week.values())) == total
    assert summed(list(fig.by_month.values())) == total
    assert summed(list(fig.by_placement.values())) == total
    assert sum(r.minutes for r in fig.by_reason.values()) == fig.total.absent


@PROPERTY
@given(citizens(no_overtime=True))
def test_rate_and_share_add_up_to_one_without_overtime(plans: list[PlacementPlan]) -> None:
    first, last = whole_period(plans)
    fig = compute(plans, first, last, TODAY)
    for t in [fig.total, *fig.by_week.values(), *fig.by_month.values(), *fig.by_placement.values()]:
        if t.counted_planned:
            assert t.attendance_rate is not None and t.absence_share is not None
            assert t.attendance_rate + t.absence_share == 1
        else:
            assert t.attendance_rate is None and t.absence_share is None


@PROPERTY
@given(citizens(), st.integers(0, 40), st.integers(0, 40))
def test_clipping_to_the_whole_period_or_wider_changes_nothing(
    plans: list[PlacementPlan], before: int, after: int
) -> None:
    first, last = whole_period(plans)
    exact = compute(plans, first, last, TODAY)
    wider = compute(plans, first - timedelta(days=before), last + timedelta(days=after), TODAY)
    assert as_tuple(exact.total) == as_tuple(wider.total)
    assert exact.weeks() == wider.weeks() and exact.months() == wider.months()
    assert exact.max_sustained_weekly == wider.max_sustained_weekly
    assert exact.absence_by_reason() == wider.absence_by_reason()


@PROPERTY
@given(citizens(), st.integers(0, 400))
def test_a_split_period_adds_up(plans: list[PlacementPlan], cut: int) -> None:
    first, last = whole_period(plans)
    middle = min(first + timedelta(days=cut), last)
    left = compute(plans, first, middle, TODAY)
    right = compute(plans, middle + timedelta(days=1), last, TODAY)
    whole = compute(plans, first, last, TODAY)
    assert summed([left.total, right.total]) == as_tuple(whole.total)
