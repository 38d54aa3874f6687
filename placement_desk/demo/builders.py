"""Small builders for the demo case file: schedule steps, generated attendance and JSON records.

The case modules (``cases_*.py``) describe each citizen's story with these helpers; the attendance
is generated day by day from the schedule with a seeded ``random.Random`` so the demo is deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import holidays

Json = dict[str, Any]

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_DK_HOLIDAYS = holidays.country_holidays("DK")  # the same list as holidays.DK


def is_holiday(day: dt.date) -> bool:
    """True on an official Danish public holiday (``holidays.DK``)."""
    return day in _DK_HOLIDAYS


def d(iso: str) -> dt.date:
    """Parse an ISO date (short to write in the case definitions)."""
    return dt.date.fromisoformat(iso)


def dk(day: dt.date) -> str:
    """Danish short date as written in notes: ``14/9``."""
    return f"{day.day}/{day.month}"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def days(keys: str, hours: float) -> dict[str, float]:
    """``days("mon wed fri", 3)`` -> ``{"mon": 3.0, "wed": 3.0, "fri": 3.0}``."""
    return {key: float(hours) for key in keys.split()}


def merge(*parts: Mapping[str, float]) -> dict[str, float]:
    """Combine weekday maps: ``merge(days("mon wed", 4), days("fri", 3))``."""
    out: dict[str, float] = {}
    for part in parts:
        out.update(part)
    return out


@dataclass(frozen=True)
class Step:
    """One step of the hours plan, valid from ``start`` until the next step."""

    start: dt.date
    hours: Mapping[str, float]
    paid: float = 0.0

    @property
    def weekly(self) -> float:
        return float(sum(self.hours.values()))

    def to_json(self) -> Json:
        hours = {key: float(self.hours[key]) for key in WEEKDAYS if key in self.hours}
        return {"from": self.start.isoformat(), "hours": hours, "paid_per_week": float(self.paid)}


@dataclass(frozen=True)
class Profile:
    """Daily probabilities of the attendance outcomes and the reasons to draw from."""

    sick: float = 0.04
    unexcused: float = 0.0
    agreed: float = 0.02
    early: float = 0.04
    sick_reasons: tuple[str, ...] = ("Influenza", "Forkølelse", "forkølelse")
    unexcused_reasons: tuple[str, ...] = ("",)
    agreed_reasons: tuple[str, ...] = ("Møde på jobcentret", "Lægetid")
    early_reasons: tuple[str, ...] = ("Træt", "", "Lægetid")
    kept: tuple[float, float] = (0.5, 0.85)  # share of the planned hours attended when leaving early


@dataclass(frozen=True)
class Mark:
    """An explicit attendance record for one date (``hours`` None = the planned hours)."""

    status: str
    reason: str | None = None
    hours: float | None = None
    note: str | None = None


# In an overrides map, SKIP leaves a planned day unregistered.
SKIP: Mark | None = None
Overrides = dict[dt.date, Mark | None]
FERIE = Mark("absent_agreed", "Ferie")

_SICK_NOTES: tuple[str, ...] = ("ringede kl. 8", "sms om morgenen", "", "", "meldte syg via app")


def planned(schedule: Sequence[Step], day: dt.date) -> float:
    """Planned hours on ``day`` per the spec (0 on holidays and before the first step)."""
    if is_holiday(day):
        return 0.0
    current: Step | None = None
    for step in schedule:
        if step.start <= day:
            current = step
    if current is None:
        return 0.0
    return float(current.hours.get(WEEKDAYS[day.weekday()], 0.0))


def date_range(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def planned_days(schedule: Sequence[Step], first: dt.date, last: dt.date) -> list[dt.date]:
    return [day for day in date_range(first, last) if planned(schedule, day) > 0]


def dates_between(first: dt.date, last: dt.date, mark: Mark) -> Overrides:
    """The same mark on every weekday from ``first`` to ``last`` (e.g. a holiday)."""
    return {day: mark for day in date_range(first, last) if day.weekday() < 5}


def _quarter(value: float) -> float:
    return round(value * 4) / 4


def _record(day: dt.date, status: str, hours: float, reason: str | None, note: str | None) -> Json:
    rec: Json = {"date": day.isoformat(), "status": status, "hours": float(hours)}
    if reason:
        rec["reason"] = reason
    if note:
        rec["note"] = note
    return rec


def _generated(day: dt.date, plan: float, profile: Profile, rng: random.Random) -> Json:
    roll = rng.random()
    pick = rng.random()
    extra = rng.random()
    limits = (profile.sick, profile.unexcused, profile.agreed, profile.early)
    if roll < limits[0]:
        reason = profile.sick_reasons[int(pick * len(profile.sick_reasons))]
        note = _SICK_NOTES[int(extra * len(_SICK_NOTES))]
        return _record(day, "sick", 0.0, reason, note)
    if roll < sum(limits[:2]):
        reason = profile.unexcused_reasons[int(pick * len(profile.unexcused_reasons))]
        return _record(day, "absent_unexcused", 0.0, reason, "ingen besked" if extra < 0.5 else None)
    if roll < sum(limits[:3]):
        reason = profile.agreed_reasons[int(pick * len(profile.agreed_reasons))]
        return _record(day, "absent_agreed", 0.0, reason, None)
    if roll < sum(limits) and plan > 0.25:
        low, high = profile.kept
        hours = min(max(_quarter(plan * (low + (high - low) * extra)), 0.25), plan - 0.25)
        reason = profile.early_reasons[int(pick * len(profile.early_reasons))]
        return _record(day, "present", hours, reason, "gik tidligt hjem")
    return _record(day, "present", plan, None, None)


def attendance(
    schedule: Sequence[Step],
    first: dt.date,
    last: dt.date,
    rng: random.Random,
    profiles: Sequence[tuple[dt.date, Profile]] = (),
    overrides: Mapping[dt.date, Mark | None] | None = None,
) -> list[Json]:
    """One record per planned day from ``first`` to ``last``; overrides win (SKIP = no record).

    Overrides on days without planned hours are ignored, so a holiday span can cover whole weeks.
    """
    overrides = overrides or {}
    records: list[Json] = []
    for day in date_range(first, last):
        plan = planned(schedule, day)
        if plan == 0:
            continue
        if day in overrides:
            mark = overrides[day]
            if mark is not None:
                hours = 0.0 if mark.status != "present" else (plan if mark.hours is None else mark.hours)
                records.append(_record(day, mark.status, hours, mark.reason, mark.note))
            continue
        profile = Profile()
        for since, candidate in profiles:
            if since <= day:
                profile = candidate
        records.append(_generated(day, plan, profile, rng))
    return records


@dataclass
class Placement:
    """A placement as written in the case modules; ``build`` renders the JSON with attendance."""

    ref: str
    company: str
    type: str
    purpose: str | None
    start: dt.date
    end: dt.date | None
    mentor: str | None
    tasks: list[str]
    schedule: list[Step]
    end_reason: str | None = None
    profiles: list[tuple[dt.date, Profile]] = field(default_factory=list)
    overrides: Overrides = field(default_factory=dict)
    capacity: list[tuple[dt.date, int, str]] = field(default_factory=list)
    outcome: Json | None = None  # what it led to (case-file ``outcome``), e.g. from outcome()

    def build(self, seed: int, until: dt.date | None = None) -> Json:
        """Render; attendance and capacity stop at ``until`` (the day before today) if given."""
        last = self.end if self.end is not None else until
        if until is not None and last is not None:
            last = min(last, until)
        rng = random.Random(seed)
        records = attendance(self.schedule, self.start, last, rng, self.profiles, self.overrides) if last else []
        out: Json = {
            "ref": self.ref,
            "company": self.company,
            "type": self.type,
            "purpose": self.purpose,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "end_reason": self.end_reason,
            "tasks": list(self.tasks),
            "workplace_mentor": self.mentor,
            "schedule": [step.to_json() for step in sorted(self.schedule, key=lambda s: s.start)],
            "attendance": records,
            "capacity": [
                {"date": day.isoformat(), "effectiveness_pct": pct, "note": note}
                for day, pct, note in sorted(self.capacity)
                if last is not None and day <= last
            ],
        }
        if self.outcome is not None:
            out["outcome"] = self.outcome
        return out


def outcome(kind: str, day: dt.date, note: str | None = None, hired: bool | None = None,
            hired_hours: float | None = None) -> Json:
    """A case-file ``outcome`` (issue 18): what a referral or placement led to."""
    out: Json = {"kind": kind, "date": day.isoformat(), "note": note}
    if hired is not None:
        out["hired"] = hired
    if hired_hours is not None:
        out["hired_hours"] = hired_hours
    return out


def referral(
    programme: str,
    start: dt.date,
    end: dt.date | None,
    extensions: Iterable[dt.date] = (),
    end_reason: str | None = None,
    result: Json | None = None,
) -> Json:
    out: Json = {
        "programme": programme,
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "extensions": [day.isoformat() for day in extensions],
        "end_reason": end_reason,
    }
    if result is not None:
        out["outcome"] = result
    return out


def accommodation(category: str, text: str, identified: dt.date, source: str, active: bool = True) -> Json:
    return {
        "category": category,
        "text": text,
        "identified": identified.isoformat(),
        "source": source,
        "active": active,
    }


def followup(
    day: dt.date,
    kind: str,
    placement: str,
    participants: str,
    note: str,
    citizen_view: str | None = None,
    agreed_changes: str | None = None,
) -> Json:
    """``participants`` is a space-separated list: ``"citizen mentor workplace_mentor"``."""
    return {
        "date": day.isoformat(),
        "kind": kind,
        "placement": placement,
        "participants": participants.split(),
        "note": note,
        "citizen_view": citizen_view,
        "agreed_changes": agreed_changes,
    }


def goal(
    area: str,
    text: str,
    subgoals: Sequence[str],
    scores: Sequence[tuple[dt.date, int] | tuple[dt.date, int, str]],
) -> Json:
    """A goal; a score may name who gave it (citizen, mentor or consultant) as a third element."""

    def one(item: tuple[dt.date, int] | tuple[dt.date, int, str]) -> Json:
        out: Json = {"date": item[0].isoformat(), "score": item[1]}
        if len(item) > 2:
            out["assessor"] = item[2]
        return out

    return {
        "area": area,
        "text": text,
        "subgoals": list(subgoals),
        "scores": [one(item) for item in sorted(scores, key=lambda x: (x[0], x[2] if len(x) > 2 else ""))],
    }


def citizen(
    head: Json,
    referrals: Sequence[Json],
    placements: Sequence[Json],
    accommodations: Sequence[Json],
    followups: Sequence[Json],
    goals: Sequence[Json],
    today: dt.date | None = None,
) -> Json:
    """Assemble a citizen; lists in date order, and nothing dated on or after ``today`` if given."""

    def visible(day: str) -> bool:
        return today is None or dt.date.fromisoformat(day) < today

    kept_goals = []
    for item in goals:
        scores = [score for score in item["scores"] if visible(score["date"])]
        kept_goals.append({**item, "scores": scores})
    return {
        **head,
        "cpr": None,
        "referrals": sorted(referrals, key=lambda r: r["start"]),
        "placements": sorted(placements, key=lambda p: (p["start"], p["ref"])),
        "accommodations": sorted(
            (a for a in accommodations if visible(a["identified"])), key=lambda a: a["identified"]
        ),
        "followups": sorted((f for f in followups if visible(f["date"])), key=lambda f: f["date"]),
        "goals": kept_goals,
    }
