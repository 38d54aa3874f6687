"""Read-only lists for the screens: citizens and companies with their current state."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

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


def list_citizens(
    db: Database, include_archived: bool = False, refs: Collection[str] | None = None
) -> list[CitizenRow]:
    """Every citizen (archived ones on request) with the placement running today, or else their latest,
    and its weekly hours now: three plain queries, no records loaded, so thousands of citizens list at once.
    ``refs``: only these citizens (a window re-reads the rows of the citizens a write touched)."""
    access.require_unscoped(db, Permission.VIEW, "list citizens")
    on = today()
    c, p, step = m.Citizen, m.Placement, m.ScheduleStep
    with db.reading() as s:
        stmt = select(c.id, c.ref, c.name, c.job_goal, c.archived_at.is_not(None)).order_by(c.name)
        placements = (
            select(p.id, p.citizen_id, p.start, p.end, p.type, m.Company.name)
            .join(m.Company, p.company_id == m.Company.id)
            .join(c, p.citizen_id == c.id)
            .where(p.archived_at.is_(None))
            .order_by(p.citizen_id, p.start)
        )
        if not include_archived:
            stmt = stmt.where(c.archived_at.is_(None))
            placements = placements.where(c.archived_at.is_(None))
        if refs is not None:
            stmt, placements = stmt.where(c.ref.in_(list(refs))), placements.where(c.ref.in_(list(refs)))
        shown: dict[int, tuple[int, date, date | None, str, str, bool]] = {}
        for pid, citizen_id, start, end, kind, company in s.connection().execute(placements):
            running = start <= on and (end is None or end >= on)
            if running or not shown.get(citizen_id, (0, start, None, "", "", False))[5]:
                shown[citizen_id] = (pid, start, end, kind, company, running)  # the running one, else the latest
        steps: dict[int, tuple[date, int]] = {}  # placement -> the step in force today, else its latest
        ids = [v[0] for v in shown.values()]
        for chunk in (ids[i:i + 900] for i in range(0, len(ids), 900)):
            for pid, valid_from, *minutes in s.connection().execute(
                select(step.placement_id, step.valid_from, step.mon, step.tue, step.wed, step.thu, step.fri,
                       step.sat, step.sun).where(step.placement_id.in_(chunk))
            ):  # fmt: skip
                best = steps.get(pid)
                in_force = valid_from <= on
                if best is None or (in_force and (best[0] > on or valid_from > best[0])) or (
                    not in_force and best[0] > on and valid_from > best[0]
                ):
                    steps[pid] = (valid_from, sum(minutes))
        rows = []
        for citizen_id, ref, name, job_goal, archived in s.connection().execute(stmt):
            chosen = shown.get(citizen_id)
            plan = steps.get(chosen[0]) if chosen else None
            rows.append(
                CitizenRow(
                    ref=ref,
                    name=name,
                    job_goal=job_goal,
                    company=chosen[4] if chosen else None,
                    placement_type=chosen[3] if chosen else None,
                    weekly_minutes=plan[1] if plan else None,
                    placement_end=chosen[2] if chosen else None,
                    active=bool(chosen and chosen[5]),
                    archived=archived,
                )
            )
    audit.log_read(db, "citizens", include_archived=include_archived, rows=len(rows))
    return rows


def list_companies(db: Database, include_archived: bool = False) -> list[CompanyRow]:
    """Every company; a workplace mentor gets only their own."""
    who = access.principal(db)
    if who is None or not who.company_scoped:
        access.require(db, Permission.VIEW, "list companies")
    on = today()
    with db.reading() as s:
        stmt = select(m.Company).options(selectinload(m.Company.contacts)).order_by(m.Company.name)
        if who is not None and who.company_scoped:
            stmt = stmt.where(m.Company.ref == (who.company_ref or ""))
        if not include_archived:
            stmt = stmt.where(m.Company.archived_at.is_(None))
        companies = list(s.scalars(stmt))
        active: dict[int, int] = {}
        for company_id, start, end in s.execute(
            select(m.Placement.company_id, m.Placement.start, m.Placement.end).where(m.Placement.archived_at.is_(None))
        ):
            if start <= on and (end is None or end >= on):
                active[company_id] = active.get(company_id, 0) + 1
        return [
            CompanyRow(c.ref, c.name, c.cvr, c.internal, active.get(c.id, 0), c.archived_at is not None)
            for c in companies
        ]


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


RECENT_WEEKS = 8  # the follow-ups page shows drafts and this many weeks back unless asked for more


def _contains_text(db: Database, needle: str, *columns: Any) -> Any:
    """A case-insensitive "any of these columns contains ``needle``" that knows æ, ø and å (SQLite's
    lower() folds only A-Z, so the embedded database uses the pd_fold function the engine registers)."""
    pattern = "%" + needle.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fold = func.pd_fold if db.engine.dialect.name == "sqlite" else func.lower
    return or_(*(fold(c).like(pattern, escape="\\") for c in columns))


def list_followups(
    db: Database,
    since: date | None = None,
    *,
    recent_weeks: int | None = None,
    text: str | None = None,
    drafts_only: bool = False,
    limit: int | None = None,
) -> list[FollowupRow]:
    """Follow-up meetings of active citizens, newest first (plain rows: tens of thousands of meetings
    cost no ORM objects). ``recent_weeks`` keeps the drafts and the meetings of that many weeks back (what
    the page shows first: its cost follows the caseload, not the archive); ``text`` searches the citizen's
    name and reference, the placement and the note in SQL; ``limit`` caps the rows (newest first)."""
    access.require_unscoped(db, Permission.VIEW, "list follow-ups")
    f, p = m.Followup, m.Placement
    with db.reading() as s:
        stmt = (
            select(f.id, m.Citizen.ref, m.Citizen.name, f.day, f.kind, p.ref, f.finalised_at.is_not(None), f.note)
            .join(m.Citizen, f.citizen_id == m.Citizen.id)
            .outerjoin(p, f.placement_id == p.id)
            .where(m.Citizen.archived_at.is_(None))
            .order_by(f.day.desc(), f.id.desc())
        )
        if since is not None:
            stmt = stmt.where(f.day >= since)
        if recent_weeks is not None:
            stmt = stmt.where(or_(f.finalised_at.is_(None), f.day >= today() - timedelta(weeks=recent_weeks)))
        if drafts_only:
            stmt = stmt.where(f.finalised_at.is_(None))
        if text and text.strip():
            stmt = stmt.where(_contains_text(db, text.strip(), m.Citizen.name, m.Citizen.ref, p.ref, f.note))
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = [FollowupRow(*row) for row in s.connection().execute(stmt)]  # Core rows: no ORM loading
    audit.log_read(db, "follow-ups with their notes", since=since, recent_weeks=recent_weeks,
                   text=text or None, drafts_only=drafts_only or None, rows=len(rows))  # fmt: skip
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
        rows = s.execute(
            select(m.Placement, m.Citizen.ref, m.Citizen.name, m.Citizen.id)
            .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
            .where(m.Placement.company_id == c.id, m.Placement.archived_at.is_(None))
            .options(selectinload(m.Placement.workplace_mentor))
            .order_by(m.Placement.start.desc())
        )
        found = rows.all()
        placements = [
            CompanyPlacement(
                p.ref,
                cref,
                cname,
                p.type,
                p.start,
                p.end,
                p.workplace_mentor.name if p.workplace_mentor else None,
                p.start <= on and (p.end is None or p.end >= on),
            )
            for p, cref, cname, _ in found
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


def list_placements(db: Database, include_archived: bool = False) -> list[PlacementListRow]:
    """Every placement with its citizen, company, period, hours now and workplace mentor: three
    plain queries (no records loaded), so the table of thousands of placements opens at once.
    A workplace mentor gets the placements at their own company only."""
    who = access.principal(db)
    if who is None or not who.company_scoped:
        access.require(db, Permission.VIEW, "list placements")
    on = today()
    with db.reading() as s:
        latest = (
            select(m.ScheduleStep.placement_id, func.max(m.ScheduleStep.valid_from).label("valid_from"))
            .where(m.ScheduleStep.valid_from <= on)
            .group_by(m.ScheduleStep.placement_id)
            .subquery()
        )
        weekly = {
            pid: sum(minutes)
            for pid, *minutes in s.execute(
                select(m.ScheduleStep.placement_id, m.ScheduleStep.mon, m.ScheduleStep.tue, m.ScheduleStep.wed,
                       m.ScheduleStep.thu, m.ScheduleStep.fri, m.ScheduleStep.sat, m.ScheduleStep.sun)
                .join(latest, (latest.c.placement_id == m.ScheduleStep.placement_id)
                      & (latest.c.valid_from == m.ScheduleStep.valid_from))
            )  # fmt: skip
        }
        stmt = (
            select(m.Placement.id, m.Placement.ref, m.Citizen.ref, m.Citizen.name, m.Company.name, m.Placement.type,
                   m.Placement.start, m.Placement.end, m.Contact.name, m.Placement.outcome_kind)
            .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
            .join(m.Company, m.Placement.company_id == m.Company.id)
            .outerjoin(m.Contact, m.Placement.workplace_mentor_id == m.Contact.id)
            .order_by(m.Placement.start.desc(), m.Placement.ref)
        )  # fmt: skip
        if not include_archived:
            stmt = stmt.where(m.Placement.archived_at.is_(None), m.Citizen.archived_at.is_(None))
        if who is not None and who.company_scoped:
            stmt = stmt.where(m.Company.ref == (who.company_ref or ""))
        rows = []
        for pid, ref, citizen_ref, citizen_name, company, kind, start, end, mentor, outcome in s.connection().execute(
            stmt
        ):
            running = start <= on and (end is None or end >= on)
            rows.append(
                PlacementListRow(ref, citizen_ref, citizen_name, company, kind, start, end,
                                 weekly.get(pid) if running else None, mentor, running, outcome)  # fmt: skip
            )
    audit.log_read(db, "placements", include_archived=include_archived, rows=len(rows),
                   company=who.company_ref if who is not None and who.company_scoped else None)  # fmt: skip
    return rows
