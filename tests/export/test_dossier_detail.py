"""The prepared dossier detail (domain) and the Danish formatting (export), checked by hand."""

from __future__ import annotations

import copy
from datetime import date
from fractions import Fraction

from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import build_dossier
from placement_desk.export import danish as dk
from tests.casefiles import case_file, ramp_down_citizen

NAMES = {"co-saxo": "Pedelteamet, Saxogade", "co-kids": "Børnehaven Solsikken"}
TODAY = date(2026, 11, 23)


def dossier(citizen: dict[str, object], first: date | None = None, last: date | None = None):  # type: ignore[no-untyped-def]
    return build_dossier(parse_case_file(case_file(citizen)).citizens[0], NAMES, TODAY, first, last)


def test_absence_by_date_matches_absence_by_reason() -> None:
    data = dossier(ramp_down_citizen())
    assert [(a.day.day, a.reason, a.absent, a.status) for a in data.absence_days] == [
        (2, "left_early", 150, "present"),
        (3, "migræne", 240, "sick"),
        (6, "migræne", 240, "sick"),
        (8, "absent_unexcused", 240, "absent_unexcused"),
        (15, "migræne", 120, "sick"),
    ]
    assert data.absence_days[1].note == "ringede kl. 8" and data.absence_days[2].reason_text == " migræne "
    assert data.agreed_absence_days == 1  # 7 March, holiday: not absence
    by_reason = {r.reason: (r.days, r.minutes) for r in data.figures.absence_by_reason()}
    for reason, (days, minutes) in by_reason.items():
        mine = [a for a in data.absence_days if a.reason == reason]
        assert (len(mine), sum(a.absent for a in mine)) == (days, minutes)


def test_week_series_is_contiguous_with_empty_weeks_between_placements() -> None:
    citizen = ramp_down_citizen()
    first = citizen["placements"][0]  # type: ignore[index]
    second = copy.deepcopy(first)
    first.update(end="2023-03-10", attendance=[], capacity=[], schedule=first["schedule"][:1])
    second.update(ref="DC-2", start="2023-04-03", end="2023-04-14", attendance=[], capacity=[],
                  schedule=[{"from": "2023-04-03", "hours": {"mon": 2}, "paid_per_week": 1}])  # fmt: skip
    citizen["placements"].append(second)  # type: ignore[attr-defined]
    citizen["followups"] = []
    data = dossier(citizen)
    # Monday 10 April 2023 is Easter Monday: week 15 has nothing planned and drops out
    assert [w.key for w in data.week_rows] == ["2023-W09", "2023-W10", "2023-W14"]
    assert [w.key for w in data.week_series] == [f"2023-W{n:02d}" for n in range(9, 15)]
    assert [w.totals.planned for w in data.week_series] == [12 * 60, 20 * 60, 0, 0, 0, 120]
    assert data.week_series[2].first_day == date(2023, 3, 13)
    assert [m.first_day for m in data.month_rows] == [date(2023, 3, 1), date(2023, 4, 1)]


def test_capacity_points_task_breakdown_and_latest_effectiveness() -> None:
    citizen = ramp_down_citizen()
    citizen["placements"][0]["capacity"][1]["tasks"] = [  # type: ignore[index]
        {"name": "maling", "time_share_pct": 60, "tempo_pct": 80, "quality_pct": 90},
        {"name": "oprydning", "time_share_pct": 40, "tempo_pct": 50, "quality_pct": 100},
    ]
    data = dossier(citizen)
    assert [(c.day.day, c.effectiveness_pct, c.company) for c in data.capacity] == [
        (9, 60, "Pedelteamet, Saxogade"), (20, 50, "Pedelteamet, Saxogade")
    ]  # fmt: skip
    assert data.capacity[0].weighted_performance_pct is None
    assert [t.performance_pct for t in data.capacity[1].tasks] == [72, 50]
    assert data.capacity[1].weighted_performance_pct == Fraction(632, 10)  # (60 x 72 + 40 x 50) / 100
    assert data.latest_effectiveness_pct == 50
    assert dossier(ramp_down_citizen(), date(2023, 3, 1), date(2023, 3, 8)).latest_effectiveness_pct is None


def test_scores_by_assessor_keep_the_citizens_own_score_apart() -> None:
    citizen = ramp_down_citizen()
    citizen["goals"][0]["scores"] = [  # type: ignore[index]
        {"date": "2023-03-31", "score": 2, "assessor": "citizen"},
        {"date": "2023-03-01", "score": -1, "assessor": "citizen"},
        {"date": "2023-03-01", "score": 0, "assessor": "mentor"},
        {"date": "2023-03-15", "score": 1},
    ]
    goal = dossier(citizen).goals[0]
    assert (goal.first_score, goal.latest_score, goal.change) == (-1, 2, 3)
    assert [(a.assessor, a.first.score, a.latest.score, a.count) for a in goal.by_assessor] == [
        ("citizen", -1, 2, 2), ("mentor", 0, 0, 1), (None, 1, 1, 1)
    ]  # fmt: skip


def test_programmes_of_the_period_and_the_citizens_words() -> None:
    data = dossier(ramp_down_citizen())
    assert [r.programme for r in data.programmes] == ["Lokalt forankret indsats"]
    assert dossier(ramp_down_citizen(), date(2023, 8, 1), date(2023, 9, 1)).programmes == []
    assert data.citizen_views == [(date(2023, 3, 13), "Det er for meget lige nu")]


def test_danish_formatting() -> None:
    assert dk.number(1234.5) == "1.234,50" and dk.number(2.675) == "2,68" and dk.number(-0.125) == "-0,13"
    assert dk.hours_text(2550) == "42,50 t" and dk.hours_text(None) == "–" and dk.hours_text(Fraction(1, 2)) == "0,01 t"
    assert dk.rate_text(Fraction(21, 22)) == "95,5 %" and dk.rate_text(Fraction(1)) == "100,0 %"
    assert dk.rate_value_text(0.9545) == "95,5 %" and dk.rate_value_text(None) == "–"
    assert dk.pct_text(Fraction(121, 2)) == "60,5 %" and dk.pct_text(60) == "60 %"
    assert dk.pct_value(Fraction(121, 2)) == 0.605
    assert dk.date_text(date(2024, 12, 24)) == "24-12-2024" and dk.period_text(date(2024, 1, 2), None) == "02-01-2024 – åben"
    assert dk.week_text("2022-W36") == "uge 36, 2022" and dk.month_text("2022-09") == "september 2022"
    assert dk.month_short("2023-12") == "dec 23" and dk.weekday_text(date(2024, 12, 24)) == "tirsdag"
    assert [dk.short_hours(m) for m in (120, 150, 135, 0)] == ["2 t", "2,5 t", "2,25 t", "0 t"]
    assert [dk.score_text(s) for s in (3, 0, -2, None)] == ["+3", "0", "-2", "–"]
    assert dk.reason_text("sick") == "Syg" and dk.reason_text("left_early") == "Gået tidligt"
    assert dk.reason_text("migræne") == "Migræne" and dk.code_text("hybrid") == "Hybridpraktik"
    assert dk.participants_text(("citizen", "workplace_mentor")) == "borger, virksomhedsmentor"
