"""Virksomheder: the companies, their contacts (workplace mentors) and placements."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_company, parse_contact
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.services import companies
from placement_desk.services.changes import CITIZEN, COMPANY, PLACEMENT, Changes
from placement_desk.services.queries import CompanyDetail, CompanyPlacement, CompanyRow, company_detail, list_companies
from placement_desk.ui.commands.companies import AddContact, CreateCompany, EditCompany
from placement_desk.ui.kit.field_checks import cvr_problem
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import FormDialog, text_or_none
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import (
    RESIZE_PRECISION,
    ROW_ROLE,
    Column,
    Page,
    PagedTableModel,
    RowFilterProxy,
    RowTableModel,
)
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell import user_settings
from placement_desk.ui.shell.context import UiContext

T = TypeVar("T", cf.Company, cf.Contact)


def table(parent: QWidget, model: object) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)  # sized by the first rows, not all
    view.horizontalHeader().setStretchLastSection(True)
    return view


def unsaved(parse: Callable[[object, str], T], fields: Mapping[str, object]) -> T:
    """A new company or contact from a form's values, read as a case file's; its ref is empty: the
    service gives the next free one when it saves."""
    return replace(parse({**fields, "ref": "-"}, ""), ref="")


class CompanyDialog(FormDialog):
    """New company or edit one; errors appear next to the field."""

    def __init__(self, ctx: UiContext, detail: CompanyDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.setWindowTitle(self.tr("Edit company") if detail else self.tr("New company"))
        self.name = self.form.add(
            "name", self.tr("Name"), QLineEdit(detail.name if detail else "", self), required=True
        )
        self.cvr = QLineEdit((detail.cvr or "") if detail else "", self)
        self.cvr.setPlaceholderText(self.tr("8 digits (optional)"))
        self.form.add("cvr", self.tr("CVR number"), self.cvr, check=cvr_problem(self.cvr))
        self.industry = self.form.add(
            "industry", self.tr("Industry"), QLineEdit((detail.industry or "") if detail else "", self)
        )
        self.address = self.form.add(
            "address", self.tr("Address"), QLineEdit((detail.address or "") if detail else "", self)
        )
        self.internal = self.form.add("internal", self.tr("Internal training ground"), QCheckBox(self))
        self.internal.setChecked(bool(detail and detail.internal))
        self.saved_ref: str | None = None

    def fields(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "cvr": text_or_none(self.cvr),
            "industry": text_or_none(self.industry),
            "address": text_or_none(self.address),
            "internal": self.internal.isChecked(),
        }

    def commit(self) -> None:
        self.submit(self.save_values)  # a conflict closes it: the screens reloaded the other person's version

    def save_values(self) -> None:
        """The form's values read as a case file's company (a ValidationError names the field), saved."""
        fields, detail = self.fields(), self.detail
        if detail is None:
            command = CreateCompany(
                self.ctx, self.tr("New company %1").replace("%1", str(fields["name"])), unsaved(parse_company, fields)
            )
            self.ctx.push(command)
            self.saved_ref = command.ref
        else:
            before, _version = companies.company_fields(self.ctx.db, detail.ref)
            after = parse_company({**cf.company_json(before), **fields}, "")
            text = self.tr("Edit company %1").replace("%1", str(fields["name"]))
            self.ctx.push(EditCompany(self.ctx, text, before, after, detail.version))
            self.saved_ref = detail.ref


class ContactDialog(FormDialog):
    def __init__(self, ctx: UiContext, company_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.company_ref = ctx, company_ref
        self.setWindowTitle(self.tr("New contact person"))
        self.name = self.form.add("name", self.tr("Name"), QLineEdit(self), required=True)
        self.phone = self.form.add("phone", self.tr("Phone"), QLineEdit(self))
        self.email = self.form.add("email", self.tr("E-mail"), QLineEdit(self))
        self.mentor = self.form.add("role", self.tr("Workplace mentor"), QCheckBox(self))
        self.mentor.setChecked(True)

    def commit(self) -> None:
        fields = {
            "name": self.name.text().strip(),
            "phone": text_or_none(self.phone),
            "email": text_or_none(self.email),
            "role": "workplace_mentor" if self.mentor.isChecked() else "contact",
        }
        try:
            contact = unsaved(parse_contact, fields)
            text = self.tr("New contact %1").replace("%1", contact.name)
            self.ctx.push(AddContact(self.ctx, text, self.company_ref, contact))
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.accept()


class CompaniesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # a page at a time, sorted and searched by the database: the list costs the same at any size
        self.model: PagedTableModel[CompanyRow] = PagedTableModel(
            [
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("CVR"), lambda r: r.cvr or ""),
                Column(self.tr("Internal"), lambda r: self.tr("yes") if r.internal else ""),
                Column(
                    self.tr("Active placements"),
                    lambda r: str(r.active_placements),
                    lambda r: r.active_placements,
                    True,
                ),
            ],
            self._read,
            ("name", "cvr", "internal", "active"),
            parent=self,
        )
        self.proxy = RowFilterProxy(self.model, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search companies…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_text)
        self.search.setText(user_settings.text(ctx.db, "companies/filter"))  # the user's own last search
        self.search.textChanged.connect(lambda text: user_settings.remember(ctx.db, "companies/filter", text))
        self.list = table(self, self.proxy)
        self.search.setAccessibleName(self.tr("Search companies"))
        self.list.setAccessibleName(self.tr("Companies"))
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.new_button = new = QPushButton(self.tr("New company…"), self)
        new.clicked.connect(self.new_company)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(new)
        left_layout.addLayout(top)
        left_layout.addWidget(self.list)
        self.detail_panel = CompanyPanel(ctx, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.refresh())
        self.refresh()

    @staticmethod
    def _wants(changes: Changes) -> bool:
        """Companies, their contacts, and the placements (with the citizens' names) the detail lists."""
        return changes.touches(COMPANY, "contacts", PLACEMENT, CITIZEN)

    def _read(self, page: Page) -> list[CompanyRow]:
        return list_companies(self.ctx.db, text=page.text or None, order=page.sort, descending=page.descending,
                              offset=page.offset, limit=page.limit)  # fmt: skip

    def refresh(self) -> None:
        self.follower.forget()
        current = self.detail_panel.ref
        self.model.reload(self.model.rowCount())
        if current:
            self.select(current)

    def select(self, ref: str) -> None:
        """Show the company, selected in the list; one beyond the rows read so far (a page at a time)
        is shown all the same."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).ref == ref:
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                self.detail_panel.show_company(ref)
                return
        if self.model.canFetchMore():
            with contextlib.suppress(NotFoundError):  # gone meanwhile (an undone creation): nothing to show
                self.detail_panel.show_company(ref)

    def _show_selected(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.detail_panel.show_company(index.data(ROW_ROLE).ref)

    def new_company(self) -> None:
        dialog = CompanyDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_ref:
            self.refresh()
            self.select(dialog.saved_ref)


class CompanyPanel(QWidget):
    """One company: facts, contacts, current and past placements."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref: str | None = None
        self.detail: CompanyDetail | None = None
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.contacts: RowTableModel[tuple[str, str, str | None, str | None, str | None]] = RowTableModel(
            [
                Column(self.tr("Contact"), lambda r: r[1]),
                Column(
                    self.tr("Role"),
                    lambda r: self.tr("Workplace mentor") if r[2] == "workplace_mentor" else (r[2] or ""),
                ),
                Column(self.tr("Phone"), lambda r: r[3] or ""),
                Column(self.tr("E-mail"), lambda r: r[4] or ""),
            ],
            self,
        )
        self.placements: RowTableModel[CompanyPlacement] = RowTableModel(
            [
                Column(self.tr("Citizen"), lambda r: r.citizen_name),
                Column(self.tr("Type"), lambda r: label(r.type)),
                Column(
                    self.tr("Period"),
                    lambda r: f"{fmt_date(r.start)} – {fmt_date(r.end)}",
                    lambda r: r.start.isoformat(),
                ),
                Column(self.tr("Workplace mentor"), lambda r: r.mentor or ""),
                Column(self.tr("Now"), lambda r: self.tr("current") if r.current else ""),
            ],
            self,
        )
        self.placement_view = table(self, self.placements)
        self.placement_view.setAccessibleName(self.tr("Placements (current and past)"))
        self.placement_view.activated.connect(
            lambda index: ctx.open_citizen.emit(index.data(ROW_ROLE).citizen_ref, "placements")
        )
        self.edit_button = edit = QPushButton(self.tr("Edit…"), self)
        edit.clicked.connect(self.edit)
        self.contact_button = add_contact = QPushButton(self.tr("New contact…"), self)
        add_contact.clicked.connect(self.add_contact)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(add_contact)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Contacts"), self))
        contacts = table(self, self.contacts)
        contacts.setAccessibleName(self.tr("Contacts"))
        layout.addWidget(contacts, 1)
        layout.addWidget(QLabel(self.tr("Placements (current and past)"), self))
        layout.addWidget(self.placement_view, 2)
        self.setEnabled(False)

    def show_company(self, ref: str) -> None:
        self.ref = ref
        self.detail = d = company_detail(self.ctx.db, ref)
        self.setEnabled(True)
        self.title.setText(d.name)
        facts = [f"CVR {d.cvr}" if d.cvr else self.tr("No CVR"), d.industry or "", d.address or ""]
        if d.internal:
            facts.append(self.tr("Internal training ground"))
        self.facts.setText(" · ".join(f for f in facts if f))
        self.contacts.set_rows(d.contacts)
        self.placements.set_rows(d.placements)

    def edit(self) -> None:
        if self.detail is not None:
            CompanyDialog(self.ctx, self.detail, self).exec()

    def add_contact(self) -> None:
        if self.ref is not None:
            ContactDialog(self.ctx, self.ref, self).exec()
