"""The app's window signed in to a team server as each role: every page it offers loads under that
person's own login (grants and row-level security), showing what the role may see."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from placement_desk.domain.roles import Role
from placement_desk.services import signin, users
from placement_desk.services.demo import load_demo
from tests.postgres import server as pg
from tests.postgres.test_team_roles import PASSWORD, Team, _new_team, _setup
from tests.qt_settings import fresh_settings

__all__ = ["fresh_settings"]  # an autouse fixture, imported

pytestmark = pytest.mark.postgres

ROLES = {"tw_anna": Role.CONSULTANT, "tw_mikkel": Role.MENTOR, "tw_karim": Role.WORKPLACE_MENTOR,
         "tw_sara": Role.CASEWORKER}  # fmt: skip


@pytest.fixture(scope="module")
def demo_team(pg_server: pg.Server) -> tuple[Team, str]:
    """A team database with the demo citizens and one person per role; returns it and the workplace
    mentor's company."""
    t = _new_team(pg_server)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLACEMENT_DESK_USER", "tr_admin")
        assert _setup(t, mp) == 0
    admin = t.sign_in("tr_admin")
    try:
        load_demo(admin, date(2026, 11, 23))
        from placement_desk.services.queries import list_companies

        company = next(c.ref for c in list_companies(admin) if c.ref == "co-saxo-pedel")
        for name, role in ROLES.items():
            users.create_user(admin, name, name[3:].title(), role, PASSWORD,
                              company_ref=company if role is Role.WORKPLACE_MENTOR else None)  # fmt: skip
    finally:
        admin.dispose()
    return t, company


@pytest.mark.parametrize("username", ["tr_admin", *ROLES])
def test_every_page_of_the_window_loads_under_the_persons_login(
    qtbot: QtBot, demo_team: tuple[Team, str], username: str
) -> None:
    from PySide6.QtWidgets import QApplication

    from placement_desk.ui.shell.main_window import MainWindow

    team, company = demo_team
    opened = signin.sign_in(signin.target(team.url), username, PASSWORD)
    db = opened.db
    try:
        w = MainWindow(db, actor=username)
        qtbot.addWidget(w)
        w.show()
        for key in w.keys:
            w.show_page(key)
            QApplication.processEvents()  # the page's first load, without a wall-clock wait
            assert w.pages.currentWidget() is not None
        if opened.principal.role is Role.WORKPLACE_MENTOR:
            assert w.keys == ("attendance",)
        else:
            w.show_page("citizens")
            assert w.citizens.model.rowCount() >= 5  # the demo's citizens, read under their own login
        w.close()
    finally:
        db.dispose()
