"""Settings that belong to the person, not the computer: a shared office laptop keeps each user's own.

The page last shown, the mentor page's day or week mode and company, the last search in a list: each is
kept under ``users/<user name>/`` when someone is signed in, so the next user does not meet the previous
one's week mode or search (which may name a citizen). Without a signed-in user (tests, a database
without users) the plain key is used. Window geometry and the language stay per computer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from placement_desk.db.engine import Database


def user_key(db: Database, key: str) -> str:
    who = db.principal
    return key if who is None else f"users/{who.username}/{key}"


def value(db: Database, key: str, default: Any = "") -> Any:
    """The signed-in user's setting ``key`` (``default`` when they have none)."""
    return QSettings().value(user_key(db, key), default)


def text(db: Database, key: str, default: str = "") -> str:
    found = value(db, key, default)
    return default if found is None else str(found)


def remember(db: Database, key: str, setting: Any) -> None:
    QSettings().setValue(user_key(db, key), setting)
