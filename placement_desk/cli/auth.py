"""Signing in on the command line.

An encrypted database, or any database with users, needs a user name and password:
``--user`` / ``$PLACEMENT_DESK_USER`` (or the only user of the key file, or a prompt) and
``$PLACEMENT_DESK_PASSWORD`` (or a prompt that does not echo).

The embedded database is never created or left unencrypted: a command on a new database - or on a
plain one without users - first creates the first administrator (the same two variables, or prompts
in a terminal), encrypts the database and prints the recovery code once; without them it refuses and
says how. A team database on a PostgreSQL server without users opens as before (the server protects
its disk; its first administrator is made in the app).
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

ENV_USER = "PLACEMENT_DESK_USER"
ENV_PASSWORD = "PLACEMENT_DESK_PASSWORD"
ENV_RECOVERY = "PLACEMENT_DESK_RECOVERY_CODE"
NO_ADMIN = (
    "the database has no administrator yet, and Placement Desk does not keep citizens' data unencrypted: "
    f"set ${ENV_USER} and ${ENV_PASSWORD} (or run the command in a terminal) to create the first "
    "administrator - the database is then encrypted and its recovery code printed once"
)


class SignInRefused(Exception):
    """The command line could not sign in; the message says why and what to do."""


class CliError(Exception):
    """A command's failure that is not bad input (exit 1), with a message for the user."""


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def username(given: str | None, known: list[str]) -> str:
    name = given or os.environ.get(ENV_USER)
    if name:
        return name
    if len(known) == 1:
        return known[0]
    if _interactive():
        return input("Brugernavn / user name: ").strip()
    raise SignInRefused(f"the database needs a user: give --user NAME or set ${ENV_USER}")


def password() -> str:
    pw = os.environ.get(ENV_PASSWORD)
    if pw is not None:
        return pw
    if _interactive():
        return getpass.getpass("Adgangskode / password: ")
    raise SignInRefused(f"the database is protected: set ${ENV_PASSWORD} (or run the command in a terminal)")


def recovery_code() -> str:
    code = os.environ.get(ENV_RECOVERY)
    if code:
        return code
    if _interactive():
        return getpass.getpass("Gendannelseskode / recovery code: ")
    raise SignInRefused(f"set ${ENV_RECOVERY} to the recovery code (or run the command in a terminal)")


def _first_admin(t: Any, user: str | None, opener: Any) -> Any:
    """The first administrator of a new (or plain, user-less) embedded database: the database is
    encrypted and the recovery code printed once (on stderr, so it never lands in piped output)."""
    from placement_desk.services import signin

    name = user or os.environ.get(ENV_USER)
    pw = os.environ.get(ENV_PASSWORD)
    if (not name or pw is None) and _interactive():
        print("Ingen administrator endnu / no administrator yet: the first administrator is created now.",
              file=sys.stderr)  # fmt: skip
        name = name or input("Brugernavn / user name: ").strip()
        if pw is None:
            pw = getpass.getpass("Adgangskode / password: ")
            if getpass.getpass("Gentag / again: ") != pw:
                raise SignInRefused("the two passwords differ; nothing was created")
    if not name or pw is None:
        raise SignInRefused(NO_ADMIN)
    try:
        opened = signin.setup(t, name, name, pw, opener=opener)
    except signin.SignInFailed as exc:
        raise SignInRefused(str(exc)) from None
    _show_recovery_code(f"The first administrator {name!r} was created and the database {t.path} is encrypted.",
                        opened)  # fmt: skip
    return opened.db


def _show_recovery_code(what: str, opened: Any) -> None:
    """The recovery code, once, on stderr (so it never lands in piped output)."""
    print(
        f"{what}\nGendannelseskode / recovery code - shown only this once; write it down and keep it away from "
        f"this computer:\n\n    {opened.recovery_code}\n",
        file=sys.stderr,
    )
    if opened.safety_copy is not None:
        print(f"(the encrypted copy taken before: {opened.safety_copy})", file=sys.stderr)


def open_signed_in(url: str | None, user: str | None, migrate: bool = True) -> Any:
    """The database (migrated unless ``migrate`` is False), signed in when it has users or encryption;
    a new or plain user-less embedded database gets its first administrator and is encrypted first."""
    from placement_desk.db.engine import Database, resolve_url
    from placement_desk.db.private import secure_data_files
    from placement_desk.services import signin

    def opener(u: str, key: bytes | None) -> Database:
        if migrate:
            from placement_desk.db.opening import open_migrated as open_database

            return open_database(u, key=key)
        return Database(u, key)

    t = signin.target(resolve_url(url))
    if t.path is not None:
        secure_data_files(t.path)
    known: list[str] = []
    if t.encrypted:
        known = t.store().users()
    elif t.is_server:
        db = _server_without_users(t, opener)
        if db is not None:
            return db
    else:
        first = _plain_file_without_users(t, user, migrate)
        if first is not None:
            return first
    name = username(user, known)
    try:
        opened = signin.sign_in(t, name, password(), opener)
    except signin.SignInFailed as exc:
        raise SignInRefused(f"cannot sign in as {name!r}: {exc}") from None
    if opened.recovery_code is not None:  # a plain database with users, encrypted at this sign-in
        _report_encrypted_now(t, opened)
    return opened.db


def _report_encrypted_now(t: Any, opened: Any) -> None:
    _show_recovery_code(f"The database {t.path} is encrypted now.", opened)
    if opened.new_passwords:
        print("These users need a new password from an administrator before they can sign in again "
              f"(Brugere / Users page): {', '.join(opened.new_passwords)}", file=sys.stderr)  # fmt: skip


def _server_without_users(t: Any, opener: Any) -> Any:
    """A server database nobody signs in to (no users yet, or none readable): open as it is; else None."""
    from placement_desk.services import users

    db = opener(t.url, None)
    try:
        protected = users.has_users(db)
    except Exception:
        protected = False
    if not protected:
        return db
    db.dispose()
    return None


def _plain_file_without_users(t: Any, user: str | None, migrate: bool) -> Any:
    """A plain embedded file: refused when its key file is missing; without users it gets its first
    administrator (None: it has users, sign in)."""
    from placement_desk.db.opening import open_migrated as open_database
    from placement_desk.db.sqlite_files import is_encrypted
    from placement_desk.services import signin

    assert t.path is not None
    if t.file_exists and is_encrypted(t.path):
        raise SignInRefused(
            f"the database is encrypted but its key file {t.keys} is missing: put it back (a copy lies "
            "next to each backup), or restore a backup with 'placement-desk restore FILE'"
        )
    if not signin.needs_setup(t, lambda u, k: open_database(u, key=k)):
        return None
    if not migrate:  # backup: nothing to back up, or a file nobody has signed in to yet
        raise SignInRefused(NO_ADMIN if t.file_exists else f"there is no database at {t.path}")
    return _first_admin(t, user, lambda u, k: open_database(u, key=k))
