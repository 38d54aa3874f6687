"""The revised spec section 2 and 3, computed by hand: no date after today counts, the ten figures on
every figure object, the weeks of the sustained level, and the whole score history by assessor."""

from __future__ import annotations

from datetime import date
from typing import Any

from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import build_dossier
from placement_desk.export.json_summary import summary
from tests.casefiles import case_file

NAMES = {"co-saxo": "Pedelteamet, Saxogade"}
TODAY = date(2026, 11, 18)  # a Wednesday; November 2026 has no Danish public holiday

TEN = (
    "planned", "counted_planned", "attended", "paid_planned", "attendance_rate", "absence_share",
    "unregistered_days", "agreed_absence_days", "effective", "effective_basis",
)  # fmt: skip


def future_ended_hybrid() -> dict[str, Any]:
    """A hybrid placement that ends in January 2027, seen on 18 Nov 2026."""
    return {
        "ref": "HY",
        "name": "H. Y.",
        "placements": [
            {
                "ref": "HY-1",
                "company": "co-saxo",
                "type": "hybrid",
                "start": "2026-11-02",
                "end": "2027-01-29",
                "schedule": [
                    {"from": "2026-11-02", "hours": {"mon": 2.5, "wed": 2.5}, "paid_per_week": 1},
                    {"from": "2026-11-16", "hours": {"mon": 3, "tue": 3, "wed": 3}, "paid_per_week": 3},
                ],
                "attendance": [
                    {"date": "2026-11-02", "status": "present", "hours": 2.5},
                    {"date": "2026-11-04", "status": "present", "hours": 1.75},  # left early
                    {"date": "2026-11-09", "status": "sick", "hours": 0, "reason": "Migræne"},
                    {"date": "2026-11-11", "status": "absent_agreed", "hours": 0, "reason": "Tandlæge"},
                    {"date": "2026-11-16", "status": "present", "hours": 3},
                    # 17 Nov: nothing registered; 18 Nov is today: nothing registered yet
                    {"date": "2026-11-23", "status": "absent_agreed", "hours": 0, "reason": "Ferie"},  # ahead
                    {"date": "2026-11-25", "status": "present", "hours": 3},  # after today: counts nothing
                ],
                "capacity": [{"date": "2026-11-09", "effectiveness_pct": 50}],
            }
        ],
        "goals": [
            {
                "area": "employment",
                "text": "Mødestabil",
                "scores": [
                    {"date": "2026-11-02", "score": 0, "assessor": "citizen"},
                    {"date": "2026-11-03", "score": 1, "assessor": "mentor"},
                    {"date": "2026-11-10", "score": 2, "assessor": "consultant"},
                    {"date": "2026-11-16", "score": -1, "assessor": "citizen"},
                    {"date": "2026-11-17", "score": 3},
                ],
            }
        ],
    }


def dossier(citizen: dict[str, Any], today: date = TODAY, **period: date) -> dict[str, Any]:
    case = parse_case_file(case_file(citizen))
    return summary(build_dossier(case.citizens[0], NAMES, today, period.get("first"), period.get("last")))


# By hand, 2 Nov .. 18 Nov (today):
# planned: 2, 4, 9, 11 Nov 2.5 h; 16, 17, 18 Nov 3 h = 10 + 9 = 19 h
# counted (registered, not agreed): 2, 4, 9, 16 Nov -> counted_planned 2.5 * 3 + 3 = 10.5 h
# attended: 2.5 + 1.75 + 0 + 3 = 7.25 h; rate 7.25 / 10.5 = 0.690476...; absent 0.75 + 2.5 = 3.25 h
# paid_planned: 4 days x 2.5 x 1/5 = 2.0; 3 days x 3 x 3/9 = 3.0 -> 5.0 h
# effective from 9 Nov at 50 %: 9 Nov 0, 11 Nov 0 (registered), 16 Nov 1.5 -> 1.5 h of 3.0 h attended
HAND = {
    "planned": 19.0,
    "counted_planned": 10.5,
    "attended": 7.25,
    "paid_planned": 5.0,
    "attendance_rate": 0.6905,
    "absence_share": 0.3095,
    "unregistered_days": 1,  # 17 Nov (18 Nov is today)
    "agreed_absence_days": 1,  # 11 Nov (23 Nov lies ahead)
    "effective": 1.5,
    "effective_basis": 3.0,
}


