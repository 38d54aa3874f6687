"""Conversion between the ORM rows and the case-file dataclasses (both directions)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.domain import casefile as cf
from placement_desk.domain import profile as pf
from placement_desk.domain.outcomes import Outcome
from placement_desk.domain.vocab import WEEKDAYS

# ---- ORM -> case file --------------------------------------------------------------------------


def company_out(c: m.Company) -> cf.Company:
    return cf.Company(
        ref=c.ref,
        name=c.name,
        cvr=c.cvr,
        industry=c.industry,
        address=c.address,
        internal=c.internal,
        contacts=tuple(
            cf.Contact(k.ref, k.name, k.role, k.phone, k.email) for k in c.contacts if k.archived_at is None
        ),
    )


def attendance_rows(session: Session, placement_ids: Iterable[int]) -> dict[int, tuple[cf.Attendance, ...]]:
    """The attendance of placements as case-file records by placement id, in date order, read as plain
    rows (thousands of records: no ORM objects, no timestamps)."""
    a = m.AttendanceRecord
    out: dict[int, list[cf.Attendance]] = {}
    ids = list(placement_ids)
    if ids:
        for pid, day, status, minutes, reason, note in session.execute(
            select(a.placement_id, a.day, a.status, a.minutes, a.reason, a.note)
            .where(a.placement_id.in_(ids))
            .order_by(a.placement_id, a.day)
        ):
            out.setdefault(pid, []).append(cf.Attendance(day, status, minutes, reason, note))
    return {pid: tuple(rows) for pid, rows in out.items()}


def placement_out(p: m.Placement, attendance: Mapping[int, tuple[cf.Attendance, ...]] | None = None) -> cf.Placement:
    """A placement as case-file data; ``attendance`` (by placement id) replaces reading ``p.attendance``."""
    return cf.Placement(
        ref=p.ref,
        company=p.company.ref,
        type=p.type,
        start=p.start,
        purpose=p.purpose,
        end=p.end,
        end_reason=p.end_reason,
        tasks=tuple(t.text for t in p.tasks),
        workplace_mentor=p.workplace_mentor.ref if p.workplace_mentor else None,
        schedule=tuple(cf.ScheduleStep(s.valid_from, s.minutes, s.paid_per_week) for s in p.schedule),
        attendance=(
            attendance.get(p.id, ())
            if attendance is not None
            else tuple(cf.Attendance(a.day, a.status, a.minutes, a.reason, a.note) for a in p.attendance)
        ),
        capacity=tuple(
            cf.CapacityAssessment(
                c.day,
                c.effectiveness_cpct,
                c.note,
                tuple(cf.CapacityTask(t.name, t.time_share_pct, t.tempo_pct, t.quality_pct) for t in c.tasks),
            )
            for c in p.capacity
        ),
        outcome=placement_outcome(p),
    )


def referral_outcome(r: m.Referral) -> Outcome | None:
    if r.outcome_kind is None or r.outcome_date is None:
        return None
    return Outcome(r.outcome_kind, r.outcome_date, r.outcome_note)


def placement_outcome(p: m.Placement) -> Outcome | None:
    if p.outcome_kind is None or p.outcome_date is None:
        return None
    return Outcome(p.outcome_kind, p.outcome_date, p.outcome_note, p.outcome_hired, p.outcome_hired_minutes)


def set_referral_outcome(r: m.Referral, o: Outcome | None) -> None:
    r.outcome_kind, r.outcome_date, r.outcome_note = (o.kind, o.day, o.note) if o else (None, None, None)


def set_placement_outcome(p: m.Placement, o: Outcome | None) -> None:
    p.outcome_kind, p.outcome_date, p.outcome_note = (o.kind, o.day, o.note) if o else (None, None, None)
    p.outcome_hired, p.outcome_hired_minutes = (o.hired, o.hired_minutes) if o else (None, None)


def referral_out(r: m.Referral) -> cf.Referral:
    return cf.Referral(
        r.programme, r.start, r.end, tuple(e.new_end for e in r.extensions), r.end_reason, referral_outcome(r)
    )


def followup_out(f: m.Followup) -> cf.Followup:
    topics = f.topics or {}
    return cf.Followup(
        day=f.day,
        kind=f.kind,
        placement=f.placement.ref if f.placement else None,
        participants=tuple(f.participants or ()),
        note=f.note,
        citizen_view=f.citizen_view,
        agreed_changes=f.agreed_changes,
        topics=tuple((k, topics[k]) for k in cf.FOLLOWUP_TOPICS if topics.get(k)),
        finalised=f.finalised_at is not None,
        corrections=tuple(cf.Correction(k.day, k.author, k.text) for k in f.corrections),
        headings=tuple(f.headings or ()),
    )


def profile_out(c: m.Citizen) -> pf.Profile:
    lists: dict[str, list[pf.ProfileItem]] = {k: [] for k in pf.PROFILE_LISTS}
    for i in sorted(c.profile_items, key=lambda i: (i.kind, i.position, i.id)):
        if i.kind in lists:
            lists[i.kind].append(pf.ProfileItem(i.text, i.date_from, i.date_to, i.end_reason, i.outcome, i.source))
    return pf.Profile(**{k: tuple(v) for k, v in lists.items()}, network=c.network, wishes=c.wishes)


def observation_out(o: m.Observation) -> pf.Observation:
    return pf.Observation(o.day, o.heading, o.observed_by, o.text, o.placement.ref if o.placement else None)


def citizen_out(
    c: m.Citizen, include_archived: bool = False, attendance: Mapping[int, tuple[cf.Attendance, ...]] | None = None
) -> cf.Citizen:
    return cf.canonical_citizen(
        cf.Citizen(
            ref=c.ref,
            name=c.name,
            cpr=c.cpr,
            birth_year=c.birth_year,
            benefit=c.benefit,
            caseworker=c.caseworker,
            job_goal=c.job_goal,
            own_view=c.own_view,
            referrals=tuple(referral_out(r) for r in c.referrals),
            placements=tuple(
                placement_out(p, attendance) for p in c.placements if include_archived or p.archived_at is None
            ),
            accommodations=tuple(
                cf.Accommodation(a.category, a.text, a.identified, a.source, a.active, a.retired)
                for a in c.accommodations
            ),
            followups=tuple(followup_out(f) for f in c.followups),
            goals=tuple(
                cf.Goal(
                    g.area,
                    g.text,
                    tuple(s.text for s in g.subgoals),
                    tuple(cf.Score(s.day, s.score, s.assessor) for s in g.scores),
                )
                for g in c.goals
            ),
            profile=profile_out(c),
            observations=tuple(observation_out(o) for o in c.observations),
        )
    )


# ---- case file -> ORM --------------------------------------------------------------------------


def apply_company(c: m.Company, data: cf.Company, actor: str | None) -> None:
    c.name, c.cvr, c.industry, c.address, c.internal = data.name, data.cvr, data.industry, data.address, data.internal
    c.updated_by = actor
    by_ref = {k.ref: k for k in c.contacts}
    for i, k in enumerate(data.contacts):
        row = by_ref.pop(k.ref, None)
        if row is None:
            row = m.Contact(ref=k.ref)
            c.contacts.append(row)
        row.name, row.role, row.phone, row.email, row.position = k.name, k.role, k.phone, k.email, i
        row.archived_at = None
    for row in by_ref.values():  # contacts no longer listed are archived, never deleted
        if row.archived_at is None:
            row.archived_at = utcnow()


def step_values(step: cf.ScheduleStep) -> dict[str, int | date]:
    values: dict[str, int | date] = dict(zip(WEEKDAYS, step.minutes, strict=True))
    values["valid_from"] = step.start
    values["paid_per_week"] = step.paid_per_week
    return values


def apply_placement(
    session: Session, p: m.Placement, data: cf.Placement, company: m.Company, actor: str | None
) -> None:
    """Set a placement's fields and replace its lists (tasks, schedule, attendance, capacity)."""
    apply_placement_fields(p, data, company, actor)
    # Old rows go first (flushed), so unique keys such as (placement, date) never collide.
    if p.id is not None:
        p.schedule.clear()
        p.capacity.clear()
        session.flush()
    p.schedule = [m.ScheduleStep(**step_values(s), updated_by=actor) for s in data.schedule]
    p.capacity = [
        m.CapacityAssessment(
            day=c.day,
            effectiveness_cpct=c.effectiveness_cpct,
            note=c.note,
            updated_by=actor,
            tasks=[
                m.CapacityTask(
                    position=i,
                    name=t.name,
                    time_share_pct=t.time_share_pct,
                    tempo_pct=t.tempo_pct,
                    quality_pct=t.quality_pct,
                )
                for i, t in enumerate(c.tasks)
            ],
        )
        for c in data.capacity
    ]
    replace_attendance(session, p, data.attendance, actor)


