"""Opening the database as a user: first-start setup, sign-in, recovery. Used by the app and the CLI.

Three kinds of database:

- the **encrypted embedded database** (a SQLite file with ``<file>.keys`` beside it): the key file
  checks the password by unwrapping the database key (:mod:`placement_desk.db.keystore`) and counts
  failures; the failures it kept while the database was locked go into the audit log at the next
  sign-in;
- a **plain SQLite file** (from before encryption, or one a test or script made): users, if it has any,
  sign in against their Argon2 hashes; setup converts it to an encrypted database (backup first);
- a **PostgreSQL server** (teams): with a URL naming only host and database, each person signs in to
  the server with their own login and password (:mod:`placement_desk.db.team`: the server checks the
  password and enforces the role); a URL that names its user signs in against the users' hashes.

A database without users (a new one, or one made by the command line) needs the first administrator:
:func:`setup`. The command line works on such a database as the system actor, as before users existed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from placement_desk.db import keystore, sqlite_files, team
from placement_desk.db.engine import Database, sqlite_path
from placement_desk.db.keystore import (
    FAST_KDF,
    KdfParams,
    KeyFileNotWritten,
    KeyStore,
    KeyStoreError,
    LockedOut,
    WrongPassword,
)
from placement_desk.db.place import Target, needs_setup_known, target
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, audit, audit_chain, users

__all__ = ["FAST_KDF", "Opened", "SignInFailed", "Target", "needs_setup", "recover", "setup", "sign_in", "target"]

Opener = Callable[[str, bytes | None], Database]  # (url, key) -> a migrated database (db.opening)


class SignInFailed(Exception):
    """A sign-in that did not work; ``kind`` is "wrong", "locked", "inactive", "keyfile", "disk" (the
    disk is full or the file cannot be written: the password was not even tried, or was right),
    "missing" (the encrypted database file is gone: restore a backup), "setup" (nobody can sign in
    yet: create the first administrator), "plain" (a plain database that only an administrator's
    sign-in encrypts) or "upgrade" (a team database behind this program: its owner runs setup).
    ``code`` tells a "wrong" apart where the UI words it differently ("no_user": no such active user)."""

    def __init__(
        self, kind: str, message: str, locked_until: datetime | None = None, *, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.locked_until = locked_until
        self.code = code


@dataclass
class Opened:
    """A database opened for a signed-in user (``db.principal``); ``recovery_code`` only right after setup."""

    db: Database
    principal: Principal
    recovery_code: str | None = None
    safety_copy: Path | None = None  # the encrypted copy taken before converting a plain file
    new_passwords: list[str] | None = None  # users who need a new password after a conversion at sign-in


def _default_opener(url: str, key: bytes | None) -> Database:
    from placement_desk.db.opening import open_migrated

    return open_migrated(url, key=key)


def needs_setup(t: Target, opener: Opener = _default_opener) -> bool:
    """True when nobody can sign in yet: no key file and no users (db.place tells from the files alone
    when it can; a plain file or a server URL naming its user is opened and its users counted)."""
    known = needs_setup_known(t)
    if known is not None:
        return known
    db = opener(t.url, None)
    try:
        return not users.has_users(db)
    finally:
        db.dispose()


def setup(
    t: Target,
    username: str,
    display_name: str,
    password: str,
    *,
    encrypt: bool = True,
    kdf: KdfParams | None = None,
    opener: Opener = _default_opener,
) -> Opened:
    """The first administrator. An embedded database is encrypted (a plain file converted in place, an
    encrypted copy of it kept first); returns the database signed in and the recovery code to show once."""
    users.check_password_rules(password)
    if not username.strip() or not display_name.strip():
        from placement_desk.domain.errors import ValidationError

        raise ValidationError("username" if not username.strip() else "display_name", code="required")
    key: bytes | None = None
    code: str | None = None
    safety: Path | None = None
    if encrypt and t.path is not None:
        if t.encrypted:
            raise SignInFailed("keyfile", "This database is set up already; sign in instead.")
        assert t.keys is not None
        if t.file_exists:  # bring a plain file to the newest schema before converting it
            opener(t.url, None).dispose()
        store, key, code = KeyStore.create(t.keys, username.strip(), password, kdf or keystore.DEFAULT_KDF)
        del store
        try:
            if t.file_exists:
                from placement_desk.services.encryption import encrypt_in_place

                safety = encrypt_in_place(t.path, key)
        except BaseException:
            t.keys.unlink(missing_ok=True)
            raise
    db = opener(t.url, key)
    try:
        audit_chain.seal(db)  # a converted file's log is sealed with the key before anything is added
        who = users.create_user(db, username, display_name, Role.ADMINISTRATOR, password)
        access.set_principal(db, who)
        audit.log(db, audit.LOGIN)
    except BaseException:
        db.dispose()
        raise
    return Opened(db, who, code, safety)


MISSING = (
    "The database file {path} is missing or empty, but its key file is there. Restore the newest backup "
    "(placement-desk restore FILE, with an administrator's password or the recovery code); nothing was created."
)


def _open_keyed(opener: Opener, url: str, key: bytes) -> Database:
    """The encrypted database opened with its key; a full disk or an unwritable file is "disk", not a
    wrong key."""
    try:
        return opener(url, key)
    except sqlite_files.StorageProblem as exc:
        raise SignInFailed("disk", str(exc)) from None
    except DBAPIError as exc:
        if isinstance(exc.orig, (sqlite_files.StorageProblem, *sqlite_files.errors("OperationalError"))):
            raise SignInFailed("disk", str(exc.orig)) from None
        raise


def _flush_pending(db: Database, store: KeyStore) -> None:
    events = store.pending_events()
    if not events:
        return
    with db.transaction() as s:
        for e in events:
            at = datetime.fromisoformat(e["at"].replace("Z", "+00:00"))
            audit.append(s, e.get("username", "?"), e.get("action", audit.FAILED_LOGIN)[:30], at=at)
    store.clear_pending_events()


def sign_in(t: Target, username: str, password: str, opener: Opener = _default_opener,
            now: datetime | None = None) -> Opened:
    """Open the database as ``username``; SignInFailed with a plain message otherwise. Never creates a
    database file: a missing one is "setup" (no key file) or "missing" (its key file is there)."""
    if t.path is not None and not t.file_exists:
        if t.encrypted:
            raise SignInFailed("missing", MISSING.format(path=t.path))
        raise SignInFailed("setup", "There is no database yet: create the first administrator.")
    if t.per_person:
        return _sign_in_to_server(t, username, password, opener)
    if t.encrypted:
        db, who = _sign_in_encrypted(t, username, password, opener, now)
    else:
        db, who = _sign_in_plain(t, username, password, opener, now)
        if t.path is not None:  # a plain embedded file with users: encrypted now, as setup does
            return _encrypt_at_sign_in(t, db, who, password, opener)
    audit.prune(db)
    return Opened(db, who)


def _sign_in_encrypted(
    t: Target, username: str, password: str, opener: Opener, now: datetime | None
) -> tuple[Database, Principal]:
    """The key file unlocks the database for the user's password; the sign-in is logged in it."""
    try:
        store = t.store()
        key = store.unlock(username, password, now)
    except LockedOut as exc:
        raise SignInFailed("locked", str(exc), exc.until) from None
    except WrongPassword as exc:
        raise SignInFailed("wrong", str(exc), store.locked_until(username, now)) from None
    except KeyFileNotWritten as exc:
        raise SignInFailed("disk", str(exc)) from None
    except KeyStoreError as exc:
        raise SignInFailed("keyfile", str(exc)) from None
    db = _open_keyed(opener, t.url, key)
    try:
        audit_chain.seal(db)
        _flush_pending(db, store)
        try:
            who = users.principal_for(db, username)
        except users.SignInError:
            audit.log(db, audit.FAILED_LOGIN, username=username, details={"reason": "inactive"})
            raise SignInFailed("inactive", "This user is no longer active; ask an administrator.") from None
        access.set_principal(db, who)
        audit.log(db, audit.LOGIN)
    except BaseException:
        db.dispose()
        raise
    return db, who


