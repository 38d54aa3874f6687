"""The audit log: append-only, tamper-evident, kept 6 months.

Every service call that views, searches, creates, changes, exports, issues, imports or erases personal
data writes exactly one entry in the same transaction as its change (so there is never a change
without its entry, or an entry for a change that was rolled back). Sign-ins and failed sign-ins are
logged too.

Tamper evidence: each row stores ``hash = SHA-256(prev_hash | at | username | action | citizen_id |
details_sha256)`` and the previous row's hash. Changing, inserting or removing a row breaks the chain
(:func:`verify_chain`). ``details`` (JSON) may hold personal data (the search criterion, before/after
values); erasure of a citizen blanks it but keeps its SHA-256, so the chain still verifies. The retention
rule removes the oldest rows and stores the hash of the last removed row as the chain's anchor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, event, func, inspect, or_, select
from sqlalchemy.orm import Session, UOWTransaction

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain.roles import Permission
from placement_desk.services import access

GENESIS = "0" * 64
RETENTION_DAYS = 183  # about 6 months
AUDIT_LOCK = 7_263_002  # PostgreSQL advisory lock that serialises appends to the chain

# Actions (the ``action`` column).
VIEW, SEARCH, CREATE, CHANGE, DELETE = "view", "search", "create", "change", "delete"
EXPORT, ISSUE, IMPORT, ERASE = "export", "issue", "import", "erasure"
LOGIN, FAILED_LOGIN, LOGOUT, USERS, RESTORE = "login", "failed_login", "logout", "users", "restore"
ACTIONS = (VIEW, SEARCH, CREATE, CHANGE, DELETE, EXPORT, ISSUE, IMPORT, ERASE, LOGIN, FAILED_LOGIN, LOGOUT, USERS, RESTORE)

_NOISE = {"version", "created_at", "updated_at", "updated_by", "created_by", "password_hash"}
_CHANGES = "audit_changes"
_TOUCHED = "audit_touched"
_ABOUT = "audit_citizen"
_DETAILS = "audit_details"
_QUIET = "audit_quiet"


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    username: str
    action: str
    citizen_id: int | None
    details: dict[str, Any] | None  # None once erased


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


_SKIP = (m.AuditEntry, m.AuditAnchor, m.LoginFailure)
# How a row leads to its citizen: (column holding the parent's id, parent model).
_PARENT: dict[type[Any], tuple[str, type[Any]]] = {
    m.ReferralExtension: ("referral_id", m.Referral),
    m.PlacementTask: ("placement_id", m.Placement),
    m.ScheduleStep: ("placement_id", m.Placement),
    m.AttendanceRecord: ("placement_id", m.Placement),
    m.CapacityAssessment: ("placement_id", m.Placement),
    m.CapacityTask: ("assessment_id", m.CapacityAssessment),
    m.FollowupCorrection: ("followup_id", m.Followup),
    m.SubGoal: ("goal_id", m.Goal),
    m.GoalScore: ("goal_id", m.Goal),
    m.IssuedFile: ("document_id", m.IssuedDocument),
}


@event.listens_for(Session, "after_flush")
def _collect_changes(session: Session, _flush: UOWTransaction) -> None:
    """Remember the before/after of every changed column, what was created and what deleted, and the
    rows themselves (to find which citizen the change was about). Not for a bulk write that records
    its own summary (:func:`quiet`)."""
    if session.info.get(_QUIET):
        return
    changes: list[dict[str, Any]] = session.info.setdefault(_CHANGES, [])
    touched: list[tuple[type[Any], int | None, dict[str, Any]]] = session.info.setdefault(_TOUCHED, [])
    for obj in session.dirty:
        if isinstance(obj, _SKIP):
            continue
        state = inspect(obj)
        fields: dict[str, list[Any]] = {}
        for attr in state.mapper.column_attrs:
            if attr.key in _NOISE:
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                before = hist.deleted[0] if hist.deleted else None
                after = hist.added[0] if hist.added else None
                if before != after:
                    fields[attr.key] = [_plain(before), _plain(after)]
        if fields:
            changes.append({"table": state.mapper.local_table.name, "id": getattr(obj, "id", None), "fields": fields})
            touched.append(_touch(obj))
    for obj in session.new:
        if not isinstance(obj, _SKIP):
            changes.append({"table": inspect(obj).mapper.local_table.name, "created": True})
            touched.append(_touch(obj))
    for obj in session.deleted:
        if not isinstance(obj, _SKIP):
            changes.append({"table": inspect(obj).mapper.local_table.name, "id": getattr(obj, "id", None), "deleted": True})
            touched.append(_touch(obj))


def _touch(obj: Any) -> tuple[type[Any], int | None, dict[str, Any]]:
    """The row's class, id and the foreign keys that lead to its citizen (read now: after the
    transaction a deleted row's attributes are gone)."""
    cols = {k: getattr(obj, k, None) for k in ("citizen_id", "placement_id", "goal_id", "followup_id",
                                              "referral_id", "assessment_id", "document_id")}
    return type(obj), getattr(obj, "id", None), cols


