"""The hours plan of a placement: schedule steps, attendance, capacity, and planned hours per date.

All durations are integer minutes; fractions (paid and effective hours) are exact ``Fraction``s.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import holidays

from placement_desk.domain.vocab import WEEKDAYS, Status


@lru_cache(maxsize=256)
def danish_holidays(year: int) -> frozenset[date]:
    """The official Danish public holidays of a year (``holidays.DK``)."""
    return frozenset(_denmark()(years=year).keys())


@lru_cache(maxsize=1)
def _denmark() -> Callable[..., Mapping[date, str]]:
    """The ``holidays`` package's Denmark calendar. Asking for it by country code imports all of the
    package's 200+ countries (a quarter of a second at every start-up), so its module is loaded on its
    own; should the package's layout ever change, the ordinary way is taken (tests check both agree)."""
    try:
        spec = importlib.util.spec_from_file_location(
            "placement_desk_holidays_dk", Path(holidays.__file__).parent / "countries" / "denmark.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        denmark: Callable[..., Mapping[date, str]] = module.Denmark
        return denmark
    except Exception:
        return lambda years: holidays.country_holidays("DK", years=years)


def is_holiday(day: date) -> bool:
    return day in danish_holidays(day.year)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the hours plan, valid from ``start`` until the next step."""

    start: date
    minutes: tuple[int, int, int, int, int, int, int]  # mon..sun
    paid_per_week: int = 0  # minutes

    @property
    def weekly(self) -> int:
        return sum(self.minutes)

    @staticmethod
    def of(start: date, hours: Mapping[str, float], paid_per_week: float = 0) -> Step:
        """Convenience constructor from decimal hours per weekday key (``{"tue": 2}``)."""
        mins = tuple(round(float(hours.get(k, 0)) * 60) for k in WEEKDAYS)
        return Step(start, mins, round(paid_per_week * 60))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Record:
    """One attendance record."""

    day: date
    status: Status
    minutes: int
    reason: str | None = None

    @property
    def counted(self) -> bool:
        return self.status is not Status.ABSENT_AGREED

    def absence_reason(self) -> str:
        """The reason an absence is grouped under: the record's reason, else the status."""
        text = (self.reason or "").strip().lower()
        if text:
            return text
        return "left_early" if self.status is Status.PRESENT else self.status.value


@dataclass(frozen=True, slots=True)
class Capacity:
    day: date
    effectiveness_pct: Fraction


@dataclass(frozen=True)
class PlacementPlan:
    """Everything the figures of one placement need."""

    ref: str
    start: date
    end: date | None
    steps: Sequence[Step] = ()
    records: Mapping[date, Record] = field(default_factory=dict)
    capacity: Sequence[Capacity] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(sorted(self.steps, key=lambda s: s.start)))
        object.__setattr__(self, "capacity", tuple(sorted(self.capacity, key=lambda c: c.day)))
        object.__setattr__(self, "_step_starts", [s.start for s in self.steps])
        object.__setattr__(self, "_cap_days", [c.day for c in self.capacity])

    def last_day(self, today: date) -> date:
        """The placement's last day that counts: its end, or today for an open placement, and never
        after today (no date after today counts: spec section 2)."""
        return today if self.end is None or self.end > today else self.end

    def step_on(self, day: date) -> Step | None:
        i = bisect_right(self._step_starts, day)  # type: ignore[attr-defined]
        return self.steps[i - 1] if i else None

    def planned(self, day: date, today: date) -> int:
        """planned(d) in minutes (spec section 2)."""
        return self.planned_with_step(day, today)[0]

    def planned_with_step(self, day: date, today: date) -> tuple[int, Step | None]:
        """planned(d) and the plan step in force on d (None outside the period, after today, on holidays,
        before the plan)."""
        if day < self.start or day > self.last_day(today) or is_holiday(day):
            return 0, None
        step = self.step_on(day)
        return (step.minutes[day.weekday()], step) if step else (0, None)

    def paid_planned(self, day: date, today: date) -> Fraction:
        """paid_planned(d) in minutes: planned(d) x paid_per_week / weekly hours of the step."""
        planned = self.planned(day, today)
        step = self.step_on(day)
        if not planned or step is None or step.weekly == 0:
            return Fraction(0)
        return Fraction(planned * step.paid_per_week, step.weekly)

    def effectiveness(self, day: date) -> Fraction | None:
        """effectiveness(d): the latest capacity record on or before d, None before the first."""
        i = bisect_right(self._cap_days, day)  # type: ignore[attr-defined]
        return self.capacity[i - 1].effectiveness_pct if i else None


def days(first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)
