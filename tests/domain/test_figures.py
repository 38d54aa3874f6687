"""Hand-computed figures for every definition of spec section 2 (no database involved)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import build_dossier
from placement_desk.export.json_summary import summary
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

TODAY = date(2026, 11, 23)
NAMES = {"co-saxo": "Pedelteamet, Saxogade", "co-kids": "Børnehaven Solsikken"}


def dossier(
    citizen: dict[str, Any], period_from: date | None = None, period_to: date | None = None, today: date = TODAY
) -> dict[str, Any]:
    case = parse_case_file(case_file(citizen))
    return summary(build_dossier(case.citizens[0], NAMES, today, period_from, period_to))


def by(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


def test_ramp_down_left_early_agreed_absence_and_reasons() -> None:
    s = dossier(ramp_down_citizen())
    p = s["placements"][0]
    # planned: 1-3 Mar 3x4 + 6-10 Mar 5x4 + Mon/Wed 13..29 Mar 6x2 = 12 + 20 + 12
    assert p["planned"] == 44.0
    # 4 + 1.5 (left early) + 4 + 4 + 2 (a Saturday, not planned) + 2 + 2 + 2.25
    assert p["attended"] == 21.75
    # counted planned = 44 - 4 (agreed 7 Mar) - 2 - 2 (unregistered 22 and 29 Mar) = 36
    assert p["attendance_rate"] == round(21.75 / 36, 4) == 0.6042
    # absent: 2.5 (left early) + 4 + 4 (migraine) + 4 (no-show) + 2 (migraine) = 16.5
    assert p["absence_share"] == 0.4583
    assert p["unregistered_days"] == 2
    assert p["paid_planned"] == 0.0
    assert s["absence_by_reason"] == [
        {"reason": "migræne", "days": 3, "hours": 10.0},
        {"reason": "absent_unexcused", "days": 1, "hours": 4.0},
        {"reason": "left_early", "days": 1, "hours": 2.5},
    ]


def test_weeks_months_and_sustained_hours() -> None:
    s = dossier(ramp_down_citizen())
    weeks = by(s["weeks"], "week")
    assert list(weeks) == ["2023-W09", "2023-W10", "2023-W11", "2023-W12", "2023-W13"]
    assert [(w["planned"], w["attended"]) for w in s["weeks"]] == [
        (12.0, 5.5),
        (20.0, 10.0),
        (4.0, 2.0),
        (4.0, 2.0),
        (4.0, 2.25),
    ]
    # the 4-week windows: min(5.5, 10, 2, 2) = 2 and min(10, 2, 2, 2.25) = 2
    assert s["max_sustained_weekly_hours"] == 2.0
    # both windows reach 2 h: the latest, W10-W13, is the one named
    assert s["max_sustained_weeks"] == {"from": "2023-W10", "to": "2023-W13"}
    assert s["months"] == [
        {
            "month": "2023-03",
            "planned": 44.0,
            "counted_planned": 36.0,  # 44 - 4 (agreed 7 Mar) - 2 - 2 (unregistered 22 and 29 Mar)
            "attended": 21.75,
            "paid_planned": 0.0,
            "attendance_rate": 0.6042,
            "absence_share": 0.4583,
            "unregistered_days": 2,
            "agreed_absence_days": 1,  # 7 Mar
            "effective": 9.33,
            # attended from the first assessment on 9 Mar: 4 + 4 + 2 + 2 + 0 + 2 + 2.25
            "effective_basis": 16.25,
        }
    ]
    assert s["totals"] == {k: v for k, v in s["months"][0].items() if k != "month"}
    assert set(s["weeks"][0]) == set(s["months"][0]) - {"month"} | {"week"}


def test_effective_hours_use_the_latest_capacity_and_round_half_away_from_zero() -> None:
    s = dossier(ramp_down_citizen())
    # 9 Mar on at 60 %: 2.4 + 2.4 + 1.2 (Sat) + 1.2 + 0 (sick 15 Mar); 20 Mar on at 50 %: 1.0 + 1.125
    assert s["placements"][0]["effective"] == 9.33  # 9.325 exactly
    weeks = by(s["weeks"], "week")
    assert weeks["2023-W09"]["effective"] is None  # no assessment yet
    assert weeks["2023-W10"]["effective"] == 6.0
    assert weeks["2023-W13"]["effective"] == 1.13  # 1.125


def test_period_clip_cuts_a_week_in_half() -> None:
    s = dossier(ramp_down_citizen(), date(2023, 3, 8), date(2023, 3, 14))
    assert s["period"] == {"from": "2023-03-08", "to": "2023-03-14"}
    p = s["placements"][0]
    # 8 Mar no-show (4 planned), 9-10 Mar 4+4, 11 Mar Saturday 2 attended, 13 Mar 2/2, 14 Mar nothing planned
    assert (p["planned"], p["attended"]) == (14.0, 12.0)
    assert p["attendance_rate"] == 0.8571 and p["absence_share"] == 0.2857
    assert [(w["week"], w["planned"], w["attended"]) for w in s["weeks"]] == [
        ("2023-W10", 12.0, 10.0),
        ("2023-W11", 2.0, 2.0),
    ]
    assert s["max_sustained_weekly_hours"] is None  # fewer than 4 weeks
    assert s["absence_by_reason"] == [{"reason": "absent_unexcused", "days": 1, "hours": 4.0}]


def test_public_holidays_are_not_planned() -> None:
    citizen = {
        "ref": "TE",
        "name": "T. E.",
        "placements": [
            {
                "ref": "TE-1",
                "company": "co-saxo",
                "type": "internship",
                "start": "2023-04-03",
                "end": "2023-04-14",
                "schedule": [{"from": "2023-04-03", "hours": {d: 3 for d in ("mon", "tue", "wed", "thu", "fri")}}],
                "attendance": [{"date": "2023-04-06", "status": "present", "hours": 1}],
            }
        ],
    }
    s = dossier(citizen)
    # Maundy Thursday 6 Apr, Good Friday 7 Apr and Easter Monday 10 Apr are holidays
    assert [(w["week"], w["planned"], w["attended"]) for w in s["weeks"]] == [
        ("2023-W14", 9.0, 1.0),
        ("2023-W15", 12.0, 0.0),
    ]
    p = s["placements"][0]
    assert p["planned"] == 21.0
    assert p["unregistered_days"] == 7
    # the only counted date is the holiday, with nothing planned: no rate
    assert p["attendance_rate"] is None and p["absence_share"] is None


def test_hybrid_paid_hours_split_across_a_partial_week() -> None:
    s = dossier(hybrid_citizen())
    # W01: Tue 4 + Thu 6 = 10 h of a 14 h week with 6 paid -> 10 * 6 / 14 = 4.2857
    assert [(w["week"], w["planned"], w["paid_planned"]) for w in s["weeks"]] == [
        ("2024-W01", 10.0, 4.29),
        ("2024-W02", 14.0, 6.0),
    ]
    assert s["placements"][0]["paid_planned"] == 10.29
    assert s["placements"][0]["unregistered_days"] == 5  # Tue 2, Thu 4, Mon 8, Tue 9, Thu 11 Jan


def test_open_placement_runs_to_today() -> None:
    citizen = {
        "ref": "MA",
        "name": "Malthe",
        "placements": [
            {
                "ref": "MA-1",
                "company": "co-saxo",
                "type": "internship",
                "start": "2026-11-02",
                "schedule": [{"from": "2026-11-02", "hours": {"mon": 3, "wed": 3}}],
                "attendance": [
                    {"date": d, "status": "present", "hours": 3}
                    for d in ("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18")
                ],
            }
        ],
    }
    s = dossier(citizen)
    assert s["period"] == {"from": "2026-11-02", "to": "2026-11-23"}
    p = s["placements"][0]
    assert p["end"] is None
    # today (Monday 23 Nov) is planned but not yet unregistered: its attendance may not be logged yet
    assert (p["planned"], p["attended"], p["unregistered_days"]) == (21.0, 18.0, 0)
    assert p["attendance_rate"] == 1.0  # the open Monday is not counted
    later = dossier(citizen, today=date(2026, 11, 30))
    lp = later["placements"][0]
    assert (lp["planned"], lp["unregistered_days"]) == (27.0, 2)  # 23 and 25 Nov; 30 Nov is today


def test_placements_outside_the_period_are_left_out() -> None:
    citizen = ramp_down_citizen()
    citizen["placements"].append(
        {
            "ref": "DC-2",
            "company": "co-kids",
            "type": "internship",
            "start": "2023-05-01",
            "end": "2023-05-31",
            "schedule": [{"from": "2023-05-01", "hours": {"tue": 3}}],
        }
    )
    s = dossier(citizen, date(2023, 3, 1), date(2023, 4, 30))
    assert [p["ref"] for p in s["placements"]] == ["DC-1"]
    s = dossier(citizen)
    assert [p["ref"] for p in s["placements"]] == ["DC-1", "DC-2"]
    assert s["period"] == {"from": "2023-03-01", "to": "2023-05-31"}
    assert by(s["placements"], "ref")["DC-2"]["company"] == "Børnehaven Solsikken"
    assert "2023-04" not in by(s["months"], "month")  # nothing planned or registered in April


def test_lists_and_goals() -> None:
    s = dossier(ramp_down_citizen())
    assert [a["identified"] for a in s["accommodations"]] == ["2023-03-02", "2023-03-06"]
    assert s["followups"] == [
        {"date": "2023-02-15", "kind": "startup", "placement": None},
        {"date": "2023-03-13", "kind": "three_party", "placement": "DC-1"},
    ]
    assert s["goals"] == [
        {
            "area": "health",
            "text": "Håndtere migræne på arbejdet",
            "first_score": -1,
            "latest_score": 2,
            "scores": [
                {"date": "2023-03-01", "score": -1, "assessor": None},
                {"date": "2023-03-31", "score": 2, "assessor": None},
            ],
        }
    ]
    assert s["citizen"] == {"ref": "DC", "name": "D. C."}


@pytest.mark.parametrize(
    ("hours", "expected"),
    [(0.005 * 60, 0.01), (0.125 * 60, 0.13), (-0.125 * 60, -0.13)],
)
def test_hours_round_half_away_from_zero(hours: float, expected: float) -> None:
    from fractions import Fraction

    from placement_desk.domain.numbers import hours as fmt

    assert fmt(Fraction(str(hours))) == expected