def apply_placement_fields(p: m.Placement, data: cf.Placement, company: m.Company, actor: str | None) -> None:
    """The placement's own fields and its task list (not the hours plan or the records)."""
    p.company = company
    p.type, p.purpose, p.start, p.end, p.end_reason = data.type, data.purpose, data.start, data.end, data.end_reason
    set_placement_outcome(p, data.outcome)
    p.workplace_mentor = next((k for k in company.contacts if k.ref == data.workplace_mentor), None)
    p.updated_by = actor
    if tuple(t.text for t in p.tasks) != data.tasks:
        p.tasks = [m.PlacementTask(position=i, text=t) for i, t in enumerate(data.tasks)]


def replace_attendance(session: Session, p: m.Placement, rows: tuple[cf.Attendance, ...], actor: str | None) -> None:
    """Replace all attendance of a placement with one bulk insert (imports can be large)."""
    session.flush()
    session.execute(delete(m.AttendanceRecord).where(m.AttendanceRecord.placement_id == p.id))
    if "attendance" in p.__dict__:
        session.expire(p, ["attendance"])
    if not rows:
        return
    now = utcnow()
    # A Core executemany on the session's connection: one driver call for all rows (the ORM's bulk
    # insert would split them into many multi-row statements).
    session.connection().execute(
        insert(cast(Table, m.AttendanceRecord.__table__)),
        [
            {
                "placement_id": p.id,
                "day": a.day,
                "status": a.status,
                "minutes": a.minutes,
                "reason": a.reason,
                "note": a.note,
                "logged_by": actor,
                "logged_at": now,
                "created_at": now,
                "updated_at": now,
                "updated_by": actor,
                "version": 1,
            }
            for a in rows
        ],
    )


