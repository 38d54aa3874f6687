"""The engine factory: the embedded SQLite file by default, or any SQLAlchemy URL (PostgreSQL)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

# Where the database is and what kind it is: db.place (no SQLAlchemy, so the sign-in window needs none).
from placement_desk.db.place import APP_NAME as APP_NAME
from placement_desk.db.place import ENV_DB as ENV_DB
from placement_desk.db.place import data_dir as data_dir
from placement_desk.db.place import default_database_path as default_database_path
from placement_desk.db.place import resolve_url as resolve_url
from placement_desk.db.place import sqlite_path as sqlite_path
from placement_desk.db.private import private_dir
from placement_desk.domain.errors import ConflictError, DatabaseDamaged
from placement_desk.domain.roles import Principal

SESSION_DATABASE = "database"  # session.info: the Database the session belongs to
AUDIT_HEAD = "audit_head"  # session.info: the audit log's head after this transaction (kept after commit)
COMMITTED = "committed"  # session.info: what the transaction changed (services.changes), for on_commit


# Every connection of the app to an SQLite file (the benchmark's raw yardsticks use the same).
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",  # deleted content is zeroed, not left in free space (erasure)
    "PRAGMA cache_size=-65536",  # 64 MiB of page cache (the default 8 MiB held less than the dashboard's weeks)
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, key: bytes | None = None, path: Path | None = None) -> None:
    if key is not None:
        # SQLCipher: the key before anything reads the file (then temp_store=MEMORY and a check that
        # the key opens it: sqlite_files.WrongKey at the first connection, not "file is not a database").
        from placement_desk.db.sqlite_files import unlock_connection

        unlock_connection(dbapi_connection, key, path)
    # Let SQLAlchemy, not the driver, issue BEGIN so transactions span everything we do.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    for pragma in CONNECTION_PRAGMAS:
        cur.execute(pragma)
    cur.close()
    # Case-insensitive search that knows Danish letters (SQLite's lower() folds only A-Z).
    dbapi_connection.create_function("pd_fold", 1, _fold, deterministic=True)


def _fold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _keyed_pragmas(key: bytes, path: Path | None) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, record, key, path)

    return on_connect


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """The engine of ``url``; ``key`` (32 bytes) opens an embedded database encrypted with SQLCipher.

    ``hide_parameters``: an error's message (shown, logged) never carries the values of its statement -
    names, CPR numbers, absence reasons and notes stay in the database.
    """
    if key is not None and make_url(url).get_backend_name() == "sqlite":
        from sqlcipher3 import dbapi2 as sqlcipher  # only for an encrypted database: start-up time matters

        engine = create_engine(url, future=True, module=sqlcipher, hide_parameters=True)
    else:
        engine = create_engine(url, future=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        path = sqlite_path(url)
        if path is not None and not path.parent.is_dir():
            private_dir(path.parent)
        if key is None:
            event.listen(engine, "connect", _sqlite_pragmas)
        else:  # insert=True: the key before SQLAlchemy's own first-connect queries, which read the file
            event.listen(engine, "connect", _keyed_pragmas(key, path), insert=True)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """An engine and its session factory. ``transaction()`` is the one way services write."""

    def __init__(self, url: str, key: bytes | None = None) -> None:
        self.url = url
        self.key = key  # the SQLCipher key of an encrypted embedded database (None: not encrypted)
        # called after each commit with what it changed (services.changes.Changes), e.g. to refresh a window
        self.on_commit: list[Callable[[object], None]] = []
        # The signed-in user (services.access); None is the in-process system actor.
        self.principal: Principal | None = None
        # Set when the integrity check fails: every write is refused with this reason (DatabaseDamaged).
        self.write_refusal: str | None = None
        self.engine = make_engine(url, key)
        # Every session knows its Database (the audit chain's key; SESSION_DATABASE).
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info={SESSION_DATABASE: self})

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        A row that someone else saved between our read and our write (the version column no longer
        matches, e.g. two team members on one PostgreSQL server) is a ConflictError, never a silent
        overwrite.
        """
        if self.write_refusal is not None:
            raise DatabaseDamaged(self.write_refusal)
        try:
            with self._sessions() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                "The record was changed by someone else while you were saving; nothing of yours was saved. "
                "Reload it and make your change again."
            ) from exc
        head = session.info.pop(AUDIT_HEAD, None)
        if head is not None:
            self._keep_audit_head(head)
        committed = session.info.pop(COMMITTED, None)
        if committed is not None:
            for hook in list(self.on_commit):
                hook(committed)

    def _keep_audit_head(self, head: dict[str, Any]) -> None:
        """After a commit that wrote audit entries: their head into the key file (services.audit_chain).
        The commit stands whatever happens here; a key file that cannot be written is logged."""
        path = sqlite_path(self.url)
        if self.key is None or path is None:
            return
        from placement_desk.db.keystore import KeyStore, KeyStoreError

        keys = KeyStore.path_for(path)
        if not keys.exists():
            return
        try:
            KeyStore.load(keys).set_audit_head(head)
        except KeyStoreError as exc:
            logging.getLogger(__name__).warning("the audit log's head was not written to the key file: %s", exc)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @property
    def description(self) -> str:
        """A human-readable name of the database (no password)."""
        path = sqlite_path(self.url)
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
