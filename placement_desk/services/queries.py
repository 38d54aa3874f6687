"""Read-only lists for the screens: citizens and companies with their current state."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit
from placement_desk.services.common import today
from placement_desk.services.use_case import use_case


@dataclass(frozen=True)
class CitizenRow:
    ref: str
    name: str
    job_goal: str | None
    company: str | None  # of the current (or latest) placement
    placement_type: str | None
    weekly_minutes: int | None
    placement_end: date | None
    active: bool  # has a placement running today
    archived: bool


@dataclass(frozen=True)
class CompanyRow:
    ref: str
    name: str
    cvr: str | None
    internal: bool
    active_placements: int
    archived: bool


def _running(p: Any, on: date) -> Any:
    """SQL: the placement ``p`` runs on ``on``."""
    return and_(p.start <= on, or_(p.end.is_(None), p.end >= on))


def _ordered(stmt: Any, sorts: Mapping[str, Any], order: str | None, descending: bool, *then: Any) -> Any:
    """``stmt`` ordered by the named sort (unknown: the first), then by ``then`` (a stable order for paging)."""
    key = sorts.get(order or "", next(iter(sorts.values())))
    rest = [t.desc() if descending else t for t in then if t is not key]  # an index in the order can end the read early
    return stmt.order_by(key.desc() if descending else key, *rest)


def _paged(stmt: Any, offset: int, limit: int | None) -> Any:
    return stmt.offset(offset).limit(limit) if limit is not None else stmt.offset(offset) if offset else stmt


def _weekly_minutes(placement_id: Any, on: date) -> Any:
    """SQL: the weekly minutes of a placement's hours-plan step in force on ``on`` (else its latest)."""
    st = aliased(m.ScheduleStep)
    in_force = case((st.valid_from <= on, 1), else_=0)
    return (
        select(st.mon + st.tue + st.wed + st.thu + st.fri + st.sat + st.sun)
        .where(st.placement_id == placement_id)
        .order_by(in_force.desc(), st.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )


def list_citizens(
    db: Database,
    include_archived: bool = False,
    refs: Collection[str] | None = None,
    *,
    text: str | None = None,
    order: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[CitizenRow]:
    """Citizens (archived ones on request) with the placement running today, or else their latest, and
    its weekly hours now, found by the database per citizen shown: one query, no records loaded, so a
    page of a long list costs what a page costs. ``refs``: only these citizens (a window re-reads the
    rows of the citizens a write touched); ``text``: name, ref, company or job goal containing it;
    ``order`` one of :data:`CITIZEN_SORTS` (by name by default); ``offset``/``limit``: one page."""
    access.require_unscoped(db, Permission.VIEW, "list citizens")
    on = today()
    c, p, co = m.Citizen, m.Placement, m.Company
    shown = aliased(m.Placement)
    chosen = (
        select(shown.id)
        .where(shown.citizen_id == c.id, shown.archived_at.is_(None))
        .order_by(case((_running(shown, on), 1), else_=0).desc(), shown.start.desc(), shown.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    weekly = _weekly_minutes(p.id, on)
    sorts = {"name": c.name, "ref": c.ref, "company": func.coalesce(co.name, ""), "type": func.coalesce(p.type, ""),
             "hours": func.coalesce(weekly, 0), "ends": func.coalesce(p.end, date.max), "job_goal": func.coalesce(
                 c.job_goal, "")}  # fmt: skip
    stmt = (
        select(c.ref, c.name, c.job_goal, co.name, p.type, weekly, p.end, _running(p, on), c.archived_at.is_not(None))
        .select_from(c)
        .outerjoin(p, p.id == chosen)
        .outerjoin(co, co.id == p.company_id)
    )
    if not include_archived:
        stmt = stmt.where(c.archived_at.is_(None))
    if refs is not None:
        stmt = stmt.where(c.ref.in_(list(refs)))
    if text and text.strip():
        stmt = stmt.where(_contains_text(db, text.strip(), c.name, c.ref, co.name, c.job_goal))
    stmt = _paged(_ordered(stmt, sorts, order, descending, c.name, c.id), offset, limit)
    with db.reading() as s:
        rows = [
            CitizenRow(ref, name, job_goal, company, kind, minutes, end, bool(running), archived)
            for ref, name, job_goal, company, kind, minutes, end, running, archived in s.connection().execute(stmt)
        ]
    audit.log_read(db, "citizens", include_archived=include_archived, text=text or None, offset=offset or None,
                   rows=len(rows))  # fmt: skip
    return rows


def list_companies(
    db: Database,
    include_archived: bool = False,
    *,
    text: str | None = None,
    order: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[CompanyRow]:
    """Companies with the number of placements running there today (counted by the database for the
    companies read only); a workplace mentor gets only their own. ``text``: name or CVR containing it;
    ``order`` one of "name" (the default), "cvr", "internal", "active"; ``offset``/``limit``: one page."""
    who = access.principal(db)
    if who is None or not who.company_scoped:
        access.require(db, Permission.VIEW, "list companies")
    co, p = m.Company, m.Placement
    active = (
        select(func.count(p.id))
        .where(p.company_id == co.id, p.archived_at.is_(None), _running(p, today()))
        .scalar_subquery()
    )
    stmt = select(co.ref, co.name, co.cvr, co.internal, active, co.archived_at.is_not(None))
    if who is not None and who.company_scoped:
        stmt = stmt.where(co.ref == (who.company_ref or ""))
    if not include_archived:
        stmt = stmt.where(co.archived_at.is_(None))
    if text and text.strip():
        stmt = stmt.where(_contains_text(db, text.strip(), co.name, co.cvr))
    sorts = {"name": co.name, "cvr": func.coalesce(co.cvr, ""), "internal": co.internal, "active": active}
    stmt = _paged(_ordered(stmt, sorts, order, descending, co.name, co.id), offset, limit)
    with db.reading() as s:
        return [CompanyRow(*row) for row in s.connection().execute(stmt)]


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "citizen" | "company" | "placement"
    ref: str
    title: str
    detail: str
    citizen_ref: str | None  # where a placement hit opens


def search(db: Database, text: str, limit: int = 30) -> list[SearchHit]:
    """Citizens, companies and placements whose name, ref, CPR or CVR contain the text (an empty text
    finds nothing and is not logged; still only for a role that may search)."""
    needle = text.strip()
    if not needle:
        access.require_unscoped(db, Permission.VIEW, "search")
        return []
    return _search(db, needle, limit)


@use_case(Permission.VIEW, audit.SEARCH, "search")
def _search(s: Session, needle: str, limit: int) -> list[SearchHit]:
    pattern = f"%{needle}%"
    hits: list[SearchHit] = []
    audit.about(s, None, criterion=needle)
    for c in s.scalars(
        select(m.Citizen)
        .where(m.Citizen.archived_at.is_(None))
        .where(m.Citizen.name.ilike(pattern) | m.Citizen.ref.ilike(pattern) | m.Citizen.cpr.ilike(pattern))
        .order_by(m.Citizen.name)
        .limit(limit)
    ):
        hits.append(SearchHit("citizen", c.ref, c.name, c.job_goal or "", c.ref))
    for co in s.scalars(
        select(m.Company)
        .where(m.Company.archived_at.is_(None))
        .where(m.Company.name.ilike(pattern) | m.Company.ref.ilike(pattern) | m.Company.cvr.ilike(pattern))
        .order_by(m.Company.name)
        .limit(limit)
    ):
        hits.append(SearchHit("company", co.ref, co.name, co.industry or "", None))
    for p, citizen_name, citizen_ref, company_name in s.execute(
        select(m.Placement, m.Citizen.name, m.Citizen.ref, m.Company.name)
        .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
        .join(m.Company, m.Placement.company_id == m.Company.id)
        .where(m.Placement.archived_at.is_(None), m.Citizen.archived_at.is_(None))
        .where(m.Placement.ref.ilike(pattern))
        .order_by(m.Placement.start.desc())
        .limit(limit)
    ):
        hits.append(SearchHit("placement", p.ref, f"{p.ref}: {citizen_name}", company_name, citizen_ref))
    return hits[:limit]


@dataclass(frozen=True)
class FollowupRow:
    id: int
    citizen_ref: str
    citizen_name: str
    day: date
    kind: str
    placement_ref: str | None
    finalised: bool
    note: str | None


FOLLOWUP_SORTS = ("day", "citizen", "kind", "placement", "state", "note")  # list_followups' orders, by column
RECENT_WEEKS = 8  # the follow-ups page shows drafts and this many weeks back unless asked for more


def _contains_text(db: Database, needle: str, *columns: Any) -> Any:
    """A case-insensitive "any of these columns contains ``needle``" that knows æ, ø and å (SQLite's
    lower() folds only A-Z, so the embedded database uses the pd_fold function the engine registers)."""
    pattern = "%" + needle.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fold = func.pd_fold if db.engine.dialect.name == "sqlite" else func.lower
    return or_(*(fold(c).like(pattern, escape="\\") for c in columns))


def _followup_search(db: Database, needle: str, scope: Any, scoped: bool) -> Any:
    """The meetings whose citizen (name, reference), placement (reference) or note contains ``needle``: the
    citizens and placements that match found once (not again for each of their meetings), the notes searched
    in one pass over the table (10x benchmark, a word found nowhere in 543,000 notes: 3.0 s to 1.0 s, of which
    reading the notes alone is 0.5 s); within a ``scoped`` list (the recent period, drafts, since a date) only
    the scope's meetings, found from the index first, have their notes read."""
    f = m.Followup
    citizens = select(m.Citizen.id).where(_contains_text(db, needle, m.Citizen.name, m.Citizen.ref))
    placements = select(m.Placement.id).where(_contains_text(db, needle, m.Placement.ref))
    in_scope: Any
    if scoped:  # the scope's meetings from the index, and the note of each of them searched
        scoped_ids = select(f.id).join(m.Citizen, f.citizen_id == m.Citizen.id).where(scope)
        in_scope, note = f.id.in_(scoped_ids.correlate(None)), _contains_text(db, needle, f.note)
    else:  # every note searched in one pass over the table, then the matching meetings' rows found
        in_scope, note = true(), f.id.in_(select(f.id).where(_contains_text(db, needle, f.note)).correlate(None))
    return and_(
        in_scope,
        or_(f.citizen_id.in_(citizens.correlate(None)), f.placement_id.in_(placements.correlate(None)), note),
    )


def list_followups(
    db: Database,
    since: date | None = None,
    *,
    recent_weeks: int | None = None,
    text: str | None = None,
    drafts_only: bool = False,
    order: str | None = None,
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[FollowupRow]:
    """Follow-up meetings of active citizens, newest first (plain rows: tens of thousands of meetings
    cost no ORM objects). ``recent_weeks`` keeps the drafts and the meetings of that many weeks back (what
    the page shows first: its cost follows the caseload, not the archive); ``text`` searches the citizen's
    name and reference, the placement and the note in SQL; ``order`` one of :data:`FOLLOWUP_SORTS` (the
    date by default, newest first); ``offset``/``limit``: one page."""
    access.require_unscoped(db, Permission.VIEW, "list follow-ups")
    f, p = m.Followup, m.Placement
    with db.reading() as s:
        stmt = (
            select(f.id)
            .join(m.Citizen, f.citizen_id == m.Citizen.id)
            .outerjoin(p, f.placement_id == p.id)
            .where(m.Citizen.archived_at.is_(None))
        )
        if since is not None:
            stmt = stmt.where(f.day >= since)
        if recent_weeks is not None:
            stmt = stmt.where(or_(f.finalised_at.is_(None), f.day >= today() - timedelta(weeks=recent_weeks)))
        if drafts_only:
            stmt = stmt.where(f.finalised_at.is_(None))
        if text and text.strip():
            stmt = stmt.where(_followup_search(db, text.strip(), stmt.whereclause, scoped=recent_weeks is not None
                                               or drafts_only or since is not None))  # fmt: skip
        sorts = dict(zip(FOLLOWUP_SORTS, (f.day, m.Citizen.name, f.kind, func.coalesce(p.ref, ""),
                                          f.finalised_at.is_not(None), func.coalesce(f.note, "")), strict=True))  # fmt: skip
        # The page's meetings found first (the scope's columns are in ix_followups_day_scope: no note is
        # read to find or sort them), then read with their notes.
        page = _paged(_ordered(stmt, sorts, order, descending, f.day, f.id), offset, limit).subquery()
        read = (
            select(f.id, m.Citizen.ref, m.Citizen.name, f.day, f.kind, p.ref, f.finalised_at.is_not(None), f.note)
            .join(m.Citizen, f.citizen_id == m.Citizen.id)
            .outerjoin(p, f.placement_id == p.id)
            .where(f.id.in_(select(page.c.id)))
        )
        read = _ordered(read, sorts, order, descending, f.day, f.id)
        rows = [FollowupRow(*row) for row in s.connection().execute(read)]  # Core rows: no ORM loading
    audit.log_read(db, "follow-ups with their notes", since=since, recent_weeks=recent_weeks, text=text or None,
                   drafts_only=drafts_only or None, offset=offset or None, rows=len(rows))  # fmt: skip
    return rows


@dataclass(frozen=True)
class CompanyPlacement:
    ref: str
    citizen_ref: str
    citizen_name: str
    type: str
    start: date
    end: date | None
    mentor: str | None
    current: bool


@dataclass(frozen=True)
class CompanyDetail:
    ref: str
    name: str
    cvr: str | None
    industry: str | None
    address: str | None
    internal: bool
    version: int
    archived: bool
    contacts: list[tuple[str, str, str | None, str | None, str | None]]  # ref, name, role, phone, email
    placements: list[CompanyPlacement]


def company_detail(db: Database, ref: str) -> CompanyDetail:
    from placement_desk.services.common import by_ref

    access.require(db, Permission.VIEW, "see a company")
    on = today()
    with db.reading() as s:
        c = by_ref(s, m.Company, ref)
        p, mentor_of = m.Placement, m.Contact
        found = (
            s.connection()
            .execute(
                select(p.ref, m.Citizen.ref, m.Citizen.name, p.type, p.start, p.end, mentor_of.name, m.Citizen.id)
                .join(m.Citizen, p.citizen_id == m.Citizen.id)
                .outerjoin(mentor_of, p.workplace_mentor_id == mentor_of.id)
                .where(p.company_id == c.id, p.archived_at.is_(None))
                .order_by(p.start.desc())
            )
            .all()
        )  # plain rows: a company's years of placements cost no ORM objects
        placements = [
            CompanyPlacement(pref, cref, cname, kind, start, end, mentor, start <= on and (end is None or end >= on))
            for pref, cref, cname, kind, start, end, mentor, _ in found
        ]
        detail = CompanyDetail(
            c.ref,
            c.name,
            c.cvr,
            c.industry,
            c.address,
            c.internal,
            c.version,
            c.archived_at is not None,
            [(k.ref, k.name, k.role, k.phone, k.email) for k in c.contacts if k.archived_at is None],
            placements,
        )
    audit.log_read(db, "company", [cid for *_, cid in found], company=ref)
    return detail


@dataclass(frozen=True)
class PlacementListRow:
    """One placement of the all-placements table (Forløb), with the hours planned for this week."""

    ref: str
    citizen_ref: str
    citizen_name: str
    company: str
    type: str
    start: date
    end: date | None
    weekly_minutes: int | None  # of the plan step in force today (None when not running today)
    mentor: str | None
    active: bool  # running today
    outcome: str | None = None  # what it led to (an OutcomeKind value), when recorded


def list_placements(
    db: Database,
    include_archived: bool = False,
    *,
    running_only: bool = False,
    text: str | None = None,
    order: str | None = None,
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[PlacementListRow]:
    """Placements with their citizen, company, period, hours now and workplace mentor: one query (no
    records loaded; the hours found by the database for the rows read only), newest first by default,
    so a page of thousands of placements costs one page. ``running_only``: those running today;
    ``text``: citizen, placement ref, company or mentor containing it; ``order`` one of
    :data:`PLACEMENT_SORTS`; ``offset``/``limit``: one page. A workplace mentor gets the placements at
    their own company only."""
    who = access.principal(db)
    if who is None or not who.company_scoped:
        access.require(db, Permission.VIEW, "list placements")
    on = today()
    p, c, co, k, st = m.Placement, m.Citizen, m.Company, m.Contact, aliased(m.ScheduleStep)
    running = _running(p, on)
    now = (
        select(st.mon + st.tue + st.wed + st.thu + st.fri + st.sat + st.sun)
        .where(st.placement_id == p.id, st.valid_from <= on)
        .order_by(st.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )
    weekly = case((running, now), else_=None)
    stmt = (
        select(p.ref, c.ref, c.name, co.name, p.type, p.start, p.end, weekly, k.name, running, p.outcome_kind)
        .join(c, p.citizen_id == c.id)
        .join(co, p.company_id == co.id)
        .outerjoin(k, p.workplace_mentor_id == k.id)
    )
    if not include_archived:
        stmt = stmt.where(p.archived_at.is_(None), c.archived_at.is_(None))
    if running_only:
        stmt = stmt.where(running)
    if who is not None and who.company_scoped:
        stmt = stmt.where(co.ref == (who.company_ref or ""))
    if text and text.strip():
        stmt = stmt.where(_contains_text(db, text.strip(), c.name, p.ref, co.name, k.name))
    sorts = dict(zip(PLACEMENT_SORTS, (c.name, p.ref, co.name, p.type, p.start, func.coalesce(p.end, date.max),
                                       func.coalesce(weekly, 0), func.coalesce(k.name, ""),
                                       func.coalesce(p.outcome_kind, "")), strict=True))  # fmt: skip
    stmt = _paged(_ordered(stmt, sorts, order or "start", descending, p.id), offset, limit)
    with db.reading() as s:
        rows = [PlacementListRow(ref, cref, cname, company, kind, start, end, minutes, mentor, bool(active), outcome)
                for ref, cref, cname, company, kind, start, end, minutes, mentor, active, outcome
                in s.connection().execute(stmt)]  # fmt: skip
    audit.log_read(db, "placements", include_archived=include_archived, text=text or None, offset=offset or None,
                   rows=len(rows), company=who.company_ref if who is not None and who.company_scoped else None)  # fmt: skip
    return rows


# list_placements' orders, one per column of the Forløb page
PLACEMENT_SORTS = ("citizen", "ref", "company", "type", "start", "end", "hours", "mentor", "outcome")
