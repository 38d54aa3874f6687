"""UI fixtures: a database with the demo citizens, and Danish translations installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from placement_desk.db.engine import Database
from tests.qt_settings import fresh_settings

__all__ = ["fresh_settings"]  # an autouse fixture, imported


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os
    import shutil

    from placement_desk.services.demo import load_demo

    os.environ["PLACEMENT_DESK_TODAY"] = "2026-11-23"
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(template_db, path)
    db = Database(f"sqlite:///{path}")
    load_demo(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    import shutil

    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    db = Database(f"sqlite:///{target}")
    yield db
    db.dispose()


