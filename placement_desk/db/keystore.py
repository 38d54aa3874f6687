"""The key file of an encrypted database: the random database key, wrapped once per user and once by
the recovery code.

The embedded database is encrypted (SQLCipher) with a random 256-bit key. That key is never stored as
it is: the JSON file ``<database>.keys`` next to the database holds it *wrapped* (AES key wrap, RFC
3394) under a key-encryption key derived from each user's password with Argon2id, and once more under
the recovery code shown when the store is created (so a forgotten password never locks the data
away). Every entry keeps its own salt and Argon2 parameters, so files written with other parameters
keep opening. A key check value (HMAC-SHA256 of a fixed text under the key) lets :meth:`KeyStore.add_user`
refuse a key that is not this database's.

The file also counts failed unlocks: three for one user name within 24 hours lock that user name until
24 hours after the first of them (:class:`LockedOut`). Failures are kept as *pending events* until
the app, once unlocked, writes them into its audit log (:meth:`KeyStore.pending_events`). An attempt
is counted before it is tried, so a file that cannot be written refuses the attempt. The lock-out slows
guessing *through the program*; it cannot stop anyone who copies this file and guesses offline (at the
cost of Argon2id per guess) or edits its ``failures`` - the passwords' strength is what protects then.
The recovery code lifts a lock (:meth:`KeyStore.lift_lock`).

The file also keeps the audit log's head (:meth:`KeyStore.audit_head`, see services.audit), so that
cutting entries off the log shows even though the log itself is in the database.

User names are matched exactly as given. Every write replaces the whole file atomically and durably
(a temporary file in the same folder, fsync, rename, fsync of the folder): a crash leaves the old or
the new file, never half of one. Neither a key nor a password is ever written in plaintext.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from placement_desk.db.sqlite_files import fsync_dir

FORMAT = "placement-desk/keys"
VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
MAX_FAILURES = 3
FAILURE_WINDOW = timedelta(hours=24)
MAX_PENDING_EVENTS = 1000  # a flood of failed attempts while locked never grows the file without bound
_CHECK_TEXT = b"placement-desk key check"
# Crockford's base 32: digits and capitals without I, L, O and U (no 1/I/L or 0/O mix-ups).
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP_SIZE = 8, 4  # 32 characters of 5 bits: 160 bits
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_WRONG_LOGIN = "The user name or password is wrong."
_WRONG_RECOVERY = "The recovery code is wrong."


class KeyStoreError(Exception):
    """The key file is missing, damaged or refuses an operation; the message says why in plain English."""


class WrongPassword(KeyStoreError):
    """A wrong password, unknown user name or wrong recovery code (the same message for the first two)."""


class KeyFileNotWritten(KeyStoreError):
    """The key file could not be written (a full disk, a read-only folder); it is unchanged. An unlock
    is then not even tried (its failure could not be counted)."""


class LockedOut(KeyStoreError):
    """Too many failed unlocks of one user name: no attempt is made until ``until`` (UTC)."""

    def __init__(self, username: str, until: datetime) -> None:
        self.username = username
        self.until = until
        super().__init__(
            f"Sign-in as {username!r} is blocked after {MAX_FAILURES} failed attempts; "
            f"try again after {until.astimezone():%Y-%m-%d %H:%M} (or use the recovery code)."
        )


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters of one wrapped entry (memory in KiB)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 2

    def to_json(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", "time_cost": self.time_cost, "memory_cost": self.memory_cost,
                "parallelism": self.parallelism}  # fmt: skip

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation")
        values: list[int] = []
        for name in ("time_cost", "memory_cost", "parallelism"):
            value = data.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError("bad key derivation parameters")
            values.append(value)
        return cls(*values)


FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)  # tests only: cheap, not safe
DEFAULT_KDF = KdfParams()  # new key files (the test suite swaps in FAST_KDF)


def key_check(key: bytes) -> str:
    """The key check value stored in the file (reveals nothing about the key)."""
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


def normalize_recovery_code(code: str) -> str:
    """The recovery code as 32 characters of :data:`RECOVERY_ALPHABET`: case, dashes and spaces ignored,
    O read as 0 and I/L as 1. Raises WrongPassword when it cannot be a recovery code."""
    cleaned = "".join(ch for ch in code.upper() if not ch.isspace() and ch not in "-_.").translate(_LOOKALIKES)
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_SIZE or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise WrongPassword(
            f"{_WRONG_RECOVERY} A recovery code has {RECOVERY_GROUPS} groups of {RECOVERY_GROUP_SIZE} "
            "letters and digits, like ABCD-EFGH-…"
        )
    return cleaned


def new_recovery_code() -> str:
    """A new random recovery code, e.g. ``7K3Q-MZ0D-…`` (8 groups of 4; 160 bits)."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_SIZE))
    return "-".join(chars[i : i + RECOVERY_GROUP_SIZE] for i in range(0, len(chars), RECOVERY_GROUP_SIZE))


