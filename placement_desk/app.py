"""The composition root: settings -> database -> migrations -> UI. Nothing happens at import time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import platformdirs

from placement_desk.db.engine import APP_NAME, Database, resolve_url
from placement_desk.db.schema_head import at_head
from placement_desk.resources import SOURCE_ROOT, resource_path

__all__ = ["SOURCE_ROOT", "log_dir", "open_database", "resource_path", "run_gui"]


def log_dir() -> Path:
    path = platformdirs.user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_database(
    db_url: str | None, check: Callable[[Database], bool] | None = None, key: bytes | None = None
) -> Database:
    """The database named by --db / $PLACEMENT_DESK_DB / the embedded default, migrated to head.

    ``key`` unlocks an encrypted embedded database (see services.signin). ``check`` runs before
    anything is written (the GUI's integrity check); False stops the start.
    """
    db = Database(resolve_url(db_url), key)
    if check is not None and not check(db):
        db.dispose()
        raise SystemExit(1)
    if not at_head(db.engine):  # Alembic is imported only when there is something to migrate
        from placement_desk.db.migrate import upgrade

        upgrade(db)
    return db


def run_gui(db_url: str | None = None) -> int:
    from placement_desk.ui.launch import run
    from placement_desk.ui.startup import check_database

    return run(
        lambda: open_database(db_url, check_database), log_dir() / "placement-desk.log", resource_path("translations")
    )
