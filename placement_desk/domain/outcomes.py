"""What a referral or placement led to (issue 18): the outcome kind, its date and a note; for a
placement also whether the company hired the citizen and for how many hours a week.

The case file carries it as an optional ``outcome`` object (spec section 1, added for results)::

    "outcome": {"kind": "flex_job", "date": "2024-05-01", "note": "...", "hired": true, "hired_hours": 15}

``hired`` and ``hired_hours`` belong to placements only and are written only when known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from placement_desk.domain.numbers import hours_value


@dataclass(frozen=True)
class Outcome:
    kind: str  # an OutcomeKind value
    day: date
    note: str | None = None
    hired: bool | None = None  # placements only: did the company hire the citizen
    hired_minutes: int | None = None  # placements only: weekly minutes of the hiring


def outcome_json(o: Outcome | None) -> dict[str, Any] | None:
    """The case-file object of an outcome (None without one)."""
    if o is None:
        return None
    out: dict[str, Any] = {"kind": o.kind, "date": o.day.isoformat(), "note": o.note}
    if o.hired is not None:
        out["hired"] = o.hired
    if o.hired_minutes is not None:
        out["hired_hours"] = hours_value(o.hired_minutes)
    return out
