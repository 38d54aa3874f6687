"""First start, sign-in, lock-out, recovery and the command line on an encrypted database."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from placement_desk.cli.main import main
from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF
from placement_desk.db.sqlite_files import is_encrypted
from placement_desk.domain.roles import Role
from placement_desk.services import audit, queries, signin, users
from placement_desk.services.demo import load_demo

PASSWORD = "kaffe og kage 42"


def _setup(tmp_path: Path, name: str = "desk.db") -> signin.Opened:
    t = signin.target(f"sqlite:///{tmp_path / name}")
    assert signin.needs_setup(t)
    return signin.setup(t, "admin", "Anne Admin", PASSWORD, kdf=FAST_KDF)


def _actions(db: Database) -> list[tuple[str, str]]:
    with db.reading() as s:
        return [(r.username, r.action) for r in s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id))]


def test_first_start_makes_an_encrypted_database_with_an_administrator(tmp_path: Path) -> None:
    opened = _setup(tmp_path)
    try:
        assert opened.principal.role is Role.ADMINISTRATOR and opened.db.principal == opened.principal
        assert opened.recovery_code and len(opened.recovery_code.replace("-", "")) == 32
        assert ("admin", "login") in _actions(opened.db)
    finally:
        opened.db.dispose()
    path = tmp_path / "desk.db"
    assert is_encrypted(path) and (tmp_path / "desk.db.keys").exists()
    assert not signin.needs_setup(signin.target(f"sqlite:///{path}"))


def test_sign_in_wrong_password_lock_out_and_the_failures_reach_the_audit_log(tmp_path: Path) -> None:
    _setup(tmp_path).db.dispose()
    t = signin.target(f"sqlite:///{tmp_path / 'desk.db'}")
    now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    for i in range(3):
        with pytest.raises(signin.SignInFailed) as err:
            signin.sign_in(t, "admin", "forkert", now=now + timedelta(minutes=i))
        assert err.value.kind == "wrong"
    with pytest.raises(signin.SignInFailed) as locked:
        signin.sign_in(t, "admin", PASSWORD, now=now + timedelta(hours=1))
    assert locked.value.kind == "locked" and locked.value.locked_until == now + timedelta(hours=24)
    opened = signin.sign_in(t, "admin", PASSWORD, now=now + timedelta(hours=25))
    try:
        actions = _actions(opened.db)
        assert actions.count(("admin", "failed_login")) == 3
        assert actions[-1] == ("admin", "login")
        assert audit.verify_chain(opened.db).ok
    finally:
        opened.db.dispose()


def test_each_user_unlocks_with_their_own_password_and_an_inactive_one_cannot(tmp_path: Path) -> None:
    admin = _setup(tmp_path)
    users.create_user(admin.db, "kbj", "Karen B. Jensen", Role.CONSULTANT, "hemmeligt ord 1")
    admin.db.dispose()
    t = signin.target(f"sqlite:///{tmp_path / 'desk.db'}")
    karen = signin.sign_in(t, "kbj", "hemmeligt ord 1")
    assert karen.principal.role is Role.CONSULTANT
    karen.db.dispose()
    admin = signin.sign_in(t, "admin", PASSWORD)
    users.update_user(admin.db, "kbj", active=False)
    admin.db.dispose()
    with pytest.raises(signin.SignInFailed):
        signin.sign_in(t, "kbj", "hemmeligt ord 1")


def test_the_recovery_code_sets_a_new_password(tmp_path: Path) -> None:
    opened = _setup(tmp_path)
    code = opened.recovery_code
    assert code is not None
    opened.db.dispose()
    t = signin.target(f"sqlite:///{tmp_path / 'desk.db'}")
    with pytest.raises(signin.SignInFailed):
        signin.recover(t, "0000-0000-0000-0000-0000-0000-0000-0000", "admin", "nyt kodeord 7")
    recovered = signin.recover(t, code.lower(), "admin", "nyt kodeord 7")
    recovered.db.dispose()
    signin.sign_in(t, "admin", "nyt kodeord 7").db.dispose()
    with pytest.raises(signin.SignInFailed):
        signin.sign_in(t, "admin", PASSWORD)


def test_an_old_plain_database_is_encrypted_at_setup_with_its_data_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    plain = Database(f"sqlite:///{path}")
    from placement_desk.db.migrate import upgrade

    upgrade(plain)
    load_demo(plain, date(2026, 11, 23))
    before = [c.ref for c in queries.list_citizens(plain)]
    plain.dispose()
    t = signin.target(f"sqlite:///{path}")
    assert signin.needs_setup(t)
    opened = signin.setup(t, "admin", "Anne Admin", PASSWORD, kdf=FAST_KDF)
    try:
        assert [c.ref for c in queries.list_citizens(opened.db)] == before
        assert opened.safety_copy is not None and is_encrypted(opened.safety_copy)
    finally:
        opened.db.dispose()
    assert is_encrypted(path)
    assert b"Jasmin" not in path.read_bytes()


def test_the_command_line_signs_in_with_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = _setup(tmp_path)
    load_demo(opened.db, date(2026, 11, 23))
    users.create_user(opened.db, "laeser", "Læse Adgang", Role.CASEWORKER, "kun laesning 1")
    opened.db.dispose()
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    out = tmp_path / "all.json"
    monkeypatch.delenv("PLACEMENT_DESK_PASSWORD", raising=False)
    assert main(["--db", url, "export", "-o", str(out)]) == 1  # two users: which one?
    assert "PLACEMENT_DESK_USER" in capsys.readouterr().err
    assert main(["--db", url, "--user", "admin", "export", "-o", str(out)]) == 1  # no password, no terminal
    assert "PLACEMENT_DESK_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "forkert")
    assert main(["--db", url, "--user", "admin", "export", "-o", str(out)]) == 1
    assert "wrong" in capsys.readouterr().err
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", url, "--user", "admin", "export", "-o", str(out)]) == 0
    assert any(c["ref"] == "Jasmin" for c in json.loads(out.read_text(encoding="utf-8"))["citizens"])
    monkeypatch.setenv("PLACEMENT_DESK_USER", "laeser")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "kun laesning 1")
    assert main(["--db", url, "import", str(out)]) == 1  # a read-only case worker may not import
    assert "does not allow" in capsys.readouterr().err


def test_the_command_line_never_makes_an_unencrypted_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PLACEMENT_DESK_USER", raising=False)
    monkeypatch.delenv("PLACEMENT_DESK_PASSWORD", raising=False)
    path = tmp_path / "script.db"
    url = f"sqlite:///{path}"
    assert main(["--db", url, "demo"]) == 1  # no administrator to create: refused, and says how
    err = capsys.readouterr().err
    assert "PLACEMENT_DESK_USER" in err and "PLACEMENT_DESK_PASSWORD" in err and "encrypted" in err
    assert not path.exists()
    monkeypatch.setenv("PLACEMENT_DESK_USER", "anne")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "kort")
    assert main(["--db", url, "demo"]) == 2  # too short a password: bad input, nothing made
    assert not path.exists() and not (tmp_path / "script.db.keys").exists()
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", url, "demo"]) == 0
    err = capsys.readouterr().err
    code = next(line.strip() for line in err.splitlines() if line.strip().count("-") == 7)
    assert is_encrypted(path) and b"Jasmin" not in path.read_bytes()
    assert main(["--db", url, "export", "-o", str(tmp_path / "x.json")]) == 0  # signs in as anne
    assert "recovery code" not in capsys.readouterr().err  # shown once only
    opened = signin.recover(signin.target(url), code, "anne", "et helt nyt kodeord")
    try:
        assert opened.principal.role is Role.ADMINISTRATOR
    finally:
        opened.db.dispose()


def test_a_plain_user_less_database_is_encrypted_by_the_command_line(
    db: Database, db_path: Path, cli_admin: tuple[str, str], tmp_path: Path
) -> None:
    load_demo(db, date(2026, 11, 23))
    db.dispose()
    assert not is_encrypted(db_path)
    assert main(["--db", f"sqlite:///{db_path}", "export", "-o", str(tmp_path / "x.json")]) == 0
    assert is_encrypted(db_path) and b"Jasmin" not in db_path.read_bytes()
    assert not [p for p in db_path.parent.rglob("*.db") if p.stat().st_size and not is_encrypted(p)]


def _plain_with_users(tmp_path: Path) -> Path:
    """A plain (unencrypted) SQLite database that already has users: a script's, or an older version's."""
    from placement_desk.db.migrate import upgrade

    path = tmp_path / "plain.db"
    plain = Database(f"sqlite:///{path}")
    upgrade(plain)
    load_demo(plain, date(2026, 11, 23))
    users.create_user(plain, "admin", "Anne Admin", Role.ADMINISTRATOR, PASSWORD)
    users.create_user(plain, "laeser", "Læse Adgang", Role.CASEWORKER, "kun laesning 1")
    plain.dispose()
    assert not is_encrypted(path) and b"Jasmin" in path.read_bytes()
    return path


def test_a_plain_database_with_users_is_encrypted_at_an_administrators_sign_in(tmp_path: Path) -> None:
    path = _plain_with_users(tmp_path)
    t = signin.target(f"sqlite:///{path}")
    with pytest.raises(signin.SignInFailed) as refused:  # only an administrator may convert it
        signin.sign_in(t, "laeser", "kun laesning 1")
    assert refused.value.kind == "plain" and not is_encrypted(path) and not t.encrypted
    opened = signin.sign_in(t, "admin", PASSWORD)
    try:
        assert opened.recovery_code and opened.new_passwords == ["laeser"]
        assert opened.safety_copy is not None and is_encrypted(opened.safety_copy)
        assert any(c.ref == "Jasmin" for c in queries.list_citizens(opened.db))
        assert audit.verify_chain(opened.db).ok
        users.set_password(opened.db, "laeser", "en ny adgangskode 2")  # the administrator lets the reader in again
    finally:
        opened.db.dispose()
    assert is_encrypted(path) and b"Jasmin" not in path.read_bytes()
    assert not [p for p in tmp_path.rglob("*.db") if p.stat().st_size and not is_encrypted(p)]
    again = signin.target(f"sqlite:///{path}")
    assert again.encrypted and sorted(again.store().users()) == ["admin", "laeser"]
    reader = signin.sign_in(again, "laeser", "en ny adgangskode 2")
    try:
        assert reader.recovery_code is None and reader.principal.role is Role.CASEWORKER
    finally:
        reader.db.dispose()
    signin.recover(again, opened.recovery_code, "admin", "et helt nyt kodeord").db.dispose()


def test_the_command_line_encrypts_a_plain_database_with_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _plain_with_users(tmp_path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("PLACEMENT_DESK_USER", "laeser")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "kun laesning 1")
    assert main(["--db", url, "export", "-o", str(tmp_path / "x.json")]) == 1
    assert "not encrypted yet" in capsys.readouterr().err and not (tmp_path / "x.json").exists()
    monkeypatch.setenv("PLACEMENT_DESK_USER", "admin")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", url, "export", "-o", str(tmp_path / "x.json")]) == 0
    err = capsys.readouterr().err
    assert "recovery code" in err and "laeser" in err
    code = next(line.strip() for line in err.splitlines() if line.strip().count("-") == 7)
    assert is_encrypted(path) and b"Jasmin" not in path.read_bytes()
    assert main(["--db", url, "export", "-o", str(tmp_path / "y.json")]) == 0
    assert "recovery code" not in capsys.readouterr().err  # shown once only
    signin.recover(signin.target(url), code, "admin", "et helt nyt kodeord").db.dispose()
