"""Start-up safety: a damaged database is not opened for writing; the newest good backup can be restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import backup, citizens
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.shell.startup import check_database, start_daily_backup


def answer(button_text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    QTimer.singleShot(0, click)


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


def test_damaged_database_is_restored_from_the_newest_good_backup(qtbot: QtBot, db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    citizens.create_citizen(db, cf.Citizen("SA", "S. A."))
    assert check_database(db)  # a healthy database opens without a question
    made = backup.make_backup(db)
    before = export_case_file(db)
    db.dispose()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    damage(db_path)
    db = Database(f"sqlite:///{db_path}")
    assert not backup.integrity_ok(db)
    seen: list[str] = []
    answer("Restore backup", seen)
    assert check_database(db)
    assert made.created.strftime("%d-%m-%Y") in seen[0]
    assert export_case_file(db) == before
    db.dispose()


def test_damaged_database_without_backup_stops(qtbot: QtBot, db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    damage(db_path)
    db = Database(f"sqlite:///{db_path}")
    seen: list[str] = []
    answer("OK", seen)
    assert not check_database(db)
    assert "no good backup" in seen[0]
    db.dispose()


def test_daily_backup_runs_in_the_background(qtbot: QtBot, db: Database) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    worker = start_daily_backup(db, parent)
    assert worker is not None
    assert worker.wait(20000)  # the thread ends; its deleteLater waits for the event loop
    assert len(backup.list_backups(backup.default_folder(db))) == 1
    assert backup.backup_if_due(db) is None  # one a day


def test_the_background_check_refuses_writes_when_the_database_is_damaged(qtbot: QtBot, db_path: Path) -> None:
    """At head (no migration) the check runs beside the open window; a failure stops every write."""
    from PySide6.QtWidgets import QWidget

    from placement_desk.domain.errors import DatabaseDamaged
    from placement_desk.ui.shell.startup import start_background_check

    db = Database(f"sqlite:///{db_path}")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    damage(db_path)
    db = Database(f"sqlite:///{db_path}")
    parent = QWidget()
    qtbot.addWidget(parent)
    refreshed: list[bool] = []
    seen: list[str] = []

    def answer_every_box() -> None:  # "no good backup", then "will not save anything": one after the other
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            box.buttons()[0].click()
        if len(seen) < 2:
            QTimer.singleShot(20, answer_every_box)

    QTimer.singleShot(0, answer_every_box)
    worker = start_background_check(db, parent, lambda: refreshed.append(True))
    assert worker is not None
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=20000)
    assert "no good backup" in seen[0] and "will not save anything" in seen[1]
    assert db.write_refusal and refreshed == []
    with pytest.raises(DatabaseDamaged):
        citizens.create_citizen(db, cf.Citizen("SA", "S. A."))
    db.dispose()


def test_the_background_check_of_a_healthy_database_changes_nothing(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No wall-clock wait: the worker is deleted once its thread has ended and its answer was delivered."""
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    from placement_desk.ui.shell.startup import start_background_check

    found: list[list[str]] = []
    real = backup.integrity_problems

    def checked(d: Database) -> list[str]:
        found.append(real(d))
        return found[-1]

    monkeypatch.setattr(backup, "integrity_problems", checked)
    parent = QWidget()
    qtbot.addWidget(parent)
    worker = start_background_check(db, parent, lambda: None)
    assert worker is not None
    qtbot.waitUntil(lambda: not isValid(worker), timeout=20000)
    assert found == [[]]
    assert db.write_refusal is None
    citizens.create_citizen(db, cf.Citizen("SA", "S. A."))
