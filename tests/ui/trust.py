"""Shared by the sign-in, lock, role and administration tests: Danish UI, databases with users."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from placement_desk.app import open_database, resource_path
from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, signin, users

PASSWORD = "hemmelig-1"


@pytest.fixture
def danish(qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "placement_desk_da.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def encrypted(tmp_path: Path, username: str = "karin") -> tuple[signin.Target, str]:
    """A new encrypted database with one administrator; returns it and its recovery code."""
    t = signin.target(f"sqlite:///{tmp_path / 'secure.db'}")
    opened = signin.setup(t, username, "Karin Larsen", PASSWORD, kdf=FAST_KDF)
    opened.db.dispose()
    assert opened.recovery_code
    return t, opened.recovery_code


def sign_in_as(db: Database, role: Role, username: str = "", company_ref: str | None = None) -> Principal:
    """Create a user with ``role`` (as the system actor) and make it the signed-in one."""
    access.set_principal(db, None)
    name = username or role.value
    if not users.has_users(db):
        users.create_user(db, "admin", "Anne Admin", Role.ADMINISTRATOR, PASSWORD)
    who = (
        users.principal_for(db, name)
        if name == "admin"
        else users.create_user(db, name, name.title(), role, PASSWORD, company_ref)
    )
    access.set_principal(db, who)
    return who


def reopen(url: str, key: bytes | None = None) -> Database:
    return open_database(url, key=key)


def when_modal(act: Callable[[QWidget], bool], seen: list[QWidget] | None = None) -> None:
    """Call ``act`` with the next modal widget (polling); ``act`` returns False to keep waiting."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not act(widget):
            QTimer.singleShot(20, poll)
            return
        if seen is not None:
            seen.append(widget)

    QTimer.singleShot(0, poll)
