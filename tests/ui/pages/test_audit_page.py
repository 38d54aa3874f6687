"""Revisionslog: newest first in Danish, filters narrow the rows, the chain check says what it found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.services import audit
from placement_desk.ui.pages.audit import AuditPage
from placement_desk.ui.shell.context import UiContext
from tests.ui.trust import danish, sign_in_as, when_modal

__all__ = ["danish"]


def page(qtbot: QtBot, db: Database) -> AuditPage:
    sign_in_as(db, Role.ADMINISTRATOR, "admin")
    audit.log(db, audit.LOGIN)
    audit.log(db, audit.FAILED_LOGIN, username="mallory", details={"reason": "wrong password"})
    audit.log(db, audit.EXPORT, citizen_id=7, details={"file": "sagsmappe-DC.json"})
    p = AuditPage(UiContext(db, "admin"))
    qtbot.addWidget(p)
    p.show()
    return p


def column(p: AuditPage, c: int) -> list[str]:
    return [p.model.index(r, c).data() for r in range(p.model.rowCount())]


def test_entries_newest_first_in_danish_and_filters_narrow(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    p = page(qtbot, demo_db)
    total = p.model.rowCount()
    assert total >= 3
    assert column(p, 2)[:3] == ["Eksporteret", "Mislykket login", "Logget ind"]
    first = p.model.index(0, 0).data()
    assert datetime.strptime(first, "%d-%m-%Y %H:%M:%S")
    assert p.model.index(0, 3).data() == "7" and p.model.index(0, 4).data() == "file: sagsmappe-DC.json"
    assert p.count.text() == f"{total} poster"
    p.action.setCurrentIndex(p.action.findData(audit.FAILED_LOGIN))
    assert column(p, 1) == ["mallory"]
    p.action.setCurrentIndex(0)
    p.user.setText("admin")
    p.refresh()
    assert set(column(p, 1)) == {"admin"}
    p.user.clear()
    p.text.setText("sagsmappe")
    p.refresh()
    assert column(p, 2) == ["Eksporteret"]
    p.text.clear()
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).astimezone().strftime("%d-%m-%Y")
    p.since.setText(tomorrow)
    p.refresh()
    assert p.model.rowCount() == 0
    p.since.clear()
    p.until.setText(datetime.now(UTC).astimezone().strftime("%d-%m-%Y"))
    p.refresh()
    assert p.model.rowCount() == total


def test_chain_check_in_danish(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    p = page(qtbot, demo_db)
    check = audit.verify_chain(demo_db)
    assert p.chain_text(check) == f"Revisionsloggen er intakt: alle {check.checked} poster passer ind i kæden."
    seen: list[str] = []

    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(widget.text())
        widget.accept()
        return True

    when_modal(answer)
    p.chain_button.click()
    assert seen and seen[0].startswith("Revisionsloggen er intakt")
    victim = p.model.row_at(1).id
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'eve' WHERE id = :id"), {"id": victim})
    broken = audit.verify_chain(demo_db)
    assert p.chain_text(broken) == (
        f"Revisionsloggen er blevet ændret: post {victim} passer ikke ind i kæden (den er ændret)."
    )
