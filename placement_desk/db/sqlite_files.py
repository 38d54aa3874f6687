"""Whole-file operations on a SQLite database: consistent copies, checks, row counts, copying back.

Everything opens the file through :func:`connect`, the one place that knows how to open a database
file directly. With an encryption key the file is opened with SQLCipher (``sqlcipher3``, imported only
then): ``PRAGMA key`` comes first, then ``PRAGMA temp_store=MEMORY`` (SQLite never writes plaintext
temporary files), then the key is checked by reading the schema. A key that does not open the file
raises :class:`WrongKey`.

SQLCipher's exceptions are its own classes, not :mod:`sqlite3`'s: catch :func:`errors` (``except
errors("OperationalError")``) where either kind of connection may fail.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\0"
KEY_BYTES = 32


class WrongKey(Exception):
    """The encryption key does not open the database file: a wrong key, a file that is not encrypted,
    or a file too damaged to decrypt. Distinct from ``keystore.WrongPassword`` (a password that does not
    unwrap the key); the message says what to do."""


class StorageProblem(Exception):
    """The database file could not be read or written for a reason that is not the key: a full disk, an
    I/O error, a read-only or locked file. The message says so; the password was right."""


# What a key that does not fit (or a file that is no database) looks like; anything else is the disk's.
_NOT_THE_KEY = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


def errors(name: str = "Error") -> tuple[type[Exception], ...]:
    """The exception class ``name`` (``Error``, ``DatabaseError``, ``OperationalError`` ...) of
    :mod:`sqlite3` and, once SQLCipher is loaded, of ``sqlcipher3.dbapi2`` too."""
    found: list[type[Exception]] = [getattr(sqlite3, name)]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        found.append(getattr(cipher, name))
    return tuple(found)


def sqlcipher() -> Any:
    """The SQLCipher DB-API module (``sqlcipher3.dbapi2``), imported when first needed."""
    from sqlcipher3 import dbapi2

    return dbapi2


def is_encrypted(path: Path) -> bool:
    """True when ``path`` is not a plain SQLite file (its first 16 bytes are not SQLite's header): an
    encrypted database. A missing or empty file is not encrypted."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def unlock_connection(conn: Any, key: bytes, path: Path | None = None) -> None:
    """Key a fresh SQLCipher connection (before anything else touches the file), keep temporary data in
    memory, and check the key by reading the schema. Raises WrongKey when the key does not fit."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"an encryption key has {KEY_BYTES} bytes, not {len(key)}")
    cur = conn.cursor()
    try:
        # Errors come back as exceptions; SQLCipher's own log would only repeat them on stderr.
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        cur.execute("PRAGMA temp_store=MEMORY")
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except errors("DatabaseError") as exc:
            where = f" {path}" if path is not None else ""
            code = str(getattr(exc, "sqlite_errorname", "") or "")
            if code and code not in _NOT_THE_KEY:
                raise StorageProblem(
                    f"The database file{where} cannot be read or written ({exc}): the disk may be full or "
                    "the file locked or read-only. Free some space (or close other programs) and try again."
                ) from None
            if path is not None and path.exists() and not is_encrypted(path):
                raise WrongKey(
                    f"The database file{where} is not encrypted (it is a plain SQLite file), so a key cannot "
                    "open it; open it without a key, or encrypt it first."
                ) from None
            raise WrongKey(
                f"The encryption key does not open the database file{where}: the key is wrong, or the file "
                f"is not a Placement Desk database or is damaged ({exc})."
            ) from None
    finally:
        cur.close()


def connect(path: Path, readonly: bool = False, key: bytes | None = None) -> sqlite3.Connection:
    """A plain connection in autocommit mode (transactions are explicit); ``readonly`` never writes.

    With ``key`` (32 bytes) an SQLCipher connection (the same DB-API interface, typed as sqlite3's),
    keyed and checked: WrongKey when the key does not open the file.
    """
    module: Any = sqlite3 if key is None else sqlcipher()
    if readonly:
        conn = module.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = module.connect(path, isolation_level=None)
    if key is not None:
        try:
            unlock_connection(conn, key, path)
        except BaseException:
            conn.close()
            raise
    return conn  # type: ignore[no-any-return]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The number of rows of every table (SQLite's own tables left out)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name"
        )
    ]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or the faster ``quick_check``) reports; empty when all is well."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def cipher_problems(conn: sqlite3.Connection) -> list[str]:
    """What SQLCipher's ``PRAGMA cipher_integrity_check`` reports (pages whose authentication code does
    not match: tampering or damage); empty when all is well, and always for a plain SQLite file."""
    return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]


def revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision (Alembic) the file is at; None if it has none."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except errors("OperationalError"):
        return None
    return None if row is None else str(row[0])


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)


def snapshot_copy(source: Path, target: Path, key: bytes | None = None) -> dict[str, int]:
    """Copy ``source`` into the new file ``target`` with the online backup API (WAL included, while others
    keep working) and return the row counts of exactly the copied snapshot. The copy is a single file
    (rollback journal mode) and is on disk when this returns. With ``key`` the source is opened with it
    and the copy is encrypted with the same key."""
    if target.exists():
        target.unlink()
    src = connect(source, key=key)  # read-write: a WAL database may need its -shm file created to be read
    try:
        src.execute("PRAGMA busy_timeout=5000")
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        counts = table_counts(src)
        dst = connect(target, key=key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    fsync_file(target)
    return counts


def copy_into(source: Path, target: Path, key: bytes | None = None) -> None:
    """Replace the whole content of the database ``target`` with ``source`` in one transaction (the
    online backup API in reverse): other connections see the old or the new database, never a mix.
    With ``key`` both files are encrypted with it (WrongKey when it does not open either)."""
    src = connect(source, readonly=True, key=key)
    try:
        dst = connect(target, key=key)
        try:
            dst.execute("PRAGMA busy_timeout=5000")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