def _citizen_ids(session: Session, touched: list[tuple[type[Any], int | None, dict[str, Any]]]) -> list[int]:
    found: set[int] = set()
    for first_cls, first_id, first_cols in touched:
        cls, row_id, cols = first_cls, first_id, first_cols
        for _ in range(4):  # at most: capacity task -> assessment -> placement -> citizen
            if cls is m.Citizen:
                if row_id is not None:
                    found.add(row_id)
                break
            if cols.get("citizen_id") is not None:
                found.add(int(cols["citizen_id"]))
                break
            parent = _PARENT.get(cls)
            if parent is None or cols.get(parent[0]) is None:
                break
            cls, row_id = parent[1], int(cols[parent[0]])
            row = session.get(cls, row_id)
            if row is None:
                break
            cols = {k: getattr(row, k, None) for k in cols}
    return sorted(found)


def _summarise(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Changed fields as they are; created rows counted per table (an import creates thousands)."""
    out = [c for c in changes if "fields" in c or "deleted" in c]
    created: dict[str, int] = {}
    for c in changes:
        if c.get("created"):
            created[c["table"]] = created.get(c["table"], 0) + 1
    out.extend({"table": t, "created": n} for t, n in sorted(created.items()))
    return out


def _digest(details: str | None) -> str:
    return hashlib.sha256((details or "").encode("utf-8")).hexdigest()


def _row_hash(prev: str, at: datetime, username: str, action: str, citizen_id: int | None, details_sha: str) -> str:
    # The column keeps naive UTC; hash exactly that form so a row read back gives the same text.
    naive = (at.astimezone(UTC) if at.tzinfo else at).replace(tzinfo=None)
    text = "|".join([prev, naive.isoformat(), username, action, "" if citizen_id is None else str(citizen_id), details_sha])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(AUDIT_LOCK)))
    last = session.scalar(select(m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).limit(1))
    if last is not None:
        return last
    anchor = session.scalar(select(m.AuditAnchor.hash).order_by(m.AuditAnchor.id.desc()).limit(1))
    return anchor or GENESIS


def append(
    session: Session,
    username: str,
    action: str,
    citizen_id: int | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> m.AuditEntry:
    """Append one entry to the chain inside the caller's transaction."""
    session.flush()
    when = at or utcnow()
    text = None if details is None else json.dumps(details, ensure_ascii=False, sort_keys=True, default=_plain)
    digest = _digest(text)
    prev = _last_hash(session)
    row = m.AuditEntry(
        at=when,
        username=username,
        action=action,
        citizen_id=citizen_id,
        details=text,
        details_sha256=digest,
        prev_hash=prev,
        hash=_row_hash(prev, when, username, action, citizen_id, digest),
    )
    session.add(row)
    session.flush()
    return row


def record(
    session: Session,
    db: Database,
    action: str,
    citizen_id: int | None = None,
    details: dict[str, Any] | None = None,
    actor: str | None = None,
    with_changes: bool = True,
) -> m.AuditEntry:
    """One entry for a service call: who (the signed-in user), what, which citizen, and — for creates and
    changes — the changed fields' before/after values collected in this transaction."""
    session.flush()
    info = dict(details or {})
    changes = session.info.pop(_CHANGES, [])
    touched = session.info.pop(_TOUCHED, [])
    if citizen_id is None and touched and "citizen_ids" not in info:  # not when the caller named them
        ids = _citizen_ids(session, touched)
        if len(ids) == 1:
            citizen_id = ids[0]
        elif ids:
            info["citizen_ids"] = ids
    if with_changes and changes:
        info["changes"] = _summarise(changes)
    return append(session, access.actor_name(db, actor), action, citizen_id, info or None)


@contextmanager
def audited(
    db: Database, permission: Permission, action: str, what: str, citizen_id: int | None = None,
    scoped: bool = False,
) -> Iterator[Session]:
    """A write transaction for a service call: the role check first, then the work, then its one audit
    entry (the citizen found from the rows touched unless given). ``scoped``: a workplace mentor may
    pass too, and the body checks the company with :func:`access.require_company`."""
    if scoped:
        access.require(db, permission, what)
    else:
        access.require_unscoped(db, permission, what)
    with db.transaction() as s:
        for key in (_CHANGES, _TOUCHED, _ABOUT, _DETAILS):
            s.info.pop(key, None)
        yield s
        record(s, db, action, s.info.pop(_ABOUT, citizen_id), s.info.pop(_DETAILS, None))


def quiet(session: Session) -> None:
    """This transaction writes in bulk and records its own summary: collect no per-row changes."""
    session.info[_QUIET] = True


def about(session: Session, citizen_id: int | None, **details: Any) -> None:
    """Name the citizen (and details) of the entry :func:`audited` writes when the block ends."""
    session.info[_ABOUT] = citizen_id
    if details:
        session.info.setdefault(_DETAILS, {}).update(details)


def log(db: Database, action: str, citizen_id: int | None = None, details: dict[str, Any] | None = None,
        username: str | None = None) -> None:
    """One entry in a transaction of its own (sign-ins, failed sign-ins, events outside a service call)."""
    with db.transaction() as s:
        append(s, username or access.actor_name(db), action, citizen_id, details)


# ---- reading, checking, retention -------------------------------------------------------------------


def _entry(row: m.AuditEntry) -> Entry:
    return Entry(row.id, row.at, row.username, row.action, row.citizen_id,
                 None if row.details is None else json.loads(row.details))


def entries(
    db: Database,
    *,
    action: str | None = None,
    username: str | None = None,
    citizen_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str | None = None,
    limit: int = 1000,
) -> list[Entry]:
    """The newest entries first, filtered (administrators only)."""
    access.require_unscoped(db, Permission.ADMIN, "read the audit log")
    with db.reading() as s:
        q = select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit)
        if action:
            q = q.where(m.AuditEntry.action == action)
        if username:
            q = q.where(m.AuditEntry.username == username)
        if citizen_id is not None:
            q = q.where(m.AuditEntry.citizen_id == citizen_id)
        if since is not None:
            q = q.where(m.AuditEntry.at >= since)
        if until is not None:
            q = q.where(m.AuditEntry.at < until)
        if text:
            q = q.where(m.AuditEntry.details.ilike(f"%{text}%"))
        return [_entry(r) for r in s.scalars(q)]


