"""Role checks the services make before they read or write personal data.

The signed-in :class:`Principal` rides on the :class:`Database` the app or the CLI opened after a
sign-in. ``None`` is the in-process system actor (migrations, demo loading in a fresh database, tests);
the app and the CLI never run as it on a database that has users.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.roles import Permission, Principal

SYSTEM = "system"


def principal(db: Database) -> Principal | None:
    return db.principal


def set_principal(db: Database, who: Principal | None) -> None:
    db.principal = who


def actor_name(db: Database, actor: str | None = None) -> str:
    """Who the audit log and ``updated_by`` name: the signed-in user, else the given actor, else system."""
    who = principal(db)
    if who is not None:
        return who.username
    return actor or SYSTEM


def require(db: Database, permission: Permission, action: str = "") -> Principal | None:
    """Raise AccessDenied unless the signed-in user's role has ``permission``; returns the principal."""
    who = principal(db)
    if who is not None and not who.can(permission):
        raise AccessDenied(action or permission.value, who.role.value)
    return who


def require_unscoped(db: Database, permission: Permission, action: str = "") -> Principal | None:
    """Like :func:`require`, and refuse a workplace mentor (who only sees their own company)."""
    who = require(db, permission, action)
    if who is not None and who.company_scoped:
        raise AccessDenied(action or permission.value, who.role.value)
    return who


def require_company(session: Session, db: Database, permission: Permission, company_id: int, action: str = "") -> None:
    """``permission`` on something at ``company_id``: a workplace mentor only at their own company."""
    who = require(db, permission, action)
    if who is None or not who.company_scoped:
        return
    own = (
        None
        if who.company_ref is None
        else session.scalar(select(m.Company.id).where(m.Company.ref == who.company_ref))
    )
    if own is None or own != company_id:
        raise AccessDenied(action or permission.value, who.role.value)


def require_placement(session: Session, db: Database, permission: Permission, placement: m.Placement, action: str = "") -> None:
    require_company(session, db, permission, placement.company_id, action)


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission, scoped: bool = False) -> Callable[[F], F]:
    """Decorator: the role check before anything else of a service call (even before its input is
    parsed). ``scoped`` lets a workplace mentor through; the call then checks the company itself."""

    def wrap(fn: F) -> F:
        what = fn.__name__.replace("_", " ")

        @functools.wraps(fn)
        def guarded(db: Database, *args: Any, **kwargs: Any) -> Any:
            if scoped:
                require(db, permission, what)
            else:
                require_unscoped(db, permission, what)
            return fn(db, *args, **kwargs)

        return cast(F, guarded)

    return wrap