def apply_citizen_fields(c: m.Citizen, data: cf.Citizen, actor: str | None) -> None:
    c.name, c.cpr, c.birth_year, c.benefit = data.name, data.cpr, data.birth_year, data.benefit
    c.caseworker, c.job_goal, c.own_view = data.caseworker, data.job_goal, data.own_view
    c.updated_by = actor


def referrals_in(data: tuple[cf.Referral, ...], actor: str | None) -> list[m.Referral]:
    rows = []
    for i, r in enumerate(data):
        row = m.Referral(
            programme=r.programme,
            start=r.start,
            end=r.end,
            end_reason=r.end_reason,
            position=i,
            updated_by=actor,
            extensions=[m.ReferralExtension(new_end=e) for e in r.extensions],
        )
        set_referral_outcome(row, r.outcome)
        rows.append(row)
    return rows


def accommodations_in(data: tuple[cf.Accommodation, ...], actor: str | None) -> list[m.Accommodation]:
    return [
        m.Accommodation(
            category=a.category,
            text=a.text,
            source=a.source,
            identified=a.identified,
            active=a.active,
            retired=a.retired,
            position=i,
            updated_by=actor,
        )
        for i, a in enumerate(data)
    ]


def followup_in(f: cf.Followup, placements: dict[str, m.Placement], actor: str | None) -> m.Followup:
    now = utcnow()
    return m.Followup(
        day=f.day,
        kind=f.kind,
        placement=placements.get(f.placement) if f.placement else None,
        participants=list(f.participants),
        note=f.note,
        citizen_view=f.citizen_view,
        agreed_changes=f.agreed_changes,
        topics=dict(f.topics),
        finalised_at=now if f.finalised else None,
        finalised_by=actor if f.finalised else None,
        updated_by=actor,
        corrections=[
            m.FollowupCorrection(day=k.day, author=k.author, text=k.text, created_at=now) for k in f.corrections
        ],
        headings=list(f.headings),
    )


def profile_items_in(data: pf.Profile, actor: str | None) -> list[m.ProfileItem]:
    """The rows of a profile's lists (``network`` and ``wishes`` are columns of the citizen)."""
    return [
        m.ProfileItem(
            kind=kind,
            position=i,
            date_from=item.start,
            date_to=item.end,
            text=item.text,
            end_reason=item.end_reason,
            outcome=item.outcome,
            source=item.source,
            updated_by=actor,
        )
        for kind in pf.PROFILE_LISTS
        for i, item in enumerate(getattr(data, kind))
    ]


def apply_profile(c: m.Citizen, data: pf.Profile, actor: str | None) -> None:
    """Replace the citizen's whole profile."""
    c.network, c.wishes = data.network, data.wishes
    c.profile_items = profile_items_in(data, actor)
    c.updated_by = actor


def observation_in(o: pf.Observation, placements: Mapping[str, m.Placement], actor: str | None) -> m.Observation:
    return m.Observation(
        day=o.day,
        heading=o.heading,
        observed_by=o.by,
        text=o.text,
        placement=placements.get(o.placement) if o.placement else None,
        updated_by=actor,
    )


def goals_in(data: tuple[cf.Goal, ...], actor: str | None) -> list[m.Goal]:
    return [
        m.Goal(
            area=g.area,
            text=g.text,
            position=i,
            updated_by=actor,
            subgoals=[m.SubGoal(position=j, text=t) for j, t in enumerate(g.subgoals)],
            scores=[
                m.GoalScore(day=s.day, score=s.score, assessor=s.assessor, position=j) for j, s in enumerate(g.scores)
            ],
        )
        for i, g in enumerate(data)
    ]


def placement_out_period(p: m.Placement) -> cf.Placement:
    """Just the period of a placement (for date checks without loading its records)."""
    return cf.Placement(ref=p.ref, company="", type=p.type, start=p.start, end=p.end)
