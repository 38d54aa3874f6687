"""Back up and restore from the File menu: the restored database is exactly the backed-up one."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import backup, citizens
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.shell.main_window import MainWindow


def answer_boxes(*buttons: str) -> list[str]:
    """Answer the next message boxes in order, by button text; returns their texts as they come."""
    seen: list[str] = []
    queue = list(buttons)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and queue:
            seen.append(box.text())
            wanted = queue.pop(0)
            next(b for b in box.buttons() if b.text().replace("&", "") == wanted).click()
        if queue:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_back_up_then_restore_from_the_menu(qtbot: QtBot, db: Database) -> None:
    citizens.create_citizen(db, cf.Citizen("SA", "S. A."))
    w = MainWindow(db)
    qtbot.addWidget(w)
    seen = answer_boxes("OK")
    w.work.back_up()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert "verified" in seen[0] or "verificeret" in seen[0]
    made = backup.list_backups(backup.default_folder(db))
    assert len(made) == 1
    before = export_case_file(db)
    citizens.create_citizen(db, cf.Citizen("DC", "D. C."))
    assert export_case_file(db) != before
    seen = answer_boxes("Yes", "OK")
    assert w.work.restore(str(made[0].path))
    assert export_case_file(db) == before
    assert [r.ref for r in w.citizens.model._rows] == ["SA"]


def test_restore_can_be_declined(qtbot: QtBot, db: Database) -> None:
    citizens.create_citizen(db, cf.Citizen("SA", "S. A."))
    info = backup.make_backup(db)
    citizens.create_citizen(db, cf.Citizen("DC", "D. C."))
    w = MainWindow(db)
    qtbot.addWidget(w)
    answer_boxes("No")
    assert not w.work.restore(str(info.path))
    assert len(export_case_file(db)["citizens"]) == 2
