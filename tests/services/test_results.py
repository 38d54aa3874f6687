"""The results report (issue 18): its figures against hand computations on a small generated caseload
and on the demo, the anonymisation (counts 1-4 as "<5", no name, ref or CPR number in the PDF, the
workbook or the JSON), the named version's role check, and the command line."""

from __future__ import annotations

import copy
import io
import json
import re
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied, ValidationError
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.plan import PlacementPlan, Record, Step
from placement_desk.domain.results import (
    CitizenFacts,
    GoalFacts,
    PlacementFacts,
    ReferralFacts,
    build_monthly,
    build_report,
    quartiles,
)
from placement_desk.domain.results_shown import protect, report_json, report_tables
from placement_desk.domain.roles import Principal, Role
from placement_desk.domain.vocab import Status
from placement_desk.export.results_pdf import results_pdf
from placement_desk.export.results_xlsx import results_xlsx
from placement_desk.services import access
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.demo import load_demo
from placement_desk.services.results import results_report
from tests.casefiles import case_file, ramp_down_citizen

TODAY = date(2026, 11, 23)  # conftest pins PLACEMENT_DESK_TODAY
MONDAYS = [date(2024, 2, 5) + timedelta(weeks=w) for w in range(6)]  # 5 Feb - 11 Mar 2024: no holidays


# ---- a generated caseload, every figure computed by hand from how it was made ------------------


def generated(n: int = 12) -> list[CitizenFacts]:
    """Citizen i: a referral to programme A (even i) or B (odd i) from 2 Jan 2024 + i days; a placement
    at Firma X (even) or Y (odd) from 5 Feb with k = i + 1 hours on Mondays, doubled from 12 Feb when
    i % 4 == 1; present as planned every Monday except that i % 4 == 0 is sick on the last one.
    Referral and placement end 15 Mar 2024 for i < 10 (i >= 10 are still running). Outcome on the
    referral: flex job (hired on the placement) when i % 3 == 0, ordinary job when i % 3 == 1, none
    when i % 3 == 2. Goal "employment" scored by the citizen 0 then (i % 3) - 1 (progress for i % 3 == 2).
    """
    out = []
    for i in range(n):
        k = (i + 1) * 60
        steps = [Step(MONDAYS[0], (k, 0, 0, 0, 0, 0, 0))]
        if i % 4 == 1:
            steps.append(Step(MONDAYS[1], (2 * k, 0, 0, 0, 0, 0, 0)))
        end = date(2024, 3, 15) if i < 10 else None
        records = {}
        for w, monday in enumerate(MONDAYS):
            planned = k if (i % 4 != 1 or w == 0) else 2 * k
            sick = i % 4 == 0 and w == len(MONDAYS) - 1
            records[monday] = Record(monday, Status.SICK if sick else Status.PRESENT, 0 if sick else planned)
        plan = PlacementPlan(f"P{i}", MONDAYS[0], end, steps, records)
        outcome = None
        if i < 10 and i % 3 == 0:
            outcome = Outcome("flex_job", date(2024, 3, 15), None)
        elif i < 10 and i % 3 == 1:
            outcome = Outcome("ordinary_job", date(2024, 3, 15), None)
        hired = Outcome("flex_job", date(2024, 3, 15), None, True, k) if outcome and outcome.kind == "flex_job" else None
        out.append(
            CitizenFacts(
                f"C{i:02d}",
                f"Borger Nummer{i:02d}",
                (ReferralFacts("A" if i % 2 == 0 else "B", date(2024, 1, 2) + timedelta(days=i), end, outcome),),
                (PlacementFacts(f"P{i}", "Firma X" if i % 2 == 0 else "Firma Y", "internship", MONDAYS[0], end, plan,
                                hired),),
                (GoalFacts("employment", (cf.Score(date(2024, 2, 5), 0, "citizen"),
                                          cf.Score(date(2024, 3, 11), (i % 3) - 1, "citizen"))),),
            )
        )  # fmt: skip
    return out


