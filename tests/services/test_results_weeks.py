"""The weekly sums a results report keeps for the next one (services.results_weeks, migration 0009): kept
after a report, dropped for a placement whenever one of its records is written (by the service, by SQL,
by an import) or the placement is erased, never kept when someone wrote while the report was reading,
and every report with them equal to the reference that walks every record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.results import build_report
from placement_desk.domain.results_shown import report_json
from placement_desk.services import results as results_service
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.results import _load, results_report
from tests.services.test_results import TODAY, random_caseload

FIRST, LAST = date(2023, 1, 1), date(2024, 12, 31)


def kept(db: Database) -> dict[int, bytes]:
    """placement id -> its kept weekly sums."""
    with db.engine.connect() as conn:
        return {pid: weeks for pid, weeks in conn.execute(text("SELECT placement_id, weeks FROM attendance_weeks"))}


def placement_id(db: Database, ref: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT id FROM placements WHERE ref = :r"), {"r": ref}).scalar_one())


def equals_walking(db: Database) -> dict[str, Any]:
    made = report_json(results_report(db, FIRST, LAST, named=True, on=TODAY), named=True)
    _, walked = _load(db, min(LAST, TODAY), None, first=FIRST, walk=True)
    assert made == report_json(build_report(walked, FIRST, LAST, TODAY), named=True)
    return made


def a_present_day(doc: dict[str, Any]) -> tuple[str, date]:
    placement = doc["citizens"][0]["placements"][0]
    taken = {a["date"] for a in placement["attendance"]}
    start = date.fromisoformat(placement["start"])
    free = next(d for d in (start + timedelta(days=i) for i in range(1, 200))
                if d.isoformat() not in taken and d.weekday() < 5 and d <= date.fromisoformat(placement["end"]))  # fmt: skip
    return placement["ref"], free


def test_a_report_keeps_the_weekly_sums_and_a_write_drops_only_its_placements(db: Database) -> None:
    from placement_desk.services.attendance import log_day

    doc = random_caseload(5, citizens=4)
    import_case_file(db, doc)
    assert kept(db) == {}
    before = equals_walking(db)
    stored = kept(db)
    with db.engine.connect() as conn:
        placements = set(conn.execute(text("SELECT id FROM placements")).scalars())
    assert set(stored) == placements and any(stored.values())
    assert equals_walking(db) == before  # read from what was kept: the same report
    ref, free = a_present_day(doc)
    log_day(db, ref, cf.Attendance(free, "present", 480))
    assert set(kept(db)) == placements - {placement_id(db, ref)}  # only that placement is grouped again
    after = equals_walking(db)
    assert after != before
    assert set(kept(db)) == placements


def test_records_written_by_sql_or_moved_to_another_placement_drop_the_kept_sums(db: Database) -> None:
    import_case_file(db, random_caseload(6, citizens=3))
    equals_walking(db)
    ids = sorted(kept(db))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE attendance SET minutes = minutes + 30 WHERE placement_id = :p"), {"p": ids[0]})
    assert ids[0] not in kept(db)
    equals_walking(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM attendance WHERE id IN (SELECT id FROM attendance WHERE placement_id = :p "
                          "LIMIT 3)"), {"p": ids[1]})  # fmt: skip
    assert ids[1] not in kept(db)
    equals_walking(db)
    with db.engine.begin() as conn:  # a record moved: both placements' sums go
        day = conn.execute(text("SELECT max(day) FROM attendance")).scalar()
        conn.execute(text("UPDATE attendance SET placement_id = :q, day = :d WHERE id = (SELECT min(id) FROM "
                          "attendance WHERE placement_id = :p)"), {"p": ids[2], "q": ids[0], "d": "2030-01-01"})  # fmt: skip
        assert day < "2030-01-01"
    assert ids[0] not in kept(db) and ids[2] not in kept(db)
    equals_walking(db)


def test_nothing_is_kept_when_someone_writes_while_the_report_reads(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another window (its own connection) logs a day after the report read the attendance and before it
    stores the sums: the report stands as read, nothing is stored, and the next report has the new day."""
    from placement_desk.services.attendance import log_day

    doc = random_caseload(7, citizens=3)
    import_case_file(db, doc)
    ref, free = a_present_day(doc)
    other = Database(db.url)
    goals = results_service._goals

    def meanwhile(*args: Any) -> Any:
        log_day(other, ref, cf.Attendance(free, "present", 600))
        return goals(*args)

    monkeypatch.setattr(results_service, "_goals", meanwhile)
    report = results_report(db, FIRST, LAST, named=True, on=TODAY)
    monkeypatch.setattr(results_service, "_goals", goals)
    other.dispose()
    assert kept(db) == {}
    later = equals_walking(db)
    assert later != report_json(report, named=True)  # the day logged meanwhile is in the next report
    assert set(kept(db))


def test_erasing_a_citizen_erases_their_kept_sums(db: Database) -> None:
    from placement_desk.services.privacy import erase_citizen

    doc = random_caseload(8, citizens=3)
    import_case_file(db, doc)
    equals_walking(db)
    theirs = {placement_id(db, p["ref"]) for p in doc["citizens"][0]["placements"]}
    assert theirs <= set(kept(db))
    erase_citizen(db, doc["citizens"][0]["ref"], "Sletning efter anmodning")
    assert not theirs & set(kept(db)) and kept(db)
