"""The audit log's chain: how each entry is sealed, how the chain is checked, and its head kept outside.

**Embedded encrypted database** (``Database.key``): each row's hash is HMAC-SHA256 under a key derived
from the database key, over ``v2|id|prev_hash|at|username|action|citizen_id|details_sha256``. The
row's id is sealed in, so ids run without a gap from the anchor on; the anchor (``audit_anchor``) holds
the id and hash of the last row the retention rule removed. The log's *head* - the last id, its hash
and the anchor's id - is also kept outside the database: in the key file after every commit
(:meth:`KeyStore.set_audit_head`) and in every backup's manifest. The check compares them, so cutting
entries off the end, removing the oldest and re-anchoring, and rewriting entries (also with recomputed
plain SHA-256 hashes) all show. A chain written by an earlier version (plain SHA-256) is re-sealed
with the key at the next sign-in, after it was checked (:func:`seal`).

**PostgreSQL and plain databases** (no key): SHA-256 over the same fields without the id, as before;
the server's access control protects the table.

Honest limit: the key is derived from the database key, which every signed-in user of the laptop
holds. Someone who takes the database key *and* edits the key file and the manifests could rewrite the
log unseen; a backup kept elsewhere (a network folder) still tells.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import AUDIT_HEAD, SESSION_DATABASE, Database, sqlite_path
from placement_desk.db.keystore import KeyStore, KeyStoreError

GENESIS = "0" * 64
AUDIT_LOCK = 7_263_002  # PostgreSQL advisory lock that serialises appends to the chain
_LABEL = b"placement-desk audit chain v1"


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_at: int | None = None  # the id of the first row that does not fit (None: a head differs)
    problem: str = ""  # in English, for the command line and the log
    code: str = ""  # the kind of problem, for the UI's words (see PROBLEMS)
    args: tuple[str, ...] = ()  # the numbers and names the UI's sentence needs


# code -> what it means; the heads' problems name where the head was recorded and the ids (args).
PROBLEMS = {
    "moved": "a row before it was removed or inserted",
    "details": "its details were changed",
    "changed": "it was changed",
    "seal": "it was changed (its seal does not fit)",
    "gap": "rows before it were removed (the ids have a gap)",
    "reanchored": "the oldest entries were removed and the log re-anchored",
    "truncated": "entries at the end were removed",
    "rewritten": "the log was rewritten",
}
KEY_FILE = "the key file"


def _broken(n: int, row_id: int, code: str) -> ChainCheck:
    return ChainCheck(False, n, row_id, PROBLEMS[code], code)


# ---- hashing -------------------------------------------------------------------------------------


def chain_key(db: Database | None) -> bytes | None:
    """The chain's HMAC key (derived from the database key), or None for an unkeyed chain."""
    if db is None or db.key is None or sqlite_path(db.url) is None:
        return None
    return hmac.new(db.key, _LABEL, hashlib.sha256).digest()


def session_key(session: Session) -> bytes | None:
    db = session.info.get(SESSION_DATABASE)
    return chain_key(db if isinstance(db, Database) else None)


def _fields(prev: str, at: datetime, username: str, action: str, citizen_id: int | None, details_sha: str) -> str:
    # The column keeps naive UTC; hash exactly that form so a row read back gives the same text.
    naive = (at.astimezone(UTC) if at.tzinfo else at).replace(tzinfo=None)
    return "|".join(
        [prev, naive.isoformat(), username, action, "" if citizen_id is None else str(citizen_id), details_sha]
    )


def legacy_hash(prev: str, at: datetime, username: str, action: str, citizen_id: int | None, details_sha: str) -> str:
    """The unkeyed hash (PostgreSQL, plain databases, chains of earlier versions)."""
    return hashlib.sha256(_fields(prev, at, username, action, citizen_id, details_sha).encode("utf-8")).hexdigest()


def keyed_hash(key: bytes, row_id: int, prev: str, at: datetime, username: str, action: str,
               citizen_id: int | None, details_sha: str) -> str:  # fmt: skip
    text = f"v2|{row_id}|" + _fields(prev, at, username, action, citizen_id, details_sha)
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def _row_keyed(key: bytes, row: m.AuditEntry, prev: str) -> str:
    return keyed_hash(key, row.id, prev, row.at, row.username, row.action, row.citizen_id, row.details_sha256)


def _row_legacy(row: m.AuditEntry, prev: str) -> str:
    return legacy_hash(prev, row.at, row.username, row.action, row.citizen_id, row.details_sha256)


# ---- appending -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Where the next entry goes: its id (keyed chains), the hash it chains to, and the anchor's id."""

    next_id: int | None
    prev: str
    pruned_through: int


def _anchor(session: Session) -> tuple[int, str] | None:
    row = session.execute(
        select(m.AuditAnchor.id, m.AuditAnchor.hash).order_by(m.AuditAnchor.id.desc()).limit(1)
    ).first()
    return None if row is None else (int(row[0]), str(row[1]))