def test_generated_caseload_by_hand() -> None:
    report = build_report(generated(), date(2024, 1, 1), date(2024, 12, 31), TODAY)
    assert (report.included, report.started, report.active, report.ended) == (12, 12, 2, 10)
    # outcomes: i < 10 with i % 3 == 0 -> 0, 3, 6, 9; i % 3 == 1 -> 1, 4, 7; none for 2, 5, 8
    assert report.outcome_counts == {"flex_job": 4, "ordinary_job": 3}
    assert report.ended_without_outcome == 3
    # days from the referral's start (2 Jan + i) to 15 Mar 2024 (73 days after 2 Jan) for the 7 citizens
    days = sorted(73 - i for i in (0, 3, 6, 9, 1, 4, 7))  # [64, 66, 67, 69, 70, 72, 73]
    q = report.days_to_outcome
    assert q is not None and q.n == 7
    assert q.median == 69  # the 4th of 7
    assert q.q1 == Fraction(days[1] + days[2], 2)  # position 1.5 -> 66.5
    assert q.q3 == Fraction(days[4] + days[5], 2)  # position 4.5 -> 71
    # hours: start k = i + 1 hours; sustained k, but 2k for i % 4 == 1 (5 weeks at 2k) and for
    # i % 4 == 0 the last week is 0, still 4 weeks (w0-w3 or w1-w4) at k
    start = dict(report.hours_bands("start"))
    assert start["0–5 t"] == 4 and start["5–10 t"] == 5 and start["10–15 t"] == 3
    sustained = dict(report.hours_bands("sustained"))
    # sustained hours: i=0..11 -> 1,4,3,4,5,12,7,8,9,20,11,12
    assert sustained["0–5 t"] == 4 and sustained["5–10 t"] == 4 and sustained["10–15 t"] == 3
    assert sustained["20–25 t"] == 1 and sustained["ikke kendt"] == 0
    assert report.raised_hours == 3  # i = 1, 5, 9
    # attendance: planned = 6k (or k + 10k for i % 4 == 1), sick k on the last Monday for i % 4 == 0
    planned = sum((i + 1) * (11 if i % 4 == 1 else 6) for i in range(12)) * 60
    missed = sum((i + 1) for i in range(12) if i % 4 == 0) * 60
    assert report.attendance.counted_planned == planned
    assert report.attendance.attendance_rate == Fraction(planned - missed, planned)
    # goals: progress for i % 3 == 2 (2, 5, 8, 11) of 12
    [goal] = report.goals
    assert (goal.area, goal.assessor, goal.assessed, goal.progressed) == ("employment", "citizen", 12, 4)
    # placements: Firma X (even i) 6 placements, 5 ended (i=10 runs), hired 0, 6 (flex job: i % 3 == 0, even)
    rows = {p.company: p for p in report.placements}
    assert (rows["Firma X"].placements, rows["Firma X"].ended, rows["Firma X"].hired) == (6, 5, 2)
    assert (rows["Firma Y"].placements, rows["Firma Y"].ended, rows["Firma Y"].hired) == (6, 5, 2)  # 3, 9


def test_a_programme_and_a_period_narrow_the_report() -> None:
    a = build_report(generated(), date(2024, 1, 1), date(2024, 12, 31), TODAY, programme="A")
    assert [c.ref for c in a.citizens] == ["C00", "C02", "C04", "C06", "C08", "C10"]
    assert a.outcome_counts == {"flex_job": 2, "ordinary_job": 1}  # 0 and 6; 4; none for 2 and 8 (10 runs)
    later = build_report(generated(), date(2024, 4, 1), date(2024, 6, 30), TODAY)
    assert later.included == 2 and later.ended == 0 and later.started == 0 and not later.outcome_counts
    assert later.attendance.counted_planned == 0  # nothing planned after 11 March


def test_the_monthly_overview_of_the_generated_caseload_by_hand() -> None:
    overview = build_monthly(generated(), date(2024, 3, 20))
    assert [k for k, _ in overview.months] == ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09",
                                               "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]
    assert overview.this_month == {"flex_job": 4, "ordinary_job": 3}  # one per citizen: their referral's
    assert all(not kinds for _, kinds in overview.months[:-1])
    # running on 20 March without an outcome: i = 10 and 11 (their referrals have no end)
    assert [(w.ref, w.days, w.in_placement) for w in overview.waiting] == [
        ("C10", (date(2024, 3, 20) - date(2024, 1, 12)).days, True),
        ("C11", (date(2024, 3, 20) - date(2024, 1, 13)).days, True),
    ]
    later = build_monthly(generated(), date(2025, 3, 20))
    assert all(not kinds for _, kinds in later.months)  # March 2024 is more than 12 months back


def test_quartiles_interpolate_between_the_sorted_values() -> None:
    q = quartiles([10, 1, 4, 7])
    assert q is not None and (q.q1, q.median, q.q3) == (Fraction(13, 4), Fraction(11, 2), Fraction(31, 4))
    one = quartiles([5])
    assert one is not None and (one.q1, one.median, one.q3) == (5, 5, 5)
    assert quartiles([]) is None


