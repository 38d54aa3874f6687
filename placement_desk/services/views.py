"""Read models for the screens: a citizen's whole record with the ids and versions editors need."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import DossierData, build_dossier
from placement_desk.domain.profile import Observation
from placement_desk.domain.roles import Permission
from placement_desk.services import audit, mapping
from placement_desk.services.common import load_citizen, today
from placement_desk.services.use_case import use_case

T = TypeVar("T")


@dataclass(frozen=True)
class Row(Generic[T]):
    """A record with its database id and version (for edits, undo and conflict checks)."""

    id: int
    version: int
    value: T


@dataclass(frozen=True)
class PlacementInfo:
    ref: str
    version: int
    company_name: str
    company_internal: bool
    mentor_name: str | None
    archived: bool


@dataclass(frozen=True)
class CitizenDetail:
    citizen: cf.Citizen  # active placements only, canonical order
    version: int
    archived: bool
    referrals: list[Row[cf.Referral]] = field(default_factory=list)
    accommodations: list[Row[cf.Accommodation]] = field(default_factory=list)
    followups: list[Row[cf.Followup]] = field(default_factory=list)
    goals: list[Row[cf.Goal]] = field(default_factory=list)
    placements: dict[str, PlacementInfo] = field(default_factory=dict)
    observations: list[Row[Observation]] = field(default_factory=list)  # spec 1b, in date order
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # the description: template -> heading -> text
    # figures() by period: every tab of the citizen page asks for the same whole-record figures
    _figures: dict[tuple[date | None, date | None], DossierData | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def company_names(self) -> dict[str, str]:
        return {p.company: self.placements[p.ref].company_name for p in self.citizen.placements}

    def placement(self, ref: str) -> cf.Placement:
        return next(p for p in self.citizen.placements if p.ref == ref)

    def current_placements(self, on: date) -> list[cf.Placement]:
        return [p for p in self.citizen.placements if p.start <= on and (p.end is None or p.end >= on)]

    def figures(self, period_from: date | None = None, period_to: date | None = None) -> DossierData | None:
        """The dossier figures of the whole record (None without placements and period)."""
        key = (period_from, period_to)
        if key not in self._figures:
            if not self.citizen.placements and period_from is None:
                self._figures[key] = None
            else:
                self._figures[key] = build_dossier(self.citizen, self.company_names, today(), period_from, period_to)
        return self._figures[key]


@use_case(Permission.VIEW, audit.VIEW, "see a citizen")
def citizen_detail(s: Session, ref: str) -> CitizenDetail:
    """Everything of a citizen for the citizen page; a "view" in the audit log."""
    row = load_citizen(s, ref, with_attendance=False)
    audit.about(s, row.id)
    attendance = mapping.attendance_rows(s, (p.id for p in row.placements if p.archived_at is None))
    citizen = mapping.citizen_out(row, attendance=attendance)
    return CitizenDetail(
        citizen=citizen,
        version=row.version,
        archived=row.archived_at is not None,
        referrals=[
            Row(
                r.id,
                r.version,
                mapping.referral_out(r),
            )
            for r in sorted(row.referrals, key=lambda r: r.start)
        ],
        accommodations=[
            Row(a.id, a.version, cf.Accommodation(a.category, a.text, a.identified, a.source, a.active, a.retired))
            for a in sorted(row.accommodations, key=lambda a: (a.identified is None, a.identified or date.min))
        ],
        followups=[
            Row(f.id, f.version, mapping.followup_out(f)) for f in sorted(row.followups, key=lambda f: f.day)
        ],
        goals=[
            Row(
                g.id,
                g.version,
                cf.Goal(
                    g.area,
                    g.text,
                    tuple(s.text for s in g.subgoals),
                    tuple(cf.Score(s.day, s.score, s.assessor) for s in g.scores),
                ),
            )
            for g in row.goals
        ],
        placements={
            p.ref: PlacementInfo(
                p.ref,
                p.version,
                p.company.name,
                p.company.internal,
                p.workplace_mentor.name if p.workplace_mentor else None,
                p.archived_at is not None,
            )
            for p in row.placements
        },
        observations=[Row(o.id, o.version, mapping.observation_out(o)) for o in row.observations],
        texts=_texts(row),
    )


def _texts(row: m.Citizen) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for t in row.dossier_texts:
        out.setdefault(t.template, {})[t.heading] = t.text
    return out
