"""What the whole-archive export reads in bulk, made JSON straight from the database's rows (no ORM object
and no case-file record in between): the attendance records, a million at 1x."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain import casefile as cf
from placement_desk.domain.numbers import hours_value

_IN_BATCH = 500  # placement ids per IN (...) list


def attendance_json(session: Session, placement_ids: Iterable[int]) -> dict[int, list[cf.Json]]:
    """The placements' attendance as case-file JSON (``casefile.attendance_json`` of each record) by
    placement id, in date order."""
    a = m.AttendanceRecord
    # The day as the driver gives it: SQLite's ISO text as it is (no date made and written back), a date elsewhere.
    day = type_coerce(a.day, String)
    hours: dict[int, Any] = {}
    out: dict[int, list[cf.Json]] = {}
    ids = sorted(placement_ids)
    for start in range(0, len(ids), _IN_BATCH):
        query = (select(a.placement_id, day, a.status, a.minutes, a.reason, a.note)
                 .where(a.placement_id.in_(ids[start : start + _IN_BATCH])).order_by(a.placement_id, a.day))  # fmt: skip
        pid_now, rows = None, None
        for pid, d, status, minutes, reason, note in session.execute(query):
            if pid != pid_now:
                pid_now, rows = pid, out.setdefault(pid, [])
            value = hours.get(minutes)
            if value is None:
                value = hours[minutes] = hours_value(minutes)
            record: cf.Json = {"date": d if type(d) is str else _iso(d), "status": status, "hours": value}
            if reason is not None:
                record["reason"] = reason
            if note is not None:
                record["note"] = note
            rows.append(record)  # type: ignore[union-attr]
    return out


def _iso(d: date | str) -> str:
    return d if isinstance(d, str) else d.isoformat()
