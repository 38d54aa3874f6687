"""Brugere (administrators only): who may sign in, their roles, companies and passwords."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain.errors import ValidationError
from placement_desk.domain.roles import Role
from placement_desk.services import users
from placement_desk.services.queries import list_companies
from placement_desk.services.users import MIN_PASSWORD, UserRow
from placement_desk.ui.kit.forms import FormDialog
from placement_desk.ui.kit.messages import role_label
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel, row_table
from placement_desk.ui.shell.context import EXPECTED, UiContext
from placement_desk.ui.shell.login import check_same, password_field


class UserDialog(FormDialog):
    """A new user (``row`` None) or changes to one: full name, role, company, active."""

    def __init__(self, ctx: UiContext, row: UserRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("New user") if row is None else self.tr("Change user %1").replace(
            "%1", row.username))
        self.setMinimumWidth(460)
        self.username = self.form.add("username", self.tr("User name"), QLineEdit(self))
        self.display_name = self.form.add("display_name", self.tr("Full name"), QLineEdit(self))
        self.role = self.form.add("role", self.tr("Role"), QComboBox(self))
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.company = self.form.add("company", self.tr("Company"), QComboBox(self))
        self.company.addItem("—", None)
        for company in list_companies(ctx.db):
            self.company.addItem(company.name, company.ref)
        self.password = self.form.add("password", self.tr("Password"), password_field(self))
        self.password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(MIN_PASSWORD)))
        self.password2 = self.form.add("password2", self.tr("Password again"), password_field(self))
        self.active = self.form.add("active", self.tr("Active (may sign in)"), QCheckBox(self))
        self.active.setChecked(True)
        if row is None:
            self.role.setCurrentIndex(self.role.findData(Role.CONSULTANT.value))
            self._show_row("active", False)
        else:
            self.username.setText(row.username)
            self.username.setReadOnly(True)
            self.display_name.setText(row.display_name)
            self.role.setCurrentIndex(self.role.findData(row.role.value))
            self.company.setCurrentIndex(max(0, self.company.findData(row.company_ref)))
            self.active.setChecked(row.active)
            self._show_row("password", False)
            self._show_row("password2", False)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _show_row(self, key: str, visible: bool) -> None:
        holder = self.form.fields[key].parentWidget()
        if holder is not None:
            self.form.layout_.setRowVisible(holder, visible)

    def _role_changed(self) -> None:
        self._show_row("company", self.role.currentData() == Role.WORKPLACE_MENTOR.value)

    def chosen_company(self) -> str | None:
        if self.role.currentData() != Role.WORKPLACE_MENTOR.value:
            return None
        ref = self.company.currentData()
        return None if ref is None else str(ref)

    def save(self) -> None:
        db = self.ctx.db
        role = str(self.role.currentData())
        company = self.chosen_company()
        try:
            if self.row is None:
                check_same(self.password.text(), self.password2.text())
                users.create_user(db, self.username.text(), self.display_name.text(), role, self.password.text(),
                                  company)
            else:
                if not self.display_name.text().strip():
                    raise ValidationError("display_name", code="required")
                users.update_user(db, self.row.username, display_name=self.display_name.text(), role=role,
                                  company_ref=company, active=self.active.isChecked())
        except EXPECTED as exc:
            self.form.show_error(exc)
            return
        self.accept()


class PasswordDialog(FormDialog):
    """A new password for a user (twice); it also lifts a lock after failed sign-ins."""

    def __init__(self, ctx: UiContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.username = ctx, username
        self.setWindowTitle(self.tr("New password for %1").replace("%1", username))
        self.setMinimumWidth(420)
        self.password = self.form.add("password", self.tr("New password"), password_field(self))
        self.password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(MIN_PASSWORD)))
        self.password2 = self.form.add("password2", self.tr("New password again"), password_field(self))

    def save(self) -> None:
        try:
            check_same(self.password.text(), self.password2.text())
            users.set_password(self.ctx.db, self.username, self.password.text())
        except EXPECTED as exc:
            self.form.show_error(exc)
            return
        self.accept()


class UsersPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowTableModel[UserRow] = RowTableModel(
            [
                Column(self.tr("User name"), lambda r: r.username),
                Column(self.tr("Full name"), lambda r: r.display_name),
                Column(self.tr("Role"), lambda r: role_label(r.role)),
                Column(self.tr("Company"), lambda r: r.company_name or ""),
                Column(self.tr("Active"), lambda r: self.tr("yes") if r.active else self.tr("no")),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = row_table(self, self.proxy, sort=(0, Qt.SortOrder.AscendingOrder))
        self.table.setAccessibleName(self.tr("Users"))
        self.table.activated.connect(lambda _i: self.edit_user())
        self.new_button = QPushButton(self.tr("New user…"), self)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button = QPushButton(self.tr("New password…"), self)
        self.password_button.clicked.connect(self.new_password)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        note = QLabel(self.tr("Workplace mentors see only attendance at their own company. Case workers can read "
                              "but not change anything."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")  # grey, yet 4.5:1 or more
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.password_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(note)
        self.follower = ChangeFollower(self, ctx, lambda c: c.touches("users"), lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.follower.forget()
        selected = self.selected()
        self.ctx.guarded(lambda: self.model.set_rows(users.list_users(self.ctx.db)))
        if selected is not None:
            self.select(selected.username)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        row = self.proxy.data(index, ROW_ROLE)
        return row if isinstance(row, UserRow) else None

    def select(self, username: str) -> None:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(r, 0), ROW_ROLE)
            if isinstance(row, UserRow) and row.username == username:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.password_button.setEnabled(chosen)

    def new_user(self) -> UserDialog:
        dialog = UserDialog(self.ctx, None, self)
        if dialog.exec():
            self.refresh()
            self.select(dialog.username.text().strip())
        return dialog

    def edit_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        if UserDialog(self.ctx, row, self).exec():
            self.refresh()

    def new_password(self) -> None:
        row = self.selected()
        if row is not None:
            PasswordDialog(self.ctx, row.username, self).exec()