def test_anonymised_counts_under_five_and_their_shares_are_hidden() -> None:
    report = build_report(generated(), date(2024, 1, 1), date(2024, 12, 31), TODAY)
    doc = report_json(report)
    kinds = {k["kind"]: k for k in doc["outcomes"]["by_kind"]}
    assert kinds["flex_job"] == {"kind": "flex_job", "label": "Fleksjob", "citizens": "<5", "share": None}
    assert kinds["pension"]["citizens"] == 0 and kinds["pension"]["share"] == 0.0
    # 12 included, 2 active: ended (10) is hidden too, or 12 - 10 would tell the "<5"
    assert doc["citizens"] == {"included": 12, "started": 12, "active": "<5", "ended": "skjult"}
    assert doc["outcomes"]["citizens"] == 7
    assert doc["days_to_outcome"] == {"citizens": 7, "q1": 66.5, "median": 69.0, "q3": 71.0}
    assert "per_citizen" not in doc
    named = report_json(report, named=True)
    assert {k["kind"]: k["citizens"] for k in named["outcomes"]["by_kind"]}["flex_job"] == 4
    assert {k["kind"]: k["share"] for k in named["outcomes"]["by_kind"]}["flex_job"] == 0.5714  # 4/7
    assert [c["name"] for c in named["per_citizen"]][:2] == ["Borger Nummer00", "Borger Nummer01"]
    text = json.dumps(doc, ensure_ascii=False)
    assert "Nummer" not in text and "C00" not in text


def test_complementary_suppression_picks_the_smallest_shown_part_else_the_total() -> None:
    groups = [("total", ["a", "b", "c"])]
    assert protect({"total": 20, "a": 3, "b": 9, "c": 8}, groups) == {"a", "c"}  # not a = 20 - 9 - 8
    assert protect({"total": 20, "a": 3, "b": 1, "c": 16}, groups) == {"a", "b"}  # two hidden already
    assert protect({"total": 7, "a": 3, "b": 0, "c": 0}, groups) == {"a", "total"}  # no other part: the total
    assert protect({"total": 20, "a": 5, "b": 7, "c": 8}, groups) == set()
    # a total in two groups: hiding it for one group leaves one hidden cell in the other, so that one hides more
    two = [("total", ["a", "b"]), ("total", ["x", "y"])]
    assert protect({"total": 9, "a": 9, "b": 0, "x": 2, "y": 7}, two) == {"x", "y"}
    assert protect({"total": 7, "a": 3, "b": 0, "x": 7, "y": 0}, two) == {"a", "total", "x"}


def test_no_hidden_count_follows_from_a_total_less_the_shown_counts() -> None:
    """In every table where counts add up to a total, an anonymised report never hides exactly one cell:
    the reader of the PDF or the workbook cannot compute a "<5" by subtraction."""
    for n in range(3, 16):
        for first, last in ((date(2024, 1, 1), date(2024, 12, 31)), (date(2024, 3, 1), date(2024, 3, 31))):
            report = build_report(generated(n), first, last, TODAY)
            doc = report_json(report)
            groups = [
                [doc["citizens"][k] for k in ("included", "active", "ended")],
                [doc["outcomes"]["citizens"]] + [k["citizens"] for k in doc["outcomes"]["by_kind"]],
                [doc["hours"]["citizens"]] + [b["citizens"] for b in doc["hours"]["start"]],
                [doc["hours"]["citizens"]] + [b["citizens"] for b in doc["hours"]["sustained"]],
            ]
            for cells in groups:
                assert sum(1 for v in cells if not isinstance(v, int)) != 1, (n, first, cells)
            kinds = [k for k in doc["outcomes"]["by_kind"] if not isinstance(k["citizens"], int)]
            assert all(k["share"] is None for k in kinds)  # no share gives a hidden count back either
            named = report_json(report, named=True)
            assert "skjult" not in json.dumps(named) and "<5" not in json.dumps(named)


def test_statistics_of_fewer_than_five_citizens_are_hidden() -> None:
    report = build_report(generated(3), date(2024, 1, 1), date(2024, 12, 31), TODAY)
    doc = report_json(report)
    assert doc["days_to_outcome"] == {"citizens": "<5", "q1": None, "median": None, "q3": None}
    assert doc["attendance"] == {"citizens": "<5", "rate": None, "median_citizen_rate": None}
    assert report_json(report, named=True)["attendance"]["citizens"] == 3


