"""The benchmark measures what users run: the embedded database encrypted (SQLCipher) and signed in.

The generated plain file is converted once (``encrypt_in_place``, the same code as a user's first start)
and cached beside it with its key file; the benchmark user is an administrator with a password (the
Argon2 parameters are the app's own, so unlocking costs what it costs a user).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

USER, PASSWORD = "bench", "benchmark password 2026"


def encrypted_path(plain: Path) -> Path:
    return plain.with_name(f"{plain.stem}-encrypted.db")


def ensure_encrypted(plain: Path, log: Any = print) -> Path:
    """The encrypted copy of the cached plain database (made the first time), with its key file."""
    from placement_desk.db.engine import Database
    from placement_desk.db.keystore import KeyStore
    from placement_desk.domain.roles import Role
    from placement_desk.services import users
    from placement_desk.services.encryption import encrypt_in_place

    target = encrypted_path(plain)
    keys = KeyStore.path_for(target)
    if target.exists() and keys.exists():
        return target
    log(f"encrypting a copy of {plain.name} (once; cached as {target.name}) ...")
    tmp = target.with_name(f".{target.name}.tmp")
    tmp_keys = KeyStore.path_for(tmp)
    for stale in (tmp, tmp_keys):
        stale.unlink(missing_ok=True)
    shutil.copyfile(plain, tmp)
    _, key, _code = KeyStore.create(tmp_keys, USER, PASSWORD)
    with tempfile.TemporaryDirectory(prefix="bench-conversion-") as folder:
        encrypt_in_place(tmp, key, backup_folder=Path(folder))
    db = Database(f"sqlite:///{tmp}", key)
    try:
        users.create_user(db, USER, "Benchmark", Role.ADMINISTRATOR, PASSWORD)
    finally:
        db.dispose()
    tmp.replace(target)
    tmp_keys.replace(keys)
    return target


def copy_with_keys(source: Path, target: Path) -> None:
    from placement_desk.db.keystore import KeyStore

    shutil.copyfile(source, target)
    shutil.copyfile(KeyStore.path_for(source), KeyStore.path_for(target))


def sign_in(path: Path) -> Any:
    """The database opened as the benchmark user (a Database with its principal and key)."""
    from placement_desk.services import signin

    return signin.sign_in(signin.target(f"sqlite:///{path}"), USER, PASSWORD).db


def connect(path: Path | str, key: bytes | None) -> closing[sqlite3.Connection]:
    """A raw connection (the hand-written SQL yardsticks) to the encrypted file."""
    from placement_desk.db.sqlite_files import connect as open_file

    return closing(open_file(Path(path), key=key))


def sign_in_key(path: Path) -> bytes:
    """The database key, unlocked with the benchmark user's password."""
    from placement_desk.db.keystore import KeyStore

    return KeyStore.load(KeyStore.path_for(path)).unlock(USER, PASSWORD)
