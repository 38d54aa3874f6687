"""The main window shows the pages the signed-in role can use; refusals are Danish, not crashes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.roles import Role
from placement_desk.services import citizens
from placement_desk.services.queries import list_companies
from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog
from placement_desk.ui.shell.main_window import ADMIN_KEYS, NAV_KEYS, MainWindow
from tests.ui.trust import danish, sign_in_as, when_modal

__all__ = ["danish"]


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor=db.principal.username if db.principal else None)
    qtbot.addWidget(w)
    w.show()
    return w


def nav_texts(w: MainWindow) -> list[str]:
    return [w.nav.item(i).text() for i in range(w.nav.count())]


def test_without_a_signed_in_user_everything_shows(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    assert w.keys == NAV_KEYS + ADMIN_KEYS
    assert w.user_label.text() == ""


def test_workplace_mentor_sees_only_attendance(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    company = list_companies(demo_db)[0]
    sign_in_as(demo_db, Role.WORKPLACE_MENTOR, "jens", company.ref)
    w = window(qtbot, demo_db)
    assert w.keys == ("attendance",)
    assert nav_texts(w) == ["Fremmøde"]
    assert w.pages.currentWidget() is w.attendance
    w.show_page("citizens")  # not there: nothing happens
    assert w.pages.currentWidget() is w.attendance
    assert "Jens" in w.user_label.text() and "Virksomhedsmentor" in w.user_label.text()


def test_caseworker_reads_but_edits_are_refused_in_danish(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.CASEWORKER, "sofie")
    w = window(qtbot, demo_db)
    assert w.keys == ("dashboard", "citizens", "companies", "followups", "placements", "results")
    assert "Sagsbehandler (kun læse)" in w.user_label.text()
    w.show_page("citizens")
    assert w.citizens.model.rowCount() > 0
    assert not w.citizens.new_button.isEnabled()
    assert w.citizens.new_button.toolTip() == "Din rolle giver ikke adgang til dette."
    dialog = NewCitizenDialog(w.ctx, w)
    qtbot.addWidget(dialog)
    dialog.name.setText("Halfdan Hansen")
    dialog.ref.setText("HH")
    dialog.save()
    assert dialog.form.general_error.text() == "Din rolle giver ikke adgang til dette."
    assert "HH" not in {w.citizens.model.row_at(r).ref for r in range(w.citizens.model.rowCount())}


def test_guarded_shows_access_denied_as_a_danish_message(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.CASEWORKER, "sofie")
    w = window(qtbot, demo_db)
    seen: list[str] = []

    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(widget.windowTitle() + ": " + widget.text())
        widget.accept()
        return True

    when_modal(answer)
    ok = w.ctx.guarded(lambda: citizens.create_citizen(demo_db, cf.Citizen("HH", "Halfdan Hansen")))
    assert not ok
    assert seen == ["Ikke tilladt: Din rolle giver ikke adgang til dette."]
    with pytest.raises(AccessDenied):
        citizens.create_citizen(demo_db, cf.Citizen("HH", "Halfdan Hansen"))


def test_administrator_gets_users_audit_and_privacy(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.ADMINISTRATOR, "admin")
    w = window(qtbot, demo_db)
    assert nav_texts(w)[-3:] == ["Brugere", "Revisionslog", "Databeskyttelse"]
    w.show_page("users")
    from placement_desk.ui.pages.users import UsersPage

    assert isinstance(w.pages.currentWidget(), UsersPage)
    w.show_page("audit")
    from placement_desk.ui.pages.audit import AuditPage

    assert isinstance(w.pages.currentWidget(), AuditPage)
    assert w.lock_action.shortcut().toString() == "Ctrl+L"
    pytest.importorskip("placement_desk.ui.pages.privacy")
    w.show_page("privacy")
    assert w.pages.currentWidget() is w.page("privacy")


def test_mentor_and_consultant_have_no_administration(qtbot: QtBot, demo_db: Database) -> None:
    sign_in_as(demo_db, Role.MENTOR, "mette")
    w = window(qtbot, demo_db)
    assert w.keys == NAV_KEYS
