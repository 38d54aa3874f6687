"""A placement's attendance summed by ISO week, as the results report needs it, kept between reports.

The report's hours figures need every week of every placement: on the benchmark database the grouping of
a million records takes about a second. On SQLite the weekly sums a report grouped are kept in
``attendance_weeks`` (one packed row per placement, migration 0009), and the next report groups only the
placements whose records were written since: the database's triggers delete a placement's row at any
write of one of its records, and its foreign key at the placement's deletion. Storing happens in the
transaction the report read in, so a write committed by anyone in between makes the store fail (SQLite
refuses to turn a read of an older snapshot into a write), the report stands and nothing stale is kept.
PostgreSQL groups every time (the team server has the cores, and its roles see different rows).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Collection
from typing import Any

from sqlalchemy import func, insert, literal_column, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from placement_desk.db import models as m

# How attendance_weeks.weeks is packed: 32-bit little-endian integers, three per week with a record:
# the week's number as services.results._week_columns writes it on SQLite, its minutes, its weekday bits.
FORMAT = 1
LARGE = 500  # more placements to group than this: one pass over every record rather than a seek for each

Series = dict[int, Any]  # placement -> its weeks, flat: number, minutes, weekday bits, number, ...


def weekly_series(s: Session, placements: Collection[int], week: Any, weekday: Any, fresh: Series) -> Series:
    """Per placement of ``placements`` its weeks with records (flat triples; a placement without records
    has none). What had to be grouped anew is also put in ``fresh`` for :func:`keep`."""
    a = m.AttendanceRecord
    grouped = select(a.placement_id, week, func.sum(a.minutes), func.sum(literal_column("1").op("<<")(weekday)))
    series: Series = {}
    missing: Collection[int] = placements
    if s.get_bind().dialect.name == "sqlite":
        w = m.AttendanceWeeks
        kept = s.connection().execute(select(w.placement_id, w.weeks).where(w.format == FORMAT))
        series = {pid: _unpack(blob) for pid, blob in kept if pid in placements}
        missing = [pid for pid in placements if pid not in series]
        fresh.update({pid: [] for pid in missing})
    if missing:
        query = grouped if len(missing) > LARGE else grouped.where(a.placement_id.in_(missing))
        result = s.connection().execute(query.group_by(a.placement_id, week))
        try:
            rows = result.cursor.fetchall()  # the driver's tuples: a quarter of a million on the benchmark
        finally:
            result.close()
        wanted = set(missing)
        for pid, n, minutes, mask in rows:
            if pid in wanted:
                series.setdefault(pid, []).extend((n, minutes, mask))
        for pid in fresh:
            fresh[pid] = series.get(pid, [])
    return series


def keep(s: Session, fresh: Series) -> None:
    """Store the weekly sums grouped anew and end the report's transaction; when the database has been
    written since the report began reading (or is busy), store nothing."""
    if not fresh:
        return
    conn = s.connection()
    timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    conn.exec_driver_sql("PRAGMA busy_timeout=0")  # a writer at work: keep nothing rather than wait
    try:
        conn.execute(insert(m.AttendanceWeeks).prefix_with("OR REPLACE"),
                     [{"placement_id": pid, "format": FORMAT, "weeks": _pack(flat)} for pid, flat in fresh.items()])  # fmt: skip
        s.commit()
    except DBAPIError:
        s.rollback()
    finally:
        s.connection().exec_driver_sql(f"PRAGMA busy_timeout={int(timeout or 0)}")


def _pack(flat: list[int]) -> bytes:
    packed = array("i", flat)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: bytes) -> array[int]:
    flat = array("i")
    flat.frombytes(blob)
    if sys.byteorder == "big":
        flat.byteswap()
    return flat
