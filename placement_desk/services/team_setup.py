"""Setting up and upgrading a team database on a PostgreSQL server (``placement-desk --db URL setup``).

The server side (roles, grants, policies, functions) is :mod:`placement_desk.db.team`; this module adds
the people: the first administrator, and a login for every user of a database used before with a
shared URL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from placement_desk.db import team
from placement_desk.db.migrate import MIGRATION_LOCK, upgrade
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Role
from placement_desk.services import users


def setup(db: Any, username: str | None, display_name: str | None, password: str | None) -> bool:
    """Migrate (as the owner), apply the roles, grants and policies, and give every user a login.

    On a database without an administrator, the first one is created with their login (``username`` and
    ``password`` required: ValidationError otherwise). On a database that has users already (one used
    with a shared URL before), every user gets a login - usable once an administrator sets its password
    in *Brugere* - their Argon2 hashes are dropped (every login can read ``users``), and ``username``
    with ``password``, if given, sets that administrator's login password so they can sign in.
    Returns True when the first administrator was created. ``db`` is a
    :class:`placement_desk.db.engine.Database` connected as the owner.
    """
    with db.engine.connect() as conn:
        team.check_owner(conn)
    needs_admin = not team.has_administrator(db.engine)
    if needs_admin or password is not None:  # check the input before anything is written
        users._check_username(username or "")
        users.check_password_rules(password or "", "adgangskode")
    upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")  # one setup at a time
        team.apply(conn)
    if not needs_admin or team.has_administrator(db.engine):  # (another setup may have made one meanwhile)
        _logins_for_existing_users(db, username, password)
        return False
    assert username is not None and password is not None
    if not (display_name or username).strip():
        raise ValidationError("display_name", code="required")
    users.create_user(db, username, (display_name or username).strip(), Role.ADMINISTRATOR, password)
    return True


def _logins_for_existing_users(db: Any, username: str | None, password: str | None) -> None:
    with db.transaction() as s:
        names = [str(r[0]) for r in s.execute(text(
            "SELECT u.username FROM users u WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = u.username) "
            "ORDER BY u.username"))]  # fmt: skip
        for name in names:
            team.sync_login(s, name)
        s.execute(text("UPDATE users SET password_hash = NULL WHERE password_hash IS NOT NULL"))
        if password is not None and username:
            role = s.execute(text("SELECT role FROM users WHERE username = :u AND active"), {"u": username}).scalar()
            if role != Role.ADMINISTRATOR.value:
                raise ValidationError("--user", code="not_active_admin", username=username)
            team.sync_login(s, username, password)
