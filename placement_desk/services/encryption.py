"""Turning a plain embedded database into an encrypted one (SQLCipher), leaving no plaintext copy.

:func:`encrypt_in_place` converts the database file: the plain file is switched out of WAL mode (its
``-wal`` is checkpointed into it and removed), exported with ``sqlcipher_export`` into a new encrypted
file beside it, which is checked (it opens with the key, SQLite's and SQLCipher's integrity checks,
the row count of every table), an encrypted safety copy goes into the backups folder, and only then
the new file replaces the old one with an atomic rename. The old file's bytes are overwritten with
zeros before it is unlinked. Any failure before the rename leaves the original database as it was
(its content; its journal mode may have changed from WAL to DELETE, which the app sets back).

The plain copies the app made earlier (backups in the backups folder, ``<name>.before-*`` copies taken
before migrations and restores) are encrypted the same way afterwards (:func:`plaintext_copies`).

Overwriting with zeros is a best effort: SSDs, copy-on-write and journaling file systems may keep old
blocks. Full-disk encryption (BitLocker, FileVault, LUKS) covers that; this module makes sure no
plaintext file is *left* where the app or a person would find it. Close every other connection to the
database first.
"""

from __future__ import annotations

import logging
import os
import secrets
from contextlib import closing
from datetime import datetime
from pathlib import Path

from placement_desk.db import sqlite_files as files
from placement_desk.db.keystore import KeyStore
from placement_desk.services import backup

log = logging.getLogger(__name__)


class EncryptionError(Exception):
    """The database could not be encrypted; the original is unchanged. The message says why."""


def encrypt_in_place(db_path: Path, key: bytes, backup_folder: Path | None = None, now: datetime | None = None) -> Path:
    """Encrypt the plain SQLite database ``db_path`` with ``key`` (32 bytes); returns the encrypted
    safety copy kept in ``backup_folder`` (by default ``backups`` beside the database, named like the
    other backups, with the key file ``<database>.keys`` copied beside it when there is one).

    Raises EncryptionError (the original untouched) when the file is missing, already encrypted, in use
    or cannot be converted.
    """
    if len(key) != files.KEY_BYTES:
        raise ValueError(f"an encryption key has {files.KEY_BYTES} bytes, not {len(key)}")
    if not db_path.is_file():
        raise EncryptionError(f"there is no database file at {db_path}")
    if files.is_encrypted(db_path):
        raise EncryptionError(f"{db_path} is already encrypted (or is not a SQLite database)")
    folder = backup_folder if backup_folder is not None else db_path.parent / "backups"
    tmp = db_path.with_name(f".{db_path.name}.encrypting")
    try:
        _leave_wal_mode(db_path)
        counts = _export(db_path, tmp, key)
        safety = backup.backup_file(tmp, folder, stem=db_path.stem, now=now, key=key,
                                    keys=KeyStore.path_for(db_path))  # fmt: skip
        if safety.tables != counts:  # pragma: no cover - the snapshot of a file nobody else writes
            raise EncryptionError("the safety copy does not hold the rows of the database")
    except backup.BackupError as exc:
        _remove(tmp)
        raise EncryptionError(f"the encrypted safety copy could not be made: {exc}") from exc
    except BaseException:
        _remove(tmp)
        raise
    _swap(tmp, db_path)
    for leftover in plaintext_copies(db_path, folder):
        try:
            _encrypt_copy(leftover, key)
        except (EncryptionError, OSError) + files.errors() as exc:
            log.warning("could not encrypt the plain copy %s: %s", leftover, exc)
    return safety.path


def plaintext_copies(db_path: Path, backup_folder: Path | None = None) -> list[Path]:
    """The plain (unencrypted) copies of the database the app made: its backups in the backups folder
    and the ``<name>.before-*`` copies beside it."""
    folder = backup_folder if backup_folder is not None else db_path.parent / "backups"
    candidates = [b.path for b in backup.list_backups(folder, db_path.stem)]
    candidates += sorted(db_path.parent.glob(f"{db_path.stem}.before-*{db_path.suffix}"))
    return [path for path in candidates if path.is_file() and path.stat().st_size > 0 and not files.is_encrypted(path)]


