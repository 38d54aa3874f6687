"""The idle lock: covers the app after idle minutes or Ctrl+L, keeps open dialogs as they were, and
locks the user out after 3 wrong passwords."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF
from placement_desk.domain.roles import Role
from placement_desk.services import signin
from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import PASSWORD, danish, sign_in_as

__all__ = ["danish"]


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor=db.principal.username if db.principal else None)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
    return w


def test_typed_input_survives_lock_and_unlock(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    w = window(qtbot, demo_db)
    assert w.idle_lock is not None
    dialog = NewCitizenDialog(w.ctx, w)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Halfdan Hansen")
    dialog.ref.setText("HH")
    lock = w.idle_lock.lock()
    qtbot.waitExposed(lock)
    assert lock.isModal() and "Karin" in lock.who.text() and "Konsulent" in lock.who.text()
    assert w.idle_lock.lock() is lock  # locking again shows the same screen
    assert dialog.isVisible()
    lock.password.setText("forkert-1")
    assert not lock.try_unlock()
    assert lock.message.text() == "Forkert adgangskode. Prøv igen." and lock.isVisible()
    lock.password.setText(PASSWORD)
    assert lock.try_unlock()
    assert not w.idle_lock.is_locked
    assert dialog.isVisible() and dialog.name.text() == "Halfdan Hansen" and dialog.ref.text() == "HH"
    dialog.reject()


def test_idle_minutes_lock_and_input_postpones(qtbot: QtBot, demo_db: Database) -> None:
    """No wall-clock waits: the timer's settings are read, input is seen to restart it, and its
    timeout (the minutes having passed) is fired directly."""
    QSettings().setValue("security/idle_minutes", 7)
    sign_in_as(demo_db, Role.CASEWORKER, "sofie")
    w = window(qtbot, demo_db)
    lock = w.idle_lock
    assert lock is not None and lock.minutes == 7
    assert lock.timer.isSingleShot() and lock.timer.interval() == 7 * 60_000 and lock.timer.isActive()
    lock.timer.stop()  # as if the minutes were running out
    qtbot.mouseMove(w.nav, w.nav.rect().center())  # input starts the wait again
    qtbot.keyClick(w.nav, Qt.Key.Key_Shift)
    assert lock.timer.isActive() and not lock.is_locked
    lock.timer.timeout.emit()  # the minutes have passed without input
    assert lock.is_locked and lock.dialog is not None
    lock.timer.stop()
    qtbot.keyClick(lock.dialog.password, Qt.Key.Key_A)
    assert not lock.timer.isActive()  # input on the lock screen does not restart the wait
    lock.dialog.password.setText(PASSWORD)
    assert lock.dialog.try_unlock()
    assert lock.timer.isActive()
    lock.set_minutes(0)
    assert not lock.timer.isActive()  # 0 turns the idle lock off


def test_ctrl_l_locks_and_three_wrong_passwords_lock_out(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.ADMINISTRATOR, "admin")
    w = window(qtbot, demo_db)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.idle_lock is not None and w.idle_lock.is_locked
    lock = w.idle_lock.dialog
    assert lock is not None
    for _ in range(3):
        lock.password.setText("forkert-1")
        assert not lock.try_unlock()
    assert lock.is_locked_out
    assert "spærret" in lock.message.text() and " kl. " in lock.message.text()
    assert lock.quit_button.text() == "Afslut" and lock.password.isHidden()
    lock.password.setText(PASSWORD)
    assert not lock.try_unlock()  # locked out: only quitting is left
    lock.reject()
    assert w.idle_lock.is_locked


def test_encrypted_database_counts_unlock_failures_in_the_key_file(
    qtbot: QtBot, tmp_path: Path, danish: None
) -> None:
    t = signin.target(f"sqlite:///{tmp_path / 'secure.db'}")
    opened = signin.setup(t, "karin", "Karin Larsen", PASSWORD, kdf=FAST_KDF)
    try:
        w = window(qtbot, opened.db)
        assert w.idle_lock is not None
        lock = w.idle_lock.lock()
        lock.password.setText(PASSWORD)
        assert lock.try_unlock()
        lock = w.idle_lock.lock()
        for _ in range(3):
            lock.password.setText("forkert-1")
            lock.try_unlock()
        assert lock.is_locked_out
        assert t.store().locked_until("karin") is not None
    finally:
        opened.db.dispose()


def test_a_full_disk_at_unlock_is_not_a_wrong_password(
    qtbot: QtBot, tmp_path: Path, danish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key file cannot count the attempt: the password is not tried, the screen says why, and no
    failure is recorded; with space again the same password unlocks."""
    t = signin.target(f"sqlite:///{tmp_path / 'secure.db'}")
    opened = signin.setup(t, "karin", "Karin Larsen", PASSWORD, kdf=FAST_KDF)
    try:
        w = window(qtbot, opened.db)
        assert w.idle_lock is not None
        lock = w.idle_lock.lock()
        keys_before = t.keys.read_bytes() if t.keys else b""

        def no_space(_fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        with monkeypatch.context() as m:
            m.setattr(os, "fsync", no_space)
            for _ in range(4):  # more than the 3 wrong passwords that would lock the user out
                lock.password.setText(PASSWORD)
                assert not lock.try_unlock()
        assert lock.isVisible() and not lock.is_locked_out
        assert lock.message.text().startswith("Adgangskoden kunne ikke kontrolleres: disken er fuld")
        assert "Forkert adgangskode" not in lock.message.text()
        assert t.keys is not None and t.keys.read_bytes() == keys_before  # nothing counted
        lock.password.setText(PASSWORD)
        assert lock.try_unlock()
    finally:
        opened.db.dispose()
