"""The composition root: settings -> database -> migrations -> UI. Nothing happens at import time."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from placement_desk.db.engine import APP_NAME, Database, resolve_url
from placement_desk.db.migrate import upgrade

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, in a source checkout and in a frozen (PyInstaller) bundle alike."""
    base = Path(getattr(sys, "_MEIPASS", SOURCE_ROOT))
    return base.joinpath("resources", *parts)


def log_dir() -> Path:
    path = platformdirs.user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_database(db_url: str | None) -> Database:
    """The database named by --db / $PLACEMENT_DESK_DB / the embedded default, migrated to head."""
    db = Database(resolve_url(db_url))
    upgrade(db)
    return db


def run_gui(db_url: str | None = None) -> int:
    from placement_desk.ui.launch import run

    return run(lambda: open_database(db_url), log_dir() / "placement-desk.log", resource_path("translations"))
