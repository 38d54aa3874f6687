"""The sign-in, first-start, users and audit screens rendered in Danish, saved as PNG.

Set PLACEMENT_DESK_SHOTS=folder to keep the pictures (the README's come from docs/screenshots).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF
from placement_desk.domain.roles import Role
from placement_desk.services import audit, signin, users
from placement_desk.ui.shell.login import LoginDialog, SetupDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import PASSWORD, danish, encrypted, sign_in_as

__all__ = ["danish"]


def shoot(widget: QWidget, folder: Path, name: str) -> Path:
    QCoreApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 300 and image.height() >= 150, name
    return path


def test_sign_in_and_administration_screens(qtbot: QtBot, demo_db: Database, tmp_path: Path, danish: None) -> None:
    folder = Path(os.environ.get("PLACEMENT_DESK_SHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)

    t, _code = encrypted(tmp_path)
    login = LoginDialog(t)
    qtbot.addWidget(login)
    login.username.setText("karin")
    login.password.setText("forkert-1")
    login.show()
    login.sign_in()
    assert login.message.text() == "Forkert brugernavn eller adgangskode."
    shoot(login, folder, "login")

    setup = SetupDialog(signin.target(f"sqlite:///{tmp_path / 'first.db'}"), kdf=FAST_KDF)
    qtbot.addWidget(setup)
    setup.username.setText("karin")
    setup.display_name.setText("Karin Larsen")
    setup.password.setText(PASSWORD)
    setup.password2.setText(PASSWORD)
    setup.show()
    shoot(setup, folder, "setup")
    setup.create_admin()
    assert setup.opened is not None
    shoot(setup, folder, "setup-recovery-code")
    setup.confirm.setChecked(True)
    setup.accept()
    setup.opened.db.dispose()

    sign_in_as(demo_db, Role.ADMINISTRATOR, "karin")
    users.create_user(demo_db, "sofie", "Sofie Berg", Role.CASEWORKER, PASSWORD)
    users.create_user(demo_db, "mette", "Mette Holm", Role.MENTOR, PASSWORD)
    audit.log(demo_db, audit.LOGIN)
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.show_page("users")
    shoot(w, folder, "users")
    w.show_page("audit")
    shoot(w, folder, "audit")
