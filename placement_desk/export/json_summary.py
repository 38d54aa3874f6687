"""The dossier summary JSON (spec section 3)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.figures import Totals
from placement_desk.domain.numbers import hours_or_none, rate
from placement_desk.export.danish import hours

FORMAT = "placement-desk/dossier-summary"
VERSION = 1


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def figures(t: Totals) -> dict[str, Any]:
    """The ten figures of spec section 2 that every figure object carries, rounded once here."""
    return {
        "planned": hours(t.planned),
        "counted_planned": hours(t.counted_planned),
        "attended": hours(t.attended),
        "paid_planned": hours(t.paid_planned),
        "attendance_rate": rate(t.attendance_rate),
        "absence_share": rate(t.absence_share),
        "unregistered_days": t.unregistered_days,
        "agreed_absence_days": t.agreed_absence_days,
        "effective": hours_or_none(t.effective),
        "effective_basis": hours(t.effective_basis),
    }


def summary(data: DossierData) -> dict[str, Any]:
    fig = data.figures
    weeks = fig.max_sustained_weeks
    return {
        "format": FORMAT,
        "version": VERSION,
        "citizen": {"ref": data.citizen.ref, "name": data.citizen.name},
        "period": {"from": _d(data.period_from), "to": _d(data.period_to)},
        "totals": figures(fig.total),
        "placements": [
            {
                "ref": row.placement.ref,
                "company": row.company,
                "type": row.placement.type,
                "start": _d(row.placement.start),
                "end": _d(row.placement.end),
                "end_reason": row.placement.end_reason,
                **figures(row.totals),
            }
            for row in data.placements
        ],
        "weeks": [{"week": key, **figures(t)} for key, t in fig.weeks()],
        "months": [{"month": key, **figures(t)} for key, t in fig.months()],
        "absence_by_reason": [
            {"reason": r.reason, "days": r.days, "hours": hours(r.minutes)} for r in fig.absence_by_reason()
        ],
        "max_sustained_weekly_hours": hours_or_none(fig.max_sustained_weekly),
        "max_sustained_weeks": {"from": weeks[0], "to": weeks[1]} if weeks else None,
        "accommodations": [
            {
                "category": a.category,
                "text": a.text,
                "identified": _d(a.identified),
                "source": a.source,
                "active": a.active,
            }
            for a in data.accommodations
        ],
        "followups": [{"date": _d(f.day), "kind": f.kind, "placement": f.placement} for f in data.followups],
        "goals": [
            {
                "area": g.goal.area,
                "text": g.goal.text,
                "first_score": g.first_score,
                "latest_score": g.latest_score,
                "scores": [{"date": _d(s.day), "score": s.score, "assessor": s.assessor} for s in g.scores],
            }
            for g in data.goals
        ],
        "template": {"key": data.template.key, "title": data.template.title} if data.template else None,
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "text": s.text,
                "entries": [{"date": e.day, "by": e.by, "source": e.source, "text": e.summary_text} for e in s.entries],
            }
            for s in data.sections
        ],
    }


def dumps(document: dict[str, Any]) -> str:
    """Stable, human-readable JSON (UTF-8 text, æøå kept)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def dump_streamed(out: IO[bytes], head: dict[str, Any], key: str, items: Iterable[dict[str, Any]]) -> None:
    """Write ``dumps({**head, key: list(items)})`` to ``out`` byte for byte, one item at a time: the list
    is never held whole (the case file of a whole archive). ``head`` must not be empty and comes first."""
    text = dumps(head)
    assert text.endswith("\n}\n") and head, "a non-empty head object"
    out.write(text[: -len("\n}\n")].encode("utf-8"))
    out.write(f",\n  {json.dumps(key, ensure_ascii=False)}: [".encode())
    first = True
    for item in items:
        # json indents a value two levels down by four more spaces on every line after its first; a string
        # never holds a raw line break (it is written as \n), so the lines are the structure's own.
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        out.write(("\n    " if first else ",\n    ").encode() + body.encode("utf-8"))
        first = False
    out.write(b"]\n}\n" if first else b"\n  ]\n}\n")
