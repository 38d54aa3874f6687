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
