"""Parse and validate a case file (spec section 1); every error names its JSON path.

``parse_case_file`` checks the whole document and raises the first :class:`ValidationError`
(``citizens[0].placements[1].schedule[2].from: not a date``). References to companies and
placements already in the database are resolved through the ``known`` argument. Hours that are not a
whole number of minutes are rounded to the minute while a case file is read (and counted in a
:class:`Reading`); a single record parsed for a form still refuses them, so the user can correct it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from placement_desk.domain import casefile as cf
from placement_desk.domain import profile_parse  # spec 1b
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.identifiers import check_cvr, normalise_cpr
from placement_desk.domain.json_node import (
    _DATE,
    _READING,
    LINE_MAX,
    MAX_YEAR,
    MIN_YEAR,
    NAME_MAX,
    REF_MAX,
    SHORT_MAX,
    Known,
    Node,
    Reading,
    check_text,
    parse_date,
    parse_number,
)
from placement_desk.domain.numbers import minutes_from_hours, minutes_rounded
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.vocab import (
    WEEKDAYS,
    AccommodationCategory,
    AccommodationSource,
    Assessor,
    FollowupKind,
    GoalArea,
    OutcomeKind,
    PlacementType,
    Purpose,
    Status,
)


def _minutes(v: Any, path: str, lo: float = 0, hi: float = 24) -> int:
    # The common case first (a big import has one per attendance record): whole or quarter hours,
    # which are exact in binary, so no Fraction is needed; anything else takes the exact path below.
    if (type(v) is int or (type(v) is float and (v * 4).is_integer())) and lo <= v <= hi:
        return int(v * 60)
    value = parse_number(v, path, lo, hi)
    reading = _READING.get()
    if reading is None:  # a form's value: the user corrects it rather than have it rounded unseen
        try:
            return minutes_from_hours(value)
        except ValueError as exc:
            raise ValidationError.wrap(path, exc) from None
    minutes, rounded = minutes_rounded(value)
    reading.rounded += rounded
    return minutes


def _text_item(v: Any, path: str) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ValidationError(path, code="empty_text")
    return check_text(v, path)


def _unique(values: list[tuple[str, Any]], what: str) -> None:
    seen: set[Any] = set()
    for path, key in values:
        if key in seen:
            raise ValidationError(path, code="duplicate", what=what, key=key)
        seen.add(key)


# ---- companies ---------------------------------------------------------------------------------


def parse_contact(v: Any, path: str) -> cf.Contact:
    n = Node(v, path)
    return cf.Contact(
        ref=n.req_text("ref", REF_MAX),
        name=n.req_text("name", NAME_MAX),
        role=n.text("role", limit=SHORT_MAX),
        phone=n.text("phone", limit=SHORT_MAX),
        email=n.text("email", limit=NAME_MAX),
    )


def parse_company(v: Any, path: str) -> cf.Company:
    n = Node(v, path)
    cvr = n.text("cvr")
    if cvr is not None:
        try:
            cvr = check_cvr(cvr)
        except ValueError as exc:
            raise ValidationError.wrap(n.at("cvr"), exc) from None
    contacts = n.items("contacts", parse_contact)
    _unique([(f"{n.at('contacts')}[{i}].ref", c.ref) for i, c in enumerate(contacts)], "contact ref")
    return cf.Company(
        ref=n.req_text("ref", REF_MAX),
        name=n.req_text("name", NAME_MAX),
        cvr=cvr,
        industry=n.text("industry", limit=NAME_MAX),
        address=n.text("address", limit=LINE_MAX),
        internal=n.boolean("internal", False),
        contacts=contacts,
    )


# ---- placements --------------------------------------------------------------------------------


def parse_step(v: Any, path: str) -> cf.ScheduleStep:
    n = Node(v, path)
    start = n.req_day("from")
    hours = n.raw("hours")
    if not isinstance(hours, dict):
        raise n.fail("hours", code="hours_object")
    for key in hours:
        if key not in WEEKDAYS:
            raise ValidationError(f"{n.at('hours')}.{key}", code="not_weekday")
    minutes = tuple(_minutes(hours[k], f"{n.at('hours')}.{k}") if hours.get(k) is not None else 0 for k in WEEKDAYS)
    weekly = sum(minutes)
    paid_raw = n.raw("paid_per_week")
    paid = 0 if paid_raw is None else _minutes(paid_raw, n.at("paid_per_week"), 0, 24 * 7)
    if paid > weekly:
        raise n.fail("paid_per_week", code="between_step_hours", low=0, high=f"{weekly / 60:g}")
    return cf.ScheduleStep(start, minutes, paid)  # type: ignore[arg-type]


_STATUSES = frozenset(Status)
_DAYS: dict[str, date] = {}  # dates already read (an archive's million records fall on a few thousand days)


def parse_attendance(v: Any, path: str) -> cf.Attendance:
    # The common record first (an archive has a million): plainly valid values are taken as they are, and
    # anything else goes through the checks of parse_attendance_checked, which name what is wrong.
    if type(v) is dict:
        get = v.get
        day, status, hours = get("date"), get("status"), get("hours")
        parsed = (_DAYS.get(day) or _plain_day(day)) if type(day) is str else None
        if (
            parsed is not None
            and type(status) is str
            and status in _STATUSES
            and (type(hours) is int or (type(hours) is float and (hours * 4).is_integer()))
            and 0 <= hours <= 24
        ):
            reason, note = get("reason"), get("note")
            if (reason is None or _plain_text(reason, NAME_MAX)) and (note is None or _plain_text(note, None)):
                return cf.Attendance(parsed, status, int(hours * 60), reason, note)
    return parse_attendance_checked(v, path)


def _plain_day(text: str) -> date | None:
    """The date in ``text`` if it is a plainly valid one (remembered), else None."""
    if not _DATE.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    if len(_DAYS) > 100_000:
        _DAYS.clear()
    _DAYS[text] = day
    return day


def _plain_text(v: Any, limit: int | None) -> bool:
    """Whether ``v`` is text that check_text takes as it is (ASCII, no NUL, within the limit)."""
    return type(v) is str and v.isascii() and "\x00" not in v and (limit is None or len(v) <= limit)


def parse_attendance_checked(v: Any, path: str) -> cf.Attendance:
    """An attendance record checked field by field (what :func:`parse_attendance` does with anything unusual)."""
    n = Node(v, path)
    status = n.enum("status", Status)
    assert status is not None
    raw_hours = n.raw("hours")
    if raw_hours is None:
        raise n.fail("hours", code="required")
    return cf.Attendance(
        day=n.req_day("date"),
        status=status,
        minutes=_minutes(raw_hours, n.at("hours")),
        reason=n.text("reason", limit=NAME_MAX),
        note=n.text("note"),
    )


def _capacity_task(v: Any, path: str) -> cf.CapacityTask:
    n = Node(v, path)

    def pct(key: str, hi: float) -> int:
        value = n.number(key, 0, hi)
        assert value is not None
        if value.denominator != 1:
            raise n.fail(key, code="not_whole")
        return int(value)

    return cf.CapacityTask(
        n.req_text("name", NAME_MAX), pct("time_share_pct", 100), pct("tempo_pct", 200), pct("quality_pct", 200)
    )


def parse_capacity(v: Any, path: str) -> cf.CapacityAssessment:
    n = Node(v, path)
    pct = n.number("effectiveness_pct", 0, 100)
    assert pct is not None
    if (pct * 100).denominator != 1:
        raise n.fail("effectiveness_pct", code="two_decimals")
    tasks = n.items("tasks", _capacity_task)
    if len(tasks) > 5:
        raise n.fail("tasks", code="five_tasks")
    if tasks and sum(t.time_share_pct for t in tasks) != 100:
        raise n.fail("tasks", code="task_shares")
    return cf.CapacityAssessment(n.req_day("date"), int(pct * 100), n.text("note"), tasks)


def parse_outcome(v: Any, path: str, start: date, placement: bool) -> Outcome | None:
    """An optional ``outcome`` (issue 18): kind, date (not before ``start``), note; a placement's may
    also say whether the company hired the citizen (``hired``) and for how many weekly hours."""
    if v is None:
        return None
    n = Node(v, path)
    kind = str(n.enum("kind", OutcomeKind))
    day = n.req_day("date")
    if day < start:
        raise n.fail("date", code="step_before_start", day=day.isoformat(), start=start.isoformat())
    note = n.text("note")
    hired: bool | None = None
    minutes: int | None = None
    if n.raw("hired") is not None:
        if not placement:
            raise n.fail("hired", code="hired_placement_only")
        hired = n.boolean("hired", False)
    raw_hours = n.raw("hired_hours")
    if raw_hours is not None:
        if hired is not True:
            raise n.fail("hired_hours", code="hired_hours_only")
        minutes = _minutes(raw_hours, n.at("hired_hours"), 0, 24 * 7)
    return Outcome(kind, day, note, hired, minutes)


def check_in_period(day: date, p: cf.Placement, path: str) -> None:
    if day < p.start or (p.end is not None and day > p.end):
        if p.end is None:
            raise ValidationError(path, code="outside_open_period", day=day.isoformat(), start=p.start.isoformat())
        raise ValidationError(
            path, code="outside_period", day=day.isoformat(), start=p.start.isoformat(), end=p.end.isoformat()
        )


def parse_placement(v: Any, path: str) -> cf.Placement:
    n = Node(v, path)
    start = n.req_day("start")
    end = n.day("end")
    if end is not None and end < start:
        raise n.fail("end", code="before_start")
    p = cf.Placement(
        ref=n.req_text("ref", REF_MAX),
        company=n.req_text("company", REF_MAX),
        type=str(n.enum("type", PlacementType)),
        purpose=n.enum("purpose", Purpose, required=False),
        start=start,
        end=end,
        end_reason=n.text("end_reason"),
        tasks=n.items("tasks", _text_item),
        workplace_mentor=n.text("workplace_mentor", limit=REF_MAX),
        schedule=n.items("schedule", parse_step),
        attendance=n.items("attendance", parse_attendance),
        capacity=n.items("capacity", parse_capacity),
        outcome=parse_outcome(n.raw("outcome"), n.at("outcome"), start, placement=True),
    )
    for i, s in enumerate(p.schedule):
        check_in_period(s.start, p, f"{n.at('schedule')}[{i}].from")
    _unique([(f"{n.at('schedule')}[{i}].from", s.start) for i, s in enumerate(p.schedule)], "from date")
    days = [a.day for a in p.attendance]
    # The records' paths are made only when one is out of the period or a date comes twice (the first is named).
    if days and (min(days) < p.start or (p.end is not None and max(days) > p.end)):
        for i, a in enumerate(p.attendance):
            check_in_period(a.day, p, f"{n.at('attendance')}[{i}].date")
    if len(set(days)) != len(days):
        _unique([(f"{n.at('attendance')}[{i}].date", a.day) for i, a in enumerate(p.attendance)], "attendance date")
    _unique([(f"{n.at('capacity')}[{i}].date", c.day) for i, c in enumerate(p.capacity)], "capacity date")
    return p


# ---- citizens ----------------------------------------------------------------------------------


def parse_referral(v: Any, path: str) -> cf.Referral:
    n = Node(v, path)
    start = n.req_day("start")
    end = n.day("end")
    if end is not None and end < start:
        raise n.fail("end", code="before_start")
    extensions = n.items("extensions", lambda x, p: parse_date(x, p, required=True))
    previous = end or start
    for i, e in enumerate(extensions):
        assert e is not None
        if e <= previous:
            raise ValidationError(f"{n.at('extensions')}[{i}]", code="extension_order")
        previous = e
    return cf.Referral(
        n.req_text("programme", LINE_MAX),
        start,
        end,
        tuple(e for e in extensions if e),
        n.text("end_reason"),
        parse_outcome(n.raw("outcome"), n.at("outcome"), start, placement=False),
    )


def parse_accommodation(v: Any, path: str) -> cf.Accommodation:
    n = Node(v, path)
    return cf.Accommodation(
        category=str(n.enum("category", AccommodationCategory)),
        text=n.req_text("text"),
        identified=n.day("identified"),
        source=n.enum("source", AccommodationSource, required=False),
        active=n.boolean("active", True),
        retired=n.day("retired"),
    )


def _correction(v: Any, path: str) -> cf.Correction:
    n = Node(v, path)
    return cf.Correction(n.req_day("date"), n.text("author", limit=REF_MAX), n.req_text("text"))


def parse_followup(v: Any, path: str) -> cf.Followup:
    n = Node(v, path)
    topics_raw = n.raw("topics")
    topics: list[tuple[str, str]] = []
    if topics_raw is not None:
        if not isinstance(topics_raw, dict):
            raise n.fail("topics", code="not_object")
        for key in cf.FOLLOWUP_TOPICS:
            value = topics_raw.get(key)
            if value is not None:
                if not isinstance(value, str):
                    raise ValidationError(f"{n.at('topics')}.{key}", code="not_text")
                topics.append((key, check_text(value, f"{n.at('topics')}.{key}")))
    return cf.Followup(
        day=n.req_day("date"),
        kind=str(n.enum("kind", FollowupKind)),
        placement=n.text("placement", limit=REF_MAX),
        participants=n.items("participants", _text_item),
        note=n.text("note"),
        citizen_view=n.text("citizen_view"),
        agreed_changes=n.text("agreed_changes"),
        topics=tuple(topics),
        finalised=n.boolean("finalised", False),
        corrections=n.items("corrections", _correction),
        headings=profile_parse.parse_headings(n),
    )


def parse_score(v: Any, path: str) -> cf.Score:
    n = Node(v, path)
    raw = n.raw("score")
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise n.fail("score", code="score_range")
    if not -5 <= raw <= 5:
        raise n.fail("score", code="score_range")
    return cf.Score(n.req_day("date"), raw, n.enum("assessor", Assessor, required=False))


def parse_goal(v: Any, path: str) -> cf.Goal:
    n = Node(v, path)
    return cf.Goal(
        area=str(n.enum("area", GoalArea)),
        text=n.req_text("text"),
        subgoals=n.items("subgoals", _text_item),
        scores=n.items("scores", parse_score),
    )


def parse_citizen(v: Any, path: str) -> cf.Citizen:
    n = Node(v, path)
    cpr = n.text("cpr")
    if cpr is not None:
        try:
            cpr = normalise_cpr(cpr)
        except ValueError as exc:
            raise ValidationError.wrap(n.at("cpr"), exc) from None
    birth_year = n.raw("birth_year")
    if birth_year is not None and (
        isinstance(birth_year, bool) or not isinstance(birth_year, int) or not 1900 <= birth_year <= 2100
    ):
        raise n.fail("birth_year", code="year_form")
    return cf.Citizen(
        ref=n.req_text("ref", REF_MAX),
        name=n.req_text("name", NAME_MAX),
        cpr=cpr,
        birth_year=birth_year,
        benefit=n.text("benefit", limit=NAME_MAX),
        caseworker=n.text("caseworker", limit=NAME_MAX),
        job_goal=n.text("job_goal", limit=LINE_MAX),
        own_view=n.text("own_view"),
        referrals=n.items("referrals", parse_referral),
        placements=n.items("placements", parse_placement),
        accommodations=n.items("accommodations", parse_accommodation),
        followups=n.items("followups", parse_followup),
        goals=n.items("goals", parse_goal),
        profile=profile_parse.parse_profile(n.raw("profile"), n.at("profile")),
        observations=n.items("observations", profile_parse.parse_observation),
    )


# ---- the document ------------------------------------------------------------------------------


def parse_case_file(data: Any, known: Known | None = None, reading: Reading | None = None) -> cf.CaseFile:
    """Validate a whole case-file document; raises ValidationError naming the first bad field.

    Hours are rounded to the whole minute (spec section 1); ``reading.rounded`` counts the values rounded.
    """
    token = _READING.set(reading if reading is not None else Reading())
    try:
        return _parse_document(data, known or Known())
    finally:
        _READING.reset(token)


def _parse_document(data: Any, known: Known) -> cf.CaseFile:
    root = Node(data, "")
    if root.raw("format") != cf.FORMAT:
        raise ValidationError("format", code="not_the_format", expected=repr(cf.FORMAT))
    if root.raw("version") != cf.VERSION:
        raise ValidationError(
            "version", code="unsupported_version", version=repr(root.raw("version")), supported=cf.VERSION
        )
    companies = root.items("companies", parse_company)
    _unique([(f"companies[{i}].ref", c.ref) for i, c in enumerate(companies)], "company ref")
    citizens = root.items("citizens", parse_citizen)
    _unique([(f"citizens[{i}].ref", c.ref) for i, c in enumerate(citizens)], "citizen ref")
    _check_references(companies, citizens, known)
    return cf.CaseFile(companies, citizens)


def _check_references(companies: tuple[cf.Company, ...], citizens: tuple[cf.Citizen, ...], known: Known) -> None:
    """Every placement ref belongs to one citizen, names a known company and one of its contacts; every
    follow-up and observation names one of its own citizen's placements."""
    contacts: dict[str, frozenset[str]] = dict(known.companies)
    contacts.update({c.ref: frozenset(k.ref for k in c.contacts) for c in companies})
    seen_placements: dict[str, str] = {}
    for ci, citizen in enumerate(citizens):
        own: set[str] = {ref for ref, owner in known.placements.items() if owner == citizen.ref}
        for pi, p in enumerate(citizen.placements):
            _check_placement_refs(p, f"citizens[{ci}].placements[{pi}]", citizen.ref, seen_placements, known, contacts)
            own.add(p.ref)
        _check_own_placements(
            [(f"citizens[{ci}].followups[{fi}].placement", f.placement) for fi, f in enumerate(citizen.followups)]
            + [
                (f"citizens[{ci}].observations[{oi}].placement", o.placement)
                for oi, o in enumerate(citizen.observations)
            ],
            own,
        )


def _check_placement_refs(
    p: cf.Placement, path: str, citizen: str, seen: dict[str, str], known: Known, contacts: Mapping[str, frozenset[str]]
) -> None:
    if p.ref in seen:
        raise ValidationError(f"{path}.ref", code="duplicate", what="placement ref", key=p.ref)
    owner = known.placements.get(p.ref)
    if owner is not None and owner != citizen:
        raise ValidationError(f"{path}.ref", code="placement_of_other", ref=p.ref, owner=owner)
    seen[p.ref] = citizen
    if p.company not in contacts:
        raise ValidationError(f"{path}.company", code="unknown_company_ref", ref=p.company)
    if p.workplace_mentor is not None and p.workplace_mentor not in contacts[p.company]:
        raise ValidationError(
            f"{path}.workplace_mentor", code="not_a_contact", mentor=p.workplace_mentor, company=p.company
        )


def _check_own_placements(refs: list[tuple[str, str | None]], own: set[str]) -> None:
    for path, ref in refs:
        if ref is not None and ref not in own:
            raise ValidationError(path, code="unknown_own_placement", ref=ref)
