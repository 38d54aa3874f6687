"""Signing in on the command line.

An encrypted database, or any database with users, needs a user name and password:
``--user`` / ``$PLACEMENT_DESK_USER`` (or the only user of the key file, or a prompt) and
``$PLACEMENT_DESK_PASSWORD`` (or a prompt that does not echo). A database without users and
without encryption (a new file, a test database) opens as before, as the system actor.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

ENV_USER = "PLACEMENT_DESK_USER"
ENV_PASSWORD = "PLACEMENT_DESK_PASSWORD"


class SignInRefused(Exception):
    """The command line could not sign in; the message says why and what to do."""


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _username(given: str | None, known: list[str]) -> str:
    name = given or os.environ.get(ENV_USER)
    if name:
        return name
    if len(known) == 1:
        return known[0]
    if _interactive():
        return input("Brugernavn / user name: ").strip()
    raise SignInRefused(f"the database needs a user: give --user NAME or set ${ENV_USER}")


def _password() -> str:
    pw = os.environ.get(ENV_PASSWORD)
    if pw is not None:
        return pw
    if _interactive():
        return getpass.getpass("Adgangskode / password: ")
    raise SignInRefused(f"the database is protected: set ${ENV_PASSWORD} (or run the command in a terminal)")


def open_signed_in(url: str | None, user: str | None, migrate: bool = True) -> Any:
    """The database (migrated unless ``migrate`` is False), signed in when it has users or encryption."""
    from placement_desk.db.engine import Database, resolve_url
    from placement_desk.services import signin, users

    def opener(u: str, key: bytes | None) -> Database:
        if migrate:
            from placement_desk.app import open_database

            return open_database(u, key=key)
        return Database(u, key)

    t = signin.target(resolve_url(url))
    if not t.encrypted:
        if migrate and t.path is not None and t.file_exists:  # (restore may face a damaged file)
            from placement_desk.db.sqlite_files import is_encrypted

            if is_encrypted(t.path):
                raise SignInRefused(f"the database is encrypted but its key file {t.keys} is missing")
        db = opener(t.url, None)
        try:
            protected = users.has_users(db)
        except Exception:  # noqa: BLE001 - a raw (unmigrated) file without the users table has no users
            protected = False
        if not protected:
            return db
        db.dispose()
        known: list[str] = []
    else:
        known = t.store().users()
    name = _username(user, known)
    try:
        return signin.sign_in(t, name, _password(), opener).db
    except signin.SignInFailed as exc:
        raise SignInRefused(f"cannot sign in as {name!r}: {exc}") from None
