"""Opfølgninger: the follow-up meetings, newest first; drafts stand out. Enter opens it.

The page shows the drafts and the last weeks first (what a mentor works on; its cost follows the
caseload, not the archive). "Alle" shows every meeting, the newest :data:`ALL_LIMIT` of them; the search
field searches in the database over the chosen scope, so an old meeting is found without loading them all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from placement_desk.services.changes import CITIZEN, FOLLOWUP, PLACEMENT, Changes
from placement_desk.services.queries import RECENT_WEEKS, FollowupRow, list_followups
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowFilterProxy, RowTableModel, row_table
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext

ALL_LIMIT = 2000  # rows shown at most under "Alle" (newest first); the search reaches the rest
SEARCH_DELAY_MS = 250  # typing pauses this long before the database is searched (Enter searches at once)
RECENT, ALL = "recent", "all"


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
        self.proxy = RowFilterProxy(self.model, self)  # the model sorts itself: no data() call per comparison
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search follow-ups (name, placement, note)…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Drafts and the last %1 weeks").replace("%1", str(RECENT_WEEKS)), RECENT)
        self.scope.addItem(self.tr("All follow-ups"), ALL)
        self.scope.setAccessibleName(self.tr("Which follow-ups"))
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.drafts_only = QCheckBox(self.tr("Drafts only"), self)
        self.drafts_only.toggled.connect(lambda _c: self.refresh())
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
        self.refresh()

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return changes.touches(FOLLOWUP, "followup_corrections", CITIZEN, PLACEMENT)

    def refresh(self) -> None:
        self.follower.forget()
        self._search_timer.stop()
        everything = self.scope.currentData() == ALL
        rows = list_followups(
            self.ctx.db,
            recent_weeks=None if everything else RECENT_WEEKS,
            text=self.search.text().strip() or None,
            drafts_only=self.drafts_only.isChecked(),
            limit=ALL_LIMIT + 1 if everything else None,
        )
        more = len(rows) > ALL_LIMIT
        self.model.set_rows(rows[:ALL_LIMIT])
        shown = self.model.rowCount()
        if more:
            text = self.tr("The newest %1 follow-ups are shown. Search to find older ones.")
        elif everything:
            text = self.tr("%1 follow-ups.")
        else:
            text = self.tr("%1 follow-ups: drafts and the last %2 weeks. Choose \u201cAll follow-ups\u201d for older ones.")
        self.status.setText(text.replace("%1", f"{shown:,}".replace(",", ".")).replace("%2", str(RECENT_WEEKS)))

    def _open(self, index: object) -> None:
        row = self.proxy.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if row is not None:
            self.ctx.open_citizen.emit(row.citizen_ref, "followup")
