"""Restoring a backup without signing in to the database it replaces (the command line's ``restore``).

The database being replaced may be gone, truncated or unreadable, so the proof of who may restore
comes with the backup: its key file (``<backup>.keys``, or the database's own when the backup has
none) is unlocked with an administrator's password - the user must be an active administrator in the
backup itself - or with the recovery code. Then the backup is verified with that key, the current file
kept beside it as a safety copy (as it is: an encrypted file stays encrypted, a plain one is encrypted
first), the backup put in its place, the key file restored when the database's own is missing or holds
another key, the schema migrated, the audit log's head reset to the restored log and the restore
logged. A plain backup (from before encryption) must have its manifest and is encrypted on the way in;
no step leaves an unencrypted database.
"""

from __future__ import annotations

import os
import shutil
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore, KeyStoreError, LockedOut, WrongPassword, copy_key_file
from placement_desk.db.private import private_dir
from placement_desk.services.backup import BackupError, BackupInfo, RestoreResult, restored_differs, verify_backup

RECOVERY_ACTOR = "(recovery code)"


class RestoreRefused(Exception):
    """The person could not be confirmed as an administrator (wrong password, not an administrator, no
    key file); the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Proof:
    """Who restores: a user name and password, or the recovery code."""

    username: str | None = None
    password: str | None = None
    recovery_code: str | None = None


def key_files(backup: Path, db_path: Path) -> list[Path]:
    """The key files that may open ``backup``: its own copy first, then the database's."""
    found = [backup.with_name(backup.name + ".keys"), KeyStore.path_for(db_path)]
    return [p for p in found if p.is_file()]


def known_users(backup: Path, db_path: Path) -> list[str]:
    """The user names of the first key file that loads (to take the only one by default)."""
    for path in key_files(backup, db_path):
        try:
            return KeyStore.load(path).users()
        except KeyStoreError:
            continue
    return []


def restore_file(db_path: Path, backup: Path, proof: Proof) -> RestoreResult:
    """Replace the database file ``db_path`` (present, missing, truncated or damaged) with ``backup``.
    RestoreRefused when the proof does not hold, BackupError when the backup does not check out."""
    backup = backup.expanduser().resolve()
    if not backup.is_file():
        raise BackupError(code="backup_not_a_file", path=str(backup))
    if db_path.exists() and backup == db_path.resolve():
        raise BackupError(code="backup_is_database")
    key, store_path, actor = _unlock(backup, db_path, proof)
    info = verify_backup(backup, key if files.is_encrypted(backup) else None, for_restore=True)
    carry = _require_admin(info, key, actor, db_path) if proof.recovery_code is None else False
    private_dir(db_path.parent)
    safety = _safety_copy(db_path, key)
    staged = _stage(info, db_path, key)
    try:
        _swap_in(staged, db_path, key)
    finally:
        staged.unlink(missing_ok=True)
    _restore_key_file(store_path, db_path, key, safety)
    with closing(files.connect(db_path, readonly=True, key=key)) as conn:
        bad, counts = files.problems(conn), files.table_counts(conn)
    if bad or (info.tables and counts != info.tables):
        raise restored_differs(bad, safety)
    _finish(db_path, key, info, actor, proof.password if carry else None)
    return RestoreResult(info, safety)


# ---- steps ---------------------------------------------------------------------------------------


def _unlock(backup: Path, db_path: Path, proof: Proof) -> tuple[bytes, Path, str]:
    """The database key from the first key file that opens with the proof: (key, that file, actor). A
    wrong password is tried against one key file only (each try counts towards the lock-out)."""
    candidates = key_files(backup, db_path)
    if not candidates:
        raise RestoreRefused(
            f"there is no key file beside {backup.name} nor beside the database: a backup is restored with the "
            "key file made with it (the .keys file next to it)"
        )
    if proof.recovery_code is None and (not proof.username or proof.password is None):
        raise RestoreRefused("give an administrator's user name and password, or the recovery code")
    last: Exception | None = None
    for path in candidates:
        found = _key_from(path, backup, proof, last_candidate=path == candidates[-1])
        if isinstance(found, tuple):
            return found[0], path, found[1]
        last = found or last
    raise RestoreRefused(str(last))


def _key_from(path: Path, backup: Path, proof: Proof, last_candidate: bool) -> tuple[bytes, str] | Exception | None:
    """(key, actor) from one key file; the problem when it does not open the backup (the next file is
    tried); None when it does not know the user (nothing tried). A wrong password or a lock-out is
    RestoreRefused at once."""
    try:
        store = KeyStore.load(path)
        if proof.recovery_code is not None:
            key, actor = store.unlock_with_recovery(proof.recovery_code), RECOVERY_ACTOR
        else:
            assert proof.username is not None and proof.password is not None
            if proof.username not in store.users() and not last_candidate:
                return None
            key, actor = store.unlock(proof.username, proof.password), proof.username
    except LockedOut as exc:
        raise RestoreRefused(str(exc)) from None
    except WrongPassword as exc:
        if proof.recovery_code is None:
            raise RestoreRefused(str(exc)) from None
        return exc
    except KeyStoreError as exc:
        return exc
    if files.is_encrypted(backup) and not _opens(backup, key):
        return KeyStoreError(f"the key file {path.name} belongs to another database")
    return key, actor


