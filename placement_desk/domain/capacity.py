"""Work capacity (arbejdsevne): effectiveness from a task breakdown, and the effectiveness in force.

A task breakdown in the wage-value style gives each task a share of the working time, a tempo and a
quality (all percentages); the effectiveness is the sum over the tasks of share x tempo x quality.
Effectiveness is kept in hundredths of a percent (``cpct``: 6050 = 60.5 %), as in the case file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from math import floor

from placement_desk.domain import casefile as cf

MAX_TASKS = 5


def task_effectiveness(tasks: Sequence[cf.CapacityTask]) -> Fraction | None:
    """Σ share x tempo x quality in percent (exact); None without tasks.

    50 % of the time at tempo 80 % and quality 100 %, 50 % at 60 % and 90 % -> 40 + 27 = 67 %.
    """
    if not tasks:
        return None
    return sum((Fraction(t.time_share_pct * t.tempo_pct * t.quality_pct, 100 * 100) for t in tasks), Fraction(0))


def task_effectiveness_cpct(tasks: Sequence[cf.CapacityTask]) -> int | None:
    """:func:`task_effectiveness` in hundredths of a percent, rounded half away from zero."""
    value = task_effectiveness(tasks)
    return None if value is None else floor(value * 100 + Fraction(1, 2))  # never negative


def shares_total(tasks: Sequence[cf.CapacityTask]) -> int:
    """The tasks' time shares added up (a breakdown is complete at 100 %)."""
    return sum(t.time_share_pct for t in tasks)


def pct_value(cpct: int) -> int | float:
    """Hundredths of a percent as a case-file number: 6000 -> 60, 6050 -> 60.5."""
    return cpct // 100 if cpct % 100 == 0 else cpct / 100


def effectiveness_on(assessments: Sequence[cf.CapacityAssessment], day: date) -> int | None:
    """The effectiveness (cpct) in force on a day: the latest assessment on or before it."""
    before = [a for a in assessments if a.day <= day]
    return max(before, key=lambda a: a.day).effectiveness_cpct if before else None
