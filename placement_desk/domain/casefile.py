"""The case file (spec section 1) as plain data, and its canonical JSON form.

The parser lives in :mod:`placement_desk.domain.casefile_parse`. Durations are minutes;
effectiveness is kept in hundredths of a percent so that no float is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from placement_desk.domain.numbers import hours_value
from placement_desk.domain.outcomes import Outcome, outcome_json
from placement_desk.domain.profile import (
    Observation,
    Profile,
    canonical_observations,
    canonical_profile,
    observation_json,
    profile_json,
)
from placement_desk.domain.vocab import WEEKDAYS

FORMAT = "placement-desk/case-file"
VERSION = 1

Json = dict[str, Any]


@dataclass(frozen=True)
class Contact:
    ref: str
    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Company:
    ref: str
    name: str
    cvr: str | None = None
    industry: str | None = None
    address: str | None = None
    internal: bool = False
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Referral:
    programme: str
    start: date
    end: date | None = None
    extensions: tuple[date, ...] = ()
    end_reason: str | None = None
    outcome: Outcome | None = None  # what it led to (optional, added for results)


@dataclass(frozen=True)
class ScheduleStep:
    start: date
    minutes: tuple[int, int, int, int, int, int, int]
    paid_per_week: int = 0

    @property
    def weekly(self) -> int:
        return sum(self.minutes)


@dataclass(frozen=True)
class Attendance:
    day: date
    status: str
    minutes: int
    reason: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CapacityTask:
    name: str
    time_share_pct: int
    tempo_pct: int
    quality_pct: int


@dataclass(frozen=True)
class CapacityAssessment:
    day: date
    effectiveness_cpct: int  # hundredths of a percent: 6050 = 60.5 %
    note: str | None = None
    tasks: tuple[CapacityTask, ...] = ()


@dataclass(frozen=True)
class Placement:
    ref: str
    company: str
    type: str
    start: date
    purpose: str | None = None
    end: date | None = None
    end_reason: str | None = None
    tasks: tuple[str, ...] = ()
    workplace_mentor: str | None = None
    schedule: tuple[ScheduleStep, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    capacity: tuple[CapacityAssessment, ...] = ()
    outcome: Outcome | None = None  # what it led to (optional, added for results)


@dataclass(frozen=True)
class Accommodation:
    category: str
    text: str
    identified: date | None = None
    source: str | None = None
    active: bool = True
    retired: date | None = None


@dataclass(frozen=True)
class Correction:
    day: date
    author: str | None
    text: str


@dataclass(frozen=True)
class Followup:
    day: date
    kind: str
    placement: str | None = None
    participants: tuple[str, ...] = ()
    note: str | None = None
    citizen_view: str | None = None
    agreed_changes: str | None = None
    topics: tuple[tuple[str, str], ...] = ()  # standing topics: (topic key, text)
    finalised: bool = False
    corrections: tuple[Correction, ...] = ()
    headings: tuple[str, ...] = ()  # spec 1b: the note also belongs under these headings


@dataclass(frozen=True)
class Score:
    day: date
    score: int
    assessor: str | None = None


@dataclass(frozen=True)
class Goal:
    area: str
    text: str
    subgoals: tuple[str, ...] = ()
    scores: tuple[Score, ...] = ()


@dataclass(frozen=True)
class Citizen:
    ref: str
    name: str
    cpr: str | None = None
    birth_year: int | None = None
    benefit: str | None = None
    caseworker: str | None = None
    job_goal: str | None = None
    own_view: str | None = None
    referrals: tuple[Referral, ...] = ()
    placements: tuple[Placement, ...] = ()
    accommodations: tuple[Accommodation, ...] = ()
    followups: tuple[Followup, ...] = ()
    goals: tuple[Goal, ...] = ()
    profile: Profile = Profile()  # spec 1b
    observations: tuple[Observation, ...] = ()  # spec 1b, in date order


@dataclass(frozen=True)
class CaseFile:
    companies: tuple[Company, ...] = ()
    citizens: tuple[Citizen, ...] = field(default_factory=tuple)


FOLLOWUP_TOPICS: tuple[str, ...] = (
    "attendance",
    "benefit",
    "behaviour",
    "goals",
    "accommodations",
)


# ---- canonical ordering (lists in date order, ties keep their given order) ----------------------


def canonical_placement(p: Placement) -> Placement:
    from dataclasses import replace

    return replace(
        p,
        schedule=tuple(sorted(p.schedule, key=lambda s: s.start)),
        attendance=tuple(sorted(p.attendance, key=lambda a: a.day)),
        capacity=tuple(sorted(p.capacity, key=lambda c: c.day)),
    )


def canonical_citizen(c: Citizen) -> Citizen:
    from dataclasses import replace

    return replace(
        c,
        referrals=tuple(sorted(c.referrals, key=lambda r: r.start)),
        placements=tuple(canonical_placement(p) for p in sorted(c.placements, key=lambda p: (p.start, p.ref))),
        accommodations=tuple(sorted(c.accommodations, key=lambda a: (a.identified is None, a.identified or date.min))),
        followups=tuple(sorted(c.followups, key=lambda f: f.day)),
        goals=tuple(replace(g, scores=tuple(sorted(g.scores, key=lambda s: s.day))) for g in c.goals),
        profile=canonical_profile(c.profile),
        observations=canonical_observations(c.observations),
    )


# ---- JSON --------------------------------------------------------------------------------------


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _pct(cpct: int) -> int | float:
    return cpct // 100 if cpct % 100 == 0 else cpct / 100


def company_json(c: Company) -> Json:
    return {
        "ref": c.ref,
        "name": c.name,
        "cvr": c.cvr,
        "industry": c.industry,
        "address": c.address,
        "internal": c.internal,
        "contacts": [
            {"ref": k.ref, "name": k.name, "role": k.role, "phone": k.phone, "email": k.email} for k in c.contacts
        ],
    }


def placement_json(p: Placement) -> Json:
    out: Json = {
        "ref": p.ref,
        "company": p.company,
        "type": p.type,
        "purpose": p.purpose,
        "start": _d(p.start),
        "end": _d(p.end),
        "end_reason": p.end_reason,
        "tasks": list(p.tasks),
        "workplace_mentor": p.workplace_mentor,
        "schedule": [step_json(s) for s in p.schedule],
        "attendance": [attendance_json(a) for a in p.attendance],
        "capacity": [_capacity_json(c) for c in p.capacity],
    }
    if p.outcome is not None:  # optional: a placement without one is written as before
        out["outcome"] = outcome_json(p.outcome)
    return out


def step_json(s: ScheduleStep) -> Json:
    return {
        "from": _d(s.start),
        "hours": {k: hours_value(m) for k, m in zip(WEEKDAYS, s.minutes, strict=True) if m},
        "paid_per_week": hours_value(s.paid_per_week),
    }


def attendance_json(a: Attendance) -> Json:
    out: Json = {"date": _d(a.day), "status": a.status, "hours": hours_value(a.minutes)}
    if a.reason is not None:
        out["reason"] = a.reason
    if a.note is not None:
        out["note"] = a.note
    return out


def _capacity_json(c: CapacityAssessment) -> Json:
    out: Json = {"date": _d(c.day), "effectiveness_pct": _pct(c.effectiveness_cpct), "note": c.note}
    if c.tasks:
        out["tasks"] = [
            {
                "name": t.name,
                "time_share_pct": t.time_share_pct,
                "tempo_pct": t.tempo_pct,
                "quality_pct": t.quality_pct,
            }
            for t in c.tasks
        ]
    return out


def followup_json(f: Followup) -> Json:
    out: Json = {
        "date": _d(f.day),
        "kind": f.kind,
        "placement": f.placement,
        "participants": list(f.participants),
        "note": f.note,
        "citizen_view": f.citizen_view,
        "agreed_changes": f.agreed_changes,
    }
    if f.topics:
        out["topics"] = dict(f.topics)
    if f.finalised:
        out["finalised"] = True
    if f.corrections:
        out["corrections"] = [{"date": _d(k.day), "author": k.author, "text": k.text} for k in f.corrections]
    if f.headings:
        out["headings"] = list(f.headings)
    return out


def _accommodation_json(a: Accommodation) -> Json:
    out: Json = {
        "category": a.category,
        "text": a.text,
        "identified": _d(a.identified),
        "source": a.source,
        "active": a.active,
    }
    if a.retired is not None:
        out["retired"] = _d(a.retired)
    return out


def _goal_json(g: Goal) -> Json:
    scores: list[Json] = []
    for s in g.scores:
        item: Json = {"date": _d(s.day), "score": s.score}
        if s.assessor is not None:
            item["assessor"] = s.assessor
        scores.append(item)
    return {"area": g.area, "text": g.text, "subgoals": list(g.subgoals), "scores": scores}


def referral_json(r: Referral) -> Json:
    out: Json = {
        "programme": r.programme,
        "start": _d(r.start),
        "end": _d(r.end),
        "extensions": [_d(e) for e in r.extensions],
        "end_reason": r.end_reason,
    }
    if r.outcome is not None:  # optional: a referral without one is written as before
        out["outcome"] = outcome_json(r.outcome)
    return out


def citizen_json(c: Citizen) -> Json:
    c = canonical_citizen(c)
    out: Json = {
        "ref": c.ref,
        "name": c.name,
        "cpr": c.cpr,
        "birth_year": c.birth_year,
        "benefit": c.benefit,
        "caseworker": c.caseworker,
        "job_goal": c.job_goal,
        "own_view": c.own_view,
        "referrals": [referral_json(r) for r in c.referrals],
        "placements": [placement_json(p) for p in c.placements],
        "accommodations": [_accommodation_json(a) for a in c.accommodations],
        "followups": [followup_json(f) for f in c.followups],
        "goals": [_goal_json(g) for g in c.goals],
    }
    profile = profile_json(c.profile)
    if profile:  # spec 1b: optional, so a citizen without one is written as before
        out["profile"] = profile
    if c.observations:
        out["observations"] = [observation_json(o) for o in c.observations]
    return out


def case_file_json(cf: CaseFile) -> Json:
    """The canonical JSON document: companies and citizens by ref, lists in date order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "companies": [company_json(c) for c in sorted(cf.companies, key=lambda c: c.ref)],
        "citizens": [citizen_json(c) for c in sorted(cf.citizens, key=lambda c: c.ref)],
    }
