"""Files the app creates are its user's alone, and a file is written whole or not at all.

On POSIX the app runs with the umask ``077`` (:func:`private_umask`): every file it creates - the
database and its ``-wal``/``-shm`` (SQLite gives them the database file's mode), the key file, backups
and their manifests, migration copies, the log, and the exports it writes - is ``0600``, every folder
``0700``. Files and folders made by an earlier version are tightened at the next start
(:func:`secure_data_files`). On Windows the user data folder (``%LOCALAPPDATA%``) is private to the user
by its inherited access list; modes are not used there.

:func:`write_private` writes a file through a temporary file beside it that is removed on any failure
(a full disk leaves no half-written file with names and CPR numbers behind).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_UMASK = 0o077
FILE_MODE, DIR_MODE = 0o600, 0o700
POSIX = os.name == "posix"


def private_umask() -> int:
    """Make every file this process creates from now on private (POSIX); returns the previous umask."""
    return os.umask(PRIVATE_UMASK) if POSIX else 0


@contextlib.contextmanager
def private_files() -> Iterator[None]:
    """The private umask for the duration of the block (the command line; tests run many commands)."""
    old = private_umask()
    try:
        yield
    finally:
        if POSIX:
            os.umask(old)


def private_dir(path: Path) -> Path:
    """``path`` as a folder only its owner can enter (created if missing; an existing one tightened)."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _chmod(path, DIR_MODE)
    return path


def make_private(path: Path) -> None:
    """Tighten an existing file to ``0600`` (nothing if it is not there or not ours)."""
    _chmod(path, FILE_MODE)


def secure_data_files(db_path: Path) -> None:
    """The database's folder, the database with its ``-wal``/``-shm``/``.keys``, its migration copies and
    the backups folder made private: a start after an update fixes what an earlier version left open."""
    if not POSIX:
        return
    folder = db_path.parent
    if folder.is_dir():
        _chmod(folder, DIR_MODE)
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):
        make_private(db_path.with_name(db_path.name + suffix))
    for copy in folder.glob(f"{db_path.stem}.before-*"):
        make_private(copy)
    backups = folder / "backups"
    if backups.is_dir():
        _chmod(backups, DIR_MODE)
        for item in backups.iterdir():
            if item.is_file():
                make_private(item)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` as the file ``path``, whole or not at all and readable only by its owner: a
    temporary file beside it (``0600``), fsync, rename. Any failure (a full disk, an interruption)
    removes the temporary file and leaves ``path`` as it was."""
    with private_writer(path) as f:
        f.write(data)


@contextlib.contextmanager
def private_writer(path: Path) -> Iterator[BinaryIO]:
    """The file ``path`` written piece by piece, as :func:`write_private` writes it whole: the block
    writes to a temporary file beside it (``0600``); when the block ends it is fsynced and renamed over
    ``path``, and when the block raises it is removed and ``path`` is left as it was."""
    path = path.expanduser()
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _chmod(path: Path, mode: int) -> None:
    if not POSIX:
        return
    with contextlib.suppress(OSError):  # missing, or someone else's: nothing to tighten
        if (path.stat().st_mode & 0o777) != mode:
            path.chmod(mode)
