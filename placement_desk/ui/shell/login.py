"""Signing in when the app starts: the first administrator (with the recovery code shown once), the
sign-in itself, and a forgotten password (the recovery code)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from placement_desk.db.place import Target, needs_setup_known
from placement_desk.domain.errors import ValidationError
from placement_desk.ui.shell import preload
from placement_desk.ui.shell.signin_form import SignInForm


class _OnFirstUse(ModuleType):
    """A module imported when one of its names is first used: the sign-in window is painted before
    SQLAlchemy and the ORM are imported (ui.shell.preload loads them while the user types)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._real: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        if self._real is None:
            self._real = preload.load(self.__name__)
        return getattr(self._real, attr)


if TYPE_CHECKING:
    from PySide6.QtGui import QEnterEvent
    from PySide6.QtWidgets import QMessageBox

    from placement_desk.db.engine import Database
    from placement_desk.db.keystore import KdfParams
    from placement_desk.services import signin, users
    from placement_desk.ui.shell import idle_lock
else:
    signin = _OnFirstUse("placement_desk.services.signin")
    users = _OnFirstUse("placement_desk.services.users")
    idle_lock = _OnFirstUse("placement_desk.ui.shell.idle_lock")

Opener = Callable[[str, bytes | None], "Database"]


class StartStopped(Exception):
    """The integrity check stopped the start (the database is damaged and the user chose to quit)."""


def default_opener(url: str, key: bytes | None) -> Database:
    from placement_desk.db.opening import open_migrated as open_database

    return open_database(url, key=key)


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def check_same(password: str, again: str) -> None:
    if password != again:
        raise ValidationError("password2", code="passwords_differ")


def failure_text(exc: signin.SignInFailed, keys: object = None) -> str:
    """A failed sign-in in plain words (Danish with the translator installed)."""
    if exc.kind == "locked" or (exc.kind == "wrong" and exc.locked_until is not None):
        if exc.locked_until is None:
            return QCoreApplication.translate("Login", "This user is locked after 3 failed sign-ins.")
        return QCoreApplication.translate(
            "Login", "This user is locked after 3 failed sign-ins until %1. Try again then, or ask an "
            "administrator to set a new password."
        ).replace("%1", idle_lock.fmt_locked_until(exc.locked_until))
    if exc.kind == "wrong":
        return QCoreApplication.translate("Login", "Wrong user name or password.")
    if exc.kind == "inactive":
        return QCoreApplication.translate("Login", "This user is no longer active. Ask an administrator.")
    if exc.kind == "missing":
        return QCoreApplication.translate(
            "Login", "The database file is missing or empty, but its key file is there. Nothing was created. "
            "An administrator restores the newest backup: placement-desk restore FILE (with their password or "
            "the recovery code)."
        )
    if exc.kind == "disk":
        return QCoreApplication.translate(
            "Login", "The disk is full, or the database or its key file cannot be written, so the sign-in "
            "could not be checked. Free some space and try again."
        )
    if exc.kind == "plain":
        return QCoreApplication.translate(
            "Login", "This database is not encrypted yet. An administrator signs in once to encrypt it; after "
            "that you can sign in as before."
        )
    if exc.kind == "setup":
        return QCoreApplication.translate("Login", "There is no database yet. Create the first administrator.")
    if exc.kind == "upgrade":
        return QCoreApplication.translate(
            "Login", "The team database must be upgraded to this version of Placement Desk before anyone can "
            "sign in. Ask the administrator to run 'placement-desk --db postgresql+psycopg://OWNER@HOST/DATABASE "
            "setup' as the database's owner."
        )
    return QCoreApplication.translate(
        "Login", "The database is encrypted, but its key file %1 is missing or cannot be read. Put the key "
        "file back (a copy lies next to each backup) and try again."
    ).replace("%1", str(keys or ""))


