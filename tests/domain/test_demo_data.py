"""The demo case file: deterministic, complete, and valid per the case-file contract (spec section 1)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import holidays
import pytest

from placement_desk.demo.seed_cases import demo_case_file

TODAY = dt.date(2026, 11, 23)
OTHER_TODAYS = [TODAY, dt.date(2027, 3, 28), dt.date(2026, 1, 1)]

REFS = ["SA", "DC", "TE", "Jasmin", "Thomas", "Olivia", "Poul", "Malthe", "Phillip", "Miriam"]
HISTORICAL = ["SA", "DC", "TE", "Jasmin", "Thomas", "Olivia", "Poul"]
CURRENT = ["Malthe", "Phillip", "Miriam"]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TYPES = {
    "internal_training",
    "internship",
    "hybrid",
    "wage_subsidy",
    "ordinary_hours",
    "flex_job",
    "apprenticeship",
    "social_free_card",
}
PURPOSES = {"assessment", "training", "recruitment", "work_capacity"}
STATUSES = {"present", "sick", "absent_agreed", "absent_unexcused"}
CATEGORIES = {"physical", "psychological", "cognitive", "sensory", "time", "aids", "other"}
SOURCES = {"observed", "citizen", "doctor", "other"}
KINDS = {"startup", "monthly", "three_party", "phone", "final", "other"}
PARTICIPANTS = {"citizen", "mentor", "workplace_mentor", "consultant", "caseworker"}
AREAS = {"employment", "education", "social", "health", "everyday", "network", "other"}

DK_HOLIDAYS = holidays.country_holidays("DK")  # holidays.DK

Json = dict[str, Any]


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _quarter(value: float) -> bool:
    return float(value * 4).is_integer()


def _cvr_ok(cvr: str) -> bool:
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    return len(cvr) == 8 and cvr.isdigit() and sum(int(c) * w for c, w in zip(cvr, weights, strict=True)) % 11 == 0


def _planned(placement: Json, day: dt.date) -> float:
    """planned(d) per spec section 2."""
    if day < _date(placement["start"]) or (placement.get("end") and day > _date(placement["end"])):
        return 0.0
    if day in DK_HOLIDAYS:
        return 0.0
    step = None
    for candidate in placement["schedule"]:
        if _date(candidate["from"]) <= day:
            step = candidate
    if step is None:
        return 0.0
    return float(step["hours"].get(WEEKDAYS[day.weekday()], 0.0))


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _citizens(case_file: Json) -> dict[str, Json]:
    return {c["ref"]: c for c in case_file["citizens"]}


@pytest.fixture(scope="module")
def case_file() -> Json:
    return demo_case_file(TODAY)


def test_deterministic() -> None:
    first = demo_case_file(TODAY)
    second = demo_case_file(TODAY)
    assert first == second
    assert json.dumps(first, ensure_ascii=False, sort_keys=True) == json.dumps(
        second, ensure_ascii=False, sort_keys=True
    )


def test_header_and_refs(case_file: Json) -> None:
    assert case_file["format"] == "placement-desk/case-file"
    assert case_file["version"] == 1
    refs = [c["ref"] for c in case_file["citizens"]]
    assert set(REFS) <= set(refs)
    assert len(refs) == len(set(refs))
    text = json.dumps(case_file, ensure_ascii=False)
    assert all(letter in text for letter in "æøå")


def test_companies(case_file: Json) -> None:
    companies = case_file["companies"]
    assert 8 <= len(companies) <= 14
    assert any(c.get("internal") for c in companies)
    refs = [c["ref"] for c in companies]
    assert len(refs) == len(set(refs))
    contact_refs = [k["ref"] for c in companies for k in c["contacts"]]
    assert len(contact_refs) == len(set(contact_refs))
    for company in companies:
        if company.get("cvr") is not None:
            assert _cvr_ok(company["cvr"]), company["ref"]
        assert any(k["role"] == "workplace_mentor" for k in company["contacts"]), company["ref"]


@pytest.mark.parametrize("today", OTHER_TODAYS)
def test_contract_rules(today: dt.date) -> None:
    case_file = demo_case_file(today)
    json.dumps(case_file)  # plain JSON values only
    contacts = {c["ref"]: {k["ref"] for k in c["contacts"]} for c in case_file["companies"]}
    placement_refs: list[str] = []
    for person in case_file["citizens"]:
        ref = person["ref"]
        assert person["cpr"] is None
        assert 1940 <= person["birth_year"] <= 2008
        starts = [r["start"] for r in person["referrals"]]
        assert starts == sorted(starts), ref
        for item in person["referrals"]:
            if item.get("end"):
                assert _date(item["end"]) >= _date(item["start"])
            ext = [_date(e) for e in item["extensions"]]
            assert ext == sorted(ext)
        placements = person["placements"]
        assert placements, ref
        assert [p["start"] for p in placements] == sorted(p["start"] for p in placements)
        own = set()
        for p in placements:
            _check_placement(p, contacts)
            placement_refs.append(p["ref"])
            own.add(p["ref"])
        accs = person["accommodations"]
        assert 2 <= len(accs) <= 6, ref
        assert [a["identified"] for a in accs] == sorted(a["identified"] for a in accs)
        for acc in accs:
            assert acc["category"] in CATEGORIES and acc["source"] in SOURCES
            assert isinstance(acc["active"], bool) and acc["text"]
        followups = person["followups"]
        assert [f["date"] for f in followups] == sorted(f["date"] for f in followups)
        for fu in followups:
            assert fu["kind"] in KINDS, fu
            assert fu["placement"] in own, fu
            assert fu["participants"] and set(fu["participants"]) <= PARTICIPANTS, fu
            assert fu["note"]
        assert 2 <= len(person["goals"]) <= 4, ref
        for item in person["goals"]:
            assert item["area"] in AREAS and item["text"] and item["subgoals"]
            dates = [s["date"] for s in item["scores"]]
            assert dates == sorted(dates)
            scored = [(s["date"], s.get("assessor")) for s in item["scores"]]
            assert len(scored) == len(set(scored))  # one score per day and assessor
            for score in item["scores"]:
                assert isinstance(score["score"], int) and -5 <= score["score"] <= 5
    assert len(placement_refs) == len(set(placement_refs))


def _check_placement(p: Json, contacts: dict[str, set[str]]) -> None:
    ref = p["ref"]
    assert p["company"] in contacts, ref
    if p.get("workplace_mentor") is not None:
        assert p["workplace_mentor"] in contacts[p["company"]], ref
    assert p["type"] in TYPES, ref
    assert p.get("purpose") is None or p["purpose"] in PURPOSES, ref
    start = _date(p["start"])
    end = _date(p["end"]) if p.get("end") else None
    assert end is None or end >= start, ref

    def inside(day: dt.date) -> bool:
        return start <= day and (end is None or day <= end)

    steps = p["schedule"]
    froms = [_date(s["from"]) for s in steps]
    assert froms and froms == sorted(froms) and len(froms) == len(set(froms)), ref
    assert all(inside(day) for day in froms), ref
    assert froms[0] == start, ref
    for step in steps:
        assert set(step["hours"]) <= set(WEEKDAYS), ref
        for hours in step["hours"].values():
            assert 0 <= hours <= 24 and _quarter(hours), ref
        weekly = sum(step["hours"].values())
        assert 0 <= step["paid_per_week"] <= weekly, ref
        assert _quarter(step["paid_per_week"]), ref
    dates = [_date(a["date"]) for a in p["attendance"]]
    assert dates == sorted(dates) and len(dates) == len(set(dates)), ref
    for rec in p["attendance"]:
        day = _date(rec["date"])
        assert inside(day), (ref, rec)
        assert _planned(p, day) > 0, (ref, rec)
        assert rec["status"] in STATUSES, (ref, rec)
        assert 0 <= rec["hours"] <= 24 and _quarter(rec["hours"]), (ref, rec)
        if rec["status"] != "present":
            assert rec["hours"] == 0, (ref, rec)
    caps = p["capacity"]
    assert [c["date"] for c in caps] == sorted(c["date"] for c in caps), ref
    for cap in caps:
        assert inside(_date(cap["date"])), ref
        assert isinstance(cap["effectiveness_pct"], int) and 0 <= cap["effectiveness_pct"] <= 100
    assert p["tasks"], ref


def test_historical_cases_are_closed(case_file: Json) -> None:
    people = _citizens(case_file)
    for ref in HISTORICAL:
        for p in people[ref]["placements"]:
            assert p.get("end"), p["ref"]
            assert _date(p["end"]) < TODAY
            assert _date(p["start"]).year >= 2022 and _date(p["end"]).year <= 2025


def test_current_cases_are_live(case_file: Json) -> None:
    people = _citizens(case_file)
    yesterday = TODAY - dt.timedelta(days=1)
    overdue = unregistered = False
    for ref in CURRENT:
        person = people[ref]
        latest = person["placements"][-1]
        assert latest.get("end") is None or _date(latest["end"]) > TODAY, ref
        assert _date(latest["start"]) <= TODAY - dt.timedelta(days=60), ref
        last_record = _date(latest["attendance"][-1]["date"])
        assert TODAY - dt.timedelta(days=7) <= last_record <= yesterday, ref
        for p in person["placements"]:
            assert all(_date(a["date"]) < TODAY for a in p["attendance"])
        last_followup = _date(person["followups"][-1]["date"])
        assert last_followup < TODAY
        overdue = overdue or (TODAY - last_followup).days > 35
        registered = {a["date"] for a in latest["attendance"]}
        missing = [
            day
            for day in _days(TODAY - dt.timedelta(days=14), yesterday)
            if _planned(latest, day) > 0 and day.isoformat() not in registered
        ]
        unregistered = unregistered or 1 <= len(missing) <= 5
    assert overdue, "one current citizen must have an overdue follow-up"
    assert unregistered, "one current citizen must have a few unregistered planned days"


def test_dc_migraine_december_2023(case_file: Json) -> None:
    dc = _citizens(case_file)["DC"]
    december = _days(dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    planned = sum(_planned(p, day) for p in dc["placements"] for day in december)
    assert planned > 0
    migraine = 0.0
    for p in dc["placements"]:
        for rec in p["attendance"]:
            day = _date(rec["date"])
            reason = (rec.get("reason") or "").strip().lower()
            if day.year == 2023 and day.month == 12 and rec["status"] == "sick" and reason == "migræne":
                migraine += _planned(p, day) - rec["hours"]
    assert migraine > 0.5 * planned


def test_seed_story_details(case_file: Json) -> None:
    people = _citizens(case_file)
    sa_weekly = [sum(s["hours"].values()) for p in people["SA"]["placements"] for s in p["schedule"]]
    assert {2, 4, 3, 6, 15, 8} <= set(sa_weekly)
    assert len(people["TE"]["referrals"]) == 2
    te_caps = [c["effectiveness_pct"] for p in people["TE"]["placements"] for c in p["capacity"]]
    assert min(te_caps) <= 15
    jasmin_steps = [s for p in people["Jasmin"]["placements"] for s in p["schedule"]]
    assert sum(jasmin_steps[0]["hours"].values()) == 5
    assert any(sum(s["hours"].values()) == 14 and s["paid_per_week"] == 6 for s in jasmin_steps)
    olivia_steps = [s for p in people["Olivia"]["placements"] for s in p["schedule"]]
    assert sum(olivia_steps[0]["hours"].values()) == 10
    assert any(sum(s["hours"].values()) == 20 and s["paid_per_week"] == 5 for s in olivia_steps)
    assert any(p["type"] == "wage_subsidy" for p in people["Thomas"]["placements"])
    poul_weekly = [sum(s["hours"].values()) for p in people["Poul"]["placements"] for s in p["schedule"]]
    assert poul_weekly[-2:] == [24, 20]
