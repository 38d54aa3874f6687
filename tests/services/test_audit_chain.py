"""The keyed audit chain with its head kept outside the log; CPR numbers never in the log; every read of
personal data logged with its criterion; the lock-out and the recovery code."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF, KeyStore, LockedOut, WrongPassword
from placement_desk.db.migrate import upgrade
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import (
    access,
    attendance,
    audit,
    audit_chain,
    backup,
    citizens,
    dashboard,
    mentor,
    queries,
    signin,
    users,
    views,
)
from placement_desk.services.demo import load_demo

PASSWORD = "revisorens kodeord"
CONSULTANT = Principal("kbj", "Karen B. Jensen", Role.CONSULTANT)
ON = date(2026, 11, 23)


@pytest.fixture
def keyed(tmp_path: Path) -> Iterator[Database]:
    """An encrypted database with its key file, the demo citizens and some audit entries."""
    path = tmp_path / "desk.db"
    _, key, _ = KeyStore.create(KeyStore.path_for(path), "anna", PASSWORD, FAST_KDF)
    db = Database(f"sqlite:///{path}", key)
    upgrade(db)
    load_demo(db, ON)
    access.set_principal(db, CONSULTANT)
    for ref in ("DC", "SA", "TE", "Poul", "Jasmin", "Thomas"):
        views.citizen_detail(db, ref)
    yield db
    access.set_principal(db, None)
    db.dispose()


def rows(db: Database) -> list[tuple[int, str, str, str]]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(text("SELECT id, prev_hash, hash, details_sha256 FROM audit_log ORDER BY id"))
        ]


def sha_rehash(db: Database, key: bytes | None = None) -> None:
    """What someone with the database open (and the documented formula) does after an edit: recompute
    every hash from the anchor on - with plain SHA-256, or with the chain's HMAC when ``key`` is given."""
    with db.engine.begin() as conn:
        anchor = conn.execute(text("SELECT hash FROM audit_anchor ORDER BY id DESC LIMIT 1")).scalar()
        prev = anchor or audit.GENESIS
        found = conn.execute(
            text("SELECT id, at, username, action, citizen_id, details_sha256 FROM audit_log ORDER BY id")
        )
        for row_id, at, username, action, citizen_id, digest in list(found):
            moment = datetime.fromisoformat(str(at))
            if key is None:
                new = audit_chain.legacy_hash(prev, moment, username, action, citizen_id, digest)
            else:
                new = audit_chain.keyed_hash(key, row_id, prev, moment, username, action, citizen_id, digest)
            conn.execute(text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": prev, "h": new, "i": row_id})  # fmt: skip
            prev = new


def edit(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'nobody' WHERE id = 3"))


# ---- the four tamperings -----------------------------------------------------------------------------


def test_the_keyed_chain_verifies_and_its_head_is_in_the_key_file(keyed: Database) -> None:
    check = audit.verify_chain(keyed)
    assert check.ok and check.checked == len(rows(keyed))
    last = rows(keyed)[-1]
    head = KeyStore.load(KeyStore.path_for(Path(keyed.url.removeprefix("sqlite:///")))).audit_head()
    assert head is not None and (head["last_id"], head["hash"]) == (last[0], last[2])


def test_cutting_off_the_tail_is_reported(keyed: Database) -> None:
    last = rows(keyed)[-1][0]
    with keyed.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": last - 2})
    check = audit.verify_chain(keyed)
    assert not check.ok and check.code == "truncated" and str(last) in check.problem


def test_deleting_the_head_and_re_anchoring_is_reported(keyed: Database) -> None:
    found = rows(keyed)
    cut = found[4]  # the oldest five entries go, the sixth is made to look like the first kept
    with keyed.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id <= :n"), {"n": cut[0]})
        conn.execute(text("DELETE FROM audit_anchor"))
        conn.execute(text("INSERT INTO audit_anchor (id, hash) VALUES (1, :h)"), {"h": cut[2]})
    assert not audit.verify_chain(keyed).ok
    with keyed.engine.begin() as conn:  # the anchor id made right too
        conn.execute(text("UPDATE audit_anchor SET id = :n"), {"n": cut[0]})
    check = audit.verify_chain(keyed)
    assert not check.ok and check.code == "reanchored"


def test_recomputing_the_sha256_hashes_after_an_edit_is_reported(keyed: Database) -> None:
    edit(keyed)
    sha_rehash(keyed)
    check = audit.verify_chain(keyed)
    assert not check.ok and check.broken_at is not None


def test_recomputing_with_the_chain_key_after_an_edit_is_reported_by_the_heads(keyed: Database, tmp_path: Path) -> None:
    """Someone who even derives the chain's key: the head kept in the key file tells, and when the
    key file's head is removed too, a backup's manifest still does."""
    backup.backup_if_due(keyed, tmp_path / "backups", now=datetime(2026, 11, 23, 12, tzinfo=UTC))
    views.citizen_detail(keyed, "Olivia")
    assert audit.verify_chain(keyed).ok
    assert keyed.key is not None
    chain_key = hmac.new(keyed.key, b"placement-desk audit chain v1", hashlib.sha256).digest()
    assert chain_key == audit_chain.chain_key(keyed)
    edit(keyed)
    sha_rehash(keyed, chain_key)
    check = audit.verify_chain(keyed)
    assert not check.ok and check.code == "rewritten" and check.args[0] == "the key file"
    keys = KeyStore.path_for(Path(keyed.url.removeprefix("sqlite:///")))
    doc = json.loads(keys.read_text(encoding="utf-8"))
    del doc["audit"]
    keys.write_text(json.dumps(doc), encoding="utf-8")
    check = audit.verify_chain(keyed)
    assert not check.ok and check.code == "rewritten" and "backup" in check.args[0]


def test_the_retention_rule_and_a_restore_are_no_tampering(keyed: Database, tmp_path: Path) -> None:
    old = datetime(2026, 1, 5, tzinfo=UTC)
    with keyed.transaction() as s:  # entries back-dated so the rule removes them
        s.execute(text("UPDATE audit_log SET at = :at WHERE id <= 3"), {"at": old.replace(tzinfo=None)})
    sha_rehash(keyed, audit_chain.chain_key(keyed))  # (the back-dating is a test's edit: seal it again)
    audit.log(keyed, audit.VIEW)  # the key file's head moves on
    assert audit.verify_chain(keyed).ok
    assert audit.prune(keyed, now=datetime(2026, 11, 23, tzinfo=UTC)) == 3
    assert audit.verify_chain(keyed).ok
    made = backup.backup_file(Path(keyed.url.removeprefix("sqlite:///")), tmp_path / "b", key=keyed.key)
    views.citizen_detail(keyed, "Olivia")
    access.set_principal(keyed, Principal("anna", "Anna", Role.ADMINISTRATOR))
    backup.restore_backup(keyed, made.path)  # an older log comes back on purpose
    assert audit.verify_chain(keyed).ok


def test_a_chain_of_an_earlier_version_is_sealed_with_the_key_at_sign_in(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    plain = Database(f"sqlite:///{path}")
    upgrade(plain)
    load_demo(plain, ON)
    users.create_user(plain, "anna", "Anna", Role.ADMINISTRATOR, PASSWORD)
    views.citizen_detail(plain, "DC")
    plain.dispose()
    t = signin.target(f"sqlite:///{path}")
    keys, key, _ = KeyStore.create(t.keys, "anna", PASSWORD, FAST_KDF)  # as if encrypted by the last version
    from placement_desk.services.encryption import encrypt_in_place

    encrypt_in_place(path, key)
    opened = signin.sign_in(t, "anna", PASSWORD)
    try:
        assert audit.verify_chain(opened.db).ok
        first = rows(opened.db)[0]
        assert first[2] != audit_chain.legacy_hash(audit.GENESIS, datetime.now(UTC), "", "", None, first[3])
        edit(opened.db)
        sha_rehash(opened.db)  # and now plain SHA-256 no longer passes
        assert not audit.verify_chain(opened.db).ok
    finally:
        opened.db.dispose()


def test_every_sign_in_reads_only_the_first_entry_to_know_the_chain_is_sealed(keyed: Database) -> None:
    """Sealing runs at every sign-in: on a keyed chain it reads one entry, not the whole log; an entry
    further on rewritten with plain SHA-256 is not sealed over, and the check still reports it."""
    loaded: list[int] = []

    def note(entry: m.AuditEntry, _context: object) -> None:
        loaded.append(entry.id)

    all_ids = [r[0] for r in rows(keyed)]
    assert len(all_ids) > 5
    event.listen(m.AuditEntry, "load", note)
    try:
        assert audit_chain.seal(keyed) == 0
        assert loaded == all_ids[:1]
        with keyed.engine.begin() as conn:  # from the fourth entry on: plain SHA-256, chained correctly
            prev = conn.execute(text("SELECT hash FROM audit_log WHERE id = :i"), {"i": all_ids[2]}).scalar()
            found = conn.execute(text("SELECT id, at, username, action, citizen_id, details_sha256 FROM audit_log "
                                      "WHERE id > :i ORDER BY id"), {"i": all_ids[2]})  # fmt: skip
            for row_id, at, username, action, citizen_id, digest in list(found):
                new = audit_chain.legacy_hash(prev, datetime.fromisoformat(str(at)), username, action, citizen_id,
                                              digest)  # fmt: skip
                conn.execute(text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                             {"p": prev, "h": new, "i": row_id})  # fmt: skip
                prev = new
        before = rows(keyed)
        assert audit_chain.seal(keyed) == 0
    finally:
        event.remove(m.AuditEntry, "load", note)
    assert rows(keyed) == before
    check = audit.verify_chain(keyed)
    assert not check.ok and check.code == "seal" and check.broken_at == all_ids[3]


# ---- CPR numbers never enter the log ----------------------------------------------------------------


def test_cpr_numbers_are_masked_in_the_log(keyed: Database) -> None:
    access.set_principal(keyed, None)
    citizens.update_citizen(keyed, "DC", replace(citizens.citizen_fields(keyed, "DC")[0], cpr="170383-4051"), None)
    access.set_principal(keyed, CONSULTANT)
    for criterion in ("170383-4051", "1703834051", "1703834", "170383 4051"):
        queries.search(keyed, criterion)
    citizens.update_citizen(keyed, "DC", replace(citizens.citizen_fields(keyed, "DC")[0], cpr="010203-4052"), None)
    with keyed.engine.connect() as conn:
        details = " ".join(d for (d,) in conn.execute(text("SELECT details FROM audit_log")) if d)
    for digits in ("4051", "4052", "1703834"):
        assert digits not in details.replace("170383-****", "").replace("010203-****", "")
    assert '"criterion": "170383-****"' in details
    assert '["170383-****", "010203-****"]' in details  # the change's before and after
    assert audit.verify_chain(keyed).ok


def test_mask_cpr_leaves_dates_and_other_numbers() -> None:
    assert audit.mask_cpr("CPR 170383-4051 og 1703834051") == "CPR 170383-**** og 170383-****"
    assert audit.mask_cpr("2026-11-23 20261123T093000000000Z cvr 12345674") == (
        "2026-11-23 20261123T093000000000Z cvr 12345674"
    )
    assert audit.mask_cpr({"criterion": "1703834"}) == {"criterion": "170383-****"}


# ---- every read of personal data ---------------------------------------------------------------------


def test_every_read_of_personal_data_is_logged_with_its_criterion(keyed: Database) -> None:
    def last(db: Database) -> audit.Entry:
        with db.reading() as s:
            row = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(1)).one()
        return audit.Entry(row.id, row.at, row.username, row.action, row.citizen_id,
                           None if row.details is None else json.loads(row.details))  # fmt: skip

    reads = {
        "citizens": lambda: queries.list_citizens(keyed, include_archived=True),
        "placements": lambda: queries.list_placements(keyed),
        "follow-ups with their notes": lambda: queries.list_followups(keyed, since=date(2023, 1, 1)),
        "attendance week": lambda: attendance.week(keyed, "DC-1", date(2023, 3, 1)),
        "company": lambda: queries.company_detail(keyed, "co-saxo-genbrug"),
        "expected attendance": lambda: mentor.expected(keyed, "co-saxo-genbrug", date(2023, 3, 1), date(2023, 3, 31)),
        "dashboard": lambda: dashboard.dashboard(keyed, ON),
    }
    for what, read in reads.items():
        before = last(keyed).id
        read()
        entry = last(keyed)
        assert entry.id == before + 1, what
        assert (entry.action, entry.username) == (audit.LIST, "kbj"), what
        assert entry.details is not None and entry.details["read"] == what
    access.set_principal(keyed, Principal("anna", "Anna", Role.ADMINISTRATOR))
    week = [e for e in audit.entries(keyed, action=audit.LIST) if e.details and e.details["read"] == "attendance week"]
    assert week and week[0].citizen_id is not None and week[0].details["week"] == "2023-02-27"


# ---- the lock-out ------------------------------------------------------------------------------------


def test_the_recovery_code_lifts_a_lock_out(tmp_path: Path) -> None:
    store, key, code = KeyStore.create(tmp_path / "k.keys", "anna", PASSWORD, FAST_KDF)
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    for _ in range(3):
        with pytest.raises(WrongPassword):
            store.unlock("anna", "a guess", now)
    with pytest.raises(LockedOut):
        store.unlock("anna", PASSWORD, now + timedelta(minutes=1))
    store.lift_lock("anna", store.unlock_with_recovery(code))
    assert store.unlock("anna", PASSWORD, now + timedelta(minutes=2)) == key