# ---- the demo -------------------------------------------------------------------------------------


@pytest.fixture
def demo(db: Database) -> Database:
    load_demo(db)
    return db


def test_the_demo_report_for_2024_by_hand(demo: Database) -> None:
    report = results_report(demo, date(2024, 1, 1), date(2024, 12, 31), named=True)
    # outcomes dated in 2024: SA flex job 19/4 (SA-7), TE resource programme 20/8 (referral),
    # Thomas wage subsidy 27/9 (referral and Thomas-1); Jasmin's and Poul's are in 2025
    assert report.outcome_counts == {"flex_job": 1, "resource_programme": 1, "wage_subsidy": 1}
    by_ref = {c.ref: c for c in report.citizens}
    assert by_ref["SA"].days_to_outcome == (date(2024, 4, 19) - date(2022, 9, 1)).days  # from SA's referral
    assert by_ref["TE"].days_to_outcome == (date(2024, 8, 20) - date(2023, 4, 18)).days  # TE's first referral
    assert by_ref["Thomas"].days_to_outcome == (date(2024, 9, 27) - date(2024, 2, 5)).days
    assert by_ref["Thomas"].outcome_from == "referral"  # a referral's outcome wins the tie with Thomas-1's
    days = sorted(c.days_to_outcome for c in report.citizens if c.days_to_outcome is not None)
    q = report.days_to_outcome
    assert q is not None and q.median == days[1] and q.q1 == Fraction(days[0] + days[1], 2)
    # Thomas-1 led to hiring (wage subsidy at the warehouse); Poul's hiring is dated 2025
    hired = {(p.company, p.type): p.hired for p in report.placements if p.hired}
    assert list(hired.values()) == [1] and next(iter(hired))[1] == "hybrid"
    # Thomas's hours: 15 at start (Mon, Tue, Thu 5 h)
    assert by_ref["Thomas"].start_weekly == 15 * 60
    assert "Malthe" not in by_ref or by_ref["Malthe"].end is None  # the current cases start after 2024


def test_the_demo_report_for_all_years_names_the_seeds_outcomes(demo: Database) -> None:
    report = results_report(demo, date(2022, 1, 1), date(2026, 12, 31), named=True)
    outcome = {c.ref: c.outcome.kind if c.outcome else None for c in report.citizens}
    assert outcome == {
        "SA": "flex_job", "DC": None, "TE": "resource_programme", "Jasmin": "flex_job", "Thomas": "wage_subsidy",
        "Olivia": None, "Poul": "flex_job", "Malthe": None, "Phillip": None, "Miriam": None}  # fmt: skip
    assert (report.included, report.active, report.ended) == (10, 3, 7)
    assert report.ended_without_outcome == 2  # DC and Olivia
    poul = results_report(demo, date(2022, 1, 1), date(2026, 12, 31), programme="Mit Liv Mit Ansvar")
    assert [c.ref for c in poul.citizens] == ["Poul"] and poul.outcome_counts == {"flex_job": 1}
    assert [(p.company, p.hired) for p in poul.placements] == [("Dagligvarehuset Frederikshavn", 1)]


@pytest.mark.parametrize(
    ("first", "last", "programme"),
    [
        (date(2022, 1, 1), date(2026, 12, 31), None),
        (date(2024, 1, 1), date(2024, 12, 31), None),
        (date(2024, 5, 2), date(2024, 12, 20), None),  # Kristi himmelfart 9/5, Pinse 19-20/5, jul
        (date(2023, 3, 8), date(2023, 3, 20), None),  # inside DC's ramp-down (agreed absence on 7/3)
        (date(2024, 3, 1), date(2024, 6, 30), "Mit Liv Mit Ansvar"),
    ],
)
def test_the_databases_sums_equal_walking_every_record(
    demo: Database, first: date, last: date, programme: str | None
) -> None:
    """The report reads the attendance as weekly and period sums made by the database; the same report
    from every record walked date by date through the figures engine must be identical."""
    from placement_desk.services.results import _load

    import_case_file(demo, case_file(ramp_down_citizen()))
    until = min(last, TODAY)
    _, summed = _load(demo, until, None, first=first)
    _, walked = _load(demo, until, None, first=first, walk=True)
    assert all(p.sums is not None for c in summed for p in c.placements)
    assert all(p.sums is None and p.plan.records for c in walked for p in c.placements if p.start <= date(2026, 1, 1))
    fast = build_report(summed, first, last, TODAY, programme)
    slow = build_report(walked, first, last, TODAY, programme)
    assert report_json(fast, named=True) == report_json(slow, named=True)
    assert [c.sustained_weekly for c in fast.citizens] == [c.sustained_weekly for c in slow.citizens]
    assert fast.attendance.counted_planned == slow.attendance.counted_planned > 0


