"""The key file: the database key wrapped per user and by the recovery code, lockout, atomic writes."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from placement_desk.db import keystore
from placement_desk.db.keystore import FAST_KDF, KdfParams, KeyStore, KeyStoreError, LockedOut, WrongPassword

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
PASSWORD = "korrekt hest batteri"


@pytest.fixture
def made(tmp_path: Path) -> tuple[KeyStore, bytes, str]:
    return KeyStore.create(KeyStore.path_for(tmp_path / "desk.db"), "anna", PASSWORD, FAST_KDF)


def test_create_and_unlock(made: tuple[KeyStore, bytes, str], tmp_path: Path) -> None:
    store, key, code = made
    assert store.path == tmp_path / "desk.db.keys"
    assert len(key) == 32 and key != bytes(32)
    assert store.users() == ["anna"]
    loaded = KeyStore.load(store.path)
    assert loaded.unlock("anna", PASSWORD, NOW) == key
    assert loaded.unlock_with_recovery(code) == key
    with pytest.raises(KeyStoreError, match="already a key file"):
        KeyStore.create(store.path, "bo", PASSWORD, FAST_KDF)


def test_recovery_code_shape_and_spellings(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, code = made
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert set(code.replace("-", "")) <= set(keystore.RECOVERY_ALPHABET)  # 32 symbols: 160 bits
    bare = code.replace("-", "")
    for spelling in (code.lower(), bare, " ".join(groups), f"  {bare.lower()}  ", "-".join(g.lower() for g in groups)):
        assert store.unlock_with_recovery(spelling) == key
    if "0" in code:  # O for 0 is read as meant
        assert store.unlock_with_recovery(code.replace("0", "O")) == key
    wrong = ("1" if bare[0] != "1" else "2") + bare[1:]
    with pytest.raises(WrongPassword, match="recovery code is wrong"):
        store.unlock_with_recovery(wrong)
    with pytest.raises(WrongPassword, match="groups of 4"):
        store.unlock_with_recovery("ABCD-EFGH")
    assert [e["action"] for e in store.pending_events()] == ["failed_recovery"]
    assert len({keystore.new_recovery_code() for _ in range(50)}) == 50


def test_wrong_password_and_unknown_user_look_the_same(made: tuple[KeyStore, bytes, str]) -> None:
    store, _, _ = made
    with pytest.raises(WrongPassword) as wrong:
        store.unlock("anna", "wrong", NOW)
    with pytest.raises(WrongPassword) as unknown:
        store.unlock("nobody", "wrong", NOW)
    assert str(wrong.value) == str(unknown.value)
    assert "user name or password is wrong" in str(wrong.value)
    events = KeyStore.load(store.path).pending_events()
    assert events == [
        {"at": NOW.isoformat(), "action": "failed_login", "username": "anna"},
        {"at": NOW.isoformat(), "action": "failed_login", "username": "nobody"},
    ]
    store.clear_pending_events()
    assert KeyStore.load(store.path).pending_events() == []


def test_three_failures_in_24_hours_lock_the_user(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, _ = made
    first = NOW
    for minutes in (0, 60, 120):
        with pytest.raises(WrongPassword):
            store.unlock("anna", "guess", first + timedelta(minutes=minutes))
    # locked until 24 h after the first failure, even with the right password, and in another process
    with pytest.raises(LockedOut) as locked:
        KeyStore.load(store.path).unlock("anna", PASSWORD, first + timedelta(hours=23, minutes=59))
    assert locked.value.until == first + timedelta(hours=24)
    assert "blocked" in str(locked.value)
    assert len(store.pending_events()) == 3  # a locked attempt is not tried nor counted
    assert store.unlock("anna", PASSWORD, first + timedelta(hours=24)) == key
    with pytest.raises(WrongPassword):  # the success cleared the failures: one failure does not lock
        store.unlock("anna", "guess", first + timedelta(hours=25))
    assert store.unlock("anna", PASSWORD, first + timedelta(hours=25)) == key


def test_failures_spread_over_more_than_24_hours_do_not_lock(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, _ = made
    for hours in (0, 13, 26, 39):
        with pytest.raises(WrongPassword):
            store.unlock("anna", "guess", NOW + timedelta(hours=hours))
    assert store.locked_until("anna", NOW + timedelta(hours=40)) is None
    assert store.unlock("anna", PASSWORD, NOW + timedelta(hours=40)) == key


def test_other_users_are_not_locked(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, _ = made
    store.add_user("bo", "bo's password", key)
    for _ in range(3):
        with pytest.raises(WrongPassword):
            store.unlock("anna", "guess", NOW)
    with pytest.raises(LockedOut):
        store.unlock("anna", PASSWORD, NOW)
    assert store.unlock("bo", "bo's password", NOW) == key


def test_add_set_password_and_remove(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, code = made
    store.add_user("bo", "first", key)
    assert KeyStore.load(store.path).users() == ["anna", "bo"]
    with pytest.raises(KeyStoreError, match="already"):
        store.add_user("bo", "x", key)
    with pytest.raises(KeyStoreError, match="does not belong"):
        store.add_user("carl", "x", os.urandom(32))
    with pytest.raises(WrongPassword):
        store.unlock("bo", "second", NOW)
    store.set_password("bo", "second", key)  # also clears bo's failure
    assert not json.loads(store.path.read_text(encoding="utf-8"))["failures"]
    assert store.unlock("bo", "second", NOW) == key
    with pytest.raises(WrongPassword):
        store.unlock("bo", "first", NOW)
    with pytest.raises(KeyStoreError, match="no such user"):
        store.set_password("carl", "x", key)
    store.remove_user("bo")
    assert store.users() == ["anna"]
    with pytest.raises(WrongPassword):
        store.unlock("bo", "second", NOW)
    with pytest.raises(KeyStoreError, match="last user"):
        store.remove_user("anna")
    assert store.unlock_with_recovery(code) == key


def test_forgotten_password_via_recovery(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, code = made
    for _ in range(3):
        with pytest.raises(WrongPassword):
            store.unlock("anna", "forgot it", NOW)
    recovered = store.unlock_with_recovery(code)
    store.set_password("anna", "a new one", recovered)
    assert store.unlock("anna", "a new one", NOW) == key  # the lock went with the new password


def test_each_entry_keeps_its_own_kdf_parameters(tmp_path: Path) -> None:
    slow = KdfParams(time_cost=2, memory_cost=2048, parallelism=1)
    store, key, code = KeyStore.create(tmp_path / "k.keys", "anna", PASSWORD, slow)
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    assert doc["users"]["anna"]["kdf"] == {"algorithm": "argon2id", "time_cost": 2, "memory_cost": 2048,
                                           "parallelism": 1}  # fmt: skip
    # another entry written with other parameters (an older or newer version) still opens
    doc["users"]["old"] = keystore._wrap(key, b"old password", FAST_KDF, normalize=True)
    store.path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = KeyStore.load(store.path)
    assert loaded.unlock("old", "old password", NOW) == key
    assert loaded.unlock("anna", PASSWORD, NOW) == key
    assert KdfParams() == KdfParams(3, 65536, 2)


def test_the_file_holds_no_key_password_or_code(made: tuple[KeyStore, bytes, str]) -> None:
    store, key, code = made
    store.add_user("bo", "bo-secret-password", key)
    store.set_password("anna", "anna-new-password", key)
    raw = store.path.read_bytes()
    text = raw.decode("utf-8").lower()
    for secret in (key, key.hex().encode(), key.hex().upper().encode(), PASSWORD.encode(), b"bo-secret-password",
                   b"anna-new-password", code.encode(), code.replace("-", "").encode()):  # fmt: skip
        assert secret not in raw
    import base64

    assert base64.b64encode(key).decode() not in store.path.read_text(encoding="utf-8")
    assert key.hex() not in text
    if os.name == "posix":
        assert store.path.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_missing_or_damaged_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(KeyStoreError, match="missing"):
        KeyStore.load(tmp_path / "nothing.keys")
    bad = tmp_path / "bad.keys"
    bad.write_bytes(b"\x00\xffnot json")
    with pytest.raises(KeyStoreError, match="damaged"):
        KeyStore.load(bad)
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(KeyStoreError, match="damaged"):
        KeyStore.load(bad)
    store, _, _ = KeyStore.create(tmp_path / "k.keys", "anna", PASSWORD, FAST_KDF)
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    doc["users"]["anna"]["wrapped"] = "***"
    store.path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KeyStoreError, match="damaged"):
        KeyStore.load(store.path).unlock("anna", PASSWORD, NOW)


def test_a_failed_write_leaves_the_old_file(made: tuple[KeyStore, bytes, str], monkeypatch: pytest.MonkeyPatch) -> None:
    store, key, _ = made
    before = store.path.read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keystore.os, "replace", refuse)
    with pytest.raises(KeyStoreError, match="could not be written"):
        store.add_user("bo", "pw", key)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == [store.path.name]  # no temporary file left
    assert KeyStore.load(store.path).users() == ["anna"]


def test_passwords_are_compared_after_unicode_normalization(tmp_path: Path) -> None:
    composed, decomposed = "bl\u00e5b\u00e6r-\u00f8l", "bla\u030ab\u00e6r-\u00f8l"
    store, key, _ = KeyStore.create(tmp_path / "k.keys", "anna", composed, FAST_KDF)
    assert store.unlock("anna", decomposed, NOW) == key