def _opens(path: Path, key: bytes) -> bool:
    try:
        with closing(files.connect(path, readonly=True, key=key)):
            return True
    except (files.WrongKey, files.StorageProblem) + files.errors():
        return False


def _require_admin(info: BackupInfo, key: bytes, username: str, db_path: Path) -> bool:
    """The user must be an active administrator in the backup. A backup from before users existed has
    none: then an administrator of the database being replaced may restore it, and is carried over
    into it (True), or nobody could sign in afterwards."""
    cipher = key if info.encrypted else None
    role, anyone = _role(info.path, cipher, username)
    if role == "administrator":
        return False
    if not anyone and _role(db_path, key, username)[0] == "administrator":
        return True
    raise RestoreRefused(
        f"{username!r} is not an active administrator in {info.path.name}: only an administrator (or the "
        "recovery code) may restore a backup"
    )


def _role(path: Path, key: bytes | None, username: str) -> tuple[str | None, bool]:
    """(the active role of ``username`` in the database file, whether it has any user at all)."""
    try:
        with closing(files.connect(path, readonly=True, key=key)) as conn:
            anyone = conn.execute("SELECT count(*) FROM users").fetchone()[0] > 0
            row = conn.execute("SELECT role FROM users WHERE username = ? AND active", (username,)).fetchone()
    except (files.WrongKey, files.StorageProblem) + files.errors():
        return None, True
    return (None if row is None else str(row[0])), anyone


def _safety_copy(db_path: Path, key: bytes) -> Path | None:
    """The current file kept beside it before it is replaced: as it is when it is encrypted or not a
    database at all, encrypted first when it is a plain SQLite file; None when there is nothing."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    copy = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    if files.is_encrypted(db_path):
        shutil.copyfile(db_path, copy)
        for extra in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + extra)
            if side.exists():
                shutil.copyfile(side, copy.with_name(copy.name + extra))
        return copy
    from placement_desk.services.encryption import EncryptionError, _export

    try:
        _export(db_path, copy, key)
    except EncryptionError as exc:
        raise BackupError(code="backup_current_unreadable", path=str(db_path), reason=str(exc)) from None
    return copy


def _stage(info: BackupInfo, db_path: Path, key: bytes) -> Path:
    """The backup as an encrypted file beside the database, ready to be swapped in."""
    staged = db_path.with_name(f".{db_path.name}.restoring")
    staged.unlink(missing_ok=True)
    if info.encrypted:
        shutil.copyfile(info.path, staged)
    else:  # a backup from before encryption: encrypted on the way in, never written plain
        from placement_desk.services.encryption import EncryptionError, _export

        try:
            _export(info.path, staged, key)
        except EncryptionError as exc:
            raise BackupError(code="backup_not_encryptable", name=info.path.name, reason=str(exc)) from None
    files.fsync_file(staged)
    return staged


def _swap_in(staged: Path, db_path: Path, key: bytes) -> None:
    """One transaction into a healthy database (other connections see old or new), else a rename."""
    if db_path.is_file() and db_path.stat().st_size > 0 and _opens(db_path, key):
        try:
            files.copy_into(staged, db_path, key=key)
            files.fsync_file(db_path)
            return
        except files.errors("OperationalError") as exc:
            if getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise BackupError(code="backup_in_use") from exc
        except files.errors("DatabaseError") + (files.WrongKey,):
            pass
    for extra in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    os.replace(staged, db_path)
    files.fsync_dir(db_path.parent)


def _restore_key_file(store_path: Path, db_path: Path, key: bytes, safety: Path | None) -> None:
    """The database's key file back when it is missing, damaged or holds another key; kept otherwise
    (it may know passwords set after the backup). The one replaced stays beside the safety copy."""
    live = KeyStore.path_for(db_path)
    if store_path == live:
        return
    try:
        same = live.exists() and KeyStore.load(live).holds_key(key)
    except KeyStoreError:
        same = False
    if same:
        return
    if live.exists() and safety is not None:
        shutil.copyfile(live, safety.with_name(safety.name + ".keys"))
    copy_key_file(store_path, live)


def _finish(db_path: Path, key: bytes, info: BackupInfo, actor: str, carried_password: str | None) -> None:
    """Migrate the restored database, reset the audit head, log the restore; carry the administrator
    over into a backup without users."""
    from placement_desk.db.migrate import upgrade
    from placement_desk.domain.roles import Role
    from placement_desk.services import audit, audit_chain, users

    db = Database(f"sqlite:///{db_path}", key)
    try:
        upgrade(db)
        audit_chain.seal(db)
        if carried_password is not None and not users.has_users(db):
            users.create_user(db, actor, actor, Role.ADMINISTRATOR, carried_password)
        audit_chain.reset_head(db)
        via = "recovery code" if actor == RECOVERY_ACTOR else "password"
        audit.log(db, audit.RESTORE, username=actor, details={"backup": info.path.name, "rows": info.rows, "via": via})
    finally:
        db.dispose()
