"""The same data and figures on PostgreSQL as on SQLite: case-file round trip and dossier summaries."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from placement_desk.db.engine import Database
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.export.json_summary import dumps, summary
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.dossier import dossier_data
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.postgres.conftest import migrated_database

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(
    pg_server: Any, pg_template: str, template_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database]]:
    """The demo citizens loaded into a PostgreSQL and a SQLite database (read by the tests below)."""
    path = tmp_path_factory.mktemp("demo-sqlite") / "demo.db"
    shutil.copyfile(template_db, path)
    lite = Database(f"sqlite:///{path}")
    with migrated_database(pg_server, pg_template) as server_db:
        doc = demo_case_file(TODAY)
        import_case_file(server_db, doc)
        import_case_file(lite, doc)
        yield server_db, lite
    lite.dispose()


def test_full_case_file_round_trip(demo: tuple[Database, Database]) -> None:
    """Demo data in, export out: identical to SQLite; re-importing changes nothing."""
    pg_db, db = demo
    pg_out, sqlite_out = dumps(export_case_file(pg_db)), dumps(export_case_file(db))
    assert pg_out == sqlite_out
    assert json.loads(pg_out) == cf.case_file_json(parse_case_file(demo_case_file(TODAY)))  # nothing lost
    again = import_case_file(pg_db, demo_case_file(TODAY))
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


def test_dossier_figures_identical_to_sqlite_for_every_demo_citizen(demo: tuple[Database, Database]) -> None:
    pg_db, db = demo
    refs = [c["ref"] for c in demo_case_file(TODAY)["citizens"]]
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
    from dataclasses import replace

    from placement_desk.services.followups import update_followup
    from placement_desk.services.views import citizen_detail

    citizen = ramp_down_citizen()
    same_day = citizen["followups"][0]
    citizen["followups"] = [dict(same_day, note=f"Møde {i}") for i in range(6)]
    outputs = []
    for database in (pg_db, db):
        import_case_file(database, case_file(citizen))
        for row in citizen_detail(database, "DC").followups[::2]:
            update_followup(
                database, row.id, replace(row.value, note=f"{row.value.note}, rettet"), expected_version=row.version
            )
        outputs.append(dumps(export_case_file(database)))
    assert outputs[0] == outputs[1]
    notes = [f["note"] for f in export_case_file(pg_db)["citizens"][0]["followups"]]
    assert notes == ["Møde 0, rettet", "Møde 1", "Møde 2, rettet", "Møde 3", "Møde 4, rettet", "Møde 5"]


def test_text_at_the_column_widths_fits_and_wider_text_is_refused_alike(pg_db: Database, db: Database) -> None:
    """The parser's limits are the columns' widths: what SQLite would store PostgreSQL stores too, and
    what PostgreSQL could not store (too long, NUL) is a ValidationError on both, never a driver error."""
    from placement_desk.domain.errors import ValidationError

    citizen = ramp_down_citizen()
    citizen.update(name="N" * 200, benefit="æ" * 200, job_goal="ø" * 300, caseworker="å" * 200)
    citizen["placements"][0]["attendance"][2]["reason"] = "r" * 200
    doc = case_file(citizen)
    doc["companies"][0].update(address="a" * 300, industry="i" * 200)
    doc["companies"][0]["contacts"][0].update(role="r" * 50, phone="9" * 50, email="e" * 200)
    import_case_file(pg_db, doc)
    import_case_file(db, doc)
    assert dumps(export_case_file(pg_db)) == dumps(export_case_file(db))
    before = dumps(export_case_file(pg_db))
    for field, value in (("name", "N" * 201), ("own_view", "nul\x00"), ("job_goal", "ø" * 301)):
        bad = case_file(dict(citizen, **{field: value}))
        with pytest.raises(ValidationError) as err:
            import_case_file(pg_db, bad)
        assert err.value.path == f"citizens[0].{field}"
    assert dumps(export_case_file(pg_db)) == before


def test_a_streamed_file_moves_the_demo_into_an_empty_server_database_unchanged(
    demo: tuple[Database, Database], pg_empty: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive moved as the README says: exported from the embedded file, imported by stream (in batches,
    new citizens in bulk) into PostgreSQL; the server's export is the same file byte for byte."""
    from placement_desk.db.migrate import upgrade
    from placement_desk.services import casefile_import, casefile_stream
    from placement_desk.services.casefile_io import open_case_file, write_case_file

    monkeypatch.setattr(casefile_stream, "CHUNK", 4096)
    monkeypatch.setattr(casefile_import, "IMPORT_BATCH", 3)
    _, lite = demo
    write_case_file(lite, tmp_path / "archive.json")
    upgrade(pg_empty)
    result = import_case_file(pg_empty, open_case_file(tmp_path / "archive.json"))
    assert len(result.created["citizens"]) > 3
    write_case_file(pg_empty, tmp_path / "moved.json")
    assert (tmp_path / "moved.json").read_bytes() == (tmp_path / "archive.json").read_bytes()
    assert not import_case_file(pg_empty, open_case_file(tmp_path / "archive.json")).changed
