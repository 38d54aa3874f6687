"""Parse the citizen's profile and observations (spec section 1b); every error names its JSON path.

Used by :mod:`placement_desk.domain.casefile_parse` for a whole case file and by the services for a
single record typed into a form.
"""

from __future__ import annotations

import re
from typing import Any

from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import MAX_YEAR, MIN_YEAR, REF_MAX, Node
from placement_desk.domain.profile import (
    PROFILE_LISTS,
    PROFILE_TEXTS,
    Observation,
    Profile,
    ProfileItem,
    span_end,
    span_start,
)
from placement_desk.domain.vocab import AccommodationSource, Heading, ObservedBy

_PARTIAL = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
PARTIAL_HELP = "a year, a month or a day (2010, 2010-08 or 2010-08-15)"


def parse_partial_date(v: Any, path: str) -> str | None:
    """A profile date: ``2010``, ``2010-08`` or ``2010-08-15``, kept as written (None if absent)."""
    if v is None:
        return None
    if not isinstance(v, str):
        raise ValidationError(path, code="partial_text")
    text = v
    if not _PARTIAL.fullmatch(text):
        raise ValidationError(path, code="partial_date")
    try:
        first = span_start(text)
        span_end(text)
    except ValueError:
        raise ValidationError(path, code="date_does_not_exist", text=text) from None
    if not MIN_YEAR <= first.year <= MAX_YEAR:
        raise ValidationError(path, code="implausible_date", text=text, first=MIN_YEAR, last=MAX_YEAR)
    return text


def parse_profile_item(v: Any, path: str) -> ProfileItem:
    n = Node(v, path)
    start = parse_partial_date(n.raw("from"), n.at("from"))
    end = parse_partial_date(n.raw("to"), n.at("to"))
    if start is not None and end is not None and span_end(end) < span_start(start):
        raise n.fail("to", code="before_from", day=end, first=start)
    return ProfileItem(
        text=n.req_text("text"),
        start=start,
        end=end,
        end_reason=n.text("end_reason"),
        outcome=n.text("outcome"),
        source=n.enum("source", AccommodationSource, required=False),
    )


def parse_profile(v: Any, path: str) -> Profile:
    """The ``profile`` object of a citizen (None gives an empty profile)."""
    if v is None:
        return Profile()
    n = Node(v, path)
    unknown = sorted(set(n.value) - set(PROFILE_LISTS) - set(PROFILE_TEXTS))
    if unknown:
        known = ", ".join((*PROFILE_LISTS, *PROFILE_TEXTS))
        raise n.fail(unknown[0], code="not_profile_part", known=known)
    lists = {key: n.items(key, parse_profile_item) for key in PROFILE_LISTS}
    texts = {key: _optional_text(n, key) for key in PROFILE_TEXTS}
    return Profile(**lists, **texts)  # type: ignore[arg-type]


def _optional_text(n: Node, key: str) -> str | None:
    value = n.text(key)
    return value if value is None or value.strip() else None


def parse_heading(v: Any, path: str) -> str:
    allowed = [h.value for h in Heading]
    if v not in allowed:
        raise ValidationError(path, code="not_one_of", value=repr(v), allowed=", ".join(allowed))
    return str(v)


def parse_headings(n: Node, key: str = "headings") -> tuple[str, ...]:
    """A follow-up's ``headings``: distinct headings of spec 1b."""
    headings = n.items(key, parse_heading)
    seen: set[str] = set()
    for i, h in enumerate(headings):
        if h in seen:
            raise ValidationError(f"{n.at(key)}[{i}]", code="duplicate", what="heading", key=h)
        seen.add(h)
    return headings


def parse_observation(v: Any, path: str) -> Observation:
    n = Node(v, path)
    heading = n.raw("heading")
    if heading is None:
        raise n.fail("heading", code="required")
    return Observation(
        day=n.req_day("date"),
        heading=parse_heading(heading, n.at("heading")),
        by=str(n.enum("by", ObservedBy)),
        text=n.req_text("text"),
        placement=n.text("placement", limit=REF_MAX),
    )

