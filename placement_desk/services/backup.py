"""Backups of the embedded database: make (online, while the app works), verify, list, rotate, restore,
and the quick integrity check at start-up.

A backup is a SQLite file ``<db name>-backup-<UTC time>.db`` in a folder (by default ``backups`` next to
the database) with a small manifest beside it (``.json``: schema revision, SHA-256 of the file, row
count of every table as the source had them). Verification opens the backup, runs SQLite's integrity
check and compares checksum and row counts with the manifest. A PostgreSQL server is backed up by its
administrator with ``pg_dump``; these functions refuse it with that advice.

The backups of an encrypted database (``Database.key``) are encrypted with the same key, and the key
file (``<database>.keys``, see :mod:`placement_desk.db.keystore`) is copied beside each backup as
``<backup name>.keys``, so a backup opens with a user's password or the recovery code even when the
live key file is lost. Checking an encrypted backup needs the key (``verify_backup(path, key=...)``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database, sqlite_path
from placement_desk.db.keystore import KeyStore, KeyStoreError, copy_key_file
from placement_desk.db.private import private_dir, write_private
from placement_desk.domain.errors import MESSAGES, CodedError
from placement_desk.services.audit_chain import head_of

DEFAULT_KEEP = 14
MANIFEST_FORMAT = "placement-desk/backup"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"(?P<stem>.+)-backup-(?P<stamp>[0-9]{8}T[0-9]{12}Z)\.db")
PG_ADVICE = MESSAGES["backup_postgres"]


class BackupError(CodedError):
    """A backup or restore that cannot be done or a backup that fails verification; says why and what to do.

    Raised with a message code (``domain.errors.MESSAGES``): the command line prints the English text, the
    UI the code's text in its language."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC
    size: int
    revision: str | None = None
    tables: dict[str, int] = field(default_factory=dict)  # rows per table when the backup was made
    verified: bool = False  # checksum, integrity and row counts checked just now
    encrypted: bool = False  # an SQLCipher file: opened only with the database key
    audit: dict[str, Any] | None = None  # the head of its audit log (services.audit_chain)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None  # the database as it was just before the restore


def database_file(db: Database) -> Path:
    path = sqlite_path(db.url)
    if path is None:
        raise BackupError(code="backup_postgres")
    return path


def default_folder(db: Database) -> Path:
    """``backups`` next to the database file (in the user data directory for the embedded database)."""
    return database_file(db).parent / "backups"


