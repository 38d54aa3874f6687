"""The audit log: append-only, tamper-evident, kept 6 months.

Every service call that views, lists, searches, creates, changes, exports, issues, imports or erases
personal data writes exactly one entry in the same transaction as its change (so there is never a
change without its entry, or an entry for a change that was rolled back). Sign-ins and failed sign-ins
are logged too.

Tamper evidence (:mod:`placement_desk.services.audit_chain`): each row stores its hash over ``prev_hash
| at | username | action | citizen_id | details_sha256`` and the previous row's hash - on the encrypted
embedded database an HMAC under a key derived from the database key that also seals the row's id, with
the chain's head kept in the key file and in every backup manifest. Changing, inserting or removing a
row, cutting the end off, re-anchoring or recomputing the hashes breaks the check (:func:`verify_chain`).

``details`` (JSON) may hold personal data (the search criterion, before/after values) but never a CPR
number: anything shaped like one is kept as ``170383-****`` (:func:`mask_cpr`). Erasure of a citizen
blanks the details but keeps their SHA-256, so the chain still verifies. The retention rule removes the
oldest rows and stores the id and hash of the last removed row as the chain's anchor.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, event, func, inspect, or_, select
from sqlalchemy.orm import Session, UOWTransaction, object_session

from placement_desk.db import models as m
from placement_desk.db import team
from placement_desk.db.base import Base, utcnow
from placement_desk.db.engine import COMMITTED, Database
from placement_desk.domain.errors import DatabaseDamaged
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit_chain, read_journal
from placement_desk.services.audit_chain import AUDIT_LOCK as AUDIT_LOCK
from placement_desk.services.audit_chain import GENESIS as GENESIS
from placement_desk.services.audit_chain import ChainCheck as ChainCheck
from placement_desk.services.changes import Change, Changes, Kind, summarise

RETENTION_DAYS = 183  # about 6 months

# An entry's details: names to JSON-able values (texts, numbers, dates, lists of them), never a CPR number.
Details = Mapping[str, object]

# Actions (the ``action`` column).
VIEW, SEARCH, CREATE, CHANGE, DELETE = "view", "search", "create", "change", "delete"
EXPORT, ISSUE, IMPORT, ERASE = "export", "issue", "import", "erasure"
LOGIN, FAILED_LOGIN, LOGOUT, USERS, RESTORE = "login", "failed_login", "logout", "users", "restore"
LIST, BACKUP = "list", "backup"
ACTIONS = (VIEW, LIST, SEARCH, CREATE, CHANGE, DELETE, EXPORT, ISSUE, IMPORT, ERASE, LOGIN, FAILED_LOGIN, LOGOUT,
           USERS, RESTORE, BACKUP)  # fmt: skip
# What may still happen while a failed integrity check refuses every write: reading (its entries wait in
# the read journal, services.read_journal) and signing in and out.
READS = (VIEW, LIST, SEARCH, EXPORT)
JOURNALED = (*READS, LOGIN, FAILED_LOGIN, LOGOUT)
# A CPR number (ddmmyy-nnnn, with or without the dash or a space) and, in a search criterion, any run
# of six digits with more after it (a CPR number being typed).
_CPR = re.compile(r"(?<!\d)(\d{6})[- ]?\d{4}(?!\d)")
_CPR_TYPED = re.compile(r"(?<!\d)(\d{6})[- ]?\d{1,4}(?!\d)")

_NOISE = {"version", "created_at", "updated_at", "updated_by", "created_by", "password_hash"}
_CHANGES = "audit_changes"
_TOUCHED = "audit_touched"
_ABOUT = "audit_citizen"
_DETAILS = "audit_details"
_QUIET = "audit_quiet"
_ROWS = "audit_rows"  # the rows written, for the transaction's Changes (services.changes)
_READ_ONLY = "audit_read_only"  # a read while the database refuses writes: no flush may write a row


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
    rows: list[Change] = session.info.setdefault(_ROWS, [])
    written: tuple[tuple[Kind, Any], ...] = (("updated", session.dirty), ("created", session.new),
                                              ("removed", session.deleted))  # fmt: skip
    for kind, objects in written:
        for obj in objects:
            if not isinstance(obj, _SKIP) and (kind != "updated" or session.is_modified(obj)):
                rows.append(Change(kind, inspect(obj).mapper.local_table.name, getattr(obj, "id", None),
                                   getattr(obj, "version", None)))  # fmt: skip
                touched.append(_touch(obj))  # every row written names its citizen, noise-only updates too
    for kind, objects in written:
        for obj in objects:
            change = None if isinstance(obj, _SKIP) else _change_of(kind, obj)
            if change is not None:
                changes.append(change)


@event.listens_for(Base, "after_delete", propagate=True)
def _collect_orphan(_mapper: Any, _connection: Any, obj: Any) -> None:
    """A row the flush itself deleted (taken out of its parent's list: delete-orphan) is in no
    ``session.deleted``: note it here for the audit entry and the transaction's Changes."""
    session = object_session(obj)
    if session is None or isinstance(obj, _SKIP) or session.info.get(_QUIET) or obj in session.deleted:
        return
    table = inspect(obj).mapper.local_table.name
    session.info.setdefault(_ROWS, []).append(Change("removed", table, getattr(obj, "id", None), None))
    session.info.setdefault(_TOUCHED, []).append(_touch(obj))
    session.info.setdefault(_CHANGES, []).append({"table": table, "id": getattr(obj, "id", None), "deleted": True})


def _change_of(kind: Kind, obj: Any) -> dict[str, Any] | None:
    """What the audit entry says about one written row (None: an update that changed nothing)."""
    table = inspect(obj).mapper.local_table.name
    if kind == "created":
        return {"table": table, "created": True}
    if kind == "removed":
        return {"table": table, "id": getattr(obj, "id", None), "deleted": True}
    fields = _changed_fields(obj)
    return {"table": table, "id": getattr(obj, "id", None), "fields": fields} if fields else None


def _changed_fields(obj: Any) -> dict[str, list[Any]]:
    """The before/after of every column of ``obj`` whose value changed (bookkeeping columns left out)."""
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
    return fields


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


def mask_cpr(value: Any, typed: bool = False) -> Any:
    """``value`` with every CPR number in its texts kept as ``170383-****`` (lists and mappings too);
    ``typed``: also a CPR number half typed (a search criterion)."""
    if isinstance(value, str):
        return (_CPR_TYPED if typed else _CPR).sub(r"\1-****", value)
    if isinstance(value, dict):
        return {k: mask_cpr(v, typed or k == "criterion") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_cpr(v, typed) for v in value]
    return value


def _masked(details: Details | None) -> dict[str, Any] | None:
    """``details`` as plain JSON values with CPR numbers masked: what an entry stores."""
    if details is None:
        return None
    plain = json.loads(json.dumps(dict(details), ensure_ascii=False, default=_plain))
    masked: dict[str, Any] = mask_cpr(plain)
    return masked


def append(
    session: Session,
    username: str,
    action: str,
    citizen_id: int | None = None,
    details: Details | None = None,
    at: datetime | None = None,
) -> m.AuditEntry:
    """Append one entry to the chain inside the caller's transaction (CPR numbers in ``details`` masked)."""
    session.flush()
    when = at or utcnow()
    masked = _masked(details)
    text = None if masked is None else json.dumps(masked, ensure_ascii=False, sort_keys=True)
    digest = _digest(text)
    key = audit_chain.session_key(session)
    link = audit_chain.next_link(session, keyed=key is not None)
    if key is not None and link.next_id is not None:
        digest_hash = audit_chain.keyed_hash(key, link.next_id, link.prev, when, username, action, citizen_id, digest)
    else:
        digest_hash = audit_chain.legacy_hash(link.prev, when, username, action, citizen_id, digest)
    row = m.AuditEntry(
        id=link.next_id,
        at=when,
        username=username,
        action=action,
        citizen_id=citizen_id,
        details=text,
        details_sha256=digest,
        prev_hash=link.prev,
        hash=digest_hash,
    )
    session.add(row)
    session.flush()
    if key is not None:
        audit_chain.note_head(session, row.id, row.hash, link.pruned_through)
    return row


def record(
    session: Session,
    db: Database,
    action: str,
    citizen_id: int | None = None,
    details: Details | None = None,
    actor: str | None = None,
    with_changes: bool = True,
) -> m.AuditEntry:
    """One entry for a service call: who (the signed-in user), what, which citizen, and — for creates and
    changes — the changed fields' before/after values collected in this transaction."""
    session.flush()
    info = dict(details or {})
    changes = session.info.pop(_CHANGES, [])
    touched = session.info.pop(_TOUCHED, [])
    ids = _citizen_ids(session, touched) if touched else []
    if citizen_id is None and "citizen_ids" not in info:  # not when the caller named them
        if len(ids) == 1:
            citizen_id = ids[0]
        elif ids:
            info["citizen_ids"] = ids
    _note_changes(session, session.info.pop(_ROWS, []), {*ids, *([citizen_id] if citizen_id else [])})
    if with_changes and changes:
        info["changes"] = _summarise(changes)
    return append(session, access.actor_name(db, actor), action, citizen_id, info or None)


def _note_changes(session: Session, rows: list[Change], citizen_ids: set[int]) -> None:
    """Keep this transaction's Changes for the database to hand on after the commit (bulk: everything)."""
    if session.info.get(_QUIET):
        found = Changes.all()
    else:
        refs = session.scalars(select(m.Citizen.ref).where(m.Citizen.id.in_(citizen_ids))) if citizen_ids else ()
        found = summarise(rows, refs)
    earlier = session.info.get(COMMITTED)
    if found:
        session.info[COMMITTED] = earlier.merged(found) if isinstance(earlier, Changes) else found


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
    if db.write_refusal is not None and action in READS:
        with _read_only(db, action, citizen_id) as s:
            yield s
        return
    with db.transaction() as s:
        for key in (_CHANGES, _TOUCHED, _ABOUT, _DETAILS, _ROWS):
            s.info.pop(key, None)
        yield s
        record(s, db, action, s.info.pop(_ABOUT, citizen_id), s.info.pop(_DETAILS, None))


@contextmanager
def _read_only(db: Database, action: str, citizen_id: int | None) -> Iterator[Session]:
    """:func:`audited` while the database refuses writes: the body reads in a session that is never
    committed and may not write a row (a body that would is refused: DatabaseDamaged); its entry goes to
    the read journal."""
    with db.reading() as s:
        s.info[_READ_ONLY] = db.write_refusal
        try:
            yield s
            about_id = s.info.pop(_ABOUT, citizen_id)
            details = s.info.pop(_DETAILS, None)
        finally:
            s.info.pop(_READ_ONLY, None)
            s.rollback()
    _journal(db, action, about_id, details)


@event.listens_for(Session, "before_flush")
def _refuse_writes_while_read_only(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    refusal = session.info.get(_READ_ONLY)
    if refusal is None:
        return
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise DatabaseDamaged(str(refusal))


def _journal(db: Database, action: str, citizen_id: int | None, details: Details | None,
             username: str | None = None) -> None:
    read = read_journal.Read(utcnow(), username or access.actor_name(db), action, citizen_id, _masked(details))
    read_journal.add(db, read)


def fold_read_journal(db: Database) -> int:
    """The reads journaled while the database refused writes, appended to the audit log in one
    transaction (each entry marked with the journal's token and ``read_only``); the journal is removed
    afterwards. Nothing while writes are still refused. Returns how many entries were added."""
    if db.write_refusal is not None:
        return 0
    journal = read_journal.load(db)
    if journal is None:
        return 0
    added = 0
    with db.transaction() as s:
        folded = s.scalar(
            select(m.AuditEntry.id).where(m.AuditEntry.details.like(f'%"read_journal": "{journal.token}"%')).limit(1)
        )
        if folded is None:  # not yet (a crash after the commit leaves a journal that is already in)
            for r in journal.reads:
                details = {**(r.details or {}), "read_only": True, "read_journal": journal.token}
                append(s, r.username, r.action, r.citizen_id, details, at=r.at)
                added += 1
    read_journal.remove(db)
    return added


def quiet(session: Session) -> None:
    """This transaction writes in bulk and records its own summary: collect no per-row changes."""
    session.info[_QUIET] = True


def about(session: Session, citizen_id: int | None, **details: Any) -> None:
    """Name the citizen (and details) of the entry :func:`audited` writes when the block ends."""
    session.info[_ABOUT] = citizen_id
    if details:
        session.info.setdefault(_DETAILS, {}).update(details)


def log(db: Database, action: str, citizen_id: int | None = None, details: Details | None = None,
        username: str | None = None) -> None:
    """One entry in a transaction of its own (sign-ins, failed sign-ins, events outside a service call).
    While the database refuses writes, a read, sign-in or sign-out waits in the read journal."""
    if db.write_refusal is not None and action in JOURNALED:
        _journal(db, action, citizen_id, details, username)
        return
    with db.transaction() as s:
        append(s, username or access.actor_name(db), action, citizen_id, details)


def log_read(db: Database, what: str, citizen_ids: Iterable[int] = (), **criterion: Any) -> None:
    """One entry for a read of personal data outside a citizen's page - a list, a week of attendance,
    a company's page, the dashboard - with its criterion and the citizens it showed (one: the entry's
    citizen; more: ``citizen_ids``). Written after the read, in its own transaction; while a failed
    integrity check refuses every write, into the read journal (:func:`fold_read_journal`)."""
    ids = sorted(set(citizen_ids))
    details: dict[str, Any] = {"read": what, **{k: _plain(v) for k, v in criterion.items() if v is not None}}
    if len(ids) > 1:
        details["citizen_ids"] = ids
    log(db, LIST, ids[0] if len(ids) == 1 else None, details)


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


def verify_chain(db: Database) -> ChainCheck:
    """Recompute every row's hash from the anchor on and compare the heads kept outside the database
    (the key file, the backups' manifests); the first mismatch names the row or what is wrong."""
    return audit_chain.verify(db)


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
        last = s.execute(select(m.AuditEntry.id, m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).limit(1)).one()
        s.execute(delete(m.AuditEntry).where(m.AuditEntry.id <= last_old.id))
        s.execute(delete(m.AuditAnchor))
        s.add(m.AuditAnchor(id=last_old.id, hash=last_old.hash))  # the id: how far the log was cut, on purpose
        if db.key is not None:
            audit_chain.note_head(s, int(last[0]), str(last[1]), last_old.id)
        return int(removed or 0)


def redact_citizen(session: Session, citizen_id: int, needles: list[str]) -> int:
    """Blank the details of every entry about a citizen or mentioning them (erasure); returns the count."""
    rows = list(session.scalars(select(m.AuditEntry).where(m.AuditEntry.details.is_not(None))))
    lowered = [n.lower() for n in needles if n and len(n) >= 2]
    chosen = []
    for row in rows:
        text = (row.details or "").lower()
        mentioned = any(n in text for n in lowered) or ('"citizen_ids": [' in text and _mentions(row, citizen_id))
        if row.citizen_id == citizen_id or mentioned:
            chosen.append(row)
    if team.is_team(session):  # nobody's login updates the audit log: an administrator's function blanks them
        session.flush()
        count = team.erase_audit_details(session, [row.id for row in chosen])
        for row in chosen:
            session.expire(row)
        return count
    for row in chosen:
        row.details = None
    session.flush()
    return len(chosen)


def _mentions(row: m.AuditEntry, citizen_id: int) -> bool:
    try:
        ids = json.loads(row.details or "{}").get("citizen_ids", [])
    except ValueError:
        return False
    return citizen_id in ids