def next_link(session: Session, keyed: bool) -> Link:
    """The end of the chain the next entry is appended to (PostgreSQL: under an advisory lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(AUDIT_LOCK)))
    anchor = _anchor(session)
    through = anchor[0] if anchor is not None else 0
    last = session.execute(select(m.AuditEntry.id, m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).limit(1)).first()
    if last is not None:
        return Link(int(last[0]) + 1 if keyed else None, str(last[1]), through)
    return Link(through + 1 if keyed else None, anchor[1] if anchor is not None else GENESIS, through)


def note_head(session: Session, last_id: int, last_hash: str, pruned_through: int) -> None:
    """Remember the chain's head: the Database writes it to the key file once the transaction commits."""
    session.info[AUDIT_HEAD] = {"last_id": last_id, "hash": last_hash, "pruned_through": pruned_through}


# ---- the heads kept outside the database -----------------------------------------------------------


@dataclass(frozen=True)
class Head:
    source: str  # "the key file" or a backup's name
    last_id: int
    hash: str
    pruned_through: int


def head_of(conn: Any) -> dict[str, Any] | None:
    """The head of the chain in an open DB-API connection (a backup being made): for its manifest."""
    try:
        last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        anchor = conn.execute("SELECT id FROM audit_anchor ORDER BY id DESC LIMIT 1").fetchone()
    except Exception:
        return None
    through = int(anchor[0]) if anchor is not None else 0
    if last is None:
        return {"last_id": through, "hash": "", "pruned_through": through}
    return {"last_id": int(last[0]), "hash": str(last[1]), "pruned_through": through}


def _head(source: str, data: Any) -> Head | None:
    if not isinstance(data, dict):
        return None
    last_id, digest, through = data.get("last_id"), data.get("hash"), data.get("pruned_through", 0)
    if not isinstance(last_id, int) or not isinstance(digest, str) or not isinstance(through, int):
        return None
    return Head(source, last_id, digest, through)


def _key_file(db: Database) -> KeyStore | None:
    path = sqlite_path(db.url)
    if db.key is None or path is None or not KeyStore.path_for(path).exists():
        return None
    try:
        return KeyStore.load(KeyStore.path_for(path))
    except KeyStoreError:
        return None


def external_heads(db: Database) -> list[Head]:
    """The heads recorded outside the database: the key file's, and those of the backups in the default
    folder made since the last restore (a restore brings an older log back on purpose)."""
    store = _key_file(db)
    if store is None:
        return []
    stored = store.audit_head()
    heads = [h for h in [_head(KEY_FILE, stored)] if h is not None]
    since = str((stored or {}).get("since", ""))
    path = sqlite_path(db.url)
    assert path is not None
    folder = path.parent / "backups"
    if folder.is_dir():
        for manifest in sorted(folder.glob(f"{path.stem}-backup-*.db.json")):
            try:
                doc = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(doc, dict) or _when(doc.get("created")) < _when(since):
                continue
            head = _head(manifest.name.removesuffix(".json"), doc.get("audit"))
            if head is not None:
                heads.append(head)
    return heads


# ---- checking and sealing --------------------------------------------------------------------------


def _walk(db: Database, key: bytes | None, want: set[int],
          legacy_ok: bool = True) -> tuple[ChainCheck, int, int, dict[int, str], int]:  # fmt: skip
    """Check every row from the anchor on: (the result, the anchor's id, the last id, the hashes of the
    ids in ``want``, how many rows still carry an unkeyed hash). With a key, unkeyed rows are accepted
    only before the first keyed one (a chain from before keying, not yet sealed), and only while the
    key file holds no head (``legacy_ok``: once sealed, a chain recomputed with plain SHA-256 is not)."""
    with db.reading() as s:
        anchor = _anchor(s)
        through, prev = anchor if anchor is not None else (0, GENESIS)
        prev_id = last_id = through
        n = legacy = 0
        hashes: dict[int, str] = {}
        for row in s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)).yield_per(2000):
            n += 1
            if row.prev_hash != prev:
                return _broken(n, row.id, "moved"), through, last_id, hashes, legacy
            if row.details is not None and _digest(row.details) != row.details_sha256:
                return _broken(n, row.id, "details"), through, last_id, hashes, legacy
            if key is None:
                if row.hash != _row_legacy(row, prev):
                    return _broken(n, row.id, "changed"), through, last_id, hashes, legacy
            elif hmac.compare_digest(row.hash, _row_keyed(key, row, prev)):
                if row.id != prev_id + 1:
                    return _broken(n, row.id, "gap"), through, last_id, hashes, legacy
            elif not legacy_ok or legacy < n - 1 or row.hash != _row_legacy(row, prev):
                return _broken(n, row.id, "seal"), through, last_id, hashes, legacy
            else:
                legacy += 1
            if row.id in want:
                hashes[row.id] = row.hash
            prev, prev_id, last_id = row.hash, row.id, row.id
    return ChainCheck(True, n), through, last_id, hashes, legacy


