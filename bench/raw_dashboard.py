"""The benchmark's yardstick for the dashboard: the same facts as one hand-written SQL aggregate.

Over the placements running today (not archived, citizen not archived): the last follow-up
(the citizen's meetings for that placement or for no placement), the planned minutes of the
counted days, the attended minutes of the counted days and the planned days without a record over
the last four weeks (public holidays plan nothing), the workplace mentor; and the referrals that
end within 30 days. Written as well as hand-written SQL can: each running placement's records read
from the covering week index, its citizen's latest meeting from the newest end of the follow-ups' index. The plain DB-API connection (SQLCipher's sqlite3), no ORM, nothing but the rows the dashboard needs.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from placement_desk.domain.plan import danish_holidays

WEEK = "((CAST(julianday({}) AS INTEGER) + 1) / 7)"  # as SQLite's index ix_attendance_week (migration 0007)

FACTS = f"""
WITH RECURSIVE
cal(day) AS (SELECT :first UNION ALL SELECT date(day, '+1 day') FROM cal WHERE day < :last),
work(day, wd) AS MATERIALIZED (
    SELECT day, CAST(strftime('%w', day) AS INTEGER) FROM cal WHERE day NOT IN (SELECT value FROM json_each(:holidays))
),
active AS (
    SELECT p.id, p.citizen_id, p.start, COALESCE(p."end", :on) AS last_day, p.workplace_mentor_id
    FROM placements p JOIN citizens c ON c.id = p.citizen_id
    WHERE p.archived_at IS NULL AND c.archived_at IS NULL
      AND +p.start <= :on AND (p."end" IS NULL OR p."end" >= :on)  -- (+: all placements, not by start)
),
days AS MATERIALIZED (
    SELECT a.id AS pid, w.day AS day, COALESCE((
        SELECT CASE w.wd
            WHEN 1 THEN s.mon WHEN 2 THEN s.tue WHEN 3 THEN s.wed WHEN 4 THEN s.thu
            WHEN 5 THEN s.fri WHEN 6 THEN s.sat ELSE s.sun END
        FROM schedule_steps s WHERE s.placement_id = a.id AND s.valid_from <= w.day
        ORDER BY s.valid_from DESC LIMIT 1), 0) AS planned
    FROM active a JOIN work w ON w.day >= a.start AND w.day <= a.last_day
),
planned_agg AS (
    SELECT d.pid,
        SUM(CASE WHEN r.status IS NOT NULL AND r.status <> 'absent_agreed' THEN d.planned ELSE 0 END) AS counted,
        SUM(CASE WHEN r.status IS NULL AND d.planned > 0 THEN 1 ELSE 0 END) AS unregistered
    FROM days d LEFT JOIN attendance r
        ON r.placement_id = d.pid AND {WEEK.format("r.day")} = {WEEK.format("d.day")} AND r.day = d.day
    GROUP BY d.pid
)
SELECT a.id, a.start,
    (SELECT f.day FROM followups f
     WHERE f.citizen_id = a.citizen_id AND f.day <= :on AND (f.placement_id IS NULL OR f.placement_id = a.id)
     ORDER BY f.day DESC LIMIT 1),
    COALESCE(pa.counted, 0),
    (SELECT COALESCE(SUM(CASE WHEN r.status <> 'absent_agreed' THEN r.minutes ELSE 0 END), 0) FROM attendance r
     WHERE r.placement_id = a.id AND {WEEK.format("r.day")} BETWEEN {WEEK.format(":first")} AND {WEEK.format(":last")}
       AND r.day >= :first AND r.day <= :last),
    COALESCE(pa.unregistered, 0), a.workplace_mentor_id
FROM active a
LEFT JOIN planned_agg pa ON pa.pid = a.id
"""

REFERRALS = """
SELECT c.ref, r.programme, e.new_end, r."end"
FROM referrals r JOIN citizens c ON c.id = r.citizen_id
LEFT JOIN (SELECT referral_id, MAX(new_end) AS new_end FROM referral_extensions GROUP BY referral_id) e
    ON e.referral_id = r.id
WHERE c.archived_at IS NULL AND r.end_reason IS NULL
  AND COALESCE(e.new_end, r."end") BETWEEN :on AND :horizon
"""


def facts(conn: Any, on: date) -> dict[str, int]:
    """The dashboard's task counts by kind, computed in SQL (the rows are fetched, then classified)."""
    import json

    first, last = on - timedelta(days=28), on - timedelta(days=1)
    holidays = sorted(d.isoformat() for y in {first.year, last.year} for d in danish_holidays(y))
    params = {"first": first.isoformat(), "last": last.isoformat(), "on": on.isoformat(),
              "holidays": json.dumps(holidays)}  # fmt: skip
    counts = dict.fromkeys(("followup_overdue", "followup_due", "low_attendance", "unregistered", "referral_ending",
                            "no_mentor"), 0)  # fmt: skip
    for _pid, start, met, counted, attended, unregistered, mentor in conn.execute(FACTS, params):
        due = date.fromisoformat(max(met or start, start)) + timedelta(days=30)
        if due < on:
            counts["followup_overdue"] += 1
        elif due <= on + timedelta(days=7):
            counts["followup_due"] += 1
        if counted and attended * 4 < counted * 3:
            counts["low_attendance"] += 1
        if unregistered:
            counts["unregistered"] += 1
        if mentor is None:
            counts["no_mentor"] += 1
    horizon = (on + timedelta(days=30)).isoformat()
    counts["referral_ending"] = len(conn.execute(REFERRALS, {"on": on.isoformat(), "horizon": horizon}).fetchall())
    return counts
