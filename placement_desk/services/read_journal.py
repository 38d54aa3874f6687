"""The read journal: the audit entries of reads made while the database refuses every write.

After a failed integrity check (``Database.write_refusal``) nothing is written to the database file, but
the user may still read it, and every read of personal data needs its audit entry. Those entries wait
here, in a private file beside the database (``<database>.reads``, ``0600``, written whole or not at all
through :mod:`placement_desk.db.private`), and are appended to the audit log in one transaction once the
database takes writes again (:func:`placement_desk.services.audit.fold_read_journal`): at the next start
whose integrity check passes, or after a backup was restored.

The journal holds what the audit row would hold - who, when, what, the citizen's id (never a name or a
ref) and the details with CPR numbers masked. On an encrypted database every entry is sealed with
AES-GCM under a key derived from the database key, so the journal is as readable as the database is.

The first line names the journal (a random token); every entry folded in carries it, so a journal whose
entries are already in the log (a crash between the commit and removing the file) is not folded twice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from placement_desk.db.engine import Database, sqlite_path
from placement_desk.db.private import write_private

SUFFIX = ".reads"
_KEY_LABEL = b"placement-desk read journal"
log = logging.getLogger(__name__)
_WRITING = threading.Lock()  # a read in a worker thread (a document rendered) beside one in the window


@dataclass(frozen=True)
class Read:
    """One audit entry waiting for the database to take writes again."""

    at: datetime
    username: str
    action: str
    citizen_id: int | None
    details: dict[str, Any] | None  # as the audit row would hold them (CPR numbers masked)


@dataclass(frozen=True)
class Journal:
    token: str
    reads: list[Read]


def path_for(db: Database) -> Path | None:
    """The journal beside an embedded database (None for a server database or an in-memory one)."""
    path = sqlite_path(db.url)
    return None if path is None else path.with_name(path.name + SUFFIX)


def add(db: Database, read: Read) -> bool:
    """Append ``read`` to the journal; False when there is nowhere to keep it (no database file)."""
    path = path_for(db)
    if path is None:
        log.warning("a read while the database refuses writes could not be journaled: no database file")
        return False
    entry = {
        "at": read.at.isoformat(),
        "username": read.username,
        "action": read.action,
        "citizen_id": read.citizen_id,
        "details": read.details,
    }
    with _WRITING:
        existing = path.read_bytes() if path.exists() else b""
        if existing:
            token = _token(existing)
        else:
            token = new_token()
            existing = json.dumps({"journal": token}).encode("utf-8") + b"\n"
        write_private(path, existing + _seal(db, token, entry) + b"\n")
    return True


def load(db: Database) -> Journal | None:
    """The journal's entries, oldest first (None when there is no journal)."""
    path = path_for(db)
    if path is None or not path.exists():
        return None
    data = path.read_bytes()
    if not data.strip():
        return None
    token = _token(data)
    reads = []
    for line in data.splitlines()[1:]:
        if line.strip():
            e = _open(db, token, line)
            reads.append(
                Read(datetime.fromisoformat(e["at"]), e["username"], e["action"], e["citizen_id"], e["details"])
            )
    return Journal(token, reads)


def remove(db: Database) -> None:
    path = path_for(db)
    if path is not None:
        path.unlink(missing_ok=True)


# Hex with its digits written as letters: a token never holds a run of digits that the audit log's CPR
# masking (services.audit.mask_cpr) would take for a CPR number and change.
_NO_DIGITS = str.maketrans("0123456789", "ghijklmnop")


def new_token() -> str:
    """A journal's random name: 32 letters a-p."""
    return secrets.token_hex(16).translate(_NO_DIGITS)


def _token(data: bytes) -> str:
    first = json.loads(data.split(b"\n", 1)[0])
    return str(first["journal"])


def _cipher_key(db: Database) -> bytes | None:
    return None if db.key is None else hmac.new(db.key, _KEY_LABEL, hashlib.sha256).digest()


def _seal(db: Database, token: str, entry: dict[str, Any]) -> bytes:
    plain = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8")
    key = _cipher_key(db)
    if key is None:
        return plain
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, plain, token.encode("ascii"))
    return json.dumps({"sealed": base64.b64encode(nonce + sealed).decode("ascii")}).encode("utf-8")


def _open(db: Database, token: str, line: bytes) -> dict[str, Any]:
    entry: dict[str, Any] = json.loads(line)
    if "sealed" not in entry:
        return entry
    key = _cipher_key(db)
    if key is None:
        raise ValueError("the read journal is sealed but the database has no key")
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = base64.b64decode(entry["sealed"])
    opened: dict[str, Any] = json.loads(AESGCM(key).decrypt(raw[:12], raw[12:], token.encode("ascii")))
    return opened
