"""Forløb: every placement in one table (citizen, company, type, period, hours now, mentor).

Read-only and made for tens of thousands of rows: a :class:`PagedTableModel` reads a page at a time
(more as the list is scrolled), sorted and searched by the database, and the columns keep fixed widths
(no resize-to-contents over every row). Enter opens the citizen's placements.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from placement_desk.services.changes import CITIZEN, COMPANY, PLACEMENT, Changes
from placement_desk.services.queries import PLACEMENT_SORTS, PlacementListRow, list_placements
from placement_desk.ui.kit.formatting import fmt_date, fmt_hours
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, Page, PagedTableModel, RowFilterProxy, RowTableModel
from placement_desk.ui.kit.vocab_labels import label, outcome_label
from placement_desk.ui.shell import user_settings
from placement_desk.ui.shell.context import UiContext

WIDTHS = (180, 70, 200, 150, 90, 90, 80, 160, 140)


def placement_columns() -> list[Column[PlacementListRow]]:
    """The columns, headed in the UI's language."""
    heads = (
        QCoreApplication.translate("PlacementsPage", "Citizen"),
        QCoreApplication.translate("PlacementsPage", "Ref"),
        QCoreApplication.translate("PlacementsPage", "Company"),
        QCoreApplication.translate("PlacementsPage", "Type"),
        QCoreApplication.translate("PlacementsPage", "Start"),
        QCoreApplication.translate("PlacementsPage", "End"),
        QCoreApplication.translate("PlacementsPage", "Hours/week"),
        QCoreApplication.translate("PlacementsPage", "Workplace mentor"),
        QCoreApplication.translate("PlacementsPage", "Outcome"),
    )
    citizen, ref, company, kind, start, end, hours, mentor, outcome = heads
    return [
        Column(citizen, lambda r: r.citizen_name),
        Column(ref, lambda r: r.ref),
        Column(company, lambda r: r.company),
        Column(kind, lambda r: label(r.type)),
        Column(start, lambda r: fmt_date(r.start), lambda r: r.start.isoformat()),
        Column(end, lambda r: fmt_date(r.end), lambda r: r.end.isoformat() if r.end else "9999"),
        Column(hours, lambda r: fmt_hours(r.weekly_minutes), lambda r: r.weekly_minutes or 0, True),
        Column(mentor, lambda r: r.mentor or ""),
        Column(outcome, lambda r: outcome_label(r.outcome)),
    ]


def placement_proxy(model: RowTableModel[PlacementListRow], parent: QWidget | None = None) -> RowFilterProxy:
    """Filters on every column, case-insensitive; the model sorts itself by the columns' sort keys."""
    return RowFilterProxy(model, parent)


class PlacementsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: PagedTableModel[PlacementListRow] = PagedTableModel(
            placement_columns(), self._read, PLACEMENT_SORTS, parent=self
        )
        self.proxy = placement_proxy(self.model, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search placements (citizen, company, type, mentor)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.active_only = QCheckBox(self.tr("Running today only"), self)
        self.active_only.toggled.connect(lambda _checked: self.refresh())
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.search.setAccessibleName(self.tr("Search placements"))
        self.table.setAccessibleName(self.tr("Placements"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.active_only)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.search.setText(user_settings.text(ctx.db, "placements/filter"))  # the user's own last search
        self.search.textChanged.connect(lambda text: user_settings.remember(ctx.db, "placements/filter", text))
        # read when first shown, and again when shown after a write that touched what it lists
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.refresh(), stale=True)
        self.model.rowsInserted.connect(lambda *_: self._count())

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return changes.touches(PLACEMENT, CITIZEN, COMPANY, "contacts", "schedule_steps")

    def _read(self, page: Page) -> list[PlacementListRow]:
        return list_placements(self.ctx.db, running_only=self.active_only.isChecked(), text=page.text or None,
                               order=page.sort, descending=page.descending, offset=page.offset, limit=page.limit)  # fmt: skip

    def refresh(self) -> None:
        self.follower.forget()
        self.model.reload(self.model.rowCount())
        self._count()

    def _filter(self, text: str) -> None:
        self.model.set_text(text)
        self._count()

    def _count(self) -> None:
        """The rows read so far ("200+": more come as the list is scrolled)."""
        self.count.setText(f"{self.model.rowCount()}{'+' if self.model.canFetchMore() else ''}")

    def _open(self, index: object) -> None:
        row = self.proxy.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if row is not None:
            self.ctx.open_citizen.emit(row.citizen_ref, "placements")
