"""Danish words of the dossier's description, shared by its PDF and Excel renderers (formatting only).

Each heading of the template is shown with the consultant's text (or, honestly, ``Ikke beskrevet``),
the figures the template names for it, and its dated evidence; then the workplace's own statement; and on
a version issued incomplete, why, and what was missing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.sections import (
    EMPTY_HEADING,
    NO_ASSESSMENT,
    NO_EMPLOYER_STATEMENT,
    NO_OWN_VIEW,
    PROFILE,
    STALE_DAYS,
    STALE_FIGURES,
    Entry,
    Missing,
    Section,
)
from placement_desk.export import danish as dk

NOT_DESCRIBED = "Ikke beskrevet"
NO_EVIDENCE = "Ingen registrerede oplysninger under denne overskrift i perioden."
WORKPLACE_TITLE = "Virksomhedens egen udtalelse"
NO_WORKPLACE_STATEMENT = "Virksomheden har ikke givet en udtalelse i perioden."
INCOMPLETE_TITLE = "Udstedt, selv om dokumentationen ikke er komplet"
DEFAULT_TITLE = "Beskrivelse af borgeren"

SOURCES = {"observation": "Observation", "followup": "Opfølgningssamtale", "profile": "Borgerens historik"}
BY = {
    "citizen": "Borgeren",
    "mentor": "Mentor",
    "consultant": "Konsulent",
    "workplace_mentor": "Virksomhedsmentor",
    "other": "Andre",
}
PROFILE_KINDS = {
    "education": "Uddannelse",
    "work_history": "Job",
    "benefits": "Ydelse",
    "treatment": "Behandling",
    "earlier_efforts": "Tidligere indsats",
    "network": "Netværk",
    "wishes": "Ønsker",
}
ORIGINS = {"observed": "observeret", "citizen": "oplyst af borgeren", "doctor": "oplyst af læge", "other": "anden kilde"}


def title(data: DossierData) -> str:
    return data.template.title if data.template else DEFAULT_TITLE


def recipient(data: DossierData) -> str | None:
    """Who the document is for: the issued recipient, else the template's."""
    return data.recipient or (data.template.recipient if data.template else None)


def partial_date(value: str | None) -> str:
    """A profile date as written: ``2010`` -> ``2010``, ``2010-08`` -> ``08-2010``, a day -> ``15-08-2010``."""
    if not value:
        return ""
    parts = value.split("-")
    return "-".join(reversed(parts))


def entry_date(e: Entry) -> str:
    if e.source == PROFILE:
        if e.day is None:
            return ""
        end = partial_date(e.end) if e.end else "nu"
        return f"{partial_date(e.day)} – {end}"
    return dk.date_text(date.fromisoformat(e.day)) if e.day else ""


def entry_source(e: Entry) -> str:
    if e.source == PROFILE:
        return f"{SOURCES[PROFILE]}: {PROFILE_KINDS.get(e.kind or '', e.kind or '')}"
    where = f" ({e.placement})" if e.placement else ""
    return SOURCES.get(e.source, e.source) + where


def entry_by(e: Entry) -> str:
    if e.source == PROFILE:
        return ORIGINS.get(e.origin or "", "")
    return BY.get(e.by or "", e.by or "")


def entry_text(e: Entry) -> str:
    parts = [e.text]
    if e.end_reason:
        parts.append(f"Ophør: {e.end_reason}")
    if e.outcome:
        parts.append(f"Resultat: {e.outcome}")
    return "\n".join(parts)


def section_text(s: Section) -> str:
    return s.text or NOT_DESCRIBED


def figure_lines(data: DossierData, s: Section) -> list[str]:
    """The figures the template names for a heading, as short Danish lines (from the computed figures)."""
    out: list[str] = []
    for kind in s.figures:
        lines = _FIGURES.get(kind)
        if lines is not None:
            out.extend(lines(data))
    return out