def integrity_problems(db: Database, full: bool = False) -> list[str]:
    """What SQLite's integrity check finds (``quick_check`` unless ``full``); empty when all is well.

    A file that is not a database at all (or that the key of an encrypted database does not open) is a
    problem too; ``full`` also checks every encrypted page's authentication code. PostgreSQL checks
    itself: always empty.
    """
    if sqlite_path(db.url) is None:
        return []
    try:
        with db.engine.connect() as conn:
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
            if full and _key(db) is not None:
                rows += [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
    except DBAPIError as exc:
        return [str(exc.orig)]
    except files.WrongKey as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def integrity_ok(db: Database) -> bool:
    """The quick check at start-up: False means do not write; offer the latest good backup instead."""
    return not integrity_problems(db)


# ---- make, list, rotate --------------------------------------------------------------------------


def make_backup(db: Database, folder: Path | None = None, keep: int = DEFAULT_KEEP,
                now: datetime | None = None) -> BackupInfo:
    """A verified backup of the database in ``folder``; then only the ``keep`` newest backups are kept.

    Administrators only: a backup is the whole database, and its key file opens it with any user's
    password - no other role may carry it away (the daily backup into the backups folder beside the
    database is made for everyone, :func:`backup_if_due`). The backup is an audit entry.
    """
    from placement_desk.domain.roles import Permission
    from placement_desk.services import access, audit

    access.require_unscoped(db, Permission.ADMIN, "make a backup")
    database_file(db)
    info = _make(db, folder, keep, now)
    audit.log(db, audit.BACKUP, details={"backup": info.path.name, "folder": str(info.path.parent)})
    return info


def _make(db: Database, folder: Path | None, keep: int, now: datetime | None) -> BackupInfo:
    source = database_file(db)
    key = _key(db)
    return backup_file(source, folder or default_folder(db), keep=keep, now=now, key=key,
                       keys=KeyStore.path_for(source) if key is not None else None)  # fmt: skip


def backup_file(source: Path, folder: Path, *, stem: str | None = None, keep: int = DEFAULT_KEEP,
                now: datetime | None = None, key: bytes | None = None, keys: Path | None = None) -> BackupInfo:
    """A verified backup of the database file ``source`` (named after ``stem``, by default the file's)
    in ``folder``, encrypted with ``key`` when given (the source is then opened with it), with a copy of
    the key file ``keys`` beside it when that exists; then only the ``keep`` newest are kept."""
    if keep < 1:
        raise BackupError(code="backup_keep")
    if not source.exists():
        raise BackupError(code="backup_no_database", path=str(source))
    stem = stem or source.stem
    folder = private_dir(folder.expanduser())
    created = (now or datetime.now(UTC)).astimezone(UTC)
    target = folder / f"{stem}-backup-{created.strftime(_STAMP)}.db"
    while target.exists():  # two backups within a microsecond
        created += timedelta(microseconds=1)
        target = folder / f"{stem}-backup-{created.strftime(_STAMP)}.db"
    partial = target.with_name(f".{target.name}.partial")
    keys_copy = _keys_path(target)
    try:
        counts = files.snapshot_copy(source, partial, key=key)
        info = _check_file(partial, {"created": _iso(created), "tables": counts}, key)
        _write_manifest(target, info, created)
        if keys is not None and keys.exists():
            copy_key_file(keys, keys_copy)
        os.replace(partial, target)
        files.fsync_dir(folder)
    except files.errors() + (files.WrongKey, KeyStoreError, OSError) as exc:
        keys_copy.unlink(missing_ok=True)
        raise BackupError(code="backup_failed", folder=str(folder), reason=str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    rotate(folder, stem, keep)
    return BackupInfo(target, created, info.size, info.revision, info.tables, verified=True, encrypted=key is not None)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (of the database named ``stem``, or all), newest first; not verified."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        m = _NAME.fullmatch(path.name)
        if m is None or (stem is not None and m["stem"] != stem) or not path.is_file():
            continue
        manifest = _read_manifest(path)
        created = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(
            BackupInfo(path, created, path.stat().st_size, manifest.get("revision"), dict(manifest.get("tables", {})),
                       encrypted=files.is_encrypted(path))  # fmt: skip
        )
    return sorted(found, key=lambda b: b.created, reverse=True)


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups of ``stem`` (with their manifests and key files);
    returns what went."""
    removed = []
    for old in list_backups(folder, stem)[keep:]:
        old.path.unlink(missing_ok=True)
        _manifest_path(old.path).unlink(missing_ok=True)
        _keys_path(old.path).unlink(missing_ok=True)
        removed.append(old.path)
    for stale in folder.glob(f".{stem}-backup-*.partial"):  # left by a backup that was interrupted
        stale.unlink(missing_ok=True)
    return removed


def backup_if_due(db: Database, folder: Path | None = None, keep: int = DEFAULT_KEEP,
                  now: datetime | None = None) -> BackupInfo | None:
    """The daily automatic backup: makes one unless there is one from today (local time) already.

    Returns the new backup, or None when none was due (or the database is a PostgreSQL server).
    """
    if sqlite_path(db.url) is None:
        return None
    folder = folder or default_folder(db)
    moment = now or datetime.now(UTC)
    existing = list_backups(folder, database_file(db).stem)
    if existing and existing[0].created.astimezone().date() >= moment.astimezone().date():
        return None
    from placement_desk.services import audit

    info = _make(db, folder, keep, moment)
    audit.log(db, audit.BACKUP, details={"backup": info.path.name, "folder": str(info.path.parent), "automatic": True})
    return info


# ---- verify and restore --------------------------------------------------------------------------


def verify_backup(path: Path, key: bytes | None = None, for_restore: bool = False) -> BackupInfo:
    """Open the backup and check it: SQLite integrity, a schema this program knows, and (when the
    manifest is there) the checksum and the row count of every table. An encrypted backup is opened
    with ``key`` (the database key) and its pages' authentication codes are checked too; a plain backup
    is checked as it is, key or not. ``for_restore``: a plain backup must have its manifest's checksum
    (nothing else would notice a changed digit). Raises BackupError saying what is wrong; returns the
    checked backup."""
    path = path.expanduser()
    if not path.is_file():
        raise BackupError(code="backup_not_a_file", path=str(path))
    manifest = _read_manifest(path)
    encrypted = files.is_encrypted(path)
    if for_restore and not encrypted and not manifest.get("sha256"):
        # An encrypted page cannot change unnoticed (SQLCipher authenticates each page); a plain file's
        # changed CPR digit can: without its manifest's checksum nothing would notice.
        raise BackupError(code="backup_no_manifest", name=path.name)
    if manifest.get("sha256") and manifest["sha256"] != _sha256(path):
        raise BackupError(code="backup_checksum", name=path.name)
    info = _check_file(path, manifest, key if encrypted else None)
    return BackupInfo(path, _created(path), info.size, info.revision, info.tables, verified=True, encrypted=encrypted)


def restore_backup(db: Database, backup: Path) -> RestoreResult:
    """Replace the database with a verified backup; a safety copy of the current file is taken first.

    The replacement is one transaction (other connections see the old or the new database) or, when the
    current file is too damaged for that, an atomic rename. Afterwards the database is migrated to this
    program's schema. Close other windows that use the database first.
    """
    from placement_desk.domain.roles import Permission
    from placement_desk.services import access

    access.require_unscoped(db, Permission.ADMIN, "restore a backup")
    target = database_file(db)
    key = _key(db)
    info = verify_backup(backup, key, for_restore=True)
    if backup.expanduser().resolve() == target.resolve():
        raise BackupError(code="backup_is_database")
    if info.encrypted and key is None:
        raise BackupError(code="backup_encrypted_into_plain", name=info.path.name)
    if key is not None and not info.encrypted:
        raise BackupError(code="backup_plain_into_encrypted", name=info.path.name)
    db.dispose()
    safety = _safety_copy(target, key) if target.exists() else None
    try:
        files.copy_into(info.path, target, key=key)
        files.fsync_file(target)
    except files.errors("OperationalError") as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise BackupError(code="backup_in_use") from exc
        _replace_file(info.path, target)  # the current file is not a usable database: swap the whole file
    except files.errors("DatabaseError") + (files.WrongKey,):
        _replace_file(info.path, target)
    db.dispose()
    with closing(files.connect(target, readonly=True, key=key)) as conn:
        bad, counts = files.problems(conn), files.table_counts(conn)
    if bad or (info.tables and counts != info.tables):
        raise restored_differs(bad, safety)
    from placement_desk.db.migrate import upgrade  # Alembic only when needed (start-up imports this module)

    db.write_refusal = None  # the damaged file is gone: the restored one takes writes again
    upgrade(db)
    from placement_desk.services import audit, audit_chain

    audit_chain.reset_head(db)  # the restored (older) log is the log now
    audit.log(db, audit.RESTORE, details={"backup": info.path.name, "rows": info.rows})
    audit.fold_read_journal(db)  # what was read while the damaged file refused writes
    return RestoreResult(info, safety)


# ---- helpers -------------------------------------------------------------------------------------


def restored_differs(problems: list[str], safety: Path | None) -> BackupError:
    """The restored file does not check out: what is wrong (or that its row counts differ), and where the
    database as it was before is kept."""
    if problems:
        return BackupError(code="backup_restored_differs", problems="; ".join(problems), safety=str(safety))
    return BackupError(code="backup_restored_counts", safety=str(safety))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _key(db: Database) -> bytes | None:
    key: bytes | None = getattr(db, "key", None)
    return key


def _manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _keys_path(backup: Path) -> Path:
    """The copy of the database's key file beside a backup."""
    return backup.with_name(backup.name + ".keys")


def _read_manifest(backup: Path) -> dict[str, Any]:
    try:
        data = json.loads(_manifest_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else {}


def _write_manifest(target: Path, info: BackupInfo, created: datetime) -> None:
    document: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "version": 1,
        "created": _iso(created),
        "encrypted": files.is_encrypted(info.path),
        "revision": info.revision,
        "bytes": info.size,
        "sha256": _sha256(info.path),
        "tables": info.tables,
    }
    if info.audit is not None:
        document["audit"] = info.audit  # the audit log's head (services.audit_chain compares it)
    _write_json(_manifest_path(target), document)


def refresh_manifest(backup: Path) -> None:
    """Record the new checksum and size of a backup file rewritten as the same content (encrypted after
    the fact, see services.encryption) in its manifest; nothing when it has none."""
    document = _read_manifest(backup)
    if document:
        document.update(sha256=_sha256(backup), bytes=backup.stat().st_size, encrypted=files.is_encrypted(backup))
        _write_json(_manifest_path(backup), document)


def _write_json(path: Path, document: dict[str, Any]) -> None:
    write_private(path, (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _created(path: Path) -> datetime:
    m = _NAME.fullmatch(path.name)
    if m is not None:
        return datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _check_file(path: Path, manifest: dict[str, Any], key: bytes | None = None) -> BackupInfo:
    """Integrity, schema revision and row counts of a backup file (against ``manifest['tables']``);
    an encrypted file is opened with ``key`` and its pages' authentication codes are checked too."""
    if key is None and files.is_encrypted(path):
        raise BackupError(code="backup_needs_key", name=path.name)
    try:
        with closing(files.connect(path, readonly=True, key=key)) as conn:
            bad = files.problems(conn) + (files.cipher_problems(conn) if key is not None else [])
            if bad:
                raise BackupError(code="backup_damaged", name=path.name, problems="; ".join(bad[:3]))
            revision = files.revision(conn)
            counts = files.table_counts(conn)
            head = head_of(conn)
    except files.errors("DatabaseError") as exc:
        raise BackupError(code="backup_unreadable", name=path.name, reason=str(exc)) from None
    except files.WrongKey as exc:
        raise BackupError(code="backup_wrong_key", name=path.name, reason=str(exc)) from None
    if revision is None:
        raise BackupError(code="backup_no_revision", name=path.name)
    from placement_desk.db.schema_head import known_revisions

    if revision not in known_revisions():
        raise BackupError(code="backup_unknown_revision", name=path.name, revision=revision)
    expected = manifest.get("tables")
    if expected is not None and counts != expected:
        differ = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
        raise BackupError(code="backup_rows_differ", name=path.name, tables=", ".join(differ))
    recorded = manifest.get("audit")
    if isinstance(recorded, dict) and head is not None and recorded != head:
        raise BackupError(code="backup_audit_differs", name=path.name)
    return BackupInfo(path, _created(path), path.stat().st_size, revision, counts, audit=head)


def _safety_copy(target: Path, key: bytes | None = None) -> Path:
    """The current database before a restore: a consistent copy (encrypted with ``key`` like the
    database), or the raw files if it is damaged (an encrypted file's raw bytes stay encrypted)."""
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        copy = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        files.snapshot_copy(target, copy, key=key)
        return copy
    except files.errors() + (files.WrongKey,):
        stamp = datetime.now(UTC).strftime(_STAMP)
        copy = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        shutil.copy2(target, copy)
        for extra in ("-wal", "-shm"):
            side = target.with_name(target.name + extra)
            if side.exists():
                shutil.copy2(side, copy.with_name(copy.name + extra))
        return copy


def _replace_file(source: Path, target: Path) -> None:
    """Swap in a copy of ``source`` as ``target`` with a rename (never half a file); the old WAL goes too."""
    tmp = target.with_name(f".{target.name}.restoring")
    shutil.copyfile(source, tmp)
    files.fsync_file(tmp)
    for extra in ("-wal", "-shm"):
        target.with_name(target.name + extra).unlink(missing_ok=True)
    os.replace(tmp, target)
    files.fsync_dir(target.parent)
