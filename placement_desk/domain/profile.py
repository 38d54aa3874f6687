"""The citizen's profile and observations (spec section 1b) as plain data, and their canonical JSON.

A profile is the citizen's history as a CV tells it (education, jobs, benefits, treatment, earlier
efforts) with a note on their network and their wishes; an observation is a dated remark filed under one
of the eight headings of the preparatory part of the rehabilitation plan. Dates in a profile may be a
year, a month or a day (``2010``, ``2010-08``, ``2010-08-15``) and are kept as that text.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from placement_desk.domain.vocab import Heading

Json = dict[str, Any]

# The profile's lists, in the order of spec 1b, with the heading each belongs under.
PROFILE_LISTS: tuple[str, ...] = ("education", "work_history", "benefits", "treatment", "earlier_efforts")
PROFILE_TEXTS: tuple[str, ...] = ("network", "wishes")
PROFILE_KINDS: tuple[str, ...] = PROFILE_LISTS + PROFILE_TEXTS
PROFILE_HEADING: dict[str, str] = {
    "education": Heading.WORK_RESOURCES.value,
    "work_history": Heading.WORK_RESOURCES.value,
    "network": Heading.PERSONAL_RESOURCES.value,
    "wishes": Heading.WISHES.value,
    "treatment": Heading.HEALTH.value,
    "benefits": Heading.BENEFIT_HISTORY.value,
    "earlier_efforts": Heading.EFFORTS.value,
}
# Profile items that are health data (art. 9): never shown to a workplace mentor.
HEALTH_PROFILE = frozenset({"treatment"})


def span_start(value: str) -> date:
    """The first day a partial date can mean (``2010`` -> 2010-01-01, ``2010-08`` -> 2010-08-01)."""
    parts = [int(x) for x in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def span_end(value: str) -> date:
    """The last day a partial date can mean (``2010`` -> 2010-12-31, ``2010-02`` -> 2010-02-28)."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


@dataclass(frozen=True)
class ProfileItem:
    """One line of the citizen's history; ``start``/``end`` are partial ISO dates (``end`` None = ongoing)."""

    text: str
    start: str | None = None
    end: str | None = None
    end_reason: str | None = None  # why a job ended
    outcome: str | None = None  # how an earlier effort went
    source: str | None = None  # who says so (accommodation sources), for treatment


@dataclass(frozen=True)
class Profile:
    education: tuple[ProfileItem, ...] = ()
    work_history: tuple[ProfileItem, ...] = ()
    benefits: tuple[ProfileItem, ...] = ()
    treatment: tuple[ProfileItem, ...] = ()
    earlier_efforts: tuple[ProfileItem, ...] = ()
    network: str | None = None
    wishes: str | None = None

    def items(self, kind: str) -> tuple[ProfileItem, ...]:
        """The items of one list (``education`` ...) or the one text (``network``, ``wishes``) as an item."""
        if kind in PROFILE_TEXTS:
            text = getattr(self, kind)
            return (ProfileItem(text),) if text else ()
        return tuple(getattr(self, kind))

    @property
    def empty(self) -> bool:
        return not any(self.items(k) for k in PROFILE_KINDS)


@dataclass(frozen=True)
class Observation:
    """A dated observation under one heading, by someone (spec 1b ``by``), optionally at a placement."""

    day: date
    heading: str
    by: str
    text: str
    placement: str | None = None


def _item_key(item: ProfileItem) -> tuple[bool, str]:
    return (item.start is not None, item.start or "")


def canonical_profile(p: Profile) -> Profile:
    """Lists in date order (undated items first, ties keep their given order)."""
    lists: dict[str, tuple[ProfileItem, ...]] = {k: tuple(sorted(getattr(p, k), key=_item_key)) for k in PROFILE_LISTS}
    return replace(p, **lists)  # type: ignore[arg-type]


def canonical_observations(items: tuple[Observation, ...]) -> tuple[Observation, ...]:
    return tuple(sorted(items, key=lambda o: o.day))


# ---- JSON --------------------------------------------------------------------------------------


def item_json(item: ProfileItem) -> Json:
    out: Json = {"from": item.start, "to": item.end, "text": item.text}
    for key in ("end_reason", "outcome", "source"):
        value = getattr(item, key)
        if value is not None:
            out[key] = value
    return out


def profile_json(p: Profile) -> Json:
    """The profile object; empty lists and texts are left out (a profile without content is ``{}``)."""
    p = canonical_profile(p)
    out: Json = {}
    for key in PROFILE_LISTS:
        items = getattr(p, key)
        if items:
            out[key] = [item_json(i) for i in items]
    for key in PROFILE_TEXTS:
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    return out


def observation_json(o: Observation) -> Json:
    return {
        "date": o.day.isoformat(),
        "heading": o.heading,
        "by": o.by,
        "placement": o.placement,
        "text": o.text,
    }