def random_caseload(seed: int, citizens: int = 8) -> dict[str, Any]:
    """Citizens with one to three placements over 2023-2024 (Easter, Christmas and other holidays inside),
    hours plans whose steps begin on any weekday, and every status registered, agreed absence too."""
    import random

    rng = random.Random(seed)
    statuses = ["present", "present", "present", "sick", "absent_agreed", "absent_unexcused"]
    people = []
    for i in range(citizens):
        placements = []
        for j in range(rng.randint(1, 3)):
            start = date(2023, 1, 2) + timedelta(days=rng.randint(0, 600))
            end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(20, 200))
            last = min(end or TODAY, date(2024, 12, 31))
            steps, day = [], start
            while day <= last and len(steps) < 4:
                hours = {d: rng.choice([0, 2, 4, 7.5]) for d in ("mon", "tue", "wed", "thu", "fri", "sat")}
                steps.append({"from": day.isoformat(), "hours": hours, "paid_per_week": 0})
                day += timedelta(days=rng.randint(10, 90))
            attendance, day = [], start
            while day <= last:
                if rng.random() < 0.7:
                    status = rng.choice(statuses)
                    minutes = rng.choice([60, 120, 240, 450]) if status == "present" else 0
                    attendance.append({"date": day.isoformat(), "status": status, "hours": minutes / 60,
                                       "reason": "Ferie" if status == "absent_agreed" else None})  # fmt: skip
                day += timedelta(days=1)
            placements.append({
                "ref": f"R{i}-{j}", "company": "co-saxo", "type": "internal_training", "purpose": "work_capacity",
                "start": start.isoformat(), "end": end.isoformat() if end else None, "workplace_mentor": None,
                "schedule": steps, "attendance": attendance, "capacity": [],
            })  # fmt: skip
        people.append({"ref": f"R{i}", "name": f"Tilfældig {i}", "placements": placements})
    return case_file(*people)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_sums_equal_walking_every_record_on_a_generated_caseload(db: Database, seed: int) -> None:
    """The database's sums (records grouped by placement and week, the few exceptions read one by one)
    against the reference that walks every record through the figures engine: periods starting and
    ending mid-week, and records left outside their placement's period when it was later shortened
    or moved."""
    from sqlalchemy import text

    from placement_desk.services.results import _load

    import_case_file(db, random_caseload(seed))
    with db.engine.begin() as conn:  # records before the start and after the end of some placements
        conn.execute(text("UPDATE placements SET start = date(start, '+9 days') WHERE id % 3 = 0"))
        conn.execute(text("UPDATE placements SET \"end\" = date(\"end\", '-11 days') WHERE id % 2 = 0"))
    for first, last in [(date(2023, 1, 1), date(2024, 12, 31)), (date(2023, 4, 5), date(2024, 3, 28)),
                        (date(2024, 2, 14), date(2024, 2, 29)), (date(2024, 12, 18), date(2025, 1, 9))]:  # fmt: skip
        until = min(last, TODAY)
        _, summed = _load(db, until, None, first=first)
        _, walked = _load(db, until, None, first=first, walk=True)
        fast = build_report(summed, first, last, TODAY)
        slow = build_report(walked, first, last, TODAY)
        assert report_json(fast, named=True) == report_json(slow, named=True)
        assert [(c.ref, c.sustained_weekly, c.attendance.counted_planned, c.attendance.attended_counted)
                for c in fast.citizens] == [
            (c.ref, c.sustained_weekly, c.attendance.counted_planned, c.attendance.attended_counted)
            for c in slow.citizens
        ]  # fmt: skip
        assert fast.attendance.counted_planned > 0


