"""Opfølgninger: every follow-up meeting, newest first; drafts stand out. Enter opens it."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from placement_desk.domain.vocab import label
from placement_desk.services.queries import FollowupRow, list_followups
from placement_desk.ui.context import UiContext
from placement_desk.ui.formatting import fmt_date
from placement_desk.ui.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel, row_table


class FollowupsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowTableModel[FollowupRow] = RowTableModel(
            [
                Column(self.tr("Date"), lambda r: fmt_date(r.day), lambda r: r.day.isoformat()),
                Column(self.tr("Citizen"), lambda r: r.citizen_name),
                Column(self.tr("Kind"), lambda r: label(r.kind)),
                Column(self.tr("Placement"), lambda r: r.placement_ref or ""),
                Column(self.tr("State"), lambda r: self.tr("finalised") if r.finalised else self.tr("draft")),
                Column(self.tr("Note"), lambda r: (r.note or "").replace("\n", " ")[:120]),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter follow-ups…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.drafts_only = QCheckBox(self.tr("Drafts only"), self)
        self.drafts_only.toggled.connect(lambda _c: self.refresh())
        self.table = row_table(self, self.proxy, sort=(0, Qt.SortOrder.DescendingOrder), single=False)
        self.search.setAccessibleName(self.tr("Filter follow-ups"))
        self.table.setAccessibleName(self.tr("Follow-ups"))
        self.table.activated.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.drafts_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        ctx.changed.connect(lambda _scope: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        rows = list_followups(self.ctx.db)
        if self.drafts_only.isChecked():
            rows = [r for r in rows if not r.finalised]
        self.model.set_rows(rows)

    def _open(self, index: object) -> None:
        row = self.proxy.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if row is not None:
            self.ctx.open_citizen.emit(row.citizen_ref, "followup")
