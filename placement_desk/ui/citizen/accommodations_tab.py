"""Skånehensyn: accommodation needs with category, source and dates; add, edit, retire."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_accommodation
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.vocab import AccommodationCategory, AccommodationSource
from placement_desk.services.common import today
from placement_desk.services.views import Row
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.commands.citizens import AddAccommodation, EditAccommodation, RetireAccommodation
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, FormDialog, vocab_combo
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext


class AccommodationDialog(FormDialog):
    def __init__(
        self, ctx: UiContext, citizen_ref: str, row: Row[cf.Accommodation] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.citizen_ref, self.row = ctx, citizen_ref, row
        a = row.value if row else None
        self.setWindowTitle(self.tr("Edit accommodation need") if row else self.tr("New accommodation need"))
        self.setMinimumWidth(480)
        self.text = self.form.add("text", self.tr("Need"), QLineEdit(a.text if a else "", self), required=True)
        self.text.setPlaceholderText(self.tr("e.g. clear and simple instructions; no heavy lifting"))
        self.category = self.form.add(
            "category", self.tr("Category"), vocab_combo([c.value for c in AccommodationCategory], parent=self)
        )
        self.source = self.form.add(
            "source", self.tr("Source"), vocab_combo([s.value for s in AccommodationSource], optional=True, parent=self)
        )
        self.identified = self.form.add(
            "identified", self.tr("Identified"), DateField(a.identified if a else today(), self)
        )
        self.active = self.form.add("active", self.tr("Applies now"), QCheckBox(self))
        self.active.setChecked(a.active if a else True)
        self.retired = self.form.add("retired", self.tr("Retired on"), DateField(a.retired if a else None, self))
        if a:
            self.category.setCurrentIndex(self.category.findData(a.category))
            self.source.setCurrentIndex(self.source.findData(a.source))
        else:
            self.source.setCurrentIndex(self.source.findData("observed"))

    def fields(self) -> dict[str, object]:
        return {
            "text": self.text.text().strip(),
            "category": self.category.currentData(),
            "source": self.source.currentData(),
            "identified": self.identified.value(),
            "active": self.active.isChecked(),
            "retired": self.retired.value(),
        }

    def commit(self) -> None:
        ref = self.citizen_ref
        try:
            need = parse_accommodation(self.fields(), "")  # as a case file's: a ValidationError names the field
            if self.row is None:
                self.ctx.push(AddAccommodation(self.ctx, self.tr("New accommodation need"), ref, need))
            else:
                text = self.tr("Edit accommodation need")
                self.ctx.push(EditAccommodation(self.ctx, text, ref, self.row.id, self.row.value, need))
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.accept()


class AccommodationsTab(CitizenTab):
    key = "accommodations"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RowTableModel[Row[cf.Accommodation]] = RowTableModel(
            [
                Column(self.tr("Need"), lambda r: r.value.text),
                Column(self.tr("Category"), lambda r: label(r.value.category)),
                Column(self.tr("Source"), lambda r: label(r.value.source)),
                Column(self.tr("Identified"), lambda r: fmt_date(r.value.identified)),
                Column(
                    self.tr("Status"),
                    lambda r: (
                        self.tr("applies")
                        if r.value.active
                        else self.tr("retired %1").replace("%1", fmt_date(r.value.retired))
                    ),
                ),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Accommodations"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.edit_selected())
        add = QPushButton(self.tr("New need…"), self)
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("Edit…"), self)
        edit.clicked.connect(self.edit_selected)
        retire = QPushButton(self.tr("Retire"), self)
        retire.clicked.connect(self.retire_selected)
        buttons = QHBoxLayout()
        for b in (add, edit, retire):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        assert self.detail is not None
        self.model.set_rows(self.detail.accommodations)

    def selected(self) -> Row[cf.Accommodation] | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def add(self) -> AccommodationDialog:
        dialog = AccommodationDialog(self.ctx, self.ref, None, self)
        dialog.open()
        return dialog

    def edit_selected(self) -> AccommodationDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = AccommodationDialog(self.ctx, self.ref, row, self)
        dialog.open()
        return dialog

    def retire_selected(self) -> None:
        row = self.selected()
        if row is None or not row.value.active:
            return
        retire = RetireAccommodation(
            self.ctx, self.tr("Retire accommodation need"), self.ref, row.id, row.value, today()
        )
        self.ctx.guarded(lambda: self.ctx.push(retire))