def test_goal_progress_from_the_first_and_latest_scores_equals_every_score(db: Database) -> None:
    """The service reads only each goal's first and latest score per assessor; the goal figures equal
    those of every score: same-day scores in entry order, scores out of date order, after the report's
    last day, unassessed, and an assessor with one score."""
    from placement_desk.services.results import _load

    scores = [  # (date, score, assessor) per goal, in entry order
        [("2023-03-21", 1, "citizen"), ("2023-03-21", 3, "citizen"), ("2023-03-02", 2, "citizen")],  # 2 -> 3: up
        [("2023-03-21", 3, "mentor"), ("2023-03-21", 1, "mentor"), ("2023-03-02", 2, "mentor")],  # 2 -> 1: down
        [("2023-03-02", 0, "consultant"), ("2023-04-02", 4, "consultant"), ("2023-03-03", 0, "consultant")],
        [("2023-03-02", 0, None), ("2023-03-06", 1, None), ("2023-03-04", 2, "mentor")],
    ]
    doc = case_file(ramp_down_citizen())
    doc["citizens"][0]["goals"] = [
        {"area": area, "text": f"Mål {i}", "subgoals": [],
         "scores": [{"date": d, "score": v, **({"assessor": a} if a else {})} for d, v, a in goal]}
        for i, (area, goal) in enumerate(zip(["health", "health", "employment", "social"], scores, strict=True))
    ]  # fmt: skip
    import_case_file(db, doc)
    first, last = date(2023, 3, 1), date(2023, 3, 31)
    _, facts = _load(db, last, None, first=first)
    full = [
        CitizenFacts(c.ref, c.name, c.referrals, c.placements, tuple(
            GoalFacts(g["area"], tuple(cf.Score(date.fromisoformat(d), v, a) for d, v, a in goal))
            for g, goal in zip(doc["citizens"][0]["goals"], scores, strict=True)))
        for c in facts
    ]  # fmt: skip
    assert len(facts[0].goals) == 4 and sum(len(g.scores) for g in facts[0].goals) < 12
    shown = [(g.area, g.assessor, g.assessed, g.progressed) for g in build_report(facts, first, last, TODAY).goals]
    assert shown == [(g.area, g.assessor, g.assessed, g.progressed)
                     for g in build_report(full, first, last, TODAY).goals]  # fmt: skip
    assert ("health", "citizen", 1, 1) in shown and ("health", "mentor", 1, 0) in shown
    assert ("employment", "consultant", 1, 0) in shown  # the April score is after the last day


def _report_equals_walking_every_record(db: Database, first: date, last: date) -> list[tuple[Any, ...]]:
    """The report as made (the database's sums) equals the reference that walks every record; returns
    each citizen's attendance figures."""
    from placement_desk.services.results import _load

    fast = results_report(db, first, last, on=TODAY)
    _, walked = _load(db, min(last, TODAY), None, first=first, walk=True)
    slow = build_report(walked, first, last, TODAY)
    assert report_json(fast, named=True) == report_json(slow, named=True)
    figures = [(c.ref, c.sustained_weekly, c.attendance.counted_planned, c.attendance.attended_counted)
               for c in fast.citizens]  # fmt: skip
    assert figures == [(c.ref, c.sustained_weekly, c.attendance.counted_planned, c.attendance.attended_counted)
                       for c in slow.citizens]  # fmt: skip
    return figures


def test_attendance_edited_after_a_report_is_in_the_next_one(db: Database) -> None:
    """A report, then attendance written by the service (a day turned into agreed absence, a new day),
    put back by undo and written anew by a case-file import: each next report has the new figures, equal
    to walking every record, and the undo gives the first report's figures back."""
    from placement_desk.services.attendance import log_day, restore_day

    first, last = date(2023, 1, 1), date(2024, 12, 31)
    import_case_file(db, random_caseload(3, citizens=4))
    before = _report_equals_walking_every_record(db, first, last)
    placement = random_caseload(3, citizens=4)["citizens"][0]["placements"][0]
    ref, worked = placement["ref"], next(a for a in placement["attendance"] if a["status"] == "present")
    day = date.fromisoformat(worked["date"])
    old = log_day(db, ref, cf.Attendance(day, "absent_agreed", 0, "Ferie"))
    assert old is not None and old.status == "present"
    agreed = _report_equals_walking_every_record(db, first, last)
    assert agreed != before
    free = next(d for d in (day + timedelta(days=i) for i in range(1, 60))
                if d.isoformat() not in {a["date"] for a in placement["attendance"]} and d.weekday() < 5)  # fmt: skip
    log_day(db, ref, cf.Attendance(free, "present", 600))
    assert _report_equals_walking_every_record(db, first, last) != agreed
    restore_day(db, ref, free, None)  # undo, latest first
    restore_day(db, ref, day, old)
    assert _report_equals_walking_every_record(db, first, last) == before
    import_case_file(db, random_caseload(4, citizens=3))  # R0-R2 again: their placements and attendance anew
    after = _report_equals_walking_every_record(db, first, last)
    assert after[:3] != before[:3] and after[3] == before[3]


