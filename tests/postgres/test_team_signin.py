"""The sign-in window against a real team server: a refused login reads the same whatever the reason,
and a team database behind this program names who upgrades it (not "Unexpected error")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.domain.roles import Role
from placement_desk.services import signin, users
from placement_desk.ui.shell.login import LoginDialog
from tests.postgres import server as pg
from tests.postgres.test_team_roles import ADMIN, PASSWORD, Team, _new_team, _setup
from tests.qt_settings import fresh_settings
from tests.ui.trust import danish

pytestmark = pytest.mark.postgres
__all__ = ["danish", "fresh_settings"]

WRONG = "Forkert brugernavn eller adgangskode."


@pytest.fixture(scope="module")
def team(pg_server: pg.Server) -> Team:
    """A team database with its administrator, a consultant and a deactivated case worker."""
    t = _new_team(pg_server)
    with pytest.MonkeyPatch.context() as mp:
        assert _setup(t, mp) == 0
    admin = t.sign_in(ADMIN)
    try:
        users.create_user(admin, "ts_anna", "Anna", Role.CONSULTANT, PASSWORD)
        users.create_user(admin, "ts_gone", "Gone", Role.CASEWORKER, PASSWORD)
        users.update_user(admin, "ts_gone", active=False)
    finally:
        admin.dispose()
    return t


def _try(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> str:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    return dialog.message.text()


def test_a_refused_sign_in_reads_the_same_whatever_the_reason(qtbot: QtBot, team: Team, danish: None) -> None:
    dialog = LoginDialog(signin.target(team.url))
    qtbot.addWidget(dialog)
    assert _try(qtbot, dialog, "ts_anna", "forkert kodeord") == WRONG  # a wrong password
    assert dialog.password.text() == "" and dialog.opened is None
    assert _try(qtbot, dialog, "ts_nobody", PASSWORD) == WRONG  # a name the server does not know
    assert _try(qtbot, dialog, "ts_gone", PASSWORD) == WRONG  # a deactivated person's login (NOLOGIN)
    assert _try(qtbot, dialog, "pd_administrator", PASSWORD) == WRONG  # a group role: no login at all
    assert dialog.opened is None
    # The server counts no failures (README: auth_delay and fail2ban do); the right password still works.
    _try(qtbot, dialog, "ts_anna", PASSWORD)
    assert dialog.opened is not None and dialog.opened.principal.username == "ts_anna"
    dialog.opened.db.dispose()


def test_a_team_database_behind_this_program_says_the_owner_runs_setup(
    qtbot: QtBot, team: Team, danish: None
) -> None:
    with team.as_owner() as owner:
        head = owner.execute("SELECT version_num FROM alembic_version").fetchone()
        owner.execute("UPDATE alembic_version SET version_num = '0001'")
    try:
        dialog = LoginDialog(signin.target(team.url))
        qtbot.addWidget(dialog)
        text = _try(qtbot, dialog, "ts_anna", PASSWORD)
        assert text.startswith("Teamdatabasen skal opgraderes til denne version af Placement Desk")
        assert "'placement-desk --db postgresql+psycopg://EJER@VÆRT/DATABASE setup' som databasens ejer" in text
        assert dialog.opened is None and dialog.result() != dialog.DialogCode.Accepted
        # A wrong password is still just wrong: the schema is only looked at after the server let them in.
        assert _try(qtbot, dialog, "ts_anna", "forkert kodeord") == WRONG
        with team.as_owner() as owner:  # nothing was migrated by the person's login
            assert owner.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        with team.as_owner() as owner:
            owner.execute("UPDATE alembic_version SET version_num = %s", head)