def verify(db: Database) -> ChainCheck:
    """Recompute every row's hash from the anchor on; then compare the heads kept outside. The first
    mismatch names the row (or the head) and what is wrong."""
    key = chain_key(db)
    heads = external_heads(db) if key is not None else []
    sealed = any(h.source == KEY_FILE for h in heads)
    check, through, last_id, hashes, _ = _walk(db, key, {h.last_id for h in heads}, legacy_ok=not sealed)
    if not check.ok:
        return check
    for head in heads:
        found = _compare(head, through, last_id, hashes)
        if found is not None:
            code, args, detail = found
            return ChainCheck(False, check.checked, None, f"{PROBLEMS[code]} ({detail})", code, args)
    return check


def _compare(head: Head, through: int, last_id: int, hashes: dict[int, str]) -> tuple[str, tuple[str, ...], str] | None:
    """(code, args, English detail) of a head that does not fit the log, or None."""
    if head.source == KEY_FILE and head.pruned_through != through:
        detail = f"the key file records entries removed up to {head.pruned_through}, the log up to {through}"
        return "reanchored", (head.source, str(head.pruned_through), str(through)), detail
    if head.last_id > last_id:
        detail = f"{head.source} records entry {head.last_id}, the log ends at {last_id}"
        return "truncated", (head.source, str(head.last_id), str(last_id)), detail
    if head.last_id <= through or not head.hash:
        return None  # removed by the retention rule since (or an empty log): nothing left to compare
    if not hmac.compare_digest(hashes.get(head.last_id, ""), head.hash):
        detail = f"entry {head.last_id} differs from what {head.source} records"
        return "rewritten", (head.source, str(head.last_id)), detail
    return None


def seal(db: Database) -> int:
    """Seal a chain written without the key (an earlier version, or a database just encrypted) with it,
    after checking it: every row's hash recomputed as an HMAC. Returns the rows re-sealed (0 when the
    chain is keyed already, the database has no key, or the chain does not check out - then it is left
    as the evidence it is, and the check reports it)."""
    key = chain_key(db)
    if key is None or _keyed_from_the_start(db, key):
        return 0
    check, _, _, _, legacy = _walk(db, key, set())
    if not check.ok or legacy == 0:
        return 0
    with db.transaction() as s:
        anchor = _anchor(s)
        rows = list(s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)))
        through = rows[0].id - 1
        prev = anchor[1] if anchor is not None else GENESIS
        if anchor is not None and anchor[0] != through:
            s.execute(delete(m.AuditAnchor))
            s.add(m.AuditAnchor(id=through, hash=prev))
        # Ids from the anchor on without a gap: the keyed hash seals each row's position.
        for offset, row in enumerate(rows):
            if row.id != through + 1 + offset:
                row.id = through + 1 + offset
        for row in rows:  # two passes: the unique hash column never holds a value twice mid-way
            row.hash = "~" + row.hash
        s.flush()
        for row in rows:
            row.prev_hash = prev
            row.hash = _row_keyed(key, row, prev)
            prev = row.hash
        s.flush()
        note_head(s, rows[-1].id, rows[-1].hash, through)
    reset_head(db)  # backups made before the seal hold the unkeyed hashes: not compared any more
    return len(rows)


def _keyed_from_the_start(db: Database, key: bytes) -> bool:
    """True when there is nothing to seal, read from the first entry alone (every sign-in asks, so it must
    not read the whole log): an empty log, or one whose first entry after the anchor carries its keyed
    hash - unkeyed entries are accepted only before the first keyed one, so such a chain has none (an
    unkeyed entry further on is a broken seal, which the integrity check reports; sealing would not touch
    it either)."""
    with db.reading() as s:
        anchor = _anchor(s)
        first = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id).limit(1)).first()
        if first is None:
            return True
        prev = anchor[1] if anchor is not None else GENESIS
        return hmac.compare_digest(first.hash, _row_keyed(key, first, prev))


def reset_head(db: Database) -> None:
    """After a restore: the key file records the restored log's head (an older log, on purpose), and
    backups made before now are no longer compared."""
    store = _key_file(db)
    if store is None:
        return
    with db.reading() as s:
        anchor = _anchor(s)
        through = anchor[0] if anchor is not None else 0
        last = s.execute(select(m.AuditEntry.id, m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).limit(1)).first()
    head: dict[str, Any] = {"last_id": through, "hash": "", "pruned_through": through}
    if last is not None:
        head.update(last_id=int(last[0]), hash=str(last[1]))
    head["since"] = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    store.set_audit_head(head, reset=True)


def _when(text: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _digest(details: str | None) -> str:
    return hashlib.sha256((details or "").encode("utf-8")).hexdigest()
