"""Attendance: write days (one, a week as planned, any several at once), read a week.

Every write names what the caller saw on each day it writes (:class:`DayWrite`): a day someone else
changed since is a ConflictError and nothing at all is written. Several days are one use case and one
transaction (:func:`write_days`): all of them or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import check_in_period, parse_attendance
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.errors import ConflictError
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_ref, today
from placement_desk.services.use_case import database_of, use_case


@dataclass(frozen=True)
class DayState:
    """One day of one placement as the attendance grid shows it (hours as minutes)."""

    placement: str
    day: date
    planned: int
    record: cf.Attendance | None
    holiday: bool


class Unchecked:
    """The caller does not say what it saw: the day is written whatever it holds now."""

    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED = Unchecked()
Seen = cf.Attendance | None | Unchecked


@dataclass(frozen=True)
class DayWrite:
    """One date of one placement to write: ``record`` (None: unregistered) where the caller saw ``seen``
    (a record, None for an unregistered day, or UNCHECKED: whatever the day holds)."""

    placement: str
    day: date
    record: cf.Attendance | None
    seen: Seen = UNCHECKED


def as_planned(placement: str, day: date, minutes: int, seen: Seen = None) -> DayWrite:
    """Present on ``day`` with the planned ``minutes`` (by default only where nothing is registered)."""
    return DayWrite(placement, day, cf.Attendance(day, "present", minutes), seen)


def _record_out(r: m.AttendanceRecord) -> cf.Attendance:
    return cf.Attendance(r.day, r.status, r.minutes, r.reason, r.note)


def checked_record(record: cf.Attendance) -> cf.Attendance:
    """The record as the case-file reader sees it (same checks, same field names in errors)."""
    return parse_attendance(cf.attendance_json(record), "")


def _check_seen(current: cf.Attendance | None, expected: Seen, day: date) -> None:
    """A day changed by someone else since the caller looked at it is a conflict, never an overwrite."""
    if not isinstance(expected, Unchecked) and current != expected:
        raise ConflictError(f"attendance {day.isoformat()} was changed by someone else meanwhile")


def _flush_new(s: Session, day: date) -> None:
    """Write a first registration now: one that races another's first registration is a conflict."""
    try:
        s.flush()
    except IntegrityError:
        raise ConflictError(f"attendance {day.isoformat()} was registered by someone else meanwhile") from None


def _existing(s: Session, placement_id: int, day: date) -> m.AttendanceRecord | None:
    return s.scalar(
        select(m.AttendanceRecord).where(m.AttendanceRecord.placement_id == placement_id, m.AttendanceRecord.day == day)
    )


def _placement(s: Session, ref: str, found: dict[str, m.Placement]) -> m.Placement:
    if ref not in found:
        placement = by_ref(s, m.Placement, ref)
        access.require_placement(s, database_of(s), Permission.ATTENDANCE, placement, "log attendance")
        found[ref] = placement
    return found[ref]


def _write(s: Session, placement: m.Placement, w: DayWrite, actor: str | None) -> cf.Attendance | None:
    """Write one day in the caller's transaction; returns what it held."""
    data = None if w.record is None else checked_record(w.record)
    if data is not None:
        if data.day != w.day:
            raise ValueError(f"a record of {data.day} written on {w.day}")
        check_in_period(w.day, mapping.placement_out_period(placement), "date")
    row = _existing(s, placement.id, w.day)
    before = _record_out(row) if row else None
    _check_seen(before, w.seen, w.day)
    if data is None:
        if row is not None:
            s.delete(row)
            s.flush()
        return before
    new = row is None
    if row is None:
        row = m.AttendanceRecord(placement_id=placement.id, day=w.day)
        s.add(row)
    row.status, row.minutes, row.reason, row.note = data.status, data.minutes, data.reason, data.note
    row.logged_by, row.logged_at, row.updated_by = actor, utcnow(), actor
    if new:
        _flush_new(s, w.day)
    return before


@use_case(Permission.ATTENDANCE, audit.CHANGE, "log attendance", scoped=True)
def write_days(s: Session, days: Sequence[DayWrite], actor: str | None = None) -> list[cf.Attendance | None]:
    """Write every day of ``days`` in one transaction; returns what each held before, in order. A day
    that no longer holds what its write saw is a ConflictError and nothing is written (all or none)."""
    placements: dict[str, m.Placement] = {}
    return [_write(s, _placement(s, w.placement, placements), w, actor) for w in days]


def log_day(
    db: Database, placement_ref: str, record: cf.Attendance, actor: str | None = None, expected: Seen = UNCHECKED
) -> cf.Attendance | None:
    """Register (or change) the attendance of ``record.day``; returns the record it replaced, if any.
    ``expected`` is what the caller saw on that date (a record, or None for an unregistered day): if the
    day holds anything else now, ConflictError and nothing is written."""
    return write_days(db, [DayWrite(placement_ref, record.day, record, expected)], actor)[0]


def clear_day(
    db: Database, placement_ref: str, day: date, actor: str | None = None, expected: Seen = UNCHECKED
) -> cf.Attendance | None:
    """Remove the registration of a date; returns what was removed. With ``expected`` (what the caller
    saw), a day changed meanwhile is a ConflictError."""
    return write_days(db, [DayWrite(placement_ref, day, None, expected)], actor)[0]


def restore_day(
    db: Database,
    placement_ref: str,
    day: date,
    record: cf.Attendance | None,
    actor: str | None = None,
    expected: Seen = UNCHECKED,
) -> None:
    """Put a date back as it was (``None``: unregistered). With ``expected`` = what the edit wrote, an
    undo never removes a colleague's later change (ConflictError instead)."""
    write_days(db, [DayWrite(placement_ref, day, record, expected)], actor)


def week_as_planned(states: Sequence[DayState], on: date | None = None) -> list[DayWrite]:
    """The writes of "the week as planned": every planned, unregistered day up to ``on`` (today), present
    with the planned hours, each expecting the day still unregistered. Days to come are left alone."""
    last = on or today()
    return [as_planned(d.placement, d.day, d.planned) for d in states if d.planned > 0 and d.record is None
            and d.day <= last]  # fmt: skip


def log_week_as_planned(db: Database, placement_ref: str, any_day: date, actor: str | None = None) -> list[date]:
    """Mark every planned, unregistered day of the ISO week up to today as present with the planned hours
    (one transaction); returns the dates that were logged."""
    writes = week_as_planned(week(db, placement_ref, any_day))
    if writes:
        write_days(db, writes, actor)
    return [w.day for w in writes]


def week(db: Database, placement_ref: str, any_day: date) -> list[DayState]:
    """The seven days of the ISO week with planned hours and what is registered."""
    from placement_desk.domain.plan import is_holiday

    monday = any_day - timedelta(days=any_day.weekday())
    access.require(db, Permission.ATTENDANCE, "see attendance")
    with db.reading() as s:
        placement = by_ref(s, m.Placement, placement_ref)
        access.require_placement(s, db, Permission.ATTENDANCE, placement, "see attendance")
        data = mapping.placement_out(placement)
        citizen_id = placement.citizen_id
    audit.log_read(db, "attendance week", [citizen_id], placement=placement_ref, week=monday)
    plan = plan_of(data)
    records = {a.day: a for a in data.attendance}
    days = [monday + timedelta(days=i) for i in range(7)]
    return [DayState(placement_ref, d, plan.planned(d, today()), records.get(d), is_holiday(d)) for d in days]