def citizen_entries(session: Session, citizen_id: int) -> list[Entry]:
    """Every entry about one citizen, oldest first: by citizen id and exports that included them."""
    rows = session.scalars(
        select(m.AuditEntry)
        .where(or_(m.AuditEntry.citizen_id == citizen_id, m.AuditEntry.details.like(f'%"citizen_ids": [%{citizen_id}%')))
        .order_by(m.AuditEntry.id)
    )
    out = []
    for row in rows:
        entry = _entry(row)
        if entry.citizen_id == citizen_id or (entry.details and citizen_id in entry.details.get("citizen_ids", [])):
            out.append(entry)
    return out


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_at: int | None = None  # the id of the first row that does not fit
    problem: str = ""


def verify_chain(db: Database) -> ChainCheck:
    """Recompute every row's hash from the anchor on; the first mismatch names the row."""
    with db.reading() as s:
        anchor = s.scalar(select(m.AuditAnchor.hash).order_by(m.AuditAnchor.id.desc()).limit(1)) or GENESIS
        prev = anchor
        n = 0
        for row in s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)).yield_per(2000):
            n += 1
            if row.prev_hash != prev:
                return ChainCheck(False, n, row.id, "a row before it was removed or inserted")
            if row.details is not None and _digest(row.details) != row.details_sha256:
                return ChainCheck(False, n, row.id, "its details were changed")
            expected = _row_hash(prev, row.at, row.username, row.action, row.citizen_id, row.details_sha256)
            if row.hash != expected:
                return ChainCheck(False, n, row.id, "it was changed")
            prev = row.hash
        return ChainCheck(True, n)


def prune(db: Database, now: datetime | None = None, days: int = RETENTION_DAYS) -> int:
    """Delete entries older than ``days`` (6 months by default); the chain re-anchors. Returns the count."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    with db.transaction() as s:
        last_old = s.scalar(
            select(m.AuditEntry).where(m.AuditEntry.at < cutoff).order_by(m.AuditEntry.id.desc()).limit(1)
        )
        if last_old is None:
            return 0
        removed = s.scalar(select(func.count()).select_from(m.AuditEntry).where(m.AuditEntry.id <= last_old.id))
        s.execute(delete(m.AuditEntry).where(m.AuditEntry.id <= last_old.id))
        s.execute(delete(m.AuditAnchor))
        s.add(m.AuditAnchor(id=1, hash=last_old.hash))
        return int(removed or 0)


def redact_citizen(session: Session, citizen_id: int, needles: list[str]) -> int:
    """Blank the details of every entry about a citizen or mentioning them (erasure); returns the count."""
    rows = list(session.scalars(select(m.AuditEntry).where(m.AuditEntry.details.is_not(None))))
    lowered = [n.lower() for n in needles if n and len(n) >= 2]
    count = 0
    for row in rows:
        text = (row.details or "").lower()
        mentioned = any(n in text for n in lowered) or ('"citizen_ids": [' in text and _mentions(row, citizen_id))
        if row.citizen_id == citizen_id or mentioned:
            row.details = None
            count += 1
    session.flush()
    return count


def _mentions(row: m.AuditEntry, citizen_id: int) -> bool:
    try:
        ids = json.loads(row.details or "{}").get("citizen_ids", [])
    except ValueError:
        return False
    return citizen_id in ids
