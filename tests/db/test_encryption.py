"""Encryption at rest: the SQLCipher database, converting a plain one, encrypted backups."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF, KeyStore
from placement_desk.db.migrate import upgrade
from placement_desk.export.json_summary import dumps
from placement_desk.services import backup, encryption
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.paths import ROOT

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
NAME = "Kanariefugl Testesen"


def canary() -> dict[str, object]:
    citizen = ramp_down_citizen()
    citizen.update(ref="KT", name=NAME, cpr="010203-4051")
    return citizen


def exported(db: Database) -> str:
    return dumps(export_case_file(db))


def new_encrypted(path: Path) -> tuple[Database, bytes]:
    _, key, _ = KeyStore.create(KeyStore.path_for(path), "anna", "anna's password", FAST_KDF)
    db = Database(f"sqlite:///{path}", key)
    upgrade(db)
    return db, key


@pytest.fixture
def enc(tmp_path: Path) -> Iterator[tuple[Database, bytes, Path]]:
    path = tmp_path / "secure" / "desk.db"  # beside the plain ``db`` fixture's tmp_path/desk.db
    db, key = new_encrypted(path)
    import_case_file(db, case_file(ramp_down_citizen(), hybrid_citizen()))
    yield db, key, path
    db.dispose()


def holds(path: Path, *needles: bytes) -> list[str]:
    """The files under ``path`` (or the file) whose bytes contain one of ``needles``."""
    found = []
    for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
        data = file.read_bytes()
        found += [f"{file.name}: {n!r}" for n in needles if n in data]
    return found


# ---- the encrypted database ----------------------------------------------------------------------


def test_an_encrypted_database_works_like_a_plain_one(enc: tuple[Database, bytes, Path]) -> None:
    db, key, path = enc
    before = exported(db)
    with db.transaction() as s:
        assert s.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY: no plaintext temp files
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA cipher_version")).scalar()
    db.dispose()
    assert files.is_encrypted(path) and not path.read_bytes().startswith(b"SQLite format 3\0")
    assert not holds(path.parent, b"Jobcenter", b"010190")
    unlocked = KeyStore.load(KeyStore.path_for(path)).unlock("anna", "anna's password")
    again = Database(f"sqlite:///{path}", unlocked)
    try:
        assert exported(again) == before
        assert backup.integrity_problems(again, full=True) == []
    finally:
        again.dispose()
    with sqlite3.connect(path) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_a_wrong_key_is_a_clear_error_at_the_first_connection(enc: tuple[Database, bytes, Path]) -> None:
    db, key, path = enc
    db.dispose()
    wrong = Database(f"sqlite:///{path}", bytes(b ^ 1 for b in key))
    try:
        with pytest.raises(files.WrongKey, match="key does not open the database file"), wrong.engine.connect():
            pass
        assert backup.integrity_problems(wrong) and not backup.integrity_ok(wrong)
    finally:
        wrong.dispose()
    with pytest.raises(files.WrongKey, match="key is wrong"):
        files.connect(path, key=os.urandom(32))
    with pytest.raises(ValueError, match="32 bytes"):
        files.connect(path, key=b"short")


def test_a_key_on_a_plain_file_says_so(db: Database, db_path: Path) -> None:
    db.dispose()
    assert not files.is_encrypted(db_path)
    with pytest.raises(files.WrongKey, match="not encrypted"):
        files.connect(db_path, key=os.urandom(32))


def test_is_encrypted(tmp_path: Path) -> None:
    assert not files.is_encrypted(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    assert not files.is_encrypted(tmp_path / "empty.db")
    (tmp_path / "plain.db").write_bytes(b"SQLite format 3\0" + bytes(100))
    assert not files.is_encrypted(tmp_path / "plain.db")
    (tmp_path / "other.db").write_bytes(os.urandom(64))
    assert files.is_encrypted(tmp_path / "other.db")


def test_file_level_helpers_take_the_key(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    db, key, path = enc
    copy = tmp_path / "copy.db"
    counts = files.snapshot_copy(path, copy, key=key)
    assert counts["citizens"] == 2 and files.is_encrypted(copy)
    with files.connect(copy, readonly=True, key=key) as conn:
        assert files.table_counts(conn) == counts
        assert files.problems(conn) == [] and files.cipher_problems(conn) == []
        assert files.revision(conn) is not None
    with db.transaction() as s:
        s.execute(text("DELETE FROM attendance"))
    db.dispose()
    files.copy_into(copy, path, key=key)
    with files.connect(path, readonly=True, key=key) as conn:
        assert files.table_counts(conn) == counts


def test_tampering_is_found_by_the_cipher_check(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    _, key, path = enc
    copy = tmp_path / "copy.db"
    files.snapshot_copy(path, copy, key=key)
    with copy.open("r+b") as f:  # one flipped byte in page 3
        f.seek(4096 * 2 + 100)
        byte = f.read(1)
        f.seek(4096 * 2 + 100)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(backup.BackupError, match="damaged|not a readable"):
        backup.verify_backup(copy, key)


# ---- converting a plain database -----------------------------------------------------------------

WAL_WRITER = """
import os, sys
from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import import_case_file
from tests.casefiles import case_file
import json
db = Database(sys.argv[1])
import_case_file(db, json.loads(sys.argv[2]))
os._exit(0)  # no clean close: the WAL keeps its frames, as after a crash or while the app runs
"""


def plain_with_wal(db: Database, db_path: Path) -> None:
    """The plain database with rows in its main file and more rows only in its -wal file."""
    import_case_file(db, case_file(hybrid_citizen()))
    db.dispose()
    subprocess.run([sys.executable, "-c", WAL_WRITER, f"sqlite:///{db_path}", json.dumps(case_file(canary()))],
                   check=True, cwd=ROOT)  # fmt: skip
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0 and NAME.encode() in wal.read_bytes()


def expected_counts(db_path: Path, scratch: Path) -> dict[str, int]:
    """Row counts of the database with its WAL, read from a copy (reading the original would checkpoint)."""
    scratch.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            shutil.copyfile(source, scratch / (db_path.name + suffix))
    with files.connect(scratch / db_path.name, readonly=False) as conn:
        return files.table_counts(conn)


def test_encrypt_in_place_converts_a_plain_wal_database(db: Database, db_path: Path, tmp_path: Path) -> None:
    plain_with_wal(db, db_path)
    expected = expected_counts(db_path, tmp_path / "scratch")
    assert expected["citizens"] == 2
    shutil.rmtree(tmp_path / "scratch")
    store, key, _ = KeyStore.create(KeyStore.path_for(db_path), "anna", "pw", FAST_KDF)
    old = db_path.with_name("desk.before-0001-20260101T000000Z.db")  # a copy taken before a migration
    files.snapshot_copy(db_path, old)

    safety = encryption.encrypt_in_place(db_path, key, now=NOW)

    assert safety == tmp_path / "backups" / "desk-backup-20261123T093000000000Z.db"
    assert files.is_encrypted(db_path) and files.is_encrypted(safety) and files.is_encrypted(old)
    assert safety.with_name(safety.name + ".keys").read_bytes() == store.path.read_bytes()
    assert backup.verify_backup(safety, key).tables == expected
    with files.connect(db_path, key=key) as conn:
        assert files.table_counts(conn) == expected
        assert files.problems(conn) == [] and files.cipher_problems(conn) == []
    for extra in ("-wal", "-shm", "-journal"):
        assert not db_path.with_name(db_path.name + extra).exists()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers
    assert not holds(tmp_path, NAME.encode(), b"010203", b"Jobcenter")  # no plaintext anywhere
    assert encryption.plaintext_copies(db_path) == []
    reopened = Database(f"sqlite:///{db_path}", key)
    try:
        assert {c["name"] for c in export_case_file(reopened)["citizens"]} == {NAME, hybrid_citizen()["name"]}
        upgrade(reopened)
    finally:
        reopened.dispose()


def test_encrypt_in_place_also_encrypts_the_old_plain_backups(filled_plain: Path, tmp_path: Path) -> None:
    db_path = filled_plain
    plain_db = Database(f"sqlite:///{db_path}")
    old = backup.make_backup(plain_db, now=NOW - timedelta(days=1))
    plain_db.dispose()
    assert not files.is_encrypted(old.path)
    key = os.urandom(32)
    encryption.encrypt_in_place(db_path, key, now=NOW)
    assert files.is_encrypted(old.path)
    verified = backup.verify_backup(old.path, key)  # the manifest's checksum follows the new bytes
    assert verified.encrypted and verified.tables == old.tables
    assert json.loads(old.path.with_name(old.path.name + ".json").read_text(encoding="utf-8"))["encrypted"]
    assert [b.encrypted for b in backup.list_backups(tmp_path / "backups")] == [True, True]


@pytest.fixture
def filled_plain(db: Database, db_path: Path) -> Path:
    import_case_file(db, case_file(canary(), hybrid_citizen()))
    db.dispose()
    return db_path


def test_a_failure_before_the_swap_leaves_the_original(filled_plain: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    db_path = filled_plain
    plain = Database(f"sqlite:///{db_path}")
    before = exported(plain)
    plain.dispose()
    monkeypatch.setattr(files, "cipher_problems", lambda conn: ["page 3: hmac check failed"])
    with pytest.raises(encryption.EncryptionError, match="damaged.*unchanged"):
        encryption.encrypt_in_place(db_path, os.urandom(32))
    monkeypatch.undo()

    def no_room(*_args: object, **_kwargs: object) -> None:
        raise backup.BackupError("the disk is full")

    monkeypatch.setattr(backup, "backup_file", no_room)
    with pytest.raises(encryption.EncryptionError, match="safety copy"):
        encryption.encrypt_in_place(db_path, os.urandom(32))
    monkeypatch.undo()
    assert not files.is_encrypted(db_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["desk.db"]  # no half-made copies
    plain = Database(f"sqlite:///{db_path}")
    try:
        assert exported(plain) == before
    finally:
        plain.dispose()


def test_encrypting_twice_or_a_missing_file_is_refused(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    db, key, path = enc
    db.dispose()
    with pytest.raises(encryption.EncryptionError, match="already encrypted"):
        encryption.encrypt_in_place(path, key)
    with pytest.raises(encryption.EncryptionError, match="no database file"):
        encryption.encrypt_in_place(tmp_path / "nothing.db", key)


# ---- backups of an encrypted database ------------------------------------------------------------


def test_encrypted_backup_verify_wipe_restore(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    db, key, path = enc
    before = exported(db)
    info = backup.make_backup(db, tmp_path / "bak", now=NOW)
    assert info.verified and info.encrypted and files.is_encrypted(info.path)
    assert not holds(tmp_path / "bak", b"Jobcenter", b"010190")
    keys_copy = info.path.with_name(info.path.name + ".keys")
    live = KeyStore.load(KeyStore.path_for(path))
    assert KeyStore.load(keys_copy).users() == live.users() and KeyStore.load(keys_copy).holds_key(key)
    # the copied key file opens the backup even if the live key file is lost
    assert KeyStore.load(keys_copy).unlock("anna", "anna's password") == key
    with pytest.raises(backup.BackupError, match="encrypted"):
        backup.verify_backup(info.path)
    with pytest.raises(backup.BackupError, match="key"):
        backup.verify_backup(info.path, os.urandom(32))
    assert backup.verify_backup(info.path, key).tables == info.tables
    with db.transaction() as s:
        for table in ("attendance", "placements", "followups", "goals", "citizens", "contacts", "companies"):
            s.execute(text(f"DELETE FROM {table}"))
    result = backup.restore_backup(db, info.path)
    assert exported(db) == before
    assert result.safety_copy is not None and files.is_encrypted(result.safety_copy)
    assert backup.integrity_ok(db)


def test_restore_over_a_destroyed_encrypted_file(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    db, key, path = enc
    before = exported(db)
    info = backup.make_backup(db, tmp_path / "bak", now=NOW)
    db.dispose()
    path.write_bytes(os.urandom(8192))
    assert not backup.integrity_ok(db)
    backup.restore_backup(db, info.path)
    assert exported(db) == before and backup.integrity_ok(db)


def test_rotation_removes_the_key_file_copies(enc: tuple[Database, bytes, Path], tmp_path: Path) -> None:
    db, _, _ = enc
    folder = tmp_path / "bak"
    made = [backup.make_backup(db, folder, keep=2, now=NOW + timedelta(hours=i)) for i in range(4)]
    kept = sorted(p.name for p in folder.iterdir())
    names = [m.path.name for m in made[2:]]
    assert kept == sorted([*names, *(n + ".json" for n in names), *(n + ".keys" for n in names)])


def test_plain_and_encrypted_backups_do_not_mix(enc: tuple[Database, bytes, Path], db: Database,
                                                tmp_path: Path) -> None:  # fmt: skip
    enc_db, _, _ = enc
    encrypted = backup.make_backup(enc_db, tmp_path / "bak-enc", now=NOW)
    plain = backup.make_backup(db, tmp_path / "bak-plain", now=NOW)
    assert not plain.encrypted and not plain.path.with_name(plain.path.name + ".keys").exists()
    with pytest.raises(backup.BackupError, match="encrypted"):
        backup.restore_backup(db, encrypted.path)
    with pytest.raises(backup.BackupError, match="not encrypted"):
        backup.restore_backup(enc_db, plain.path)
