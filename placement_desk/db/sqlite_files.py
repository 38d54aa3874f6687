"""Whole-file operations on a SQLite database: consistent copies, checks, row counts, copying back.

Everything opens the file through :func:`connect`, the one place that knows how to open a database
file directly (an encryption key would be given there).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A plain connection in autocommit mode (transactions are explicit); ``readonly`` never writes."""
    if readonly:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    return sqlite3.connect(path, isolation_level=None)


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


def revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision (Alembic) the file is at; None if it has none."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
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


def snapshot_copy(source: Path, target: Path) -> dict[str, int]:
    """Copy ``source`` into the new file ``target`` with the online backup API (WAL included, while others
    keep working) and return the row counts of exactly the copied snapshot. The copy is a single file
    (rollback journal mode) and is on disk when this returns."""
    if target.exists():
        target.unlink()
    src = connect(source)  # read-write: a WAL database may need its -shm file created to be read
    try:
        src.execute("PRAGMA busy_timeout=5000")
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        counts = table_counts(src)
        dst = connect(target)
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


def copy_into(source: Path, target: Path) -> None:
    """Replace the whole content of the database ``target`` with ``source`` in one transaction (the
    online backup API in reverse): other connections see the old or the new database, never a mix."""
    src = connect(source, readonly=True)
    try:
        dst = connect(target)
        try:
            dst.execute("PRAGMA busy_timeout=5000")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
