"""One decorator declares a use case: the permission it needs and the audit action it records.

::

    @use_case(Permission.EDIT, audit.CHANGE, "change a citizen")
    def update_citizen(s: Session, ref: str, citizen: CitizenFields, expected_version: int | None) -> int:
        ...

Callers pass the database in place of the session: ``update_citizen(db, "DC", fields, 3)``. The role
is checked before anything is read; the body runs in one transaction that ends with its one audit entry
(:func:`placement_desk.services.audit.audited`); after the commit the database hands the transaction's
:class:`~placement_desk.services.changes.Changes` to its listeners. The body reaches the database (for
the signed-in user) with :func:`database_of`. ``scoped`` lets a workplace mentor through; the body then
checks the company (:func:`placement_desk.services.access.require_company`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from sqlalchemy.orm import Session

from placement_desk.db.engine import SESSION_DATABASE, Database
from placement_desk.domain.roles import Permission
from placement_desk.services.audit import audited

P = ParamSpec("P")
R = TypeVar("R")


def use_case(
    permission: Permission, action: str, what: str, scoped: bool = False
) -> Callable[[Callable[Concatenate[Session, P], R]], Callable[Concatenate[Database, P], R]]:
    def wrap(fn: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Database, P], R]:
        @functools.wraps(fn)
        def run(db: Database, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with audited(db, permission, action, what, scoped=scoped) as s:
                return fn(s, *args, **kwargs)

        signature = inspect.signature(fn)
        params = list(signature.parameters.values())
        db_param = inspect.Parameter("db", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Database")
        run.__signature__ = signature.replace(parameters=[db_param, *params[1:]])  # type: ignore[attr-defined]
        declared = cast(Any, run)
        declared.permission, declared.action, declared.what, declared.scoped = permission, action, what, scoped
        return run

    return wrap


def database_of(s: Session) -> Database:
    """The database a use case's session belongs to (for the signed-in user and its role checks)."""
    db = s.info[SESSION_DATABASE]
    assert isinstance(db, Database)
    return db