def _sign_in_plain(
    t: Target, username: str, password: str, opener: Opener, now: datetime | None
) -> tuple[Database, Principal]:
    """A database without a key file: the password is checked against its users table."""
    if t.path is not None and t.file_exists and sqlite_files.is_encrypted(t.path):
        raise SignInFailed(
            "keyfile",
            f"The database is encrypted but its key file {t.keys} is missing. Restore the key file "
            "(a copy lies next to each backup) and try again.",
        )
    db = opener(t.url, None)
    try:
        who = users.authenticate(db, username, password, now)
    except users.SignInError as exc:
        db.dispose()
        kind = "locked" if exc.locked_until is not None and "locked" in str(exc) else "wrong"
        raise SignInFailed(kind, str(exc), exc.locked_until) from None
    access.set_principal(db, who)
    return db, who


NOT_ENCRYPTED = (
    "This database is not encrypted yet. An administrator signs in once to encrypt it; after that you can "
    "sign in as before."
)


def _encrypt_at_sign_in(t: Target, db: Database, who: Principal, password: str, opener: Opener) -> Opened:
    """A plain embedded database met at sign-in is converted like a user-less one at setup: the signed-in
    administrator's password wraps the new key (the recovery code is shown once), an encrypted copy is
    kept first. Only an administrator may do it: the others' passwords cannot unlock a key file they have
    no entry in, so ``Opened.new_passwords`` names the users who need a new password from the administrator."""
    assert t.path is not None and t.keys is not None
    if who.role is not Role.ADMINISTRATOR:
        db.dispose()
        raise SignInFailed("plain", NOT_ENCRYPTED)
    others = [u.username for u in users.list_users(db) if u.active and u.username != who.username]
    db.dispose()
    _store, key, code = KeyStore.create(t.keys, who.username, password, keystore.DEFAULT_KDF)
    try:
        from placement_desk.services.encryption import encrypt_in_place

        safety = encrypt_in_place(t.path, key)
    except BaseException:
        t.keys.unlink(missing_ok=True)
        raise
    db = _open_keyed(opener, t.url, key)
    try:
        audit_chain.seal(db)
        access.set_principal(db, who)
        audit.log(db, audit.LOGIN, details={"encrypted": "the plain database was encrypted at sign-in"})
    except BaseException:
        db.dispose()
        raise
    return Opened(db, who, code, safety, new_passwords=others)


