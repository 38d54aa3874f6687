"""Shared fixtures: a migrated template SQLite database copied per test (fast and real)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data: data, config and the pinned date live in temp dirs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("PLACEMENT_DESK_DB", raising=False)
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2026-11-23")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from placement_desk.db.engine import Database
    from placement_desk.db.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "desk.db"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    from placement_desk.db.engine import Database

    database = Database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


@pytest.fixture
def keyed_db(db_path: Path) -> Iterator[object]:
    """The database at ``db_path`` encrypted, with the command line's administrator (CLI_ADMIN): what the
    window and the command line make and work on. The test acts as the system (no one signed in); the
    command line opens the same file with the administrator's password while this stays open."""
    from placement_desk.db.keystore import FAST_KDF
    from placement_desk.services import access, signin

    opened = signin.setup(signin.target(f"sqlite:///{db_path}"), CLI_ADMIN, "Administrator", CLI_PASSWORD,
                          kdf=FAST_KDF)  # fmt: skip
    access.set_principal(opened.db, None)
    yield opened.db
    opened.db.dispose()


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with the smallest parameters in tests (the app uses the library's recommended ones)."""
    from argon2 import PasswordHasher

    from placement_desk.services import users

    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def _cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """New key files use the cheapest Argon2id parameters in tests (the app: KdfParams())."""
    from placement_desk.db import keystore

    monkeypatch.setattr(keystore, "DEFAULT_KDF", keystore.FAST_KDF)


CLI_ADMIN, CLI_PASSWORD = "admin", "administratorens kodeord"


@pytest.fixture
def cli_admin(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The command line signs in from the environment - and on a new or plain user-less database first
    creates this administrator and encrypts it (it never works on an unencrypted embedded database)."""
    monkeypatch.setenv("PLACEMENT_DESK_USER", CLI_ADMIN)
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", CLI_PASSWORD)
    return CLI_ADMIN, CLI_PASSWORD
