"""The dashboard's one SQL statement on PostgreSQL gives the same tasks as on SQLite (where it reads the
records through SQLite's own week index)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from placement_desk.db.engine import Database
from placement_desk.db.migrate import upgrade
from placement_desk.services.dashboard import dashboard
from placement_desk.services.demo import load_demo

ON = date(2026, 11, 23)


def facts(db: Database, on: date) -> list[tuple[object, ...]]:
    return [(t.kind, t.citizen_ref, t.placement_ref, t.when, t.value) for t in dashboard(db, on)]


def test_the_dashboard_on_postgresql_equals_sqlites(pg_db: Database, tmp_path: Path) -> None:
    lite = Database(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        upgrade(lite)
        load_demo(lite, ON)
        load_demo(pg_db, ON)
        for on in (ON, ON - timedelta(days=40), ON + timedelta(days=9)):
            expected = facts(lite, on)
            assert expected, on
            assert facts(pg_db, on) == expected, on
    finally:
        lite.dispose()