class SetupDialog(QDialog):
    """First start: the administrator's user name, full name and password; then the recovery code, once."""

    def __init__(
        self,
        t: Target,
        opener: Opener | None = None,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.t, self.opener, self.kdf = t, opener or default_opener, kdf
        self.opened: signin.Opened | None = None
        self.stopped = False
        self.setWindowTitle(self.tr("Placement Desk – first start"))
        self.setMinimumWidth(520)
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._admin_page())
        self.stack.addWidget(self._recovery_page())

    def _admin_page(self) -> QWidget:
        """Page 1: the administrator's user name, full name and password."""
        first = QWidget(self.stack)
        self.intro = QLabel(self._intro(), first)
        self.intro.setWordWrap(True)
        self.form = SignInForm(first)
        self.username = self.form.add("username", self.tr("User name"), QLineEdit(first))
        self.display_name = self.form.add("display_name", self.tr("Full name"), QLineEdit(first))
        self.password = self.form.add("password", self.tr("Password"), password_field(first))
        self.password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(users.MIN_PASSWORD)))
        self.password2 = self.form.add("password2", self.tr("Password again"), password_field(first))
        self.buttons = QDialogButtonBox(parent=first)
        self.create_button = self.buttons.addButton(self.tr("Create administrator"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.create_admin)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(first)
        box.addWidget(self.intro)
        box.addWidget(self.form)
        box.addStretch(1)
        box.addWidget(self.buttons)
        return first

    def _recovery_page(self) -> QWidget:
        """Page 2: the recovery code, shown once, to copy or print before going on."""
        second = QWidget(self.stack)
        title = QLabel(self.tr("Your recovery code"), second)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        explain = QLabel(
            self.tr(
                "If every administrator forgets their password, this code is the only way into the encrypted "
                "database. It is shown only this once.\n\nWrite it down or print it, and keep it somewhere "
                "safe and locked — not on this computer."
            ),
            second,
        )
        explain.setWordWrap(True)
        self.code = QLineEdit(second)
        self.code.setReadOnly(True)
        from PySide6.QtGui import QFont  # (here: the sign-in window is painted before more of Qt is loaded)

        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(14)
        font.setBold(True)
        self.code.setFont(font)
        self.copy_button = QPushButton(self.tr("Copy"), second)
        self.copy_button.clicked.connect(self.copy_code)
        self.print_button = QPushButton(self.tr("Print…"), second)
        self.print_button.clicked.connect(self.print_code)
        self.copy_note = QLabel(second)
        tools = QHBoxLayout()
        tools.addWidget(self.copy_button)
        tools.addWidget(self.print_button)
        tools.addWidget(self.copy_note, 1)
        self.safety_note = QLabel(second)
        self.safety_note.setWordWrap(True)
        self.safety_note.hide()
        self.confirm = QCheckBox(self.tr("I have written the recovery code down and put it somewhere safe"), second)
        self.continue_button = QPushButton(self.tr("Continue"), second)
        self.continue_button.setEnabled(False)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self.continue_button)
        box2 = QVBoxLayout(second)
        box2.addWidget(title)
        box2.addWidget(explain)
        box2.addWidget(self.code)
        box2.addLayout(tools)
        box2.addWidget(self.safety_note)
        box2.addStretch(1)
        box2.addWidget(self.confirm)
        box2.addLayout(end)
        return second

    def _intro(self) -> str:
        if self.t.is_server:
            return self.tr("Welcome. The team database has no users yet. Create the first administrator; they can "
                           "then add the other users.")
        if self.t.file_exists:
            return self.tr(
                "Welcome. Placement Desk now protects its database with user names and passwords, and encrypts "
                "it.\n\nThe existing database %1 will be encrypted now. An encrypted copy is kept first, so "
                "nothing is lost if something goes wrong.\n\nCreate the first administrator; they can then add "
                "the other users."
            ).replace("%1", str(self.t.path))
        return self.tr("Welcome to Placement Desk. Create the first administrator; they can then add the other "
                       "users. The database is encrypted on this computer.")

    def create_admin(self) -> None:
        self.form.clear_errors()
        try:
            check_same(self.password.text(), self.password2.text())
            self.opened = signin.setup(self.t, self.username.text(), self.display_name.text(),
                                       self.password.text(), kdf=self.kdf, opener=self.opener)
        except StartStopped:
            self.stopped = True
            super().reject()
            return
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        except signin.SignInFailed as exc:
            self.form.general_error.setText(failure_text(exc, self.t.keys))
            self.form.general_error.show()
            return
        self.password.clear()
        self.password2.clear()
        QSettings().setValue("login/username", self.username.text().strip())  # the next sign-in starts with it
        if self.opened.recovery_code is None:  # a team database: no key file, no recovery code
            self.accept()
            return
        from PySide6.QtCore import Qt

        self.code.setText(self.opened.recovery_code)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance(self.opened.recovery_code) + 40)
        if self.opened.safety_copy is not None:
            self.safety_note.setText(
                self.tr("The database is encrypted now. The copy taken first: %1").replace(
                    "%1", str(self.opened.safety_copy))
            )
            self.safety_note.show()
        self.stack.setCurrentIndex(1)
        self.continue_button.setDefault(True)
        self.adjustSize()

    def copy_code(self) -> None:
        from PySide6.QtGui import QGuiApplication

        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.code.text())
        self.copy_note.setText(self.tr("Copied. Paste it where it is safe, then clear the clipboard."))

    def print_code(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(
            self.tr("Placement Desk – recovery code\n\nDatabase: %1\n\n%2\n\nKeep this paper somewhere safe and "
                    "locked.").replace("%1", str(self.t.path)).replace("%2", self.code.text())
        )
        document.print_(printer)

    def reject(self) -> None:
        if self.opened is not None and not self.confirm.isChecked():
            return  # the recovery code must be taken down: the database exists now
        super().reject()


class RecoveryDialog(QDialog):
    """Forgotten password: the recovery code, the user name and a new password (twice)."""

    def __init__(self, t: Target, opener: Opener | None = None, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t, self.opener = t, opener or default_opener
        self.opened: signin.Opened | None = None
        self.stopped = False
        self.setWindowTitle(self.tr("Forgotten password"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr("Type the recovery code you wrote down when the database was set up, your user name and a new "
                    "password."),
            self,
        )
        intro.setWordWrap(True)
        self.form = SignInForm(self)
        self.code = self.form.add("code", self.tr("Recovery code"), QLineEdit(self))
        self.username = self.form.add("username", self.tr("User name"), QLineEdit(username, self))
        self.password = self.form.add("password", self.tr("New password"), password_field(self))
        self.password2 = self.form.add("password2", self.tr("New password again"), password_field(self))
        buttons = QDialogButtonBox(parent=self)  # (by keyword: no overload to try against Qt's enums)
        self.ok_button = buttons.addButton(self.tr("Set password and sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.recover)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def _field_error(self, key: str, text: str) -> None:
        self.form.errors[key].setText(text)
        self.form.errors[key].show()
        self.form.fields[key].setFocus()

    def recover(self) -> None:
        self.form.clear_errors()
        if not self.username.text().strip():
            self.form.show_error(ValidationError("username", code="required"))
            return
        try:
            check_same(self.password.text(), self.password2.text())
            self.opened = signin.recover(self.t, self.code.text(), self.username.text().strip(),
                                         self.password.text(), opener=self.opener)
        except StartStopped:
            self.stopped = True
            self.reject()
            return
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        except signin.SignInFailed as exc:
            if exc.kind == "wrong" and exc.code == "no_user":
                self._field_error("username", self.tr("There is no active user with this name."))
            elif exc.kind == "wrong":
                self._field_error("code", self.tr("The recovery code is not right."))
            else:
                self.form.general_error.setText(self.tr("Only an encrypted database has a recovery code. Ask an "
                                                        "administrator to set a new password."))
                self.form.general_error.show()
            return
        self.accept()


class LinkButton(QPushButton):
    """A flat button that looks like a link, with the hand cursor over it (set at the first hover: Qt's
    namespace of enums takes long to load and is not needed before the sign-in window is painted)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent=parent)  # (by keyword: no overload with an icon to try first)
        self.setFlat(True)
        self.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; border: none; }")
        self.hand = False

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self.hand:
            from PySide6.QtCore import Qt

            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.hand = True
        super().enterEvent(event)


class LoginDialog(QDialog):
    """User name (remembered) and password; the reason in plain words when it does not work."""

    def __init__(self, t: Target, opener: Opener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t, self.opener = t, opener or default_opener
        self.opened: signin.Opened | None = None
        self.stopped = False
        self.setWindowTitle(self.tr("Placement Desk – sign in"))
        self.setMinimumWidth(440)
        title = QLabel(self.tr("Sign in to Placement Desk"), self)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        where = QLabel(self.tr("Database: %1").replace("%1", str(t.path) if t.path else _server(t.url)), self)
        where.setWordWrap(True)
        where.setStyleSheet("color: #555;")  # grey, yet 4.5:1 or more
        self.form = SignInForm(self)
        self.username = self.form.add("username", self.tr("User name"), QLineEdit(self))
        self.password = self.form.add("password", self.tr("Password"), password_field(self))
        self.username.setText(str(QSettings().value("login/username", "")))
        self.message = self.form.general_error
        self.forgot = LinkButton(self.tr("Forgot password?"), self)
        self.forgot.clicked.connect(self.forgotten)
        buttons = QDialogButtonBox(parent=self)  # (by keyword: no overload to try against Qt's enums)
        self.sign_in_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        self.sign_in_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.forgot)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addWidget(self.form)
        layout.addLayout(bottom)
        (self.password if self.username.text() else self.username).setFocus()

    def sign_in(self) -> None:
        self.form.clear_errors()
        username = self.username.text().strip()
        if not username:
            self.form.show_error(ValidationError("username", code="required"))
            return
        try:
            self.opened = signin.sign_in(self.t, username, self.password.text(), opener=self.opener)
        except StartStopped:
            self.stopped = True
            self.reject()
            return
        except signin.SignInFailed as exc:
            self.password.clear()
            self.password.setFocus()
            self.message.setText(failure_text(exc, self.t.keys))
            self.message.show()
            return
        QSettings().setValue("login/username", username)
        self.accept()

    def forgotten(self) -> None:
        if not self.t.encrypted:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self, self.tr("Forgotten password"),
                self.tr("Ask an administrator to set a new password for you (Users page)."),
            )
            return
        dialog = RecoveryDialog(self.t, self.opener, self.username.text().strip(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.opened is not None:
            self.opened = dialog.opened
            QSettings().setValue("login/username", dialog.username.text().strip())
            self.accept()
        elif dialog.stopped:
            self.stopped = True
            self.reject()


def _server(url: str) -> str:
    """A server URL without its password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.rsplit('@', 1)[1]}"
    return url


def sign_in_at_start(t: Target, opener: Opener | None = None,
                     shown: Callable[[QDialog], None] | None = None) -> signin.Opened | None:
    """The first administrator when nobody can sign in yet, else the sign-in; None when cancelled.
    ``shown`` gets the dialog before it is shown (launch: preloading starts at its first paint)."""
    first = needs_setup_known(t)  # from the files: nothing is imported or opened for it
    if first is None:
        try:
            first = signin.needs_setup(t, opener or default_opener)
        except StartStopped:
            return None
    dialog: SetupDialog | LoginDialog = SetupDialog(t, opener) if first else LoginDialog(t, opener)
    if shown is not None:
        shown(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        if dialog.opened is not None:
            dialog.opened.db.dispose()
        return None
    if isinstance(dialog, LoginDialog) and dialog.opened is not None and dialog.opened.recovery_code:
        show_encrypted_now(dialog.opened)
    return dialog.opened


def encrypted_now_text(opened: signin.Opened) -> str:
    """What a sign-in that encrypted a plain database says: the recovery code (once), the copy kept
    first, and who needs a new password."""
    parts = [
        QCoreApplication.translate(
            "Login", "The database was not encrypted. It is encrypted now, with your password."
        ),
        QCoreApplication.translate(
            "Login", "Recovery code - shown only this once. Write it down and keep it away from this computer:"
        ),
        f"\n    {opened.recovery_code}\n",
    ]
    if opened.safety_copy is not None:
        parts.append(QCoreApplication.translate("Login", "The encrypted copy taken first: %1")
                     .replace("%1", str(opened.safety_copy)))  # fmt: skip
    if opened.new_passwords:
        parts.append(QCoreApplication.translate(
            "Login", "These users need a new password from you (Users page) before they can sign in again: %1"
        ).replace("%1", ", ".join(opened.new_passwords)))
    return "\n\n".join(parts)


def show_encrypted_now(opened: signin.Opened, parent: QWidget | None = None) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Login", "The database is encrypted now"),
                      encrypted_now_text(opened), QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
    box.exec()
    return box
