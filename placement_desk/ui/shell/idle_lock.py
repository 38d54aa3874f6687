"""The idle lock: after some minutes without key or mouse input a lock screen covers the app.

Nothing underneath is closed or reset: open dialogs keep their unsaved input and come back as they were
once the signed-in user types their password. Three wrong passwords lock the user (the key file or the
database counts the failures, as at sign-in); the lock screen then only offers to quit.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStoreError
from placement_desk.services import signin, users
from placement_desk.ui.kit.messages import role_label

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 10
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


def idle_minutes() -> float:
    """QSettings ``security/idle_minutes`` (default 10; 0 turns the idle lock off)."""
    try:
        return max(0.0, float(str(QSettings().value("security/idle_minutes", DEFAULT_MINUTES))))
    except ValueError:
        return DEFAULT_MINUTES


def fmt_locked_until(moment: datetime) -> str:
    """'24-12-2026 kl. 14:05' in local time."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return local.strftime("%d-%m-%Y") + QCoreApplication.translate("Login", " at ") + local.strftime("%H:%M")


def locked_until(db: Database, password: str) -> datetime | None:
    """After a wrong unlock password: record the failure where sign-in counts them and say whether the
    user is now locked. The key file counted it already; a database without one counts it here."""
    who = db.principal
    if who is None:
        return None
    t = signin.target(db.url)
    if t.encrypted:
        try:
            return t.store().locked_until(who.username)
        except KeyStoreError:
            return None
    try:
        users.authenticate(db, who.username, password)
    except users.SignInError as exc:
        return exc.locked_until
    return None


class LockDialog(QDialog):
    """Covers the screen the main window is on; only the right password (or quitting) closes it."""

    unlocked = Signal()
    quit_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.db = db
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Placement Desk is locked"))
        self.setObjectName("lockScreen")
        self.setStyleSheet("#lockScreen { background: #26323f; } #lockPanel { background: palette(window); "
                           "border-radius: 8px; }")
        who = db.principal
        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setFixedWidth(420)
        title = QLabel(self.tr("Placement Desk is locked"), panel)
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.who = QLabel(panel)
        self.who.setWordWrap(True)
        if who is not None:
            self.who.setText(
                self.tr("Signed in: %1 (%2)").replace("%1", f"{who.display_name} ({who.username})")
                .replace("%2", role_label(who.role))
            )
        self.hint = QLabel(self.tr("Type your password to carry on where you left off."), panel)
        self.hint.setWordWrap(True)
        self.password = QLineEdit(panel)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel(panel)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), panel)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button = QPushButton(self.tr("Quit"), panel)
        self.quit_button.clicked.connect(self.quit_requested.emit)
        self.quit_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        box = QVBoxLayout(panel)
        box.setContentsMargins(24, 24, 24, 24)
        box.setSpacing(10)
        for widget in (title, self.who, self.hint, self.password, self.message):
            box.addWidget(widget)
        box.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._done = False

    def try_unlock(self) -> bool:
        """True when the password was right (the dialog closes)."""
        if self._done or self.is_locked_out:
            return False
        password = self.password.text()
        self.password.clear()
        try:
            right = bool(password) and signin.check_password(self.db, password)
        except signin.SignInFailed as exc:  # a full disk: the password was not tried
            self.message.setText(
                self.tr("The password could not be checked: the disk is full or the key file cannot be written. "
                        "Free some space and try again. (Nothing was counted as a wrong password.)")
            )
            log.warning("unlock not tried: %s", exc)
            self.message.show()
            self.password.setFocus()
            return False
        if right:
            self._done = True
            self.accept()
            self.unlocked.emit()
            return True
        until = locked_until(self.db, password) if password else None
        if until is not None:
            self.show_locked(until)
        else:
            self.message.setText(self.tr("Wrong password. Try again."))
            self.message.show()
            self.password.setFocus()
        return False

    def show_locked(self, until: datetime) -> None:
        self.message.setText(
            self.tr("You are locked out after 3 wrong passwords until %1. Quit the program; an administrator "
                    "can set a new password.").replace("%1", fmt_locked_until(until))
        )
        self.message.show()
        self.hint.hide()
        self.password.hide()
        self.unlock_button.hide()
        self.quit_button.show()
        self.quit_button.setDefault(True)
        self.quit_button.setFocus()

    @property
    def is_locked_out(self) -> bool:
        return self.quit_button.isVisibleTo(self) and not self.unlock_button.isVisibleTo(self)

    def reject(self) -> None:  # Escape does not unlock
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done:
            event.ignore()
            return
        super().closeEvent(event)


class IdleLock(QObject):
    """Watches the application's key and mouse input; locks after ``security/idle_minutes`` without any."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, db: Database, window: QWidget, minutes: float | None = None) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.dialog: LockDialog | None = None
        self._focus: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(idle_minutes() if minutes is None else minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(int(minutes * 60_000))
            self.timer.start()
        else:
            self.timer.stop()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.dialog is None and self.minutes > 0 and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> LockDialog:
        """Cover the app (again: the open lock screen if there is one); nothing underneath is touched."""
        if self.dialog is not None:
            return self.dialog
        self.timer.stop()
        self._focus = QApplication.focusWidget()  # given back on unlock: the user carries on in that field
        dialog = LockDialog(self.db, self.window)
        dialog.unlocked.connect(self._unlocked)
        dialog.quit_requested.connect(self._quit)
        self.dialog = dialog
        screen = self.window.screen() if self.window.isVisible() else QGuiApplication.primaryScreen()
        if screen is not None:
            dialog.setGeometry(screen.geometry())
        dialog.show()  # not exec(): no nested event loop under the dialogs that are open
        dialog.activateWindow()
        dialog.password.setFocus()
        self.locked.emit()
        return dialog

    def _unlocked(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self.minutes > 0:
            self.timer.start()
        focus, self._focus = self._focus, None
        if focus is not None and isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.unlocked.emit()

    def _quit(self) -> None:
        if self.dialog is not None:
            self.dialog._done = True
        QApplication.closeAllWindows()
        QCoreApplication.exit(0)
