"""Open a database and bring it to the newest schema (Alembic only when there is something to do)."""

from __future__ import annotations

from collections.abc import Callable

from placement_desk.db.engine import Database, resolve_url
from placement_desk.db.schema_head import at_head


def open_migrated(
    db_url: str | None, check: Callable[[Database], bool] | None = None, key: bytes | None = None
) -> Database:
    """The database named by --db / $PLACEMENT_DESK_DB / the embedded default, migrated to head.

    ``key`` unlocks an encrypted embedded database (see services.signin). ``check`` runs before
    anything is written (the GUI's integrity check); False stops the start.
    """
    db = Database(resolve_url(db_url), key)
    if check is not None and not check(db):
        db.dispose()
        raise SystemExit(1)
    if not at_head(db.engine):  # Alembic is imported only when there is something to migrate
        from placement_desk.db import team

        if team.is_postgres(db.url) and team.only_owner_migrates(db.engine):
            db.dispose()  # a person's login cannot change the schema: the owner upgrades (setup)
            raise team.UpgradeNeeded(team.UPGRADE_NEEDED)
        from placement_desk.db.migrate import upgrade

        upgrade(db)
    return db
