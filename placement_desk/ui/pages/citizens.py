"""The citizen list (Borgere): search, sort, open a citizen.

Enter in the filter opens the citizen when one is left (with several, the list gets the focus);
Down goes into the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.services.changes import CITIZEN, COMPANY, PLACEMENT, Changes
from placement_desk.services.queries import CitizenRow, list_citizens
from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog
from placement_desk.ui.kit.formatting import fmt_date, fmt_hours
from placement_desk.ui.kit.refresh import ChangeFollower, citizens_removed, select_row, unplaced
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, Page, PagedTableModel, RowFilterProxy, row_table
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell import user_settings
from placement_desk.ui.shell.context import UiContext

CITIZEN_SORTS = ("name", "ref", "company", "type", "hours", "ends", "job_goal")  # list_citizens' order per column


def citizen_columns() -> list[Column[CitizenRow]]:
    return [
        Column(QCoreApplication.translate("CitizensPage", "Name"), lambda r: r.name),
        Column(QCoreApplication.translate("CitizensPage", "Ref"), lambda r: r.ref),
        Column(QCoreApplication.translate("CitizensPage", "Company"), lambda r: r.company or ""),
        Column(QCoreApplication.translate("CitizensPage", "Type"), lambda r: label(r.placement_type)),
        Column(
            QCoreApplication.translate("CitizensPage", "Hours/week"),
            lambda r: fmt_hours(r.weekly_minutes),
            lambda r: r.weekly_minutes or 0,
            True,
        ),
        Column(
            QCoreApplication.translate("CitizensPage", "Ends"),
            lambda r: fmt_date(r.placement_end),
            lambda r: r.placement_end.isoformat() if r.placement_end else "9999",
        ),
        Column(QCoreApplication.translate("CitizensPage", "Job goal"), lambda r: r.job_goal or ""),
    ]


class CitizensPage(QWidget):
    citizen_opened = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        # a page at a time, sorted and searched by the database: the list costs the same at any size
        self.model: PagedTableModel[CitizenRow] = PagedTableModel(
            citizen_columns(), self._read, CITIZEN_SORTS, parent=self
        )
        self.proxy = RowFilterProxy(self.model, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search citizens (name, ref, company)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_text)
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(lambda _checked: self.refresh())
        self.table = row_table(self, self.proxy, sort=(0, Qt.SortOrder.AscendingOrder))
        self.search.setAccessibleName(self.tr("Search citizens"))
        self.table.setAccessibleName(self.tr("Citizens"))
        self.table.activated.connect(self._open)
        self.new_button = QPushButton(self.tr("New citizen…"), self)
        self.new_button.clicked.connect(self.new_citizen)
        self.search.setText(user_settings.text(ctx.db, "citizens/filter"))  # the user's own last search
        self.search.textChanged.connect(lambda text: user_settings.remember(ctx.db, "citizens/filter", text))
        self.search.returnPressed.connect(self.open_match)
        self.search.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.follower = ChangeFollower(self, ctx, self._wants, self._changed)
        self.refresh()

    def _read(self, page: Page) -> list[CitizenRow]:
        return list_citizens(self.db, include_archived=self.show_archived.isChecked(), text=page.text or None,
                             order=page.sort, descending=page.descending, offset=page.offset, limit=page.limit)  # fmt: skip

    def refresh(self) -> None:
        """Read again (as many rows as are shown: the place in the list stays)."""
        self.follower.forget()
        self.model.reload(self.model.rowCount())

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return bool(changes.citizens) or changes.touches(CITIZEN, COMPANY, PLACEMENT, "schedule_steps")

    def _changed(self, changes: Changes) -> None:
        """The rows of the citizens a write touched are read again; all rows after a bulk write or a
        company's change (its name stands in many rows)."""
        whole = changes.everything or changes.touches(COMPANY) or citizens_removed(changes) or unplaced(changes)
        if whole or len(changes.citizens) > 200:
            self.refresh()
        elif changes.citizens:
            self.refresh_citizens(changes.citizens)

    def refresh_citizens(self, refs: frozenset[str]) -> None:
        fresh = list_citizens(self.db, include_archived=self.show_archived.isChecked(), refs=refs,
                              text=self.model.text or None)  # fmt: skip
        current = self.table.currentIndex()
        was = current.data(ROW_ROLE) if current.isValid() else None
        self.model.replace(fresh, lambda r: r.ref, refs)
        if was is not None and not self.table.currentIndex().isValid():  # read again: the cursor stays on its citizen
            select_row(self.table, self.model, was.ref, lambda r: r.ref, current.column())

    def new_citizen(self) -> None:
        dialog = NewCitizenDialog(self.ctx, self)
        if dialog.exec() and dialog.created:
            self.citizen_opened.emit(dialog.created)

    def open_match(self) -> None:
        """Enter in the filter: the one citizen left opens; with several, the list takes the focus."""
        if self.proxy.rowCount() == 1:
            self._open(self.proxy.index(0, 0))
        elif self.proxy.rowCount() > 1:
            self.enter_list()

    def enter_list(self) -> None:
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self.enter_list()
            return True
        return super().eventFilter(watched, event)

    def _open(self, index: object) -> None:
        row = self.proxy.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if row is not None:
            self.citizen_opened.emit(row.ref)
