"""Runs the Alembic migrations at start-up, after a copy of the database file is taken."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from placement_desk.db.engine import Database, sqlite_path

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 7_263_001  # the PostgreSQL advisory lock held while migrating (any fixed number)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite_file(path: Path, label: str, key: bytes | None = None) -> Path:
    """A consistent copy of a SQLite database (the online backup API; WAL included), encrypted with
    ``key`` like the database itself."""
    from placement_desk.db import sqlite_files

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}")
    sqlite_files.snapshot_copy(path, target, key=key)
    return target


def upgrade(db: Database) -> Path | None:
    """Bring the database to the newest schema; returns the path of the copy taken first, if any."""
    current = current_revision(db.engine)
    if current == head_revision():
        return None
    copy: Path | None = None
    path = sqlite_path(db.url)
    if current is not None and path is not None and path.exists():
        copy = backup_sqlite_file(path, current, getattr(db, "key", None))
    cfg = alembic_config()
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Team members starting a new version at the same moment: one migrates, the others wait
            # for it and then find the schema at head (the lock ends with this transaction).
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy


def known_revisions() -> set[str]:
    """Every schema revision this program can migrate from (a file at another revision is from elsewhere)."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