class KeyStore:
    """The key file of one database (see the module documentation). Each change is written at once."""

    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self.path = path
        self._doc = document

    # ---- opening -------------------------------------------------------------------------------

    @staticmethod
    def path_for(db_path: Path) -> Path:
        """The key file of the database file ``db_path``: ``<name>.keys`` beside it."""
        return db_path.with_name(db_path.name + ".keys")

    @classmethod
    def create(
        cls, path: Path, username: str, password: str, kdf: KdfParams | None = None
    ) -> tuple[KeyStore, bytes, str]:
        """A new store with a new random database key and its first user.

        Returns the store, the key (to create the encrypted database with) and the recovery code to
        show once. Refuses to overwrite an existing key file.
        """
        if path.exists():
            raise KeyStoreError(f"There is already a key file at {path}; it was not replaced.")
        _check_new_user(username, password)
        kdf = kdf or DEFAULT_KDF
        key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        now = _iso(datetime.now(UTC))
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created": now,
            "key_check": key_check(key),
            "users": {username: _wrap(key, password.encode("utf-8"), kdf, normalize=True)},
            "recovery": _wrap(key, normalize_recovery_code(code).encode("ascii"), kdf),
            "failures": {},
            "pending_events": [],
        }
        store = cls(path, document)
        store._write()
        return store, key, code

    @classmethod
    def load(cls, path: Path) -> KeyStore:
        """The store in ``path``; KeyStoreError when it is missing or damaged."""
        return cls(path, _read(path))

    # ---- unlocking -----------------------------------------------------------------------------

    def holds_key(self, key: bytes) -> bool:
        """True when ``key`` is this database's key (its key check value matches)."""
        return len(key) == KEY_BYTES and hmac.compare_digest(key_check(key), str(self._doc["key_check"]))

    def users(self) -> list[str]:
        """The user names that can unlock the database, sorted."""
        return sorted(self._doc["users"])

    def unlock(self, username: str, password: str, now: datetime | None = None) -> bytes:
        """The database key, unwrapped with ``username``'s password.

        Raises LockedOut (without trying) while the user name is locked, WrongPassword on a wrong
        password or an unknown user name (the failure is recorded in the file either way). A success
        clears the user's failures.

        The attempt is counted as a failure *before* the password is tried, and taken back after a
        success: when the file cannot be written (a full disk) nothing is tried and KeyStoreError says
        why, so no guess goes uncounted and a right password is never reported as a wrong one.
        """
        moment = _utc(now)
        self._refresh()
        until = self._locked_until(username, moment)
        if until is not None:
            raise LockedOut(username, until)
        failures = self._record_failure(username, moment)  # KeyStoreError when it cannot be written
        entry = self._doc["users"].get(username)
        key = None
        if entry is None:
            # as long as a real attempt, so the time taken does not tell which user names exist
            _derive(password.encode("utf-8"), secrets.token_bytes(SALT_BYTES), self._newest_kdf(), normalize=True)
        else:
            key = self._unwrap(entry, password.encode("utf-8"), normalize=True)
        if key is None:
            left = MAX_FAILURES - failures
            hint = (
                f" After {left} more failed attempt{'s' if left != 1 else ''} sign-in as this user is blocked for 24 hours."
                if left > 0
                else " Sign-in as this user is now blocked for 24 hours."
            )
            raise WrongPassword(_WRONG_LOGIN + hint)
        self._take_back_failure(username, moment)
        return key

    def unlock_with_recovery(self, code: str) -> bytes:
        """The database key, unwrapped with the recovery code (any case, with or without dashes/spaces).

        A wrong code raises WrongPassword and is recorded as a pending ``failed_recovery`` event.
        """
        normalized = normalize_recovery_code(code)
        key = self._unwrap(self._doc["recovery"], normalized.encode("ascii"))
        if key is None:
            self._refresh()
            self._add_event(_utc(None), "failed_recovery", "(recovery code)")
            self._write()
            raise WrongPassword(_WRONG_RECOVERY)
        return key

    # ---- users ---------------------------------------------------------------------------------

    def add_user(self, username: str, password: str, key: bytes) -> None:
        """Let ``username`` unlock the database with ``password`` (``key``: the database key, which the
        signed-in administrator's unlock gave). Refuses an existing user name or a key that is not this
        database's."""
        _check_new_user(username, password)
        self._check_key(key)
        self._refresh()
        if username in self._doc["users"]:
            raise KeyStoreError(f"The user {username!r} can already unlock the database; change the password instead.")
        self._doc["users"][username] = _wrap(key, password.encode("utf-8"), self._newest_kdf(), normalize=True)
        self._write()

    def set_password(self, username: str, password: str, key: bytes) -> None:
        """A new password for ``username`` (also after a recovery); clears the user's failures."""
        _check_new_user(username, password)
        self._check_key(key)
        self._refresh()
        if username not in self._doc["users"]:
            raise KeyStoreError(f"The user {username!r} cannot unlock the database (there is no such user).")
        self._doc["users"][username] = _wrap(key, password.encode("utf-8"), self._newest_kdf(), normalize=True)
        self._doc["failures"].pop(username, None)
        self._write()

    def remove_user(self, username: str) -> None:
        """``username`` can no longer unlock the database. The last user cannot be removed."""
        self._refresh()
        if username not in self._doc["users"]:
            raise KeyStoreError(f"The user {username!r} cannot unlock the database (there is no such user).")
        if len(self._doc["users"]) == 1:
            raise KeyStoreError("The last user who can unlock the database cannot be removed; add another user first.")
        del self._doc["users"][username]
        self._doc["failures"].pop(username, None)
        self._write()

    # ---- events --------------------------------------------------------------------------------

    def pending_events(self) -> list[dict[str, str]]:
        """Failed unlocks recorded while the database was locked, oldest first:
        ``{"at": ISO time (UTC), "action": "failed_login" | "failed_recovery", "username": ...}``."""
        self._refresh()
        return [dict(event) for event in self._doc["pending_events"]]

    def clear_pending_events(self) -> None:
        """Forget the pending events (once the app has written them into its audit log)."""
        self._refresh()
        if self._doc["pending_events"]:
            self._doc["pending_events"] = []
            self._write()

    def locked_until(self, username: str, now: datetime | None = None) -> datetime | None:
        """When ``username``'s lock ends (UTC), or None when it is not locked."""
        return self._locked_until(username, _utc(now))

    def lift_lock(self, username: str, key: bytes) -> None:
        """Forget ``username``'s failed attempts (an administrator who holds the key, e.g. through the
        recovery code, lifts a lock-out without changing the password)."""
        self._check_key(key)
        self._refresh()
        if self._doc["failures"].pop(username, None) is not None:
            self._write()

    # ---- the audit log's head -------------------------------------------------------------------

    def audit_head(self) -> dict[str, Any] | None:
        """The last audit entry the app wrote, as it saw it: ``{"last_id", "hash", "pruned_through"}``
        (see services.audit); None before the first. Kept here, outside the database, so that cutting
        entries off the log or rewriting it shows."""
        self._refresh()
        head = self._doc.get("audit")
        return dict(head) if isinstance(head, dict) else None

    def set_audit_head(self, head: dict[str, Any], reset: bool = False) -> None:
        """Record the log's head. It only moves forward (two windows may write in any order) unless
        ``reset`` (a restore brings an older log back)."""
        self._refresh()
        old = self._doc.get("audit")
        if not reset and isinstance(old, dict):
            if _int(old.get("last_id")) > _int(head.get("last_id")):
                return
            if _int(old.get("pruned_through")) > _int(head.get("pruned_through")):
                return
        new = dict(head)
        if not reset and isinstance(old, dict) and "since" in old:
            new.setdefault("since", old["since"])  # when the last restore was (services.audit_chain)
        if old == new:
            return
        self._doc["audit"] = new
        self._write()

    # ---- internals -----------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Re-read the file (another window may have recorded failures) if it is still there."""
        if self.path.exists():
            self._doc = _read(self.path)

    def _write(self) -> None:
        _atomic_write(self.path, (json.dumps(self._doc, indent=2, sort_keys=True) + "\n").encode("utf-8"))

    def _check_key(self, key: bytes) -> None:
        if len(key) != KEY_BYTES or not hmac.compare_digest(key_check(key), str(self._doc["key_check"])):
            raise KeyStoreError("That key does not belong to this database; nothing was changed.")

    def _unwrap(self, entry: dict[str, Any], secret: bytes, normalize: bool = False) -> bytes | None:
        from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap

        try:
            kdf = KdfParams.from_json(entry["kdf"])
            salt = _b64decode(entry["salt"])
            wrapped = _b64decode(entry["wrapped"])
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyStoreError(f"The key file {self.path} is damaged ({exc}).") from None
        try:
            key = aes_key_unwrap(_derive(secret, salt, kdf, normalize), wrapped)
        except InvalidUnwrap:
            return None
        except ValueError as exc:
            raise KeyStoreError(f"The key file {self.path} is damaged ({exc}).") from None
        if not hmac.compare_digest(key_check(key), str(self._doc["key_check"])):
            raise KeyStoreError(f"The key file {self.path} is damaged (an entry holds another database's key).")
        return key

    def _newest_kdf(self) -> KdfParams:
        """The parameters the store was made with (new entries use the same cost)."""
        try:
            return KdfParams.from_json(self._doc["recovery"]["kdf"])
        except (KeyError, TypeError, ValueError):
            return KdfParams()

    def _recent_failures(self, username: str, now: datetime) -> list[datetime]:
        times = []
        for text in self._doc["failures"].get(username, []):
            try:
                moment = _utc(datetime.fromisoformat(text))
            except (TypeError, ValueError):
                continue
            if now - FAILURE_WINDOW < moment <= now:
                times.append(moment)
        return sorted(times)

    def _locked_until(self, username: str, now: datetime) -> datetime | None:
        recent = self._recent_failures(username, now)
        if len(recent) < MAX_FAILURES:
            return None
        until = recent[-MAX_FAILURES] + FAILURE_WINDOW  # 24 h after the first of the last three
        return until if now < until else None

    def _take_back_failure(self, username: str, now: datetime) -> None:
        """After a success: the attempt counted beforehand is no failure; the user's failures are cleared.
        A file that cannot be written now keeps the count (one more failure, never one less)."""
        self._doc["failures"].pop(username, None)
        events: list[dict[str, str]] = self._doc["pending_events"]
        mine = {"at": _iso(now), "action": "failed_login", "username": username}
        for i in range(len(events) - 1, -1, -1):
            if events[i] == mine:
                del events[i]
                break
        with contextlib.suppress(KeyStoreError):
            self._write()

    def _record_failure(self, username: str, now: datetime) -> int:
        """Store a failed unlock (and drop failures older than 24 h); the user's recent failures."""
        failures: dict[str, list[str]] = self._doc["failures"]
        for name in list(failures):
            kept = [_iso(t) for t in self._recent_failures(name, now)]
            if kept:
                failures[name] = kept
            else:
                del failures[name]
        failures.setdefault(username, []).append(_iso(now))
        self._add_event(now, "failed_login", username)
        self._write()
        return len(self._recent_failures(username, now))

    def _add_event(self, now: datetime, action: str, username: str) -> None:
        events: list[dict[str, str]] = self._doc["pending_events"]
        events.append({"at": _iso(now), "action": action, "username": username})
        del events[:-MAX_PENDING_EVENTS]


