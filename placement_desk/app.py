"""The composition root: settings -> database -> migrations -> UI. Nothing happens at import time, and
nothing heavy is imported: the desktop app's start reaches its sign-in window through here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from placement_desk.db.place import APP_NAME
from placement_desk.resources import SOURCE_ROOT, resource_path

if TYPE_CHECKING:
    from placement_desk.db.engine import Database

__all__ = ["SOURCE_ROOT", "log_dir", "open_database", "resource_path", "run_gui"]


def log_dir() -> Path:
    """The user log folder, private to the user (the log is ``0600`` in it, see db.private)."""
    from placement_desk.db.private import private_dir

    return private_dir(platformdirs.user_log_path(APP_NAME, appauthor=False))


def open_database(
    db_url: str | None, check: Callable[[Database], bool] | None = None, key: bytes | None = None
) -> Database:
    """The database migrated to head (see :func:`placement_desk.db.opening.open_migrated`)."""
    from placement_desk.db.opening import open_migrated

    return open_migrated(db_url, check, key)


def run_gui(db_url: str | None = None) -> int:
    """The app: the sign-in (or the first administrator), the integrity check, the main window."""
    from placement_desk.ui.shell.launch import run

    return run(db_url, log_dir() / "placement-desk.log", resource_path("translations"))
