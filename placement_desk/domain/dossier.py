"""The dossier's content computed from a citizen's case data (spec section 3).

``build_dossier`` returns one :class:`DossierData`; the JSON, PDF and Excel renderers only format it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from placement_desk.domain import casefile as cf
from placement_desk.domain import dossier_detail as detail
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.figures import Figures, Totals, compute
from placement_desk.domain.plan import Capacity, PlacementPlan, Record, Step
from placement_desk.domain.profile import Observation
from placement_desk.domain.sections import Missing, Section, build_sections, check_completeness
from placement_desk.domain.templates import Template
from placement_desk.domain.vocab import ObservedBy, Status


def plan_of(p: cf.Placement) -> PlacementPlan:
    """The figures' view of a case-file placement."""
    return PlacementPlan(
        ref=p.ref,
        start=p.start,
        end=p.end,
        steps=[Step(s.start, s.minutes, s.paid_per_week) for s in p.schedule],
        records={a.day: Record(a.day, Status(a.status), a.minutes, a.reason) for a in p.attendance},
        capacity=[Capacity(c.day, Fraction(c.effectiveness_cpct, 100)) for c in p.capacity],
    )


@dataclass(frozen=True)
class PlacementRow:
    placement: cf.Placement
    company: str
    totals: Totals
    split: detail.PlanSplit = detail.PlanSplit()


@dataclass(frozen=True)
class GoalRow:
    goal: cf.Goal
    first_score: int | None
    latest_score: int | None
    by_assessor: tuple[detail.AssessorScores, ...] = ()
    scores: tuple[cf.Score, ...] = ()  # the whole history, in date order

    @property
    def change(self) -> int | None:
        """Latest minus first score (None without scores)."""
        if self.first_score is None or self.latest_score is None:
            return None
        return self.latest_score - self.first_score


@dataclass
class DossierData:
    citizen: cf.Citizen
    period_from: date
    period_to: date
    today: date
    placements: list[PlacementRow]
    figures: Figures
    accommodations: list[cf.Accommodation]
    followups: list[cf.Followup]
    goals: list[GoalRow]
    assessment: str | None = None
    recommendation: str | None = None
    consultant: str | None = None
    company_names: Mapping[str, str] = field(default_factory=dict)
    # Prepared detail for the PDF and Excel documents (see dossier_detail).
    recipient: str | None = None
    programmes: list[cf.Referral] = field(default_factory=list)
    week_rows: list[detail.PeriodRow] = field(default_factory=list)  # the summary's weeks
    week_series: list[detail.PeriodRow] = field(default_factory=list)  # contiguous, for charts
    month_rows: list[detail.PeriodRow] = field(default_factory=list)
    capacity: list[detail.CapacityPoint] = field(default_factory=list)
    absence_days: list[detail.AbsenceDay] = field(default_factory=list)
    agreed_absence_days: int = 0
    split: detail.PlanSplit = field(default_factory=detail.PlanSplit)  # the total's agreed / unrecorded plan
    agreed_days: list[detail.AgreedDay] = field(default_factory=list)
    # The description (spec 1b and section 3): the template, its sections with the consultant's texts,
    # the workplace's own statements of the period, and, on an issued version that went out incomplete,
    # what was missing and why it was issued anyway.
    template: Template | None = None
    sections: list[Section] = field(default_factory=list)
    workplace_statements: list[Observation] = field(default_factory=list)
    incomplete: list[Missing] = field(default_factory=list)
    incomplete_reason: str | None = None

    @property
    def latest_effectiveness_pct(self) -> Fraction | None:
        """The effectiveness of the latest capacity assessment in the period (None without any)."""
        return self.capacity[-1].effectiveness_pct if self.capacity else None

    @property
    def citizen_views(self) -> list[tuple[date, str]]:
        """The citizen's own words from the follow-ups, dated, in date order."""
        return [(f.day, f.citizen_view) for f in self.followups if f.citizen_view]

    def has_figure(self, kind: str) -> bool:
        """Whether a figure kind a template heading shows (templates.FIGURE_KINDS) has anything to show."""
        t = self.figures.total
        return {
            "placements": bool(self.placements),
            "hours": t.planned > 0 or t.attended > 0,
            "attendance": t.attendance_rate is not None,
            "absence": t.counted_planned > 0,
            "capacity": bool(self.capacity),
            "accommodations": bool(self.accommodations),
            "goals": bool(self.goals),
            "own_view": bool(self.citizen.own_view or self.citizen_views),
        }.get(kind, False)

    def completeness(self) -> list[Missing]:
        """What is missing before this dossier can be issued (empty list: complete)."""
        return check_completeness(
            tuple(self.sections), self.citizen, self.period_from, self.period_to, self.today, self.assessment,
            self.has_figure,
        )  # fmt: skip


