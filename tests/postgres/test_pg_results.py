"""The results report (issue 18) on PostgreSQL: the database's weekly and period sums (written per
dialect) give the same report as on SQLite, and outcomes round-trip."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from placement_desk.db.engine import Database
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.domain.results_shown import report_json
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.results import monthly_overview, results_report
from tests.casefiles import case_file, ramp_down_citizen
from tests.postgres.conftest import migrated_database

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def both(pg_server: Any, pg_template: str, template_db: Path, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[Database, Database]]:  # fmt: skip
    path = tmp_path_factory.mktemp("results-sqlite") / "demo.db"
    shutil.copyfile(template_db, path)
    lite = Database(f"sqlite:///{path}")
    with migrated_database(pg_server, pg_template) as server_db:
        for db in (server_db, lite):
            import_case_file(db, demo_case_file(TODAY))
            import_case_file(db, case_file(ramp_down_citizen()))
        yield server_db, lite
    lite.dispose()


@pytest.mark.parametrize(
    ("first", "last", "programme"),
    [
        (date(2022, 1, 1), date(2026, 12, 31), None),
        (date(2024, 5, 2), date(2024, 12, 20), None),
        (date(2023, 3, 8), date(2023, 3, 20), None),
        (date(2022, 1, 1), date(2026, 12, 31), "Mit Liv Mit Ansvar"),
    ],
)
def test_the_report_is_the_same_on_both_databases(
    both: tuple[Database, Database], first: date, last: date, programme: str | None
) -> None:
    pg_db, db = both
    on_pg = report_json(results_report(pg_db, first, last, programme, named=True, on=TODAY), named=True)
    on_sqlite = report_json(results_report(db, first, last, programme, named=True, on=TODAY), named=True)
    assert on_pg == on_sqlite
    assert on_pg["citizens"]["included"] > 0


def test_outcomes_and_the_monthly_overview_on_postgresql(both: tuple[Database, Database]) -> None:
    pg_db, db = both
    pg_citizens = {c["ref"]: c for c in export_case_file(pg_db)["citizens"]}
    assert pg_citizens["Poul"]["placements"][0]["outcome"]["hired"] is True
    assert monthly_overview(pg_db, TODAY) == monthly_overview(db, TODAY)


def test_the_sums_equal_walking_every_record_on_postgresql(pg_server: Any, pg_template: str) -> None:
    """The weekly sums written for PostgreSQL (week and weekday by date arithmetic) against walking every
    record, on a generated caseload with records left outside shortened placements and periods from
    mid-week (as tests/services/test_results.py does on SQLite)."""
    from sqlalchemy import text

    from placement_desk.domain.results import build_report
    from placement_desk.services.results import _load
    from tests.services.test_results import random_caseload

    with migrated_database(pg_server, pg_template) as db:
        import_case_file(db, random_caseload(3))
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE placements SET start = start + 9 WHERE id % 3 = 0"))
            conn.execute(text('UPDATE placements SET "end" = "end" - 11 WHERE id % 2 = 0'))
        for first, last in [(date(2023, 1, 1), date(2024, 12, 31)), (date(2023, 4, 5), date(2024, 3, 28)),
                            (date(2024, 12, 18), date(2025, 1, 9))]:  # fmt: skip
            until = min(last, TODAY)
            fast = build_report(_load(db, until, None, first=first)[1], first, last, TODAY)
            slow = build_report(_load(db, until, None, first=first, walk=True)[1], first, last, TODAY)
            assert report_json(fast, named=True) == report_json(slow, named=True)
            assert fast.attendance.counted_planned == slow.attendance.counted_planned > 0
            assert [c.sustained_weekly for c in fast.citizens] == [c.sustained_weekly for c in slow.citizens]
