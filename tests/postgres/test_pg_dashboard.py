"""The dashboard's one SQL statement on PostgreSQL gives the same tasks as on SQLite (where it reads the
records through SQLite's own week index)."""

from __future__ import annotations

from datetime import date, timedelta

from placement_desk.db.engine import Database
from placement_desk.services.dashboard import dashboard
from tests.postgres.conftest import DEMO_ON

ON = DEMO_ON


def facts(db: Database, on: date) -> list[tuple[object, ...]]:
    return [(t.kind, t.citizen_ref, t.placement_ref, t.when, t.value) for t in dashboard(db, on)]


def test_the_dashboard_on_postgresql_equals_sqlites(demo_pair: tuple[Database, Database]) -> None:
    lite, pg_db = demo_pair
    for on in (ON, ON - timedelta(days=40), ON + timedelta(days=9)):
        expected = facts(lite, on)
        assert expected, on
        assert facts(pg_db, on) == expected, on
