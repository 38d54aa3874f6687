"""Opfølgninger: the follow-up meetings, newest first; drafts stand out. Enter opens it.

The page shows the drafts and the last weeks first (what a mentor works on). "Alle" shows every meeting;
either way the rows are read a page at a time, newest first (more as the list is scrolled), sorted and
searched by the database over the chosen scope, so the page costs the same however long the archive is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from placement_desk.services.changes import CITIZEN, FOLLOWUP, PLACEMENT, Changes
from placement_desk.services.queries import FOLLOWUP_SORTS, RECENT_WEEKS, FollowupRow, list_followups
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, Page, PagedTableModel, RowFilterProxy, row_table
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext

SEARCH_DELAY_MS = 250  # typing pauses this long before the database is searched (Enter searches at once)
RECENT, ALL = "recent", "all"


class FollowupsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: PagedTableModel[FollowupRow] = PagedTableModel(
            [
                Column(self.tr("Date"), lambda r: fmt_date(r.day), lambda r: r.day.isoformat()),
                Column(self.tr("Citizen"), lambda r: r.citizen_name),
                Column(self.tr("Kind"), lambda r: label(r.kind)),
                Column(self.tr("Placement"), lambda r: r.placement_ref or ""),
                Column(self.tr("State"), lambda r: self.tr("finalised") if r.finalised else self.tr("draft")),
                Column(self.tr("Note"), lambda r: (r.note or "").replace("\n", " ")[:120]),
            ],
            self._read,
            FOLLOWUP_SORTS,
            parent=self,
        )
        self.proxy = RowFilterProxy(self.model, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search follow-ups (name, placement, note)…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.search_now)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Drafts and the last %1 weeks").replace("%1", str(RECENT_WEEKS)), RECENT)
        self.scope.addItem(self.tr("All follow-ups"), ALL)
        self.scope.setAccessibleName(self.tr("Which follow-ups"))
        self.scope.currentIndexChanged.connect(lambda _i: self.search_now())
        self.drafts_only = QCheckBox(self.tr("Drafts only"), self)
        self.drafts_only.toggled.connect(lambda _c: self.search_now())
        self.status = QLabel(self)
        self.status.setObjectName("followupsStatus")
        self.table = row_table(self, self.proxy, sort=(0, Qt.SortOrder.DescendingOrder), single=False)
        self.search.setAccessibleName(self.tr("Search follow-ups"))
        self.table.setAccessibleName(self.tr("Follow-ups"))
        self.table.activated.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.drafts_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.refresh())
        self.model.rowsInserted.connect(lambda *_: self._status())  # a page more read as the list scrolled
        self.refresh()

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return changes.touches(FOLLOWUP, "followup_corrections", CITIZEN, PLACEMENT)

    def _read(self, page: Page) -> list[FollowupRow]:
        return list_followups(
            self.ctx.db,
            recent_weeks=None if self.scope.currentData() == ALL else RECENT_WEEKS,
            text=page.text or None,
            drafts_only=self.drafts_only.isChecked(),
            order=page.sort,
            descending=page.descending,
            offset=page.offset,
            limit=page.limit,
        )

    def refresh(self, keep: bool = True) -> None:
        """Read again: as many rows as are shown (``keep``), or the first page (a new search or scope)."""
        self.follower.forget()
        self._search_timer.stop()
        self.model.set_text(self.search.text(), read=False)
        self.model.reload(self.model.rowCount() if keep else 0)
        self._status()

    def search_now(self) -> None:
        self.refresh(keep=False)

    def _status(self) -> None:
        shown = f"{self.model.rowCount():,}".replace(",", ".")
        if self.model.canFetchMore():
            text = self.tr("The newest %1 follow-ups are shown; more as you scroll down.")
        elif self.scope.currentData() == ALL:
            text = self.tr("%1 follow-ups.")
        else:
            text = self.tr(
                "%1 follow-ups: drafts and the last %2 weeks. Choose \u201cAll follow-ups\u201d for older ones."
            )
        self.status.setText(text.replace("%1", shown).replace("%2", str(RECENT_WEEKS)))

    def _open(self, index: object) -> None:
        row = self.proxy.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if row is not None:
            self.ctx.open_citizen.emit(row.citizen_ref, "followup")
