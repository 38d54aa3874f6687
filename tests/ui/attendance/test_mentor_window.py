"""The workplace mentor's window: their company's attendance, the day first, one big button, no consultant
menus, no database path; settings (week mode, page, searches) belong to each user; the sign-in remembers
who signed in last."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF
from placement_desk.domain.roles import Role
from placement_desk.services import access, signin, users
from placement_desk.services.mentor import expected
from placement_desk.services.queries import list_companies
from placement_desk.ui.attendance.mentor_model import DAY, WEEK
from placement_desk.ui.shell.login import LoginDialog, SetupDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import PASSWORD, danish, sign_in_as, when_modal

__all__ = ["danish"]


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor=db.principal.username if db.principal else None)
    qtbot.addWidget(w)
    w.resize(1280, 700)
    w.show()
    return w


def menu(w: MainWindow, title: str) -> QMenu:
    found = next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == title)
    assert isinstance(found, QMenu)
    return found


def texts(m: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in m.actions() if not a.isSeparator()]


def bilka(db: Database) -> str:
    """The demo company with someone placed today (Miriam, 4 hours on Mondays)."""
    return next(c.ref for c in list_companies(db) if c.name.startswith("Bilka"))


def test_the_mentor_window_has_no_consultant_menus_and_no_database_path(
    qtbot: QtBot, demo_db: Database, danish: None
) -> None:
    sign_in_as(demo_db, Role.WORKPLACE_MENTOR, "jens", bilka(demo_db))
    w = window(qtbot, demo_db)
    assert texts(menu(w, "Filer")) == ["Indstillinger…", "Lås nu", "Afslut"]
    assert "Søg…" not in texts(menu(w, "Rediger"))
    assert w.nav.isHidden()  # one page: nothing to choose in a sidebar
    assert w.db_label.isHidden() and w.db_label not in w.statusBar().findChildren(QWidget)
    assert str(demo_db.description) not in w.about_text()
    assert "Jens" in w.user_label.text()


@pytest.mark.parametrize(
    ("role", "file_menu"),
    [
        (Role.ADMINISTRATOR, ["Importér sagsfil…", "Eksportér sagsfil…", "Indlæs demodata", "Tag sikkerhedskopi nu",
                              "Gendan en sikkerhedskopi…", "Indstillinger…", "Lås nu", "Afslut"]),
        (Role.CONSULTANT, ["Importér sagsfil…", "Eksportér sagsfil…", "Indlæs demodata", "Indstillinger…", "Lås nu",
                           "Afslut"]),
        (Role.MENTOR, ["Indstillinger…", "Lås nu", "Afslut"]),
        (Role.CASEWORKER, ["Indstillinger…", "Lås nu", "Afslut"]),
    ],
)  # fmt: skip
def test_the_file_menu_holds_what_the_role_may_do(
    qtbot: QtBot, demo_db: Database, danish: None, role: Role, file_menu: list[str]
) -> None:
    sign_in_as(demo_db, role, "admin" if role is Role.ADMINISTRATOR else role.value)
    w = window(qtbot, demo_db)
    assert texts(menu(w, "Filer")) == file_menu
    assert ("Søg…" in texts(menu(w, "Rediger"))) == (role is not Role.WORKPLACE_MENTOR)


def test_a_refusal_comes_before_the_file_and_in_danish(
    qtbot: QtBot, demo_db: Database, danish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(demo_db, Role.WORKPLACE_MENTOR, "jens", bilka(demo_db))
    w = window(qtbot, demo_db)
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append("file") or ("", "")))
    seen: list[str] = []

    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(f"{widget.windowTitle()}: {widget.text()}")
        widget.accept()
        return True

    for command in (w.work.import_file, w.work.restore):
        when_modal(answer)
        assert not command()
    assert asked == []
    assert seen == ["Ikke tilladt: Din rolle giver ikke adgang til dette."] * 2


def test_only_their_company_the_day_first_and_one_button_for_everyone(
    qtbot: QtBot, demo_db: Database, danish: None
) -> None:
    company = bilka(demo_db)
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    w = window(qtbot, demo_db)
    w.show_page("attendance")
    w.attendance.set_mode(WEEK)  # the consultant likes the week
    w.close()
    sign_in_as(demo_db, Role.WORKPLACE_MENTOR, "jens", company)
    w = window(qtbot, demo_db)
    page = w.attendance
    assert w.pages.currentWidget() is page
    assert page.mode() == DAY  # not the consultant's week
    assert [page.company.itemData(i) for i in range(page.company.count())] == [company]
    assert page.all_button.text() == "&Alle mødt som planlagt" and page.all_button.font().bold()
    assert page.model.rowCount() == 1 and page.all_button.isEnabled()
    page.all_button.click()
    day = page.day()
    miriam = expected(demo_db, company, day, day)[0].on(day)
    assert miriam is not None and miriam.record is not None and miriam.record.minutes == miriam.planned
    assert not page.all_button.isEnabled()


def test_settings_belong_to_each_user(qtbot: QtBot, demo_db: Database) -> None:
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    w = window(qtbot, demo_db)
    w.show_page("attendance")
    w.attendance.set_mode(WEEK)
    w.show_page("citizens")
    w.citizens.search.setText("Miriam")
    w.close()
    sign_in_as(demo_db, Role.MENTOR, "mette")
    w = window(qtbot, demo_db)
    assert w.pages.currentWidget() is w.dashboard  # not the page karin left
    assert w.citizens.search.text() == ""  # nor her search (it may name a citizen)
    assert w.attendance.mode() == DAY
    w.close()
    access.set_principal(demo_db, users.principal_for(demo_db, "karin"))  # karin again: hers are kept
    w = window(qtbot, demo_db)
    assert w.pages.currentWidget() is w.citizens and w.citizens.search.text() == "Miriam"
    assert w.attendance.mode() == WEEK


def test_the_sign_in_remembers_the_last_user(qtbot: QtBot, tmp_path: Path, danish: None) -> None:
    t = signin.target(f"sqlite:///{tmp_path / 'first.db'}")
    setup = SetupDialog(t, kdf=FAST_KDF)
    qtbot.addWidget(setup)
    setup.username.setText("karin")
    setup.display_name.setText("Karin Larsen")
    setup.password.setText(PASSWORD)
    setup.password2.setText(PASSWORD)
    setup.create_admin()
    assert setup.opened is not None
    setup.opened.db.dispose()
    assert QSettings().value("login/username") == "karin"
    login = LoginDialog(signin.target(f"sqlite:///{tmp_path / 'first.db'}"))
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    assert login.username.text() == "karin"
    assert login.focusWidget() is login.password  # only the password to type


def test_company_buttons_are_disabled_for_a_role_without_company_data(
    qtbot: QtBot, demo_db: Database, danish: None
) -> None:
    sign_in_as(demo_db, Role.MENTOR, "mette")
    w = window(qtbot, demo_db)
    w.show_page("companies")
    w.companies.list.selectRow(0)  # a company shown: the panel is on, its buttons still not
    panel = w.companies.detail_panel
    assert panel.isEnabled()
    for button in (w.companies.new_button, panel.edit_button, panel.contact_button):
        assert not button.isEnabled() and button.toolTip() == "Din rolle giver ikke adgang til dette."
