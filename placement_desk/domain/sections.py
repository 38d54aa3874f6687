"""The description's sections (spec section 3 ``sections``) and the check that nothing goes out half-written.

:func:`build_sections` files the citizen's evidence under the headings of a template: the observations
under the heading's observation headings, the follow-up notes tagged with its follow-up headings (both
clipped to the period, no day after today) and the matching profile items (not clipped: a CV is
history), in date order, with the consultant's text for the heading.

:func:`check_completeness` lists what is missing before a dossier is issued: each empty heading, no
assessment by the consultant, no view of the citizen's own, no statement from the workplace, and figures
older than :data:`STALE_DAYS` days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from placement_desk.domain import casefile as cf
from placement_desk.domain.profile import PROFILE_TEXTS, ProfileItem
from placement_desk.domain.templates import Template, TemplateHeading
from placement_desk.domain.vocab import ObservedBy

OBSERVATION, FOLLOWUP, PROFILE = "observation", "followup", "profile"
STALE_DAYS = 30


@dataclass(frozen=True)
class Entry:
    """One piece of evidence under a heading. ``day`` is ISO text: a profile date may be a year or a month."""

    day: str | None
    by: str | None
    source: str  # observation | followup | profile
    text: str
    kind: str | None = None  # the profile list (education ...) or the observation's heading
    placement: str | None = None
    end: str | None = None  # profile items: to (None = ongoing)
    end_reason: str | None = None
    outcome: str | None = None
    origin: str | None = None  # profile items: the source (citizen, doctor ...)

    @property
    def summary_text(self) -> str:
        """The text as the dossier summary writes it: a profile item's end and outcome are part of it."""
        parts = [self.text]
        if self.source == PROFILE and self.kind not in PROFILE_TEXTS and self.day is not None:
            parts.append(f"til {self.end}" if self.end else "fortsat")
        parts += [p for p in (self.end_reason, self.outcome) if p]
        return " · ".join(parts)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str
    text: str | None  # the consultant's text for this dossier
    entries: tuple[Entry, ...]
    figures: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to show: no text, no evidence, no questions (figures are judged by the check)."""
        return not self.text and not self.entries and not self.questions


def _profile_entry(kind: str, item: ProfileItem) -> Entry:
    return Entry(item.start, None, PROFILE, item.text, kind, None, item.end, item.end_reason, item.outcome, item.source)


def _sort_key(e: Entry) -> tuple[bool, str]:
    return (e.day is not None, e.day or "")


def section_entries(
    heading: TemplateHeading, citizen: cf.Citizen, first: date, last: date, today: date
) -> tuple[Entry, ...]:
    """The evidence of one heading, in date order (undated profile texts first)."""
    until = min(last, today)
    out: list[Entry] = []
    for kind in heading.profile:
        out += [_profile_entry(kind, item) for item in citizen.profile.items(kind)]
    wanted = set(heading.observations)
    for o in citizen.observations:
        if o.heading in wanted and first <= o.day <= until:
            out.append(Entry(o.day.isoformat(), o.by, OBSERVATION, o.text, o.heading, o.placement))
    tags = set(heading.followups)
    for f in citizen.followups:
        if f.note and tags.intersection(f.headings) and first <= f.day <= until:
            out.append(Entry(f.day.isoformat(), None, FOLLOWUP, f.note, None, f.placement))
    return tuple(sorted(out, key=_sort_key))


def build_sections(
    template: Template,
    citizen: cf.Citizen,
    first: date,
    last: date,
    today: date,
    texts: Mapping[str, str | None] | None = None,
) -> tuple[Section, ...]:
    """One section per heading of the template, in its order, with the consultant's texts (by heading key)."""
    texts = texts or {}
    out = []
    for h in template.headings:
        text = (texts.get(h.key) or "").strip() or None
        out.append(
            Section(h.key, h.title, h.prompt, text, section_entries(h, citizen, first, last, today), h.figures,
                    h.questions)
        )  # fmt: skip
    return tuple(out)


# ---- completeness ------------------------------------------------------------------------------

EMPTY_HEADING = "empty_heading"
NO_ASSESSMENT = "no_assessment"
NO_OWN_VIEW = "no_own_view"
NO_EMPLOYER_STATEMENT = "no_employer_statement"
STALE_FIGURES = "stale_figures"


@dataclass(frozen=True)
class Missing:
    """One thing a dossier lacks: a code, and the heading (key, title) or the date it is about."""

    code: str
    heading: str | None = None
    title: str | None = None
    day: date | None = None

    @property
    def token(self) -> str:
        """A stable short form for storing with an issued version (``empty_heading:health``)."""
        subject = self.heading or (self.day.isoformat() if self.day else None)
        return f"{self.code}:{subject}" if subject else self.code

    @property
    def message(self) -> str:
        """In English, for the command line and logs (the UI and the documents have their own words)."""
        if self.code == EMPTY_HEADING:
            return f"heading {self.heading} ({self.title}) is empty"
        if self.code == STALE_FIGURES:
            if self.day is None:
                return "no attendance is registered in the period, so there are no figures"
            return f"the figures are older than {STALE_DAYS} days (last registered attendance {self.day.isoformat()})"
        return {
            NO_ASSESSMENT: "no assessment by the consultant",
            NO_OWN_VIEW: "no view of the citizen's own (own view, words at a follow-up or an observation by the citizen)",
            NO_EMPLOYER_STATEMENT: "no statement from the workplace (an observation by the workplace mentor)",
        }.get(self.code, self.code)


def latest_registration(citizen: cf.Citizen, first: date, last: date, today: date) -> date | None:
    """The latest attendance record of the period (no day after today)."""
    until = min(last, today)
    days = [a.day for p in citizen.placements for a in p.attendance if first <= a.day <= until]
    return max(days) if days else None


def check_completeness(
    sections: tuple[Section, ...],
    citizen: cf.Citizen,
    first: date,
    last: date,
    today: date,
    assessment: str | None,
    has_figure: Callable[[str], bool] = lambda _kind: False,
) -> list[Missing]:
    """What is missing before the dossier can go out; ``has_figure(kind)`` tells whether a figure kind
    (placements, hours ...) has anything to show, which keeps a heading of figures alone from being empty."""
    until = min(last, today)
    missing = [
        Missing(EMPTY_HEADING, s.key, s.title)
        for s in sections
        if s.empty and not any(has_figure(kind) for kind in s.figures)
    ]
    if not (assessment or "").strip():
        missing.append(Missing(NO_ASSESSMENT))
    in_period = [o for o in citizen.observations if first <= o.day <= until]
    own = (
        (citizen.own_view or "").strip()
        or any(f.citizen_view and first <= f.day <= until for f in citizen.followups)
        or any(o.by == ObservedBy.CITIZEN for o in in_period)
    )
    if not own:
        missing.append(Missing(NO_OWN_VIEW))
    if not any(o.by == ObservedBy.WORKPLACE_MENTOR for o in in_period):
        missing.append(Missing(NO_EMPLOYER_STATEMENT))
    latest = latest_registration(citizen, first, last, today)
    if latest is None or latest < today - timedelta(days=STALE_DAYS):
        missing.append(Missing(STALE_FIGURES, day=latest))
    return missing
