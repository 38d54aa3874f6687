"""Where the database is and what kind it is, found before anything is opened - without SQLAlchemy.

The sign-in window needs only this: the database's file (or server), whether it is encrypted, whether
it is there at all. So the window is painted before SQLAlchemy, the ORM and the services are imported
(they load while the user types the password, see ui.shell.preload). Nothing here imports more than
the standard library and platformdirs. db.engine (``resolve_url``, ``sqlite_path``, the names) and
db.team (``is_postgres``, ``names_login``) use these; the key file's name is db.keystore's, and
tests/test_startup_imports.py holds the URL reading to SQLAlchemy's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import platformdirs

if TYPE_CHECKING:
    from placement_desk.db.keystore import KeyStore

APP_NAME = "PlacementDesk"  # the settings' and the user folders' name
ENV_DB = "PLACEMENT_DESK_DB"
KEY_SUFFIX = ".keys"  # the key file beside an encrypted database (db.keystore.KeyStore.path_for)

# A database URL as SQLAlchemy reads it (sqlalchemy.engine.url.make_url): dialect[+driver]://user:password@host:port/database?query
_URL = re.compile(
    r"""
    (?P<name>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?
    """,
    re.X,
)


@dataclass(frozen=True)
class Url:
    """The parts of a database URL the sign-in needs."""

    drivername: str
    username: str | None
    database: str | None

    @property
    def backend(self) -> str:
        return self.drivername.split("+", 1)[0]


def parse_url(url: str) -> Url:
    """A database URL's dialect, user and database, read as SQLAlchemy reads them (ValueError when it
    is not a URL)."""
    m = _URL.match(url)
    if m is None:
        raise ValueError(f"Could not parse the database URL {url!r}")
    username, database = m.group("username"), m.group("database")
    return Url(m.group("name"), None if username is None else unquote(username),
               None if database is None else unquote(database))  # fmt: skip


def data_dir() -> Path:
    """The per-user data directory (local, never roaming: no synced folders)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=False)


def default_database_path() -> Path:
    return data_dir() / "placement-desk.db"


def resolve_url(url: str | None = None) -> str:
    """--db URL, else $PLACEMENT_DESK_DB (a URL or a file path), else the embedded database file."""
    chosen = url or os.environ.get(ENV_DB)
    if not chosen:
        from placement_desk.db.private import private_dir

        path = default_database_path()
        private_dir(path.parent)
        return f"sqlite:///{path}"
    if "://" not in chosen:
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    return chosen


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for other databases and in-memory SQLite)."""
    u = parse_url(url)
    if not u.drivername.startswith("sqlite") or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def is_postgres(url: str) -> bool:
    return parse_url(url).backend == "postgresql"


def names_login(url: str) -> bool:
    """True when the URL names the database user (the owner's URL, or an old shared team URL)."""
    return bool(parse_url(url).username)


def key_file(db_path: Path) -> Path:
    """The key file of the database file ``db_path``: ``<name>.keys`` beside it."""
    return db_path.with_name(db_path.name + KEY_SUFFIX)


@dataclass(frozen=True)
class Target:
    """Where the database is and what it is, before anything is opened."""

    url: str
    path: Path | None  # the SQLite file (None for a server)

    @property
    def keys(self) -> Path | None:
        return None if self.path is None else key_file(self.path)

    @property
    def encrypted(self) -> bool:
        return self.keys is not None and self.keys.exists()

    @property
    def file_exists(self) -> bool:
        return self.path is not None and self.path.exists() and self.path.stat().st_size > 0

    @property
    def is_server(self) -> bool:
        return self.path is None

    @property
    def per_person(self) -> bool:
        """A team server whose URL names no user: everyone signs in with their own login."""
        return self.path is None and is_postgres(self.url) and not names_login(self.url)

    def store(self) -> KeyStore:
        from placement_desk.db.keystore import KeyStore

        assert self.keys is not None
        return KeyStore.load(self.keys)


def target(url: str) -> Target:
    return Target(url, sqlite_path(url))


def needs_setup_known(t: Target) -> bool | None:
    """Whether nobody can sign in yet, when the files tell (no key file and no database: True; a key
    file, a team server or an encrypted file: False); None when only the database's users table can
    tell (a plain file, a server URL that names its user: services.signin.needs_setup opens it)."""
    if t.encrypted or t.per_person:  # a team server is set up by its owner (placement-desk setup)
        return False
    if t.path is not None and not t.file_exists:
        return True
    if t.path is not None:
        from placement_desk.db.sqlite_files import is_encrypted

        if is_encrypted(t.path):
            return False  # encrypted but its key file is missing: sign_in explains
    return None
