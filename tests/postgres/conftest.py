"""PostgreSQL fixtures: one throw-away server per session, a migrated template, a fresh database per test.

Without a usable PostgreSQL the tests fail in CI (CI=true) and are skipped elsewhere, with the reason.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from placement_desk.db.engine import Database
from tests.postgres import server as pg

TEMPLATE = "desk_template"
_numbers = itertools.count(1)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available here: {reason}")


def _admin(server: pg.Server, sql: str) -> None:
    import psycopg

    with psycopg.connect(server.url().replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.Server]:
    try:
        import psycopg  # noqa: F401 - the driver the postgresql+psycopg URLs need
    except ImportError:
        _unavailable("the Python driver psycopg is not installed (pip install 'psycopg[binary]')")
    try:
        server = pg.start()
    except (pg.Unavailable, OSError, TimeoutError) as exc:
        _unavailable(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: pg.Server) -> str:
    """A database migrated to head once; each test gets a copy (CREATE DATABASE ... TEMPLATE)."""
    from placement_desk.db.migrate import upgrade

    _admin(pg_server, f"CREATE DATABASE {TEMPLATE}")
    db = Database(pg_server.url(TEMPLATE))
    upgrade(db)
    db.dispose()
    return TEMPLATE


@pytest.fixture
def pg_empty(pg_server: pg.Server) -> Iterator[Database]:
    """A new, empty database (no tables) on the test server."""
    name = f"desk_empty_{next(_numbers)}"
    _admin(pg_server, f"CREATE DATABASE {name}")
    db = Database(pg_server.url(name))
    yield db
    db.dispose()
    _admin(pg_server, f"DROP DATABASE {name}")


@contextmanager
def migrated_database(server: pg.Server, template: str) -> Iterator[Database]:
    """A new database copied from the migrated template; dropped afterwards."""
    name = f"desk_test_{next(_numbers)}"
    _admin(server, f"CREATE DATABASE {name} TEMPLATE {template}")
    db = Database(server.url(name))
    try:
        yield db
    finally:
        db.dispose()
        _admin(server, f"DROP DATABASE {name}")


@pytest.fixture
def pg_db(pg_server: pg.Server, pg_template: str) -> Iterator[Database]:
    """A migrated database of its own for one test."""
    with migrated_database(pg_server, pg_template) as db:
        yield db


DEMO_ON = date(2026, 11, 23)  # the day the demo pairs are loaded on


@pytest.fixture
def demo_pair(pg_db: Database, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """The demo data loaded on the same day into an embedded database and into a server one: (SQLite,
    PostgreSQL), for the tests that compare what the two give back."""
    from placement_desk.db.migrate import upgrade
    from placement_desk.services.demo import load_demo

    lite = Database(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        upgrade(lite)
        load_demo(lite, DEMO_ON)
        load_demo(pg_db, DEMO_ON)
        yield lite, pg_db
    finally:
        lite.dispose()
