"""Migrations on a real PostgreSQL server: upgrade head on an empty database equals the ORM metadata."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from placement_desk.db import models  # noqa: F401 - registers the tables
from placement_desk.db.base import Base
from placement_desk.db.engine import Database
from placement_desk.db.migrate import current_revision, head_revision, upgrade

pytestmark = pytest.mark.postgres


def test_upgrade_head_on_an_empty_database_equals_the_models(pg_empty: Database) -> None:
    assert current_revision(pg_empty.engine) is None
    assert upgrade(pg_empty) is None  # no file to copy on a server
    assert current_revision(pg_empty.engine) == head_revision()
    with pg_empty.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    assert upgrade(pg_empty) is None  # at head: nothing to do


def test_string_limits_and_timestamps_are_real(pg_db: Database) -> None:
    """PostgreSQL enforces VARCHAR lengths (SQLite does not) and keeps timestamps as given (UTC)."""
    with pg_db.engine.connect() as conn:
        lengths = dict(
            conn.execute(
                text(
                    "SELECT column_name, character_maximum_length FROM information_schema.columns "
                    "WHERE table_name = 'citizens' AND data_type = 'character varying'"
                )
            ).all()
        )
        zone = conn.execute(text("SHOW TimeZone")).scalar()
    assert lengths["ref"] == 80 and lengths["cpr"] == 11
    assert zone is not None


def test_clients_starting_together_migrate_once(pg_empty: Database) -> None:
    """Several team members start a new version at once: one migrates, the others wait, none fails."""
    import threading

    clients = [Database(pg_empty.url) for _ in range(3)]
    errors: list[BaseException] = []

    def start(db: Database) -> None:
        try:
            upgrade(db)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for c in clients:
        c.dispose()
    assert errors == []
    assert current_revision(pg_empty.engine) == head_revision()
