"""Brugere: list, create (company for a workplace mentor), change role/active, new password; errors by field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.services import users
from placement_desk.services.queries import list_companies
from placement_desk.ui.pages.users import PasswordDialog, UserDialog, UsersPage
from placement_desk.ui.shell.context import UiContext
from tests.ui.trust import PASSWORD, danish, sign_in_as

__all__ = ["danish"]


def page(qtbot: QtBot, db: Database) -> UsersPage:
    sign_in_as(db, Role.ADMINISTRATOR, "admin")
    ctx = UiContext(db, "admin")
    p = UsersPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def cells(p: UsersPage) -> list[list[str]]:
    m = p.proxy
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_lists_and_creates_users_with_errors_by_field(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    p = page(qtbot, demo_db)
    assert cells(p) == [["admin", "Anne Admin", "Administrator", "", "ja"]]
    dialog = UserDialog(p.ctx, None, p)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.company.isHidden() or not dialog.company.isVisible()
    dialog.username.setText("to ord")
    dialog.display_name.setText("Jens Hansen")
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    dialog.save()
    assert dialog.form.error_text("username") == "skal være ét ord på højst 80 tegn"
    dialog.username.setText("jens")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.WORKPLACE_MENTOR.value))
    assert dialog.company.isVisible()
    dialog.save()
    assert dialog.form.error_text("company") == "vælg praktikstedets virksomhed"
    company = list_companies(demo_db)[0]
    dialog.company.setCurrentIndex(dialog.company.findData(company.ref))
    dialog.password2.setText("andet-kodeord")
    dialog.save()
    assert dialog.form.error_text("password2") == "de to adgangskoder er ikke ens"
    dialog.password2.setText(PASSWORD)
    dialog.save()
    assert dialog.result() == UserDialog.DialogCode.Accepted
    p.refresh()
    assert ["jens", "Jens Hansen", "Virksomhedsmentor", company.name, "ja"] in cells(p)


def test_change_role_active_and_password(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    p = page(qtbot, demo_db)
    users.create_user(demo_db, "sofie", "Sofie Berg", Role.CASEWORKER, PASSWORD)
    p.refresh()
    p.select("sofie")
    row = p.selected()
    assert row is not None and row.username == "sofie" and p.edit_button.isEnabled()
    dialog = UserDialog(p.ctx, row, p)
    qtbot.addWidget(dialog)
    assert dialog.username.isReadOnly() and dialog.password.parentWidget() is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MENTOR.value))
    dialog.active.setChecked(False)
    dialog.save()
    assert dialog.result() == UserDialog.DialogCode.Accepted
    p.refresh()
    assert ["sofie", "Sofie Berg", "Mentor", "", "nej"] in cells(p)
    me = UserDialog(p.ctx, next(r for r in users.list_users(demo_db) if r.username == "admin"), p)
    qtbot.addWidget(me)
    me.active.setChecked(False)
    me.save()
    assert me.form.error_text("active") == "du kan ikke gøre dig selv inaktiv"
    password = PasswordDialog(p.ctx, "sofie", p)
    qtbot.addWidget(password)
    password.password.setText("kort")
    password.password2.setText("kort")
    password.save()
    assert password.form.error_text("password") == "skal være mindst 8 tegn"
    password.password.setText("ny-adgangskode")
    password.password2.setText("ny-adgangskode")
    password.save()
    assert password.result() == PasswordDialog.DialogCode.Accepted
    assert users.verify_password(demo_db, "sofie", "ny-adgangskode")
