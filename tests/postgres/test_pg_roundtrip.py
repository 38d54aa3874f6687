"""The same data and figures on PostgreSQL as on SQLite: case-file round trip and dossier summaries."""

from __future__ import annotations

from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.export.json_summary import dumps, summary
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.dossier import dossier_data
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 23)


def test_full_case_file_round_trip(pg_db: Database, db: Database) -> None:
    """Demo data in, export out: identical to SQLite; re-import changes nothing; export -> import -> export."""
    doc = demo_case_file(TODAY)
    import_case_file(pg_db, doc)
    import_case_file(db, doc)
    pg_out, sqlite_out = dumps(export_case_file(pg_db)), dumps(export_case_file(db))
    assert pg_out == sqlite_out
    again = import_case_file(pg_db, doc)
    assert not again.changed
    assert dumps(export_case_file(pg_db)) == pg_out
    for ref in ("SA", "Malthe"):
        assert dumps(export_case_file(pg_db, ref)) == dumps(export_case_file(db, ref))


def test_export_imports_into_an_empty_server_database_unchanged(pg_db: Database, pg_empty: Database) -> None:
    from placement_desk.db.migrate import upgrade

    import_case_file(pg_db, case_file(ramp_down_citizen(), hybrid_citizen()))
    first = export_case_file(pg_db)
    upgrade(pg_empty)
    import_case_file(pg_empty, first)
    assert dumps(export_case_file(pg_empty)) == dumps(first)


def test_dossier_figures_identical_to_sqlite_for_every_demo_citizen(pg_db: Database, db: Database) -> None:
    doc = demo_case_file(TODAY)
    import_case_file(pg_db, doc)
    import_case_file(db, doc)
    refs = [c["ref"] for c in doc["citizens"]]
    assert len(refs) >= 10
    for ref in refs:
        on_pg = dumps(summary(dossier_data(pg_db, ref, on=TODAY)))
        on_sqlite = dumps(summary(dossier_data(db, ref, on=TODAY)))
        assert on_pg == on_sqlite, ref
    clipped = dossier_data(pg_db, "DC", date(2023, 12, 1), date(2024, 1, 31), on=TODAY)
    assert summary(clipped) == summary(dossier_data(db, "DC", date(2023, 12, 1), date(2024, 1, 31), on=TODAY))


def test_records_on_the_same_day_keep_their_order_after_edits(pg_db: Database, db: Database) -> None:
    """Ties (several meetings on one day) export in the same order on both databases, also after updates
    (PostgreSQL moves an updated row; an ORDER BY without a tie-breaker may then reorder them)."""
    from placement_desk.services.followups import update_followup
    from placement_desk.services.views import citizen_detail

    citizen = ramp_down_citizen()
    same_day = citizen["followups"][0]
    citizen["followups"] = [dict(same_day, note=f"Møde {i}") for i in range(6)]
    outputs = []
    for database in (pg_db, db):
        import_case_file(database, case_file(citizen))
        for row in citizen_detail(database, "DC").followups[::2]:
            update_followup(database, row.id, {"note": f"{row.value.note}, rettet"}, expected_version=row.version)
        outputs.append(dumps(export_case_file(database)))
    assert outputs[0] == outputs[1]
    notes = [f["note"] for f in export_case_file(pg_db)["citizens"][0]["followups"]]
    assert notes == ["Møde 0, rettet", "Møde 1", "Møde 2, rettet", "Møde 3", "Møde 4, rettet", "Møde 5"]
