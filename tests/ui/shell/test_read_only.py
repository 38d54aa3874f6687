"""Read-only mode: after a failed integrity check the app says "you can still read it" - and it can.

Nothing is written to the database file; the audit entries of the reads wait in a private journal beside
it and join the audit log at the next start whose check passes (or after a restore).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from placement_desk.db import models as m
from placement_desk.db.engine import Database, sqlite_path
from placement_desk.domain.errors import DatabaseDamaged
from placement_desk.domain.roles import Permission, Role
from placement_desk.services import access, audit, backup, description, documents, queries, read_journal, users, views
from placement_desk.ui.kit.messages import danish_error
from placement_desk.ui.shell import startup
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import PASSWORD, danish, sign_in_as

__all__ = ["danish"]

PROBLEM = "*** in database main ***\nPage 7: btreeInitPage() returns error code 11"


def files_of(db: Database) -> dict[str, bytes]:
    """The database file and its write-ahead log, as they are on disk."""
    path = sqlite_path(db.url)
    assert path is not None
    return {p.name: p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()}


def mtime(db: Database) -> int:
    path = sqlite_path(db.url)
    assert path is not None
    return path.stat().st_mtime_ns


def damage_an_index(db: Database) -> None:
    """Break the root page of an index the reading screens do not use (issued files by checksum): a real
    failed integrity check on a file that can still be read."""
    path = sqlite_path(db.url)
    assert path is not None
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_issued_files_sha256'").fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\x00")  # no valid b-tree page type


def checked(qtbot: QtBot, worker: QThread | None) -> None:
    """Until the check's thread has ended and its answer reached the window (the worker is deleted
    after both): a condition, not a wall-clock wait."""
    assert worker is not None
    qtbot.waitUntil(lambda: not isValid(worker), timeout=20000)


def fail_the_check(
    qtbot: QtBot, db: Database, parent: QWidget, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    """The background integrity check finds the damage and there is no backup to restore: read-only."""
    monkeypatch.setattr(startup, "offer_restore", lambda _db, _parent: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text, *a: told.append(text))
    read_only = getattr(parent, "show_read_only", lambda: None)
    checked(qtbot, startup.start_background_check(db, parent, lambda: None, read_only))
    assert db.write_refusal is not None


def audit_rows(db: Database) -> list[m.AuditEntry]:
    with db.reading() as s:
        return list(s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)))


def test_a_database_that_failed_its_check_reads_and_writes_nothing(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, danish: None
) -> None:
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    demo_db.dispose()
    damage_an_index(demo_db)
    assert backup.integrity_problems(demo_db)  # the real check fails
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.show()
    assert w.read_only_banner.isHidden()
    told: list[str] = []
    fail_the_check(qtbot, demo_db, w, monkeypatch, told)
    assert told == ["Placement Desk gemmer ikke noget i denne database. Du kan stadig læse i den."]
    assert w.read_only_banner.isVisible()
    assert w.read_only_banner.text().startswith("Skrivebeskyttet: Databasen fejlede sin integritetskontrol")
    assert "(skrivebeskyttet)" in w.windowTitle()
    before, changed_at, logged = files_of(demo_db), mtime(demo_db), len(audit_rows(demo_db))

    # the lists, the citizen page with all its tabs, the dossier's check and a preview of the dossier
    w.show_page("citizens")
    assert w.citizens.model.rowCount() >= 5
    w.show_page("placements")
    assert w.placements.model.rowCount() >= 1
    w.open_citizen("SA", "overview")
    for key in w.citizen_page.tab_by_key:
        w.open_citizen("SA", key)
    sa = views.citizen_detail(demo_db, "SA").citizen
    assert sa.name
    assert description.check_dossier(demo_db, "SA").data is not None
    preview = documents.render_document(demo_db, "SA", formats=("json",))
    assert preview.files
    assert [h.ref for h in queries.search(demo_db, "SA") if h.kind == "citizen"]

    assert files_of(demo_db) == before and mtime(demo_db) == changed_at  # not a byte written
    assert len(audit_rows(demo_db)) == logged
    journal = read_journal.load(demo_db)
    assert journal is not None
    with demo_db.reading() as s:
        sa_id = s.scalar(select(m.Citizen.id).where(m.Citizen.ref == "SA"))
    actions = {(r.action, r.citizen_id) for r in journal.reads}
    assert (audit.VIEW, sa_id) in actions  # the citizen's page
    assert (audit.EXPORT, sa_id) in actions  # the dossier preview
    assert any(r.action == audit.LIST and r.details and r.details.get("read") == "citizens" for r in journal.reads)
    assert any(r.action == audit.SEARCH for r in journal.reads)
    assert {r.username for r in journal.reads} == {"karin"}
    path = read_journal.path_for(demo_db)
    assert path is not None and path.name == "demo.db.reads"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert sa.name not in text and (sa.cpr or "no cpr") not in text  # ids, never names or CPR numbers

    # an edit is refused, in Danish, and nothing is written
    access.set_principal(demo_db, users.principal_for(demo_db, "admin"))
    with pytest.raises(DatabaseDamaged) as refused:
        users.create_user(demo_db, "ny", "Ny Bruger", Role.CASEWORKER, PASSWORD)
    assert danish_error(refused.value).startswith("Databasen fejlede sin integritetskontrol, så intet gemmes.")
    assert files_of(demo_db) == before


def test_a_read_that_would_write_a_row_is_refused(demo_db: Database) -> None:
    """Issuing a document saves the issued copy: refused, not half done; and a read whose body would
    write a row is refused before any statement reaches the file."""
    demo_db.write_refusal = PROBLEM
    before = files_of(demo_db)
    with pytest.raises(DatabaseDamaged):
        documents.issue_document(demo_db, "SA", recipient="Jobcenter", formats=("json",), allow_incomplete="historisk")
    with pytest.raises(DatabaseDamaged), audit.audited(demo_db, Permission.VIEW, audit.EXPORT, "export") as s:
        s.add(m.Company(ref="NY", name="Ny Virksomhed"))
        s.flush()
    assert files_of(demo_db) == before
    assert documents.issued_documents(demo_db, "SA") == []
    assert read_journal.load(demo_db) is None  # a refused read is no read


def test_the_next_start_whose_check_passes_folds_the_journal_into_the_audit_log(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = sign_in_as(demo_db, Role.CONSULTANT, "karin")
    demo_db.write_refusal = PROBLEM
    queries.list_citizens(demo_db)
    detail = views.citizen_detail(demo_db, "SA")
    journal = read_journal.load(demo_db)
    assert journal is not None and len(journal.reads) == 2
    logged = len(audit_rows(demo_db))

    again = Database(demo_db.url)  # the next start: the check runs beside the window and passes
    try:
        access.set_principal(again, who)
        parent = QWidget()
        qtbot.addWidget(parent)
        checked(qtbot, startup.start_background_check(again, parent, lambda: None))
        rows = audit_rows(again)
        assert len(rows) == logged + 2
        folded = rows[-2:]
        assert [r.action for r in folded] == [audit.LIST, audit.VIEW]
        assert [r.username for r in folded] == ["karin", "karin"]
        with again.reading() as s:
            sa_id = s.scalar(select(m.Citizen.id).where(m.Citizen.ref == "SA"))
        assert folded[1].citizen_id == sa_id and detail.citizen.ref == "SA"
        for r in folded:
            details = json.loads(r.details or "{}")
            assert details["read_only"] is True and details["read_journal"] == journal.token
        assert [r.at for r in folded] == [x.at for x in journal.reads]  # when they were read
        assert read_journal.load(again) is None
        assert audit.verify_chain(again).ok
        assert audit.fold_read_journal(again) == 0  # once
    finally:
        again.dispose()


def test_a_journal_already_in_the_log_is_not_added_twice(demo_db: Database) -> None:
    """A crash after the commit but before the journal was removed: the next fold only removes it."""
    demo_db.write_refusal = PROBLEM
    queries.list_citizens(demo_db)
    path = read_journal.path_for(demo_db)
    assert path is not None
    kept = path.read_bytes()
    demo_db.write_refusal = None
    assert audit.fold_read_journal(demo_db) == 1
    path.write_bytes(kept)  # as if the removal had not happened
    assert audit.fold_read_journal(demo_db) == 0
    assert not path.exists()


def test_a_restore_lifts_read_only_and_folds_the_journal_into_the_restored_database(
    demo_db: Database, tmp_path: Path
) -> None:
    sign_in_as(demo_db, Role.ADMINISTRATOR, "admin")
    made = backup.make_backup(demo_db, tmp_path / "backups")
    demo_db.write_refusal = PROBLEM
    views.citizen_detail(demo_db, "SA")
    backup.restore_backup(demo_db, made.path)
    assert demo_db.write_refusal is None
    rows = audit_rows(demo_db)
    assert [r.action for r in rows[-2:]] == [audit.RESTORE, audit.VIEW]
    assert json.loads(rows[-1].details or "{}")["read_only"] is True
    assert read_journal.load(demo_db) is None
    users.create_user(demo_db, "ny", "Ny Bruger", Role.CASEWORKER, PASSWORD)  # writes again


def test_an_encrypted_database_seals_its_journal(tmp_path: Path) -> None:
    from placement_desk.db.keystore import FAST_KDF
    from placement_desk.services import signin

    t = signin.target(f"sqlite:///{tmp_path / 'secure.db'}")
    opened = signin.setup(t, "karin", "Karin Larsen", PASSWORD, kdf=FAST_KDF)
    db = opened.db
    try:
        db.write_refusal = PROBLEM
        queries.search(db, "Halfdan 170383-1234")
        path = read_journal.path_for(db)
        assert path is not None
        text = path.read_text(encoding="utf-8")
        assert "Halfdan" not in text and "170383" not in text and "search" not in text
        journal = read_journal.load(db)
        assert journal is not None
        assert [r.details for r in journal.reads] == [{"criterion": "Halfdan 170383-****"}]
    finally:
        db.dispose()


def test_a_journal_token_survives_the_cpr_masking_of_the_audit_log() -> None:
    from placement_desk.services.audit import mask_cpr
    from placement_desk.services.read_journal import new_token

    for _ in range(200):
        token = new_token()
        assert mask_cpr({"read_journal": token}) == {"read_journal": token}
    assert mask_cpr("f4ab74652e1ed3533745774cb7314aff") != "f4ab74652e1ed3533745774cb7314aff"  # why: hex could
