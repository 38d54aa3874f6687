"""Work capacity: effectiveness from a task breakdown, and the effectiveness in force on a day."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from placement_desk.domain.capacity import (
    effectiveness_on,
    pct_value,
    shares_total,
    task_effectiveness,
    task_effectiveness_cpct,
)
from placement_desk.domain.casefile import CapacityAssessment, CapacityTask


def test_sum_of_share_times_tempo_times_quality() -> None:
    tasks = [CapacityTask("Opvask", 50, 80, 100), CapacityTask("Rengøring", 50, 60, 90)]
    assert task_effectiveness(tasks) == 67  # 40 + 27
    assert task_effectiveness_cpct(tasks) == 6700
    assert shares_total(tasks) == 100


def test_one_task_and_no_tasks() -> None:
    assert task_effectiveness([CapacityTask("Lager", 100, 50, 100)]) == 50
    assert task_effectiveness([]) is None
    assert task_effectiveness_cpct([]) is None


def test_exact_then_rounded_half_away_from_zero() -> None:
    tasks = [CapacityTask("a", 33, 77, 91), CapacityTask("b", 67, 55, 100)]
    exact = Fraction(33 * 77 * 91 + 67 * 55 * 100, 10_000)
    assert task_effectiveness(tasks) == exact  # 59.97...31
    assert task_effectiveness_cpct(tasks) == 5997
    assert task_effectiveness_cpct([CapacityTask("c", 1, 1, 50)]) == 1  # 0.005 % -> 0.01 %


def test_above_a_hundred_is_reported_as_it_is() -> None:
    assert task_effectiveness_cpct([CapacityTask("hurtig", 100, 120, 100)]) == 12_000


def test_pct_value_is_the_case_file_number() -> None:
    assert pct_value(6000) == 60
    assert isinstance(pct_value(6000), int)
    assert pct_value(6050) == 60.5


def test_effectiveness_in_force_is_the_latest_on_or_before() -> None:
    assessments = [CapacityAssessment(date(2023, 3, 20), 5000), CapacityAssessment(date(2023, 3, 9), 6000)]
    assert effectiveness_on(assessments, date(2023, 3, 8)) is None
    assert effectiveness_on(assessments, date(2023, 3, 9)) == 6000
    assert effectiveness_on(assessments, date(2023, 3, 19)) == 6000
    assert effectiveness_on(assessments, date(2024, 1, 1)) == 5000
