"""Attendance: log a day, log a whole week as planned, undo a log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, today


@dataclass(frozen=True)
class DayState:
    """One day of one placement as the attendance grid shows it (hours as minutes)."""

    placement: str
    day: date
    planned: int
    record: cf.Attendance | None
    holiday: bool


def _record_out(r: m.AttendanceRecord) -> cf.Attendance:
    return cf.Attendance(r.day, r.status, r.minutes, r.reason, r.note)


class _Unchecked:
    """The caller does not say what it saw: the day is written whatever it holds now."""


UNCHECKED: Any = _Unchecked()


def _check_seen(current: cf.Attendance | None, expected: object, day: date) -> None:
    """A day changed by someone else since the caller looked at it is a conflict, never an overwrite."""
    if expected is not UNCHECKED and current != expected:
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


@access.requires(Permission.ATTENDANCE, scoped=True)
def log_day(
    db: Database, placement_ref: str, fields: dict[str, Any], actor: str | None = None, expected: Any = UNCHECKED
) -> cf.Attendance | None:
    """Register (or change) the attendance of one date; returns the record it replaced, if any.

    ``fields`` are case-file attendance fields: ``date``, ``status``, ``hours``, ``reason``, ``note``.
    ``expected`` is what the caller saw on that date (a record, or None for an unregistered day): if the
    day holds anything else now, ConflictError and nothing is written.
    """
    data = parse_attendance(fields, "")
    with audited(db, Permission.ATTENDANCE, audit.CHANGE, "log attendance", scoped=True) as s:
        placement = by_ref(s, m.Placement, placement_ref)
        access.require_placement(s, db, Permission.ATTENDANCE, placement, "log attendance")
        check_in_period(data.day, mapping.placement_out_period(placement), "date")
        row = _existing(s, placement.id, data.day)
        before = _record_out(row) if row else None
        _check_seen(before, expected, data.day)
        new = row is None
        if row is None:
            row = m.AttendanceRecord(placement_id=placement.id, day=data.day)
            s.add(row)
        row.status, row.minutes, row.reason, row.note = data.status, data.minutes, data.reason, data.note
        row.logged_by, row.logged_at, row.updated_by = actor, utcnow(), actor
        if new:
            _flush_new(s, data.day)
        return before


@access.requires(Permission.ATTENDANCE, scoped=True)
def clear_day(
    db: Database, placement_ref: str, day: date, actor: str | None = None, expected: Any = UNCHECKED
) -> cf.Attendance | None:
    """Remove the registration of a date (the undo of a first log); returns what was removed.
    With ``expected`` (what the caller saw), a day changed meanwhile is a ConflictError."""
    with audited(db, Permission.ATTENDANCE, audit.CHANGE, "clear attendance", scoped=True) as s:
        placement = by_ref(s, m.Placement, placement_ref)
        access.require_placement(s, db, Permission.ATTENDANCE, placement, "clear attendance")
        row = _existing(s, placement.id, day)
        before = _record_out(row) if row else None
        _check_seen(before, expected, day)
        if row is None:
            return None
        s.delete(row)
        return before


def restore_day(
    db: Database,
    placement_ref: str,
    day: date,
    record: cf.Attendance | None,
    actor: str | None = None,
    expected: Any = UNCHECKED,
) -> None:
    """Put a date back as it was (``None``: unregistered). Used by undo, with ``expected`` = what the
    edit wrote: an undo never removes a colleague's later change (ConflictError instead)."""
    if record is None:
        clear_day(db, placement_ref, day, actor, expected)
    else:
        log_day(db, placement_ref, cf.attendance_json(record), actor, expected)


@access.requires(Permission.ATTENDANCE, scoped=True)
def log_week_as_planned(db: Database, placement_ref: str, any_day: date, actor: str | None = None) -> list[date]:
    """Mark every planned, unregistered day of the ISO week up to today as present with the planned hours.

    Days already registered and days still to come are left alone; returns the dates that were logged.
    """
    monday = any_day - timedelta(days=any_day.weekday())
    with audited(db, Permission.ATTENDANCE, audit.CHANGE, "log a week as planned", scoped=True) as s:
        placement = by_ref(s, m.Placement, placement_ref)
        access.require_placement(s, db, Permission.ATTENDANCE, placement, "log attendance")
        plan = plan_of(mapping.placement_out(placement))
        logged: list[date] = []
        now = utcnow()
        for i in range(7):
            day = monday + timedelta(days=i)
            planned = plan.planned(day, today())
            if planned > 0 and day not in plan.records and day <= today():  # never log days still to come
                s.add(
                    m.AttendanceRecord(
                        placement_id=placement.id,
                        day=day,
                        status="present",
                        minutes=planned,
                        logged_by=actor,
                        logged_at=now,
                        updated_by=actor,
                    )
                )
                logged.append(day)
        if logged:
            _flush_new(s, logged[0])
        return logged


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