_REFUSED = ("password authentication failed", "is not permitted to log in", "does not exist", "no password supplied")


def _sign_in_to_server(t: Target, username: str, password: str, opener: Opener) -> Opened:
    """The person's own login: the server checks the password (and refuses a disabled login)."""
    if not username.strip() or not password:
        raise SignInFailed("wrong", users.WRONG)
    try:
        db = opener(team.login_url(t.url, username.strip(), password), None)
    except DBAPIError as exc:
        if any(phrase in str(exc.orig) for phrase in _REFUSED):
            raise SignInFailed("wrong", users.WRONG) from None
        raise
    except team.UpgradeNeeded as exc:  # the password was right; only the owner migrates the schema
        raise SignInFailed("upgrade", str(exc)) from None
    try:
        try:
            who = users.principal_for(db, username.strip())
        except users.SignInError:
            raise SignInFailed("inactive", "This user is no longer active; ask an administrator.") from None
        access.set_principal(db, who)
        audit.log(db, audit.LOGIN)
        with db.transaction() as s:
            team.prune(s)  # the retention rule, run as the owner by the server
    except BaseException:
        db.dispose()
        raise
    return Opened(db, who)


def _server_accepts(db: Database, username: str, password: str) -> bool:
    from sqlalchemy import create_engine

    engine = create_engine(team.login_url(db.url, username, password))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT session_user")).scalar() == username
    except DBAPIError:
        return False
    finally:
        engine.dispose()


def recover(t: Target, code: str, username: str, new_password: str, opener: Opener = _default_opener) -> Opened:
    """A forgotten password or a lock-out: the recovery code unlocks the key, the user gets a new
    password (which lifts the lock)."""
    if not t.encrypted:
        raise SignInFailed("keyfile", "Only an encrypted database has a recovery code; ask an administrator.")
    if not t.file_exists:
        raise SignInFailed("missing", MISSING.format(path=t.path))
    users.check_password_rules(new_password)
    try:
        store = t.store()
        key = store.unlock_with_recovery(code)
    except WrongPassword as exc:
        raise SignInFailed("wrong", str(exc)) from None
    except KeyFileNotWritten as exc:
        raise SignInFailed("disk", str(exc)) from None
    except KeyStoreError as exc:
        raise SignInFailed("keyfile", str(exc)) from None
    db = _open_keyed(opener, t.url, key)
    try:
        audit_chain.seal(db)
        _flush_pending(db, store)
        who = users.principal_for(db, username)  # SignInError for an unknown user
        users.set_password(db, username, new_password)  # as the system actor: the recovery code is the proof
        access.set_principal(db, who)
        audit.log(db, audit.LOGIN, details={"via": "recovery code"})
    except users.SignInError:
        db.dispose()
        raise SignInFailed("wrong", f"There is no active user {username!r}.", code="no_user") from None
    except BaseException:
        db.dispose()
        raise
    return Opened(db, who)


def check_password(db: Database, password: str) -> bool:
    """The signed-in user's own password (unlocking an idle-locked window). SignInFailed("disk") when the
    key file cannot be written (a full disk): the password was not tried, so it is not called wrong."""
    who = access.principal(db)
    if who is None:
        return True
    path = sqlite_path(db.url)
    if db.key is not None and path is not None:
        try:
            return KeyStore.load(KeyStore.path_for(path)).unlock(who.username, password) == db.key
        except KeyFileNotWritten as exc:
            raise SignInFailed("disk", str(exc)) from None
        except KeyStoreError:
            return False
    if target(db.url).is_server and team.is_postgres(db.url) and team.engine_is_team(db.engine):
        return _server_accepts(db, who.username, password)
    return users.verify_password(db, who.username, password)