def test_a_workplace_mentor_gets_the_anonymised_report_but_not_the_named_one(demo: Database) -> None:
    access.set_principal(demo, Principal("wm", "Birgit", Role.WORKPLACE_MENTOR, "co-dagligvare"))
    try:
        assert results_report(demo, date(2022, 1, 1), date(2026, 12, 31)).included == 10
        with pytest.raises(AccessDenied):
            results_report(demo, date(2022, 1, 1), date(2026, 12, 31), named=True)
        access.set_principal(demo, Principal("cw", "Sagsbehandler", Role.CASEWORKER))
        assert results_report(demo, date(2022, 1, 1), date(2026, 12, 31), named=True).citizens[0].name
    finally:
        access.set_principal(demo, None)


def test_bad_period_and_unknown_consultant_are_refused(demo: Database) -> None:
    with pytest.raises(ValidationError) as err:
        results_report(demo, date(2024, 2, 1), date(2024, 1, 1))
    assert err.value.path == "to"
    with pytest.raises(ValidationError) as err:
        results_report(demo, date(2024, 1, 1), date(2024, 12, 31), consultant="nobody")
    assert err.value.path == "consultant"


# ---- the files: the canary, the tables read back ----------------------------------------------------


CANARY_NAME, CANARY_CPR = "Kanariefugl Resultatsen", "010203-4051"


def _demo_with_canary(db: Database) -> list[str]:
    """The demo plus a citizen with a unique name and a CPR number; returns every name, ref and CPR."""
    load_demo(db)
    canary = copy.deepcopy(ramp_down_citizen())
    canary.update(ref="KANARIE-REF", name=CANARY_NAME, cpr=CANARY_CPR)
    canary["placements"][0]["ref"] = "KANARIE-1"
    canary["followups"][0]["placement"] = "KANARIE-1"
    import_case_file(db, case_file(canary))
    report = results_report(db, date(2022, 1, 1), date(2026, 12, 31), named=True)
    secrets = [CANARY_NAME, CANARY_CPR, CANARY_CPR.replace("-", "")]
    for c in report.citizens:
        secrets += [c.name, c.ref]
    assert CANARY_NAME in secrets and len(report.citizens) == 11
    return secrets


def _pdf_text(data: bytes) -> str:
    from io import BytesIO

    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())  # a name wrapped in a table cell reads as one


def _xlsx_cells(data: bytes) -> list[str]:
    from io import BytesIO

    wb = load_workbook(BytesIO(data))
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    props = wb.properties
    return cells + [str(v) for v in (props.title, props.subject, props.creator, props.lastModifiedBy) if v]


def _leaks(secrets: list[str], text: str) -> list[str]:
    return [s for s in secrets if s in text]


def test_canary_no_name_ref_or_cpr_in_the_anonymised_files(db: Database) -> None:
    secrets = _demo_with_canary(db)
    report = results_report(db, date(2022, 1, 1), date(2026, 12, 31))
    pdf_text = _pdf_text(results_pdf(report))
    cells = _xlsx_cells(results_xlsx(report))
    doc = json.dumps(report_json(report), ensure_ascii=False)
    assert "Fleksjob" in pdf_text and "Ressourceforløb" in "\n".join(cells) and "flex_job" in doc  # not empty
    assert _leaks(secrets, pdf_text) == []
    assert _leaks(secrets, "\n".join(cells)) == []
    assert _leaks(secrets, doc) == []
    # the named version does carry them (so the check above could fail)
    named = results_report(db, date(2022, 1, 1), date(2026, 12, 31), named=True)
    assert CANARY_NAME in _pdf_text(results_pdf(named, named=True))
    assert CANARY_NAME in _xlsx_cells(results_xlsx(named, named=True))
    assert CANARY_NAME in json.dumps(report_json(named, named=True), ensure_ascii=False)