def test_a_placement_that_ends_next_year_counts_nothing_after_today() -> None:
    s = dossier(future_ended_hybrid())
    assert s["period"] == {"from": "2026-11-02", "to": "2026-11-18"}  # never past today
    assert {k: s["totals"][k] for k in TEN} == HAND
    assert {k: s["placements"][0][k] for k in TEN} == HAND
    assert [m["month"] for m in s["months"]] == ["2026-11"]
    assert {k: s["months"][0][k] for k in TEN} == HAND
    assert [w["week"] for w in s["weeks"]] == ["2026-W45", "2026-W46", "2026-W47"]  # W48 has not come
    w45, w46, w47 = s["weeks"]
    assert (w45["planned"], w45["attended"], w45["effective"], w45["effective_basis"]) == (5.0, 4.25, None, 0.0)
    assert (w46["planned"], w46["counted_planned"], w46["agreed_absence_days"]) == (5.0, 2.5, 1)
    assert (w47["planned"], w47["attended"], w47["unregistered_days"], w47["paid_planned"]) == (9.0, 3.0, 1, 3.0)
    assert s["absence_by_reason"] == [
        {"reason": "migræne", "days": 1, "hours": 2.5},
        {"reason": "left_early", "days": 1, "hours": 0.75},
    ]
    assert s["max_sustained_weekly_hours"] is None and s["max_sustained_weeks"] is None  # three weeks only


def test_a_to_date_after_today_counts_nothing_after_today() -> None:
    s = dossier(future_ended_hybrid(), first=date(2026, 11, 1), last=date(2027, 1, 31))
    assert {k: s["totals"][k] for k in TEN} == HAND


def test_leave_registered_ahead_counts_when_its_day_has_come() -> None:
    s = dossier(future_ended_hybrid(), today=date(2026, 11, 26))
    t = s["totals"]
    # 23 Nov agreed (3 h, not counted), 24 Nov unregistered, 25 Nov present 3 h; 26 Nov (today) is a Thursday
    assert t["agreed_absence_days"] == 2
    assert t["unregistered_days"] == 3  # 17, 18 and 24 Nov
    assert (t["planned"], t["counted_planned"], t["attended"]) == (19.0 + 9.0, 10.5 + 3.0, 10.25)


def test_the_whole_score_history_by_assessor_in_date_order() -> None:
    goal = dossier(future_ended_hybrid())["goals"][0]
    assert (goal["first_score"], goal["latest_score"]) == (0, 3)
    assert goal["scores"] == [
        {"date": "2026-11-02", "score": 0, "assessor": "citizen"},
        {"date": "2026-11-03", "score": 1, "assessor": "mentor"},
        {"date": "2026-11-10", "score": 2, "assessor": "consultant"},
        {"date": "2026-11-16", "score": -1, "assessor": "citizen"},
        {"date": "2026-11-17", "score": 3, "assessor": None},
    ]


def sustained_citizen() -> dict[str, Any]:
    """Six weeks of Monday attendance: 4, 6, 6, 6, 6, 5 h -> 6 h is not held 4 weeks; 5 h is, twice."""
    hours = {"2024-01-29": 4, "2024-02-05": 6, "2024-02-12": 6, "2024-02-19": 6, "2024-02-26": 6, "2024-03-04": 5}
    return {
        "ref": "SU",
        "name": "S. U.",
        "placements": [
            {
                "ref": "SU-1",
                "company": "co-saxo",
                "type": "internship",
                "start": "2024-01-29",
                "end": "2024-03-08",
                "schedule": [{"from": "2024-01-29", "hours": {"mon": 6}}],
                "attendance": [{"date": d, "status": "present", "hours": h} for d, h in hours.items()],
            }
        ],
    }


def test_the_sustained_level_names_its_latest_four_weeks() -> None:
    s = dossier(sustained_citizen())
    # windows W05-W08 min 4, W06-W09 min 6, W07-W10 min 5: 6 h, reached in W06-W09
    assert s["max_sustained_weekly_hours"] == 6.0
    assert s["max_sustained_weeks"] == {"from": "2024-W06", "to": "2024-W09"}


def test_rates_are_rounded_once_from_the_exact_value() -> None:
    """41/52 = 0.788461...: 0.7885 to four decimals (the documents' one decimal is 78,8 %, never 78,9)."""
    citizen = sustained_citizen()
    p = citizen["placements"][0]
    p["schedule"] = [{"from": "2024-01-29", "hours": {"mon": 13}}]
    p["attendance"] = [{"date": "2024-01-29", "status": "present", "hours": 10.5},
                       {"date": "2024-02-05", "status": "present", "hours": 10}]  # fmt: skip
    p["end"] = "2024-02-18"
    s = dossier(citizen)
    assert s["totals"]["counted_planned"] == 26.0
    assert s["totals"]["attendance_rate"] == 0.7885  # 20.5 / 26 = 41 / 52
    assert s["totals"]["absence_share"] == 0.2115  # 5.5 / 26 = 0.211538...