def default_period(citizen: cf.Citizen, today: date) -> tuple[date, date] | None:
    """First placement start through the last placement end (today for an open placement), never
    past today (a placement that has not started yet gives a one-day period at its start)."""
    if not citizen.placements:
        return None
    first = min(p.start for p in citizen.placements)
    last = max(p.end if p.end is not None else today for p in citizen.placements)
    return first, max(first, min(last, today))


def resolve_period(
    citizen: cf.Citizen, today: date, period_from: date | None, period_to: date | None
) -> tuple[date, date]:
    default = default_period(citizen, today)
    first = period_from or (default[0] if default else None)
    last = period_to or (default[1] if default else None)
    if first is None:
        raise ValidationError("--from", code="period_needed")
    if last is None:
        raise ValidationError("--to", code="period_needed")
    if first > last:
        raise ValidationError("--from", code="period_order", first=first.isoformat(), last=last.isoformat())
    return first, last


def build_dossier(
    citizen: cf.Citizen,
    company_names: Mapping[str, str],
    today: date,
    period_from: date | None = None,
    period_to: date | None = None,
    template: Template | None = None,
    texts: Mapping[str, str | None] | None = None,
) -> DossierData:
    """Every figure and list of the dossier summary for one citizen, clipped to the period; with a
    template, its sections with the consultant's ``texts`` (heading key -> text)."""
    citizen = cf.canonical_citizen(citizen)
    first, last = resolve_period(citizen, today, period_from, period_to)
    overlapping = [
        p for p in citizen.placements if p.start <= last and (p.end if p.end is not None else today) >= first
    ]
    overlapping.sort(key=lambda p: (p.start, p.ref))
    figures = compute([plan_of(p) for p in overlapping], first, last, today)
    splits = detail.plan_splits(figures)
    rows = [
        PlacementRow(p, company_names.get(p.company, p.company), figures.by_placement[p.ref],
                     splits.by_placement.get(p.ref, detail.PlanSplit()))
        for p in overlapping
    ]  # fmt: skip
    goals = []
    for g in citizen.goals:
        scores = sorted(g.scores, key=lambda s: s.day)
        goals.append(
            GoalRow(
                g,
                scores[0].score if scores else None,
                scores[-1].score if scores else None,
                detail.scores_by_assessor(scores),
                tuple(scores),
            )
        )
    absences, agreed = detail.absence_days(figures, overlapping, company_names)
    return DossierData(
        citizen=citizen,
        period_from=first,
        period_to=last,
        today=today,
        placements=rows,
        figures=figures,
        accommodations=list(citizen.accommodations),
        followups=list(citizen.followups),
        goals=goals,
        company_names=dict(company_names),
        programmes=detail.programmes(citizen, first, last),
        week_rows=detail.week_rows(figures, splits),
        week_series=detail.week_series(figures, splits),
        month_rows=detail.month_rows(figures, splits),
        capacity=detail.capacity_points(overlapping, company_names, first, last),
        absence_days=absences,
        agreed_absence_days=agreed,
        split=splits.total,
        agreed_days=detail.agreed_days(figures, overlapping, company_names),
        template=template,
        sections=list(build_sections(template, citizen, first, last, today, texts)) if template else [],
        workplace_statements=[
            o for o in citizen.observations
            if o.by == ObservedBy.WORKPLACE_MENTOR and first <= o.day <= min(last, today)
        ],  # fmt: skip
    )