def test_a_long_placements_table_is_all_in_the_pdf() -> None:
    """More companies than one table holds (results_pdf.CHUNK rows): every one is in the PDF, in order."""
    import dataclasses

    from placement_desk.export.results_pdf import CHUNK

    facts = [dataclasses.replace(c, placements=tuple(dataclasses.replace(p, company=f"Firma {i:03d}")
                                                     for p in c.placements))
             for i, c in enumerate(generated(CHUNK + 40))]  # fmt: skip
    report = build_report(facts, date(2024, 1, 1), date(2024, 12, 31), TODAY)
    assert len(report.placements) == CHUNK + 40
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(results_pdf(report))).pages)
    found = [int(m) for m in re.findall(r"Firma (\d{3})", text)]
    assert found == list(range(CHUNK + 40))


def test_the_workbook_holds_the_reports_tables(demo: Database) -> None:
    from io import BytesIO

    report = results_report(demo, date(2022, 1, 1), date(2026, 12, 31), named=True)
    wb = load_workbook(BytesIO(results_xlsx(report, named=True)))
    assert wb.sheetnames == ["Oversigt", "Borgere", "Resultater", "Varighed", "Timer", "Fremmøde", "Mål",
                             "Praktikker", "Borgerne"]  # fmt: skip
    ws = wb["Resultater"]
    rows = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 3).value) for r in range(5, ws.max_row + 1)}
    assert rows["Fleksjob"] == (3, 0.6) and rows["Ressourceforløb"] == (1, 0.2)
    assert ws.cell(5, 3).number_format == "0.0%"
    anon = load_workbook(BytesIO(results_xlsx(report)))["Resultater"]
    anon_rows = {anon.cell(r, 1).value: anon.cell(r, 2).value for r in range(5, anon.max_row + 1)}
    assert anon_rows["Fleksjob"] == "<5" and anon_rows["Pension"] == 0


def test_the_tables_say_the_same_as_the_json(demo: Database) -> None:
    report = results_report(demo, date(2022, 1, 1), date(2026, 12, 31))
    tables = {t.key: t for t in report_tables(report)}
    assert tables["citizens"].rows == [("I alt i perioden", 10), ("Startet", 10), ("Aktive ved periodens slut", "<5"),
                                       ("Afsluttet", "skjult")]  # fmt: skip
    assert "per_citizen" not in tables


# ---- the command line ----------------------------------------------------------------------------


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])


@pytest.mark.usefixtures("cli_admin")
def test_report_from_the_command_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db_path, "demo") == 0
    out = {k: tmp_path / f"r.{k}" for k in ("pdf", "xlsx", "json")}
    args = ["report", "--from", "2024-01-01", "--to", "2024-12-31"]
    assert cli(db_path, *args, "--pdf", str(out["pdf"]), "--xlsx", str(out["xlsx"]), "--json", str(out["json"])) == 0
    doc: dict[str, Any] = json.loads(out["json"].read_text(encoding="utf-8"))
    assert doc["named"] is False and doc["period"] == {"from": "2024-01-01", "to": "2024-12-31"}
    assert {k["kind"]: k["citizens"] for k in doc["outcomes"]["by_kind"]}["wage_subsidy"] == "<5"
    assert "Resultatopgørelse" in _pdf_text(out["pdf"].read_bytes())
    assert "Thomas" not in _pdf_text(out["pdf"].read_bytes())
    named = tmp_path / "named.json"
    assert cli(db_path, *args, "--named", "--json", str(named)) == 0
    names = [c["name"] for c in json.loads(named.read_text(encoding="utf-8"))["per_citizen"]]
    assert "Thomas" in names
    poul = tmp_path / "poul.json"
    assert cli(db_path, "report", "--from", "2022-01-01", "--to", "2026-12-31", "--programme",
               "Mit Liv Mit Ansvar", "--json", str(poul)) == 0  # fmt: skip
    assert json.loads(poul.read_text(encoding="utf-8"))["citizens"]["included"] == "<5"


@pytest.mark.usefixtures("cli_admin")
@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ([], "--pdf"),
        (["--to", "2023-01-01", "--json", "X"], "--to"),
        (["--consultant", "nobody", "--json", "X"], "consultant"),
    ],
    ids=["no output", "to before from", "unknown consultant"],
)
def test_bad_report_arguments_exit_2_and_write_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], field: str
) -> None:
    assert cli(db_path, "demo") == 0
    target = tmp_path / "r.json"
    args = [a if a != "X" else str(target) for a in extra]
    base = ["report", "--from", "2024-01-01"] + ([] if "--to" in args else ["--to", "2024-12-31"])
    capsys.readouterr()
    assert cli(db_path, *base, *args) == 2
    assert f"{field}: " in capsys.readouterr().err
    assert not target.exists() and list(tmp_path.glob(".r.json*")) == []
