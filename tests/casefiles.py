"""Small hand-made case files for tests (each figure in them is computed by hand in the tests)."""

from __future__ import annotations

import copy
from typing import Any

COMPANY = {
    "ref": "co-saxo",
    "name": "Pedelteamet, Saxogade",
    "cvr": "12345674",
    "industry": "Service",
    "address": "Saxogade 1, 1662 København V",
    "internal": True,
    "contacts": [
        {"ref": "wm-1", "name": "Karim", "role": "workplace_mentor", "phone": "+45 12 34 56 78", "email": None}
    ],
}

# March 2023 (no Danish holidays): Mon-Fri 4 h from 1 March, ramp-down to Mon+Wed 2 h from 13 March.
RAMP_DOWN_ATTENDANCE = [
    {"date": "2023-03-01", "status": "present", "hours": 4},
    {"date": "2023-03-02", "status": "present", "hours": 1.5},
    {"date": "2023-03-03", "status": "sick", "hours": 0, "reason": "Migræne", "note": "ringede kl. 8"},
    {"date": "2023-03-06", "status": "sick", "hours": 0, "reason": " migræne "},
    {"date": "2023-03-07", "status": "absent_agreed", "hours": 0, "reason": "Ferie"},
    {"date": "2023-03-08", "status": "absent_unexcused", "hours": 0},
    {"date": "2023-03-09", "status": "present", "hours": 4},
    {"date": "2023-03-10", "status": "present", "hours": 4},
    {"date": "2023-03-11", "status": "present", "hours": 2},
    {"date": "2023-03-13", "status": "present", "hours": 2},
    {"date": "2023-03-15", "status": "sick", "hours": 0, "reason": "MIGRÆNE"},
    {"date": "2023-03-20", "status": "present", "hours": 2},
    {"date": "2023-03-27", "status": "present", "hours": 2.25},
]


def ramp_down_citizen() -> dict[str, Any]:
    return {
        "ref": "DC",
        "name": "D. C.",
        "cpr": "010190-1234",
        "birth_year": 1990,
        "benefit": "kontanthjælp",
        "caseworker": "Jobcenter København",
        "job_goal": "Lagermedarbejder",
        "own_view": "Jeg vil gerne arbejde, men migrænen stopper mig",
        "referrals": [
            {
                "programme": "Lokalt forankret indsats",
                "start": "2023-02-01",
                "end": "2023-04-30",
                "extensions": ["2023-07-31"],
                "end_reason": None,
            }
        ],
        "placements": [
            {
                "ref": "DC-1",
                "company": "co-saxo",
                "type": "internal_training",
                "purpose": "work_capacity",
                "start": "2023-03-01",
                "end": "2023-03-31",
                "end_reason": "Videre til ekstern praktik",
                "tasks": ["maling", "flytte borde og stole"],
                "workplace_mentor": "wm-1",
                "schedule": [
                    {
                        "from": "2023-03-01",
                        "hours": {"mon": 4, "tue": 4, "wed": 4, "thu": 4, "fri": 4},
                        "paid_per_week": 0,
                    },
                    {"from": "2023-03-13", "hours": {"mon": 2, "wed": 2}, "paid_per_week": 0},
                ],
                "attendance": copy.deepcopy(RAMP_DOWN_ATTENDANCE),
                "capacity": [
                    {"date": "2023-03-09", "effectiveness_pct": 60, "note": "arbejder roligt"},
                    {"date": "2023-03-20", "effectiveness_pct": 50, "note": "træt efter migræne"},
                ],
            }
        ],
        "accommodations": [
            {
                "category": "sensory",
                "text": "Dæmpet lys og ro",
                "identified": "2023-03-06",
                "source": "doctor",
                "active": True,
            },
            {
                "category": "psychological",
                "text": "Klare og enkle instruktioner",
                "identified": "2023-03-02",
                "source": "observed",
                "active": True,
            },
        ],
        "followups": [
            {
                "date": "2023-03-13",
                "kind": "three_party",
                "placement": "DC-1",
                "participants": ["citizen", "mentor", "workplace_mentor"],
                "note": "Meget fravær. Trappes ned.",
                "citizen_view": "Det er for meget lige nu",
                "agreed_changes": "2x2 timer fra 13/3",
            },
            {
                "date": "2023-02-15",
                "kind": "startup",
                "placement": None,
                "participants": ["citizen", "consultant"],
                "note": "Opstart",
                "citizen_view": None,
                "agreed_changes": None,
            },
        ],
        "goals": [
            {
                "area": "health",
                "text": "Håndtere migræne på arbejdet",
                "subgoals": ["Sige til i tide"],
                "scores": [{"date": "2023-03-31", "score": 2}, {"date": "2023-03-01", "score": -1}],
            },
        ],
    }


def hybrid_citizen() -> dict[str, Any]:
    """Jasmin-like hybrid placement starting on a Tuesday in the week of New Year's Day."""
    return {
        "ref": "JA",
        "name": "Jasmin",
        "placements": [
            {
                "ref": "JA-1",
                "company": "co-kids",
                "type": "hybrid",
                "purpose": "recruitment",
                "start": "2024-01-02",
                "end": "2024-01-14",
                "workplace_mentor": None,
                "schedule": [{"from": "2024-01-02", "hours": {"mon": 4, "tue": 4, "thu": 6}, "paid_per_week": 6}],
                "attendance": [],
                "capacity": [],
            }
        ],
    }


def case_file(*citizens: dict[str, Any], companies: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "format": "placement-desk/case-file",
        "version": 1,
        "companies": companies
        if companies is not None
        else [
            copy.deepcopy(COMPANY),
            {"ref": "co-kids", "name": "Børnehaven Solsikken", "internal": False, "contacts": []},
        ],
        "citizens": list(citizens),
    }
