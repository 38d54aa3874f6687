"""Is a database at the newest schema? Answered without importing Alembic, which costs start-up time.

The migration scripts are read as text for their ``revision`` and ``down_revision``; only when the
database is not at the one head (or anything is unclear) does the caller run the real Alembic upgrade.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

VERSIONS = Path(__file__).with_name("migrations") / "versions"
_REVISION = re.compile(r"""^revision\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*=\s*(?:['"]([^'"]+)['"]|None)""", re.MULTILINE)


def script_head() -> str | None:
    """The head revision of the migration scripts (None if there is not exactly one)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1):
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def at_head(engine: Engine) -> bool:
    """True when the database's recorded revision is the scripts' head (no migration to run)."""
    head = script_head()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            found = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except DBAPIError:  # no alembic_version table yet: a new database
        return False
    return found == [head]


def known_revisions() -> set[str]:
    """Every schema revision the migration scripts know (read as text: no Alembic import)."""
    found: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        match = _REVISION.search(path.read_text(encoding="utf-8"))
        if match is not None:
            found.add(match.group(1))
    return found