def _placement_lines(data: DossierData) -> list[str]:
    out = []
    for r in data.placements:
        pl = r.placement
        ended = f"; afsluttet: {pl.end_reason}" if pl.end and pl.end_reason else ""
        out.append(f"{dk.code_text(pl.type)} hos {r.company}, {dk.period_text(pl.start, pl.end)}{ended}")
    return out


def _hours_lines(data: DossierData) -> list[str]:
    t, fig = data.figures.total, data.figures
    if not (t.planned or t.attended):
        return []
    return [f"Vedvarende timer pr. uge: {dk.sustained_text(fig.max_sustained_weekly, fig.max_sustained_weeks)}; "
            f"planlagt {dk.hours_text(t.planned)}, fremmødt {dk.hours_text(t.attended)}"]  # fmt: skip


def _attendance_lines(data: DossierData) -> list[str]:
    t = data.figures.total
    if t.attendance_rate is None:
        return []
    return [f"Fremmøde {dk.rate_text(t.attendance_rate)}, fravær {dk.rate_text(t.absence_share)} "
            f"af {dk.hours_text(t.counted_planned)} planlagte timer, der tæller med"]  # fmt: skip


def _absence_lines(data: DossierData) -> list[str]:
    if not data.figures.total.counted_planned:
        return []
    reasons = data.figures.absence_by_reason()[:5]
    text = ", ".join(f"{dk.reason_text(r.reason)} {r.days} dage" for r in reasons) or "intet fravær"
    return [f"Fravær efter årsag: {text}"]


def _capacity_lines(data: DossierData) -> list[str]:
    if not data.capacity:
        return []
    t, latest = data.figures.total, data.capacity[-1]
    return [f"Seneste vurderede effektivitet: {dk.pct_text(latest.effectiveness_pct)} "
            f"({dk.date_text(latest.day)}); effektive timer {dk.effective_text(t.effective, t.effective_basis)}"]  # fmt: skip


def _accommodation_lines(data: DossierData) -> list[str]:
    active = [a.text for a in data.accommodations if a.active]
    return ["Skånehensyn: " + "; ".join(active)] if active else []


def _goal_lines(data: DossierData) -> list[str]:
    return [f"Mål ({dk.code_text(g.goal.area)}): {g.goal.text} – score {dk.score_text(g.first_score)} "
            f"→ {dk.score_text(g.latest_score)}" for g in data.goals]  # fmt: skip


def _own_view_lines(data: DossierData) -> list[str]:
    out = [f"Borgerens egen vurdering: »{data.citizen.own_view}«"] if data.citizen.own_view else []
    out.extend(f"Borgeren {dk.date_text(day)}: »{words}«" for day, words in data.citizen_views)
    return out


# The figure kinds a template heading may name, and their lines.
_FIGURES: dict[str, Callable[[DossierData], list[str]]] = {
    "placements": _placement_lines,
    "hours": _hours_lines,
    "attendance": _attendance_lines,
    "absence": _absence_lines,
    "capacity": _capacity_lines,
    "accommodations": _accommodation_lines,
    "goals": _goal_lines,
    "own_view": _own_view_lines,
}


def missing_text(m: Missing) -> str:
    """What a dossier lacks, in Danish (the issued version says it)."""
    if m.code == EMPTY_HEADING:
        return f"Intet under overskriften »{m.title}«"
    if m.code == STALE_FIGURES:
        if m.day is None:
            return "Intet registreret fremmøde i perioden (ingen tal)"
        return f"Tallene er ældre end {STALE_DAYS} dage (seneste registrerede fremmøde {dk.date_text(m.day)})"
    return {
        NO_ASSESSMENT: "Konsulentens vurdering mangler",
        NO_OWN_VIEW: "Borgerens egen vurdering mangler",
        NO_EMPLOYER_STATEMENT: "Virksomhedens udtalelse mangler",
    }.get(m.code, m.code)


def heading_title(data: DossierData, key: str) -> str:
    """The title of an observation heading in the chosen template (the key itself if it has none)."""
    if data.template is not None:
        found = data.template.heading(key)
        if found is not None:
            return found.title
        for h in data.template.headings:
            if key in h.observations:
                return h.title
    return key
