"""Backups belong to administrators, and a backup restores without the database it replaces: onto a
deleted, a truncated or a random file, with the backup's key file and an administrator's password or
the recovery code. A workplace mentor can neither copy, restore nor export the database."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from placement_desk.cli.main import main
from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore
from placement_desk.domain.roles import Role
from placement_desk.export.json_summary import dumps
from placement_desk.services import audit, backup, restoring, signin, users
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, ramp_down_citizen
from tests.conftest import CLI_ADMIN, CLI_PASSWORD

WM_PASSWORD, CONSULTANT_PASSWORD = "praktikansvarlig 1", "konsulentens kode"


@pytest.fixture
def desk(tmp_path: Path, cli_admin: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    """An encrypted database made by the command line (its recovery code in ``desk.code``), the demo
    citizens, a workplace mentor and a consultant, and one backup."""
    path = tmp_path / "data" / "desk.db"
    url = f"sqlite:///{path}"
    assert main(["--db", url, "demo"]) == 0
    err = capsys.readouterr().err
    (tmp_path / "code.txt").write_text(next(x.strip() for x in err.splitlines() if x.strip().count("-") == 7))
    opened = signin.sign_in(signin.target(url), CLI_ADMIN, CLI_PASSWORD)
    try:
        users.create_user(opened.db, "wm", "Karim", Role.WORKPLACE_MENTOR, WM_PASSWORD, company_ref="co-saxo-genbrug")
        users.create_user(opened.db, "kon", "Konsulent", Role.CONSULTANT, CONSULTANT_PASSWORD)
    finally:
        opened.db.dispose()
    assert main(["--db", url, "backup"]) == 0
    capsys.readouterr()
    yield path


def code(path: Path) -> str:
    return (path.parent.parent / "code.txt").read_text()


def the_backup(path: Path) -> Path:
    return backup.list_backups(path.parent / "backups")[0].path


def content(path: Path) -> str:
    key = KeyStore.load(KeyStore.path_for(path)).unlock(CLI_ADMIN, CLI_PASSWORD)
    db = Database(f"sqlite:///{path}", key)
    try:
        return dumps(export_case_file(db))
    finally:
        db.dispose()


def as_user(monkeypatch: pytest.MonkeyPatch, name: str, password: str) -> None:
    monkeypatch.setenv("PLACEMENT_DESK_USER", name)
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", password)


# ---- who may copy the database ---------------------------------------------------------------------


def test_a_workplace_mentor_cannot_copy_restore_or_export_the_database(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{desk}"
    usb = tmp_path / "usb"
    usb.mkdir()
    made = the_backup(desk)
    as_user(monkeypatch, "wm", WM_PASSWORD)
    assert main(["--db", url, "backup", "-o", str(usb)]) == 1
    assert "does not allow" in capsys.readouterr().err
    assert main(["--db", url, "backup"]) == 1
    assert main(["--db", url, "backup", "--list"]) == 1
    assert main(["--db", url, "export", "-o", str(usb / "all.json")]) == 1
    assert main(["--db", url, "subject-export", "DC", "-o", str(usb / "dc.zip")]) == 1
    assert main(["--db", url, "restore", str(made)]) == 1
    assert "not an active administrator" in capsys.readouterr().err
    assert list(usb.iterdir()) == []
    assert [b.path for b in backup.list_backups(desk.parent / "backups")] == [made]


def test_a_consultant_may_not_back_up_to_another_place_either(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    as_user(monkeypatch, "kon", CONSULTANT_PASSWORD)
    assert main(["--db", f"sqlite:///{desk}", "backup", "-o", str(usb)]) == 1
    assert "does not allow" in capsys.readouterr().err
    assert not usb.exists()
    assert main(["--db", f"sqlite:///{desk}", "restore", str(the_backup(desk))]) == 1


def test_an_administrators_backup_is_in_the_audit_log(desk: Path) -> None:
    opened = signin.sign_in(signin.target(f"sqlite:///{desk}"), CLI_ADMIN, CLI_PASSWORD)
    try:
        made = [e for e in audit.entries(opened.db, action=audit.BACKUP)]
        assert len(made) == 1 and made[0].username == CLI_ADMIN
        assert made[0].details is not None and made[0].details["backup"] == the_backup(desk).name
    finally:
        opened.db.dispose()


# ---- restoring without the database ----------------------------------------------------------------


@pytest.mark.parametrize("damage", ["deleted", "truncated", "random", "deleted with its key file"])
def test_a_backup_restores_onto_a_lost_database(desk: Path, damage: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = content(desk)
    made = the_backup(desk)
    keys = KeyStore.path_for(desk)
    saved_keys = keys.read_bytes()
    if damage.startswith("deleted"):
        desk.unlink()
        if damage == "deleted with its key file":
            keys.unlink()
    elif damage == "truncated":
        desk.write_bytes(b"")
    else:
        desk.write_bytes(os.urandom(64 * 1024))
    for extra in ("-wal", "-shm"):
        desk.with_name(desk.name + extra).unlink(missing_ok=True)
    assert main(["--db", f"sqlite:///{desk}", "restore", str(made)]) == 0  # an administrator's password
    assert "restored" in capsys.readouterr().out
    if damage == "deleted with its key file":
        assert keys.exists() and KeyStore.load(keys).holds_key(KeyStore.load(keys).unlock(CLI_ADMIN, CLI_PASSWORD))
    else:
        assert keys.read_bytes() != b"" and KeyStore.load(keys).users() == json_users(saved_keys)
    assert files.is_encrypted(desk) and content(desk) == before
    opened = signin.sign_in(signin.target(f"sqlite:///{desk}"), CLI_ADMIN, CLI_PASSWORD)  # as the window does
    try:
        assert audit.verify_chain(opened.db).ok
        restored = audit.entries(opened.db, action=audit.RESTORE)
        assert restored and restored[0].username == CLI_ADMIN
    finally:
        opened.db.dispose()
    if damage == "random":  # what was there is kept, as it was (encrypted or not a database at all)
        kept = list(desk.parent.glob("desk.before-restore-*.db"))
        assert len(kept) == 1 and files.is_encrypted(kept[0])


def json_users(raw: bytes) -> list[str]:
    return sorted(json.loads(raw)["users"])


def test_the_recovery_code_restores_too_and_a_wrong_proof_changes_nothing(
    desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = content(desk)
    made = the_backup(desk)
    desk.unlink()
    KeyStore.path_for(desk).unlink()
    url = f"sqlite:///{desk}"
    as_user(monkeypatch, CLI_ADMIN, "forkert kodeord")
    assert main(["--db", url, "restore", str(made)]) == 1
    assert "wrong" in capsys.readouterr().err and not desk.exists()
    monkeypatch.setenv("PLACEMENT_DESK_RECOVERY_CODE", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert main(["--db", url, "restore", str(made), "--recovery-code"]) == 1
    assert not desk.exists()
    monkeypatch.setenv("PLACEMENT_DESK_RECOVERY_CODE", code(desk))
    assert main(["--db", url, "restore", str(made), "--recovery-code"]) == 0
    assert content(desk) == before


def test_the_window_says_restore_when_the_file_is_gone(desk: Path) -> None:
    desk.unlink()
    with pytest.raises(signin.SignInFailed) as failed:
        signin.sign_in(signin.target(f"sqlite:///{desk}"), CLI_ADMIN, CLI_PASSWORD)
    assert failed.value.kind == "missing"
    assert not desk.exists()  # no empty database made in its place


# ---- a backup from before encryption ---------------------------------------------------------------


def test_a_plain_backup_restores_only_with_its_manifest_and_comes_back_encrypted(
    desk: Path, db: Database, db_path: Path, tmp_path: Path
) -> None:
    from placement_desk.services.demo import load_demo

    load_demo(db)
    import_case_file(db, case_file(ramp_down_citizen()))  # a citizen with a CPR number
    plain = backup.backup_file(db_path, tmp_path / "old-backups")  # a backup of the plaintext era
    db.dispose()
    proof = restoring.Proof(CLI_ADMIN, CLI_PASSWORD)
    manifest = plain.path.with_name(plain.path.name + ".json")
    saved = manifest.read_bytes()
    with sqlite3.connect(plain.path) as conn:  # one digit of a CPR number changed
        row, cpr = conn.execute("SELECT id, cpr FROM citizens WHERE cpr IS NOT NULL LIMIT 1").fetchone()
        conn.execute("UPDATE citizens SET cpr = ? WHERE id = ?", (cpr[:-1] + str((int(cpr[-1]) + 1) % 10), row))
    with pytest.raises(backup.BackupError, match="checksum"):
        restoring.restore_file(desk, plain.path, proof)
    manifest.unlink()
    with pytest.raises(backup.BackupError, match="manifest"):
        restoring.restore_file(desk, plain.path, proof)
    assert files.is_encrypted(desk)
    # an intact one, with its manifest: restored, and encrypted on the way in
    again = backup.backup_file(db_path, tmp_path / "old-backups")
    assert saved  # (the first manifest was there before it was removed)
    restoring.restore_file(desk, again.path, proof)
    assert files.is_encrypted(desk) and b"Jasmin" not in desk.read_bytes()
    assert not [p for p in desk.parent.rglob("*") if p.is_file() and p.suffix == ".db" and not files.is_encrypted(p)]