# ---- helpers -------------------------------------------------------------------------------------


def _check_new_user(username: str, password: str) -> None:
    if not username or username != username.strip():
        raise KeyStoreError("A user name must not be empty or start or end with spaces.")
    if not password:
        raise KeyStoreError("The password must not be empty.")


def _derive(secret: bytes, salt: bytes, kdf: KdfParams, normalize: bool = False) -> bytes:
    """The 256-bit key-encryption key (Argon2id). A password is NFC-normalized first, so the same
    password typed on another keyboard layout or system derives the same key."""
    from argon2.low_level import Type, hash_secret_raw

    if normalize:
        secret = unicodedata.normalize("NFC", secret.decode("utf-8")).encode("utf-8")
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _wrap(key: bytes, secret: bytes, kdf: KdfParams, normalize: bool = False) -> dict[str, Any]:
    from cryptography.hazmat.primitives.keywrap import aes_key_wrap

    salt = secrets.token_bytes(SALT_BYTES)
    return {
        "kdf": kdf.to_json(),
        "salt": _b64(salt),
        "wrapped": _b64(aes_key_wrap(_derive(secret, salt, kdf, normalize), key)),
        "created": _iso(datetime.now(UTC)),
    }


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyStoreError(
            f"The key file {path} is missing: the encrypted database cannot be opened without it. "
            "Copy it back from a backup (the .keys file beside each backup)."
        ) from None
    except OSError as exc:
        raise KeyStoreError(f"The key file {path} cannot be read ({exc.strerror or exc}).") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise KeyStoreError(f"The key file {path} is damaged (it is not a key file of Placement Desk).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeyStoreError(f"The key file {path} is damaged (it is not a key file of Placement Desk).")
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise KeyStoreError(f"The key file {path} was written by a newer version of Placement Desk.")
    users, recovery = document.get("users"), document.get("recovery")
    if not isinstance(users, dict) or not users or not all(isinstance(e, dict) for e in users.values()):
        raise KeyStoreError(f"The key file {path} is damaged (it has no users).")
    if not isinstance(recovery, dict) or not isinstance(document.get("key_check"), str):
        raise KeyStoreError(f"The key file {path} is damaged (the recovery entry or the key check is missing).")
    failures = document.get("failures")
    if not isinstance(failures, dict) or not all(isinstance(v, list) for v in failures.values()):
        document["failures"] = {}
    events = document.get("pending_events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        document["pending_events"] = []
    return document


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temporary file beside it, fsync, rename, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KeyFileNotWritten(
            f"The key file {path} could not be written ({exc.strerror or exc}); it is unchanged. "
            "Free some space on the disk and try again."
        ) from exc
    fsync_dir(path.parent)


def copy_key_file(source: Path, target: Path) -> None:
    """A durable, atomic copy of a key file (e.g. beside a backup)."""
    _atomic_write(target, source.read_bytes())


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.now(UTC)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
