"""Users: creating them, their roles, passwords (Argon2 hashes) and signing in with lock-out.

Three failed sign-ins of one user name within 24 hours lock it until 24 hours after the first of
them. On an encrypted embedded database the key file does the password check and keeps the failures
(the database cannot be opened to record them); see :mod:`placement_desk.services.signin`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db import team
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database, sqlite_path
from placement_desk.db.keystore import KeyStore
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import ROLE_PERMISSIONS, Permission, Principal, Role, parse_role
from placement_desk.services import access, audit

MAX_FAILURES = 3
LOCK_WINDOW = timedelta(hours=24)
MIN_PASSWORD = 8
HASHER = PasswordHasher()  # argon2id with the library's recommended parameters


class SignInError(Exception):
    """A sign-in that did not succeed; ``locked_until`` is set when the user is locked out."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


WRONG = "Unknown user name or wrong password."


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    active: bool
    company_ref: str | None
    company_name: str | None


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def check_password_rules(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(field, code="password_short", minimum=MIN_PASSWORD)


def _check_username(username: str) -> str:
    name = username.strip()
    if not name:
        raise ValidationError("username", code="required")
    if len(name) > 80 or any(ch.isspace() for ch in name):
        raise ValidationError("username", code="username_form")
    return name


def _key_file(db: Database) -> KeyStore | None:
    """The key file of an encrypted embedded database (None for other databases)."""
    path = sqlite_path(db.url)
    if db.key is None or path is None:
        return None
    return KeyStore.load(KeyStore.path_for(path))


def _wrap_key(db: Database, username: str, password: str) -> None:
    """Let ``username`` unlock the encrypted database with ``password`` (a new user or a new password)."""
    store = _key_file(db)
    if store is None:
        return
    assert db.key is not None
    if username in store.users():
        store.set_password(username, password, db.key)
    else:
        store.add_user(username, password, db.key)


def has_users(db: Database) -> bool:
    with db.reading() as s:
        return bool(s.scalar(select(func.count()).select_from(m.User)))


def _principal(s: Session, user: m.User) -> Principal:
    company = None if user.company_id is None else s.get(m.Company, user.company_id)
    return Principal(user.username, user.display_name, parse_role(user.role), company.ref if company else None)


def principal_for(db: Database, username: str) -> Principal:
    """The principal of an active user (after the key file checked the password)."""
    with db.reading() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None or not user.active:
            raise SignInError(WRONG)
        return _principal(s, user)


def _company_id(s: Session, role: Role, company_ref: str | None) -> int | None:
    if role is not Role.WORKPLACE_MENTOR:
        return None
    if not company_ref:
        raise ValidationError("company", code="mentor_needs_company")
    company = s.scalar(select(m.Company).where(m.Company.ref == company_ref))
    if company is None:
        raise ValidationError("company", code="no_company", company=repr(company_ref))
    return company.id


def create_user(
    db: Database,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    company_ref: str | None = None,
) -> Principal:
    """A new user (administrators only; the very first user, the administrator, needs no one)."""
    if has_users(db):
        access.require_unscoped(db, Permission.ADMIN, "create users")
    name = _check_username(username)
    if not display_name.strip():
        raise ValidationError("display_name", code="required")
    try:
        chosen = parse_role(str(role))
    except ValueError as exc:
        raise ValidationError.wrap("role", exc) from None
    check_password_rules(password)
    with db.transaction() as s:
        if s.scalar(select(m.User.id).where(m.User.username == name)) is not None:
            raise ValidationError("username", code="user_exists", name=name)
        _wrap_key(db, name, password)  # the key file first: if the database write fails, it only has one more entry
        company_id = _company_id(s, chosen, company_ref)
        if team.is_team(s):  # only the owner writes users: pd_create_user checks for an administrator
            team.create_user(s, name, display_name.strip(), chosen.value, company_id, access.actor_name(db))
            user = _user(s, name)
            team.sync_login(s, name, password)  # the person's own login holds the password, not a hash here
        else:
            user = m.User(
                username=name,
                display_name=display_name.strip(),
                role=chosen.value,
                password_hash=hash_password(password),
                active=True,
                company_id=company_id,
                updated_by=access.actor_name(db),
            )
            s.add(user)
            s.flush()
        audit.record(s, db, audit.USERS, details={"user": name, "event": "created", "role": chosen.value},
                     with_changes=False)
        return _principal(s, user)


def list_users(db: Database) -> list[UserRow]:
    access.require_unscoped(db, Permission.ADMIN, "see the users")
    with db.reading() as s:
        rows = s.execute(
            select(m.User, m.Company.ref, m.Company.name)
            .outerjoin(m.Company, m.User.company_id == m.Company.id)
            .order_by(m.User.username)
        ).all()
        return [UserRow(u.username, u.display_name, parse_role(u.role), u.active, ref, name) for u, ref, name in rows]


def _user(s: Session, username: str) -> m.User:
    user = s.scalar(select(m.User).where(m.User.username == username))
    if user is None:
        raise ValidationError("username", code="no_user", username=repr(username))
    return user


def update_user(
    db: Database,
    username: str,
    *,
    display_name: str | None = None,
    role: Role | str | None = None,
    active: bool | None = None,
    company_ref: str | None = None,
) -> None:
    """Change a user's name, role, company or active flag (administrators only)."""
    access.require_unscoped(db, Permission.ADMIN, "change users")
    with db.transaction() as s:
        if team.is_team(s):
            _update_on_team(s, db, username, display_name, role, active, company_ref)
            return
        user = _user(s, username)
        me = access.principal(db)
        if display_name is not None:
            if not display_name.strip():
                raise ValidationError("display_name", code="required")
            user.display_name = display_name.strip()
        if role is not None:
            try:
                chosen = parse_role(str(role))
            except ValueError as exc:
                raise ValidationError.wrap("role", exc) from None
            user.role = chosen.value
            user.company_id = _company_id(s, chosen, company_ref)
        if active is not None:
            if me is not None and me.username == username and not active:
                raise ValidationError("active", code="deactivate_self")
            user.active = active
        s.flush()
        admins = s.scalar(
            select(func.count()).select_from(m.User).where(m.User.role == Role.ADMINISTRATOR.value, m.User.active)
        )
        if not admins:
            raise ValidationError("role", code="last_administrator")
        user.updated_by = access.actor_name(db)
        audit.record(s, db, audit.USERS, details={"user": username, "event": "changed"})
        store = _key_file(db)
        if active is False and store is not None and username in store.users():
            store.remove_user(username)  # an inactive user can no longer unlock the database


def _update_on_team(
    s: Session,
    db: Database,
    username: str,
    display_name: str | None,
    role: Role | str | None,
    active: bool | None,
    company_ref: str | None,
) -> None:
    """update_user on a team server: the new row through ``pd_update_user`` (only the owner writes
    users; the function checks for an active administrator), then the login follows."""
    user = _user(s, username)
    me = access.principal(db)
    new = {"display_name": user.display_name, "role": user.role, "company_id": user.company_id, "active": user.active}
    if display_name is not None:
        if not display_name.strip():
            raise ValidationError("display_name", code="required")
        new["display_name"] = display_name.strip()
    if role is not None:
        try:
            chosen = parse_role(str(role))
        except ValueError as exc:
            raise ValidationError.wrap("role", exc) from None
        new["role"] = chosen.value
        new["company_id"] = _company_id(s, chosen, company_ref)
    if active is not None:
        if me is not None and me.username == username and not active:
            raise ValidationError("active", code="deactivate_self")
        new["active"] = active
    if not new["active"] or new["role"] != Role.ADMINISTRATOR.value:
        others = s.scalar(
            select(func.count()).select_from(m.User).where(
                m.User.role == Role.ADMINISTRATOR.value, m.User.active, m.User.username != username
            )
        )
        if not others:
            raise ValidationError("role", code="last_administrator")
    fields = {k: [getattr(user, k), v] for k, v in new.items() if getattr(user, k) != v}
    team.update_user(s, username, str(new["display_name"]), str(new["role"]),
                     new["company_id"] if isinstance(new["company_id"], int) else None,
                     bool(new["active"]), access.actor_name(db))  # fmt: skip
    s.expire(user)
    team.sync_login(s, username)  # its group, disabled while inactive
    details: dict[str, object] = {"user": username, "event": "changed"}
    if fields:
        details["changes"] = [{"table": "users", "id": user.id, "fields": fields}]
    audit.record(s, db, audit.USERS, details=details, with_changes=False)


def set_password(db: Database, username: str, password: str) -> None:
    """A new password (the user themself, or an administrator for anyone); clears failed sign-ins."""
    me = access.principal(db)
    if me is not None and me.username != username:
        access.require_unscoped(db, Permission.ADMIN, "set other users' passwords")
    check_password_rules(password)
    with db.transaction() as s:
        user = _user(s, username)
        if team.is_team(s):  # the server checks the password of the person's login
            team.sync_login(s, username, password)
        else:
            user.password_hash = hash_password(password)
            _wrap_key(db, username, password)
            s.execute(delete(m.LoginFailure).where(m.LoginFailure.username == username))
        audit.record(s, db, audit.USERS, details={"user": username, "event": "password set"}, with_changes=False)


# ---- signing in (databases without a key file: PostgreSQL, plain SQLite) ------------------------------


def locked_until(s: Session, username: str, now: datetime) -> datetime | None:
    recent = list(
        s.scalars(
            select(m.LoginFailure.at)
            .where(m.LoginFailure.username == username, m.LoginFailure.at > now - LOCK_WINDOW)
            .order_by(m.LoginFailure.at)
        )
    )
    if len(recent) >= MAX_FAILURES:
        return recent[-MAX_FAILURES] + LOCK_WINDOW
    return None


def authenticate(db: Database, username: str, password: str, now: datetime | None = None) -> Principal:
    """Check the password against the user's Argon2 hash; log the sign-in or the failure.

    Raises SignInError (with ``locked_until`` when locked); the failure is recorded and audited even so.
    """
    now = now or utcnow()
    with db.transaction() as s:
        until = locked_until(s, username, now)
        if until is not None:
            audit.append(s, username, audit.FAILED_LOGIN, details={"reason": "locked"}, at=now)
            raise_later = SignInError("This user is locked after 3 failed sign-ins.", until)
        else:
            user = s.scalar(select(m.User).where(m.User.username == username))
            ok = False
            if user is not None and user.active and user.password_hash:
                try:
                    ok = HASHER.verify(user.password_hash, password)
                except (VerificationError, InvalidHashError):
                    ok = False
            if ok and user is not None:
                s.execute(delete(m.LoginFailure).where(m.LoginFailure.username == username))
                audit.append(s, username, audit.LOGIN, at=now)
                if HASHER.check_needs_rehash(user.password_hash or ""):
                    user.password_hash = hash_password(password)
                return _principal(s, user)
            s.add(m.LoginFailure(username=username, at=now))
            s.flush()
            audit.append(s, username, audit.FAILED_LOGIN, at=now)
            until = locked_until(s, username, now)
            raise_later = SignInError(WRONG, until)
    raise raise_later


def verify_password(db: Database, username: str, password: str) -> bool:
    """For unlocking an idle-locked window: the user's own password, nothing logged on success."""
    with db.reading() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None or not user.password_hash:
            return False
        try:
            return bool(HASHER.verify(user.password_hash, password))
        except (VerificationError, InvalidHashError):
            return False


def permissions(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]