# ---- steps ---------------------------------------------------------------------------------------


def _leave_wal_mode(path: Path) -> None:
    """Checkpoint the WAL into the file and switch to a rollback journal: one self-contained file, no
    plain ``-wal`` left behind. Needs the database to be free (other windows closed)."""
    try:
        with closing(files.connect(path)) as conn:
            conn.execute("PRAGMA busy_timeout=5000")
            mode = str(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
    except files.errors() as exc:
        raise EncryptionError(f"{path} cannot be read as a database ({exc})") from exc
    if mode != "delete":
        raise EncryptionError("the database is in use: close other Placement Desk windows and try again")


def _export(plain: Path, target: Path, key: bytes) -> dict[str, int]:
    """Write the encrypted copy ``target`` of ``plain`` (one consistent snapshot) and check it: the key
    opens it, it is intact and every table holds the same number of rows. Returns the row counts."""
    _remove(target)
    cipher = files.sqlcipher()
    try:
        conn = cipher.connect(str(plain), isolation_level=None)  # no key: SQLCipher reads plain files
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(target),))
            conn.execute("BEGIN IMMEDIATE")  # nobody writes between the counts and the export
            counts = files.table_counts(conn)
            user_version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute("SELECT sqlcipher_export('enc')")
            conn.execute(f"PRAGMA enc.user_version = {user_version}")
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE enc")
        finally:
            conn.close()
        with closing(files.connect(target, key=key)) as enc:
            bad = files.problems(enc) + files.cipher_problems(enc)
            copied = files.table_counts(enc)
    except (files.WrongKey,) + files.errors() as exc:
        raise EncryptionError(f"the encrypted copy could not be written ({exc}); the database is unchanged") from exc
    if bad:
        raise EncryptionError(f"the encrypted copy is damaged ({'; '.join(bad[:3])}); the database is unchanged")
    if copied != counts:
        differ = sorted(t for t in set(counts) | set(copied) if counts.get(t) != copied.get(t))
        raise EncryptionError(f"the encrypted copy lacks rows (tables: {', '.join(differ)}); the database is unchanged")
    if not files.is_encrypted(target):  # pragma: no cover - SQLCipher always encrypts with a key
        raise EncryptionError("the copy was written without encryption; the database is unchanged")
    files.fsync_file(target)
    return counts


def _swap(encrypted: Path, path: Path) -> None:
    """Rename ``encrypted`` over ``path`` (atomic), then wipe the plain bytes that ``path`` held."""
    link = path.with_name(f".{path.name}.{secrets.token_hex(4)}.plain")
    doomed: Path | None = link
    try:
        os.link(path, link)  # a second name for the old bytes, to overwrite them after the rename
    except OSError:  # pragma: no cover - file systems without hard links
        doomed = None
    os.replace(encrypted, path)
    files.fsync_dir(path.parent)
    if doomed is not None:
        _shred(doomed)
    for extra in ("-wal", "-shm", "-journal"):
        _shred(path.with_name(path.name + extra))


def _encrypt_copy(plain: Path, key: bytes) -> None:
    """Encrypt one plain copy (a backup, a before-migration copy) in place, its manifest updated."""
    tmp = plain.with_name(f".{plain.name}.encrypting")
    try:
        _leave_wal_mode(plain)
        _export(plain, tmp, key)
    except BaseException:
        _remove(tmp)
        raise
    _swap(tmp, plain)
    backup.refresh_manifest(plain)


def _shred(path: Path) -> None:
    """Overwrite the file's bytes with zeros (on disk), then unlink it; nothing if it is not there."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with path.open("r+b") as f:
            chunk = b"\0" * (1 << 20)
            left = size
            while left > 0:
                left -= f.write(chunk[: min(left, len(chunk))])
            f.flush()
            os.fsync(f.fileno())
    finally:
        path.unlink(missing_ok=True)
    files.fsync_dir(path.parent)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
