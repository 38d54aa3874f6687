"""Backups: make (online), verify, rotate, restore; the integrity check; the commands."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore
from placement_desk.export.json_summary import dumps
from placement_desk.services import audit, backup
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.conftest import CLI_ADMIN, CLI_PASSWORD

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def filled(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen(), hybrid_citizen()))
    return db


def exported(db: Database) -> str:
    return dumps(export_case_file(db))


def corrupt(path: Path) -> None:
    """Garbage over pages 2-4 (table and index pages of the copy), as a bad disk sector would leave."""
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(b"\xde\xad\xbe\xef" * 3072)


def test_backup_wipe_restore_gives_the_identical_export(filled: Database, tmp_path: Path) -> None:
    before = exported(filled)
    info = backup.make_backup(filled, tmp_path / "bak", now=NOW)
    assert info.verified and info.path.name == "desk-backup-20261123T093000000000Z.db"
    assert info.tables["attendance"] == 13 and info.tables["citizens"] == 2
    manifest = json.loads(info.path.with_name(info.path.name + ".json").read_text(encoding="utf-8"))
    assert manifest["tables"] == info.tables and len(manifest["sha256"]) == 64
    with filled.transaction() as s:  # wipe
        for table in ("attendance", "placements", "followups", "goals", "citizens", "contacts", "companies"):
            s.execute(text(f"DELETE FROM {table}"))
    assert export_case_file(filled)["citizens"] == []
    result = backup.restore_backup(filled, info.path)
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert exported(filled) == before
    with sqlite3.connect(result.safety_copy) as conn:  # the wiped state was kept, just in case
        assert conn.execute("SELECT count(*) FROM citizens").fetchone() == (0,)
    assert backup.integrity_ok(filled)


def test_restore_over_a_destroyed_database_file(filled: Database, db_path: Path, tmp_path: Path) -> None:
    before = exported(filled)
    info = backup.make_backup(filled, tmp_path / "bak", now=NOW)
    filled.dispose()
    db_path.write_bytes(b"this is no longer a database" * 500)
    assert not backup.integrity_ok(filled)
    assert backup.integrity_problems(filled)
    result = backup.restore_backup(filled, info.path)
    assert result.safety_copy is not None and result.safety_copy.read_bytes().startswith(b"this is no longer")
    assert backup.integrity_ok(filled)
    assert exported(filled) == before


def test_a_damaged_backup_is_refused_and_nothing_changes(filled: Database, tmp_path: Path) -> None:
    info = backup.make_backup(filled, tmp_path / "bak", now=NOW)
    before = exported(filled)
    corrupt(info.path)
    with pytest.raises(backup.BackupError, match="checksum"):
        backup.verify_backup(info.path)
    info.path.with_name(info.path.name + ".json").unlink()  # without the manifest SQLite's own check finds it
    with pytest.raises(backup.BackupError, match="damaged|not a readable database"):
        backup.verify_backup(info.path)
    with pytest.raises(backup.BackupError, match="manifest"):  # and a plain one is restored only with it
        backup.restore_backup(filled, info.path)
    assert exported(filled) == before
    assert not list(tmp_path.rglob("*.before-restore-*"))  # refused before anything was touched


def test_a_backup_missing_rows_is_refused(filled: Database, tmp_path: Path) -> None:
    info = backup.make_backup(filled, tmp_path / "bak", now=NOW)
    with sqlite3.connect(info.path) as conn:  # a consistent file, but not what was backed up
        conn.execute("DELETE FROM attendance WHERE id = (SELECT max(id) FROM attendance)")
    manifest_path = info.path.with_name(info.path.name + ".json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["sha256"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(backup.BackupError, match="attendance"):
        backup.verify_backup(info.path)


def test_a_file_of_unknown_schema_is_refused(filled: Database, tmp_path: Path) -> None:
    info = backup.make_backup(filled, tmp_path / "bak", now=NOW)
    info.path.with_name(info.path.name + ".json").unlink()
    with sqlite3.connect(info.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    with pytest.raises(backup.BackupError, match="newer version"):
        backup.verify_backup(info.path)


def test_rotation_keeps_the_newest_and_leaves_other_files_alone(filled: Database, tmp_path: Path) -> None:
    folder = tmp_path / "bak"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "other-backup-20200101T000000000000Z.db").write_bytes(b"another database's backup")
    made = [backup.make_backup(filled, folder, keep=3, now=NOW + timedelta(hours=i)) for i in range(5)]
    listed = backup.list_backups(folder, "desk")
    assert [b.path for b in listed] == [m.path for m in reversed(made[2:])]
    rows = [{t: n for t, n in b.tables.items() if t != "audit_log"} for b in listed]  # each backup: one entry
    assert all(r == rows[0] for r in rows) and [b.tables["audit_log"] for b in listed] == [5, 4, 3]
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("desk-")) == [
        "notes.txt",
        "other-backup-20200101T000000000000Z.db",
    ]
    assert len(list(folder.glob("desk-backup-*.db.json"))) == 3


def test_the_daily_backup_is_made_once_a_day(filled: Database, tmp_path: Path) -> None:
    folder = tmp_path / "bak"
    first = backup.backup_if_due(filled, folder, now=NOW)
    assert first is not None
    assert backup.backup_if_due(filled, folder, now=NOW + timedelta(hours=2)) is None
    second = backup.backup_if_due(filled, folder, now=NOW + timedelta(days=1))
    assert second is not None and second.path != first.path
    assert len(backup.list_backups(folder)) == 2
    made = [e for e in audit.entries(filled) if e.action == audit.BACKUP]  # each automatic backup is audited
    assert sorted(e.details["backup"] for e in made) == sorted([first.path.name, second.path.name])
    assert all(e.details.get("automatic") is True for e in made)


def test_the_default_folder_is_next_to_the_database(filled: Database, db_path: Path) -> None:
    info = backup.make_backup(filled, now=NOW)
    assert info.path.parent == db_path.parent / "backups"


def test_a_backup_during_a_write_has_only_committed_rows(filled: Database, db_path: Path, tmp_path: Path) -> None:
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM attendance")  # not committed while the backup runs
        info = backup.backup_file(db_path, tmp_path / "bak", now=NOW)  # (make_backup's audit entry would wait)
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert info.tables["attendance"] == 13


@pytest.mark.usefixtures("cli_admin")
def test_the_commands(filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{db_path}"
    folder = tmp_path / "bak"
    before = exported(filled)
    filled.dispose()
    # the plain user-less file gets its administrator (from the environment) and is encrypted first
    assert main(["--db", url, "backup", "-o", str(folder), "--keep", "2"]) == 1  # backup never creates one
    assert "administrator" in capsys.readouterr().err
    assert main(["--db", url, "export", "-o", str(tmp_path / "all.json")]) == 0
    assert "recovery code" in capsys.readouterr().err
    key = KeyStore.load(KeyStore.path_for(db_path)).unlock(CLI_ADMIN, CLI_PASSWORD)
    assert main(["--db", url, "backup", "-o", str(folder), "--keep", "2"]) == 0
    assert "verified" in capsys.readouterr().out
    assert main(["--db", url, "backup", "--list", "-o", str(folder)]) == 0
    listing = capsys.readouterr().out
    assert "desk-backup-" in listing and "rows" in listing
    made = backup.list_backups(folder)[0].path
    db_path.write_bytes(b"\0" * 8192)  # the database is destroyed
    assert main(["--db", url, "restore", str(made)]) == 0
    assert "kept in" in capsys.readouterr().out
    assert encrypted_export(db_path, key) == before
    corrupt(made)
    assert main(["--db", url, "restore", str(made)]) == 2
    assert "checksum" in capsys.readouterr().err
    assert encrypted_export(db_path, key) == before


def encrypted_export(path: Path, key: bytes) -> str:
    db = Database(f"sqlite:///{path}", key)
    try:
        return exported(db)
    finally:
        db.dispose()


def test_postgresql_is_backed_up_with_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://desk:secret@127.0.0.1:9/desk"
    assert main(["--db", url, "backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert backup.backup_if_due(Database(url)) is None
    assert backup.integrity_ok(Database(url))
