"""The rows of citizens new to the database, written in bulk by an import (spec section 1).

A batch of new citizens becomes one multi-row INSERT per table (SQLAlchemy Core; the ids that child rows
need come back with ``RETURNING``, in the order given), and their attendance one ``executemany`` on the
driver with the values already in the database's form: the same rows the ORM would write
(``services.mapping``), without an object per row. Citizens already in the database are compared and
updated through the ORM by ``services.casefile_io``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import Base, utcnow
from placement_desk.domain import casefile as cf
from placement_desk.domain import profile as pf
from placement_desk.domain.vocab import WEEKDAYS

Row = dict[str, Any]
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
_ATTENDANCE = ("placement_id", "day", "status", "minutes", "reason", "note", "logged_by", "logged_at",
               "created_at", "updated_at", "updated_by", "version")  # fmt: skip


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass
class CompanyIds:
    """Company ref -> id, and (company id, contact ref) -> contact id: all a new placement refers to."""

    companies: dict[str, int]
    contacts: dict[tuple[int, str], int]

    @classmethod
    def read(cls, session: Session) -> CompanyIds:
        companies = {ref: cid for ref, cid in session.execute(select(m.Company.ref, m.Company.id))}
        contacts = {(company, ref): kid for company, ref, kid in
                    session.execute(select(m.Contact.company_id, m.Contact.ref, m.Contact.id))}  # fmt: skip
        return cls(companies, contacts)


class NewCitizens:
    """Writes batches of new citizens within the import's transaction (one timestamp for the import)."""

    def __init__(self, session: Session, ids: CompanyIds, actor: str | None) -> None:
        self.conn: Connection = session.connection()
        self.ids, self.actor, self.now = ids, actor, utcnow()
        self.tracked = {"created_at": self.now, "updated_at": self.now, "updated_by": actor, "version": 1}
        self._attendance_sql, self._day, self._stamp = self._attendance_statement()
        self._copy = self._can_copy()

    def write(self, citizens: Sequence[cf.Citizen]) -> list[int]:
        """Insert the citizens (canonical order of their lists) with everything they hold; their new ids."""
        ids = self._ids(m.Citizen, [self._citizen(c) for c in citizens])
        self._referrals(citizens, ids)
        self._plain(m.Accommodation, [
            {"citizen_id": cid, "category": a.category, "text": a.text, "source": a.source, "identified": a.identified,
             "active": a.active, "retired": a.retired, "position": i, **self.tracked}
            for c, cid in zip(citizens, ids, strict=True) for i, a in enumerate(c.accommodations)
        ])  # fmt: skip
        placements = self._placements(citizens, ids)
        self._followups(citizens, ids, placements)
        self._goals(citizens, ids)
        self._plain(m.ProfileItem, [
            {"citizen_id": cid, "kind": kind, "position": i, "date_from": item.start, "date_to": item.end,
             "text": item.text, "end_reason": item.end_reason, "outcome": item.outcome, "source": item.source,
             **self.tracked}
            for c, cid in zip(citizens, ids, strict=True) for kind in pf.PROFILE_LISTS
            for i, item in enumerate(getattr(c.profile, kind))
        ])  # fmt: skip
        self._plain(m.Observation, [
            {"citizen_id": cid, "day": o.day, "heading": o.heading, "observed_by": o.by, "text": o.text,
             "placement_id": placements.get(o.placement) if o.placement else None, **self.tracked}
            for c, cid in zip(citizens, ids, strict=True) for o in c.observations
        ])  # fmt: skip
        return ids

    # ---- the tables ----

    def _citizen(self, c: cf.Citizen) -> Row:
        return {"ref": c.ref, "name": c.name, "cpr": c.cpr, "birth_year": c.birth_year, "benefit": c.benefit,
                "caseworker": c.caseworker, "job_goal": c.job_goal, "own_view": c.own_view,
                "network": c.profile.network, "wishes": c.profile.wishes, **self.tracked}  # fmt: skip

    def _referrals(self, citizens: Sequence[cf.Citizen], ids: list[int]) -> None:
        referrals = [(cid, i, r) for c, cid in zip(citizens, ids, strict=True) for i, r in enumerate(c.referrals)]
        rids = self._ids(m.Referral, [
            {"citizen_id": cid, "programme": r.programme, "start": r.start, "end": r.end, "end_reason": r.end_reason,
             "position": i, "outcome_kind": r.outcome.kind if r.outcome else None,
             "outcome_date": r.outcome.day if r.outcome else None,
             "outcome_note": r.outcome.note if r.outcome else None, **self.tracked}
            for cid, i, r in referrals
        ])  # fmt: skip
        self._plain(m.ReferralExtension, [
            {"referral_id": rid, "new_end": e} for rid, (_, _, r) in zip(rids, referrals, strict=True) for e in r.extensions
        ])  # fmt: skip

    def _placements(self, citizens: Sequence[cf.Citizen], ids: list[int]) -> dict[str, int]:
        """The placements with their tasks, plans, assessments and attendance; placement ref -> id."""
        placements = [(cid, p) for c, cid in zip(citizens, ids, strict=True) for p in c.placements]
        pids = self._ids(m.Placement, [self._placement(cid, p) for cid, p in placements])
        pairs = list(zip(pids, (p for _, p in placements), strict=True))
        self._plain(m.PlacementTask, [
            {"placement_id": pid, "position": i, "text": t} for pid, p in pairs for i, t in enumerate(p.tasks)
        ])  # fmt: skip
        self._plain(m.ScheduleStep, [
            {"placement_id": pid, **dict(zip(WEEKDAYS, s.minutes, strict=True)), "valid_from": s.start,
             "paid_per_week": s.paid_per_week, **self.tracked}
            for pid, p in pairs for s in p.schedule
        ])  # fmt: skip
        assessments = [(pid, a) for pid, p in pairs for a in p.capacity]
        aids = self._ids(m.CapacityAssessment, [
            {"placement_id": pid, "day": a.day, "effectiveness_cpct": a.effectiveness_cpct, "note": a.note,
             **self.tracked}
            for pid, a in assessments
        ])  # fmt: skip
        self._plain(m.CapacityTask, [
            {"assessment_id": aid, "position": i, "name": t.name, "time_share_pct": t.time_share_pct,
             "tempo_pct": t.tempo_pct, "quality_pct": t.quality_pct}
            for aid, (_, a) in zip(aids, assessments, strict=True) for i, t in enumerate(a.tasks)
        ])  # fmt: skip
        self.attendance(pairs)
        return {p.ref: pid for pid, p in pairs}

    def _placement(self, cid: int, p: cf.Placement) -> Row:
        company = self.ids.companies[p.company]
        o = p.outcome
        return {
            "ref": p.ref, "citizen_id": cid, "company_id": company, "type": p.type, "purpose": p.purpose,
            "start": p.start, "end": p.end, "end_reason": p.end_reason,
            "workplace_mentor_id": self.ids.contacts.get((company, p.workplace_mentor)) if p.workplace_mentor else None,
            "outcome_kind": o.kind if o else None, "outcome_date": o.day if o else None,
            "outcome_note": o.note if o else None, "outcome_hired": o.hired if o else None,
            "outcome_hired_minutes": o.hired_minutes if o else None, **self.tracked,
        }  # fmt: skip

    def _followups(self, citizens: Sequence[cf.Citizen], ids: list[int], placements: Mapping[str, int]) -> None:
        followups = [(cid, f) for c, cid in zip(citizens, ids, strict=True) for f in c.followups]
        fids = self._ids(m.Followup, [
            {"citizen_id": cid, "day": f.day, "kind": f.kind,
             "placement_id": placements.get(f.placement) if f.placement else None,
             "participants": list(f.participants), "note": f.note, "citizen_view": f.citizen_view,
             "agreed_changes": f.agreed_changes, "topics": dict(f.topics), "headings": list(f.headings),
             "finalised_at": self.now if f.finalised else None, "finalised_by": self.actor if f.finalised else None,
             **self.tracked}
            for cid, f in followups
        ])  # fmt: skip
        self._plain(m.FollowupCorrection, [
            {"followup_id": fid, "day": k.day, "author": k.author, "text": k.text, "created_at": self.now}
            for fid, (_, f) in zip(fids, followups, strict=True) for k in f.corrections
        ])  # fmt: skip

    def _goals(self, citizens: Sequence[cf.Citizen], ids: list[int]) -> None:
        goals = [(cid, i, g) for c, cid in zip(citizens, ids, strict=True) for i, g in enumerate(c.goals)]
        gids = self._ids(m.Goal, [
            {"citizen_id": cid, "area": g.area, "text": g.text, "position": i, **self.tracked} for cid, i, g in goals
        ])  # fmt: skip
        pairs = list(zip(gids, (g for _, _, g in goals), strict=True))
        self._plain(m.SubGoal, [
            {"goal_id": gid, "position": j, "text": t} for gid, g in pairs for j, t in enumerate(g.subgoals)
        ])  # fmt: skip
        self._plain(m.GoalScore, [
            {"goal_id": gid, "day": s.day, "score": s.score, "assessor": s.assessor, "position": j}
            for gid, g in pairs for j, s in enumerate(g.scores)
        ])  # fmt: skip

    # ---- attendance: the bulk of an archive ----

    def attendance(self, placements: Sequence[tuple[int, cf.Placement]]) -> None:
        """The placements' attendance records, as :func:`services.mapping.replace_attendance` writes them."""
        day, stamp, actor = self._day, self._stamp, self.actor
        rows = [
            (pid, day(a.day) if day else a.day, a.status, a.minutes, a.reason, a.note, actor, stamp, stamp, stamp,
             actor, 1)
            for pid, p in placements for a in p.attendance
        ]  # fmt: skip
        if not rows:
            return
        copy = getattr(self.conn.connection.dbapi_connection, "cursor", None) if self._copy else None
        if copy is not None:  # PostgreSQL: COPY, the server's bulk load (an INSERT per row costs it far more)
            with copy() as cursor, cursor.copy(f"COPY attendance ({', '.join(_ATTENDANCE)}) FROM STDIN") as out:
                for row in rows:
                    out.write_row(row)
        elif self._attendance_sql is None:  # a driver whose parameters this does not write: Core does it
            self.conn.execute(
                insert(_table(m.AttendanceRecord)), [dict(zip(_ATTENDANCE, r, strict=True)) for r in rows]
            )
        else:
            self.conn.exec_driver_sql(self._attendance_sql, rows)

    def _attendance_statement(self) -> tuple[str | None, Callable[[Any], Any] | None, Any]:
        """The driver's INSERT for attendance rows, how a date goes in, and the import's timestamp as it goes in."""
        dialect = self.conn.dialect
        columns = _table(m.AttendanceRecord).c
        stamp_type = columns.logged_at.type.dialect_impl(dialect)
        stamp: Any = _processed(stamp_type.bind_processor(dialect), self.now)
        day: Callable[[Any], Any] | None = columns.day.type.dialect_impl(dialect).bind_processor(dialect)
        if dialect.name == "sqlite":  # SQLAlchemy keeps an SQLite date as its ISO text: the C method is quicker
            day = date.isoformat
        mark = _PLACEHOLDERS.get(dialect.paramstyle)
        if mark is None:
            return None, None, self.now
        sql = f"INSERT INTO attendance ({', '.join(_ATTENDANCE)}) VALUES ({', '.join([mark] * len(_ATTENDANCE))})"
        return sql, day, stamp

    def _can_copy(self) -> bool:
        """PostgreSQL through psycopg, on a table without row-level security (a team database has it, and
        COPY FROM refuses such a table)."""
        if self.conn.dialect.name != "postgresql" or self.conn.dialect.driver != "psycopg":
            return False
        secured = self.conn.exec_driver_sql(
            "SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('attendance')"
        ).scalar()
        return secured is False

    # ---- helpers ----

    def _ids(self, model: type[Base], rows: list[Row]) -> list[int]:
        """Insert the rows; their ids in the order given."""
        if not rows:
            return []
        table = _table(model)
        if self.conn.dialect.insert_executemany_returning_sort_by_parameter_order:
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            return list(self.conn.execute(stmt, rows).scalars())
        return [self.conn.execute(insert(table).returning(table.c.id), row).scalar_one() for row in rows]

    def _plain(self, model: type[Base], rows: list[Row]) -> None:
        if rows:
            self.conn.execute(insert(_table(model)), rows)


def _processed(process: Callable[[Any], Any] | None, value: datetime) -> Any:
    return process(value) if process is not None else value
